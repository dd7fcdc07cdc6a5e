// CLAP via the CLAP headers in dpf-source. Loads the .clap, init()s its entry, and for every descriptor of the plugin
// factory creates and init()s the plugin to read params, audio-ports and note-ports. Choices:
// - rawCategory = the features joined with '|' in the plugin's order; isInstrument = feature "instrument";
// - parameters: min/max/default in the plugin's own units; CLAP has no units field, so units = "";
//   IS_ENUM → enum (labels from value_to_text at each integer from min to max, at most kMaxEnumValues), else
//   IS_STEPPED → bool when the range is 0..1, int otherwise, with steps = max − min + 1; READONLY → isOutput;
//   AUTOMATABLE → isAutomatable; IS_HIDDEN parameters are left out, as for VST3 (not meant to be shown);
// - audio: main ports' channels → audioInputs/audioOutputs, other input ports' channels → auxInputs;
//   note ports → midiInputs/midiOutputs (port counts). CLAP presets (preset-discovery) are not read.
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "../rpc/errors.hpp"
#include "../text.hpp"
#include "clap_host.hpp"
#include "../dl_library.hpp"
#include "../check/formats.hpp"
#include "format.hpp"

namespace pluginary {
namespace {

constexpr int kMaxEnumValues = 4096;
constexpr uint32_t kTextSize = 256;

/// A fixed-size char field (maybe unterminated) as a string.
template <std::size_t N>
std::string fixed(const char (&field)[N]) {
    std::size_t length = 0;
    while (length < N && field[length] != '\0') ++length;
    return std::string(field, length);
}

/// `v` as the plugin's author wrote it when it is exactly a float (0.1f → 0.1, not 0.10000000149011612).
double tidyIfFloat(double v) {
    const float f = static_cast<float>(v);
    return static_cast<double>(f) == v ? tidyFloat(f) : v;
}

std::string orEmpty(const char* text) { return text != nullptr ? text : ""; }

std::string valueText(const clap_plugin_params_t* params, const clap_plugin_t* plugin, clap_id id, double value) {
    char text[kTextSize] = {};
    if (params->value_to_text == nullptr || !params->value_to_text(plugin, id, value, text, kTextSize)) return "";
    text[kTextSize - 1] = '\0';
    return text;
}

ParameterInfo readParameter(const clap_plugin_params_t* params, const clap_plugin_t* plugin, const clap_param_info_t& raw) {
    ParameterInfo p;
    p.id = std::to_string(raw.id);
    p.name = fixed(raw.name);
    p.min = tidyIfFloat(raw.min_value);
    p.max = tidyIfFloat(raw.max_value);
    p.def = tidyIfFloat(raw.default_value);
    p.isOutput = (raw.flags & CLAP_PARAM_IS_READONLY) != 0;
    p.isAutomatable = (raw.flags & CLAP_PARAM_IS_AUTOMATABLE) != 0;
    const double span = std::floor(raw.max_value) - std::ceil(raw.min_value);
    const bool stepped = (raw.flags & (CLAP_PARAM_IS_STEPPED | clap::kParamIsEnum)) != 0 && span >= 0;
    if (!stepped) return p;
    p.steps = span + 1 > kMaxEnumValues * 1000.0 ? 0 : static_cast<int>(span) + 1;
    if ((raw.flags & clap::kParamIsEnum) != 0 && span + 1 <= kMaxEnumValues) {
        p.type = "enum";
        for (double v = std::ceil(raw.min_value); v <= raw.max_value; v += 1.0) {
            p.valueStrings.push_back(valueText(params, plugin, raw.id, v));
            p.enumValues.push_back(v);
        }
    } else if (raw.min_value == 0.0 && raw.max_value == 1.0) {
        p.type = "bool";
    } else {
        p.type = "int";
    }
    return p;
}

std::vector<ParameterInfo> readParameters(const clap::Instance& instance) {
    std::vector<ParameterInfo> parameters;
    const auto* params = instance.extension<clap_plugin_params_t>(CLAP_EXT_PARAMS);
    if (params == nullptr || params->count == nullptr || params->get_info == nullptr) return parameters;
    const uint32_t count = params->count(instance.get());
    for (uint32_t i = 0; i < count; ++i) {
        clap_param_info_t raw{};
        if (!params->get_info(instance.get(), i, &raw)) continue;
        if ((raw.flags & CLAP_PARAM_IS_HIDDEN) != 0) continue;
        parameters.push_back(readParameter(params, instance.get(), raw));
    }
    return parameters;
}

void readPorts(const clap::Instance& instance, PluginInfo& info) {
    if (const auto* audio = instance.extension<clap_plugin_audio_ports_t>(CLAP_EXT_AUDIO_PORTS)) {
        for (bool input : {true, false}) {
            const uint32_t count = audio->count(instance.get(), input);
            for (uint32_t i = 0; i < count; ++i) {
                clap_audio_port_info_t port{};
                if (!audio->get(instance.get(), i, input, &port)) continue;
                const int channels = static_cast<int>(port.channel_count);
                const bool main = (port.flags & CLAP_AUDIO_PORT_IS_MAIN) != 0;
                if (input) (main ? info.audioInputs : info.auxInputs) += channels;
                else if (main) info.audioOutputs += channels;
            }
        }
    }
    if (const auto* notes = instance.extension<clap_plugin_note_ports_t>(CLAP_EXT_NOTE_PORTS)) {
        info.midiInputs = static_cast<int>(notes->count(instance.get(), true));
        info.midiOutputs = static_cast<int>(notes->count(instance.get(), false));
    }
}

PluginInfo describe(const clap_plugin_factory_t* factory, const clap::Host& host, const clap_plugin_descriptor_t& d) {
    PluginInfo info;
    info.format = "clap";
    info.uid = orEmpty(d.id);
    info.name = orEmpty(d.name);
    info.vendor = orEmpty(d.vendor);
    info.version = orEmpty(d.version);
    for (const char* const* feature = d.features; feature != nullptr && *feature != nullptr; ++feature) {
        if (!info.rawCategory.empty()) info.rawCategory += '|';
        info.rawCategory += *feature;
        if (std::string(*feature) == CLAP_PLUGIN_FEATURE_INSTRUMENT) info.isInstrument = true;
    }
    clap::Instance instance(factory, host, d.id);
    readPorts(instance, info);
    info.parameters = readParameters(instance);
    return info;
}

class ClapFormat final : public Format {
public:
    std::string name() const override { return "clap"; }

    std::vector<PluginInfo> probe(const std::string& path, const ProbeOptions&) override {
        DlLibrary library = open(path);
        const clap_plugin_entry_t* entry = entryPoint(library);
        clap::EntryScope scope(entry, path);
        const clap_plugin_factory_t* factory = pluginFactory(entry);
        clap::Host host;
        std::vector<PluginInfo> plugins;
        const uint32_t count = factory->get_plugin_count(factory);
        for (uint32_t i = 0; i < count; ++i) {
            const clap_plugin_descriptor_t* d = factory->get_plugin_descriptor(factory, i);
            if (d == nullptr || d->id == nullptr) continue;
            plugins.push_back(describe(factory, host, *d));
        }
        if (plugins.empty()) throw ProbeError(rpc::kNotAPlugin, "the CLAP file's factory lists no plugins");
        return plugins;
    }

    check::Result check(const std::string& path, const check::Request& request) override {
        DlLibrary library = open(path);
        const clap_plugin_entry_t* entry = entryPoint(library);
        clap::EntryScope scope(entry, path);
        const clap_plugin_factory_t* factory = pluginFactory(entry);
        bool listed = false;
        const uint32_t count = factory->get_plugin_count(factory);
        for (uint32_t i = 0; i < count && !listed; ++i) {
            const clap_plugin_descriptor_t* d = factory->get_plugin_descriptor(factory, i);
            listed = d != nullptr && d->id != nullptr && request.uid == d->id;
        }
        if (!listed) throw ProbeError(rpc::kUnknownPlugin, "no plugin \"" + request.uid + "\" in " + path);
        clap::Host host;
        std::unique_ptr<clap::Instance> instance;
        try {
            instance = std::make_unique<clap::Instance>(factory, host, request.uid.c_str());
        } catch (const ProbeError& e) {
            throw check::Failed(e.what());
        }
        return check::runClap(*instance, host, request);
    }

private:
    static DlLibrary open(const std::string& path) {
        if (!looksLikeSharedLibrary(path)) throw ProbeError(rpc::kNotAPlugin, "not a CLAP plugin: " + path + " is not a shared library");
        DlLibrary library(path);
        if (!library.ok()) throw ProbeError(rpc::kLoadFailed, "dlopen failed: " + library.error());
        return library;
    }

    static const clap_plugin_entry_t* entryPoint(const DlLibrary& library) {
        const auto* entry = static_cast<const clap_plugin_entry_t*>(library.symbol("clap_entry"));
        if (entry == nullptr) throw ProbeError(rpc::kNotAPlugin, "no CLAP entry point (clap_entry)");
        return entry;
    }

    static const clap_plugin_factory_t* pluginFactory(const clap_plugin_entry_t* entry) {
        const auto* factory = entry->get_factory != nullptr
            ? static_cast<const clap_plugin_factory_t*>(entry->get_factory(CLAP_PLUGIN_FACTORY_ID))
            : nullptr;
        if (factory == nullptr) throw ProbeError(rpc::kNotAPlugin, "the CLAP file has no plugin factory");
        return factory;
    }
};

}  // namespace

std::unique_ptr<Format> makeClapFormat() { return std::make_unique<ClapFormat>(); }

}  // namespace pluginary

// VST2 (Linux .so) via the clean-room FST header. Loads the library, opens each effect (each sub-plugin of a shell)
// and reads what the plugin says about itself. Choices a reader may look for:
// - version: effGetVendorVersion rendered by formatVendorVersion (see there);
// - display texts: the plugin's getParamDisplay text, then a space and its getParamLabel when there is one
//   ("-20.0 dB"), read after setParameter(0), setParameter(1) and back at the value the plugin loaded with;
// - VST2 has no output parameters, so isOutput is always false.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "../rpc/errors.hpp"
#include "../text.hpp"
#include "../dl_library.hpp"
#include "../check/formats.hpp"
#include "format.hpp"
#include "vst2_abi.hpp"
#include "vst2_effect.hpp"

namespace pluginary {
namespace {

using vst2::Effect;

/// effGetVendorVersion as text. The ABI fixes no encoding; three are in use and overlap, so:
/// - 1000..9999 → the decimal convention LSP uses (major·1000 + minor·100 + micro): 1011 → "1.0.11", 2400 → "2.4.0";
/// - 256..999 and ≥ 0x10000 → packed bytes (major << 16 | minor << 8 | micro), the encoding of DPF (zam, dragonfly,
///   DISTRHO, ProM: 0x040100 → "4.1.0", 0x100 → "0.1.0") and JUCE;
/// - 1..255 → the bare number ("3"); 0 or less → "".
std::string formatVendorVersion(t_fstPtrInt v) {
    if (v <= 0) return "";
    if (v < 256) return std::to_string(v);
    if (v >= 1000 && v <= 9999) {
        return std::to_string(v / 1000) + "." + std::to_string(v / 100 % 10) + "." + std::to_string(v % 100);
    }
    return std::to_string(v >> 16) + "." + std::to_string((v >> 8) & 0xff) + "." + std::to_string(v & 0xff);
}

/// The display text of parameter `index` at its current value: display, then label when the plugin gives one.
std::string displayText(const Effect& fx, int index) {
    std::string text = fx.text(effGetParamDisplay, index);
    std::string label = fx.text(effGetParamLabel, index);
    if (!label.empty()) text += text.empty() ? label : " " + label;
    return text;
}

ParameterInfo readParameter(const Effect& fx, int index) {
    ParameterInfo p;
    p.id = std::to_string(index);
    p.name = fx.text(effGetParamName, index);
    p.units = fx.text(effGetParamLabel, index);
    p.min = 0.0;
    p.max = 1.0;
    const float loaded = fx->getParameter(fx.operator->(), index);
    p.def = tidyFloat(loaded);
    p.isAutomatable = fx.dispatch(effCanBeAutomated, index) != 0;

    // effGetParameterProperties: a longer name, and whether the parameter is a switch or integer-stepped.
    union {
        vst2::ParameterProperties props;
        char padding[vst2::kTextBufferSize];
    } buffer{};
    if (fx.dispatch(vst2::kEffGetParameterProperties, index, 0, &buffer) != 0) {
        buffer.props.label[sizeof buffer.props.label - 1] = '\0';
        std::string longName = trim(buffer.props.label);
        if (longName.size() > p.name.size()) p.name = longName;
        if (buffer.props.flags & vst2::kParamIsSwitch) {
            p.type = "bool";
            p.steps = 2;
        } else if ((buffer.props.flags & vst2::kParamUsesIntegerMinMax) && buffer.props.maxInteger > buffer.props.minInteger) {
            p.type = "int";
            p.steps = buffer.props.maxInteger - buffer.props.minInteger + 1;
        }
    }

    DisplayTexts display;
    fx->setParameter(fx.operator->(), index, 0.0f);
    display.min = displayText(fx, index);
    fx->setParameter(fx.operator->(), index, 1.0f);
    display.max = displayText(fx, index);
    fx->setParameter(fx.operator->(), index, loaded);
    display.def = displayText(fx, index);
    p.display = display;
    return p;
}

std::vector<PresetInfo> readPrograms(const Effect& fx) {
    std::vector<PresetInfo> presets;
    for (int i = 0; i < fx->numPrograms; ++i) {
        std::string name = fx.text(effGetProgramNameIndexed, i);
        if (!name.empty()) presets.push_back({name, ""});
    }
    return presets;
}

/// Everything one opened effect says about itself. `fallbackName` is used when it gives no name.
PluginInfo describe(const Effect& fx, const std::string& uid, const std::string& fallbackName) {
    PluginInfo info;
    info.format = "vst2";
    info.uid = uid;
    info.name = fx.text(effGetEffectName);
    if (info.name.empty()) info.name = fx.text(effGetProductString);
    if (info.name.empty()) info.name = fallbackName;
    info.vendor = fx.text(effGetVendorString);
    info.version = formatVendorVersion(fx.dispatch(effGetVendorVersion));
    const t_fstPtrInt category = fx.dispatch(effGetPlugCategory);
    info.rawCategory = vst2::categoryName(category);
    info.isInstrument = (fx->flags & effFlagsIsSynth) != 0 || category == kPlugCategSynth;
    info.audioInputs = fx->numInputs;
    info.audioOutputs = fx->numOutputs;
    info.midiInputs = fx.canDo("receiveVstMidiEvent") || fx.canDo("receiveVstEvents") ? 1 : 0;
    info.midiOutputs = fx.canDo("sendVstMidiEvent") || fx.canDo("sendVstEvents") ? 1 : 0;
    for (int i = 0; i < fx->numParams; ++i) info.parameters.push_back(readParameter(fx, i));
    info.presets = readPrograms(fx);
    return info;
}

/// A shell's sub-plugins (effShellGetNextPlugin until it returns 0): id and name of each.
std::vector<std::pair<t_fstPtrInt, std::string>> shellChildren(const Effect& shell) {
    std::vector<std::pair<t_fstPtrInt, std::string>> children;
    for (int guard = 0; guard < 10000; ++guard) {
        std::vector<char> name(vst2::kTextBufferSize, '\0');
        const t_fstPtrInt id = shell.dispatch(effShellGetNextPlugin, 0, 0, name.data());
        if (id == 0) break;
        name.back() = '\0';
        children.emplace_back(id, trim(name.data()));
    }
    return children;
}

class Vst2Format final : public Format {
public:
    std::string name() const override { return "vst2"; }

    std::vector<PluginInfo> probe(const std::string& path, const ProbeOptions& options) override {
        const std::filesystem::path file(path);
        const std::string fileName = file.filename().string();
        DlLibrary library = open(path);
        const vst2::EntryPoint entry = entryPoint(library);

        vst2::HostContext context;
        context.sampleRate = options.sampleRate;
        std::vector<PluginInfo> plugins;
        {
            Effect fx(entry, context);
            if (fx.dispatch(effGetPlugCategory) != kPlugCategShell) {
                plugins.push_back(describe(fx, fileName, file.stem().string()));
                return plugins;
            }
            for (const auto& [id, childName] : shellChildren(fx)) {
                vst2::HostContext childContext = context;
                childContext.currentShellId = id;
                Effect child(entry, childContext);
                plugins.push_back(describe(child, fileName + "/" + std::to_string(id), childName));
            }
        }
        if (plugins.empty()) throw ProbeError(rpc::kNotAPlugin, "the VST2 shell plugin lists no sub-plugins");
        return plugins;
    }

    /// uid: the file name, or the file name + "/<shell id>" for a shell's sub-plugin (created with that id current).
    check::Result check(const std::string& path, const check::Request& request) override {
        const std::string fileName = std::filesystem::path(path).filename().string();
        vst2::HostContext context;
        context.sampleRate = request.sampleRate;
        context.blockSize = request.blockSize;
        if (request.uid != fileName) {
            const std::string prefix = fileName + "/";
            char* end = nullptr;
            const std::string id = request.uid.substr(std::min(prefix.size(), request.uid.size()));
            context.currentShellId = request.uid.compare(0, prefix.size(), prefix) == 0 ? std::strtoll(id.c_str(), &end, 10) : 0;
            if (context.currentShellId == 0 || end == nullptr || *end != '\0')
                throw ProbeError(rpc::kUnknownPlugin, "no plugin \"" + request.uid + "\" in " + path);
        }
        DlLibrary library = open(path);
        const vst2::EntryPoint entry = entryPoint(library);
        std::unique_ptr<Effect> fx;
        try {
            fx = std::make_unique<Effect>(entry, context);
        } catch (const ProbeError& e) {
            throw check::Failed(e.what());
        }
        return check::runVst2(*fx, request);
    }

private:
    static DlLibrary open(const std::string& path) {
        if (!looksLikeSharedLibrary(path)) throw ProbeError(rpc::kNotAPlugin, "not a VST2 plugin: " + path + " is not a shared library");
        DlLibrary library(path);
        if (!library.ok()) throw ProbeError(rpc::kLoadFailed, "dlopen failed: " + library.error());
        return library;
    }

    static vst2::EntryPoint entryPoint(const DlLibrary& library) {
        auto entry = reinterpret_cast<vst2::EntryPoint>(library.symbol("VSTPluginMain"));
        if (entry == nullptr) entry = reinterpret_cast<vst2::EntryPoint>(library.symbol("main"));
        if (entry == nullptr) throw ProbeError(rpc::kNotAPlugin, "no VST2 entry point (VSTPluginMain/main)");
        return entry;
    }
};

}  // namespace

std::unique_ptr<Format> makeVst2Format() { return std::make_unique<Vst2Format>(); }

}  // namespace pluginary

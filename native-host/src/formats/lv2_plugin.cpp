#include "lv2_plugin.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>

#include <lv2/core/lv2.h>
#include <lv2/units/units.h>

#include "../text.hpp"

namespace pluginary::lv2 {

namespace {

constexpr const char* kLv2CoreNs = "http://lv2plug.in/ns/lv2core#";

std::string str(const LilvNode* node) { return node ? lilv_node_as_string(node) : ""; }

/// A numeric literal's value, or `fallback` when absent, not a number, or not finite.
double number(const LilvNode* node, double fallback) {
    if (!node || !(lilv_node_is_float(node) || lilv_node_is_int(node))) return fallback;
    const double v = tidyFloat(lilv_node_as_float(node));
    return std::isfinite(v) ? v : fallback;
}

bool startsWith(const std::string& s, const char* prefix) { return s.compare(0, std::strlen(prefix), prefix) == 0; }

/// `lv2:DelayPlugin` for classes in the LV2 core namespace, the full URI otherwise.
std::string shortClass(const std::string& uri) {
    return startsWith(uri, kLv2CoreNs) ? "lv2:" + uri.substr(std::strlen(kLv2CoreNs)) : uri;
}

/// The symbols of the LV2 units namespace (units.lv2/units.ttl), so the common units cost no query and
/// still come out right when units.lv2 is not on LV2_PATH. Sorted by name for binary search.
constexpr std::pair<const char*, const char*> kUnitSymbols[] = {
    {"bar", "bars"}, {"beat", "beats"}, {"bpm", "BPM"}, {"cent", "ct"},     {"cm", "cm"},     {"coef", ""},
    {"db", "dB"},    {"degree", "deg"}, {"frame", "frames"}, {"hz", "Hz"}, {"inch", "in"},  {"khz", "kHz"},
    {"km", "km"},    {"m", "m"},        {"mhz", "MHz"},      {"midiNote", "note"}, {"mile", "mi"}, {"min", "min"},
    {"mm", "mm"},    {"ms", "ms"},      {"oct", "oct"},      {"pc", "%"},   {"s", "s"},      {"semitone12TET", "semi"},
};

const char* knownUnitSymbol(const std::string& uri) {
    if (!startsWith(uri, LV2_UNITS_PREFIX)) return nullptr;
    const std::string name = uri.substr(std::strlen(LV2_UNITS_PREFIX));
    const auto end = std::end(kUnitSymbols);
    const auto it = std::lower_bound(std::begin(kUnitSymbols), end, name,
                                     [](const auto& entry, const std::string& n) { return n.compare(entry.first) > 0; });
    return it != end && name == it->first ? it->second : nullptr;
}

/// The port properties the reader cares about, from one query per port.
struct PortProperties {
    bool sideChain = false, notAutomatic = false, sampleRate = false, toggled = false, enumeration = false,
         integer = false;
};

/// Reads one plugin; see readPlugin.
class PluginReader {
public:
    PluginReader(const World& world, ClassIndex& classes, const LilvPlugin* plugin, double sampleRate)
        : w_(world.get()), world_(world), u_(world.uris()), classes_(classes), plugin_(plugin), sampleRate_(sampleRate) {}

    PluginInfo read(std::vector<Node>& loadedPresets) {
        PluginInfo info;
        info.format = "lv2";
        info.uid = str(lilv_plugin_get_uri(plugin_));
        info.name = trim(str(Node(lilv_plugin_get_name(plugin_)).get()));
        info.vendor = trim(str(Node(lilv_plugin_get_author_name(plugin_)).get()));
        info.version = version();
        readClass(info);
        const uint32_t n = lilv_plugin_get_num_ports(plugin_);
        for (uint32_t i = 0; i < n; ++i) readPort(lilv_plugin_get_port_by_index(plugin_, i), info);
        readPresets(info, loadedPresets);
        return info;
    }

private:
    /// "minor.micro" from lv2:minorVersion / lv2:microVersion; empty when the plugin states none.
    std::string version() const {
        Nodes minor(lilv_plugin_get_value(plugin_, u_.minorVersion.get()));
        Nodes micro(lilv_plugin_get_value(plugin_, u_.microVersion.get()));
        const LilvNode* mi = minor.get() ? lilv_nodes_get_first(minor.get()) : nullptr;
        const LilvNode* mc = micro.get() ? lilv_nodes_get_first(micro.get()) : nullptr;
        if (!mi || !lilv_node_is_int(mi)) return "";
        const int microValue = mc && lilv_node_is_int(mc) ? lilv_node_as_int(mc) : 0;
        return std::to_string(lilv_node_as_int(mi)) + "." + std::to_string(microValue);
    }

    /// The plugin class: of the plugin's rdf:types, the one deepest below lv2:Plugin in the loaded class
    /// hierarchy (ties: the smallest URI), lv2:Plugin when none is a plugin class. Without the lv2core
    /// hierarchy (no core.lv2 on LV2_PATH), the first core-namespace class as written, with a warning.
    void readClass(PluginInfo& info) const {
        Nodes types(lilv_plugin_get_value(plugin_, u_.rdfType.get()));
        std::vector<std::pair<std::string, const LilvNode*>> uris;
        for (const LilvNode* type : types.items())
            if (lilv_node_is_uri(type)) uris.emplace_back(lilv_node_as_uri(type), type);
        std::sort(uris.begin(), uris.end());

        std::string best = LV2_CORE__Plugin;
        if (world_.knowsPluginClasses()) {
            int bestDepth = 0;
            for (const auto& [uri, type] : uris) {
                const int depth = classes_.depth(type);
                if (depth > bestDepth) best = uri, bestDepth = depth;
                if (classes_.isInstrument(type)) info.isInstrument = true;
            }
        } else {
            for (const auto& [uri, type] : uris) {
                if (!startsWith(uri, kLv2CoreNs) || uri == LV2_CORE__Plugin) continue;
                if (best == LV2_CORE__Plugin) best = uri;
                if (uri == LV2_CORE__InstrumentPlugin) info.isInstrument = true;
            }
            info.warnings.push_back("the LV2 core specification (core.lv2) is not on LV2_PATH, so the plugin class " +
                                    shortClass(best) + " is taken as written, unchecked");
        }
        info.rawCategory = shortClass(best);
    }

    bool is(const LilvPort* port, const Node& cls) const { return lilv_port_is_a(plugin_, port, cls.get()); }

    PortProperties properties(const LilvPort* port) const {
        PortProperties p;
        Nodes props(lilv_port_get_properties(plugin_, port));
        if (!props.get()) return p;
        LILV_FOREACH (nodes, i, props.get()) {
            const LilvNode* prop = lilv_nodes_get(props.get(), i);
            if (lilv_node_equals(prop, u_.isSideChain.get())) p.sideChain = true;
            else if (lilv_node_equals(prop, u_.notAutomatic.get())) p.notAutomatic = true;
            else if (lilv_node_equals(prop, u_.sampleRate.get())) p.sampleRate = true;
            else if (lilv_node_equals(prop, u_.toggled.get())) p.toggled = true;
            else if (lilv_node_equals(prop, u_.enumeration.get())) p.enumeration = true;
            else if (lilv_node_equals(prop, u_.integer.get())) p.integer = true;
        }
        return p;
    }

    void readPort(const LilvPort* port, PluginInfo& info) const {
        const bool input = is(port, u_.inputPort);
        if (is(port, u_.audioPort)) {
            if (!input) info.audioOutputs += 1;
            else if (properties(port).sideChain) info.auxInputs += 1;
            else info.audioInputs += 1;
        } else if (is(port, u_.controlPort)) {
            info.parameters.push_back(parameter(port, input));
        } else if ((is(port, u_.atomPort) || is(port, u_.eventPort)) &&
                   lilv_port_supports_event(plugin_, port, u_.midiEvent.get())) {
            (input ? info.midiInputs : info.midiOutputs) += 1;
        }
    }

    /// units:unit → its units:symbol (e.g. "dB"); custom units may give only a render pattern.
    std::string units(const LilvPort* port) const {
        Nodes unitNodes(lilv_port_get_value(plugin_, port, u_.unitsUnit.get()));
        const LilvNode* unit = unitNodes.get() ? lilv_nodes_get_first(unitNodes.get()) : nullptr;
        if (!unit) return "";
        if (lilv_node_is_uri(unit))
            if (const char* known = knownUnitSymbol(lilv_node_as_uri(unit))) return known;
        Node symbol(lilv_world_get(w_, unit, u_.unitsSymbol.get(), nullptr));
        if (symbol) return trim(str(symbol.get()));
        Node render(lilv_world_get(w_, unit, u_.unitsRender.get(), nullptr));
        if (render) {
            std::string r = str(render.get());
            const size_t pct = r.find('%');  // "%f dB" → "dB"
            if (pct != std::string::npos) {
                const size_t space = r.find(' ', pct);
                r = space == std::string::npos ? "" : r.substr(space + 1);
            }
            return trim(r);
        }
        if (!lilv_node_is_uri(unit)) return "";
        const std::string uri = lilv_node_as_uri(unit);
        const size_t hash = uri.find_last_of("#/");
        return hash == std::string::npos ? uri : uri.substr(hash + 1);
    }

    ParameterInfo parameter(const LilvPort* port, bool input) const {
        const PortProperties props = properties(port);
        ParameterInfo p;
        p.id = str(lilv_port_get_symbol(plugin_, port));
        p.name = trim(str(Node(lilv_port_get_name(plugin_, port)).get()));
        p.units = units(port);
        p.isOutput = !input;
        p.isAutomatable = input && !props.notAutomatic;  // a meter is never automatable

        LilvNode *defNode = nullptr, *minNode = nullptr, *maxNode = nullptr;
        lilv_port_get_range(plugin_, port, &defNode, &minNode, &maxNode);
        Node def(defNode), lo(minNode), hi(maxNode);
        p.min = number(lo.get(), 0.0);
        p.max = number(hi.get(), std::max(1.0, p.min + 1.0));
        p.def = number(def.get(), p.min);
        if (props.sampleRate) {
            p.sampleRateScaled = true;
            p.min *= sampleRate_;
            p.max *= sampleRate_;
            p.def *= sampleRate_;
        }

        if (props.toggled) {
            p.type = "bool";
            p.steps = 2;
        } else if (props.enumeration) {
            p.type = "enum";
            readScalePoints(port, p);
        } else if (props.integer) {
            p.type = "int";
            const double n = std::floor(p.max) - std::ceil(p.min) + 1;
            p.steps = n > 0 ? (n > INT_MAX ? INT_MAX : static_cast<int>(n)) : 0;
        }
        return p;
    }

    void readScalePoints(const LilvPort* port, ParameterInfo& p) const {
        LilvScalePoints* points = lilv_port_get_scale_points(plugin_, port);
        std::vector<std::pair<double, std::string>> entries;
        LILV_FOREACH (scale_points, i, points) {
            const LilvScalePoint* sp = lilv_scale_points_get(points, i);
            entries.emplace_back(number(lilv_scale_point_get_value(sp), 0.0),
                                 trim(str(lilv_scale_point_get_label(sp))));
        }
        lilv_scale_points_free(points);
        std::stable_sort(entries.begin(), entries.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [value, label] : entries) {
            p.enumValues.push_back(value * (p.sampleRateScaled ? sampleRate_ : 1.0));
            p.valueStrings.push_back(std::move(label));
        }
        p.steps = static_cast<int>(entries.size());
    }

    /// Presets that apply to the plugin, sorted by name then URI; labels may live in files not read yet.
    void readPresets(PluginInfo& info, std::vector<Node>& loadedPresets) const {
        Nodes presets(lilv_plugin_get_related(plugin_, u_.presetClass.get()));
        for (const LilvNode* preset : presets.items()) {
            Node label(lilv_world_get(w_, preset, u_.rdfsLabel.get(), nullptr));
            if (!label && lilv_world_load_resource(w_, preset) > 0) {
                loadedPresets.emplace_back(lilv_node_duplicate(preset));
                label = Node(lilv_world_get(w_, preset, u_.rdfsLabel.get(), nullptr));
            }
            const std::string uri = str(preset);
            std::string name = label ? trim(str(label.get())) : "";
            if (name.empty()) name = uri.substr(uri.find_last_of("/#") + 1);
            info.presets.push_back({name, uri});
        }
        std::sort(info.presets.begin(), info.presets.end(), [](const PresetInfo& a, const PresetInfo& b) {
            return a.name != b.name ? a.name < b.name : a.uri < b.uri;
        });
    }

    LilvWorld* w_;
    const World& world_;
    const Uris& u_;
    ClassIndex& classes_;
    const LilvPlugin* plugin_;
    double sampleRate_;
};

}  // namespace

int ClassIndex::depthOf(const LilvNode* cls, const LilvNode* root, std::unordered_map<std::string, int>& memo,
                        int guard) {
    if (lilv_node_equals(cls, root)) return 0;
    if (!lilv_node_is_uri(cls) || guard > 32) return -1;
    const std::string key = lilv_node_as_uri(cls);
    if (const auto it = memo.find(key); it != memo.end()) return it->second;
    memo[key] = -1;  // in progress: a subClassOf cycle ends here
    int best = -1;
    Nodes parents(lilv_world_find_nodes(world_.get(), cls, world_.uris().rdfsSubClassOf.get(), nullptr));
    for (const LilvNode* parent : parents.items()) {
        const int d = depthOf(parent, root, memo, guard + 1);
        if (d >= 0) best = std::max(best, d + 1);
    }
    memo[key] = best;
    return best;
}

int ClassIndex::depth(const LilvNode* cls) { return depthOf(cls, world_.uris().lv2Plugin.get(), pluginDepth_, 0); }

bool ClassIndex::isInstrument(const LilvNode* cls) {
    return depthOf(cls, world_.uris().instrumentPlugin.get(), instrumentDepth_, 0) >= 0;
}

PluginInfo readPlugin(const World& world, ClassIndex& classes, const LilvPlugin* plugin, double sampleRate,
                      std::vector<Node>& loadedPresets) {
    return PluginReader(world, classes, plugin, sampleRate).read(loadedPresets);
}

}  // namespace pluginary::lv2

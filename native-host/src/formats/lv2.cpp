// LV2 via lilv: everything is read from the bundle's Turtle; plugin code runs only with `instantiate`.
#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>
#include <sys/stat.h>

#include "../rpc/errors.hpp"
#include "../text.hpp"
#include "format.hpp"
#include "lv2_instance.hpp"
#include "lv2_world.hpp"

namespace pluginary {
namespace {

using lv2::Node;
using lv2::Nodes;

constexpr const char* kLv2CoreNs = "http://lv2plug.in/ns/lv2core#";

std::string str(const LilvNode* node) { return node ? lilv_node_as_string(node) : ""; }

/// A numeric literal's value, or `fallback` when absent, not a number, or not finite.
double number(const LilvNode* node, double fallback) {
    if (!node || !(lilv_node_is_float(node) || lilv_node_is_int(node))) return fallback;
    const double v = tidyFloat(lilv_node_as_float(node));
    return std::isfinite(v) ? v : fallback;
}

/// `lv2:DelayPlugin` for classes in the LV2 core namespace, the full URI otherwise.
std::string shortClass(const std::string& uri) {
    const std::string ns = kLv2CoreNs;
    return uri.compare(0, ns.size(), ns) == 0 ? "lv2:" + uri.substr(ns.size()) : uri;
}

/// Reads one plugin of a loaded bundle.
class PluginReader {
public:
    PluginReader(lv2::World& world, const LilvPlugin* plugin, double sampleRate)
        : w_(world.get()), u_(world.uris()), plugin_(plugin), sampleRate_(sampleRate) {}

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

    /// True when `cls` is, or descends (rdfs:subClassOf) from, `ancestor`.
    bool descends(const LilvNode* cls, const LilvNode* ancestor, int depth = 0) const {
        if (lilv_node_equals(cls, ancestor)) return true;
        if (depth > 16) return false;
        Nodes parents(lilv_world_find_nodes(w_, cls, u_.rdfsSubClassOf.get(), nullptr));
        for (const LilvNode* parent : parents.items())
            if (lilv_node_is_uri(parent) && descends(parent, ancestor, depth + 1)) return true;
        return false;
    }

    /// The plugin class as lilv picks it (first rdf:type that is a known class other than lv2:Plugin).
    void readClass(PluginInfo& info) const {
        Nodes types(lilv_plugin_get_value(plugin_, u_.rdfType.get()));
        std::string known, unknown;
        for (const LilvNode* type : types.items()) {
            if (!lilv_node_is_uri(type) || lilv_node_equals(type, u_.lv2Plugin.get())) continue;
            if (descends(type, u_.instrumentPlugin.get())) info.isInstrument = true;
            const bool isClass = lilv_world_ask(w_, type, u_.rdfsSubClassOf.get(), nullptr);
            std::string& slot = isClass ? known : unknown;
            if (slot.empty()) slot = lilv_node_as_uri(type);
        }
        const std::string cls = !known.empty() ? known : !unknown.empty() ? unknown : std::string(LV2_CORE_URI "#Plugin");
        info.rawCategory = shortClass(cls);
    }

    bool is(const LilvPort* port, const Node& cls) const { return lilv_port_is_a(plugin_, port, cls.get()); }
    bool has(const LilvPort* port, const Node& prop) const { return lilv_port_has_property(plugin_, port, prop.get()); }

    void readPort(const LilvPort* port, PluginInfo& info) const {
        const bool input = is(port, u_.inputPort);
        if (is(port, u_.audioPort)) {
            if (!input) info.audioOutputs += 1;
            else if (has(port, u_.isSideChain)) info.auxInputs += 1;
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
        Node symbol(lilv_world_get(w_, unit, u_.unitsSymbol.get(), nullptr));
        if (symbol) return str(symbol.get());
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
        ParameterInfo p;
        p.id = str(lilv_port_get_symbol(plugin_, port));
        p.name = trim(str(Node(lilv_port_get_name(plugin_, port)).get()));
        p.units = units(port);
        p.isOutput = !input;
        p.isAutomatable = !has(port, u_.notAutomatic);

        LilvNode *defNode = nullptr, *minNode = nullptr, *maxNode = nullptr;
        lilv_port_get_range(plugin_, port, &defNode, &minNode, &maxNode);
        Node def(defNode), lo(minNode), hi(maxNode);
        p.min = number(lo.get(), 0.0);
        p.max = number(hi.get(), std::max(1.0, p.min + 1.0));
        p.def = number(def.get(), p.min);
        if (has(port, u_.sampleRate)) {
            p.sampleRateScaled = true;
            p.min *= sampleRate_;
            p.max *= sampleRate_;
            p.def *= sampleRate_;
        }

        if (has(port, u_.toggled)) {
            p.type = "bool";
            p.steps = 2;
        } else if (has(port, u_.enumeration)) {
            p.type = "enum";
            readScalePoints(port, p);
        } else if (has(port, u_.integer)) {
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

    /// Presets that apply to the plugin; their labels may live in files lilv has not read yet.
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
        std::stable_sort(info.presets.begin(), info.presets.end(),
                         [](const PresetInfo& a, const PresetInfo& b) { return a.name < b.name; });
    }

    LilvWorld* w_;
    const lv2::Uris& u_;
    const LilvPlugin* plugin_;
    double sampleRate_;
};

/// Loads a bundle into the world for the duration of one probe, and unloads it (and any preset
/// files read on its behalf) afterwards, so the next probe starts from the spec-only world.
class LoadedBundle {
public:
    LoadedBundle(lv2::World& world, const Node& uri) : world_(world), uri_(uri) {
        if (!world_.isSpecBundle(lilv_node_as_uri(uri_.get()))) {
            lilv_world_load_bundle(world_.get(), uri_.get());
            owned_ = true;
        }
    }
    ~LoadedBundle() {
        if (!unload) return;
        for (const Node& preset : presets) lilv_world_unload_resource(world_.get(), preset.get());
        if (owned_) lilv_world_unload_bundle(world_.get(), uri_.get());
    }
    LoadedBundle(const LoadedBundle&) = delete;
    LoadedBundle& operator=(const LoadedBundle&) = delete;

    /// The plugins this bundle declares.
    std::vector<const LilvPlugin*> plugins() const {
        std::vector<const LilvPlugin*> out;
        const LilvPlugins* all = lilv_world_get_all_plugins(world_.get());
        LILV_FOREACH (plugins, i, all) {
            const LilvPlugin* p = lilv_plugins_get(all, i);
            if (lilv_node_equals(lilv_plugin_get_bundle_uri(p), uri_.get())) out.push_back(p);
        }
        return out;
    }

    /// Preset resources loaded while reading; unloaded with the bundle.
    std::vector<Node> presets;
    /// False when the whole world is about to be dropped, which is far cheaper than unloading a big bundle.
    bool unload = true;

private:
    lv2::World& world_;
    const Node& uri_;
    bool owned_ = false;
};

/// Unloading a bundle erases its statements one by one (~1 s for LSP's 134 plugins), while dropping the
/// whole world and reloading the specs costs ~0.1 s; so a bundle this big (in ports) recycles the world.
constexpr size_t kRecycleWorldAbovePorts = 1000;

class Lv2Format final : public Format {
public:
    std::string name() const override { return "lv2"; }

    std::vector<PluginInfo> probe(const std::string& path, const ProbeOptions& options) override {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
            throw ProbeError(rpc::kNotAPlugin, "not an LV2 bundle: " + path + " is not a directory");
        std::string dir = path.back() == '/' ? path : path + "/";
        if (::stat((dir + "manifest.ttl").c_str(), &st) != 0)
            throw ProbeError(rpc::kNotAPlugin, "not an LV2 bundle: no manifest.ttl in " + path);

        if (!world_) world_ = std::make_unique<lv2::World>(specBundles());
        bool recycle = false;
        std::vector<PluginInfo> plugins;
        {
            Node uri(lilv_new_file_uri(world_->get(), nullptr, dir.c_str()));
            if (!uri) throw ProbeError(rpc::kNotAPlugin, "not an LV2 bundle: cannot make a file URI of " + path);
            LoadedBundle bundle(*world_, uri);
            if (world_->isSpecBundle(lilv_node_as_uri(uri.get()))) return {};  // a specification: valid, no plugins
            plugins = readBundle(bundle, path, options);
            size_t ports = 0;
            for (const LilvPlugin* plugin : bundle.plugins()) ports += lilv_plugin_get_num_ports(plugin);
            recycle = ports > kRecycleWorldAbovePorts;
            bundle.unload = !recycle;
        }
        if (recycle) world_.reset();
        return plugins;
    }

private:
    std::vector<PluginInfo> readBundle(LoadedBundle& bundle, const std::string& path, const ProbeOptions& options) {
        std::vector<PluginInfo> plugins;
        std::vector<std::string> problems;
        for (const LilvPlugin* plugin : bundle.plugins()) {
            const std::string uid = str(lilv_plugin_get_uri(plugin));
            if (!lilv_plugin_verify(plugin)) {
                problems.push_back("<" + uid + "> has unreadable or incomplete data (Turtle syntax error, or no name, type or ports); skipped");
                continue;
            }
            plugins.push_back(PluginReader(*world_, plugin, options.sampleRate).read(bundle.presets));
            if (options.instantiate) lv2::instantiateOnce(plugin, options.sampleRate);
        }
        if (plugins.empty()) {
            if (!problems.empty()) throw ProbeError(rpc::kPluginError, "LV2 bundle " + path + ": " + problems.front());
            throw ProbeError(rpc::kNotAPlugin, "no LV2 plugin in bundle " + path +
                                                   " (or its manifest.ttl could not be parsed; see the host log)");
        }
        for (const auto& problem : problems) plugins.front().warnings.push_back(problem);
        return plugins;
    }

    /// Spec bundles on LV2_PATH, found once per process (reading each manifest.ttl once).
    const std::vector<std::string>& specBundles() {
        if (!specBundles_) specBundles_ = lv2::specBundlesOnPath();
        return *specBundles_;
    }

    std::unique_ptr<lv2::World> world_;  ///< made on the first LV2 probe; remade after very large bundles
    std::optional<std::vector<std::string>> specBundles_;
};

}  // namespace

std::unique_ptr<Format> makeLv2Format() { return std::make_unique<Lv2Format>(); }

}  // namespace pluginary

// LV2 via lilv: everything is read from the bundle's Turtle; plugin code runs only with `instantiate`.
#include <algorithm>
#include <optional>
#include <sys/stat.h>

#include "../check/formats.hpp"
#include "../rpc/errors.hpp"
#include "../text.hpp"
#include "format.hpp"
#include "lv2_instance.hpp"
#include "lv2_plugin.hpp"
#include "lv2_world.hpp"

namespace pluginary {
namespace {

using lv2::Node;

std::string str(const LilvNode* node) { return node ? lilv_node_as_string(node) : ""; }

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

    /// The plugins this bundle declares, ordered by URI. Reads only what lilv took from the manifest: no
    /// plugin's data file is parsed until that plugin is queried.
    std::vector<const LilvPlugin*> plugins() const {
        std::vector<std::pair<std::string, const LilvPlugin*>> found;
        const LilvPlugins* all = lilv_world_get_all_plugins(world_.get());
        LILV_FOREACH (plugins, i, all) {
            const LilvPlugin* p = lilv_plugins_get(all, i);
            if (lilv_node_equals(lilv_plugin_get_bundle_uri(p), uri_.get()))
                found.emplace_back(lilv_node_as_uri(lilv_plugin_get_uri(p)), p);
        }
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<const LilvPlugin*> out;
        for (const auto& entry : found) out.push_back(entry.second);
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
    bool supportsParts() const override { return true; }

    std::vector<PluginInfo> probe(const std::string& path, const ProbeOptions& options) override {
        const std::string dir = bundleDirectory(path);
        if (!world_) world_ = std::make_unique<lv2::World>(specBundles());
        bool recycle = false;
        std::vector<PluginInfo> plugins;
        {
            Node uri(lilv_new_file_uri(world_->get(), nullptr, dir.c_str()));
            if (!uri) throw ProbeError(rpc::kNotAPlugin, "not an LV2 bundle: cannot make a file URI of " + path);
            LoadedBundle bundle(*world_, uri);
            if (world_->isSpecBundle(lilv_node_as_uri(uri.get()))) return {};  // a specification: valid, no plugins
            const std::vector<const LilvPlugin*> all = bundle.plugins();
            if (all.empty()) {
                throw ProbeError(rpc::kNotAPlugin, "no LV2 plugin in bundle " + path +
                                                       " (or its manifest.ttl could not be parsed; see the host log)");
            }
            // Only this part's plugins are ever queried, so only their data files are parsed.
            std::vector<const LilvPlugin*> mine;
            for (size_t i = 0; i < all.size(); ++i)
                if (static_cast<int>(i % options.part.count) == options.part.index) mine.push_back(all[i]);
            plugins = readPlugins(mine, bundle, path, options);
            size_t ports = 0;
            for (const LilvPlugin* plugin : mine) ports += lilv_plugin_get_num_ports(plugin);
            recycle = ports > kRecycleWorldAbovePorts;
            bundle.unload = !recycle;
        }
        if (recycle) world_.reset();
        return plugins;
    }

    /// Loads the bundle, finds the plugin by URI and runs it; the bundle is unloaded (or the world recycled,
    /// for a big bundle) afterwards, as for probe.
    check::Result check(const std::string& path, const check::Request& request) override {
        const std::string dir = bundleDirectory(path);
        if (!world_) world_ = std::make_unique<lv2::World>(specBundles());
        bool recycle = false;
        check::Result result;
        {
            Node uri(lilv_new_file_uri(world_->get(), nullptr, dir.c_str()));
            if (!uri) throw ProbeError(rpc::kNotAPlugin, "not an LV2 bundle: cannot make a file URI of " + path);
            LoadedBundle bundle(*world_, uri);
            const LilvPlugin* plugin = nullptr;
            size_t ports = 0;
            for (const LilvPlugin* p : bundle.plugins()) {
                if (request.uid == str(lilv_plugin_get_uri(p))) plugin = p;
            }
            if (!plugin) throw ProbeError(rpc::kUnknownPlugin, "no plugin \"" + request.uid + "\" in " + path);
            if (!lilv_plugin_verify(plugin))
                throw ProbeError(rpc::kPluginError, "<" + request.uid + "> has unreadable or incomplete data");
            ports = lilv_plugin_get_num_ports(plugin);
            recycle = ports > kRecycleWorldAbovePorts;
            bundle.unload = !recycle;
            result = check::runLv2(*world_, plugin, request);
        }
        if (recycle) world_.reset();
        return result;
    }

private:
    /// `path` with a trailing slash, after checking it is a directory with a manifest.ttl.
    static std::string bundleDirectory(const std::string& path) {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
            throw ProbeError(rpc::kNotAPlugin, "not an LV2 bundle: " + path + " is not a directory");
        std::string dir = path.back() == '/' ? path : path + "/";
        if (::stat((dir + "manifest.ttl").c_str(), &st) != 0)
            throw ProbeError(rpc::kNotAPlugin, "not an LV2 bundle: no manifest.ttl in " + path);
        return dir;
    }

    /// Reads `mine` (the whole bundle, or one part of it). Unreadable plugins are skipped with a warning on
    /// the first plugin read; when none can be read, the probe fails with the first problem.
    std::vector<PluginInfo> readPlugins(const std::vector<const LilvPlugin*>& mine, LoadedBundle& bundle,
                                        const std::string& path, const ProbeOptions& options) {
        lv2::ClassIndex classes(*world_);
        std::vector<PluginInfo> plugins;
        std::vector<std::string> problems;
        for (const LilvPlugin* plugin : mine) {
            const std::string uid = str(lilv_plugin_get_uri(plugin));
            if (!lilv_plugin_verify(plugin)) {
                problems.push_back("<" + uid + "> has unreadable or incomplete data (Turtle syntax error, or no name, type or ports); skipped");
                continue;
            }
            plugins.push_back(lv2::readPlugin(*world_, classes, plugin, options.sampleRate, bundle.presets));
            if (options.instantiate) lv2::instantiateOnce(plugin, options.sampleRate);
        }
        if (plugins.empty() && !problems.empty())
            throw ProbeError(rpc::kPluginError, "LV2 bundle " + path + ": " + problems.front());
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

// Reading one LV2 plugin of a loaded bundle into a PluginInfo (metadata only; no plugin code runs).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "../plugin_info.hpp"
#include "lv2_world.hpp"

namespace pluginary::lv2 {

/// The plugin-class hierarchy of the world, memoised. Make one per probe: a bundle may declare classes of
/// its own, which leave the world with it.
class ClassIndex {
public:
    explicit ClassIndex(const World& world) : world_(world) {}

    /// 0 for lv2:Plugin, n for a class n rdfs:subClassOf steps below it (the longest path), -1 when the
    /// world does not know it as a plugin class (doap:Project, foaf:…, an unknown or misspelt class).
    int depth(const LilvNode* cls);
    /// True when `cls` is, or descends from, lv2:InstrumentPlugin.
    bool isInstrument(const LilvNode* cls);

private:
    int depthOf(const LilvNode* cls, const LilvNode* root, std::unordered_map<std::string, int>& memo, int guard);

    const World& world_;
    std::unordered_map<std::string, int> pluginDepth_, instrumentDepth_;
};

/// Reads `plugin` (which lilv_plugin_verify accepted). Preset resources whose labels had to be loaded from
/// their own files are appended to `loadedPresets`; the caller unloads them after the probe.
PluginInfo readPlugin(const World& world, ClassIndex& classes, const LilvPlugin* plugin, double sampleRate,
                      std::vector<Node>& loadedPresets);

}  // namespace pluginary::lv2

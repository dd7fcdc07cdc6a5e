// The lilv world the LV2 format reads from: created once per host process, with the LV2 specification
// bundles (lv2core, units, port-props, presets…) loaded once, and each probed bundle loaded and unloaded again.
#pragma once

#include <lilv/lilv.h>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace pluginary::lv2 {

/// An owned LilvNode. Null is allowed (lilv returns null for "absent").
class Node {
public:
    Node() = default;
    explicit Node(LilvNode* node) : node_(node) {}
    ~Node() { lilv_node_free(node_); }
    Node(const Node&) = delete;
    Node& operator=(const Node&) = delete;
    Node(Node&& other) noexcept : node_(other.node_) { other.node_ = nullptr; }
    Node& operator=(Node&& other) noexcept {
        std::swap(node_, other.node_);
        return *this;
    }
    const LilvNode* get() const { return node_; }
    explicit operator bool() const { return node_ != nullptr; }

private:
    LilvNode* node_ = nullptr;
};

/// An owned LilvNodes collection.
class Nodes {
public:
    explicit Nodes(LilvNodes* nodes) : nodes_(nodes) {}
    ~Nodes() { lilv_nodes_free(nodes_); }
    Nodes(const Nodes&) = delete;
    Nodes& operator=(const Nodes&) = delete;
    const LilvNodes* get() const { return nodes_; }
    /// The nodes as borrowed pointers (valid while this object lives).
    std::vector<const LilvNode*> items() const;

private:
    LilvNodes* nodes_;
};

/// The URIs the LV2 format asks about, made once per world.
struct Uris {
    explicit Uris(LilvWorld* world);
    Node lv2Plugin, instrumentPlugin, audioPort, controlPort, cvPort, inputPort, outputPort, atomPort, eventPort,
        midiEvent, isSideChain, toggled, enumeration, integer, sampleRate, notAutomatic, rdfType, rdfsSubClassOf,
        rdfsLabel, unitsUnit, unitsSymbol, unitsRender, minorVersion, microVersion, presetClass;
};

/// One lilv world with the specification bundles of LV2_PATH loaded. Not thread-safe (one request at a time).
class World {
public:
    /// Creates the world and loads the given spec bundles (from specBundlesOnPath). Cost: parsing the ~25
    /// spec bundles of a Debian system, ~30 ms.
    explicit World(const std::vector<std::string>& specBundles);
    ~World();
    World(const World&) = delete;
    World& operator=(const World&) = delete;

    LilvWorld* get() const { return world_; }
    const Uris& uris() const { return *uris_; }
    /// True when `bundleUri` (file URI with trailing slash) is one of the loaded spec bundles.
    bool isSpecBundle(const std::string& bundleUri) const { return specBundles_.count(bundleUri) > 0; }
    /// True when the lv2core class hierarchy is loaded (some class is rdfs:subClassOf lv2:Plugin). Without it
    /// (no core.lv2 on LV2_PATH) plugin classes cannot be checked and are taken as written.
    bool knowsPluginClasses() const { return knowsPluginClasses_; }

private:
    void loadSpecifications(const std::vector<std::string>& specBundles);

    LilvWorld* world_;
    std::unique_ptr<Uris> uris_;
    std::set<std::string> specBundles_;
    bool knowsPluginClasses_ = false;
};

/// The specification bundles (directories with trailing slash) under LV2_PATH or lilv's default path:
/// those whose manifest.ttl declares a specification or ontology and no plugin. Reads every manifest once.
std::vector<std::string> specBundlesOnPath();

}  // namespace pluginary::lv2

#include "lv2_world.hpp"

#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <iterator>
#include <sstream>
#include <sys/stat.h>

#include <lv2/atom/atom.h>
#include <lv2/core/lv2.h>
#include <lv2/event/event.h>
#include <lv2/midi/midi.h>
#include <lv2/port-props/port-props.h>
#include <lv2/presets/presets.h>
#include <lv2/units/units.h>

namespace pluginary::lv2 {

namespace {

constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr const char* kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
constexpr const char* kOwlOntology = "http://www.w3.org/2002/07/owl#Ontology";

std::string home() {
    const char* h = std::getenv("HOME");
    return h ? h : "";
}

std::vector<std::string> searchPath() {
    const char* env = std::getenv("LV2_PATH");
    const std::string path = env ? env : "~/.lv2:/usr/local/lib/lv2:/usr/lib/lv2";
    std::vector<std::string> dirs;
    std::stringstream in(path);
    for (std::string dir; std::getline(in, dir, ':');) {
        if (dir.empty()) continue;
        if (dir[0] == '~') dir = home() + dir.substr(1);
        dirs.push_back(dir);
    }
    return dirs;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// A spec bundle declares a specification or ontology and no plugin. A text test on the manifest is
/// enough to choose which bundles to load up front; lilv then parses them properly.
bool isSpecManifest(const std::string& text) {
    const bool declaresSpec = text.find("Specification") != std::string::npos ||
                              text.find("Ontology") != std::string::npos;
    const bool declaresPlugin = text.find("lv2:Plugin") != std::string::npos ||
                                text.find("lv2core#Plugin") != std::string::npos;
    return declaresSpec && !declaresPlugin;
}

}  // namespace

std::vector<const LilvNode*> Nodes::items() const {
    std::vector<const LilvNode*> out;
    LILV_FOREACH (nodes, i, nodes_) out.push_back(lilv_nodes_get(nodes_, i));
    return out;
}

Uris::Uris(LilvWorld* w)
    : lv2Plugin(lilv_new_uri(w, LV2_CORE__Plugin)),
      instrumentPlugin(lilv_new_uri(w, LV2_CORE__InstrumentPlugin)),
      audioPort(lilv_new_uri(w, LV2_CORE__AudioPort)),
      controlPort(lilv_new_uri(w, LV2_CORE__ControlPort)),
      cvPort(lilv_new_uri(w, LV2_CORE__CVPort)),
      inputPort(lilv_new_uri(w, LV2_CORE__InputPort)),
      outputPort(lilv_new_uri(w, LV2_CORE__OutputPort)),
      atomPort(lilv_new_uri(w, LV2_ATOM__AtomPort)),
      eventPort(lilv_new_uri(w, LV2_EVENT__EventPort)),
      midiEvent(lilv_new_uri(w, LV2_MIDI__MidiEvent)),
      isSideChain(lilv_new_uri(w, LV2_CORE_PREFIX "isSideChain")),
      toggled(lilv_new_uri(w, LV2_CORE__toggled)),
      enumeration(lilv_new_uri(w, LV2_CORE__enumeration)),
      integer(lilv_new_uri(w, LV2_CORE__integer)),
      sampleRate(lilv_new_uri(w, LV2_CORE__sampleRate)),
      notAutomatic(lilv_new_uri(w, LV2_PORT_PROPS__notAutomatic)),
      rdfType(lilv_new_uri(w, (std::string(kRdf) + "type").c_str())),
      rdfsSubClassOf(lilv_new_uri(w, (std::string(kRdfs) + "subClassOf").c_str())),
      rdfsLabel(lilv_new_uri(w, (std::string(kRdfs) + "label").c_str())),
      unitsUnit(lilv_new_uri(w, LV2_UNITS__unit)),
      unitsSymbol(lilv_new_uri(w, LV2_UNITS__symbol)),
      unitsRender(lilv_new_uri(w, LV2_UNITS__render)),
      minorVersion(lilv_new_uri(w, LV2_CORE__minorVersion)),
      microVersion(lilv_new_uri(w, LV2_CORE__microVersion)),
      presetClass(lilv_new_uri(w, LV2_PRESETS__Preset)) {}

std::vector<std::string> specBundlesOnPath() {
    std::vector<std::string> bundles;
    for (const auto& dir : searchPath()) {
        DIR* d = ::opendir(dir.c_str());
        if (!d) continue;
        while (const dirent* entry = ::readdir(d)) {
            const std::string name = entry->d_name;
            if (name == "." || name == "..") continue;
            const std::string bundle = dir + "/" + name + "/";
            struct stat st {};
            if (::stat((bundle + "manifest.ttl").c_str(), &st) == 0 && isSpecManifest(readFile(bundle + "manifest.ttl")))
                bundles.push_back(bundle);
        }
        ::closedir(d);
    }
    return bundles;
}

World::World(const std::vector<std::string>& specBundles) : world_(lilv_world_new()), uris_(std::make_unique<Uris>(world_)) {
    loadSpecifications(specBundles);
}

World::~World() {
    uris_.reset();  // nodes before the world they belong to
    lilv_world_free(world_);
}

void World::loadSpecifications(const std::vector<std::string>& specBundles) {
    for (const auto& bundle : specBundles) {
        Node uri(lilv_new_file_uri(world_, nullptr, bundle.c_str()));
        if (!uri) continue;
        lilv_world_load_bundle(world_, uri.get());
        specBundles_.insert(lilv_node_as_uri(uri.get()));
    }
    // The manifests only name the specs; their rdfs:seeAlso files hold the classes, units and properties.
    Node specClass(lilv_new_uri(world_, LV2_CORE__Specification));
    Node ontologyClass(lilv_new_uri(world_, kOwlOntology));
    for (const Node* cls : {&specClass, &ontologyClass}) {
        Nodes specs(lilv_world_find_nodes(world_, nullptr, uris_->rdfType.get(), cls->get()));
        for (const LilvNode* spec : specs.items()) lilv_world_load_resource(world_, spec);
    }
    knowsPluginClasses_ = lilv_world_ask(world_, nullptr, uris_->rdfsSubClassOf.get(), uris_->lv2Plugin.get());
}

}  // namespace pluginary::lv2

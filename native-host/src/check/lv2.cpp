// check for LV2: instantiate through lilv with the features of lv2_features.hpp, connect every port (audio to
// the session's buffers, side-chains included; input controls at their defaults; CV ports to zeroed buffers;
// atom inputs to valid sequences — empty, or the notes when the port takes MIDI; atom outputs with their capacity
// set before each run; old event ports to empty event buffers), activate, run per block (worker responses
// delivered after each), deactivate, free. Latency: the output control port with lv2:reportsLatency or the
// lv2:latency designation, after the last block.
#include <cmath>
#include <memory>
#include <vector>

#include <lv2/atom/atom.h>
#include <lv2/atom/util.h>
#include <lv2/event/event.h>
#include <lv2/midi/midi.h>
#include <lv2/resize-port/resize-port.h>

#include "../formats/lv2_world.hpp"
#include "formats.hpp"
#include "lv2_features.hpp"

namespace pluginary::check {

namespace {

using lv2::Node;
using lv2::Nodes;

constexpr uint32_t kAtomCapacity = 8192;

/// An instantiated plugin; deactivated (when activated) and freed on destruction.
class Lv2Instance {
public:
    Lv2Instance(const LilvPlugin* plugin, double rate, const LV2_Feature* const* features)
        : instance_(lilv_plugin_instantiate(plugin, rate, features)) {
        if (!instance_) throw Failed("instantiate() returned NULL");
    }
    ~Lv2Instance() {
        if (active_) lilv_instance_deactivate(instance_);
        lilv_instance_free(instance_);
    }
    Lv2Instance(const Lv2Instance&) = delete;
    Lv2Instance& operator=(const Lv2Instance&) = delete;

    LilvInstance* get() const { return instance_; }
    void activate() {
        lilv_instance_activate(instance_);
        active_ = true;
    }

private:
    LilvInstance* instance_;
    bool active_ = false;
};

/// An 8-byte aligned buffer of `bytes`.
struct Buffer {
    explicit Buffer(size_t bytes) : words((bytes + 7) / 8 + 1, 0) {}
    void* data() { return words.data(); }
    std::vector<uint64_t> words;
};

enum class Kind { AudioIn, AudioOut, ControlIn, ControlOut, Cv, AtomIn, AtomOut, EventIn, EventOut, Other };

/// One port and what it is connected to.
struct Port {
    Kind kind = Kind::Other;
    bool midi = false;
    bool latency = false;
    float value = 0.0f;
    std::unique_ptr<Buffer> buffer;
    uint32_t capacity = 0;
};

/// The URIs the port scan asks about.
struct PortUris {
    explicit PortUris(LilvWorld* w)
        : reportsLatency(lilv_new_uri(w, LV2_CORE__reportsLatency)), designation(lilv_new_uri(w, LV2_CORE__designation)),
          latency(lilv_new_uri(w, LV2_CORE__latency)), minimumSize(lilv_new_uri(w, LV2_RESIZE_PORT__minimumSize)) {}
    Node reportsLatency, designation, latency, minimumSize;
};

Kind kindOf(const lv2::World& world, const LilvPlugin* plugin, const LilvPort* port) {
    const lv2::Uris& u = world.uris();
    const bool input = lilv_port_is_a(plugin, port, u.inputPort.get());
    if (lilv_port_is_a(plugin, port, u.audioPort.get())) return input ? Kind::AudioIn : Kind::AudioOut;
    if (lilv_port_is_a(plugin, port, u.controlPort.get())) return input ? Kind::ControlIn : Kind::ControlOut;
    if (lilv_port_is_a(plugin, port, u.cvPort.get())) return Kind::Cv;
    if (lilv_port_is_a(plugin, port, u.atomPort.get())) return input ? Kind::AtomIn : Kind::AtomOut;
    if (lilv_port_is_a(plugin, port, u.eventPort.get())) return input ? Kind::EventIn : Kind::EventOut;
    return Kind::Other;
}

/// Reads every port: its kind, default, whether it takes MIDI or reports latency, and its buffer.
std::vector<Port> scanPorts(const lv2::World& world, const LilvPlugin* plugin, int blockSize) {
    PortUris uris(world.get());
    const uint32_t n = lilv_plugin_get_num_ports(plugin);
    std::vector<float> mins(n), maxs(n), defaults(n);
    lilv_plugin_get_port_ranges_float(plugin, mins.data(), maxs.data(), defaults.data());
    std::vector<Port> ports(n);
    for (uint32_t i = 0; i < n; ++i) {
        const LilvPort* lp = lilv_plugin_get_port_by_index(plugin, i);
        Port& p = ports[i];
        p.kind = kindOf(world, plugin, lp);
        if (p.kind == Kind::ControlIn) {
            p.value = std::isfinite(defaults[i]) ? defaults[i] : std::isfinite(mins[i]) ? mins[i] : 0.0f;
        } else if (p.kind == Kind::ControlOut) {
            Nodes designations(lilv_port_get_value(plugin, lp, uris.designation.get()));
            p.latency = lilv_port_has_property(plugin, lp, uris.reportsLatency.get()) ||
                        lilv_nodes_contains(designations.get(), uris.latency.get());
        } else if (p.kind == Kind::Cv || p.kind == Kind::Other) {
            p.buffer = std::make_unique<Buffer>(static_cast<size_t>(blockSize) * sizeof(float) + kAtomCapacity);
        } else if (p.kind != Kind::AudioIn && p.kind != Kind::AudioOut) {
            Nodes sizes(lilv_port_get_value(plugin, lp, uris.minimumSize.get()));
            const LilvNode* size = sizes.get() ? lilv_nodes_get_first(sizes.get()) : nullptr;
            const int minimum = size && lilv_node_is_int(size) ? lilv_node_as_int(size) : 0;
            p.capacity = minimum > static_cast<int>(kAtomCapacity) ? static_cast<uint32_t>(minimum) : kAtomCapacity;
            p.buffer = std::make_unique<Buffer>(p.capacity);
            p.midi = lilv_port_supports_event(plugin, lp, world.uris().midiEvent.get());
        }
    }
    return ports;
}

/// An empty buffer of the old (deprecated, still used) LV2 event extension.
LV2_DISABLE_DEPRECATION_WARNINGS
void emptyEventBuffer(Port& p) {
    auto* events = static_cast<LV2_Event_Buffer*>(p.buffer->data());
    *events = LV2_Event_Buffer{};
    events->data = reinterpret_cast<uint8_t*>(events + 1);
    events->header_size = sizeof(LV2_Event_Buffer);
    events->capacity = p.capacity - static_cast<uint32_t>(sizeof(LV2_Event_Buffer));
}
LV2_RESTORE_WARNINGS

/// Prepares the atom and event buffers for one block: inputs empty (or the notes), outputs at full capacity.
void prepareEvents(std::vector<Port>& ports, lv2::UridMap& urids, const std::vector<MidiEvent>& notes) {
    const LV2_URID sequence = urids.map(LV2_ATOM__Sequence), chunk = urids.map(LV2_ATOM__Chunk);
    const LV2_URID midiEvent = urids.map(LV2_MIDI__MidiEvent);
    for (Port& p : ports) {
        if (p.kind == Kind::AtomIn) {
            auto* seq = static_cast<LV2_Atom_Sequence*>(p.buffer->data());
            seq->atom = {sizeof(LV2_Atom_Sequence_Body), sequence};
            seq->body = {0, 0};
            if (!p.midi) continue;
            for (const MidiEvent& note : notes) {
                struct {
                    LV2_Atom_Event event;
                    uint8_t bytes[8];
                } e{};
                e.event.time.frames = note.frame;
                e.event.body = {3, midiEvent};
                for (int b = 0; b < 3; ++b) e.bytes[b] = note.bytes[b];
                lv2_atom_sequence_append_event(seq, p.capacity - sizeof(LV2_Atom), &e.event);
            }
        } else if (p.kind == Kind::AtomOut) {
            auto* atom = static_cast<LV2_Atom*>(p.buffer->data());
            *atom = {p.capacity - static_cast<uint32_t>(sizeof(LV2_Atom)), chunk};
        } else if (p.kind == Kind::EventIn || p.kind == Kind::EventOut) {
            emptyEventBuffer(p);
        }
    }
}

std::vector<std::string> requiredFeatures(const LilvPlugin* plugin) {
    Nodes features(lilv_plugin_get_required_features(plugin));
    std::vector<std::string> out;
    for (const LilvNode* f : features.items()) out.emplace_back(lilv_node_as_uri(f));
    return out;
}

}  // namespace

Result runLv2(const lv2::World& world, const LilvPlugin* plugin, const Request& request) {
    std::vector<Port> ports = scanPorts(world, plugin, request.blockSize);
    int ins = 0, outs = 0;
    for (const Port& p : ports) ins += p.kind == Kind::AudioIn, outs += p.kind == Kind::AudioOut;
    Session session(request, ins, outs);
    Lv2Features features(request.sampleRate, request.blockSize, kAtomCapacity);
    if (const std::string missing = features.missing(requiredFeatures(plugin)); !missing.empty())
        throw Failed("the plugin requires the feature <" + missing + ">, which the host does not offer");

    Lv2Instance instance(plugin, request.sampleRate, features.array());
    const auto* worker = static_cast<const LV2_Worker_Interface*>(lilv_instance_get_extension_data(instance.get(), LV2_WORKER__interface));
    features.attachWorker(lilv_instance_get_handle(instance.get()), worker);
    int in = 0, out = 0;
    for (uint32_t i = 0; i < ports.size(); ++i) {
        Port& p = ports[i];
        void* data = p.kind == Kind::AudioIn    ? session.input(in++)
                     : p.kind == Kind::AudioOut ? session.output(out++)
                     : p.buffer                 ? p.buffer->data()
                                                : &p.value;
        lilv_instance_connect_port(instance.get(), i, data);
    }
    prepareEvents(ports, features.urids(), {});
    instance.activate();
    session.run([&](int block) {
        prepareEvents(ports, features.urids(), session.midi(block));
        lilv_instance_run(instance.get(), static_cast<uint32_t>(request.blockSize));
        features.deliverWorkResponses();
        return true;
    });
    std::optional<double> latency;
    for (const Port& p : ports)
        if (p.latency && !latency) latency = p.value;
    return session.result(ins > 0 && outs > 0, latency);
}

}  // namespace pluginary::check

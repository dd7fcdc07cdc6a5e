// check for CLAP: the plugin arrives created and init()ed (clap::Instance). activate(rate, blockSize, blockSize),
// start_processing, then per block process() with every audio port's channels, the notes as input events (CLAP
// note events when the first input note port speaks the CLAP dialect, raw MIDI otherwise) and an output event
// queue that accepts everything; stop_processing and deactivate after. Latency: the latency extension after
// activate. A process() that returns CLAP_PROCESS_ERROR fails the check.
#include <vector>

#include "../formats/clap_host.hpp"
#include "formats.hpp"

namespace pluginary::check {

namespace {

/// The channel counts of the plugin's audio ports in one direction.
std::vector<uint32_t> portChannels(const clap::Instance& instance, bool input) {
    std::vector<uint32_t> channels;
    const auto* ports = instance.extension<clap_plugin_audio_ports_t>(CLAP_EXT_AUDIO_PORTS);
    if (ports == nullptr || ports->count == nullptr || ports->get == nullptr) return channels;
    const uint32_t count = ports->count(instance.get(), input);
    for (uint32_t i = 0; i < count; ++i) {
        clap_audio_port_info_t info{};
        channels.push_back(ports->get(instance.get(), i, input, &info) ? info.channel_count : 0);
    }
    return channels;
}

/// One clap_audio_buffer per port, pointing into the session's channel pointers.
std::vector<clap_audio_buffer_t> buffers(const std::vector<uint32_t>& channels, float** pointers) {
    std::vector<clap_audio_buffer_t> out;
    uint32_t offset = 0;
    for (const uint32_t n : channels) {
        clap_audio_buffer_t b{};
        b.data32 = pointers + offset;
        b.channel_count = n;
        out.push_back(b);
        offset += n;
    }
    return out;
}

/// -1 without note input, else whether the first input note port takes CLAP note events (else raw MIDI).
int noteDialect(const clap::Instance& instance) {
    const auto* notes = instance.extension<clap_plugin_note_ports_t>(CLAP_EXT_NOTE_PORTS);
    if (notes == nullptr || notes->count == nullptr || notes->count(instance.get(), true) == 0) return -1;
    clap_note_port_info_t info{};
    if (notes->get == nullptr || !notes->get(instance.get(), 0, true, &info)) return -1;
    return (info.supported_dialects & CLAP_NOTE_DIALECT_CLAP) != 0 ? 1 : 0;
}

/// The block's notes as CLAP input events.
class InputEvents {
public:
    InputEvents() {
        list_.ctx = this;
        list_.size = [](const clap_input_events_t* l) { return static_cast<uint32_t>(self(l)->headers_.size()); };
        list_.get = [](const clap_input_events_t* l, uint32_t i) {
            return i < self(l)->headers_.size() ? self(l)->headers_[i] : nullptr;
        };
    }
    InputEvents(const InputEvents&) = delete;
    InputEvents& operator=(const InputEvents&) = delete;

    void set(const std::vector<MidiEvent>& due, bool clapDialect) {
        notes_.clear();
        midi_.clear();
        headers_.clear();
        for (const MidiEvent& e : due) {
            const bool on = (e.bytes[0] & 0xF0) == 0x90;
            clap_event_header_t header{0, e.frame, CLAP_CORE_EVENT_SPACE_ID, 0, 0};
            if (clapDialect) {
                header.size = sizeof(clap_event_note_t);
                header.type = on ? CLAP_EVENT_NOTE_ON : CLAP_EVENT_NOTE_OFF;
                notes_.push_back({header, -1, 0, 0, e.bytes[1], e.bytes[2] / 127.0});
            } else {
                header.size = sizeof(clap_event_midi_t);
                header.type = CLAP_EVENT_MIDI;
                midi_.push_back({header, 0, {e.bytes[0], e.bytes[1], e.bytes[2]}});
            }
        }
        for (auto& n : notes_) headers_.push_back(&n.header);
        for (auto& m : midi_) headers_.push_back(&m.header);
    }
    const clap_input_events_t* get() const { return &list_; }

private:
    static const InputEvents* self(const clap_input_events_t* l) { return static_cast<const InputEvents*>(l->ctx); }
    clap_input_events_t list_{};
    std::vector<clap_event_note_t> notes_;
    std::vector<clap_event_midi_t> midi_;
    std::vector<const clap_event_header_t*> headers_;
};

/// Activated and processing on construction; stopped and deactivated on destruction.
class Active {
public:
    Active(const clap_plugin_t* plugin, clap::Host& host, const Request& request) : plugin_(plugin), host_(host) {
        const auto frames = static_cast<uint32_t>(request.blockSize);
        if (plugin_->activate == nullptr || !plugin_->activate(plugin_, request.sampleRate, frames, frames))
            throw Failed("activate() failed");
        host_.audio = true;
        if (plugin_->start_processing != nullptr && !plugin_->start_processing(plugin_)) {
            host_.audio = false;
            plugin_->deactivate(plugin_);
            throw Failed("start_processing() failed");
        }
    }
    ~Active() {
        host_.audio = true;
        if (plugin_->stop_processing != nullptr) plugin_->stop_processing(plugin_);
        host_.audio = false;
        if (plugin_->deactivate != nullptr) plugin_->deactivate(plugin_);
    }
    Active(const Active&) = delete;
    Active& operator=(const Active&) = delete;

private:
    const clap_plugin_t* plugin_;
    clap::Host& host_;
};

}  // namespace

Result runClap(const clap::Instance& instance, clap::Host& host, const Request& request) {
    const std::vector<uint32_t> inChannels = portChannels(instance, true), outChannels = portChannels(instance, false);
    uint32_t ins = 0, outs = 0;
    for (const uint32_t n : inChannels) ins += n;
    for (const uint32_t n : outChannels) outs += n;
    Session session(request, static_cast<int>(ins), static_cast<int>(outs));
    std::vector<clap_audio_buffer_t> inputs = buffers(inChannels, session.inputPointers());
    std::vector<clap_audio_buffer_t> outputs = buffers(outChannels, session.outputPointers());
    const int dialect = noteDialect(instance);
    InputEvents events;
    clap_output_events_t sink{nullptr, [](const clap_output_events_t*, const clap_event_header_t*) { return true; }};

    const clap_plugin_t* plugin = instance.get();
    std::optional<double> latency;
    Active active(plugin, host, request);
    host.audio = false;
    if (const auto* ext = instance.extension<clap_plugin_latency_t>(CLAP_EXT_LATENCY); ext != nullptr && ext->get != nullptr)
        latency = ext->get(plugin);
    host.audio = true;

    clap_process_t process{};
    process.frames_count = static_cast<uint32_t>(request.blockSize);
    process.audio_inputs = inputs.data();
    process.audio_inputs_count = static_cast<uint32_t>(inputs.size());
    process.audio_outputs = outputs.data();
    process.audio_outputs_count = static_cast<uint32_t>(outputs.size());
    process.in_events = events.get();
    process.out_events = &sink;
    const bool completed = session.run([&](int block) {
        events.set(dialect >= 0 ? session.midi(block) : std::vector<MidiEvent>{}, dialect == 1);
        process.steady_time = static_cast<int64_t>(block) * request.blockSize;
        return plugin->process(plugin, &process) != CLAP_PROCESS_ERROR;
    });
    if (!completed) return failedResult("process() returned CLAP_PROCESS_ERROR");
    return session.result(ins > 0 && outs > 0, latency);
}

}  // namespace pluginary::check

// check for VST3: the audio module arrives initialised with its controller (vst3::Instance). setupProcessing
// (realtime, 32-bit, blockSize, rate), every audio bus and every event input bus activated, setActive(true),
// setProcessing(true); per block IAudioProcessor::process with real ProcessData — every bus's channels, the notes
// as an IEventList on the first event input bus, empty input parameter changes, output changes and events
// accepted, a process context (playing, 120 BPM, 4/4, sample position); then setProcessing(false),
// setActive(false). Latency: getLatencySamples after the last block. A process() that does not return kResultOk
// fails the check.
#include <vector>

#include "../formats/vst3_instance.hpp"
#include "formats.hpp"
#include "vst3_process.hpp"

namespace pluginary::check {

namespace {

using pluginary::vst3::ComPtr;

/// Channel counts of the audio buses of one direction.
std::vector<int32_t> busChannels(v3_component** component, int32_t direction) {
    std::vector<int32_t> channels;
    auto* c = v3_cpp_obj(component);
    const int32_t count = c->get_bus_count(component, V3_AUDIO, direction);
    for (int32_t i = 0; i < count; ++i) {
        v3_bus_info bus{};
        channels.push_back(c->get_bus_info(component, V3_AUDIO, direction, i, &bus) == V3_OK ? bus.channel_count : 0);
    }
    return channels;
}

std::vector<v3_audio_bus_buffers> busBuffers(const std::vector<int32_t>& channels, float** pointers) {
    std::vector<v3_audio_bus_buffers> out;
    int32_t offset = 0;
    for (const int32_t n : channels) {
        v3_audio_bus_buffers b{};
        b.num_channels = n;
        b.channel_buffers_32 = pointers + offset;
        out.push_back(b);
        offset += n;
    }
    return out;
}

/// Buses activated, set up, active and processing on construction; the reverse on destruction.
class Processing {
public:
    Processing(v3_component** component, const ComPtr<v3_audio_processor>& processor, const Request& request)
        : component_(component), processor_(processor) {
        v3_process_setup setup{V3_REALTIME, V3_SAMPLE_32, request.blockSize, request.sampleRate};
        if (processor_.vtbl()->setup_processing(processor_.get(), &setup) != V3_OK)
            throw Failed("setupProcessing() refused 32-bit realtime processing at this rate and block size");
        auto* c = v3_cpp_obj(component_);
        for (int32_t direction : {V3_INPUT, V3_OUTPUT}) {
            for (int32_t i = 0; i < c->get_bus_count(component_, V3_AUDIO, direction); ++i)
                c->activate_bus(component_, V3_AUDIO, direction, i, true);
        }
        for (int32_t i = 0; i < c->get_bus_count(component_, V3_EVENT, V3_INPUT); ++i)
            c->activate_bus(component_, V3_EVENT, V3_INPUT, i, true);
        if (c->set_active(component_, true) != V3_OK) throw Failed("setActive(true) failed");
        active_ = true;
        processor_.vtbl()->set_processing(processor_.get(), true);  // kNotImplemented is allowed
    }
    ~Processing() {
        processor_.vtbl()->set_processing(processor_.get(), false);
        if (active_) v3_cpp_obj(component_)->set_active(component_, false);
    }
    Processing(const Processing&) = delete;
    Processing& operator=(const Processing&) = delete;

private:
    v3_component** component_;
    const ComPtr<v3_audio_processor>& processor_;
    bool active_ = false;
};

v3_event noteEvent(const MidiEvent& e) {
    v3_event event{};
    event.sample_offset = static_cast<int32_t>(e.frame);
    if ((e.bytes[0] & 0xF0) == 0x90) {
        event.type = V3_EVENT_NOTE_ON;
        event.note_on.pitch = e.bytes[1];
        event.note_on.velocity = static_cast<float>(e.bytes[2]) / 127.0f;
        event.note_on.note_id = -1;
    } else {
        event.type = V3_EVENT_NOTE_OFF;
        event.note_off.pitch = e.bytes[1];
        event.note_off.note_id = -1;
    }
    return event;
}

}  // namespace

Result runVst3(const vst3::Instance& instance, const Request& request) {
    v3_component** component = instance.component();
    auto processor = instance.componentPtr().query<v3_audio_processor>(v3_audio_processor_iid);
    if (!processor) throw Failed("the component has no IAudioProcessor");
    const std::vector<int32_t> inChannels = busChannels(component, V3_INPUT), outChannels = busChannels(component, V3_OUTPUT);
    int ins = 0, outs = 0;
    for (const int32_t n : inChannels) ins += n;
    for (const int32_t n : outChannels) outs += n;
    Session session(request, ins, outs);
    std::vector<v3_audio_bus_buffers> inputs = busBuffers(inChannels, session.inputPointers());
    std::vector<v3_audio_bus_buffers> outputs = busBuffers(outChannels, session.outputPointers());
    const bool midi = v3_cpp_obj(component)->get_bus_count(component, V3_EVENT, V3_INPUT) > 0;
    vst3host::EventList eventsIn, eventsOut;
    vst3host::ParamChanges paramsIn, paramsOut;
    v3_process_context context{};
    context.state = V3_PROCESS_CTX_PLAYING | V3_PROCESS_CTX_PROJECT_TIME_VALID | V3_PROCESS_CTX_TEMPO_VALID |
                    V3_PROCESS_CTX_TIME_SIG_VALID | V3_PROCESS_CTX_CONT_TIME_VALID;
    context.sample_rate = request.sampleRate;
    context.bpm = 120.0;
    context.time_sig_numerator = 4;
    context.time_sig_denom = 4;

    v3_process_data data{};
    data.process_mode = V3_REALTIME;
    data.symbolic_sample_size = V3_SAMPLE_32;
    data.nframes = request.blockSize;
    data.num_input_buses = static_cast<int32_t>(inputs.size());
    data.num_output_buses = static_cast<int32_t>(outputs.size());
    data.inputs = inputs.empty() ? nullptr : inputs.data();
    data.outputs = outputs.empty() ? nullptr : outputs.data();
    data.input_params = paramsIn.ptr();
    data.output_params = paramsOut.ptr();
    data.input_events = eventsIn.ptr();
    data.output_events = eventsOut.ptr();
    data.ctx = &context;

    Processing processing(component, processor, request);
    const bool completed = session.run([&](int block) {
        eventsIn.events.clear();
        eventsOut.events.clear();
        paramsOut.clear();
        if (midi)
            for (const MidiEvent& e : session.midi(block)) eventsIn.events.push_back(noteEvent(e));
        const int64_t position = static_cast<int64_t>(block) * request.blockSize;
        context.project_time_in_samples = context.continuous_time_in_samples = position;
        context.project_time_quarters = static_cast<double>(position) / request.sampleRate * 2.0;
        return processor.vtbl()->process(processor.get(), &data) == V3_OK;
    });
    if (!completed) return failedResult("process() did not return kResultOk");
    const double latency = processor.vtbl()->get_latency_samples(processor.get());
    return session.result(ins > 0 && outs > 0, latency);
}

}  // namespace pluginary::check

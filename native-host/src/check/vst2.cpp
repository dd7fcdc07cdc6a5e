// check for VST2: the effect arrives opened with rate and block size set (vst2::Effect). Resume
// (effMainsChanged 1) and effStartProcess, then per block effProcessEvents (the notes, for plugins that take
// MIDI) and processReplacing (or the old accumulating `process` when the plugin cannot replace); effStopProcess
// and suspend after. Latency: AEffect::initialDelay after the last block.
#include <cstdint>
#include <vector>

#include "../formats/vst2_effect.hpp"
#include "formats.hpp"

namespace pluginary::check {

namespace {

/// Resumed and started on construction; stopped and suspended on destruction.
class Running {
public:
    explicit Running(const vst2::Effect& fx) : fx_(fx) {
        fx_.dispatch(effMainsChanged, 0, 1);
        fx_.dispatch(effStartProcess);
    }
    ~Running() {
        fx_.dispatch(effStopProcess);
        fx_.dispatch(effMainsChanged, 0, 0);
    }
    Running(const Running&) = delete;
    Running& operator=(const Running&) = delete;

private:
    const vst2::Effect& fx_;
};

/// VstEvents with room for a block's notes (the ABI's struct ends in a flexible array).
struct EventList {
    int numEvents = 0;
    t_fstPtrInt reserved = 0;
    t_fstEvent* events[16] = {};
};

bool takesMidi(const vst2::Effect& fx) {
    return (fx->flags & effFlagsIsSynth) != 0 || fx.canDo("receiveVstMidiEvent") || fx.canDo("receiveVstEvents");
}

}  // namespace

Result runVst2(const vst2::Effect& fx, const Request& request) {
    Session session(request, fx->numInputs, fx->numOutputs);
    const bool midi = takesMidi(fx);
    const bool replacing = (fx->flags & effFlagsCanReplacing) != 0 && fx->processReplacing != nullptr;
    if (!replacing && fx->process == nullptr) throw Failed("the effect has neither processReplacing nor process");
    std::vector<VstMidiEvent> midiEvents(16);
    EventList list;

    Running running(fx);
    AEffect* effect = fx.operator->();
    session.run([&](int block) {
        if (midi) {
            const auto& due = session.midi(block);
            list.numEvents = 0;
            for (const MidiEvent& event : due) {
                if (list.numEvents == 16) break;
                VstMidiEvent& e = midiEvents[static_cast<size_t>(list.numEvents)];
                e = VstMidiEvent{};
                e.type = kVstMidiType;
                e.byteSize = sizeof(VstMidiEvent);
                e.deltaFrames = static_cast<int>(event.frame);
                for (int i = 0; i < 3; ++i) e.midiData[i] = event.bytes[i];
                list.events[list.numEvents++] = reinterpret_cast<t_fstEvent*>(&e);
            }
            fx.dispatch(effProcessEvents, 0, 0, &list);
        }
        (replacing ? effect->processReplacing : effect->process)(effect, session.inputPointers(),
                                                                 session.outputPointers(), request.blockSize);
        return true;
    });
    // After processing: plugins may set it only then (DPF updates it after each block).
    return session.result(fx->numInputs > 0 && fx->numOutputs > 0, static_cast<double>(fx->initialDelay));
}

}  // namespace pluginary::check

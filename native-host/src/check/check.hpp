// The health check (`check` in PROTOCOL.md): what is asked, what is answered, and the session every format runs
// its plugin through. The formats load and instantiate; check/<format>.cpp drives the audio; this file judges.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace pluginary::check {

/// One `check` request, after validation.
struct Request {
    std::string uid;
    double seconds = 2.0;
    double sampleRate = 48000.0;
    int blockSize = 512;
};

/// The answer. `health` is ok | nan | failed; crashed and timeout are decided by the client.
struct Result {
    std::string health = "ok";
    std::vector<std::string> warnings;  ///< silent | denormals | heavy
    std::optional<double> latencySamples;
    std::optional<double> cpuPercent;
    std::string error;
};

/// Thrown while instantiating or activating a plugin: the plugin is `failed` with this reason (not a JSON-RPC
/// error). Formats convert their own ProbeErrors from that stage into it with `failedStage`.
struct Failed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// `failed` with `reason`, nothing measured.
Result failedResult(const std::string& reason);

/// A short MIDI message due at a frame of the current block.
struct MidiEvent {
    uint32_t frame;  ///< offset within the block
    uint8_t bytes[3];
};

/// A check in progress: input buffers filled with noise, output buffers judged, process time measured, MIDI
/// notes handed out per block. A format sizes it with its channel counts, then calls `run`.
class Session {
public:
    Session(const Request& request, int inputs, int outputs);

    float* input(int channel) { return inputs_[static_cast<size_t>(channel)].data(); }
    float* output(int channel) { return outputs_[static_cast<size_t>(channel)].data(); }
    float** inputPointers() { return inputPointers_.data(); }
    float** outputPointers() { return outputPointers_.data(); }
    int inputCount() const { return static_cast<int>(inputs_.size()); }
    int outputCount() const { return static_cast<int>(outputs_.size()); }
    int blockSize() const { return request_.blockSize; }
    double sampleRate() const { return request_.sampleRate; }
    /// Number of blocks the run processes (the duration rounded up to whole blocks).
    int blocks() const { return blocks_; }
    /// The MIDI notes due in block `block` (frame offsets within it, sorted): a chord, then a single note.
    const std::vector<MidiEvent>& midi(int block);

    /// For each block: noise into the inputs, cleared outputs, `process(block)` timed (the thread's CPU time, so a
    /// loaded machine does not inflate it), outputs judged.
    /// `process` returns false to stop early (the plugin reported an error; the caller decides what that means).
    template <typename Process>
    bool run(Process&& process) {
        for (int block = 0; block < blocks_; ++block) {
            prepare();
            const double start = threadCpuSeconds();
            const bool ok = process(block);
            busySeconds_ += threadCpuSeconds() - start;
            if (!ok) return false;
            judge();
            framesDone_ += static_cast<uint64_t>(request_.blockSize);
        }
        return true;
    }

    /// The verdict. `effect`: the plugin has audio inputs and outputs (only then is all-zero output `silent`).
    Result result(bool effect, std::optional<double> latencySamples) const;

private:
    void prepare();
    void judge();
    /// CPU time consumed by the calling thread so far (CLOCK_THREAD_CPUTIME_ID), in seconds.
    static double threadCpuSeconds();

    Request request_;
    int blocks_;
    std::vector<std::vector<float>> inputs_, outputs_;
    std::vector<float*> inputPointers_, outputPointers_;
    std::vector<MidiEvent> blockMidi_;
    uint32_t noiseState_ = 0x9E3779B9u;
    double busySeconds_ = 0.0;  ///< CPU time of this thread inside the process calls
    uint64_t framesDone_ = 0;
    uint64_t nonFinite_ = 0, subnormal_ = 0, nonZero_ = 0;
};

/// Saves the floating-point control state (x86 MXCSR: flush-to-zero, denormals-are-zero, rounding) and restores
/// it on destruction, so a plugin that changes it does not change how the next plugin is judged.
class FloatStateGuard {
public:
    FloatStateGuard();
    ~FloatStateGuard();
    FloatStateGuard(const FloatStateGuard&) = delete;
    FloatStateGuard& operator=(const FloatStateGuard&) = delete;

private:
    unsigned int saved_ = 0;
};

}  // namespace pluginary::check

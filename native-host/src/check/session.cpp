#include <algorithm>
#include <cmath>
#include <cstring>
#include <ctime>

#if defined(__SSE__) || defined(__x86_64__)
#include <xmmintrin.h>
#define PLUGINARY_HAS_MXCSR 1
#endif

#include "check.hpp"

namespace pluginary::check {

namespace {

/// Peak of the input noise: 0.25 ≈ −12 dBFS.
constexpr float kNoisePeak = 0.25f;
/// Plugins whose cpuPercent reaches this are `heavy`.
constexpr double kHeavyPercent = 50.0;

/// The note schedule, at fractions of the run: a C major chord from 0 to 40 %, a low C from 50 % to 80 %.
struct Note {
    double at;
    uint8_t status, key, velocity;
};
constexpr Note kNotes[] = {
    {0.0, 0x90, 60, 100}, {0.0, 0x90, 64, 100}, {0.0, 0x90, 67, 100}, {0.4, 0x80, 60, 0}, {0.4, 0x80, 64, 0},
    {0.4, 0x80, 67, 0},   {0.5, 0x90, 48, 110}, {0.8, 0x80, 48, 0},
};

}  // namespace

Result failedResult(const std::string& reason) {
    Result r;
    r.health = "failed";
    r.error = reason;
    return r;
}

Session::Session(const Request& request, int inputs, int outputs)
    : request_(request),
      blocks_(static_cast<int>(std::ceil(request.seconds * request.sampleRate / request.blockSize))),
      inputs_(static_cast<size_t>(inputs), std::vector<float>(static_cast<size_t>(request.blockSize))),
      outputs_(static_cast<size_t>(outputs), std::vector<float>(static_cast<size_t>(request.blockSize))) {
    for (auto& channel : inputs_) inputPointers_.push_back(channel.data());
    for (auto& channel : outputs_) outputPointers_.push_back(channel.data());
    // Never a null array: formats pass these even with no channels.
    inputPointers_.push_back(nullptr);
    outputPointers_.push_back(nullptr);
}

const std::vector<MidiEvent>& Session::midi(int block) {
    blockMidi_.clear();
    const double total = static_cast<double>(blocks_) * request_.blockSize;
    const double first = static_cast<double>(block) * request_.blockSize;
    for (const Note& note : kNotes) {
        const double frame = std::floor(note.at * total);
        if (frame < first || frame >= first + request_.blockSize) continue;
        blockMidi_.push_back({static_cast<uint32_t>(frame - first), {note.status, note.key, note.velocity}});
    }
    return blockMidi_;
}

void Session::prepare() {
    // xorshift32: the same noise in every run, every channel its own stretch of it.
    for (auto& channel : inputs_) {
        for (float& sample : channel) {
            noiseState_ ^= noiseState_ << 13;
            noiseState_ ^= noiseState_ >> 17;
            noiseState_ ^= noiseState_ << 5;
            sample = kNoisePeak * (static_cast<float>(noiseState_) / 2147483648.0f - 1.0f);
        }
    }
    for (auto& channel : outputs_) std::fill(channel.begin(), channel.end(), 0.0f);
}

void Session::judge() {
    // By the bits, not by float comparisons: a plugin built with -ffast-math sets denormals-are-zero for the whole
    // process when it is loaded (crtfastmath), and then every comparison would see a subnormal as zero.
    for (const auto& channel : outputs_) {
        for (const float sample : channel) {
            uint32_t bits;
            std::memcpy(&bits, &sample, sizeof bits);
            const uint32_t exponent = bits & 0x7F800000u, mantissa = bits & 0x007FFFFFu;
            if (exponent == 0x7F800000u) ++nonFinite_;
            else if (exponent == 0 && mantissa != 0) ++subnormal_, ++nonZero_;
            else if (exponent != 0) ++nonZero_;
        }
    }
}

Result Session::result(bool effect, std::optional<double> latencySamples) const {
    Result r;
    if (nonFinite_ > 0) r.health = "nan";
    if (effect && !outputs_.empty() && nonZero_ == 0 && nonFinite_ == 0) r.warnings.push_back("silent");
    if (subnormal_ > 0) r.warnings.push_back("denormals");
    const double audioSeconds = static_cast<double>(framesDone_) / request_.sampleRate;
    if (audioSeconds > 0) {
        const double percent = std::round(busySeconds_ / audioSeconds * 100.0 * 100.0) / 100.0;
        r.cpuPercent = percent;
        if (percent >= kHeavyPercent) r.warnings.push_back("heavy");
    }
    if (latencySamples && std::isfinite(*latencySamples)) r.latencySamples = std::round(*latencySamples);
    return r;
}

double Session::threadCpuSeconds() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

#ifdef PLUGINARY_HAS_MXCSR
FloatStateGuard::FloatStateGuard() : saved_(_mm_getcsr()) {}
FloatStateGuard::~FloatStateGuard() { _mm_setcsr(saved_); }
#else
FloatStateGuard::FloatStateGuard() = default;
FloatStateGuard::~FloatStateGuard() = default;
#endif

}  // namespace pluginary::check

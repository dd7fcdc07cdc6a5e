// The VST 2.4 ABI as the clean-room FST header (fst-dev) describes it, plus the few pieces FST lacks.
#pragma once

#include <cstdint>

// fst.h prints `#warning` notes for its own authors when it sees GCC or clang (and "-Wcpp" cannot be silenced by
// pragma on GCC 12), so it is included with those macros hidden; it then also skips its deprecation attributes.
#pragma push_macro("__GNUC__")
#pragma push_macro("__clang__")
#undef __GNUC__
#undef __clang__
#include <pluginterfaces/fst/fst.h>
#pragma pop_macro("__clang__")
#pragma pop_macro("__GNUC__")

namespace pluginary::vst2 {

/// effGetParameterProperties: not in FST; opcode 56 in the 2.4 ABI (DPF answers it as VST_EFFECT_OPCODE_38).
constexpr int kEffGetParameterProperties = 56;

/// VstParameterProperties layout of the 2.4 ABI. We read only `label`, `flags`, `minInteger` and `maxInteger`,
/// whose offsets DPF's xaymar-vst2 layout (which lacks largeStepInteger) shares. Plugins get a padded buffer.
struct ParameterProperties {
    float stepFloat;
    float smallStepFloat;
    float largeStepFloat;
    char label[64];           ///< the full parameter name
    std::int32_t flags;
    std::int32_t minInteger;
    std::int32_t maxInteger;
    std::int32_t stepInteger;
    std::int32_t largeStepInteger;
    char shortLabel[8];
    std::int16_t displayIndex;
    std::int16_t category;
    std::int16_t numParametersInCategory;
    std::int16_t reserved;
    char categoryLabel[24];
    char future[16];
};

/// ParameterProperties::flags bits.
constexpr std::int32_t kParamIsSwitch = 1 << 0;
constexpr std::int32_t kParamUsesIntegerMinMax = 1 << 1;
constexpr std::int32_t kParamUsesIntStep = 1 << 3;

/// Size of every text buffer we hand a plugin: far above the ABI's limits, because plugins overrun them.
constexpr int kTextBufferSize = 512;

/// The name effGetPlugCategory's value has in the VST 2.4 SDK (what DAWs and other scanners print).
inline const char* categoryName(std::intptr_t category) {
    switch (category) {
        case 0: return "kPlugCategUnknown";
        case 1: return "kPlugCategEffect";
        case 2: return "kPlugCategSynth";
        case 3: return "kPlugCategAnalysis";
        case 4: return "kPlugCategMastering";
        case 5: return "kPlugCategSpacializer";
        case 6: return "kPlugCategRoomFx";
        case 7: return "kPlugSurroundFx";
        case 8: return "kPlugCategRestoration";
        case 9: return "kPlugCategOfflineProcess";
        case 10: return "kPlugCategShell";
        case 11: return "kPlugCategGenerator";
        default: return "kPlugCategUnknown";
    }
}

}  // namespace pluginary::vst2

// Instantiating an LV2 plugin once, to prove its binary loads (probe option `instantiate`).
#pragma once

#include <lilv/lilv.h>

namespace pluginary::lv2 {

/// Instantiates `plugin` at `sampleRate` with cheap host features (URID map/unmap, options with block
/// sizes, bounded block length), then frees it. Runs plugin code. Throws ProbeError(kLoadFailed) when
/// the plugin refuses, naming the features it requires.
void instantiateOnce(const LilvPlugin* plugin, double sampleRate);

}  // namespace pluginary::lv2

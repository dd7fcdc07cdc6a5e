// LADSPA control ports read by the hint rules of ladspa.h; shared by probe (formats/ladspa.cpp) and check.
#pragma once

#include <ladspa.h>

#include "../plugin_info.hpp"

namespace pluginary::ladspa {

/// Control port `index` of `d` as a parameter at `sampleRate` (rules in PROTOCOL.md, "LADSPA ranges").
ParameterInfo controlParameter(const LADSPA_Descriptor& d, unsigned long index, double sampleRate);

}  // namespace pluginary::ladspa

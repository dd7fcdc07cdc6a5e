// The audio half of `check` for each format: given a plugin the format has loaded (and, where the format
// creates instances while loading, instantiated), run it through a check::Session and judge it.
// One file per format: check/<format>.cpp. Each throws check::Failed when the plugin cannot be activated.
#pragma once

#include <ladspa.h>
#include <lilv/lilv.h>

#include "check.hpp"

namespace pluginary {
namespace lv2 { class World; }
namespace vst2 { class Effect; }
namespace vst3 { class Instance; }
namespace clap { class Instance; class Host; }
}  // namespace pluginary

namespace pluginary::check {

Result runLadspa(const LADSPA_Descriptor& descriptor, const Request& request);
Result runLv2(const lv2::World& world, const LilvPlugin* plugin, const Request& request);
Result runVst2(const vst2::Effect& effect, const Request& request);
Result runVst3(const vst3::Instance& instance, const Request& request);
Result runClap(const clap::Instance& instance, clap::Host& host, const Request& request);

}  // namespace pluginary::check

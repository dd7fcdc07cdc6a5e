#include "lv2_instance.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include <lv2/atom/atom.h>
#include <lv2/buf-size/buf-size.h>
#include <lv2/options/options.h>
#include <lv2/parameters/parameters.h>
#include <lv2/urid/urid.h>

#include "../rpc/errors.hpp"
#include "format.hpp"
#include "lv2_urid.hpp"
#include "lv2_world.hpp"

namespace pluginary::lv2 {

namespace {

std::string requiredFeatures(const LilvPlugin* plugin) {
    Nodes features(lilv_plugin_get_required_features(plugin));
    std::string list;
    for (const LilvNode* f : features.items()) list += (list.empty() ? "" : ", ") + std::string(lilv_node_as_uri(f));
    return list;
}

}  // namespace

void instantiateOnce(const LilvPlugin* plugin, double sampleRate) {
    UridMap urids;
    const int32_t minBlock = 16, maxBlock = 4096;
    const float rate = static_cast<float>(sampleRate);
    const LV2_URID intType = urids.map(LV2_ATOM__Int), floatType = urids.map(LV2_ATOM__Float);
    const LV2_Options_Option options[] = {
        {LV2_OPTIONS_INSTANCE, 0, urids.map(LV2_BUF_SIZE__minBlockLength), sizeof minBlock, intType, &minBlock},
        {LV2_OPTIONS_INSTANCE, 0, urids.map(LV2_BUF_SIZE__maxBlockLength), sizeof maxBlock, intType, &maxBlock},
        {LV2_OPTIONS_INSTANCE, 0, urids.map(LV2_BUF_SIZE__nominalBlockLength), sizeof maxBlock, intType, &maxBlock},
        {LV2_OPTIONS_INSTANCE, 0, urids.map(LV2_PARAMETERS__sampleRate), sizeof rate, floatType, &rate},
        {LV2_OPTIONS_INSTANCE, 0, 0, 0, 0, nullptr},
    };
    const LV2_Feature mapFeature{LV2_URID__map, urids.mapFeature()};
    const LV2_Feature unmapFeature{LV2_URID__unmap, urids.unmapFeature()};
    const LV2_Feature optionsFeature{LV2_OPTIONS__options, const_cast<LV2_Options_Option*>(options)};
    const LV2_Feature boundedFeature{LV2_BUF_SIZE__boundedBlockLength, nullptr};
    const LV2_Feature* features[] = {&mapFeature, &unmapFeature, &optionsFeature, &boundedFeature, nullptr};

    LilvInstance* instance = lilv_plugin_instantiate(plugin, sampleRate, features);
    if (!instance) {
        std::string message = "LV2 plugin <" + std::string(lilv_node_as_uri(lilv_plugin_get_uri(plugin))) +
                              "> failed to instantiate";
        const std::string required = requiredFeatures(plugin);
        if (!required.empty()) message += " (it requires: " + required + ")";
        throw ProbeError(rpc::kLoadFailed, message);
    }
    lilv_instance_free(instance);
}

}  // namespace pluginary::lv2

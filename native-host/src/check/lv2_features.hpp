// The host features an LV2 plugin gets for `check`: what hosts normally give (URID map/unmap, options with the
// block lengths and sample rate, bounded/fixed/power-of-two block length, log) plus a synchronous worker.
#pragma once

#include <lilv/lilv.h>
#include <lv2/core/lv2.h>
#include <lv2/log/log.h>
#include <lv2/options/options.h>
#include <lv2/worker/worker.h>

#include <cstdint>
#include <string>
#include <vector>

#include "../formats/lv2_urid.hpp"

namespace pluginary::check {

/// Every feature of one instance. Must outlive the instance (plugins keep the pointers).
class Lv2Features {
public:
    Lv2Features(double sampleRate, int blockSize, uint32_t sequenceSize);
    Lv2Features(const Lv2Features&) = delete;
    Lv2Features& operator=(const Lv2Features&) = delete;

    /// The NULL-terminated feature array for lilv_plugin_instantiate.
    const LV2_Feature* const* array() const { return pointers_.data(); }
    /// The first feature of `required` (URIs) that we do not offer, or "".
    std::string missing(const std::vector<std::string>& required) const;
    lv2::UridMap& urids() { return urids_; }

    /// After instantiate: where the worker's jobs go (the plugin's worker interface, or none).
    void attachWorker(LV2_Handle handle, const LV2_Worker_Interface* worker);
    /// After each run: deliver the responses of jobs run during it, then end_run.
    void deliverWorkResponses();

private:
    static LV2_Worker_Status scheduleWork(LV2_Worker_Schedule_Handle h, uint32_t size, const void* data);
    static LV2_Worker_Status respond(LV2_Worker_Respond_Handle h, uint32_t size, const void* data);

    lv2::UridMap urids_;
    int32_t minBlock_, maxBlock_, nominalBlock_, sequenceSize_;
    float sampleRate_;
    std::vector<LV2_Options_Option> options_;
    LV2_Log_Log log_{};
    LV2_Worker_Schedule schedule_{};
    LV2_Handle handle_ = nullptr;
    const LV2_Worker_Interface* worker_ = nullptr;
    std::vector<std::vector<uint8_t>> responses_;
    std::vector<LV2_Feature> features_;
    std::vector<const LV2_Feature*> pointers_;
};

}  // namespace pluginary::check

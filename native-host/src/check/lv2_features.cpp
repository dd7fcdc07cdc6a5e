#include "lv2_features.hpp"

#include <cstdarg>
#include <cstdio>

#include <lv2/atom/atom.h>
#include <lv2/buf-size/buf-size.h>
#include <lv2/parameters/parameters.h>
#include <lv2/urid/urid.h>

namespace pluginary::check {

namespace {

/// log:log → stderr (the host's log), prefixed so it is clear who wrote it.
int logPrintf(LV2_Log_Handle, LV2_URID, const char* format, ...) {
    va_list args;
    va_start(args, format);
    std::fputs("lv2 plugin: ", stderr);
    const int n = std::vfprintf(stderr, format, args);
    va_end(args);
    return n;
}

int logVprintf(LV2_Log_Handle, LV2_URID, const char* format, va_list args) {
    std::fputs("lv2 plugin: ", stderr);
    return std::vfprintf(stderr, format, args);
}

bool isPowerOf2(int n) { return n > 0 && (n & (n - 1)) == 0; }

}  // namespace

Lv2Features::Lv2Features(double sampleRate, int blockSize, uint32_t sequenceSize)
    : minBlock_(blockSize), maxBlock_(blockSize), nominalBlock_(blockSize),
      sequenceSize_(static_cast<int32_t>(sequenceSize)), sampleRate_(static_cast<float>(sampleRate)) {
    const LV2_URID intType = urids_.map(LV2_ATOM__Int), floatType = urids_.map(LV2_ATOM__Float);
    const auto option = [&](const char* key, uint32_t size, LV2_URID type, const void* value) {
        options_.push_back({LV2_OPTIONS_INSTANCE, 0, urids_.map(key), size, type, value});
    };
    option(LV2_BUF_SIZE__minBlockLength, sizeof minBlock_, intType, &minBlock_);
    option(LV2_BUF_SIZE__maxBlockLength, sizeof maxBlock_, intType, &maxBlock_);
    option(LV2_BUF_SIZE__nominalBlockLength, sizeof nominalBlock_, intType, &nominalBlock_);
    option(LV2_BUF_SIZE__sequenceSize, sizeof sequenceSize_, intType, &sequenceSize_);
    option(LV2_PARAMETERS__sampleRate, sizeof sampleRate_, floatType, &sampleRate_);
    options_.push_back({LV2_OPTIONS_INSTANCE, 0, 0, 0, 0, nullptr});

    log_.handle = this;
    log_.printf = &logPrintf;
    log_.vprintf = &logVprintf;
    schedule_.handle = this;
    schedule_.schedule_work = &scheduleWork;

    features_ = {
        {LV2_URID__map, urids_.mapFeature()},
        {LV2_URID__unmap, urids_.unmapFeature()},
        {LV2_OPTIONS__options, options_.data()},
        {LV2_BUF_SIZE__boundedBlockLength, nullptr},
        {LV2_BUF_SIZE__fixedBlockLength, nullptr},
        {LV2_LOG__log, &log_},
        {LV2_WORKER__schedule, &schedule_},
    };
    if (isPowerOf2(blockSize)) features_.push_back({LV2_BUF_SIZE__powerOf2BlockLength, nullptr});
    for (const LV2_Feature& f : features_) pointers_.push_back(&f);
    pointers_.push_back(nullptr);
}

std::string Lv2Features::missing(const std::vector<std::string>& required) const {
    for (const std::string& uri : required) {
        bool found = uri == LV2_CORE__isLive || uri == LV2_CORE_PREFIX "inPlaceBroken" || uri == LV2_CORE__hardRTCapable;
        for (const LV2_Feature& f : features_) found = found || uri == f.URI;
        if (!found) return uri;
    }
    return "";
}

void Lv2Features::attachWorker(LV2_Handle handle, const LV2_Worker_Interface* worker) {
    handle_ = handle;
    worker_ = worker;
}

void Lv2Features::deliverWorkResponses() {
    if (!worker_) return;
    // A response may schedule more work; that work's responses wait for the next block.
    std::vector<std::vector<uint8_t>> ready;
    ready.swap(responses_);
    for (const auto& r : ready)
        if (worker_->work_response) worker_->work_response(handle_, static_cast<uint32_t>(r.size()), r.data());
    if (worker_->end_run) worker_->end_run(handle_);
}

/// Runs the job at once on this thread (a host without a worker thread, as jalv does when not threaded).
LV2_Worker_Status Lv2Features::scheduleWork(LV2_Worker_Schedule_Handle h, uint32_t size, const void* data) {
    auto* self = static_cast<Lv2Features*>(h);
    if (!self->worker_ || !self->worker_->work) return LV2_WORKER_ERR_UNKNOWN;
    return self->worker_->work(self->handle_, &respond, self, size, data);
}

LV2_Worker_Status Lv2Features::respond(LV2_Worker_Respond_Handle h, uint32_t size, const void* data) {
    auto* self = static_cast<Lv2Features*>(h);
    const auto* bytes = static_cast<const uint8_t*>(data);
    self->responses_.emplace_back(bytes, bytes + size);
    return LV2_WORKER_SUCCESS;
}

}  // namespace pluginary::check

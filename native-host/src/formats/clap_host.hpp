// The CLAP ABI (DPF's copy of the CLAP headers) and the RAII pieces a probe needs: the entry's init/deinit, a minimal
// clap_host, and one created plugin instance.
#pragma once

#include <cstring>
#include <string>

#include "../rpc/errors.hpp"
#include "clap/entry.h"
#include "clap/ext/audio-ports.h"
#include "clap/ext/latency.h"
#include "clap/ext/note-ports.h"
#include "clap/ext/params.h"
#include "clap/ext/thread-check.h"
#include "clap/plugin-factory.h"
#include "format.hpp"

namespace pluginary::clap {

/// CLAP_PARAM_IS_ENUM arrived in CLAP 1.2; DPF's headers are 1.1, so its bit is spelled out here.
constexpr clap_param_info_flags kParamIsEnum = 1u << 16;

/// clap_entry->init(path) on construction (throws when it fails), deinit() on destruction.
class EntryScope {
public:
    EntryScope(const clap_plugin_entry_t* entry, const std::string& path) : entry_(entry) {
        if (!clap_version_is_compatible(entry_->clap_version)) {
            entry_ = nullptr;
            throw ProbeError(rpc::kNotAPlugin, "the file's clap_entry has an incompatible CLAP version");
        }
        if (entry_->init == nullptr || !entry_->init(path.c_str())) {
            entry_ = nullptr;
            throw ProbeError(rpc::kLoadFailed, "the CLAP entry's init() failed");
        }
    }
    EntryScope(const EntryScope&) = delete;
    EntryScope& operator=(const EntryScope&) = delete;
    ~EntryScope() {
        if (entry_ != nullptr && entry_->deinit != nullptr) entry_->deinit();
    }

private:
    const clap_plugin_entry_t* entry_;
};

/// A minimal clap_host: says who we are, offers thread-check and the latency, params and note-ports host
/// extensions (all requests are no-ops: a probe never processes, and a check runs a fixed schedule). The host is
/// single-threaded: while `audio` is set (around start_processing, process and stop_processing), thread-check
/// says the calling thread is the audio thread, otherwise the main thread.
class Host {
public:
    Host() {
        host_.clap_version = CLAP_VERSION;
        host_.host_data = this;
        host_.name = "pluginary";
        host_.vendor = "pluginary";
        host_.url = "";
        host_.version = "1.0";
        host_.get_extension = &getExtension;
        host_.request_restart = &noop;
        host_.request_process = &noop;
        host_.request_callback = &noop;
        threadCheck_.is_main_thread = [](const clap_host_t* h) { return !self(h)->audio; };
        threadCheck_.is_audio_thread = [](const clap_host_t* h) { return self(h)->audio; };
        latency_.changed = &noop;
        params_.rescan = [](const clap_host_t*, clap_param_rescan_flags) {};
        params_.clear = [](const clap_host_t*, clap_id, clap_param_clear_flags) {};
        params_.request_flush = &noop;
        notePorts_.supported_dialects = [](const clap_host_t*) -> uint32_t { return CLAP_NOTE_DIALECT_CLAP | CLAP_NOTE_DIALECT_MIDI; };
        notePorts_.rescan = [](const clap_host_t*, uint32_t) {};
    }
    Host(const Host&) = delete;
    Host& operator=(const Host&) = delete;
    const clap_host_t* get() const { return &host_; }

    /// True while the plugin runs audio-thread calls (check only).
    bool audio = false;

private:
    static void noop(const clap_host_t*) {}
    static const Host* self(const clap_host_t* host) { return static_cast<const Host*>(host->host_data); }
    static const void* getExtension(const clap_host_t* host, const char* id) {
        const Host* h = self(host);
        if (id == nullptr) return nullptr;
        if (std::strcmp(id, CLAP_EXT_THREAD_CHECK) == 0) return &h->threadCheck_;
        if (std::strcmp(id, CLAP_EXT_LATENCY) == 0) return &h->latency_;
        if (std::strcmp(id, CLAP_EXT_PARAMS) == 0) return &h->params_;
        if (std::strcmp(id, CLAP_EXT_NOTE_PORTS) == 0) return &h->notePorts_;
        return nullptr;
    }

    clap_host_t host_{};
    clap_host_thread_check_t threadCheck_{};
    clap_host_latency_t latency_{};
    clap_host_params_t params_{};
    clap_host_note_ports_t notePorts_{};
};

/// A created and initialised plugin; destroyed with the object.
class Instance {
public:
    Instance(const clap_plugin_factory_t* factory, const Host& host, const char* id) {
        plugin_ = factory->create_plugin(factory, host.get(), id);
        if (plugin_ == nullptr) throw ProbeError(rpc::kPluginError, std::string("the CLAP factory could not create \"") + id + "\"");
        if (plugin_->init == nullptr || !plugin_->init(plugin_)) {
            plugin_->destroy(plugin_);
            plugin_ = nullptr;
            throw ProbeError(rpc::kPluginError, std::string("the CLAP plugin \"") + id + "\" failed to initialise");
        }
    }
    Instance(const Instance&) = delete;
    Instance& operator=(const Instance&) = delete;
    ~Instance() {
        if (plugin_ != nullptr) plugin_->destroy(plugin_);
    }

    const clap_plugin_t* get() const { return plugin_; }
    /// The plugin's extension `id` as `T`, or nullptr.
    template <typename T>
    const T* extension(const char* id) const {
        return plugin_->get_extension != nullptr ? static_cast<const T*>(plugin_->get_extension(plugin_, id)) : nullptr;
    }

private:
    const clap_plugin_t* plugin_ = nullptr;
};

}  // namespace pluginary::clap

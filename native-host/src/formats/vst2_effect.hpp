// One open VST2 effect instance: creation through the entry point, the host callback, dispatch helpers, effClose.
#pragma once

#include <cstring>
#include <string>
#include <vector>

#include "../rpc/errors.hpp"
#include "../text.hpp"
#include "format.hpp"
#include "vst2_abi.hpp"

namespace pluginary::vst2 {

/// `VSTPluginMain` / `main`: the plugin's entry point.
using EntryPoint = AEffect* (*)(audioMasterCallback);

/// What the host callback answers from. One per effect instance; outlives the instance.
struct HostContext {
    double sampleRate = 48000.0;
    int blockSize = 512;
    t_fstPtrInt currentShellId = 0;  ///< audioMasterCurrentId: the shell sub-plugin being created, else 0
};

/// The context of the effect being created right now on this thread. VST2 gives the callback no user pointer until
/// the entry point has returned the effect, and plugins call back from inside the entry point (audioMasterVersion,
/// audioMasterCurrentId), so this one thread-local is unavoidable. Set only for the duration of `Effect::create`.
inline thread_local HostContext* tCreatingContext = nullptr;

inline HostContext* contextOf(AEffect* effect) {
    if (effect != nullptr && effect->resvd2 != 0) return reinterpret_cast<HostContext*>(effect->resvd2);
    return tCreatingContext;
}

inline void copyText(void* ptr, const char* text, std::size_t size) {
    if (ptr == nullptr) return;
    std::strncpy(static_cast<char*>(ptr), text, size - 1);
    static_cast<char*>(ptr)[size - 1] = '\0';
}

/// The host side of the plugin's calls: enough for plugins to open and describe themselves; everything else is 0.
inline t_fstPtrInt hostCallback(AEffect* effect, int opcode, int, t_fstPtrInt, void* ptr, float) {
    HostContext* context = contextOf(effect);
    switch (opcode) {
        case audioMasterVersion: return 2400;
        case audioMasterCurrentId: return context != nullptr ? context->currentShellId : 0;
        case audioMasterGetSampleRate: return static_cast<t_fstPtrInt>(context != nullptr ? context->sampleRate : 48000.0);
        case audioMasterGetBlockSize: return context != nullptr ? context->blockSize : 512;
        case audioMasterGetVendorString: copyText(ptr, "pluginary", kVstMaxVendorStrLen); return 1;
        case audioMasterGetProductString: copyText(ptr, "pluginary-host", kVstMaxProductStrLen); return 1;
        case audioMasterGetVendorVersion: return 1;
        default: return 0;
    }
}

/// An opened effect (effOpen done); effClose on destruction. Move-free, not copyable.
class Effect {
public:
    /// Calls the entry point with our callback, checks the magic, opens the effect and sets rate and block size.
    Effect(EntryPoint entry, HostContext& context) {
        struct CreatingGuard {
            explicit CreatingGuard(HostContext* c) { tCreatingContext = c; }
            ~CreatingGuard() { tCreatingContext = nullptr; }
        } guard(&context);
        effect_ = entry(&hostCallback);
        if (effect_ == nullptr) throw ProbeError(rpc::kLoadFailed, "the VST2 entry point returned no effect (the plugin refused to load)");
        if (effect_->magic != kEffectMagic) {
            effect_ = nullptr;  // not an AEffect: never call into it
            throw ProbeError(rpc::kNotAPlugin, "the VST2 entry point returned something that is not a VST2 effect (bad magic number)");
        }
        effect_->resvd2 = reinterpret_cast<t_fstPtrInt>(&context);
        dispatch(effOpen);
        dispatch(effSetSampleRate, 0, 0, nullptr, static_cast<float>(context.sampleRate));
        dispatch(effSetBlockSize, 0, context.blockSize);
    }
    Effect(const Effect&) = delete;
    Effect& operator=(const Effect&) = delete;
    ~Effect() {
        if (effect_ != nullptr) dispatch(effClose);  // the plugin frees the AEffect here
    }

    AEffect* operator->() const { return effect_; }

    t_fstPtrInt dispatch(int opcode, int index = 0, t_fstPtrInt value = 0, void* ptr = nullptr, float opt = 0.0f) const {
        return effect_->dispatcher(effect_, opcode, index, value, ptr, opt);
    }

    /// A text the plugin writes into our buffer for `opcode` (name, label, display…), trimmed.
    std::string text(int opcode, int index = 0) const {
        std::vector<char> buffer(kTextBufferSize, '\0');
        dispatch(opcode, index, 0, buffer.data());
        buffer.back() = '\0';
        return trim(buffer.data());
    }

    /// effCanDo: true when the plugin answers "yes" (> 0).
    bool canDo(const char* what) const {
        return dispatch(effCanDo, 0, 0, const_cast<char*>(what)) > 0;
    }

private:
    AEffect* effect_ = nullptr;
};

}  // namespace pluginary::vst2

// The VST3 ABI through DPF's travesty C headers, plus the small helpers every VST3 file needs:
// an owning interface pointer, UTF-16 → UTF-8, and the text form of a class UID.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>

#include "../text.hpp"
#include "travesty/audio_processor.h"
#include "travesty/bstream.h"
#include "travesty/component.h"
#include "travesty/edit_controller.h"
#include "travesty/factory.h"
#include "travesty/host.h"
#include "travesty/message.h"
#include "travesty/unit.h"

namespace pluginary::vst3 {

/// An owned reference to a plugin's interface `T` (the ABI's `T**`); unref'd on destruction. Move-only.
template <typename T>
class ComPtr {
public:
    ComPtr() = default;
    /// Takes over a reference the caller already owns (from create_instance or query_interface).
    explicit ComPtr(T** adopted) : ptr_(adopted) {}
    ComPtr(const ComPtr&) = delete;
    ComPtr& operator=(const ComPtr&) = delete;
    ComPtr(ComPtr&& other) noexcept : ptr_(std::exchange(other.ptr_, nullptr)) {}
    ComPtr& operator=(ComPtr&& other) noexcept {
        if (this != &other) {
            reset();
            ptr_ = std::exchange(other.ptr_, nullptr);
        }
        return *this;
    }
    ~ComPtr() { reset(); }

    void reset() {
        if (ptr_ != nullptr) v3_cpp_obj_unref(ptr_);
        ptr_ = nullptr;
    }
    T** get() const { return ptr_; }
    explicit operator bool() const { return ptr_ != nullptr; }
    /// The interface's method table, for calls: `p.vtbl()->method(p.get(), …)`.
    auto* vtbl() const { return v3_cpp_obj(ptr_); }

    /// Another interface of the same object, or an empty pointer when the object does not implement it.
    template <typename U>
    ComPtr<U> query(const v3_tuid iid) const {
        U** other = nullptr;
        if (ptr_ == nullptr) return {};
        if (v3_cpp_obj_query_interface(ptr_, iid, &other) != V3_OK || other == nullptr) return {};
        return ComPtr<U>(other);
    }

private:
    T** ptr_ = nullptr;
};

/// Appends code point `cp` to `out` as UTF-8.
inline void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// A NUL-terminated UTF-16 string of at most `size` units as UTF-8; lone surrogates become U+FFFD.
inline std::string utf8(const int16_t* text, std::size_t size) {
    std::string out;
    for (std::size_t i = 0; i < size && text[i] != 0; ++i) {
        std::uint32_t unit = static_cast<std::uint16_t>(text[i]);
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < size) {
            const std::uint32_t low = static_cast<std::uint16_t>(text[i + 1]);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                appendUtf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                ++i;
                continue;
            }
        }
        appendUtf8(out, unit >= 0xD800 && unit <= 0xDFFF ? 0xFFFD : unit);
    }
    return out;
}

/// A v3_str_128 as UTF-8, without the spaces plugins pad it with at either end.
inline std::string utf8(const v3_str_128 text) { return trim(utf8(text, 128)); }

/// `v` as the plugin's author wrote it when it is exactly a float (0.1f → 0.1, not 0.10000000149011612).
inline double tidyIfFloat(double v) {
    const float f = static_cast<float>(v);
    return static_cast<double>(f) == v ? tidyFloat(f) : v;
}

/// A fixed-size char field (the plugin may fill it without a terminator) as a string.
template <std::size_t N>
std::string fixed(const char (&field)[N]) {
    std::size_t length = 0;
    while (length < N && field[length] != '\0') ++length;
    return std::string(field, length);
}

/// The class UID as 32 uppercase hex digits, its 16 bytes in memory order. On Linux the VST3 SDK is not
/// COM-compatible, so this is what its FUID::toString, the validator and moduleinfo.json print.
inline std::string uidText(const v3_tuid uid) {
    std::string out;
    char byte[3];
    for (int i = 0; i < 16; ++i) {
        std::snprintf(byte, sizeof byte, "%02X", static_cast<unsigned>(uid[i]));
        out += byte;
    }
    return out;
}

}  // namespace pluginary::vst3

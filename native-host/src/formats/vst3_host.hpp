// The host-side VST3 objects a plugin may ask for while being probed: IHostApplication (which also creates
// IMessage and IAttributeList for plugins whose component and controller talk through IConnectionPoint) and a
// memory IBStream for the component → controller state sync. Each object starts with its vtable pointer, which is
// what the ABI's `T**` points at.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "vst3_abi.hpp"

namespace pluginary::vst3 {

/// Reference counting shared by the heap objects below: deleted when `Self::refs` drops to zero. No data members
/// here, so the empty base takes no room and each object's vtable pointer stays at offset 0.
template <typename Self>
struct RefCounted {
    static uint32_t V3_API ref(void* self) { return ++static_cast<Self*>(self)->refs; }
    static uint32_t V3_API unref(void* self) {
        auto* object = static_cast<Self*>(self);
        const uint32_t left = --object->refs;
        if (left == 0) delete object;
        return left;
    }
};

/// IAttributeList: typed values by key, as plugins store them in messages.
struct AttributeList : RefCounted<AttributeList> {
    const v3_attribute_list_cpp* vtable;
    std::atomic<uint32_t> refs{1};
    std::map<std::string, int64_t> ints;
    std::map<std::string, double> floats;
    std::map<std::string, std::vector<int16_t>> strings;
    std::map<std::string, std::vector<uint8_t>> binaries;

    AttributeList() : vtable(&table()) {}

    static AttributeList* self(void* p) { return static_cast<AttributeList*>(p); }
    static v3_result V3_API queryInterface(void* p, const v3_tuid iid, void** obj) {
        if (v3_tuid_match(iid, v3_funknown_iid) || v3_tuid_match(iid, v3_attribute_list_iid)) {
            ref(p);
            *obj = p;
            return V3_OK;
        }
        *obj = nullptr;
        return V3_NO_INTERFACE;
    }
    template <typename M, typename V>
    static v3_result get(const M& map, const char* id, V* out) {
        auto it = id ? map.find(id) : map.end();
        if (it == map.end() || out == nullptr) return V3_FALSE;
        *out = it->second;
        return V3_OK;
    }
    static v3_result V3_API setInt(void* p, const char* id, int64_t v) { self(p)->ints[id ? id : ""] = v; return V3_OK; }
    static v3_result V3_API getInt(void* p, const char* id, int64_t* v) { return get(self(p)->ints, id, v); }
    static v3_result V3_API setFloat(void* p, const char* id, double v) { self(p)->floats[id ? id : ""] = v; return V3_OK; }
    static v3_result V3_API getFloat(void* p, const char* id, double* v) { return get(self(p)->floats, id, v); }
    static v3_result V3_API setString(void* p, const char* id, const int16_t* s) {
        std::vector<int16_t> copy;
        for (; s != nullptr && *s != 0; ++s) copy.push_back(*s);
        copy.push_back(0);
        self(p)->strings[id ? id : ""] = std::move(copy);
        return V3_OK;
    }
    static v3_result V3_API getString(void* p, const char* id, int16_t* out, uint32_t bytes) {
        auto& map = self(p)->strings;
        auto it = id ? map.find(id) : map.end();
        if (it == map.end() || out == nullptr || bytes < sizeof(int16_t)) return V3_FALSE;
        const std::size_t units = std::min<std::size_t>(it->second.size(), bytes / sizeof(int16_t));
        std::memcpy(out, it->second.data(), units * sizeof(int16_t));
        out[units - 1] = 0;
        return V3_OK;
    }
    static v3_result V3_API setBinary(void* p, const char* id, const void* data, uint32_t size) {
        const auto* bytes = static_cast<const uint8_t*>(data);
        self(p)->binaries[id ? id : ""] = data ? std::vector<uint8_t>(bytes, bytes + size) : std::vector<uint8_t>();
        return V3_OK;
    }
    static v3_result V3_API getBinary(void* p, const char* id, const void** data, uint32_t* size) {
        auto& map = self(p)->binaries;
        auto it = id ? map.find(id) : map.end();
        if (it == map.end() || data == nullptr || size == nullptr) return V3_FALSE;
        *data = it->second.data();
        *size = static_cast<uint32_t>(it->second.size());
        return V3_OK;
    }
    static const v3_attribute_list_cpp& table() {
        static const v3_attribute_list_cpp t{
            {queryInterface, ref, unref},
            {setInt, getInt, setFloat, getFloat, setString, getString, setBinary, getBinary}};
        return t;
    }
};

/// IMessage: an id and an attribute list (owned; get_attributes hands it out without a new reference, as the SDK does).
struct Message : RefCounted<Message> {
    const v3_message_cpp* vtable;
    std::atomic<uint32_t> refs{1};
    std::string id;
    AttributeList* attributes = new AttributeList;

    Message() : vtable(&table()) {}
    ~Message() { AttributeList::unref(attributes); }

    static v3_result V3_API queryInterface(void* p, const v3_tuid iid, void** obj) {
        if (v3_tuid_match(iid, v3_funknown_iid) || v3_tuid_match(iid, v3_message_iid)) {
            ref(p);
            *obj = p;
            return V3_OK;
        }
        *obj = nullptr;
        return V3_NO_INTERFACE;
    }
    static const char* V3_API getMessageId(void* p) { return static_cast<Message*>(p)->id.c_str(); }
    static void V3_API setMessageId(void* p, const char* id) { static_cast<Message*>(p)->id = id ? id : ""; }
    static v3_attribute_list** V3_API getAttributes(void* p) {
        return reinterpret_cast<v3_attribute_list**>(static_cast<Message*>(p)->attributes);
    }
    static const v3_message_cpp& table() {
        static const v3_message_cpp t{{queryInterface, ref, unref}, {getMessageId, setMessageId, getAttributes}};
        return t;
    }
};

/// IBStream's method table (travesty has no C++ variant for it).
struct BStreamTable : v3_funknown {
    v3_bstream stream;
};

/// IBStream over a byte vector, for getState → setComponentState. Lives on the prober's stack: ref/unref only count.
struct MemoryStream {
    const BStreamTable* vtable;
    std::atomic<uint32_t> refs{1};
    std::vector<uint8_t> bytes;
    int64_t position = 0;

    MemoryStream() : vtable(&table()) {}
    MemoryStream(const MemoryStream&) = delete;
    MemoryStream& operator=(const MemoryStream&) = delete;
    v3_bstream** ptr() { return reinterpret_cast<v3_bstream**>(this); }

    static MemoryStream* self(void* p) { return static_cast<MemoryStream*>(p); }
    static v3_result V3_API queryInterface(void* p, const v3_tuid iid, void** obj) {
        if (v3_tuid_match(iid, v3_funknown_iid) || v3_tuid_match(iid, v3_bstream_iid)) {
            ++self(p)->refs;
            *obj = p;
            return V3_OK;
        }
        *obj = nullptr;
        return V3_NO_INTERFACE;
    }
    static uint32_t V3_API ref(void* p) { return ++self(p)->refs; }
    static uint32_t V3_API unref(void* p) { return --self(p)->refs; }
    static v3_result V3_API read(void* p, void* buffer, int32_t count, int32_t* done) {
        MemoryStream* s = self(p);
        const int64_t available = static_cast<int64_t>(s->bytes.size()) - s->position;
        const int32_t n = count <= 0 || available <= 0 ? 0 : static_cast<int32_t>(std::min<int64_t>(count, available));
        if (n > 0) std::memcpy(buffer, s->bytes.data() + s->position, static_cast<std::size_t>(n));
        s->position += n;
        if (done != nullptr) *done = n;
        return V3_OK;
    }
    static v3_result V3_API write(void* p, void* buffer, int32_t count, int32_t* done) {
        MemoryStream* s = self(p);
        if (count < 0 || (count > 0 && buffer == nullptr)) return V3_INVALID_ARG;
        const std::size_t end = static_cast<std::size_t>(s->position) + static_cast<std::size_t>(count);
        if (end > s->bytes.size()) s->bytes.resize(end);
        if (count > 0) std::memcpy(s->bytes.data() + s->position, buffer, static_cast<std::size_t>(count));
        s->position = static_cast<int64_t>(end);
        if (done != nullptr) *done = count;
        return V3_OK;
    }
    static v3_result V3_API seek(void* p, int64_t pos, int32_t mode, int64_t* result) {
        MemoryStream* s = self(p);
        const int64_t base = mode == V3_SEEK_CUR ? s->position : mode == V3_SEEK_END ? static_cast<int64_t>(s->bytes.size()) : 0;
        if (base + pos < 0) return V3_INVALID_ARG;
        s->position = base + pos;
        if (result != nullptr) *result = s->position;
        return V3_OK;
    }
    static v3_result V3_API tell(void* p, int64_t* pos) {
        if (pos != nullptr) *pos = self(p)->position;
        return V3_OK;
    }
    static const BStreamTable& table() {
        static const BStreamTable t{{queryInterface, ref, unref}, {read, write, seek, tell}};
        return t;
    }
};

/// IHostApplication: our name, and IMessage / IAttributeList on request. Lives on the prober's stack for the whole
/// probe (it must outlive every plugin object), so ref/unref only count.
struct HostApplication {
    const v3_host_application_cpp* vtable;
    std::atomic<uint32_t> refs{1};

    HostApplication() : vtable(&table()) {}
    HostApplication(const HostApplication&) = delete;
    HostApplication& operator=(const HostApplication&) = delete;
    v3_funknown** ptr() { return reinterpret_cast<v3_funknown**>(this); }

    static v3_result V3_API queryInterface(void* p, const v3_tuid iid, void** obj) {
        if (v3_tuid_match(iid, v3_funknown_iid) || v3_tuid_match(iid, v3_host_application_iid)) {
            ref(p);
            *obj = p;
            return V3_OK;
        }
        *obj = nullptr;
        return V3_NO_INTERFACE;
    }
    static uint32_t V3_API ref(void* p) { return ++static_cast<HostApplication*>(p)->refs; }
    static uint32_t V3_API unref(void* p) { return --static_cast<HostApplication*>(p)->refs; }
    static v3_result V3_API getName(void*, v3_str_128 name) {
        const char* ours = "pluginary";
        std::size_t i = 0;
        for (; ours[i] != '\0'; ++i) name[i] = static_cast<int16_t>(ours[i]);
        name[i] = 0;
        return V3_OK;
    }
    static v3_result V3_API createInstance(void*, v3_tuid cid, v3_tuid iid, void** obj) {
        if (obj == nullptr) return V3_INVALID_ARG;
        if (v3_tuid_match(cid, v3_message_iid) && v3_tuid_match(iid, v3_message_iid)) {
            *obj = new Message;
            return V3_OK;
        }
        if (v3_tuid_match(cid, v3_attribute_list_iid) && v3_tuid_match(iid, v3_attribute_list_iid)) {
            *obj = new AttributeList;
            return V3_OK;
        }
        *obj = nullptr;
        return V3_NO_INTERFACE;
    }
    static const v3_host_application_cpp& table() {
        static const v3_host_application_cpp t{{queryInterface, ref, unref}, {getName, createInstance}};
        return t;
    }
};

}  // namespace pluginary::vst3

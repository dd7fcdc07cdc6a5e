// The host objects a VST3 process call takes: an IEventList (the notes in, whatever the plugin sends out) and
// IParameterChanges (none in; the plugin's output changes accepted into queues). They live on the checker's stack
// for the whole run, so ref/unref only count, as for the prober's host objects in formats/vst3_host.hpp.
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include "../formats/vst3_abi.hpp"

namespace pluginary::check::vst3host {

/// The FUnknown part shared by the stack objects below: answers for FUnknown and `Self::interfaceId()`, counts
/// references.
template <typename Self>
struct StackObject {
    static v3_result V3_API queryInterface(void* p, const v3_tuid iid, void** obj) {
        if (v3_tuid_match(iid, v3_funknown_iid) || v3_tuid_match(iid, Self::interfaceId())) {
            ref(p);
            *obj = p;
            return V3_OK;
        }
        *obj = nullptr;
        return V3_NO_INTERFACE;
    }
    static uint32_t V3_API ref(void* p) { return ++static_cast<Self*>(p)->refs; }
    static uint32_t V3_API unref(void* p) { return --static_cast<Self*>(p)->refs; }
};

/// IEventList over a vector.
struct EventList : StackObject<EventList> {
    static const uint8_t* interfaceId() { return v3_event_list_iid; }
    const v3_event_list_cpp* vtable;
    std::atomic<uint32_t> refs{1};
    std::vector<v3_event> events;

    EventList() : vtable(&table()) {}
    EventList(const EventList&) = delete;
    EventList& operator=(const EventList&) = delete;
    v3_event_list** ptr() { return reinterpret_cast<v3_event_list**>(this); }

    static EventList* self(void* p) { return static_cast<EventList*>(p); }
    static uint32_t V3_API count(void* p) { return static_cast<uint32_t>(self(p)->events.size()); }
    static v3_result V3_API get(void* p, int32_t index, v3_event* out) {
        auto& events = self(p)->events;
        if (index < 0 || static_cast<size_t>(index) >= events.size() || out == nullptr) return V3_INVALID_ARG;
        *out = events[static_cast<size_t>(index)];
        return V3_OK;
    }
    static v3_result V3_API add(void* p, v3_event* event) {
        if (event == nullptr) return V3_INVALID_ARG;
        self(p)->events.push_back(*event);
        return V3_OK;
    }
    static const v3_event_list_cpp& table() {
        static const v3_event_list_cpp t{{queryInterface, ref, unref}, {count, get, add}};
        return t;
    }
};

/// IParamValueQueue: one parameter's points.
struct ParamQueue : StackObject<ParamQueue> {
    static const uint8_t* interfaceId() { return v3_param_value_queue_iid; }
    const v3_param_value_queue_cpp* vtable;
    std::atomic<uint32_t> refs{1};
    v3_param_id id = 0;
    std::vector<std::pair<int32_t, double>> points;

    ParamQueue() : vtable(&table()) {}
    ParamQueue(const ParamQueue&) = delete;
    ParamQueue& operator=(const ParamQueue&) = delete;

    static ParamQueue* self(void* p) { return static_cast<ParamQueue*>(p); }
    static v3_param_id V3_API paramId(void* p) { return self(p)->id; }
    static int32_t V3_API pointCount(void* p) { return static_cast<int32_t>(self(p)->points.size()); }
    static v3_result V3_API point(void* p, int32_t index, int32_t* offset, double* value) {
        auto& points = self(p)->points;
        if (index < 0 || static_cast<size_t>(index) >= points.size()) return V3_INVALID_ARG;
        if (offset != nullptr) *offset = points[static_cast<size_t>(index)].first;
        if (value != nullptr) *value = points[static_cast<size_t>(index)].second;
        return V3_OK;
    }
    static v3_result V3_API addPoint(void* p, int32_t offset, double value, int32_t* index) {
        auto& points = self(p)->points;
        if (index != nullptr) *index = static_cast<int32_t>(points.size());
        points.emplace_back(offset, value);
        return V3_OK;
    }
    static const v3_param_value_queue_cpp& table() {
        static const v3_param_value_queue_cpp t{{queryInterface, ref, unref}, {paramId, pointCount, point, addPoint}};
        return t;
    }
};

/// IParameterChanges: a list of queues; `add_param_data` makes one per parameter. `clear` empties it per block.
struct ParamChanges : StackObject<ParamChanges> {
    static const uint8_t* interfaceId() { return v3_param_changes_iid; }
    const v3_param_changes_cpp* vtable;
    std::atomic<uint32_t> refs{1};
    std::vector<std::unique_ptr<ParamQueue>> queues;
    size_t used = 0;

    ParamChanges() : vtable(&table()) {}
    ParamChanges(const ParamChanges&) = delete;
    ParamChanges& operator=(const ParamChanges&) = delete;
    v3_param_changes** ptr() { return reinterpret_cast<v3_param_changes**>(this); }
    void clear() { used = 0; }

    static ParamChanges* self(void* p) { return static_cast<ParamChanges*>(p); }
    static int32_t V3_API count(void* p) { return static_cast<int32_t>(self(p)->used); }
    static v3_param_value_queue** V3_API data(void* p, int32_t index) {
        ParamChanges* s = self(p);
        if (index < 0 || static_cast<size_t>(index) >= s->used) return nullptr;
        return reinterpret_cast<v3_param_value_queue**>(s->queues[static_cast<size_t>(index)].get());
    }
    static v3_param_value_queue** V3_API add(void* p, v3_param_id* id, int32_t* index) {
        ParamChanges* s = self(p);
        if (id == nullptr) return nullptr;
        for (size_t i = 0; i < s->used; ++i) {
            if (s->queues[i]->id != *id) continue;
            if (index != nullptr) *index = static_cast<int32_t>(i);
            return reinterpret_cast<v3_param_value_queue**>(s->queues[i].get());
        }
        if (s->used == s->queues.size()) s->queues.push_back(std::make_unique<ParamQueue>());
        ParamQueue* q = s->queues[s->used].get();
        q->id = *id;
        q->points.clear();
        if (index != nullptr) *index = static_cast<int32_t>(s->used);
        ++s->used;
        return reinterpret_cast<v3_param_value_queue**>(q);
    }
    static const v3_param_changes_cpp& table() {
        static const v3_param_changes_cpp t{{queryInterface, ref, unref}, {count, data, add}};
        return t;
    }
};

}  // namespace pluginary::check::vst3host

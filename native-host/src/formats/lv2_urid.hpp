// A URID map/unmap for one LV2 instance (probe's instantiate and check).
#pragma once

#include <lv2/urid/urid.h>
#include <string>
#include <unordered_map>
#include <vector>

namespace pluginary::lv2 {

/// Maps URIs to small integers from 1 and back; `mapFeature`/`unmapFeature` hand it to a plugin.
class UridMap {
public:
    UridMap() : map_{this, &mapCallback}, unmap_{this, &unmapCallback} {}
    UridMap(const UridMap&) = delete;
    UridMap& operator=(const UridMap&) = delete;

    LV2_URID map(const char* uri) {
        auto it = ids_.find(uri);
        if (it != ids_.end()) return it->second;
        uris_.emplace_back(uri);
        return ids_[uri] = static_cast<LV2_URID>(uris_.size());
    }
    const char* unmap(LV2_URID id) const { return id >= 1 && id <= uris_.size() ? uris_[id - 1].c_str() : nullptr; }

    LV2_URID_Map* mapFeature() { return &map_; }
    LV2_URID_Unmap* unmapFeature() { return &unmap_; }

private:
    static LV2_URID mapCallback(LV2_URID_Map_Handle h, const char* uri) { return static_cast<UridMap*>(h)->map(uri); }
    static const char* unmapCallback(LV2_URID_Unmap_Handle h, LV2_URID id) { return static_cast<UridMap*>(h)->unmap(id); }

    std::unordered_map<std::string, LV2_URID> ids_;
    std::vector<std::string> uris_;
    LV2_URID_Map map_;
    LV2_URID_Unmap unmap_;
};

}  // namespace pluginary::lv2

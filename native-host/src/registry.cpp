#include "registry.hpp"

namespace pluginary {

FormatRegistry::FormatRegistry() {
    formats_.push_back(makeLv2Format());
    formats_.push_back(makeLadspaFormat());
    formats_.push_back(makeVst2Format());
    formats_.push_back(makeVst3Format());
    formats_.push_back(makeClapFormat());
#ifdef __APPLE__
    formats_.push_back(makeAuFormat());
#else
    missing_.push_back({"au", "Audio Units exist only on macOS"});
#endif
}

Format* FormatRegistry::find(const std::string& name) const {
    for (const auto& format : formats_)
        if (format->name() == name) return format.get();
    return nullptr;
}

bool FormatRegistry::known(const std::string& name) const {
    if (find(name)) return true;
    for (const auto& m : missing_)
        if (m.name == name) return true;
    return false;
}

}  // namespace pluginary

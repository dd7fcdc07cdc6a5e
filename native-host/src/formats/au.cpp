// Audio Units exist only on macOS. This file compiles to nothing elsewhere; on Linux the registry reports
// "au" as unavailable ("Audio Units exist only on macOS") and no AU code is built.
//
// On macOS a real implementation would enumerate components with AudioComponentFindNext (type aufx/aumu/
// aumf/augn/aumi…), read AudioComponentGetDescription/CopyName, and instantiate to read parameters. That is
// not written yet: it cannot be built or tested on the Linux machines this project is developed on, so
// the macOS build reports the format honestly as unavailable instead of shipping untested code.
#ifdef __APPLE__

#include "../rpc/errors.hpp"
#include "format.hpp"

namespace pluginary {
namespace {

class AuFormat final : public Format {
public:
    std::string name() const override { return "au"; }
    bool available(std::string& reason) const override {
        reason = "Audio Unit probing is not implemented yet in this build";
        return false;
    }
    std::vector<PluginInfo> probe(const std::string&, const ProbeOptions&) override {
        throw ProbeError(rpc::kFormatUnavailable, "Audio Unit probing is not implemented yet in this build");
    }
};

}  // namespace

std::unique_ptr<Format> makeAuFormat() { return std::make_unique<AuFormat>(); }

}  // namespace pluginary

#endif  // __APPLE__

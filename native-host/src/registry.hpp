// The list of plugin formats this host knows, built once at start-up.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "formats/format.hpp"

namespace pluginary {

/// A format known by name but not built into this binary (AU off macOS), with the reason why.
struct MissingFormat {
    std::string name;
    std::string reason;
};

/// Every format of this build, in protocol order, plus the formats this OS cannot have.
class FormatRegistry {
public:
    /// Builds all formats; cheap (formats defer their own set-up to the first probe).
    FormatRegistry();

    /// The format called `name`, or nullptr when it is unknown or not built here.
    Format* find(const std::string& name) const;
    /// Built formats, in protocol order.
    const std::vector<std::unique_ptr<Format>>& formats() const { return formats_; }
    /// Formats that exist elsewhere but not in this build.
    const std::vector<MissingFormat>& missing() const { return missing_; }
    /// Whether `name` is a protocol format name at all (built or not).
    bool known(const std::string& name) const;

private:
    std::vector<std::unique_ptr<Format>> formats_;
    std::vector<MissingFormat> missing_;
};

}  // namespace pluginary

// The one interface every plugin format implements (JUCE's format_types idea, made small).
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "../check/check.hpp"
#include "../rpc/errors.hpp"
#include "../plugin_info.hpp"

namespace pluginary {

/// Thrown by a format when a file cannot be probed. `code` is a JSON-RPC error code from rpc/errors.hpp.
struct ProbeError : std::runtime_error {
    int code;
    ProbeError(int c, const std::string& message) : std::runtime_error(message), code(c) {}
};

/// Which share of a bundle's plugins one probe returns (`part` in PROTOCOL.md): the plugins ordered by
/// URI whose position % count == index. count 1 (the default) is the whole bundle.
struct ProbePart {
    int index = 0;
    int count = 1;
};

/// Options of one probe request.
struct ProbeOptions {
    bool instantiate = false;  ///< LV2: also instantiate the plugin to prove it loads (others always load code)
    double sampleRate = 48000.0;
    ProbePart part;            ///< formats that do not supportsParts() only ever see the default
};

/// A plugin format. Implementations live in formats/<name>.cpp, one per format.
class Format {
public:
    virtual ~Format() = default;
    /// Protocol name: lv2, ladspa, vst2, vst3, clap, au.
    virtual std::string name() const = 0;
    /// Whether this build/OS can load the format; when not, `reason` says why.
    virtual bool available(std::string& reason) const { (void)reason; return true; }
    /// Whether probe honours ProbeOptions::part (LV2 only); the server refuses `part` for the others.
    virtual bool supportsParts() const { return false; }
    /// Every plugin in the file or bundle at `path`, complete. Throws ProbeError.
    virtual std::vector<PluginInfo> probe(const std::string& path, const ProbeOptions& options) = 0;
    /// Runs plugin `request.uid` of the file or bundle at `path` on audio and judges it (`check` in PROTOCOL.md).
    /// Throws ProbeError when the file cannot be loaded or holds no such plugin; a plugin that cannot be
    /// instantiated or activated is a `failed` result instead.
    /// The default (AU) says the format cannot be checked here.
    virtual check::Result check(const std::string& path, const check::Request& request) {
        (void)path;
        (void)request;
        throw ProbeError(rpc::kFormatUnavailable, "check is not available for " + name() + " in this build");
    }
};

/// Factories, one per format file. FormatRegistry (registry.cpp) is the only list of them.
std::unique_ptr<Format> makeLv2Format();
std::unique_ptr<Format> makeLadspaFormat();
std::unique_ptr<Format> makeVst2Format();
std::unique_ptr<Format> makeVst3Format();
std::unique_ptr<Format> makeClapFormat();
#ifdef __APPLE__
std::unique_ptr<Format> makeAuFormat();
#endif

}  // namespace pluginary

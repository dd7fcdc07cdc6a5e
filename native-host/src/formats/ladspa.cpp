// LADSPA: dlopen the library, walk ladspa_descriptor(0..), apply the ladspa.h range/default hint rules.
#include <climits>
#include <cmath>
#include <ladspa.h>

#include "../dl_library.hpp"
#include "../rpc/errors.hpp"
#include "../check/formats.hpp"
#include "../text.hpp"
#include "format.hpp"
#include "ladspa_ports.hpp"

namespace pluginary {
namespace {

/// File name part of a path ("/usr/lib/ladspa/amp_1181.so" → "amp_1181.so").
std::string baseName(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// Interpolates between lo and hi at `t` (0 = lo): ladspa.h's exp(log(lo)·(1-t) + log(hi)·t) when `log`
/// (so a zero bound gives 0, as the formula says), linearly otherwise or when a bound is negative.
double between(double lo, double hi, double t, bool log) {
    if (log) {
        const double v = std::exp(std::log(lo) * (1 - t) + std::log(hi) * t);
        if (std::isfinite(v)) return v;
    }
    return lo * (1 - t) + hi * t;
}

/// Number of whole numbers in [lo, hi] (ladspa.h: integer bounds may be slightly wider than the set).
int integerSteps(double lo, double hi) {
    const double n = std::floor(hi) - std::ceil(lo) + 1;
    if (!(n > 0)) return 0;
    return n > INT_MAX ? INT_MAX : static_cast<int>(n);
}

}  // namespace

ParameterInfo ladspa::controlParameter(const LADSPA_Descriptor& d, unsigned long index, double sampleRate) {
    const LADSPA_PortRangeHint hint = d.PortRangeHints ? d.PortRangeHints[index] : LADSPA_PortRangeHint{0, 0, 0};
    const LADSPA_PortRangeHintDescriptor h = hint.HintDescriptor;
    ParameterInfo p;
    p.id = std::to_string(index);
    p.name = d.PortNames && d.PortNames[index] ? trim(d.PortNames[index]) : "";
    p.isOutput = LADSPA_IS_PORT_OUTPUT(d.PortDescriptors[index]);
    p.isAutomatable = !p.isOutput;  // an output control is a meter

    const bool below = LADSPA_IS_HINT_BOUNDED_BELOW(h), above = LADSPA_IS_HINT_BOUNDED_ABOVE(h);
    const double scale = LADSPA_IS_HINT_SAMPLE_RATE(h) ? sampleRate : 1.0;
    p.sampleRateScaled = LADSPA_IS_HINT_SAMPLE_RATE(h) && (below || above);
    double lo = below ? tidyFloat(hint.LowerBound) * scale : 0.0;
    double hi = above ? tidyFloat(hint.UpperBound) * scale : 1.0;
    if (!below && above && hi < lo) lo = hi - 1;
    if (below && !above && hi < lo) hi = lo + 1;
    const bool log = LADSPA_IS_HINT_LOGARITHMIC(h);

    bool hasDefault = true;
    double def = 0;
    switch (h & LADSPA_HINT_DEFAULT_MASK) {
        case LADSPA_HINT_DEFAULT_MINIMUM: def = lo; break;
        case LADSPA_HINT_DEFAULT_LOW: def = between(lo, hi, 0.25, log); break;
        case LADSPA_HINT_DEFAULT_MIDDLE: def = between(lo, hi, 0.5, log); break;
        case LADSPA_HINT_DEFAULT_HIGH: def = between(lo, hi, 0.75, log); break;
        case LADSPA_HINT_DEFAULT_MAXIMUM: def = hi; break;
        case LADSPA_HINT_DEFAULT_0: def = 0; break;
        case LADSPA_HINT_DEFAULT_1: def = 1; break;
        case LADSPA_HINT_DEFAULT_100: def = 100; break;
        case LADSPA_HINT_DEFAULT_440: def = 440; break;
        default: hasDefault = false; def = below ? lo : 0; break;
    }

    if (LADSPA_IS_HINT_TOGGLED(h)) {
        p.type = "bool";
        p.steps = 2;
        p.min = 0;
        p.max = 1;
        p.def = def > 0 ? 1 : 0;
        return p;
    }
    if (!hasDefault) def = std::fmin(std::fmax(def, lo), hi);
    // An unbounded side stretches to include a constant default (e.g. DEFAULT_440 with no upper bound).
    if (!below) lo = std::fmin(lo, def);
    if (!above) hi = std::fmax(hi, def);
    if (LADSPA_IS_HINT_INTEGER(h)) {
        p.type = "int";
        def = std::round(def);
        p.steps = integerSteps(lo, hi);
    }
    p.min = lo;
    p.max = hi;
    p.def = def;
    return p;
}

namespace {

PluginInfo describe(const LADSPA_Descriptor& d, const std::string& fileName, double sampleRate) {
    PluginInfo info;
    info.format = "ladspa";
    info.uid = fileName + "/" + d.Label;
    info.name = d.Name ? trim(d.Name) : d.Label;
    info.vendor = d.Maker ? trim(d.Maker) : "";
    if (!d.PortDescriptors && d.PortCount > 0) {
        info.warnings.push_back("plugin declares ports but no port descriptors");
        return info;
    }
    for (unsigned long i = 0; i < d.PortCount; ++i) {
        const LADSPA_PortDescriptor pd = d.PortDescriptors[i];
        if (LADSPA_IS_PORT_AUDIO(pd)) {
            (LADSPA_IS_PORT_INPUT(pd) ? info.audioInputs : info.audioOutputs) += 1;
        } else if (LADSPA_IS_PORT_CONTROL(pd)) {
            info.parameters.push_back(ladspa::controlParameter(d, i, sampleRate));
        }
    }
    return info;
}

class LadspaFormat final : public Format {
public:
    std::string name() const override { return "ladspa"; }

    std::vector<PluginInfo> probe(const std::string& path, const ProbeOptions& options) override {
        DlLibrary library = open(path);
        const LADSPA_Descriptor_Function entry = entryPoint(library);
        const std::string fileName = baseName(path);
        std::vector<PluginInfo> plugins;
        std::vector<std::string> skipped;
        for (unsigned long index = 0;; ++index) {
            const LADSPA_Descriptor* d = entry(index);
            if (!d) break;
            if (!d->Label || !*d->Label) {
                skipped.push_back("descriptor " + std::to_string(index) + " has no label; skipped");
                continue;
            }
            plugins.push_back(describe(*d, fileName, options.sampleRate));
        }
        if (plugins.empty()) {
            throw ProbeError(rpc::kNotAPlugin, "LADSPA library " + path + " has no plugins (ladspa_descriptor(0) is NULL)");
        }
        for (const auto& s : skipped) plugins.front().warnings.push_back(s);
        return plugins;
    }

    check::Result check(const std::string& path, const check::Request& request) override {
        DlLibrary library = open(path);
        const LADSPA_Descriptor_Function entry = entryPoint(library);
        const std::string prefix = baseName(path) + "/";
        if (request.uid.compare(0, prefix.size(), prefix) != 0)
            throw ProbeError(rpc::kUnknownPlugin, "no plugin \"" + request.uid + "\" in " + path + " (LADSPA uids start with \"" + prefix + "\")");
        const std::string label = request.uid.substr(prefix.size());
        for (unsigned long index = 0;; ++index) {
            const LADSPA_Descriptor* d = entry(index);
            if (!d) break;
            if (d->Label && label == d->Label) return check::runLadspa(*d, request);
        }
        throw ProbeError(rpc::kUnknownPlugin, "no plugin \"" + request.uid + "\" in " + path);
    }

private:
    static DlLibrary open(const std::string& path) {
        if (!looksLikeSharedLibrary(path)) throw ProbeError(rpc::kNotAPlugin, "not a LADSPA library: " + path + " is not a shared library");
        DlLibrary library(path);
        if (!library.ok()) throw ProbeError(rpc::kLoadFailed, "dlopen failed: " + library.error());
        return library;
    }

    static LADSPA_Descriptor_Function entryPoint(const DlLibrary& library) {
        const auto entry = reinterpret_cast<LADSPA_Descriptor_Function>(library.symbol("ladspa_descriptor"));
        if (!entry) throw ProbeError(rpc::kNotAPlugin, "not a LADSPA library: no ladspa_descriptor entry point");
        return entry;
    }
};

}  // namespace

std::unique_ptr<Format> makeLadspaFormat() { return std::make_unique<LadspaFormat>(); }

}  // namespace pluginary

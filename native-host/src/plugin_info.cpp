#include "plugin_info.hpp"

#include <cmath>

#include "text.hpp"

namespace pluginary {

namespace {

/// JSON has no NaN/Infinity; a non-finite number would be written as null and break the TS type.
double finite(double v) { return std::isfinite(v) ? v : 0.0; }

nlohmann::json strings(const std::vector<std::string>& values) {
    auto out = nlohmann::json::array();
    for (const auto& v : values) out.push_back(sanitizeUtf8(v));
    return out;
}

}  // namespace

void to_json(nlohmann::json& j, const ParameterInfo& p) {
    j = nlohmann::json{
        {"id", sanitizeUtf8(p.id)},
        {"name", sanitizeUtf8(p.name)},
        {"units", sanitizeUtf8(p.units)},
        {"min", finite(p.min)},
        {"max", finite(p.max)},
        {"default", finite(p.def)},
        {"type", p.type},
        {"steps", p.steps},
        {"valueStrings", strings(p.valueStrings)},
        {"isOutput", p.isOutput},
        {"isAutomatable", p.isAutomatable},
    };
    if (p.sampleRateScaled) j["sampleRateScaled"] = true;
    if (p.display) {
        j["display"] = {{"min", sanitizeUtf8(p.display->min)},
                        {"max", sanitizeUtf8(p.display->max)},
                        {"default", sanitizeUtf8(p.display->def)}};
    }
    if (!p.enumValues.empty()) {
        auto values = nlohmann::json::array();
        for (double v : p.enumValues) values.push_back(finite(v));
        j["enumValues"] = std::move(values);
    }
}

void to_json(nlohmann::json& j, const PresetInfo& p) {
    j = nlohmann::json{{"name", sanitizeUtf8(p.name)}};
    if (!p.uri.empty()) j["uri"] = sanitizeUtf8(p.uri);
}

void to_json(nlohmann::json& j, const PluginInfo& p) {
    j = nlohmann::json{
        {"format", p.format},
        {"uid", sanitizeUtf8(p.uid)},
        {"name", sanitizeUtf8(p.name)},
        {"vendor", sanitizeUtf8(p.vendor)},
        {"version", sanitizeUtf8(p.version)},
        {"rawCategory", sanitizeUtf8(p.rawCategory)},
        {"isInstrument", p.isInstrument},
        {"audioInputs", p.audioInputs},
        {"audioOutputs", p.audioOutputs},
        {"auxInputs", p.auxInputs},
        {"midiInputs", p.midiInputs},
        {"midiOutputs", p.midiOutputs},
        {"parameters", p.parameters},
        {"presets", p.presets},
    };
    if (!p.warnings.empty()) j["warnings"] = strings(p.warnings);
}

}  // namespace pluginary

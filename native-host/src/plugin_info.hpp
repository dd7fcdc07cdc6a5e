// One format-neutral description of a plugin. Every format fills this; the JSON-RPC
// result, the TypeScript type (source/catalog/plugin.ts) and the store row say the same.
#pragma once

#include <optional>
#include <string>
#include <vector>


namespace pluginary {

/// The plugin's own text for a normalised (0..1) parameter's min/max/default (VST2/VST3 only).
struct DisplayTexts {
    std::string min;
    std::string max;
    std::string def;
};

/// One parameter (or output meter). `id` is the format's own parameter id as a string:
/// LV2 port symbol, LADSPA port index, VST2 parameter index, VST3 ParamID, CLAP param id.
struct ParameterInfo {
    std::string id;
    std::string name;
    std::string units;
    double min = 0.0;
    double max = 1.0;
    double def = 0.0;
    std::string type = "float";            ///< float | int | bool | enum
    int steps = 0;                          ///< number of discrete values, 0 = continuous
    std::vector<std::string> valueStrings;  ///< enum labels, in value order
    std::vector<double> enumValues;         ///< the value of each label (same length), when known
    bool isOutput = false;
    bool isAutomatable = true;
    bool sampleRateScaled = false;          ///< range was sample-rate relative, reported at 48 kHz
    std::optional<DisplayTexts> display;    ///< VST2/VST3: plugin's texts for min/max/default
};

/// A preset the plugin ships (LV2 pset:Preset, VST2 program, VST3 program list entry, CLAP preset).
struct PresetInfo {
    std::string name;
    std::string uri;  ///< LV2 preset URI when there is one
};

/// Everything the host can tell about one plugin of a file or bundle.
struct PluginInfo {
    std::string format;       ///< lv2 | ladspa | vst2 | vst3 | clap | au
    std::string uid;          ///< native id: the part of the catalog id after "<format>:"
    std::string name;
    std::string vendor;
    std::string version;
    std::string rawCategory;  ///< what the format said, verbatim (LV2 class, VST3 subcategories, CLAP features…)
    bool isInstrument = false;
    int audioInputs = 0;      ///< channels of the main input bus(es) (side-chains excluded)
    int audioOutputs = 0;
    int auxInputs = 0;        ///< side-chain / aux input channels
    int midiInputs = 0;       ///< event ports / buses
    int midiOutputs = 0;
    std::vector<ParameterInfo> parameters;
    std::vector<PresetInfo> presets;
    std::vector<std::string> warnings;  ///< non-fatal problems met while reading this plugin
};

/// The `probe` result `{"plugins": [...]}` as JSON text (fields as in PROTOCOL.md; every string valid UTF-8).
std::string probeResultJson(const std::vector<PluginInfo>& plugins);

}  // namespace pluginary

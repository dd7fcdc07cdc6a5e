// Reading a live VST3 audio module: buses, parameters and program lists into a PluginInfo.
// Choices: steps = stepCount + 1 for stepped parameters (the number of discrete values, docs/architecture.md, Records), 0 when
// continuous; kIsList → enum (labels from getParamStringByValue at k/stepCount), else stepCount 1 → bool, > 1 →
// int, 0 → float; kIsReadOnly → isOutput; display texts are getParamStringByValue at 0, 1 and the default, then a
// space and the units. Parameters flagged kIsHidden are left out: the SDK says they must not be shown to users, and
// DPF (all of Debian's VST3s) hides its host-facing internals there (buffer size, sample rate, program), which would
// otherwise make the same plugin's parameter list differ between formats. The bypass parameter is kept.
// Presets: IUnitInfo program lists; without any, the labels of a hidden-or-not kIsProgramChange list parameter.
#pragma once

#include <string>
#include <vector>

#include "vst3_abi.hpp"
#include "vst3_instance.hpp"

namespace pluginary::vst3 {

/// Channels of the main buses and of the aux (side-chain) input buses, and the number of event buses.
inline void readBuses(v3_component** component, PluginInfo& info) {
    auto* c = v3_cpp_obj(component);
    for (int32_t direction : {V3_INPUT, V3_OUTPUT}) {
        const int32_t audioBuses = c->get_bus_count(component, V3_AUDIO, direction);
        for (int32_t i = 0; i < audioBuses; ++i) {
            v3_bus_info bus{};
            if (c->get_bus_info(component, V3_AUDIO, direction, i, &bus) != V3_OK) continue;
            if (direction == V3_INPUT) {
                (bus.bus_type == V3_MAIN ? info.audioInputs : info.auxInputs) += bus.channel_count;
            } else if (bus.bus_type == V3_MAIN) {
                info.audioOutputs += bus.channel_count;
            }
        }
        const int32_t eventBuses = c->get_bus_count(component, V3_EVENT, direction);
        (direction == V3_INPUT ? info.midiInputs : info.midiOutputs) = eventBuses > 0 ? eventBuses : 0;
    }
}

/// The controller's text for `normalized`, with the units after a space when there are any.
inline std::string valueText(v3_edit_controller** controller, v3_param_id id, double normalized, const std::string& units) {
    v3_str_128 text{};
    if (v3_cpp_obj(controller)->get_parameter_string_for_value(controller, id, normalized, text) != V3_OK) return "";
    std::string out = utf8(text);
    if (!units.empty()) out += out.empty() ? units : " " + units;
    return out;
}

inline ParameterInfo readParameter(v3_edit_controller** controller, const v3_param_info& raw) {
    ParameterInfo p;
    p.id = std::to_string(raw.param_id);
    p.name = utf8(raw.title);
    p.units = utf8(raw.units);
    p.min = 0.0;
    p.max = 1.0;
    p.def = tidyIfFloat(raw.default_normalised_value);
    p.steps = raw.step_count > 0 ? raw.step_count + 1 : 0;
    p.isOutput = (raw.flags & V3_PARAM_READ_ONLY) != 0;
    p.isAutomatable = (raw.flags & V3_PARAM_CAN_AUTOMATE) != 0;
    if ((raw.flags & V3_PARAM_IS_LIST) != 0 && raw.step_count > 0) {
        p.type = "enum";
        for (int32_t k = 0; k <= raw.step_count; ++k) {
            const double normalized = static_cast<double>(k) / raw.step_count;
            p.valueStrings.push_back(valueText(controller, raw.param_id, normalized, ""));
            p.enumValues.push_back(normalized);
        }
    } else if (raw.step_count == 1) {
        p.type = "bool";
    } else if (raw.step_count > 1) {
        p.type = "int";
    }
    p.display = DisplayTexts{valueText(controller, raw.param_id, 0.0, p.units),
                             valueText(controller, raw.param_id, 1.0, p.units),
                             valueText(controller, raw.param_id, p.def, p.units)};
    return p;
}

/// The visible parameters; `programNames` receives the labels of a program-change list parameter, if any.
inline std::vector<ParameterInfo> readParameters(v3_edit_controller** controller, std::vector<std::string>& programNames) {
    std::vector<ParameterInfo> parameters;
    const int32_t count = v3_cpp_obj(controller)->get_parameter_count(controller);
    for (int32_t i = 0; i < count; ++i) {
        v3_param_info raw{};
        if (v3_cpp_obj(controller)->get_parameter_info(controller, i, &raw) != V3_OK) continue;
        const bool hidden = (raw.flags & V3_PARAM_IS_HIDDEN) != 0;
        const bool programList = (raw.flags & V3_PARAM_PROGRAM_CHANGE) != 0 && (raw.flags & V3_PARAM_IS_LIST) != 0;
        if (hidden && !programList) continue;
        ParameterInfo p = readParameter(controller, raw);
        if (programList && programNames.empty()) programNames = p.valueStrings;
        if (!hidden) parameters.push_back(std::move(p));
    }
    return parameters;
}

/// Program names of every program list the controller's IUnitInfo offers (none when it has no IUnitInfo).
inline std::vector<PresetInfo> readPrograms(const ComPtr<v3_edit_controller>& controller) {
    std::vector<PresetInfo> presets;
    auto units = controller.query<v3_unit_information>(v3_unit_information_iid);
    if (!units) return presets;
    const int32_t lists = units.vtbl()->get_program_list_count(units.get());
    for (int32_t l = 0; l < lists; ++l) {
        v3_program_list_info list{};
        if (units.vtbl()->get_program_list_info(units.get(), l, &list) != V3_OK) continue;
        for (int32_t i = 0; i < list.programCount; ++i) {
            v3_str_128 name{};
            if (units.vtbl()->get_program_name(units.get(), list.id, i, name) != V3_OK) continue;
            presets.push_back({utf8(name), ""});
        }
    }
    return presets;
}

/// Fills buses, parameters and presets of `info` from a live instance.
inline void describeInstance(const Instance& instance, PluginInfo& info) {
    readBuses(instance.component(), info);
    if (!instance.controller()) {
        info.warnings.push_back("the plugin has no edit controller, so its parameters cannot be listed");
        return;
    }
    if (instance.separateController() && !instance.connected()) {
        info.warnings.push_back("the component and its separate edit controller have no IConnectionPoint; not connected");
    }
    std::vector<std::string> programNames;
    info.parameters = readParameters(instance.controller().get(), programNames);
    info.presets = readPrograms(instance.controller());
    if (info.presets.empty()) {
        for (auto& name : programNames) info.presets.push_back({std::move(name), ""});
    }
}

}  // namespace pluginary::vst3

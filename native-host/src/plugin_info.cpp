#include "plugin_info.hpp"

#include <charconv>
#include <cmath>

#include "text.hpp"

namespace pluginary {

namespace {

/// Appends JSON text straight to a string: probe results are the host's only big replies (LSP's LADSPA
/// library: 26,000 parameters), and building an nlohmann DOM for them costs ~5× more than writing them.
class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    /// A JSON string; invalid UTF-8 becomes U+FFFD (as sanitizeUtf8), control characters are escaped.
    JsonWriter& str(const std::string& s) {
        out_ += '"';
        for (size_t i = 0; i < s.size();) {
            const unsigned char c = static_cast<unsigned char>(s[i]);
            if (c >= 0x80) {
                i = appendUtf8Char(out_, s, i);
                continue;
            }
            switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\n': out_ += "\\n"; break;
                case '\r': out_ += "\\r"; break;
                case '\t': out_ += "\\t"; break;
                case '\b': out_ += "\\b"; break;
                case '\f': out_ += "\\f"; break;
                default:
                    if (c < 0x20) {
                        static const char* hex = "0123456789abcdef";
                        out_ += "\\u00";
                        out_ += hex[c >> 4];
                        out_ += hex[c & 15];
                    } else {
                        out_ += static_cast<char>(c);
                    }
            }
            ++i;
        }
        out_ += '"';
        return *this;
    }

    /// A number in its shortest round-trip form; JSON has no NaN/Infinity, so those are written as 0.
    JsonWriter& num(double v) {
        if (!std::isfinite(v)) v = 0.0;
        char buf[32];
        const auto result = std::to_chars(buf, buf + sizeof buf, v);
        out_.append(buf, result.ptr);
        return *this;
    }

    JsonWriter& boolean(bool b) { return raw(b ? "true" : "false"); }
    /// `"key":`, preceded by a comma unless it is the first key of its object.
    JsonWriter& key(const char* name, bool first = false) {
        if (!first) out_ += ',';
        out_ += '"';
        out_ += name;
        out_ += "\":";
        return *this;
    }
    JsonWriter& raw(const char* text) {
        out_ += text;
        return *this;
    }

    JsonWriter& strings(const std::vector<std::string>& values) {
        out_ += '[';
        for (size_t i = 0; i < values.size(); ++i) (i ? raw(",") : *this).str(values[i]);
        out_ += ']';
        return *this;
    }

    JsonWriter& parameter(const ParameterInfo& p) {
        raw("{").key("id", true).str(p.id).key("name").str(p.name).key("units").str(p.units);
        key("min").num(p.min).key("max").num(p.max).key("default").num(p.def);
        key("type").str(p.type).key("steps").num(p.steps).key("valueStrings").strings(p.valueStrings);
        key("isOutput").boolean(p.isOutput).key("isAutomatable").boolean(p.isAutomatable);
        if (p.sampleRateScaled) key("sampleRateScaled").boolean(true);
        if (p.display) {
            key("display").raw("{").key("min", true).str(p.display->min).key("max").str(p.display->max);
            key("default").str(p.display->def).raw("}");
        }
        if (!p.enumValues.empty()) {
            key("enumValues").raw("[");
            for (size_t i = 0; i < p.enumValues.size(); ++i) (i ? raw(",") : *this).num(p.enumValues[i]);
            raw("]");
        }
        return raw("}");
    }

    JsonWriter& plugin(const PluginInfo& p) {
        raw("{").key("format", true).str(p.format).key("uid").str(p.uid).key("name").str(p.name);
        key("vendor").str(p.vendor).key("version").str(p.version).key("rawCategory").str(p.rawCategory);
        key("isInstrument").boolean(p.isInstrument);
        key("audioInputs").num(p.audioInputs).key("audioOutputs").num(p.audioOutputs);
        key("auxInputs").num(p.auxInputs).key("midiInputs").num(p.midiInputs).key("midiOutputs").num(p.midiOutputs);
        key("parameters").raw("[");
        for (size_t i = 0; i < p.parameters.size(); ++i) (i ? raw(",") : *this).parameter(p.parameters[i]);
        raw("]").key("presets").raw("[");
        for (size_t i = 0; i < p.presets.size(); ++i) {
            (i ? raw(",") : *this).raw("{").key("name", true).str(p.presets[i].name);
            if (!p.presets[i].uri.empty()) key("uri").str(p.presets[i].uri);
            raw("}");
        }
        raw("]");
        if (!p.warnings.empty()) key("warnings").strings(p.warnings);
        return raw("}");
    }

private:
    std::string& out_;
};

}  // namespace

std::string probeResultJson(const std::vector<PluginInfo>& plugins) {
    size_t params = 0;
    for (const auto& p : plugins) params += p.parameters.size();
    std::string out;
    out.reserve(256 + plugins.size() * 512 + params * 200);
    out += "{\"plugins\":[";
    JsonWriter w(out);
    for (size_t i = 0; i < plugins.size(); ++i) (i ? w.raw(",") : w).plugin(plugins[i]);
    out += "]}";
    return out;
}

}  // namespace pluginary

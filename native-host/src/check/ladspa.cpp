// check for LADSPA: instantiate at the session's rate, connect every port (audio to the session's buffers, input
// controls at their defaults, output controls to scratch values), activate, `run` each block, deactivate, cleanup.
// Latency: the output control port named "latency" or "_latency" (DPF's name; any case), read after the last block.
#include <cctype>
#include <string>
#include <vector>

#include "../formats/ladspa_ports.hpp"
#include "../text.hpp"
#include "formats.hpp"

namespace pluginary::check {

namespace {

/// An instantiated LADSPA plugin; deactivated (when activated) and cleaned up on destruction.
class LadspaInstance {
public:
    LadspaInstance(const LADSPA_Descriptor& d, unsigned long rate) : d_(d) {
        if (!d_.instantiate || !d_.connect_port || !d_.run)
            throw Failed("the LADSPA descriptor lacks instantiate, connect_port or run");
        handle_ = d_.instantiate(&d_, rate);
        if (!handle_) throw Failed("instantiate() returned NULL");
    }
    ~LadspaInstance() {
        if (active_ && d_.deactivate) d_.deactivate(handle_);
        if (d_.cleanup) d_.cleanup(handle_);
    }
    LadspaInstance(const LadspaInstance&) = delete;
    LadspaInstance& operator=(const LadspaInstance&) = delete;

    void connect(unsigned long port, LADSPA_Data* data) { d_.connect_port(handle_, port, data); }
    void activate() {
        if (d_.activate) d_.activate(handle_);
        active_ = true;
    }
    void run(unsigned long frames) { d_.run(handle_, frames); }

private:
    const LADSPA_Descriptor& d_;
    LADSPA_Handle handle_ = nullptr;
    bool active_ = false;
};

bool isLatencyName(const char* name) {
    if (!name) return false;
    std::string lower = trim(name);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower == "latency" || lower == "_latency";
}

}  // namespace

Result runLadspa(const LADSPA_Descriptor& d, const Request& request) {
    if (d.PortCount > 0 && !d.PortDescriptors) return failedResult("the plugin declares ports but no port descriptors");
    int inputs = 0, outputs = 0;
    for (unsigned long i = 0; i < d.PortCount; ++i) {
        const LADSPA_PortDescriptor pd = d.PortDescriptors[i];
        if (LADSPA_IS_PORT_AUDIO(pd)) ++(LADSPA_IS_PORT_INPUT(pd) ? inputs : outputs);
    }
    Session session(request, inputs, outputs);
    std::vector<LADSPA_Data> controls(d.PortCount, 0.0f);
    long latencyPort = -1;

    LadspaInstance plugin(d, static_cast<unsigned long>(request.sampleRate));
    int input = 0, output = 0;
    for (unsigned long i = 0; i < d.PortCount; ++i) {
        const LADSPA_PortDescriptor pd = d.PortDescriptors[i];
        if (LADSPA_IS_PORT_AUDIO(pd)) {
            plugin.connect(i, LADSPA_IS_PORT_INPUT(pd) ? session.input(input++) : session.output(output++));
            continue;
        }
        if (LADSPA_IS_PORT_INPUT(pd)) {
            controls[i] = static_cast<LADSPA_Data>(ladspa::controlParameter(d, i, request.sampleRate).def);
        } else if (latencyPort < 0 && d.PortNames && isLatencyName(d.PortNames[i])) {
            latencyPort = static_cast<long>(i);
        }
        plugin.connect(i, &controls[i]);
    }
    plugin.activate();
    session.run([&](int) {
        plugin.run(static_cast<unsigned long>(request.blockSize));
        return true;
    });
    std::optional<double> latency;
    if (latencyPort >= 0) latency = controls[static_cast<size_t>(latencyPort)];
    return session.result(inputs > 0 && outputs > 0, latency);
}

}  // namespace pluginary::check

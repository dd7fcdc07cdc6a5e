// JSON-RPC 2.0 request loop: reads framed requests, dispatches them, writes replies. One at a time.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>

#include "../registry.hpp"
#include "../sleep_waker.hpp"
#include "transport.hpp"

namespace pluginary::rpc {

/// An error to send back as a JSON-RPC error object.
struct RpcError : std::runtime_error {
    int code;
    RpcError(int c, const std::string& message) : std::runtime_error(message), code(c) {}
};

/// Serves requests until the input ends, `shutdown` is answered or `exit` arrives.
class Server {
public:
    Server(Transport& transport, FormatRegistry& registry) : transport_(transport), registry_(registry) {}

    /// Runs the loop; returns the process exit code.
    int run();

private:
    /// Handles one message; false when the host should stop.
    bool handle(const std::string& body);
    nlohmann::json dispatch(const std::string& method);
    nlohmann::json initialize();
    /// The probe result as JSON text.
    std::string probe(const nlohmann::json& params);
    /// The check result (`check` in PROTOCOL.md).
    nlohmann::json check(const nlohmann::json& params);
    /// The format named by params["format"], available, or throws the matching RpcError.
    Format& requireFormat(const nlohmann::json& params);
    void reply(const nlohmann::json& id, const nlohmann::json& result);
    /// A reply whose result is already JSON text.
    void replyRaw(const nlohmann::json& id, const std::string& resultJson);
    void replyError(const nlohmann::json& id, int code, const std::string& message);
    void send(const nlohmann::json& message);

    Transport& transport_;
    FormatRegistry& registry_;
    bool peerGone_ = false;
    std::unique_ptr<SleepWaker> waker_;  ///< started by the first probe
};

}  // namespace pluginary::rpc

#include "server.hpp"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

#include "../text.hpp"
#include "errors.hpp"

#ifndef PLUGINARY_HOST_VERSION
#define PLUGINARY_HOST_VERSION "0.0.0"
#endif

namespace pluginary::rpc {

namespace {

using nlohmann::json;

std::string formatNames(const FormatRegistry& registry) {
    std::string names;
    for (const auto& f : registry.formats()) names += (names.empty() ? "" : ", ") + f->name();
    for (const auto& m : registry.missing()) names += ", " + m.name;
    return names;
}

/// Reads an optional member of `params` with the expected JSON type, or throws -32602.
const json* member(const json& params, const char* key, json::value_t type, const char* typeName, bool required) {
    const auto it = params.find(key);
    if (it == params.end() || it->is_null()) {
        if (required) throw RpcError(kInvalidParams, std::string("missing parameter \"") + key + "\"");
        return nullptr;
    }
    if (it->type() != type) {
        throw RpcError(kInvalidParams, std::string("parameter \"") + key + "\" must be a " + typeName);
    }
    return &*it;
}

}  // namespace

int Server::run() {
    for (;;) {
        std::optional<std::string> body;
        try {
            body = transport_.read();
        } catch (const FramingError& e) {
            std::fprintf(stderr, "pluginary-host: %s; stopping\n", e.what());
            return 1;
        }
        if (!body) return 0;  // stdin closed: the client is gone
        if (!handle(*body) || peerGone_) return 0;
    }
}

bool Server::handle(const std::string& body) {
    json message;
    try {
        message = json::parse(body);
    } catch (const json::exception& e) {
        replyError(nullptr, kParseError, std::string("invalid JSON: ") + e.what());
        return true;
    }
    const bool isObject = message.is_object();
    const json id = isObject && message.contains("id") ? message["id"] : json(nullptr);
    const bool isNotification = isObject && !message.contains("id");
    if (!isObject || message.value("jsonrpc", "") != "2.0" || !message.contains("method") ||
        !message["method"].is_string()) {
        replyError(id, kInvalidRequest, "not a JSON-RPC 2.0 request");
        return true;
    }
    const std::string method = message["method"];
    if (isNotification) return method != "exit";  // other notifications are ignored

    const json params = message.contains("params") ? message["params"] : json::object();
    try {
        reply(id, dispatch(method, params));
    } catch (const RpcError& e) {
        replyError(id, e.code, e.what());
    } catch (const ProbeError& e) {
        replyError(id, e.code, e.what());
    } catch (const std::exception& e) {
        replyError(id, kInternalError, std::string("internal error: ") + e.what());
    }
    return method != "shutdown";
}

json Server::dispatch(const std::string& method, const json& params) {
    if (method == "initialize") return initialize();
    if (method == "probe") return probe(params);
    if (method == "ping") return "pong";
    if (method == "shutdown") return nullptr;
    throw RpcError(kMethodNotFound, "unknown method \"" + method + "\"");
}

json Server::initialize() {
    json formats = json::array();
    for (const auto& f : registry_.formats()) {
        std::string reason;
        json entry = {{"format", f->name()}, {"available", f->available(reason)}};
        if (!entry["available"].get<bool>()) entry["reason"] = reason;
        formats.push_back(entry);
    }
    for (const auto& m : registry_.missing())
        formats.push_back({{"format", m.name}, {"available", false}, {"reason", m.reason}});
    return {{"version", PLUGINARY_HOST_VERSION}, {"formats", formats}};
}

json Server::probe(const json& params) {
    if (!params.is_object()) throw RpcError(kInvalidParams, "probe takes an object: {format, path, instantiate?}");
    const std::string formatName = *member(params, "format", json::value_t::string, "string", true);
    const std::string path = *member(params, "path", json::value_t::string, "string", true);
    ProbeOptions options;
    if (const json* inst = member(params, "instantiate", json::value_t::boolean, "boolean", false))
        options.instantiate = inst->get<bool>();
    if (path.empty()) throw RpcError(kInvalidParams, "parameter \"path\" must not be empty");

    Format* format = registry_.find(formatName);
    if (!format) {
        if (registry_.known(formatName)) {
            for (const auto& m : registry_.missing())
                if (m.name == formatName) throw RpcError(kFormatUnavailable, formatName + " is not available: " + m.reason);
        }
        throw RpcError(kInvalidParams,
                       "unknown format \"" + sanitizeUtf8(formatName) + "\"; expected one of " + formatNames(registry_));
    }
    std::string reason;
    if (!format->available(reason)) throw RpcError(kFormatUnavailable, formatName + " is not available: " + reason);

    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        throw RpcError(kFileNotFound, "cannot read " + sanitizeUtf8(path) + ": " + std::strerror(errno));
    }
    json plugins = format->probe(path, options);
    return {{"plugins", std::move(plugins)}};
}

void Server::reply(const json& id, const json& result) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
}

void Server::replyError(const json& id, int code, const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", sanitizeUtf8(message)}}}});
}

void Server::send(const json& message) {
    // `replace` is a second guard behind sanitizeUtf8: a stray invalid byte must never kill the host.
    const std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
    if (!transport_.write(body)) peerGone_ = true;
}

}  // namespace pluginary::rpc

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

/// `part: {index, count}` with integers 0 <= index < count, or throws -32602.
ProbePart parsePart(const json& part) {
    const auto integer = [&](const char* key) -> long long {
        const auto it = part.find(key);
        if (it == part.end() || !it->is_number_integer())
            throw RpcError(kInvalidParams, std::string("parameter \"part.") + key + "\" must be an integer");
        return it->get<long long>();
    };
    const long long index = integer("index"), count = integer("count");
    if (count < 1 || count > 1000000 || index < 0 || index >= count)
        throw RpcError(kInvalidParams, "parameter \"part\" needs 0 <= index < count (got index " +
                                           std::to_string(index) + ", count " + std::to_string(count) + ")");
    return {static_cast<int>(index), static_cast<int>(count)};
}

/// The required, non-empty string `path`.
std::string requirePath(const json& params) {
    const std::string path = *member(params, "path", json::value_t::string, "string", true);
    if (path.empty()) throw RpcError(kInvalidParams, "parameter \"path\" must not be empty");
    return path;
}

/// -32001 unless `path` exists.
void requireReadable(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        throw RpcError(kFileNotFound, "cannot read " + sanitizeUtf8(path) + ": " + std::strerror(errno));
    }
}

/// An optional number `key` in [lo, hi], or `fallback` when absent.
double number(const json& params, const char* key, double fallback, double lo, double hi) {
    const auto it = params.find(key);
    if (it == params.end() || it->is_null()) return fallback;
    if (!it->is_number()) throw RpcError(kInvalidParams, std::string("parameter \"") + key + "\" must be a number");
    const double v = it->get<double>();
    if (!(v >= lo && v <= hi))
        throw RpcError(kInvalidParams, std::string("parameter \"") + key + "\" must be between " +
                                           json(lo).dump() + " and " + json(hi).dump());
    return v;
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
        if (method == "probe") replyRaw(id, probe(params));  // large: written as text, not through a json DOM
        else if (method == "check") reply(id, check(params));
        else reply(id, dispatch(method));
    } catch (const RpcError& e) {
        replyError(id, e.code, e.what());
    } catch (const ProbeError& e) {
        replyError(id, e.code, e.what());
    } catch (const std::exception& e) {
        replyError(id, kInternalError, std::string("internal error: ") + e.what());
    }
    return method != "shutdown";
}

json Server::dispatch(const std::string& method) {
    if (method == "initialize") return initialize();
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

std::string Server::probe(const json& params) {
    if (!params.is_object()) throw RpcError(kInvalidParams, "probe takes an object: {format, path, instantiate?, part?}");
    const std::string path = requirePath(params);
    ProbeOptions options;
    if (const json* inst = member(params, "instantiate", json::value_t::boolean, "boolean", false))
        options.instantiate = inst->get<bool>();
    const json* part = member(params, "part", json::value_t::object, "object {index, count}", false);
    if (part) options.part = parsePart(*part);

    Format* format = &requireFormat(params);
    if (part && !format->supportsParts())
        throw RpcError(kInvalidParams, "parameter \"part\" is only supported for lv2, not " + format->name());
    requireReadable(path);
    // LV2 runs no plugin code unless asked to instantiate; every other format loads and runs it.
    if (format->name() == "lv2" && !options.instantiate) return probeResultJson(format->probe(path, options));
    if (!waker_) waker_ = std::make_unique<SleepWaker>();
    std::vector<PluginInfo> plugins;
    {
        SleepWaker::Armed armed(*waker_);  // while plugin code runs, and tears down, on this thread
        plugins = format->probe(path, options);
    }
    return probeResultJson(plugins);
}

Format& Server::requireFormat(const json& params) {
    const std::string formatName = *member(params, "format", json::value_t::string, "string", true);
    Format* format = registry_.find(formatName);
    if (!format) {
        for (const auto& m : registry_.missing())
            if (m.name == formatName) throw RpcError(kFormatUnavailable, formatName + " is not available: " + m.reason);
        throw RpcError(kInvalidParams,
                       "unknown format \"" + sanitizeUtf8(formatName) + "\"; expected one of " + formatNames(registry_));
    }
    std::string reason;
    if (!format->available(reason)) throw RpcError(kFormatUnavailable, formatName + " is not available: " + reason);
    return *format;
}

json Server::check(const json& params) {
    if (!params.is_object())
        throw RpcError(kInvalidParams, "check takes an object: {format, path, uid, seconds?, sampleRate?, blockSize?}");
    const std::string path = requirePath(params);
    check::Request request;
    request.uid = *member(params, "uid", json::value_t::string, "string", true);
    if (request.uid.empty()) throw RpcError(kInvalidParams, "parameter \"uid\" must not be empty");
    request.seconds = number(params, "seconds", request.seconds, 0.01, 60.0);
    request.sampleRate = number(params, "sampleRate", request.sampleRate, 8000.0, 384000.0);
    request.blockSize = static_cast<int>(number(params, "blockSize", request.blockSize, 1.0, 8192.0));
    if (params.contains("blockSize") && !params["blockSize"].is_number_integer())
        throw RpcError(kInvalidParams, "parameter \"blockSize\" must be an integer");
    Format& format = requireFormat(params);
    requireReadable(path);

    if (!waker_) waker_ = std::make_unique<SleepWaker>();
    check::Result result;
    {
        SleepWaker::Armed armed(*waker_);
        check::FloatStateGuard floatState;
        try {
            result = format.check(path, request);
        } catch (const check::Failed& e) {
            result = check::failedResult(e.what());
        }
    }
    json out = {{"health", result.health}, {"warnings", result.warnings}, {"latencySamples", nullptr}, {"cpuPercent", nullptr}};
    if (result.latencySamples) out["latencySamples"] = *result.latencySamples;
    if (result.cpuPercent) out["cpuPercent"] = *result.cpuPercent;
    if (!result.error.empty()) out["error"] = sanitizeUtf8(result.error);
    return out;
}

void Server::reply(const json& id, const json& result) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
}

void Server::replyRaw(const json& id, const std::string& resultJson) {
    const std::string body = "{\"jsonrpc\":\"2.0\",\"id\":" + id.dump(-1, ' ', false, json::error_handler_t::replace) +
                             ",\"result\":" + resultJson + "}";
    if (!transport_.write(body)) peerGone_ = true;
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

// JSON-RPC error codes used by the host. Documented in PROTOCOL.md.
#pragma once

namespace pluginary::rpc {

constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;

constexpr int kFileNotFound = -32001;      ///< path does not exist or is unreadable
constexpr int kNotAPlugin = -32002;        ///< the file is not a plugin of that format (no entry point, no plugins)
constexpr int kLoadFailed = -32003;        ///< dlopen failed, or the plugin refused to load / instantiate
constexpr int kFormatUnavailable = -32004; ///< the format is not supported by this build or OS
constexpr int kPluginError = -32005;       ///< the plugin loaded but misbehaved while being queried
constexpr int kUnknownPlugin = -32006;     ///< check: the file or bundle holds no plugin with that uid

}  // namespace pluginary::rpc

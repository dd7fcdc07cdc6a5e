// LSP-style message framing (`Content-Length: N\r\n\r\n{json}`) over two file descriptors.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace pluginary::rpc {

/// A framing error: the peer sent something that is not a Content-Length framed message.
struct FramingError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Reads and writes framed messages. Blocking; one reader, one writer.
class Transport {
public:
    Transport(int inFd, int outFd) : in_(inFd), out_(outFd) {}

    /// The next message body, or nullopt at end of input. Throws FramingError on a malformed header.
    std::optional<std::string> read();
    /// Writes one framed message. Returns false when the peer is gone (EPIPE etc.).
    bool write(const std::string& body);

private:
    /// Ensures at least `n` buffered bytes; false at end of input.
    bool fill(size_t n);

    int in_;
    int out_;
    std::string buffer_;
};

}  // namespace pluginary::rpc

#include "transport.hpp"

#include <cerrno>
#include <cstdlib>
#include <strings.h>
#include <unistd.h>

namespace pluginary::rpc {

namespace {
constexpr size_t kMaxHeaderBytes = 8192;
constexpr size_t kMaxBodyBytes = 64u << 20;
}  // namespace

bool Transport::fill(size_t n) {
    char chunk[65536];
    while (buffer_.size() < n) {
        const ssize_t got = ::read(in_, chunk, sizeof chunk);
        if (got > 0) {
            buffer_.append(chunk, static_cast<size_t>(got));
        } else if (got == 0) {
            return false;
        } else if (errno != EINTR) {
            return false;
        }
    }
    return true;
}

std::optional<std::string> Transport::read() {
    // Header block: lines until an empty line.
    size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
        if (buffer_.size() > kMaxHeaderBytes) throw FramingError("message header too long");
        if (!fill(buffer_.size() + 1)) {
            if (buffer_.empty()) return std::nullopt;
            throw FramingError("input ended inside a message header");
        }
    }
    long length = -1;
    size_t pos = 0;
    while (pos < end) {
        size_t eol = buffer_.find("\r\n", pos);
        const std::string line = buffer_.substr(pos, eol - pos);
        pos = eol + 2;
        const std::string key = "content-length:";
        if (line.size() > key.size() && strncasecmp(line.c_str(), key.c_str(), key.size()) == 0) {
            char* stop = nullptr;
            length = std::strtol(line.c_str() + key.size(), &stop, 10);
            if (stop == line.c_str() + key.size() || length < 0) throw FramingError("bad Content-Length header");
        }
    }
    if (length < 0) throw FramingError("message without Content-Length header");
    if (static_cast<size_t>(length) > kMaxBodyBytes) throw FramingError("message body too large");
    buffer_.erase(0, end + 4);
    if (!fill(static_cast<size_t>(length))) throw FramingError("input ended inside a message body");
    std::string body = buffer_.substr(0, static_cast<size_t>(length));
    buffer_.erase(0, static_cast<size_t>(length));
    return body;
}

bool Transport::write(const std::string& body) {
    const std::string message = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    size_t done = 0;
    while (done < message.size()) {
        const ssize_t n = ::write(out_, message.data() + done, message.size() - done);
        if (n > 0) {
            done += static_cast<size_t>(n);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            return false;
        }
    }
    return true;
}

}  // namespace pluginary::rpc

// pluginary-host: probes plugin files for pluginary over JSON-RPC on stdin/stdout. See PROTOCOL.md.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <iostream>
#include <unistd.h>

#ifdef __linux__
#include <malloc.h>
#include <sys/prctl.h>
#endif

#include "registry.hpp"
#include "rpc/server.hpp"
#include "rpc/transport.hpp"

namespace {

/// Moves the protocol to a private close-on-exec copy of fd 1 and points fd 1 at stderr,
/// so whatever plugins print to stdout (printf, std::cout, write(1, …)) cannot corrupt the channel.
/// Returns the protocol fd, or -1 on failure.
int protectProtocolChannel() {
    std::fflush(stdout);
    const int protocolFd = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
    if (protocolFd < 0) return -1;
    if (::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) return -1;
    std::cout.flush();
    return protocolFd;
}

/// Dies with the parent so an abandoned host never lingers (Linux only).
void followParent() {
#ifdef __linux__
    const pid_t parent = ::getppid();
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) std::_Exit(0);  // parent already gone before prctl took effect
#endif
}

/// Keeps freed memory in the process for the next probe. Plugins allocate their buffers when opened (LSP's
/// multisampler: ~150 MB) and free them when closed; with glibc's defaults every large block is a fresh mmap that the
/// kernel must fault in and zero, and is unmapped again on free — a third of the host's CPU time over the VST2
/// corpus. Blocks up to 32 MB (the most glibc allows) now come from the heap, and the heap is trimmed only above
/// 256 MB free. Peak RSS is unchanged; RSS between probes stays near the peak, which the scan engine's recycling
/// limit (VmRSS) bounds as before.
void keepFreedMemory() {
#ifdef __linux__
    ::mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    ::mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif
}

}  // namespace

int main() {
    keepFreedMemory();
    followParent();
    std::signal(SIGPIPE, SIG_IGN);  // a dead client shows up as a failed write, not a signal
    const int protocolFd = protectProtocolChannel();
    if (protocolFd < 0) {
        std::perror("pluginary-host: cannot set up the protocol channel");
        return 1;
    }
    std::ios::sync_with_stdio(true);

    pluginary::FormatRegistry registry;
    pluginary::rpc::Transport transport(STDIN_FILENO, protocolFd);
    pluginary::rpc::Server server(transport, registry);
    const int code = server.run();
    std::fflush(nullptr);
    // _exit: plugin libraries' static destructors and atexit handlers must not run after we are done.
    std::_Exit(code);
}

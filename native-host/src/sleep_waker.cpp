#include "sleep_waker.hpp"

#ifdef __linux__

#include <chrono>
#include <cstdio>
#include <csignal>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <string>
#include <sys/syscall.h>
#include <unistd.h>

namespace pluginary {

namespace {

constexpr auto kInterval = std::chrono::milliseconds(2);

pid_t currentThreadId() { return static_cast<pid_t>(::syscall(SYS_gettid)); }

/// The real-time signal used to interrupt sleeps (glibc keeps the ones below SIGRTMIN for itself).
int wakeSignal() { return SIGRTMIN + 7; }

void ignoreWake(int) {}

/// The number of the syscall thread `tid` is blocked in, or -1 (running, gone, or /proc not readable).
long blockedSyscall(pid_t tid) {
    char path[64];
    std::snprintf(path, sizeof path, "/proc/self/task/%d/syscall", static_cast<int>(tid));
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    char text[32];
    const ssize_t n = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    if (n <= 0) return -1;
    text[n] = '\0';
    char* end = nullptr;
    const long number = std::strtol(text, &end, 10);
    return end == text ? -1 : number;  // "running" parses as nothing
}

bool isSleepSyscall(long number) {
#ifdef SYS_nanosleep
    if (number == SYS_nanosleep) return true;
#endif
#ifdef SYS_clock_nanosleep
    if (number == SYS_clock_nanosleep) return true;
#endif
    return false;
}

bool ourHandlerInstalled() {
    struct sigaction current {};
    if (::sigaction(wakeSignal(), nullptr, &current) != 0) return false;
    return (current.sa_flags & SA_SIGINFO) == 0 && current.sa_handler == &ignoreWake;
}

}  // namespace

SleepWaker::SleepWaker() {
    struct sigaction action {};
    action.sa_handler = &ignoreWake;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    ::sigaction(wakeSignal(), &action, nullptr);
    thread_ = std::thread([this] { run(); });
}

SleepWaker::~SleepWaker() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

SleepWaker::Armed::Armed(SleepWaker& waker) : waker_(waker) {
    {
        std::lock_guard<std::mutex> lock(waker_.mutex_);
        waker_.prober_ = currentThreadId();
    }
    waker_.changed_.notify_all();
}

SleepWaker::Armed::~Armed() {
    std::lock_guard<std::mutex> lock(waker_.mutex_);
    waker_.prober_ = 0;
}

void SleepWaker::run() {
    // Plugin code never runs on this thread, and the signal must not land here either.
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, wakeSignal());
    ::pthread_sigmask(SIG_BLOCK, &mask, nullptr);
    self_ = currentThreadId();
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_) {
        if (prober_ == 0) {
            changed_.wait(lock);
            continue;
        }
        changed_.wait_for(lock, kInterval);
        if (stop_ || prober_ == 0) continue;
        const pid_t prober = prober_;
        lock.unlock();
        nudge(prober);
        lock.lock();
    }
}

void SleepWaker::nudge(pid_t prober) {
    if (blockedSyscall(prober) != SYS_futex) return;
    DIR* tasks = ::opendir("/proc/self/task");
    if (tasks == nullptr) return;
    const pid_t process = ::getpid();
    while (const dirent* entry = ::readdir(tasks)) {
        const pid_t tid = static_cast<pid_t>(std::atoi(entry->d_name));
        if (tid <= 0 || tid == prober || tid == self_) continue;
        if (!isSleepSyscall(blockedSyscall(tid))) continue;
        if (!ourHandlerInstalled()) break;
        if (::syscall(SYS_tgkill, process, tid, wakeSignal()) == 0) ++woken_;
    }
    ::closedir(tasks);
}

}  // namespace pluginary

#else  // not Linux: no per-thread view of blocked system calls, so plugin threads sleep out their interval

namespace pluginary {

SleepWaker::SleepWaker() = default;
SleepWaker::~SleepWaker() = default;
SleepWaker::Armed::Armed(SleepWaker& waker) : waker_(waker) {}
SleepWaker::Armed::~Armed() = default;
void SleepWaker::run() {}
void SleepWaker::nudge(pid_t) {}

}  // namespace pluginary

#endif  // __linux__

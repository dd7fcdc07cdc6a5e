// Wakes plugin threads that sleep while the probing thread waits for them.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <sys/types.h>
#include <thread>

namespace pluginary {

/// Plugins often stop a worker thread by setting a flag and joining it, while the worker polls that flag between
/// fixed sleeps: LSP's executor (samplers, triggers, convolvers…) sleeps 100 ms at a time, so every effClose of such a
/// plugin blocks the host for up to 100 ms of pure waiting (2.2 s over LSP's VST2s). The waker removes that wait:
/// while armed, a helper thread looks every 2 ms whether the probing thread is blocked in futex (pthread_join, a
/// condition variable, a mutex) and, only then, interrupts each other thread of the process that sits in
/// nanosleep/clock_nanosleep with a signal whose handler does nothing. A sleep cut short returns EINTR, which every
/// sleeping loop handles (it re-checks its flag, or sleeps the rest: std::this_thread::sleep_for, LSP's
/// Thread::sleep); no other syscall is interrupted, because only sleeping threads get the signal and it is installed
/// with SA_RESTART. Nothing is sent while the probing thread runs, and nothing when a plugin replaced our handler.
class SleepWaker {
public:
    SleepWaker();
    ~SleepWaker();
    SleepWaker(const SleepWaker&) = delete;
    SleepWaker& operator=(const SleepWaker&) = delete;

    /// Arms the waker for the calling thread for the lifetime of the object.
    class Armed {
    public:
        explicit Armed(SleepWaker& waker);
        ~Armed();
        Armed(const Armed&) = delete;
        Armed& operator=(const Armed&) = delete;

    private:
        SleepWaker& waker_;
    };

    /// Threads woken since start (for logs and tests).
    unsigned long woken() const { return woken_.load(); }

private:
    void run();
    /// One look: when `prober` waits in futex, signals every other thread sleeping in nanosleep.
    void nudge(pid_t prober);

    std::mutex mutex_;
    std::condition_variable changed_;
    bool stop_ = false;
    pid_t prober_ = 0;  ///< the armed thread's id, 0 when disarmed
    pid_t self_ = 0;    ///< the waker thread's own id
    std::atomic<unsigned long> woken_{0};
    std::thread thread_;
};

}  // namespace pluginary

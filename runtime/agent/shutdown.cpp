#include "runtime/agent/shutdown.hpp"

#include <signal.h>

namespace slurmglue::agent {

void Shutdown::request_stop() {
  {
    const std::lock_guard lock(mutex_);
    ++stop_requests_;
  }
  wake_.notify_all();
}

void Shutdown::request_reload() {
  {
    const std::lock_guard lock(mutex_);
    reload_ = true;
  }
  wake_.notify_all();
}

void Shutdown::wait_for(std::chrono::milliseconds duration) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, duration, [&] { return stop_requests_.load() > 0 || reload_.load(); });
}

std::jthread watch_signals(Shutdown& shutdown) {
  ::signal(SIGPIPE, SIG_IGN);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGUSR2);  // only to wake this thread when the program ends
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return std::jthread([&shutdown, set](std::stop_token stop) {
    const pthread_t self = pthread_self();
    std::stop_callback wake(stop, [self] { pthread_kill(self, SIGUSR2); });
    while (!stop.stop_requested()) {
      int signal = 0;
      if (sigwait(&set, &signal) != 0) continue;
      if (signal == SIGTERM || signal == SIGINT) shutdown.request_stop();
      if (signal == SIGHUP) shutdown.request_reload();
    }
  });
}

}  // namespace slurmglue::agent

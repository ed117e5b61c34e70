// Stop and reload requests reach the agent's thread from others: from the
// signal thread (SIGTERM, SIGINT, SIGHUP) or any caller, and wake a wait at
// once. Run under ThreadSanitizer too (tools/run-tests.sh).
#include "runtime/agent/shutdown.hpp"

#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <thread>

namespace slurmglue::agent {
namespace {

using namespace std::chrono_literals;

// Waits (in short steps, to a generous bound) until `done` holds.
template <typename Condition>
bool eventually(Condition done) {
  for (int i = 0; i < 3000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return done();
}

TEST(Shutdown, AStopFromAnotherThreadWakesAWait) {
  Shutdown shutdown;
  std::thread other([&] {
    std::this_thread::sleep_for(50ms);
    shutdown.request_stop();
  });
  const auto started = std::chrono::steady_clock::now();
  shutdown.wait_for(10min);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5min);
  other.join();
  EXPECT_TRUE(shutdown.stopping());
  EXPECT_FALSE(shutdown.stopping_now());
  shutdown.request_stop();
  EXPECT_TRUE(shutdown.stopping_now());
}

TEST(Shutdown, AReloadIsTakenOnce) {
  Shutdown shutdown;
  std::thread other([&] { shutdown.request_reload(); });
  EXPECT_TRUE(eventually([&] { return shutdown.take_reload(); }));
  other.join();
  EXPECT_FALSE(shutdown.take_reload());
  EXPECT_FALSE(shutdown.stopping());
}

TEST(Shutdown, SignalsBecomeRequests) {
  sigset_t before;
  pthread_sigmask(SIG_SETMASK, nullptr, &before);
  Shutdown shutdown;
  {
    const auto watcher = watch_signals(shutdown);
    ASSERT_EQ(::kill(::getpid(), SIGHUP), 0);
    EXPECT_TRUE(eventually([&] { return shutdown.take_reload(); }));
    EXPECT_FALSE(shutdown.stopping());
    ASSERT_EQ(::kill(::getpid(), SIGTERM), 0);
    EXPECT_TRUE(eventually([&] { return shutdown.stopping(); }));
    EXPECT_FALSE(shutdown.stopping_now());
    ASSERT_EQ(::kill(::getpid(), SIGINT), 0);  // a second request: stop at once
    EXPECT_TRUE(eventually([&] { return shutdown.stopping_now(); }));
  }  // the watcher's thread ends with it
  pthread_sigmask(SIG_SETMASK, &before, nullptr);
  ::signal(SIGPIPE, SIG_DFL);
}

}  // namespace
}  // namespace slurmglue::agent

#include "runtime/clearml/retry.hpp"

#include <gtest/gtest.h>

namespace slurmglue::clearml {
namespace {

using std::chrono::milliseconds;

TEST(Backoff, GrowsExponentiallyWithinTheJitterBand) {
  Backoff backoff({.max_attempts = 10, .initial_delay = milliseconds(100), .max_delay = milliseconds(100'000),
                   .multiplier = 2.0},
                  1);
  for (int retry = 1; retry <= 6; ++retry) {
    const auto full = 100 << (retry - 1);
    const auto wait = backoff.delay(retry).count();
    EXPECT_GE(wait, full / 2) << retry;
    EXPECT_LE(wait, full) << retry;
  }
}

TEST(Backoff, IsCapped) {
  Backoff backoff({.max_attempts = 100, .initial_delay = milliseconds(500), .max_delay = milliseconds(2000),
                   .multiplier = 2.0},
                  2);
  for (int retry = 1; retry <= 60; ++retry) EXPECT_LE(backoff.delay(retry).count(), 2000);
  EXPECT_GE(backoff.delay(60).count(), 1000);
}

TEST(Backoff, JitterSpreadsTheWaits) {
  Backoff backoff({}, 3);
  std::set<long> waits;
  for (int i = 0; i < 20; ++i) waits.insert(static_cast<long>(backoff.delay(3).count()));
  EXPECT_GT(waits.size(), 5u);
}

}  // namespace
}  // namespace slurmglue::clearml

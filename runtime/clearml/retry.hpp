// When to try a request again, and how long to wait first: capped exponential
// backoff with jitter, so that many agents do not hammer a recovering server in step.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <random>

namespace slurmglue::clearml {

struct RetryPolicy {
  int max_attempts = 5;  // including the first one
  std::chrono::milliseconds initial_delay{500};
  std::chrono::milliseconds max_delay{30'000};
  double multiplier = 2.0;
};

// Waits are injected so that tests do not really wait.
using SleepFunction = std::function<void(std::chrono::milliseconds)>;
SleepFunction real_sleep();

class Backoff {
 public:
  explicit Backoff(RetryPolicy policy, std::uint64_t seed = std::random_device{}());

  // The wait before retry number `retry` (1 for the first retry): the capped
  // exponential delay d, jittered uniformly within [d/2, d] ("equal jitter",
  // so that a retry never comes right away yet the clients spread out).
  std::chrono::milliseconds delay(int retry);

 private:
  RetryPolicy policy_;
  std::mt19937_64 random_;
};

}  // namespace slurmglue::clearml

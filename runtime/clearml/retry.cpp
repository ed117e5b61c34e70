#include "runtime/clearml/retry.hpp"

#include <algorithm>
#include <cmath>
#include <thread>

namespace slurmglue::clearml {

SleepFunction real_sleep() {
  return [](std::chrono::milliseconds duration) { std::this_thread::sleep_for(duration); };
}

Backoff::Backoff(RetryPolicy policy, std::uint64_t seed) : policy_(policy), random_(seed) {}

std::chrono::milliseconds Backoff::delay(int retry) {
  const double uncapped = static_cast<double>(policy_.initial_delay.count()) *
                          std::pow(policy_.multiplier, std::max(0, retry - 1));
  const double capped = std::min(uncapped, static_cast<double>(policy_.max_delay.count()));
  std::uniform_real_distribution<double> jitter(capped / 2, capped);
  return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(jitter(random_))));
}

}  // namespace slurmglue::clearml

#include "runtime/agent/user_map.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace slurmglue::agent {
namespace {

nlohmann::json with_map(nlohmann::json map) { return {{"agent", {{"slurm", {{"user_map", std::move(map)}}}}}}; }

TEST(UserMap, NoMapMeansNoImpersonation) {
  EXPECT_TRUE(UserMap::from_config(nlohmann::json::object()).empty());
  EXPECT_TRUE(UserMap::from_config(with_map(nlohmann::json::object())).empty());
}

TEST(UserMap, MapsUsersAndFallsBackToDefault) {
  const auto map = UserMap::from_config(with_map({{"u-alice", "alice"}, {"default", "guest"}}));
  EXPECT_EQ(std::get<0>(map.linux_user("u-alice")), "alice");
  EXPECT_EQ(std::get<0>(map.linux_user("u-bob")), "guest");
  EXPECT_EQ(std::get<0>(map.linux_user("")), "guest");  // a task with no user
  EXPECT_THAT(map.linux_users(), ::testing::ElementsAre("alice", "guest"));
}

TEST(UserMap, AnUnmappedUserWithoutDefaultIsRefusedWithAReason) {
  const auto map = UserMap::from_config(with_map({{"u-alice", "alice"}}));
  const auto refused = map.linux_user("u-bob");
  ASSERT_EQ(refused.index(), 1u);
  EXPECT_THAT(std::get<1>(refused), ::testing::HasSubstr("u-bob"));
  EXPECT_THAT(std::get<1>(refused), ::testing::HasSubstr("agent.slurm.user_map"));
  EXPECT_EQ(map.linux_user("").index(), 1u);
}

TEST(UserMap, ABadMapIsAnError) {
  EXPECT_THROW(UserMap::from_config(with_map("alice")), std::invalid_argument);
  EXPECT_THROW(UserMap::from_config(with_map({{"u", 3}})), std::invalid_argument);
  EXPECT_THROW(UserMap::from_config(with_map({{"u", ""}})), std::invalid_argument);
}

}  // namespace
}  // namespace slurmglue::agent

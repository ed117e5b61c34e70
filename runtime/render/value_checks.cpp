#include "runtime/render/value_checks.hpp"

#include <tao/pegtl.hpp>

#include <algorithm>

#include "grammar/container_mounts.hpp"
#include "grammar/image_reference.hpp"
#include "grammar/slurm_values.hpp"

namespace slurmglue::render {
namespace {

template <typename Rule>
bool matches(std::string_view value) {
  tao::pegtl::memory_input in(value.data(), value.size(), "value");
  return tao::pegtl::parse<Rule>(in);
}

}  // namespace

bool is_checked(ValueKind kind) { return kind != ValueKind::Any && kind != ValueKind::FilenamePattern; }

std::string check_value(ValueKind kind, std::string_view value) {
  if (!is_checked(kind)) return {};
  switch (kind) {
    case ValueKind::Any:
    case ValueKind::FilenamePattern:
      return {};
    case ValueKind::Time:
      return matches<grammar::slurm::time>(value)
                 ? std::string()
                 : "a time limit (M, M:S, H:M:S, D-H, D-H:M, D-H:M:S, UNLIMITED or -1)";
    case ValueKind::Memory:
      return matches<grammar::slurm::memory>(value) ? std::string()
                                                    : "a memory size (an integer with an optional K, M, G or T, and a B after it)";
    case ValueKind::NodeCount:
      return matches<grammar::slurm::node_count>(value) ? std::string()
                                                        : "a node count (N, MIN-MAX, MIN-MAX:STEP or a comma-separated list of those)";
    case ValueKind::Integer:
      return matches<grammar::slurm::integer>(value) ? std::string() : "an integer";
    case ValueKind::Priority:
      return matches<grammar::slurm::priority>(value) ? std::string() : "an integer or TOP";
    case ValueKind::ContainerImage:
      if (in_system_tree(value)) return "a container image that is not the node's /dev, /proc or /sys";
      return matches<grammar::image::container_image>(value)
                 ? std::string()
                 : "a container image (docker://[USER@][REGISTRY/]IMAGE[:TAG][@sha256:DIGEST], "
                   "the REGISTRY#IMAGE form, or a squashfs path starting with . or /)";
    case ValueKind::ContainerMounts:
      return matches<grammar::mounts::mount_list>(value)
                 ? std::string()
                 : "container mounts (SRC[:DST[:FLAGS]][,...]; SRC and DST start with . or /)";
    case ValueKind::ContainerName:
      return matches<grammar::mounts::container_name>(value)
                 ? std::string()
                 : "a container name (NAME[:auto|create|exec|no_exec])";
  }
  return {};
}

bool in_system_tree(std::string_view path) {
  if (path.empty() || path[0] != '/') return false;
  // The first component that is not empty or '.'.
  std::size_t k = 0;
  while (k < path.size()) {
    while (k < path.size() && path[k] == '/') ++k;
    const auto end = std::min(path.find('/', k), path.size());
    const auto component = path.substr(k, end - k);
    if (component == ".") {
      k = end;
      continue;
    }
    return component == "dev" || component == "proc" || component == "sys";
  }
  return false;
}

}  // namespace slurmglue::render

#include "runtime/render/option_words.hpp"

#include <algorithm>
#include <cstdlib>

#include "runtime/render/code_variables.hpp"

namespace slurmglue::render {

namespace {
std::vector<std::string>& glue_directories() {
  static std::vector<std::string> dirs;
  return dirs;
}
}  // namespace

void forbid_mounting(std::string_view directory) {
  std::string d(directory);
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  if (d.size() > 1 && d.front() == '/') glue_directories().push_back(std::move(d));
}

bool forbidden_mount_source(std::string_view src) {
  if (src.empty()) return false;
  if (src.front() == '~' || src.front() == '$') return true;
  if (src.front() != '/') {
    // A relative host path resolves in the job's directory, which may be the
    // glue's home: not that directory (., ./x), a file of it (clearml.conf),
    // nor a hidden entry or '..' anywhere (.ssh, x/.config; attack 178).
    for (std::size_t k = 0, n = 0; k <= src.size(); ++n) {
      const auto end = std::min(src.find('/', k), src.size());
      const auto part = src.substr(k, end - k);
      if (part == ".." || (part.size() > 1 && part.front() == '.')) return true;
      if (n == 0 && (part.empty() || part.find('.') != std::string_view::npos)) return true;
      k = end + 1;
    }
    return false;
  }
  // The path the kernel resolves: empty and "." components dropped.
  std::string path;
  for (std::size_t k = 0; k <= src.size();) {
    const auto end = std::min(src.find('/', k), src.size());
    const auto part = src.substr(k, end - k);
    if (part == "..") return true;
    // A hidden entry (.ssh, .config, .cache/pip): an account's keys and
    // the files its programs run.
    if (part.size() > 1 && part.front() == '.') return true;
    if (!part.empty() && part != ".") path.append("/").append(part);
    k = end + 1;
  }
  if (path.empty()) return true;  // "/", "/.", "//"
  const auto under = [&](std::string_view dir) {
    return path.compare(0, dir.size(), dir) == 0 && (path.size() == dir.size() || path[dir.size()] == '/');
  };
  // A forbidden directory, one inside it, or one that holds it (/var holds
  // /var/lib, /home the glue's home).
  const auto near = [&](std::string_view dir) {
    return under(dir) || (dir.compare(0, path.size(), path) == 0 && dir.size() > path.size() && dir[path.size()] == '/');
  };
  // System directories, software trees other accounts run (/opt, /nix,
  // /gnu, Bright's /cm), logs, caches and mail (/var), boot files, and the
  // glue's own directories (the default of the shipped unit, and those the
  // agent registers).
  for (std::string_view dir : {"/etc", "/root", "/proc", "/sys", "/dev", "/run", "/boot", "/var", "/usr", "/bin",
                               "/sbin", "/lib", "/lib32", "/libx32", "/lib64", "/opt", "/nix", "/gnu", "/cm", "/snap",
                               "/efi", "/lost+found", "/srv/slurmglue", "/vmlinuz", "/vmlinuz.old", "/initrd.img",
                               "/initrd.img.old", "/swap.img", "/swapfile"})
    if (near(dir)) return true;
  for (const auto& dir : glue_directories())
    if (near(dir)) return true;
  // A home itself (/home/NAME): its hidden files are the account's keys.
  if (path.rfind("/home/", 0) == 0 && path.find('/', 6) == std::string::npos) return true;
  if (const char* home = std::getenv("HOME"); home && home[0] == '/' && home[1] != '\0') {
    std::string h(home);
    while (h.size() > 1 && h.back() == '/') h.pop_back();
    if (near(h)) return true;
  }
  return false;
}

namespace {

bool in(const std::vector<std::string>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

std::string_view next_item(std::string_view& list) {
  const auto comma = list.find(',');
  const auto item = list.substr(0, comma);
  list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  return item;
}

// Why the value of `option` may not be given by a task, or "" when it may.
std::string value_problem(const OptionWords& o, const std::string& option, std::string_view value) {
  for (const auto& [name, role] : o.value_roles)
    if (name == option)
      if (const char* why = check_element(role, value))
        return "the argument list sets " + option + "=" + std::string(value) + ": " + why;
  if (in(o.namespaces, option) && value.rfind("container:", 0) == 0)
    return "the argument list joins another container's namespace with " + option + "=" + std::string(value) +
           ": a task may not reach another job's container";
  if (in(o.environment, option)) {
    for (auto list = value; !list.empty();) {
      const auto item = next_item(list);
      const auto name = item.substr(0, item.find('='));
      // (A switch of a code variable's family, PYTHONNOUSERSITE=1, loads nothing.)
      const auto setting = setting_role(name);
      if (is_code_variable_in_any_case(name) &&
          !(setting && check_element(*setting, item.substr(std::min(item.size(), name.size() + 1))) == nullptr))
        return "the argument list sets " + std::string(name) + " with " + option + ": a program would run or load "
               "code from it, so a task may not set it";
    }
  }
  if (in(o.mounts, option)) {
    // type=bind,source=/,target=/h (--mount) or SRC:DST[:FLAGS] items.
    const bool keyed = value.find("source=") != std::string_view::npos || value.find("src=") != std::string_view::npos;
    for (auto list = value; !list.empty();) {
      const auto item = next_item(list);
      std::string_view src;
      if (keyed || item.rfind("volume-", 0) == 0) {
        const auto eq = item.find('=');
        const auto key = item.substr(0, std::min(eq, item.size()));
        // volume-opt=device=/etc with the local driver bind-mounts /etc.
        if (key == "volume-opt" || key == "volume-driver")
          return "the argument list sets " + std::string(key) + " in " + option + ": a volume's driver options can "
                 "mount any host path, so a task may not set them";
        if (eq == std::string_view::npos || !(key == "source" || key == "src")) continue;
        src = item.substr(eq + 1);
      } else {
        src = item.substr(0, item.find(':'));
      }
      if (forbidden_mount_source(src))
        return "the argument list mounts " + std::string(src) + " with " + option + ": a task may not mount the "
               "host's root, system directories, paths with '..', hidden entries, or the job's directory or a file "
               "in it by a relative path (the job may start in the glue's home)";
    }
  }
  return {};
}

}  // namespace

const char* check_option_words(const std::vector<std::string>& words, const OptionWords& o, std::string& why,
                               std::vector<bool>* values) {
  if (values) values->assign(words.size(), false);
  if (!o.checked) return nullptr;
  // An option that takes a value and has none in its word takes the list's
  // next word (as getopt and pflag read it, whatever that word is); the
  // last word of the list would take the template's next one.
  const auto value_in_next_word = [&](std::size_t& at, const std::string& option) {
    if (at + 1 >= words.size()) return false;
    why = value_problem(o, option, words[++at]);
    if (values) (*values)[at] = true;
    return true;
  };
  for (std::size_t at = 0; at < words.size(); ++at) {
    const auto& w = words[at];
    if (w.size() < 2 || w[0] != '-') {
      why = "each word of the argument list must be an option of " + o.runner;
      return why.c_str();
    }
    // Open MPI and MPICH read single-dash long options (-np 4, -bind-to
    // core, -map-by node) whole, not as clusters of letters.
    const bool whole_word = w.size() > 2 && w[1] != '-' && [&] {
      const auto name = std::string_view(w).substr(0, w.find('='));
      return in(o.with_value, name) || in(o.flags, name) || in(o.denied, name);
    }();
    if (w.rfind("--", 0) == 0 || whole_word) {
      const auto eq = w.find('=');
      const std::string name = w.substr(0, eq);
      if (in(o.denied, name)) {
        why = "the argument list sets " + name + ", which " + o.runner + " uses to run a program or set the "
              "environment: a task may not set it";
        return why.c_str();
      }
      const bool value = eq != std::string::npos;
      if (value) {
        why = value_problem(o, name, std::string_view(w).substr(eq + 1));
        if (!why.empty()) return why.c_str();
      }
      if ((value && (in(o.with_value, name) || in(o.flags, name))) || (!value && in(o.flags, name))) continue;
      if (!value && in(o.with_value, name) && value_in_next_word(at, name)) {
        if (!why.empty()) return why.c_str();
        continue;
      }
      why = in(o.with_value, name) ? "the argument list has " + name + " without a value in the same word: it would "
                                     "take the template's next word; write " + name + "=VALUE"
                                   : "the argument list has " + name + ", an option " + o.runner +
                                         " does not take without a value here";
      return why.c_str();
    }
    // -abc: letters without a value, the last may take the rest of the word.
    for (std::size_t k = 1; k < w.size(); ++k) {
      const std::string letter = std::string("-") + w[k];
      if (in(o.denied, letter)) {
        why = "the argument list sets " + letter + ", which " + o.runner + " uses to run a program or set the "
              "environment: a task may not set it";
        return why.c_str();
      }
      if (in(o.flags, letter)) continue;
      if (in(o.with_value, letter) && k + 1 < w.size()) {
        // -v=/:/h is -v with the value /:/h to docker, podman, singularity
        // (pflag) and Open MPI; "=/:/h" to getopt: check both readings.
        const auto rest = std::string_view(w).substr(k + 1);
        why = value_problem(o, letter, rest);
        if (why.empty() && rest.front() == '=') why = value_problem(o, letter, rest.substr(1));
        if (!why.empty()) return why.c_str();
        break;
      }
      if (in(o.with_value, letter) && value_in_next_word(at, letter)) {
        if (!why.empty()) return why.c_str();
        break;
      }
      why = in(o.with_value, letter) ? "the argument list has " + letter + " without a value in the same word: it "
                                       "would take the template's next word; write " + letter + "VALUE"
                                     : "the argument list has " + w + ", which is not an option " + o.runner +
                                           " knows";
      return why.c_str();
    }
  }
  return nullptr;
}

}  // namespace slurmglue::render

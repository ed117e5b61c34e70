// Images family: literal container image references (in #SBATCH lines and on
// command lines such as an srun wrapper) against the OCI reference grammar
// and the forms the target Enroot release reads (domain.md section 5).
#include <algorithm>

#include <fmt/format.h>

#include "compiler/rules/context.hpp"
#include "runtime/render/value_checks.hpp"

namespace slurmglue::lint {

namespace {
using enum Severity;
constexpr auto F = Family::Images;
#define HEAD "#!/bin/bash\n#SBATCH --container-image="
#define OK "\n${CLEARML_AGENT_EXECUTE}\n"

const RuleInfo kRules[] = {
    {"SG501", "image-reference-syntax", F, Error, "The image reference does not follow the OCI reference grammar.",
     "An image is [USER@][REGISTRY/]IMAGE[:TAG][@sha256:HEX] (or REGISTRY#IMAGE), with lowercase path components "
     "of [a-z0-9] joined by '.', '_', '__' or '-', or a squashfs path starting with '.' or '/'.",
     HEAD "ubuntu:22.04:x" OK, HEAD "ubuntu:22.04" OK},
    {"SG502", "image-uppercase", F, Error, "The image repository has uppercase letters.",
     "Repository names are lowercase in the OCI grammar (tags may hold capitals). Write the name in lowercase.",
     HEAD "nvcr.io/NVIDIA/pytorch:24.01-py3" OK, HEAD "nvcr.io/nvidia/pytorch:24.01-py3" OK},
    {"SG503", "image-slash-registry", F, Error, "Enroot before 4.0 does not read REGISTRY/IMAGE.",
     "Enroot 3.x only knows REGISTRY#IMAGE: docker://nvcr.io/nvidia/pytorch means the Docker Hub image "
     "nvcr.io/nvidia/pytorch there, and HOST:PORT/IMAGE is invalid. Write nvcr.io#nvidia/pytorch (escaped as \\# "
     "or quoted in #SBATCH lines), or target Enroot 4 with --enroot-version.",
     HEAD "nvcr.io/nvidia/pytorch:24.01-py3" OK, HEAD "nvcr.io\\#nvidia/pytorch:24.01-py3" OK,
     "--enroot-version 3.5"},
    {"SG504", "image-localhost", F, Warning, "'localhost/IMAGE' is a Docker Hub image for Enroot.",
     "Enroot takes the first component for a registry only when it holds '.' or ':'; 'localhost' alone is a "
     "Docker Hub user. Write localhost:PORT/IMAGE.",
     HEAD "localhost/train:1" OK, HEAD "localhost:5000/train:1" OK},
    {"SG505", "image-digest", F, Error, "The image digest is not @sha256: and 64 lowercase hex digits.",
     "Enroot only accepts sha256 digests, written @sha256:HEX with 64 lowercase hex digits.",
     HEAD "ubuntu@sha256:abc" OK,
     HEAD "ubuntu@sha256:0000000000000000000000000000000000000000000000000000000000000000" OK},
    {"SG506", "image-scheme", F, Error, "The image has a scheme Pyxis does not know.",
     "Pyxis passes docker:// and dockerd:// through and prepends docker:// to anything else, so podman://x or "
     "https://x breaks. Drop the scheme or use docker://.",
     HEAD "podman://ubuntu:22.04" OK, HEAD "docker://ubuntu:22.04" OK},
};
#undef HEAD
#undef OK

struct Image {
  std::string value;
  std::size_t at;
  std::size_t length;
};

// Literal --container-image values on command lines (not #SBATCH lines,
// comments or here-documents): "--container-image=X" or "--container-image X".
void shell_images(const Context& c, std::vector<Image>& out) {
  constexpr std::string_view kOption = "--container-image";
  const std::string& t = c.text();
  for (std::size_t at = t.find(kOption); at != std::string::npos; at = t.find(kOption, at + 1)) {
    const auto pos = c.source.position(at);
    const auto line = c.source.line_text(pos.line);
    if (line.starts_with("#") || c.in_heredoc(at)) continue;
    const auto before = line.substr(0, pos.column - 1);
    if (before.find('#') != std::string_view::npos) continue;
    std::size_t k = at + kOption.size();
    if (k >= t.size() || (t[k] != '=' && t[k] != ' ')) continue;
    ++k;
    std::size_t end = k;
    while (end < t.size() && std::string_view(" \t\n;|&)").find(t[end]) == std::string_view::npos) ++end;
    std::string v = t.substr(k, end - k);
    std::size_t vat = k;
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
      v = v.substr(1, v.size() - 2);
      ++vat;
    }
    if (v.starts_with("${CLEARML_") && v.ends_with('}') && v.find('}') == v.size() - 1) {
      if (auto d = c.literal_default(std::string(1, kStandIn), vat)) out.push_back({d->first, d->second, d->first.size()});
      continue;
    }
    if (v.empty() || v.find_first_of("$`\"'\\") != std::string::npos) continue;
    out.push_back({v, vat, v.size()});
  }
}

bool lower_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char ch) { return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'); });
}

void check_image(Context& c, const Image& img) {
  std::string_view v = img.value;
  if (v.empty() || v[0] == '.' || v[0] == '/') return;  // a squashfs file
  if (auto scheme = v.find("://"); scheme != std::string_view::npos) {
    const auto s = v.substr(0, scheme);
    if (s != "docker" && s != "dockerd") {
      c.report("image-scheme", img.at, scheme + 3,
               fmt::format("Pyxis does not know '{}://' (it would prepend docker://): use docker:// or no scheme", s));
      return;
    }
    v = v.substr(scheme + 3);
  }
  // USER@ before the name (an '@' before any '/' or '#', not a digest).
  if (auto at = v.find('@'); at != std::string_view::npos && v.find_first_of("/#") > at &&
                             !v.substr(at).starts_with("@sha256:"))
    v = v.substr(at + 1);
  const std::size_t name_at = img.value.size() - v.size();
  std::string_view digest;
  if (auto at = v.find('@'); at != std::string_view::npos) {
    digest = v.substr(at);
    v = v.substr(0, at);
    if (!digest.starts_with("@sha256:") || digest.size() != 8 + 64 || !lower_hex(digest.substr(8))) {
      c.report("image-digest", img.at + name_at + v.size(), digest.size(),
               "a digest must be @sha256: and 64 lowercase hex digits (Enroot accepts no other)");
      return;
    }
  }
  std::string_view registry, repo = v;
  bool hash_form = false;
  if (auto hash = v.find('#'); hash != std::string_view::npos) {
    registry = v.substr(0, hash);
    repo = v.substr(hash + 1);
    hash_form = true;
  } else if (auto slash = v.find('/'); slash != std::string_view::npos) {
    const auto first = v.substr(0, slash);
    if (first.find_first_of(".:") != std::string_view::npos) {
      registry = first;
      repo = v.substr(slash + 1);
    } else if (first == "localhost") {
      c.report("image-localhost", img.at + name_at, slash,
               "Enroot reads 'localhost/...' as a Docker Hub image: write localhost:PORT/IMAGE for a local registry");
      return;
    }
  }
  const auto last_slash = repo.rfind('/');
  const auto colon = repo.find(':', last_slash == std::string_view::npos ? 0 : last_slash);
  const auto path = repo.substr(0, colon);
  if (std::any_of(path.begin(), path.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
    std::string lower(path);
    for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    c.report("image-uppercase", img.at + (path.data() - img.value.data()), path.size(),
             fmt::format("image repositories are lowercase: write '{}'", lower), lower);
    return;
  }
  if (!registry.empty() && !hash_form && c.options.enroot < EnrootVersion{4, 0}) {
    c.report("image-slash-registry", img.at + name_at, registry.size() + 1,
             fmt::format("Enroot {} reads '{}/' as part of a Docker Hub name, not a registry: write {}#{} (\\# in "
                         "#SBATCH lines)",
                         to_string(c.options.enroot), registry, registry, repo),
             std::string(registry) + "#" + std::string(repo));
    return;
  }
  if (!render::check_value(render::ValueKind::ContainerImage, img.value).empty())
    c.report("image-reference-syntax", img.at, img.length,
             fmt::format("'{}' is not an image reference: [USER@][REGISTRY/]IMAGE[:TAG][@sha256:HEX] with lowercase "
                         "IMAGE, or REGISTRY#IMAGE",
                         img.value));
}

}  // namespace

std::span<const RuleInfo> image_rules() { return kRules; }

void check_images(Context& c) {
  std::vector<Image> images;
  for (const auto* o : c.all_options()) {
    if (!o->item.option || o->item.option->name != "container-image" || !o->value) continue;
    if (!o->value_has_placeholder)
      images.push_back({*o->value, o->value_at, o->value_length});
    else if (auto d = c.literal_default(*o->value, o->value_at))
      images.push_back({d->first, d->second, d->first.size()});
  }
  shell_images(c, images);
  for (const auto& img : images) check_image(c, img);
}

}  // namespace slurmglue::lint

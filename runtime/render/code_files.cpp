#include "runtime/render/code_files.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <unordered_set>

namespace slurmglue::render {
namespace {

std::string_view base_of(std::string_view p) {
  const auto slash = p.rfind('/');
  return slash == std::string_view::npos ? p : p.substr(slash + 1);
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() > tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool starts_with(std::string_view s, std::string_view head) { return s.rfind(head, 0) == 0; }

bool any_of(std::string_view s, std::initializer_list<std::string_view> set) {
  for (auto x : set)
    if (s == x) return true;
  return false;
}

// The names of files that are code wherever they stand (is_code_file).
constexpr std::string_view kCodeNames[] = {
    "Makefile", "makefile", "GNUmakefile", "CMakeLists.txt", ".bashrc", ".bash_profile", ".profile",
    ".zshrc", ".bash_login", ".bash_logout", ".inputrc", "sitecustomize.py", "usercustomize.py",
    "conftest.py", ".envrc", "rc", "Dockerfile", "Containerfile", "Singularity", "Apptainer",
    // Start-up and configuration files whose lines run commands, load code or
    // become a program's options (gdb's shell, npm's node-options, git's
    // core.pager, curl's output, pytest's addopts -p, .mavenrc sourced by mvn).
    ".gdbinit", ".lldbinit", ".npmrc", ".yarnrc", ".yarnrc.yml", ".curlrc", ".wgetrc", ".psqlrc",
    ".sqliterc", ".duckdbrc", ".my.cnf", ".screenrc", ".tmux.conf", ".vimrc", ".gvimrc", ".exrc",
    ".gitconfig", ".hgrc", ".pylintrc", "pylintrc", ".coveragerc", "pytest.ini", "tox.ini",
    "setup.cfg", "pyproject.toml", ".bazelrc", ".mavenrc", "mavenrc", "jvm.config", "maven.config",
    "gradle.properties", ".mailrc", ".muttrc", ".irbrc", ".pryrc", ".perldb", ".octaverc",
    ".tclshrc", ".wishrc", ".emacs", ".xinitrc", ".xsession", ".Renviron", "Rprofile.site",
    ".pythonrc", ".lessfilter", ".Rprofile", ".pdbrc", ".guile", ".sbclrc", ".ghci", ".gnuplot",
    ".juliarc", ".clisprc", ".racketrc", ".erlang", ".iex.exs",
    // Files of command lines task runners run: npm run's scripts,
    // foreman's Procfile, just, task, dvc stages, MLflow entry points,
    // supervisord programs, pipenv, pixi, deno and compose commands.
    "package.json", "Procfile", "justfile", "Justfile", ".justfile", "Taskfile.yml",
    "Taskfile.yaml", "taskfile.yml", "taskfile.yaml", "dvc.yaml", "MLproject", "supervisord.conf",
    "Pipfile", "pixi.toml", "deno.json", "deno.jsonc", "docker-compose.yml", "docker-compose.yaml",
    "compose.yml", "compose.yaml", "Rakefile", "Vagrantfile", "noxfile.py", "tasks.py",
    // Build files that are code (Ruby, Starlark, Groovy, meson's
    // run_command, ant's exec, maven's plugins, bake's and hatch's
    // commands, cargo's build scripts, CI jobs, nextflow's config).
    "Gemfile", "Brewfile", "Podfile", "Fastfile", "Guardfile", "Capfile", "Berksfile", "Dangerfile",
    "BUILD", "WORKSPACE", "MODULE.bazel", "meson.build", "meson_options.txt", "meson.options",
    "Tiltfile", "Earthfile", "build.xml", "pom.xml", "hatch.toml", "Cargo.toml", ".gitlab-ci.yml",
    "nextflow.config", "conanfile.txt", "wandb-sweep.yaml", "sweep.yaml",
    // mypy imports its plugins= modules; dask runs its
    // workers' and scheduler's preload: entries (modules,
    // files, URLs); valgrind takes its options files as options.
    "mypy.ini", ".mypy.ini", "dask.yaml", "dask.yml", "distributed.yaml", "distributed.yml",
    "valgrindrc", "BSDmakefile"};
// The extensions of code files, hashed: is_code_file runs for every file a
// template names.
const std::unordered_set<std::string_view> kCodeExtensions = {
    ".sh", ".bash", ".zsh", ".ksh", ".csh", ".py", ".pyw", ".pth", ".pl", ".pm", ".rb", ".lua", ".js", ".mjs", ".cjs",
    ".ts", ".php", ".r", ".R", ".jl", ".tcl", ".mk", ".cmake", ".awk", ".sed", ".m", ".ipynb", ".sql", ".mak", ".make",
    ".inc", ".ninja", ".gdb", ".vim", ".el", ".exp", ".nf", ".smk", ".wdl", ".groovy", ".scala", ".java", ".c", ".cc",
    ".cpp", ".cu", ".h", ".hpp", ".go", ".rs", ".so",
    // Python's compiled modules and zip applications, imported or run
    // before the source of the same name (json.pyc beside train.py;
    // attack 208); egg files on sys.path.
    ".pyc", ".pyo", ".pyz", ".pyd", ".egg",
    // Sources a compiler includes or builds, and build files of task runners.
    ".hh", ".hxx", ".cxx", ".c++", ".inl", ".ipp", ".tpp", ".tcc", ".i", ".ii", ".s", ".S", ".cuh", ".hip", ".cl",
    ".pyx", ".pxd", ".pxi", ".f", ".F", ".for", ".f90", ".F90", ".f95", ".f03", ".f08", ".gradle", ".sbt", ".kts",
    ".bzl", ".Rprofile", ".rake",
    // TeX reads \write18 (a shell command under -shell-escape) in any file it inputs.
    ".tex", ".sty", ".cls", ".ltx", ".dtx", ".ins"};
// The starts of names of code files (Makefile.local, Snakefile.smk), in
// any case for the second list (Taskfile.dist.yml, Dockerfile.gpu).
constexpr std::string_view kCodeHeads[] = {"Makefile", "makefile", "GNUmakefile", "Snakefile", "Jenkinsfile", ".modulerc"};
constexpr std::string_view kCaseBlindHeads[] = {"taskfile",   "procfile",     "docker-compose", "compose.",
                                                "dockerfile", "containerfile", "sconstruct",    "sconscript",
                                                "docker-bake.", "build.bazel", "workspace.bazel"};
// requirements*.txt, constraints*.txt.
constexpr std::string_view kPackageHeads[] = {"requirements", "constraints"};
// The names of files package installers act on (is_package_file).
constexpr std::string_view kPackageNames[] = {
    "pyproject.toml", "setup.cfg", "environment.yml", "environment.yaml", "Pipfile",
    "Pipfile.lock", "poetry.lock", "package.json", ".npmrc", "pip.conf", "pip.ini", ".condarc",
    // uv's and poetry's settings: the index packages come from.
    "uv.toml", "poetry.toml", "pdm.toml", ".pdm.toml"};

}  // namespace

bool is_code_file(std::string_view name) {
  const auto base = base_of(name);
  // (A name that is only an extension, ".py", is not one.)
  if (const auto dot = base.rfind('.'); dot != std::string_view::npos && dot > 0 && kCodeExtensions.count(base.substr(dot)))
    return true;
  // Python's logging.config.fileConfig evaluates a handler's class=, args=
  // and kwargs= (logging.ini, logging.conf, log.cfg).
  if ((starts_with(base, "logging") || starts_with(base, "log.") || starts_with(base, "log_")) &&
      (ends_with(base, ".ini") || ends_with(base, ".conf") || ends_with(base, ".cfg")))
    return true;
  // Makefile.local, GNUmakefile.in; Tcl and Lua modulefiles (any name under a modulefiles directory).
  // Build and task files tools find by name (Taskfile.dist.yml, compose
  // overrides, Procfile.dev, Dockerfile.gpu; justfile in any case).
  // (Compared without a copy: this runs for every file a template names.)
  const auto starts_in_any_case = [&](std::string_view head) {
    return base.size() >= head.size() && std::equal(head.begin(), head.end(), base.begin(), [](char h, char b) {
             return h == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b);
           });
  };
  for (std::string_view head : kCaseBlindHeads)
    if (starts_in_any_case(head)) return true;
  if ((base.size() == 8 && starts_in_any_case("justfile")) || (base.size() == 9 && starts_in_any_case(".justfile")))
    return true;
  // A hidden run-control file (.valgrindrc, .octaverc, .foorc): by
  // convention its program reads it as commands or as more options.
  // (.netrc's words are data, each one word, as its own rule says.)
  if (base.size() > 3 && base[0] == '.' && ends_with(base, "rc") && base != ".netrc") return true;
  if (std::any_of(std::begin(kCodeHeads), std::end(kCodeHeads), [&](std::string_view h) { return starts_with(base, h); }) ||
      name.find("modulefiles/") != std::string_view::npos || name.find("modules/") != std::string_view::npos)
    return true;
  return std::find(std::begin(kCodeNames), std::end(kCodeNames), base) != std::end(kCodeNames) ||
         ends_with(base, ".def");  // container recipes run their RUN / %post
}

bool is_package_file(std::string_view name) {
  const auto base = base_of(name);
  return (std::any_of(std::begin(kPackageHeads), std::end(kPackageHeads), [&](std::string_view h) { return starts_with(base, h); }) &&
          ends_with(base, ".txt")) ||
         ends_with(base, ".whl") ||
         std::find(std::begin(kPackageNames), std::end(kPackageNames), base) != std::end(kPackageNames);
}

bool is_compression_suffix(std::string_view suffix) {
  return any_of(suffix, {".gz", ".bz2", ".bz3", ".bz", ".xz", ".zst", ".zstd", ".lz4", ".lzma", ".lz", ".lzo", ".Z", ".z", ".br", ".sz", ".tpxz"});
}

std::string_view decompressed_name(std::string_view name) {
  for (auto dot = name.rfind('.'); dot != std::string_view::npos && dot > 0 && is_compression_suffix(name.substr(dot));
       dot = name.rfind('.'))
    name = name.substr(0, dot);
  return name;
}

namespace {
bool code_or_package(std::string_view name) { return is_code_file(name) || is_package_file(name); }
}  // namespace

bool may_end_code_name(std::string_view tail) {
  if (tail.find('/') != std::string_view::npos) return code_or_package(tail);
  // "x.": a value "py" after "$NAME." of another value. (A name written
  // out in full, "Makefile" of "Make" and "file", is asked of the text
  // before: may_begin_code_name.)
  for (std::string_view before : {"", "x", "x."})
    if (code_or_package(std::string(before) + std::string(tail))) return true;
  // "y" after "train.p" (attack 214): the end of an extension.
  return !tail.empty() && tail.find('.') == std::string_view::npos &&
         std::any_of(kCodeExtensions.begin(), kCodeExtensions.end(),
                     [&](std::string_view e) { return e.size() > tail.size() && e.ends_with(tail); });
}

bool may_begin_code_name(std::string_view head) {
  head = base_of(head);
  if (head.empty()) return false;  // (the text after makes the name)
  // (Any name + ".py" is code: the text after it, a value, answers that
  // with may_end_code_name.)
  for (std::string_view after : {"", "x", "rc", "x.txt", "x.ini", "_x.ini", ".ini"})
    if (code_or_package(std::string(head) + std::string(after))) return true;
  const auto lower = [](std::string_view s) {
    std::string out(s);
    for (auto& ch : out) ch = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    return out;
  };
  const auto begins = [&](std::string_view n) { return n.size() > head.size() && n.starts_with(head); };
  // "train.p" before "y" (attack 214): the start of an extension.
  if (const auto dot = head.rfind('.'); dot != std::string_view::npos && dot + 1 < head.size() &&
                                        std::any_of(kCodeExtensions.begin(), kCodeExtensions.end(), [&](std::string_view e) {
                                          return e.size() > head.size() - dot && e.starts_with(head.substr(dot));
                                        }))
    return true;
  const auto begins_in_any_case = [&](std::string_view n) { return lower(n).starts_with(lower(head)) && n.size() > head.size(); };
  return (std::any_of(std::begin(kCodeNames), std::end(kCodeNames), begins) ||
                           std::any_of(std::begin(kPackageNames), std::end(kPackageNames), begins) ||
                           std::any_of(std::begin(kCodeHeads), std::end(kCodeHeads), begins) ||
                           std::any_of(std::begin(kPackageHeads), std::end(kPackageHeads), begins) ||
                           std::any_of(std::begin(kCaseBlindHeads), std::end(kCaseBlindHeads), begins_in_any_case));
}

}  // namespace slurmglue::render

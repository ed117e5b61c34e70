// File names whose content programs run or load as code: scripts, modules,
// build files, shell start-up files, container recipes, and the files
// package installers act on. Shared by the compiler (files the template
// writes and runs) and the renderer (a file a value names by its last
// component, as wget URL or cp "$V" DIR does).
#pragma once

#include <string_view>

namespace slurmglue::render {

// Whether the file `path` names (by its last component) holds code.
bool is_code_file(std::string_view path);
// Whether a package installer or environment manager acts on it
// (requirements*.txt, pyproject.toml, setup.cfg, environment.yml, *.whl).
bool is_package_file(std::string_view path);
// Whether a decompressor strips `suffix` (".gz", ".zst", ...) from the name
// of the file it makes: gunzip job_env.sh.gz makes job_env.sh.
bool is_compression_suffix(std::string_view suffix);
// `name` without the compression suffixes it ends in (x.sh.gz.xz -> x.sh).
std::string_view decompressed_name(std::string_view name);
// Whether a name ending in `tail`, whatever text comes before it (another
// expansion in the same name: "${RUN}.${FMT}"), may be code or a package
// list (".py", "py" after a '.', "y" after ".p").
bool may_end_code_name(std::string_view tail);
// Whether a name starting with `head`, whatever text follows, may be
// (Makefile*, "requirements" then "-dev.txt", "setup" of setup.cfg, "x.p"
// of x.py); not counting an extension the text after adds after a '.' of
// its own, which is asked of that text.
bool may_begin_code_name(std::string_view head);

}  // namespace slurmglue::render

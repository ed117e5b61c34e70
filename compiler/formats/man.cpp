#include <sstream>

#include <fmt/format.h>

#include "compiler/formats/formats.hpp"
#include "compiler/lint_config.hpp"
#include "compiler/shell_lexer.hpp"
#include "runtime/files/read_file.hpp"

namespace slurmglue::lint {

namespace {

// Roff-safe text: backslashes and hyphens escaped, control bytes shown, and
// no line starting with '.' or '\''.
std::string roff(std::string_view s) {
  std::string out;
  bool line_start = true;
  for (char c : s) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    line_start = c == '\n';
    switch (c) {
      case '\\': out += "\\e"; break;
      case '-': out += "\\-"; break;
      case '\0': out += "<NUL>"; break;
      case '\r': out += "<CR>"; break;
      default: out += c;
    }
  }
  return out;
}

void example(std::ostream& out, std::string_view title, const RuleInfo& r, std::string_view text) {
  out << ".PP\n" << title << ":\n.PP\n.RS 4\n.EX\n" << roff(text);
  if (!text.ends_with('\n')) out << '\n';
  out << ".EE\n.RE\n";
  const auto result = example_output(r, text);
  out << ".PP\n" << (result.empty() ? "lints clean.\n" : "reports:\n.PP\n.RS 4\n.EX\n" + roff(result) + ".EE\n.RE\n");
}

constexpr std::string_view kHead = R"(.TH SLURMGLUE\-LINT 1 "" "slurmglue @VERSION@" "User Commands"
.SH NAME
slurmglue\-lint \- check slurmglue batch templates before they reach sbatch
.SH SYNOPSIS
.B slurmglue\-lint
[\fIoptions\fR] \fIFILE\fR|\fIDIR\fR|\fB\-\fR ...
.SH DESCRIPTION
.B slurmglue\-lint
compiles each template the way slurmglue does and checks it against what
sbatch, Slurm, Pyxis and Enroot will do with it, and against the contract
between the template and the ClearML glue. Each finding names its rule in
brackets; every rule has a stable id (SGnnn) and name, listed below with a
failing and a passing example.
.PP
With \fB\-\-profile sbatch\fR it lints any Slurm batch script: the #SBATCH
lines as the target sbatch reads them, the directive set as a whole, Pyxis
options, shell syntax bash rejects, and (with \-\-shellcheck) ShellCheck.
A script whose #! line runs another language (python3, perl, Rscript,
tcsh) gets only the checks of the file and of its directives: sbatch reads
its #SBATCH lines all the same, and what bash would make of the rest says
nothing. ShellCheck reads only sh, bash, dash and ksh scripts.
.PP
A \fIDIR\fR is searched recursively for files ending in \fB.tpl\fR,
\fB.template\fR, \fB.sbatch\fR, \fB.sh\fR or \fB.slurm\fR (hidden
directories are skipped).
\fB\-\fR reads one template from standard input.
.SH OPTIONS
.TP
.BI \-\-profile " clearml|sbatch"
What the files are: \fBclearml\fR (the default) templates the glue renders;
\fBsbatch\fR any Slurm batch script, without the agent-contract rules, where a
${CLEARML_...} placeholder is reported (placeholder\-in\-script).
.TP
.BI \-\-format " human|gcc|json|sarif|github"
Output format (default human: file:line:col, message, [rule], the source line
and a caret; colour on a terminal). gcc prints one line per finding; json an
array of objects (file, line, column, length, severity, rule, id, message,
fix); sarif a SARIF 2.1.0 log; github workflow annotations
(::error file=F,line=L,col=C,title=RULE::MESSAGE). Columns count bytes
from 1, as gcc and clang count them, in every format but sarif, whose
columns count characters (its columnKind is unicodeCodePoints).
.TP
.B \-\-no\-color
No colour in human output.
.TP
.BI \-\-stdin\-filename " NAME"
The file name to report for \fB\-\fR (default <stdin>).
.TP
.BI \-\-slurm\-version " X.Y"
Target Slurm release, 22.05 to 26.05 (default: the newest).
.TP
.BI \-\-pyxis\-version " X.Y[.Z]|none"
Target Pyxis release, or none when sbatch has no Pyxis (default: the newest).
.TP
.BI \-\-enroot\-version " X.Y"
Target Enroot release (default 4.0); before 4.0 only REGISTRY#IMAGE names a registry.
.TP
.B \-\-srun\-delegation
The template is linted for a glue run with \-\-srun\-delegation (srun-wrapper style).
.TP
.B \-\-shellcheck
Also run ShellCheck on the shell part, one ShellCheck process for all the
files: each placeholder is replaced by text of the same width (a variable
inside double quotes, a plain word elsewhere, the no-op ':' for a code slot
alone on its line), and each finding is reported at the template's line and
column as rule shellcheck. SC2054 on an option whose value is a comma list
(\-\-container\-mounts=a:b,c:d) and SC2154 on a site variable are dropped.
.TP
.BI \-\-config " FILE"
Read settings from FILE instead of the nearest \fB.slurmglue\-lint.yaml\fR in
the template's directory or above it (for \fB\-\fR, the current directory).
.TP
.BI \-\-disable " RULE[,RULE]"
Disable rules (names or ids); repeat the option for more. It takes one value,
so files may follow it.
.TP
.B \-\-list\-rules
List every rule: id, name, severity, summary.
.TP
.BI \-\-explain " RULE"
Explain a rule, with its examples.
.TP
.B \-\-print\-man
Print this manual page (it is generated from the rule registry).
.TP
.BR \-\-init " [\fIDIR\fR]"
Write a \fB.slurmglue\-lint.yaml\fR in the current directory (or \fIDIR\fR)
showing every setting, each commented out, with what it means; an existing
file is never overwritten (exit 2).
.TP
.BR \-\-help ", " \-\-version
.SH CONFIGURATION
The YAML file holds any of:
.PP
.RS 4
.EX
slurm\-version: "23.11"
pyxis\-version: "0.20"      # or none
enroot\-version: "3.5"
srun\-delegation: false     # or a list: [pyxis\-srun\-wrapper.tpl]
profile: sbatch            # or clearml
shellcheck: true
site\-variables: [scratch_dir]   # set by modules or the site: not SC2154
disable: [abbreviated\-option, SG606]
severity: {duplicate\-option: error}
.EE
.RE
.PP
A list for \fBsrun\-delegation\fR names the templates (relative to the file)
that the glue runs with \-\-srun\-delegation; the others are linted without it.
Each value is read whole; a bad one is an error naming the file, line, column
and key. Command-line options override the file.
.SH SUPPRESSION
A comment in the template disables rules (names or ids, or \fBall\fR):
.TP
.B # slurmglue\-lint disable=RULE[,RULE]
alone on a line: for the next line; at the end of a line (after code or an
#SBATCH directive): for that line.
.TP
.B # slurmglue\-lint disable\-file=RULE[,RULE]
anywhere: for the whole file.
.SH CONTINUOUS INTEGRATION
Lint the templates on every change, and fail the job on findings (exit 1):
.PP
.RS 4
.EX
slurmglue\-lint \-\-format github templates/
.EE
.RE
.PP
\fB\-\-format github\fR prints one GitHub Actions workflow command per
finding, which GitHub shows as an annotation on the file's line in the
pull request:
.PP
.RS 4
.EX
::error file=templates/gpu.tpl,line=2,col=9,title=unknown\-option::sbatch 26.05 has no option \-\-partion; did you mean \-\-partition?
.EE
.RE
.PP
The level is \fBerror\fR for an error, \fBwarning\fR for a warning and
\fBnotice\fR for info and style; \fBtitle\fR is the rule's name; the file is
named as it was given (run from the repository's root so that the paths
match). In the message, '%', CR and LF are written %25, %0D and %0A; in the
file and title also ':' and ',' (%3A, %2C).
.PP
\fB\-\-format sarif\fR writes a SARIF 2.1.0 log (one run; every rule
with its id, name and default level; each result with its file, line and
column) for code scanning services, e.g. GitHub's upload\-sarif action, which
shows the findings as code scanning alerts. An example workflow and a
pre\-commit hook (\fB.pre\-commit\-hooks.yaml\fR, hook id
\fBslurmglue\-lint\fR) are in the source tree and in
\fB/usr/share/doc/slurmglue/examples/\fR.
.PP
On a terminal, linting many files shows its progress on standard error;
piped or redirected, it prints only the findings.
.SH EXIT STATUS
0 no findings; 1 findings; 2 usage error (bad option, bad configuration);
3 fatal (a file could not be read).
.SH LIMITS
A template (a file or standard input) larger than @TEMPLATE@, sbatch\(aqs
default limit on a whole script, is refused, and no more of it is read (exit
3). A template holding a NUL byte (a binary or UTF\-16 file) gets that one
error (SG204) and no other. Constructs nested deeper than
@NESTING@ levels, and more than 16 here\-documents started on one line (bash
refuses those), are an error and the rest of the file is not read. A
\fI.slurmglue\-lint.yaml\fR larger than @CONFIG@ is a configuration error
(exit 2). So linting takes time and memory linear in the input, bounded by
these sizes (see LIMITS in
.BR slurmglue\-template (5)).
.SH RULES
)";

constexpr std::string_view kTail = R"(.SH SEE ALSO
.BR slurmglue\-render (1),
.BR sbatch (1),
.BR shellcheck (1)
)";

}  // namespace

std::string example_output(const RuleInfo& rule, std::string_view example) {
  LintOptions options;
  const auto error = apply_option_words(rule.example_options, options);
  if (!error.empty()) return "bad example options: " + error + "\n";
  // Examples are the smallest template that shows their rule; a job name
  // line in each would only hide what they are about.
  if (rule.name != "missing-job-name") options.disabled.insert("missing-job-name");
  Source source("example.tpl", std::string(example));
  FileResult file{source, lint(source, options)};
  std::ostringstream out;
  print_gcc(out, {file});
  return out.str();
}

void print_man(std::ostream& out, std::string_view tool_version) {
  std::string head(kHead);
  const auto fill = [&head](std::string_view name, const std::string& value) {
    head.replace(head.find(name), name.size(), value);
  };
  fill("@VERSION@", std::string(tool_version));
  // The bounds come from the code, so that the page cannot drift from them.
  fill("@TEMPLATE@", files::describe_size(compiler::kMaxTemplateBytes));
  fill("@NESTING@", std::to_string(compiler::kMaxShellNesting));
  fill("@CONFIG@", files::describe_size(kMaxLintConfigBytes));
  out << head;
  std::optional<Family> family;
  for (const auto& r : rules()) {
    if (family != r.family) {
      family = r.family;
      out << ".SS " << roff(to_string(r.family)) << " rules\n";
    }
    out << ".TP\n.B " << r.id << " " << roff(r.name) << " (" << to_string(r.severity) << ")\n" << roff(r.summary)
        << "\n.RS\n.PP\n" << roff(r.explanation) << '\n';
    if (!r.example_options.empty()) out << ".PP\nExamples linted with " << roff(r.example_options) << ".\n";
    if (r.failing.empty())
      out << ".PP\nFailing example: not shown (see above).\n";
    else
      example(out, "Failing example", r, r.failing);
    example(out, "Passing example", r, r.passing);
    out << ".RE\n";
  }
  out << kTail;
}

}  // namespace slurmglue::lint

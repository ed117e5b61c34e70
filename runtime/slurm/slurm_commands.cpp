#include "runtime/slurm/slurm_commands.hpp"

#include <array>
#include <cctype>

namespace slurmglue::slurm {

namespace {

// The squeue listing asked for: fields joined by '|', the comment (free text)
// last so that a '|' in it cannot shift the others.
constexpr std::string_view kSqueueFormat = "%i|%T|%r|%u|%k";

std::string trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return std::string(text);
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// sbatch's words when slurmctld could not be reached or is too busy: the
// submission may succeed later. (sbatch retries "temporarily unable" itself
// for a while before it gives up.)
bool says_transient(std::string_view err) {
  static constexpr std::array<std::string_view, 12> kTransient = {
      "Unable to contact slurm controller", "Socket timed out", "Connection refused",
      "temporarily unable",                 "Resource temporarily unavailable", "Zero Bytes were transmitted",
      "Communication connection failure",   "Transport endpoint",               "standby mode",
      "Unable to establish",                "Connection timed out",             "Slurmctld is busy"};
  for (const auto words : kTransient) {
    if (contains(err, words)) return true;
  }
  return false;
}

}  // namespace

SlurmCommands::SlurmCommands(CommandOptions options) : options_(std::move(options)) {}

process::Outcome SlurmCommands::run(std::vector<std::string> argv) {
  process::Command command;
  command.argv = std::move(argv);
  command.environment = options_.environment;
  command.timeout = options_.timeout;
  command.die_with_parent = true;
  return process::run(command);
}

std::string SlurmCommands::version() {
  const auto outcome = run({"sbatch", "--version"});
  if (!outcome.ok()) return {};
  // "slurm 22.05.8" (some builds print "slurm-wlm 22.05.8").
  const std::string text = trim(outcome.out);
  const auto space = text.rfind(' ');
  return space == std::string::npos ? text : text.substr(space + 1);
}

bool SlurmCommands::has_pyxis() {
  const auto outcome = run({"sbatch", "--help"});
  return outcome.ok() && contains(outcome.out, "--container-image");
}

SubmitResult SlurmCommands::classify(const process::Outcome& outcome) {
  SubmitResult result;
  std::string words = trim(outcome.err);
  if (outcome.ok()) {
    // --parsable prints "ID" or "ID;CLUSTER".
    std::string id = trim(outcome.out);
    id = id.substr(0, id.find(';'));
    const bool numeric = !id.empty() && id.find_first_not_of("0123456789") == std::string::npos;
    if (numeric) {
      result.kind = SubmitResult::Kind::Submitted;
      result.job_id = id;
      result.message = std::move(words);  // warnings sbatch printed
      return result;
    }
    // Exit 0 without an id: something other than sbatch answered; the job may exist.
    result.kind = SubmitResult::Kind::Transient;
    result.message = "sbatch printed no job id: " + trim(outcome.out);
    return result;
  }
  if (!outcome.started || outcome.timed_out || outcome.signal != 0) {
    result.kind = SubmitResult::Kind::Transient;
    result.message = "sbatch " + outcome.describe() + (words.empty() ? "" : ": " + words);
    return result;
  }
  result.kind = says_transient(words) ? SubmitResult::Kind::Transient : SubmitResult::Kind::Rejected;
  result.message = words.empty() ? "sbatch " + outcome.describe() : words;
  return result;
}

SubmitResult SlurmCommands::submit(const Submission& submission) {
  process::Command command;
  command.argv = {"sbatch", "--parsable"};
  command.argv.insert(command.argv.end(), submission.options.begin(), submission.options.end());
  command.environment = submission.environment;
  command.input = submission.script;
  command.timeout = options_.timeout;
  command.as_user = submission.as_user;
  command.directory = submission.directory;
  command.die_with_parent = true;  // a killed agent's sbatch must not submit behind its back
  return classify(process::run(command));
}

std::optional<Job> SlurmCommands::parse_job_line(std::string_view line) {
  std::array<std::string_view, 4> fields;
  for (auto& field : fields) {
    const auto bar = line.find('|');
    if (bar == std::string_view::npos) return std::nullopt;
    field = line.substr(0, bar);
    line.remove_prefix(bar + 1);
  }
  Job job{trim(fields[0]), trim(fields[1]), trim(fields[2]), std::string(line), trim(fields[3])};
  if (job.id.empty() || job.id.find_first_not_of("0123456789_[]-") != std::string::npos) return std::nullopt;
  return job;
}

std::optional<std::vector<Job>> SlurmCommands::jobs(const std::string& tag_prefix,
                                                     const std::vector<std::string>& users) {
  std::vector<std::string> argv = {"squeue", "--noheader", "--all", "--states=all",
                                   "--format=" + std::string(kSqueueFormat)};
  if (!users.empty()) {
    std::string list;
    for (const auto& user : users) list += (list.empty() ? "" : ",") + user;
    argv.push_back("--user=" + list);
  }
  const auto outcome = run(std::move(argv));
  if (!outcome.ok()) return std::nullopt;
  std::vector<Job> jobs;
  std::string_view text = outcome.out;
  while (!text.empty()) {
    const auto end = text.find('\n');
    const auto line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (auto job = parse_job_line(line); job && job->tag.rfind(tag_prefix, 0) == 0) jobs.push_back(std::move(*job));
  }
  return jobs;
}

JobDetails SlurmCommands::parse_details(std::string_view text) {
  // "Key=value Key=value ..." where some values hold blanks: a field starts
  // at a blank followed by a word and '='.
  JobDetails details;
  auto value_of = [&](std::string_view key) -> std::string {
    const std::string needle = " " + std::string(key) + "=";
    auto at = (" " + std::string(text)).find(needle);
    if (at == std::string::npos) return {};
    std::size_t begin = at + needle.size() - 1;  // offset in text
    std::size_t end = begin;
    while (end < text.size()) {
      if (text[end] == '\n') break;
      if (text[end] == ' ') {
        std::size_t k = end + 1;
        while (k < text.size() && (std::isalnum(static_cast<unsigned char>(text[k])) || text[k] == '_' ||
                                   text[k] == ':' || text[k] == '/')) {
          ++k;
        }
        if (k > end + 1 && k < text.size() && text[k] == '=') break;
      }
      ++end;
    }
    return std::string(text.substr(begin, end - begin));
  };
  details.exit_code = value_of("ExitCode");
  details.std_out = value_of("StdOut");
  details.reason = value_of("Reason");
  return details;
}

std::optional<JobDetails> SlurmCommands::details(const std::string& job_id) {
  const auto outcome = run({"scontrol", "--oneliner", "show", "job", job_id});
  if (!outcome.ok()) return std::nullopt;
  return parse_details(outcome.out);
}

bool SlurmCommands::cancel(const std::vector<std::string>& job_ids) {
  if (job_ids.empty()) return true;
  std::vector<std::string> argv = {"scancel"};
  argv.insert(argv.end(), job_ids.begin(), job_ids.end());
  return run(std::move(argv)).ok();
}

}  // namespace slurmglue::slurm

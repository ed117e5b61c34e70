// The value formats of typed sbatch options (grammar/slurm_values.hpp) as the
// renderer checks them (runtime/render/value_checks.cpp): --time, --mem,
// --nodes and integers. Checked: what is accepted is made only of the
// characters its format documents, so it cannot leave its #SBATCH word.
#include <string>

#include "runtime/render/value_checks.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace sg = slurmglue;
using sg::render::ValueKind;

namespace {
bool only(std::string_view value, std::string_view allowed) {
  return value.find_first_not_of(allowed) == std::string_view::npos;
}
bool upper_equals(std::string_view value, std::string_view word) {
  if (value.size() != word.size()) return false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i] >= 'a' && value[i] <= 'z' ? static_cast<char>(value[i] - 32) : value[i];
    if (c != word[i]) return false;
  }
  return true;
}
}  // namespace

SLURMGLUE_FUZZ_TARGET(slurm_values) {
  constexpr std::string_view digits = "0123456789";
  if (sg::render::check_value(ValueKind::Time, input).empty()) {
    SLURMGLUE_FUZZ_CHECK(only(input, "0123456789:-") || upper_equals(input, "UNLIMITED") ||
                         upper_equals(input, "INFINITE"));
  }
  if (sg::render::check_value(ValueKind::Memory, input).empty()) {
    // (A unit may take a B after it: 32GB.)
    const auto number = input.size() > 2 && (input.back() == 'B' || input.back() == 'b') &&
                                only(input.substr(input.size() - 2, 1), "KMGTkmgt")
                            ? input.substr(0, input.size() - 1)
                            : input;
    SLURMGLUE_FUZZ_CHECK(!number.empty() && only(number.substr(0, number.size() - 1), digits) &&
                         only(number.substr(number.size() - 1), "0123456789KMGTkmgt"));
  }
  if (sg::render::check_value(ValueKind::NodeCount, input).empty()) {
    SLURMGLUE_FUZZ_CHECK(!input.empty() && only(input, "0123456789-,:kKmM+"));  // (MIN-MAX:STEP, 1k, +2)
  }
  if (sg::render::check_value(ValueKind::Priority, input).empty()) {
    SLURMGLUE_FUZZ_CHECK(sg::render::check_value(ValueKind::Integer, input).empty() || upper_equals(input, "TOP"));
  }
  if (sg::render::check_value(ValueKind::Integer, input).empty()) {
    SLURMGLUE_FUZZ_CHECK(!input.empty() && only(input.substr(input[0] == '-' || input[0] == '+' ? 1 : 0), digits));
  }
  // (The keyword kinds also type a variable sbatch sets: no character but
  // letters, digits, '_' and ',' may pass.)
  if (sg::render::check_value(ValueKind::Count, input).empty()) {
    SLURMGLUE_FUZZ_CHECK(sg::render::check_value(ValueKind::Integer, input).empty() && input[0] != '-' &&
                         input.find_first_not_of("+0") != std::string_view::npos);
  }
  for (const auto kind : {ValueKind::OpenMode, ValueKind::MailTypes, ValueKind::YesNo})
    if (sg::render::check_value(kind, input).empty())
      SLURMGLUE_FUZZ_CHECK(!input.empty() && only(input, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_,"));
  for (const auto kind : {ValueKind::Signal})
    if (sg::render::check_value(kind, input).empty())
      SLURMGLUE_FUZZ_CHECK(!input.empty() && only(input, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:@"));
  if (sg::render::check_value(ValueKind::ArrayIndexes, input).empty())
    SLURMGLUE_FUZZ_CHECK(!input.empty() && only(input, "0123456789-,:%"));
  // (Keyword and list kinds: no character another reader of the job's
  // environment could run, nor a blank but in a time.)
  for (const auto kind : {ValueKind::Hints, ValueKind::Distribution, ValueKind::Dependency})
    if (sg::render::check_value(kind, input).empty())
      SLURMGLUE_FUZZ_CHECK(!input.empty() &&
                           only(input, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_,;:=*?+[]-%"));
  if (sg::render::check_value(ValueKind::TimeSpec, input).empty())
    SLURMGLUE_FUZZ_CHECK(!input.empty() && only(input, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t:/.+-"));
}

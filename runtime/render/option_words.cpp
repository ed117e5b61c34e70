#include "runtime/render/option_words.hpp"

#include <algorithm>

namespace slurmglue::render {
namespace {

bool in(const std::vector<std::string>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

}  // namespace

const char* check_option_words(const std::vector<std::string>& words, const OptionWords& o, std::string& why) {
  if (!o.checked) return nullptr;
  for (const auto& w : words) {
    if (w.size() < 2 || w[0] != '-') {
      why = "each word of the argument list must be an option of " + o.runner;
      return why.c_str();
    }
    if (w.rfind("--", 0) == 0) {
      const auto eq = w.find('=');
      const std::string name = w.substr(0, eq);
      if (in(o.denied, name)) {
        why = "the argument list sets " + name + ", which " + o.runner + " uses to run a program or set the "
              "environment: a task may not set it";
        return why.c_str();
      }
      const bool value = eq != std::string::npos;
      if ((value && (in(o.with_value, name) || in(o.flags, name))) || (!value && in(o.flags, name))) continue;
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
      if (in(o.with_value, letter) && k + 1 < w.size()) break;
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

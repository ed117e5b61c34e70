// Build tool: writes every long option (--name) that appears in a string
// literal of the given sources, sorted and unique, one C++ string literal
// per line, for compiler/long_options.cpp. Comments are skipped, so their
// examples of options cut short do not become known options.
//   collect_long_options OUT SOURCE...
#include <cctype>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>

namespace {

void options_in(const std::string& literal, std::set<std::string>& out) {
  for (std::size_t at = literal.find("--"); at != std::string::npos; at = literal.find("--", at + 2)) {
    if (at > 0 && literal[at - 1] == '-') continue;
    std::size_t end = at + 2;
    if (end >= literal.size() || !std::isalpha(static_cast<unsigned char>(literal[end]))) continue;
    while (end < literal.size() && (std::isalnum(static_cast<unsigned char>(literal[end])) || literal[end] == '-' || literal[end] == '_'))
      ++end;
    out.insert(literal.substr(at, end - at));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: collect_long_options OUT SOURCE...\n";
    return 2;
  }
  std::set<std::string> options;
  for (int a = 2; a < argc; ++a) {
    std::ifstream in(argv[a]);
    if (!in) {
      std::cerr << "collect_long_options: cannot read " << argv[a] << "\n";
      return 1;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (std::size_t k = 0; k < text.size(); ++k) {
      if (text.compare(k, 2, "//") == 0) {
        k = text.find('\n', k);
        if (k == std::string::npos) break;
      } else if (text.compare(k, 2, "/*") == 0) {
        k = text.find("*/", k + 2);
        if (k == std::string::npos) break;
        ++k;
      } else if (text[k] == '\'') {
        // A character literal ('"', '\''): skipped whole.
        for (++k; k < text.size() && text[k] != '\''; ++k)
          if (text[k] == '\\') ++k;
      } else if (text[k] == '"') {
        std::string literal;
        for (++k; k < text.size() && text[k] != '"'; ++k) {
          if (text[k] == '\\') ++k;
          if (k < text.size()) literal += text[k];
        }
        options_in(literal, options);
      }
    }
  }
  std::ostringstream body;
  body << "// Written by compiler/collect_long_options.cpp from the compiler's sources.\n";
  for (const auto& o : options) body << '"' << o << "\",\n";
  // Rewritten only when it changes, so that nothing depending on it rebuilds.
  std::ifstream old(argv[1]);
  const std::string before((std::istreambuf_iterator<char>(old)), std::istreambuf_iterator<char>());
  if (before == body.str()) return 0;
  std::ofstream out(argv[1]);
  out << body.str();
  return out ? 0 : 1;
}

#include "runtime/render/filters.hpp"

#include <algorithm>

namespace slurmglue::render {
namespace {

constexpr std::string_view kWhitespace = " \t\n\r\v\f";

std::string strip(std::string value, std::string_view chars) {
  const auto first = value.find_first_not_of(chars);
  if (first == std::string::npos) return {};
  const auto last = value.find_last_not_of(chars);
  return value.substr(first, last - first + 1);
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

void remove_newlines(std::string& value) {
  std::erase_if(value, [](char c) { return c == '\n' || c == '\r'; });
}

}  // namespace

bool keeps_newlines(const std::vector<Filter>& filters) {
  return std::any_of(filters.begin(), filters.end(),
                     [](const Filter& f) { return f.kind == Filter::Kind::Raw; });
}

bool requires_number(const std::vector<Filter>& filters) {
  return std::any_of(filters.begin(), filters.end(), [](const Filter& f) { return f.kind == Filter::Kind::Number; });
}

bool splits_words(const std::vector<Filter>& filters) {
  return std::any_of(filters.begin(), filters.end(), [](const Filter& f) { return f.kind == Filter::Kind::Words; });
}

bool is_number(std::string_view v, bool exponent) {
  const auto digits = [&](std::size_t& at) {
    const auto from = at;
    while (at < v.size() && v[at] >= '0' && v[at] <= '9') ++at;
    return at - from;
  };
  std::size_t at = 0;
  auto whole = digits(at);
  if (at < v.size() && v[at] == '.') {
    ++at;
    whole += digits(at);
  }
  if (whole == 0) return false;
  if (exponent && at < v.size() && (v[at] == 'e' || v[at] == 'E')) {
    ++at;
    if (at < v.size() && (v[at] == '+' || v[at] == '-')) ++at;
    if (digits(at) == 0) return false;
  }
  return at == v.size();
}

std::string apply_filters(std::string value, const std::vector<Filter>& filters) {
  for (const auto& f : filters) {
    switch (f.kind) {
      case Filter::Kind::Strip:
        value = strip(std::move(value), f.has_argument ? std::string_view(f.argument) : kWhitespace);
        break;
      case Filter::Kind::Capitalize:
        // Like Python's str.capitalize on ASCII: first letter upper, the rest lower.
        for (std::size_t i = 0; i < value.size(); ++i)
          value[i] = i == 0 ? ascii_upper(value[i]) : ascii_lower(value[i]);
        break;
      case Filter::Kind::Lower:
        std::transform(value.begin(), value.end(), value.begin(), ascii_lower);
        break;
      case Filter::Kind::RemoveNewlines:
        remove_newlines(value);
        break;
      case Filter::Kind::Raw:
      case Filter::Kind::Number:
      case Filter::Kind::Words:
        break;
    }
  }
  if (!keeps_newlines(filters)) remove_newlines(value);
  return value;
}

}  // namespace slurmglue::render

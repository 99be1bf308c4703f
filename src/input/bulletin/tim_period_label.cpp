#include "bulletin/tim_period_label.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "kexport/model/period.hpp"
#include "kexport/model/text.hpp"

namespace kexport::input {
namespace {

// A label's words: numbers, month names and dashes ("1", "-", "ŞUBAT").
struct Token {
  enum class Kind { day, month, dash, year } kind;
  int value = 0;
};

std::optional<std::vector<Token>> tokens_of(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t at = 0;
  while (at < text.size()) {
    const char c = text[at];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '.') {
      ++at;
      continue;
    }
    if (c == '-') {
      tokens.push_back({Token::Kind::dash});
      ++at;
      continue;
    }
    if (text.substr(at).starts_with("\xE2\x80\x93") || text.substr(at).starts_with("\xE2\x80\x94")) {
      tokens.push_back({Token::Kind::dash});  // an en or em dash
      at += 3;
      continue;
    }
    std::size_t end = at;
    if (c >= '0' && c <= '9') {
      while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
      const std::string_view digits = text.substr(at, end - at);
      if (digits.size() > 4) return std::nullopt;
      const int value = std::stoi(std::string(digits));
      if (digits.size() == 4 && value >= Period::min_year && value <= Period::max_year)
        tokens.push_back({Token::Kind::year, value});
      else if (digits.size() <= 2 && value >= 1 && value <= 31)
        tokens.push_back({Token::Kind::day, value});
      else
        return std::nullopt;
    } else {
      while (end < text.size() && text[end] != ' ' && text[end] != '-' && text[end] != '.' &&
             !text.substr(end).starts_with("\xE2\x80\x93"))
        ++end;
      const std::string_view word = text.substr(at, end - at);
      const auto month = parse_month(word);
      if (!month || (word[0] >= '0' && word[0] <= '9')) return std::nullopt;
      tokens.push_back({Token::Kind::month, *month});
    }
    at = end;
  }
  // A year after the last month says the year the row of years says too: not needed here.
  if (!tokens.empty() && tokens.back().kind == Token::Kind::year) tokens.pop_back();
  return tokens;
}

// One side of a range: "[day] month"; where it ends.
struct Side {
  std::optional<int> day;
  int month = 0;
};
std::optional<Side> side_at(const std::vector<Token>& tokens, std::size_t& at) {
  Side side;
  if (at < tokens.size() && tokens[at].kind == Token::Kind::day) side.day = tokens[at++].value;
  if (at >= tokens.size() || tokens[at].kind != Token::Kind::month) return std::nullopt;
  side.month = tokens[at++].value;
  return side;
}

}  // namespace

std::optional<PeriodLabel> parse_period_label(std::string_view text) {
  const auto tokens = tokens_of(text);
  if (!tokens || tokens->empty()) return std::nullopt;
  PeriodLabel label;
  std::size_t at = 0;
  // "1 - 28 ŞUBAT": days of one month, the month written once.
  if (tokens->size() >= 4 && (*tokens)[0].kind == Token::Kind::day &&
      (*tokens)[1].kind == Token::Kind::dash) {
    at = 2;
    const auto last = side_at(*tokens, at);
    if (!last || !last->day || at != tokens->size()) return std::nullopt;
    label.first_day = (*tokens)[0].value;
    label.first_month = label.last_month = last->month;
    label.last_day = *last->day;
    return label.first_day <= label.last_day ? std::optional(label) : std::nullopt;
  }
  const auto first = side_at(*tokens, at);
  if (!first) return std::nullopt;
  if (at == tokens->size()) {  // "31 OCAK", or "OCAK"
    label.first_month = label.last_month = first->month;
    if (first->day) {
      label.first_day = label.last_day = *first->day;
      label.single_day = true;
    }
    return label;
  }
  if ((*tokens)[at++].kind != Token::Kind::dash) return std::nullopt;
  const auto last = side_at(*tokens, at);
  if (!last || at != tokens->size() || last->month < first->month) return std::nullopt;
  label.first_month = first->month;
  label.first_day = first->day.value_or(1);
  label.last_month = last->month;
  label.last_day = last->day.value_or(0);
  return label;
}

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

LabelSpan span_of(const PeriodLabel& label, int previous_year, int year) {
  if (label.single_day) return {SpanKind::day, label.first_month};
  const int last = label.last_month;
  const bool ends_at_month_end =
      label.last_day == 0 ||
      label.last_day >= std::min(days_in_month(year, last), days_in_month(previous_year, last));
  if (label.last_day > std::max(days_in_month(year, last), days_in_month(previous_year, last)))
    return {SpanKind::other_range, last};  // "1 - 31 NİSAN": no such day
  if (label.first_day != 1 || !ends_at_month_end)
    return {label.first_month == last ? SpanKind::part_of_month : SpanKind::other_range, last};
  if (label.first_month == last) return {SpanKind::month, last};
  if (label.first_month == 1) return {SpanKind::year_to_date, last};
  return {SpanKind::other_range, last};
}

}  // namespace kexport::input

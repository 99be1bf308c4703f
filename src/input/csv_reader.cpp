#include "kexport/csv_reader.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cstring>

#include "kexport/text.hpp"

namespace kexport {

SourceLocation locate(std::string_view text, std::size_t offset, const std::string& file) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const auto line = 1 + static_cast<std::uint64_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t line_start = before.rfind('\n');
  const std::string_view on_line =
      line_start == std::string_view::npos ? before : before.substr(line_start + 1);
  return {file, line, display_width(on_line) + 1};
}

char detect_delimiter(std::string_view text) {
  // Spreadsheets pad title rows with delimiters, so the header need not be the first line: the
  // candidate seen most often on any one of the first lines wins, counting only outside quotes.
  constexpr std::size_t lines_read = 40;
  std::size_t best_count = 0;
  char best = ',';
  for (char candidate : {',', ';', '\t'}) {
    std::size_t on_line = 0, most = 0, lines = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size() && lines < lines_read; ++i) {
      const char c = text[i];
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      if (c == '\n') {
        most = std::max(most, on_line);
        on_line = 0;
        ++lines;
      } else if (c == candidate) {
        ++on_line;
      }
    }
    most = std::max(most, on_line);
    if (most > best_count) {
      best_count = most;
      best = candidate;
    }
  }
  return best;
}

CsvReader::CsvReader(std::string_view text, char delimiter, std::string file_name)
    : text_(text), delimiter_(delimiter), file_(std::move(file_name)), end_(text.size()) {}

CsvReader::CsvReader(std::string_view text, char delimiter, std::string file_name, std::size_t begin,
                     std::size_t end, std::uint64_t first_line)
    : text_(text),
      delimiter_(delimiter),
      file_(std::move(file_name)),
      pos_(begin),
      end_(end),
      line_(first_line) {}

namespace {

// Nonzero where a byte of `word` equals `c`; its lowest set bit marks the first such byte.
inline std::uint64_t bytes_equal(std::uint64_t word, unsigned char c) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  const std::uint64_t x = word ^ (ones * c);
  return (x - ones) & ~x & highs;
}

}  // namespace

// The end of an unquoted field: the next delimiter or line end, eight bytes at a time.
std::size_t find_field_end(const char* data, std::size_t pos, std::size_t n, char delimiter) {
  const auto d = static_cast<unsigned char>(delimiter);
  while (pos + 8 <= n) {
    std::uint64_t word = 0;
    std::memcpy(&word, data + pos, 8);
    const std::uint64_t hits = bytes_equal(word, d) | bytes_equal(word, '\n');
    if (hits != 0) return pos + static_cast<std::size_t>(__builtin_ctzll(hits) / 8);
    pos += 8;
  }
  while (pos < n && data[pos] != delimiter && data[pos] != '\n') ++pos;
  return pos;
}

SourceLocation CsvReader::location_of_field(std::size_t index) const {
  return locate(text_, index < starts_.size() ? starts_[index] : record_offset_, file_);
}

void CsvReader::fail(std::size_t offset, const std::string& problem) const {
  throw DataError(locate(text_, offset, file_), problem);
}

bool CsvReader::next(std::vector<std::string_view>& fields) {
  // A record starts before end_ but may run past it, to the end of the text.
  const std::size_t n = text_.size();
  // Skip blank lines: they separate nothing and hold no record.
  while (pos_ < end_ && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  fields.clear();
  if (pos_ >= end_) return false;

  spans_.clear();
  starts_.clear();
  scratch_.clear();
  record_offset_ = pos_;
  record_line_ = line_;
  const char* data = text_.data();

  while (true) {
    if (starts_.size() >= max_fields)
      fail(pos_, fmt::format("more than {} fields on one line; expected at most {}", max_fields, max_fields));
    starts_.push_back(pos_);
    if (pos_ < n && data[pos_] == '"') {
      const std::size_t open = pos_;
      ++pos_;
      std::size_t begin = pos_;
      bool escaped = false;
      std::size_t scratch_begin = scratch_.size();
      while (true) {
        const void* found = std::memchr(data + pos_, '"', n - pos_);
        if (found == nullptr) fail(open, "quoted field is not closed; expected a closing '\"'");
        const std::size_t quote = static_cast<std::size_t>(static_cast<const char*>(found) - data);
        line_ += static_cast<std::uint64_t>(std::count(data + pos_, data + quote, '\n'));
        if (quote + 1 < n && data[quote + 1] == '"') {  // "" is one literal quote
          scratch_.append(data + begin, quote + 1 - begin);
          escaped = true;
          pos_ = begin = quote + 2;
          continue;
        }
        if (escaped) scratch_.append(data + begin, quote - begin);
        const std::size_t length = escaped ? scratch_.size() - scratch_begin : quote - begin;
        spans_.push_back({escaped ? scratch_begin : begin, length, escaped});
        pos_ = quote + 1;
        break;
      }
      if (pos_ < n && data[pos_] == '\r' && pos_ + 1 < n && data[pos_ + 1] == '\n') ++pos_;
      if (pos_ < n && data[pos_] != delimiter_ && data[pos_] != '\n')
        fail(pos_, "text after a closing quote; expected the delimiter or the end of the line");
    } else {
      const std::size_t begin = pos_;
      pos_ = find_field_end(data, pos_, n, delimiter_);
      std::size_t end = pos_;
      if (end > begin && data[end - 1] == '\r' && (pos_ >= n || data[pos_] == '\n')) --end;
      spans_.push_back({begin, end - begin, false});
    }
    if (spans_.back().length > max_field_bytes)
      fail(starts_.back(), fmt::format("a field of {} bytes; expected at most {} (1 MiB)",
                                       spans_.back().length, max_field_bytes));
    if (pos_ >= n) break;
    if (data[pos_] == '\n') {
      ++pos_;
      ++line_;
      break;
    }
    ++pos_;           // the delimiter
    if (pos_ >= n) {  // a delimiter at the very end opens one last empty field
      starts_.push_back(pos_);
      spans_.push_back({pos_, 0, false});
      break;
    }
  }
  fields.reserve(spans_.size());
  for (const Span& span : spans_)
    fields.emplace_back(span.in_scratch ? std::string_view(scratch_).substr(span.begin, span.length)
                                        : text_.substr(span.begin, span.length));
  return true;
}

}  // namespace kexport

#include "kexport/csv_reader.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
    : text_(text),
      delimiter_(delimiter),
      file_(std::move(file_name)),
      end_(text.size()),
      separators_(text, delimiter) {}

CsvReader::CsvReader(std::string_view text, char delimiter, std::string file_name, std::size_t begin,
                     std::size_t end, std::uint64_t first_line)
    : text_(text),
      delimiter_(delimiter),
      file_(std::move(file_name)),
      pos_(begin),
      end_(end),
      line_(first_line),
      separators_(text, delimiter) {}

std::uint64_t SeparatorIndex::window_mask(std::size_t base) const {
  const char* data = text_.data() + base;
  const std::size_t size = std::min<std::size_t>(64, text_.size() - base);
  std::uint64_t mask = 0;
#if defined(__SSE2__)
  if (size == 64) {
    const __m128i delimiter = _mm_set1_epi8(delimiter_);
    const __m128i newline = _mm_set1_epi8('\n');
    for (int part = 0; part < 4; ++part) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * part));
      const __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(bytes, delimiter), _mm_cmpeq_epi8(bytes, newline));
      mask |= static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(hits))) << (16 * part);
    }
    return mask;
  }
#endif
  for (std::size_t i = 0; i < size; ++i)
    if (data[i] == delimiter_ || data[i] == '\n') mask |= std::uint64_t{1} << i;
  return mask;
}

std::size_t SeparatorIndex::next(std::size_t pos) {
  while (pos < text_.size()) {
    const std::size_t base = pos & ~std::size_t{63};
    if (base != base_) {
      base_ = base;
      mask_ = window_mask(base);
    }
    const std::uint64_t ahead = mask_ >> (pos - base);
    if (ahead != 0) return pos + static_cast<std::size_t>(__builtin_ctzll(ahead));
    pos = base + 64;
  }
  return text_.size();
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

  unescaped_.clear();
  starts_.clear();
  scratch_.clear();
  record_offset_ = pos_;
  record_line_ = line_;
  const char* data = text_.data();

  while (true) {
    if (starts_.size() >= max_fields)
      fail(pos_, fmt::format("more than {} fields on one line; expected at most {}", max_fields, max_fields));
    starts_.push_back(pos_);
    std::size_t length = 0;
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
        if (escaped) {
          scratch_.append(data + begin, quote - begin);
          length = scratch_.size() - scratch_begin;
          unescaped_.push_back({fields.size(), scratch_begin, length});
          fields.emplace_back();
        } else {
          length = quote - begin;
          fields.emplace_back(data + begin, length);
        }
        pos_ = quote + 1;
        break;
      }
      if (pos_ < n && data[pos_] == '\r' && pos_ + 1 < n && data[pos_ + 1] == '\n') ++pos_;
      if (pos_ < n && data[pos_] != delimiter_ && data[pos_] != '\n')
        fail(pos_, "text after a closing quote; expected the delimiter or the end of the line");
    } else {
      const std::size_t begin = pos_;
      pos_ = separators_.next(pos_);
      std::size_t end = pos_;
      if ((pos_ >= n || data[pos_] == '\n') && end > begin && data[end - 1] == '\r') --end;
      length = end - begin;
      fields.emplace_back(data + begin, length);
    }
    if (length > max_field_bytes)
      fail(starts_.back(),
           fmt::format("a field of {} bytes; expected at most {} (1 MiB)", length, max_field_bytes));
    if (pos_ >= n) break;
    if (data[pos_] == '\n') {
      ++pos_;
      ++line_;
      break;
    }
    ++pos_;           // the delimiter
    if (pos_ >= n) {  // a delimiter at the very end opens one last empty field
      starts_.push_back(pos_);
      fields.emplace_back();
      break;
    }
  }
  for (const Unescaped& u : unescaped_)
    fields[u.field] = std::string_view(scratch_).substr(u.begin, u.length);
  return true;
}

}  // namespace kexport

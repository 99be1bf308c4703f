#include "csv/csv_reader.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "kexport/model/text.hpp"

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
  // The candidate found on the most of the first lines wins, counting only outside quotes: a
  // delimiter separates every row, the header's too, where a decimal comma ("100,00" in a file
  // delimited by ';') is only on the data rows. Spreadsheets pad title rows with delimiters, so
  // the header need not be the first line; a tie goes to the candidate seen most often on one line.
  constexpr std::size_t lines_read = 40;
  std::pair<std::size_t, std::size_t> best_score{0, 0};  // (lines with it, most on one line)
  char best = ',';
  for (char candidate : {',', ';', '\t'}) {
    std::size_t on_line = 0, most = 0, lines = 0, lines_with = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size() && lines < lines_read; ++i) {
      const char c = text[i];
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      if (c == '\n') {
        most = std::max(most, on_line);
        lines_with += on_line > 0 ? 1 : 0;
        on_line = 0;
        ++lines;
      } else if (c == candidate) {
        ++on_line;
      }
    }
    most = std::max(most, on_line);
    lines_with += on_line > 0 ? 1 : 0;
    if (const std::pair score{lines_with, most}; score > best_score) {
      best_score = score;
      best = candidate;
    }
  }
  return best;
}

namespace window_scans {

using Window = SeparatorIndex::Window;

Window bytes(const char* data, std::size_t size, char delimiter) {
  Window w;
  for (std::size_t i = 0; i < size; ++i) {
    const std::uint64_t bit = std::uint64_t{1} << i;
    if (data[i] == delimiter || data[i] == '\n') w.separators |= bit;
    if (data[i] == '\n') w.newlines |= bit;
    if (data[i] == '"') w.quotes |= bit;
  }
  return w;
}

#if defined(__x86_64__)
Window sse2(const char* data, char delimiter) {
  const __m128i delimiters = _mm_set1_epi8(delimiter), newline = _mm_set1_epi8('\n'),
                quote = _mm_set1_epi8('"');
  Window w;
  for (int part = 0; part < 4; ++part) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * part));
    const __m128i ends = _mm_cmpeq_epi8(bytes, newline);
    const auto bits = [&](__m128i hits) {
      return static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(hits))) << (16 * part);
    };
    w.separators |= bits(_mm_or_si128(_mm_cmpeq_epi8(bytes, delimiters), ends));
    w.newlines |= bits(ends);
    w.quotes |= bits(_mm_cmpeq_epi8(bytes, quote));
  }
  return w;
}

namespace {
__attribute__((target("avx2"))) std::uint64_t bits_of(__m256i hits, int part) {
  return static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(hits))) << (32 * part);
}
}  // namespace

__attribute__((target("avx2"))) Window avx2(const char* data, char delimiter) {
  const __m256i delimiters = _mm256_set1_epi8(delimiter), newline = _mm256_set1_epi8('\n'),
                quote = _mm256_set1_epi8('"');
  Window w;
  for (int part = 0; part < 2; ++part) {
    const __m256i bytes = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + 32 * part));
    const __m256i ends = _mm256_cmpeq_epi8(bytes, newline);
    w.separators |= bits_of(_mm256_or_si256(_mm256_cmpeq_epi8(bytes, delimiters), ends), part);
    w.newlines |= bits_of(ends, part);
    w.quotes |= bits_of(_mm256_cmpeq_epi8(bytes, quote), part);
  }
  return w;
}

bool avx2_available() {
  return __builtin_cpu_supports("avx2");
}
#endif

}  // namespace window_scans

namespace {

SeparatorIndex::Window (*widest_scan())(const char*, char) {
#if defined(__x86_64__)
  static const auto chosen = window_scans::avx2_available() ? window_scans::avx2 : window_scans::sse2;
  return chosen;
#else
  return [](const char* data, char delimiter) { return window_scans::bytes(data, 64, delimiter); };
#endif
}

}  // namespace

SeparatorIndex::SeparatorIndex(std::string_view text, char delimiter)
    : text_(text), delimiter_(delimiter), scan_(widest_scan()) {}

void SeparatorIndex::move_to(std::size_t base) {
  base_ = base;
  const std::size_t size = std::min<std::size_t>(64, text_.size() - base);
  window_ = size == 64 ? scan_(text_.data() + base, delimiter_)
                       : window_scans::bytes(text_.data() + base, size, delimiter_);
}

std::size_t SeparatorIndex::find(std::size_t pos, std::uint64_t Window::*bits) {
  while (pos < text_.size()) {
    const std::size_t base = pos & ~std::size_t{63};
    if (base != base_) move_to(base);
    const std::uint64_t ahead = window_.*bits >> (pos - base);
    if (ahead != 0) return pos + static_cast<std::size_t>(__builtin_ctzll(ahead));
    pos = base + 64;
  }
  return text_.size();
}

std::uint64_t SeparatorIndex::newlines(std::size_t begin, std::size_t end) {
  if (begin >= end) return 0;
  // Within the window at hand (a short quoted field): count its bits.
  if ((begin & ~std::size_t{63}) == base_ && end - base_ <= 64) {
    const std::uint64_t before_end =
        end - base_ == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << (end - base_)) - 1;
    const std::uint64_t from_begin = ~std::uint64_t{0} << (begin - base_);
    std::uint64_t bits = window_.newlines & before_end & from_begin;
    std::uint64_t count = 0;
    for (; bits != 0; bits &= bits - 1) ++count;  // most often none: no popcnt on the baseline
    return count;
  }
  return static_cast<std::uint64_t>(std::count(text_.data() + begin, text_.data() + end, '\n'));
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
        const std::size_t quote = separators_.next_quote(pos_);
        if (quote >= n) fail(open, "quoted field is not closed; expected a closing '\"'");
        line_ += separators_.newlines(pos_, quote);
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

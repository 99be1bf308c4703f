// The SAX handler both JSON readers drive: it turns the keys and values of each record object
// into a row of fields for the record interpreter, checks the document's shape, and words every
// problem with its line and column from the cursor the reader keeps. Private to json_loader.cpp.
#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "csv/csv_reader.hpp"
#include "json/json_parse.hpp"
#include "kexport/model/error.hpp"

namespace kexport::input {

class RecordHandler : public nlohmann::json_sax<nlohmann::json> {
 public:
  RecordHandler(std::string_view text, std::size_t base, const char** cursor, const InputFile& file,
                RecordInterpreter& interpreter, DatasetBuilder& builder, const LoadOptions& options,
                Shape shape, LineCounter& lines, HeaderCache& headers)
      : text_(text),
        base_(base),
        cursor_(cursor),
        file_(file),
        interpreter_(interpreter),
        builder_(builder),
        options_(options),
        shape_(shape),
        lines_(&lines),
        headers_(headers) {
    if (options.source) style_.default_source = *options.source;  // rows that name no source
    style_.basis_option = options.basis;                          // rows of files that state no basis
    style_.flow = options.flow.value_or(Flow::exports);           // rows that name no flow
  }

  // The handler set to another JSON Lines line, its state as new (the keys' matches are kept).
  void retarget(std::string_view text, std::size_t base, LineCounter& lines) {
    text_ = text;
    base_ = base;
    lines_ = &lines;
    depth_ = skip_depth_ = record_start_depth_ = 0;
    skip_next_value_ = wrapped_ = saw_records_key_ = false;
    current_.reset();
    pending_line_.reset();
    style_.unit = ValueStyle{}.unit;  // a key may have said thousands for its line only
  }

  bool null() override { return scalar(std::nullopt); }
  bool boolean(bool) override {
    if (skip()) return true;
    if (in_record()) throw error_here("a true/false value; expected a string or a number");
    return scalar(std::nullopt);
  }
  bool number_integer(number_integer_t value) override { return scalar(std::to_string(value)); }
  bool number_unsigned(number_unsigned_t value) override { return scalar(std::to_string(value)); }
  bool number_float(number_float_t, const string_t& raw) override { return scalar(raw); }
  bool string(string_t& value) override { return scalar(std::string_view(value)); }
  bool binary(binary_t&) override { return true; }

  bool start_object(std::size_t) override {
    ++depth_;
    if (skip_container()) return true;
    if (in_record()) throw error_here("a nested object; expected a string or a number");
    if (depth_ == record_depth()) {
      begin_record();
      return true;
    }
    if (depth_ == 1) {  // {"records": [...]}
      wrapped_ = true;
      return true;
    }
    throw error_here("an object here; expected an array of records or {\"records\": [...]}");
  }
  bool end_object() override {
    if (!end_skipped_container() && in_record()) end_record();
    if (depth_ == 1 && wrapped_ && !saw_records_key_)
      throw error_here("an object without a \"records\" key; expected {\"records\": [...]}");
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    ++depth_;
    if (skip_container()) return true;
    if (in_record()) throw error_here("an array inside a record; expected a string or a number");
    if (shape_ == Shape::records_array && depth_ == record_depth() - 1) return true;
    throw error_here(shape_ == Shape::single_object ? "an array; expected one record object per line"
                                                    : "an array here; expected an array of records");
  }
  bool end_array() override {
    end_skipped_container();
    --depth_;
    return true;
  }
  bool key(string_t& name) override { return key_of(name); }

  // The same calls for the flat reader (json_flat.hpp), whose keys and values are views of the
  // text itself: they live as long as the record, so the values are not copied.
  bool flat_key(std::string_view name) { return key_of(name); }
  bool flat_value(std::string_view written) { return scalar(written, true); }

 private:
  bool key_of(std::string_view name) {
    if (skip()) return true;
    if (in_record()) {
      key_offset_ = position() >= name.size() + 2 ? position() - name.size() - 2 : position();
      const auto match = headers_.match(name);
      current_ = match ? std::optional<Field>(match->field) : std::nullopt;
      if (match && match->unit && !options_.unit) style_.unit = *match->unit;
      if (current_ && seen_[static_cast<std::size_t>(*current_)])
        throw error_at(key_offset_,
                       "the key '" + std::string(name) + "' a second time; expected each key once");
      return true;
    }
    // A key of the wrapping object: "records" holds the records, anything else is skipped whole.
    if (name == "records") {
      if (saw_records_key_) throw error_here("a second \"records\" key; expected one");
      saw_records_key_ = true;
    } else {
      skip_next_value_ = true;
    }
    return true;
  }

 public:
  bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& e) override {
    const std::size_t at = byte == 0 ? 0 : byte - 1;
    // 406: a number beyond what a double holds; nlohmann's message would repeat all its digits.
    if (e.id == 406)
      throw error_at(at, "a number too large; expected an amount below 92 233 720 368 547 758 dollars");
    // Otherwise keep what nlohmann says went wrong, without its prefix and position.
    std::string message = e.what();
    if (auto dash = message.find(" - "); dash != std::string::npos)
      message.erase(0, dash + 3);
    else if (auto bracket = message.find("] "); bracket != std::string::npos)
      message.erase(0, bracket + 2);
    if (message.size() > 160) message = message.substr(0, 160) + "…";
    throw error_at(at, "invalid JSON: " + message);
  }

 private:
  // Records sit in the top-level array (depth 2), or in {"records": [...]} (depth 3); a JSON
  // Lines record is the line's object (depth 1).
  int record_depth() const {
    if (shape_ == Shape::single_object) return 1;
    return wrapped_ ? 3 : 2;
  }
  bool in_record() const { return record_start_depth_ != 0; }
  std::size_t position() const { return static_cast<std::size_t>(*cursor_ - text_.data()); }

  // Skipping the value of an unknown key of the wrapping object, whatever its shape.
  bool skip() const { return skip_depth_ != 0; }
  bool skip_container() {
    if (skip_next_value_) {
      skip_next_value_ = false;
      skip_depth_ = depth_;
    }
    return skip();
  }
  bool end_skipped_container() {
    if (!skip()) return false;
    if (depth_ == skip_depth_) skip_depth_ = 0;
    return true;
  }

  DataError error_at(std::size_t offset, const std::string& problem) const {
    const SourceLocation local = locate(text_, offset, file_.name);
    return DataError({file_.name, local.line + base_, local.column}, problem);
  }
  DataError error_here(const std::string& problem) const {
    return error_at(position() > 0 ? position() - 1 : 0, problem);
  }

  // A member's value; `stable` when `text` outlives the record (a view of the file's text).
  bool scalar(std::optional<std::string_view> text, bool stable = false) {
    if (skip()) return true;
    if (skip_next_value_) {
      skip_next_value_ = false;
      return true;
    }
    if (!in_record()) throw error_here("a value outside a record; expected record objects");
    if (current_) {
      const auto index = static_cast<std::size_t>(*current_);
      seen_[index] = true;
      offsets_[index] = key_offset_;
      if (text) {
        if (stable) {
          views_[index] = *text;
        } else {
          values_[index].assign(text->data(), text->size());
          views_[index] = values_[index];
        }
        has_value_[index] = true;
      }
    }
    current_.reset();
    return true;
  }
  void begin_record() {
    record_start_depth_ = depth_;
    record_offset_ = position() > 0 ? position() - 1 : 0;
    seen_.fill(false);
    has_value_.fill(false);
    current_.reset();
  }
  void end_record() {
    record_start_depth_ = 0;
    const std::uint64_t line = lines_->line_at(record_offset_) + base_;
    // A JSON Lines record is added once its whole line has parsed (see flush()): a line that
    // breaks after its object is skipped whole, never half taken.
    if (shape_ == Shape::single_object) {
      pending_line_ = line;
      return;
    }
    add_record(line);
  }

 public:
  // Adds the line's record, once the line has parsed.
  void flush() {
    if (pending_line_) add_record(*pending_line_);
    pending_line_.reset();
  }

 private:
  void add_record(std::uint64_t line) {
    try {
      if (auto missing = RecordInterpreter::missing_fields(seen_); !missing.empty())
        throw error_at(record_offset_, missing + " in this record");
      RowFields row;
      for (std::size_t i = 0; i < field_count; ++i)
        if (has_value_[i]) row[i] = views_[i];
      try {
        constexpr auto imports = static_cast<std::size_t>(Field::imports);
        constexpr auto flow = static_cast<std::size_t>(Field::flow);
        // Imports beside the exports ("imports_usd"): a second record, of the other flow. Checked
        // before either is added, so that a refused record leaves nothing behind.
        if (has_value_[imports] && has_value_[static_cast<std::size_t>(Field::weight)])
          throw FieldError{Field::weight,
                           "a weight beside value_usd and imports_usd, which says whose weight it is; "
                           "expected a weight in a record of one flow"};
        if (has_value_[imports] && has_value_[flow])
          throw FieldError{Field::flow,
                           "a flow beside imports_usd; expected either a flow naming the record's, or "
                           "value_usd and imports_usd"};
        if (has_value_[imports])
          if (const AmountResult amount = parse_amount(views_[imports], style_.decimal, style_.unit);
              !amount.cents)
            throw FieldError{Field::imports, amount.problem};
        interpreter_.add(row, style_, static_cast<std::uint32_t>(line));
        if (has_value_[imports]) {
          row[static_cast<std::size_t>(Field::value)] = views_[imports];
          row[flow] = name_of(Flow::imports);
          try {
            interpreter_.add(row, style_, static_cast<std::uint32_t>(line));
          } catch (FieldError& error) {
            if (error.field == Field::value) error.field = Field::imports;
            throw;
          }
        }
      } catch (const FieldError& error) {
        throw error_at(offsets_[static_cast<std::size_t>(error.field)], error.problem);
      }
    } catch (const DataError& error) {
      if (!options_.skip_bad_rows) throw;
      RowFields row;
      for (std::size_t i = 0; i < field_count; ++i)
        if (has_value_[i]) row[i] = views_[i];
      builder_.skip(error.what(), options_.skipped_to_list, interpreter_.key_of(row));
    }
  }

  std::string_view text_;
  std::size_t base_;
  const char** cursor_;
  const InputFile& file_;
  RecordInterpreter& interpreter_;
  DatasetBuilder& builder_;
  const LoadOptions& options_;
  Shape shape_;
  LineCounter* lines_;
  HeaderCache& headers_;

  int depth_ = 0;
  int skip_depth_ = 0;
  bool skip_next_value_ = false;
  bool wrapped_ = false;
  bool saw_records_key_ = false;
  int record_start_depth_ = 0;
  std::size_t record_offset_ = 0;
  std::size_t key_offset_ = 0;
  std::optional<Field> current_;
  std::array<bool, field_count> seen_{};
  std::array<bool, field_count> has_value_{};
  std::array<std::size_t, field_count> offsets_{};
  std::array<std::string, field_count> values_;      // copies of the general parser's values
  std::array<std::string_view, field_count> views_;  // the record's values, copied or not
  ValueStyle style_;
  std::optional<std::uint64_t> pending_line_;
};

}  // namespace kexport::input

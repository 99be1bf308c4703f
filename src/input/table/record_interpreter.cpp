#include "table/record_interpreter.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>

#include "kexport/model/text.hpp"
#include "table/plain_cents.hpp"

namespace kexport::input {
namespace {

std::string quoted(std::string_view text) {
  return fmt::format("'{}'", text);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::string RecordInterpreter::missing_fields(const std::array<bool, field_count>& present) {
  const auto has = [&](Field f) { return present[static_cast<std::size_t>(f)]; };
  std::vector<std::string> missing;
  if (!has(Field::period) && !(has(Field::year) && has(Field::month)))
    missing.emplace_back("period (or year and month)");
  if (!has(Field::province) && !has(Field::province_code)) missing.emplace_back("province");
  if (!has(Field::value)) missing.emplace_back("value_usd");
  if (missing.empty()) return {};
  return fmt::format("missing column{} {}", missing.size() > 1 ? "s" : "", fmt::join(missing, ", "));
}

Period RecordInterpreter::period_of(const RowFields& row) const {
  if (const auto& text = row[static_cast<std::size_t>(Field::period)]) {
    if (auto period = parse_period(*text)) return *period;
    throw FieldError{Field::period, quoted(*text) + " is not a month; expected YYYY-MM, e.g. 2026-01"};
  }
  const std::string_view year_text = trim(row[static_cast<std::size_t>(Field::year)].value_or(""));
  const std::string_view month_text = row[static_cast<std::size_t>(Field::month)].value_or("");
  int year = 0;
  auto [end, ec] = std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
  if (ec != std::errc{} || end != year_text.data() + year_text.size() || year < Period::min_year ||
      year > Period::max_year)
    throw FieldError{Field::year, quoted(year_text) + fmt::format(" is not a year; expected {} to {}",
                                                                  Period::min_year, Period::max_year)};
  const auto month = parse_month(month_text);
  if (!month)
    throw FieldError{Field::month, quoted(month_text) + " is not a month; expected 1-12 or a month name"};
  return Period::from_year_month(year, *month);
}

std::string RecordInterpreter::unfitted(std::string_view name, std::size_t fitting) {
  return fitting == 0 ? quoted(name) +
                            " has '?' for letters, and no name fits it; expected the name with its "
                            "Turkish letters (is the file in another code page?)"
                      : quoted(name) + fmt::format(
                                           " has '?' for letters, and {} names fit it; expected the "
                                           "name with its Turkish letters",
                                           fitting);
}

void RecordInterpreter::note_fitted(std::string_view written, std::string_view read_as) const {
  builder_.note({FileNote::Kind::fitted_name, 0, fmt::format("{} → {}", written, read_as)});
}

std::optional<ProvinceId> RecordInterpreter::fitted_province(std::string_view name) const {
  if (name.find('?') == std::string_view::npos) return std::nullopt;
  const auto fitting = gazetteer_.provinces_fitting(name);
  if (fitting.size() > 1) throw FieldError{Field::province, unfitted(name, fitting.size())};
  if (fitting.empty()) return std::nullopt;  // unknown, with suggestions
  note_fitted(name, gazetteer_.province_name(fitting.front()));
  return fitting.front();
}

namespace {
std::string_view text(const RowFields& row, Field field) {
  return row[static_cast<std::size_t>(field)].value_or(std::string_view());
}
}  // namespace

SkippedKey RecordInterpreter::key_of(const RowFields& row) const {
  SkippedKey key;
  try {
    key.province = trim(text(row, Field::province)).empty() &&
                           trim(text(row, Field::province_code)).empty() && row_is_national_total(row)
                       ? national_total
                       : province_of(row);
  } catch (...) {
    key.province.reset();  // a province the row does not tell: any
  }
  try {
    if (row[static_cast<std::size_t>(Field::period)] ||
        (row[static_cast<std::size_t>(Field::year)] && row[static_cast<std::size_t>(Field::month)]))
      key.month = period_of(row);
  } catch (...) {
    key.month.reset();  // a month the row does not tell: any of the file's
  }
  return key;
}

bool RecordInterpreter::province_subtotal(std::string_view name) const {
  // Only where the label holds a total word at all: most names are told apart by that.
  const auto part = subtotal_of(name);
  return part && gazetteer_.find_province(*part).has_value();
}

bool RecordInterpreter::row_is_national_total(const RowFields& row) const {
  // Only a grand total or a country's subtotal: a plain TOPLAM under an empty province cell is
  // most often a province's total whose name sits in a merged cell above, and stays an error
  // rather than becoming Türkiye's.
  const auto grand_total = [](std::string_view label) {
    const std::string folded = fold_name(label);
    return folded == "geneltoplam" || folded == "grandtotal";
  };
  const std::string_view country = trim(text(row, Field::country));
  const std::string_view chapter = trim(text(row, Field::chapter));
  if (!country.empty()) {
    if (grand_total(country)) return true;
    const auto subtotal = subtotal_of(country);
    return subtotal && (gazetteer_.find_country(*subtotal) || is_free_zone(*subtotal));
  }
  return !chapter.empty() && grand_total(chapter);
}

ProvinceId RecordInterpreter::province_of(const RowFields& row) const {
  const auto& name = row[static_cast<std::size_t>(Field::province)];
  const auto& code = row[static_cast<std::size_t>(Field::province_code)];
  std::optional<ProvinceId> by_name;
  if (name && !trim(*name).empty()) {
    by_name = gazetteer_.find_province(*name);
    // "TOPLAM (TİM)", "T O P L A M", "TOPLAM İHRACAT" where a province is expected: Türkiye's.
    if (!by_name && is_total_label(*name)) by_name = national_total;
    if (!by_name) by_name = fitted_province(trim(*name));
    if (!by_name) {
      auto suggestions = gazetteer_.suggest_provinces(*name);
      throw FieldError{
          Field::province,
          "unknown province " + quoted(trim(*name)) + "; expected one of Turkey's 81 provinces" +
              (suggestions.empty() ? std::string()
                                   : fmt::format(" (did you mean {}?)", fmt::join(suggestions, ", ")))};
    }
  }
  if (code && !trim(*code).empty()) {
    const std::string_view text = trim(*code);
    int plate = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), plate);
    if (ec != std::errc{} || end != text.data() + text.size() || plate < 1 || plate > province_count)
      throw FieldError{Field::province_code, quoted(text) + " is not a plate code; expected 1 to 81"};
    const auto by_code = static_cast<ProvinceId>(plate);
    if (by_name && *by_name != by_code)
      throw FieldError{
          Field::province_code,
          fmt::format("plate code {} is {}, not {}; expected the code of the province "
                      "named in the row",
                      plate, gazetteer_.province_name(by_code), gazetteer_.province_name(*by_name))};
    return by_code;
  }
  if (!by_name)
    throw FieldError{Field::province,
                     "the province is empty; expected a province name (a name merged over several rows is "
                     "read only in the first: write it in each row)"};
  return *by_name;
}

CountryId RecordInterpreter::country_of(const RowFields& row) {
  const std::string_view name = trim(row[static_cast<std::size_t>(Field::country)].value_or(""));
  const std::string_view code = trim(row[static_cast<std::size_t>(Field::country_code)].value_or(""));
  std::optional<std::size_t> by_code;
  // TÜİK's own numeric country codes ("004" is Germany there, Afghanistan in ISO 3166): not in
  // the gazetteer, so never read as a country. Beside a name, the name says which country it is.
  const bool numeric_code =
      !code.empty() && code.size() <= 4 && std::all_of(code.begin(), code.end(), is_digit);
  if (numeric_code && !name.empty()) {
    builder_.note({FileNote::Kind::numeric_country_codes, 0, {}});
  } else if (!code.empty()) {
    by_code = gazetteer_.find_country_code(code);
    if (!by_code)
      throw FieldError{Field::country_code,
                       numeric_code
                           ? quoted(code) +
                                 " is a numeric country code (TÜİK's), which kexport does not "
                                 "read; expected ISO 3166-1 alpha-2, e.g. DE, or a column of "
                                 "country names beside it"
                           : quoted(code) + " is not a country code; expected ISO 3166-1 alpha-2, e.g. DE"};
  }
  if (name.empty()) {
    return by_code ? builder_.known_country(*by_code, gazetteer_.country_name(*by_code, Language::tr))
                   : all_countries;
  }
  if (is_total_label(name) || province_subtotal(name)) return all_countries;
  auto by_name = gazetteer_.find_country(name);
  // A country's subtotal in a TİM country table ("ALMANYA TOPLAM") is that country's, Türkiye's.
  if (const auto subtotal = subtotal_of(name); !by_name && subtotal) {
    by_name = gazetteer_.find_country(*subtotal);
    if (!by_name && is_free_zone(*subtotal)) return builder_.unknown_country(*subtotal);
  }
  if (by_name && by_code && *by_name != *by_code)
    throw FieldError{Field::country_code,
                     fmt::format("country code {} is {}, not {}; expected the code of the country "
                                 "named in the row",
                                 code, gazetteer_.country_name(*by_code, Language::tr),
                                 gazetteer_.country_name(*by_name, Language::tr))};
  if (by_name) return builder_.known_country(*by_name, name);
  if (by_code) return builder_.known_country(*by_code, name);
  if (name.find('?') != std::string_view::npos) {
    const auto fitting = gazetteer_.countries_fitting(name);
    if (fitting.size() != 1) throw FieldError{Field::country, unfitted(name, fitting.size())};
    note_fitted(name, gazetteer_.country_name(fitting.front(), Language::tr));
    return builder_.known_country(fitting.front(), gazetteer_.country_name(fitting.front(), Language::tr));
  }
  return builder_.unknown_country(name);  // kept as written, reported by validate
}

std::uint8_t RecordInterpreter::chapter_of(const RowFields& row) {
  const std::string_view text = trim(row[static_cast<std::size_t>(Field::chapter)].value_or(""));
  if (text.empty() || is_total_label(text) || province_subtotal(text)) return all_chapters;
  // "84", "08", or "84 - Kazanlar, makineler…": a leading chapter number.
  std::size_t digits = 0;
  while (digits < text.size() && is_digit(text[digits])) ++digits;
  if (digits > 0) {
    int chapter = 0;
    std::from_chars(text.data(), text.data() + digits, chapter);
    const bool alone = digits == text.size();
    const bool labelled = !alone && (text[digits] == ' ' || text[digits] == '-' || text[digits] == '.');
    if ((alone || labelled) && digits <= 2 && chapter >= 1 && chapter <= 99)
      return static_cast<std::uint8_t>(chapter);
    throw FieldError{Field::chapter,
                     quoted(text) + " is not an HS chapter; expected 01 to 99 or a sector name"};
  }
  // A TİM sector, under TİM's current name (its own classification: never an HS chapter, though
  // some cover one); a chapter's name; or another sector, kept as written.
  if (const Sector* sector = gazetteer_.find_sector(text)) return builder_.sector(sector->name);
  if (const Chapter* chapter = gazetteer_.find_chapter_named(text))
    return static_cast<std::uint8_t>(chapter->code);
  return builder_.unfamiliar_sector(text);
}

bool RecordInterpreter::sample_of(const RowFields& row) {
  const std::string_view text = trim(row[static_cast<std::size_t>(Field::status)].value_or(""));
  if (text.empty()) return false;
  const std::string folded = fold_name(text);
  for (std::string_view word : {"sample", "ornek", "ornekveri", "uydurma", "madeup", "fictional"})
    if (folded == word) return true;
  for (std::string_view word : {"published", "yayimlanan", "yayimlanmis", "official", "resmi", "provisional",
                                "gecici", "final", "kesin"})
    if (folded == word) return false;
  throw FieldError{Field::status, quoted(text) +
                                      " is not a status; expected sample (örnek) for a made-up "
                                      "figure, or published (yayımlanmış)"};
}

Flow RecordInterpreter::flow_of(const RowFields& row, Flow table_flow) {
  const std::string_view written = trim(text(row, Field::flow));
  if (written.empty()) return table_flow;
  if (same_text(written, last_flow_text_)) return last_flow_;
  const auto flow = parse_flow(written);
  if (!flow)
    throw FieldError{Field::flow,
                     quoted(written) + " is not a flow; expected ihracat (export) or ithalat (import)"};
  last_flow_text_ = written;
  last_flow_ = *flow;
  return *flow;
}

void RecordInterpreter::check_vintage(std::string_view written, std::uint32_t line) {
  if (same_text(written, last_vintage_text_)) return;
  const std::optional<Vintage> vintage = parse_vintage(written);
  if (!vintage)
    throw FieldError{Field::vintage,
                     quoted(written) + " is not a release date; expected YYYY-MM-DD, or YYYY-MM"};
  const std::optional<StatedVintage> stated = builder_.stated_vintage();
  if (!stated)
    builder_.state_vintage(*vintage, line);
  else if (stated->vintage != *vintage)
    throw FieldError{Field::vintage, second_release(*vintage, *stated, builder_.current_file().is_sheet())};
  last_vintage_text_ = written;
}

namespace {

Basis basis_of(std::string_view written) {
  if (const auto basis = parse_basis(written); basis && *basis != Basis::unstated) return *basis;
  throw FieldError{Field::basis, quoted(written) +
                                     " is not a basis; expected head_office (merkez), production_place "
                                     "(uretim-yeri, faaliyet) or registration (tim-kayit)"};
}

// The memo of a value made from one or two fields: found, or made once and remembered. Only
// successes are remembered, so a bad field raises its error on every row it appears in.
template <typename Value, typename Make>
Value remembered(Memo<Value>& memo, std::string_view a, std::string_view b, Make make) {
  if (const Value* known = memo.find(a, b)) return *known;
  const Value value = make();
  memo.remember(a, b, value);
  return value;
}

}  // namespace

namespace {

// Kilograms as written, with up to three decimals, in whole grams.
Cents grams_of(std::string_view text, DecimalStyle decimal) {
  if (const auto kilograms = parse_plain_whole(text)) return *kilograms * 1000;
  // Read as thousands of a unit, an amount's cents are tenths of grams: kilograms to the gram have
  // a whole number of grams.
  const AmountResult amount = parse_amount(text, decimal, ValueUnit::thousand_dollars);
  if (!amount.cents || *amount.cents % 100 != 0)
    throw FieldError{Field::weight, "'" + std::string(trim(text)) +
                                        "' is not a weight; expected kilograms with at most three decimals, "
                                        "e.g. 1234,5"};
  return *amount.cents / 100;
}

}  // namespace

void RecordInterpreter::add(const RowFields& row, const ValueStyle& style, std::uint32_t line,
                            bool weight_is_number) {
  RecordKey key;
  // Absent and empty fields mean the same everywhere below, so they may share a memo key.
  key.month = row[static_cast<std::size_t>(Field::period)]
                  ? remembered(periods_, text(row, Field::period), "p", [&] { return period_of(row); })
                  : remembered(periods_, text(row, Field::year), text(row, Field::month),
                               [&] { return period_of(row); });
  // A total row of a country × province table names no province: "GENEL TOPLAM", or a country's
  // subtotal ("ALMANYA TOPLAM"), is Türkiye's. Decided per row: the memo is keyed by the province.
  if (trim(text(row, Field::province)).empty() && trim(text(row, Field::province_code)).empty() &&
      row_is_national_total(row))
    key.province = national_total;
  else
    key.province = remembered(provinces_, text(row, Field::province), text(row, Field::province_code),
                              [&] { return province_of(row); });
  if (builder_.keeps_only_total(key.province)) {
    // Only this province's monthly total is kept (a focused load): which country or sector a row
    // names does not matter, only whether it is a total row. Those fields are not looked up.
    const auto names_part = [&](std::string_view name, std::string_view code) {
      if (trim(name).empty()) return !trim(code).empty();
      return !may_name_total(name) || (!is_total_label(name) && !province_subtotal(name));
    };
    key.country = names_part(text(row, Field::country), text(row, Field::country_code)) ? 1 : all_countries;
    key.chapter = names_part(text(row, Field::chapter), {}) ? 1 : all_chapters;
    // A part named without a code, or a sector by name, is looked up after all: a label the
    // gazetteer does not know may be an unlabelled total, which must not be added as a part.
    if (key.country != all_countries && trim(text(row, Field::country_code)).empty())
      key.country = remembered(countries_, text(row, Field::country), {}, [&] { return country_of(row); });
    if (const std::string_view chapter = trim(text(row, Field::chapter));
        key.chapter != all_chapters && !chapter.empty() && !is_digit(chapter.front()))
      key.chapter = remembered(chapters_, text(row, Field::chapter), {}, [&] { return chapter_of(row); });
  } else {
    key.country = remembered(countries_, text(row, Field::country), text(row, Field::country_code),
                             [&] { return country_of(row); });
    key.chapter = remembered(chapters_, text(row, Field::chapter), {}, [&] { return chapter_of(row); });
  }
  const std::string_view source_written = trim(text(row, Field::source));
  const std::string_view source =
      source_written.empty() ? std::string_view(style.default_source) : source_written;
  const std::string_view basis = trim(text(row, Field::basis));
  const std::string_view basis_key = !basis.empty()        ? basis
                                     : style.default_basis ? basis_code(*style.default_basis)
                                                           : std::string_view();
  key.source = remembered(sources_, source, basis_key, [&] {
    return builder_.source(source, basis.empty() ? style.default_basis : basis_of(basis), style.basis_option);
  });
  key.flow = flow_of(row, style.flow);
  const std::string_view vintage = trim(text(row, Field::vintage));
  if (!vintage.empty()) check_vintage(vintage, line);
  const std::string_view value = text(row, Field::value);
  std::optional<Cents> cents;
  if (is_nil_amount(trim(value))) cents = 0;  // a dash: none exported
  if (!cents && style.decimal == DecimalStyle::point && style.unit == ValueUnit::dollars)
    cents = parse_plain_cents(value);
  if (!cents) {
    AmountResult amount = parse_amount(value, style.decimal, style.unit);
    if (!amount.cents) throw FieldError{Field::value, std::move(amount.problem)};
    if (amount.rounded) builder_.note_rounded(line, trim(value));
    cents = amount.cents;
  }
  const bool sample = sample_of(row);
  // The weight is read before either record is added: a refused row leaves nothing behind.
  std::optional<Cents> grams;
  if (const std::string_view weight = trim(text(row, Field::weight)); !weight.empty() && weight != "-")
    grams = grams_of(weight, weight_is_number ? DecimalStyle::point : style.decimal);
  // A row under a label the gazetteer does not know is held until the file's sums tell whether it
  // is a part or a total.
  const bool unfamiliar = builder_.is_unfamiliar(key);
  const auto add = [&](Cents figure) {
    if (unfamiliar)
      builder_.add_unfamiliar(key, figure, line, sample);
    else
      builder_.add(key, figure, line, sample);
  };
  add(*cents);
  if (grams) {
    key.measure = Measure::weight;
    add(*grams);
  }
}

}  // namespace kexport::input

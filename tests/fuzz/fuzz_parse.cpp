// libFuzzer target: the small parsers that see every field — periods, months, amounts in both
// number styles and units, name folding and the encoding checks. They must never crash, and what
// they accept must be consistent.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kexport/input/amount.hpp"
#include "kexport/model/period.hpp"
#include "kexport/model/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto period = kexport::parse_period(text)) {
    // A period that parses prints as a strict ISO month that parses back to itself.
    if (kexport::parse_iso_period(period->iso()) != period) std::abort();
  }
  if (auto iso = kexport::parse_iso_period(text)) {
    if (iso->iso() != text) std::abort();
  }
  (void)kexport::parse_month(text);
  for (auto style : {kexport::DecimalStyle::point, kexport::DecimalStyle::comma})
    for (auto unit : {kexport::ValueUnit::dollars, kexport::ValueUnit::thousand_dollars}) {
      const auto result = kexport::parse_amount(text, style, unit);
      if (result.cents && *result.cents < 0) std::abort();        // never negative
      if (!result.cents && result.problem.empty()) std::abort();  // a refusal always says why
      (void)kexport::number_evidence(text);
    }
  (void)kexport::fold_name(text);
  (void)kexport::to_upper_tr(text);
  (void)kexport::to_lower_tr(text);
  // The validator and the folding decoder agree: valid text has one code point per character.
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t characters = 0;
  bool valid = true;
  for (std::size_t i = 0; i < text.size() && valid; ++characters) {
    const std::size_t length = bytes[i] < 0x80 ? 1 : kexport::utf8_sequence_length(bytes, i, text.size());
    valid = length != 0;
    i += length;
  }
  if (valid && kexport::to_code_points(text).size() != characters) std::abort();
  return 0;
}

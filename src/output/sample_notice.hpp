// How every output says that figures are made up (rows the data marks status=sample): never as
// fact, always with the parts named.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kexport/compute/summary.hpp"
#include "kexport/model/gazetteer.hpp"

namespace kexport::output {

// The source label of a made-up figure: "örnek veri (uydurma)" / "sample data (made up)".
std::string_view sample_source_label(Language language);

// Which parts of a summary are made up, as one sentence; empty when none is. "Örnek veri: ülkelere
// göre dağılım ile iller arası sıralama ve Türkiye içindeki pay uydurmadır, yayımlanmış rakamlar
// değildir." / "Sample data: the split by country and the rank among provinces and share of
// Turkey are made up, not published figures."
std::string sample_notice(const SampleParts& parts, Language language);

// The same for a table of series, top or rank that rests on made-up figures.
std::string sample_table_notice(Language language);

// The JSON names of the made-up parts of a summary: "value", "top_destinations", "top_sectors",
// "standing".
std::vector<std::string> sample_part_keys(const SampleParts& parts);

}  // namespace kexport::output

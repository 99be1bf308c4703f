// The pages of a report: a province's month, and Turkey's month with every province's page linked.
#pragma once

#include <ostream>
#include <vector>

#include "html.hpp"
#include "kexport/compute/publication.hpp"

namespace kexport::output::html {

// A province's (or Turkey's) month as a page: the headline figures, the comparisons, the chart,
// the largest destinations and sectors, imports and the balance where the data has them, the
// press release as `--format text` writes it, and the source. `nav` links the report's other pages
// and documents (none for `summary --format html`).
void write_province_page(std::ostream& out, const Summary& summary, Language language,
                         const std::vector<Link>& nav);

// Turkey's month: the national total, what the provinces did in counts, the largest rises and
// falls, and the ranking with a link to each province's page; what the data cannot say is said.
// `page_hrefs[p]` is where province p's page is, from the index; empty for a province without one.
void write_index_page(std::ostream& out, const Publication& publication, Language language,
                      const std::vector<Link>& nav, const std::vector<std::string>& page_hrefs);

}  // namespace kexport::output::html

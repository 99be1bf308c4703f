// The validate question: what is in these files, and is anything wrong with them?
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kexport/compute/kinds.hpp"
#include "kexport/model/dataset.hpp"
#include "kexport/model/gazetteer.hpp"

namespace kexport {

// A total row set against the sum of its parts (country rows, chapter rows, or provinces for a
// national total). Larger totals are normal (confidential or unallocated exports); smaller are not.
struct TotalCheck {
  std::string source;
  Flow flow = Flow::exports;
  ProvinceId province = national_total;  // national_total for Türkiye's total
  // A country's subtotal ("ALMANYA TOPLAM"), named by the writer in the reader's language; none
  // for all destinations.
  std::optional<CountryEntry> country;
  Period month;
  Breakdown parts = Breakdown::countries;  // countries, chapters, or provinces for Türkiye
  Cents total = 0;
  Cents sum_of_parts = 0;
};

struct FileValidation {
  LoadedFile file;  // what loading found: format, counts, notices, problems
  std::optional<Period> first_month;
  std::optional<Period> last_month;
  std::vector<Period> missing_months;  // inside the covered span
  std::size_t provinces = 0;
  std::size_t countries = 0;
  std::vector<std::string> unknown_countries;  // kept as written
  std::vector<std::string> free_zones;         // Turkish free zones, destinations of their own
  // Where the unit was assumed, the figure that says it is likely thousands of dollars: a month of
  // Türkiye's exports under a billion dollars, or a province's under a thousand.
  struct UnitDoubt {
    ProvinceId province = national_total;  // national_total for Türkiye
    Period month;
    Cents cents = 0;
  };
  std::optional<UnitDoubt> unit_doubt;
  std::vector<std::string> sources;
  std::vector<Basis> bases;                         // each source's basis, in the same order
  std::vector<Flow> flows;                          // what the file holds: exports, imports or both
  std::vector<TotalCheck> totals;                   // only where total and parts differ
  bool fatal = false;                               // the file could not be loaded at all
  bool unreadable = false;                          // ... because it could not even be opened or read
  [[nodiscard]] std::size_t problem_count() const;  // its problems and totals below their parts
};

// Where a dataset's amounts, read as dollars, look like thousands: a month of Türkiye's exports
// under a billion dollars, or a province's under a thousand. Empty when they look right.
std::optional<FileValidation::UnitDoubt> doubt_unit(const Dataset& data);

struct RevisionNote {
  std::string earlier_file;
  std::string later_file;
  std::string source;
  Flow flow = Flow::exports;
  ProvinceId province = national_total;
  Period month;
  std::optional<CountryEntry> country;  // none for the province total
  int chapter = 0;
  Cents old_value = 0;
  Cents new_value = 0;
};

struct ValidationReport {
  std::vector<FileValidation> files;
  std::vector<RevisionNote> revisions;
  // Totals of one file against parts in another (a province's totals beside its country rows).
  std::vector<TotalCheck> combined_totals;
  // Entries of the data directories that were not loaded, and why.
  std::vector<PassedOver> passed_over;
  [[nodiscard]] bool clean() const;       // no problems in any file
  [[nodiscard]] bool unreadable() const;  // some file could not be read at all (exit 66)
};

// What one file holds, from the dataset loaded from it alone (collecting its problems).
FileValidation describe_file(const Dataset& data, const Gazetteer& gazetteer);

// A file that could not be loaded at all: `unreadable` when it could not even be opened or read.
FileValidation failed_file(const std::string& name, const std::string& problem, bool unreadable);

// What only several files together show, from the dataset of all of them: totals whose parts
// stand in another file (those in `report.files` already are left out), and the revisions.
void describe_together(ValidationReport& report, const Dataset& all);

}  // namespace kexport

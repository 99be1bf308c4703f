// What arrived is checked before it is kept: a workbook (zip or compound document) that opens as
// the bulletin its name promises; an HTML page, a truncated body or an unreadable workbook is not.
#pragma once

#include <string>

#include "fetch/addresses.hpp"

namespace kexport::fetch {

struct ContentProblem {
  std::string what;  // for people: "an HTML page (a firewall's or a \"please enable JavaScript\" page?)"
  bool temporary = true;
};

// Empty when the bytes are the file expected.
std::optional<ContentProblem> check_content(const std::string& file_name, const std::string& bytes,
                                            ExpectedLayout layout);

}  // namespace kexport::fetch

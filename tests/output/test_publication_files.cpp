// A report's files: the same bytes whichever number of threads renders them, named as documented.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "kexport/output/publication_files.hpp"

using namespace kexport;

TEST_CASE("a report's files are the same on one thread and on several", "[output][publication][parallel]") {
  const Dataset data = test::load_texts(
      {{"a.csv",
        "period,province,country,value_usd\n2025-01,Kayseri,Almanya,100\n2026-01,Kayseri,Almanya,90\n"
        "2025-01,Niğde,Irak,5\n2026-01,Niğde,Irak,7\n2025-01,Nevşehir,ABD,1\n2026-01,Nevşehir,ABD,2\n"}});
  PublicationQuery query;
  query.provinces = {38, 51, 50, 6};  // Kayseri, Niğde, Nevşehir, Ankara
  query.threads = 2;
  const Publication publication = compute_publication(data, Gazetteer::builtin(), query);
  REQUIRE(publication.provinces.size() == 3);
  CHECK(publication.missing.size() == 1);
  const auto one = render_publication(publication, {Language::tr, Language::en}, 1);
  const auto two = render_publication(publication, {Language::tr, Language::en}, 2);
  REQUIRE(one.size() == two.size());
  // The two Türkiye pages, then per province five documents in each language.
  CHECK(one.size() == 2 + 3 * 2 * 5);
  for (std::size_t i = 0; i < one.size(); ++i) {
    INFO(one[i].path);
    CHECK(one[i].path == two[i].path);
    CHECK(one[i].content == two[i].content);
  }
  CHECK(one[0].path == "index.html");
  CHECK(one[1].path == "index.en.html");
  CHECK(one[2].path == "38-kayseri/index.html");
  CHECK(one[3].path == "38-kayseri/release.tr.txt");
  CHECK(one[7].path == "38-kayseri/index.en.html");
  CHECK(one[8].path == "38-kayseri/release.en.txt");
  CHECK(one[9].path == "38-kayseri/report.en.md");
  CHECK(province_directory(50) == "50-nevsehir");
  CHECK(province_directory(51) == "51-nigde");
  // English first: the plain names are English.
  const auto english = render_publication(publication, {Language::en}, 2);
  CHECK(english.size() == 1 + 3 * 5);
  CHECK(english[0].content.find("<html lang=\"en\">") != std::string::npos);
}

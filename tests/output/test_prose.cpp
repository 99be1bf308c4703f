// Press-release prose, Markdown and SVG: the words follow the numbers.
#include <catch2/catch.hpp>
#include <sstream>

#include "helpers.hpp"
#include "kexport/output/number_format.hpp"
#include "kexport/output/report.hpp"

using kexport::Period;

namespace {

Period ym(int y, int m) {
  return Period::from_year_month(y, m);
}

// A summary built by hand, so that each test controls the figures the words must follow.
kexport::Summary summary(kexport::Cents value, std::optional<double> yoy, std::optional<double> mom) {
  kexport::Summary s;
  s.province = 34;
  s.source = "TÜİK";
  s.period = ym(2025, 9);
  s.value = value;
  s.previous_month = {ym(2025, 8), 1, mom};
  s.previous_year = {ym(2024, 9), 1, yoy};
  s.rolling_12m = {ym(2024, 10), ym(2025, 9), std::nullopt, std::nullopt, std::nullopt};
  s.year_to_date = {ym(2025, 1), ym(2025, 9), std::nullopt, std::nullopt, std::nullopt};
  return s;
}

std::string text(const kexport::Summary& s, kexport::Language lang = kexport::Language::tr) {
  std::ostringstream out;
  kexport::write_summary_text(out, s, lang);
  return out.str();
}

}  // namespace

TEST_CASE("the verb follows the sign", "[prose]") {
  const auto fall = text(summary(850'000'000'000, -12.345, 3.5));
  CHECK_THAT(fall, Catch::StartsWith("İstanbul'un eylül ayı ihracatı 8 milyar 500 milyon dolar oldu."));
  CHECK_THAT(
      fall,
      Catch::Contains(
          "geçen yılın aynı ayına göre yüzde 12,35 azaldı, ağustos ayına göre ise yüzde 3,50 yükseldi."));
  const auto rise = text(summary(850'000'000'000, 7.0, -0.5));
  CHECK_THAT(rise, Catch::Contains("yüzde 7 arttı") && Catch::Contains("yüzde 0,50 geriledi"));
  const auto flat = text(summary(850'000'000'000, 0.001, std::nullopt));
  CHECK_THAT(flat, Catch::Contains("geçen yılın aynı ayına göre değişmedi."));
  CHECK_THAT(flat, !Catch::Contains("ağustos"));
  const auto doubled = text(summary(850'000'000'000, 134.0, std::nullopt));
  CHECK_THAT(doubled, Catch::Contains("2,3 katına çıktı"));

  const auto en_fall = text(summary(850'000'000'000, -12.345, 3.5), kexport::Language::en);
  CHECK_THAT(en_fall,
             Catch::StartsWith("İstanbul's exports in September 2025 were $8.5 billion, down 12.35% year on "
                               "year and 3.50% higher than in August 2025."));
  CHECK_THAT(text(summary(1'000'000, 0.0, 0.0), kexport::Language::en),
             Catch::Contains("unchanged year on year and the same as in August 2025"));
  CHECK_THAT(text(summary(1'000'000, 250.0, std::nullopt), kexport::Language::en),
             Catch::Contains("3.5 times the level of a year earlier"));
}

TEST_CASE("what cannot be computed is left out, never invented", "[prose]") {
  auto s = summary(100'000'000, std::nullopt, std::nullopt);
  const auto tr = text(s);
  CHECK_THAT(tr, Catch::StartsWith("İstanbul'un eylül ayı ihracatı 1 milyon dolar oldu.\n\n"));
  CHECK_THAT(tr, !Catch::Contains("yüzde") && !Catch::Contains("Son 12 ay") && !Catch::Contains("ülkeye"));
  CHECK_THAT(tr, Catch::EndsWith("Aylık veriler geçicidir ve sonradan düzeltilebilir.\n"));
  s.source.clear();
  CHECK_THAT(text(s), Catch::EndsWith("Verilerin kaynağı belirtilmemiştir.\n"));
}

TEST_CASE("windows, destinations, standing and sectors", "[prose]") {
  auto s = summary(29'180'423'645, -5.94, -22.9);
  s.province = 38;
  s.rolling_12m = {ym(2024, 10), ym(2025, 9), 382'840'900'000, 377'480'600'000, 1.42};
  s.year_to_date = {ym(2025, 1), ym(2025, 9), 281'171'700'000, 290'000'000'000, -3.04};
  s.countries = 140;
  s.top_destinations = {{1, test::place("Almanya"), 3'278'287'700, 11.23, 1.0},
                        {2, test::place("ABD"), 2'077'238'600, 7.12, 1.0},
                        {3, test::place("Irak"), 1'754'690'700, 6.01, 1.0},
                        {4, test::place("Polonya"), 1'000'000'000, 3.4, 1.0}};
  s.standing = kexport::Standing{12, 81, 1.35, true};
  s.top_sectors = {{{94, {}}, 9'000'000'000, 30.84, 2.0},
                   {{72, {}}, 5'000'000'000, 17.1, 1.0},
                   {{0, "Halı"}, 2'000'000'000, 6.8, 1.0}};
  const auto tr = text(s);
  CHECK_THAT(tr,
             Catch::Contains("2025 ocak-eylül döneminde ihracat, geçen yılın aynı dönemine göre yüzde 3,04 "
                             "azalarak 2 milyar 811 milyon 717 bin dolar oldu."));
  CHECK_THAT(
      tr, Catch::Contains("Son 12 ayda (ekim 2024-eylül 2025) ihracat, önceki 12 aya göre yüzde 1,42 artarak "
                          "3 milyar 828 milyon 409 bin dolara yükseldi."));
  CHECK_THAT(
      tr, Catch::Contains("Eylül ayında 140 ülkeye ihracat yapıldı. En çok ihracat yapılan ülkeler sırasıyla "
                          "Almanya, ABD ve Irak oldu. Almanya'ya yapılan 32 milyon 783 bin dolarlık ihracat, "
                          "toplamın yüzde 11,23'ünü oluşturdu."));
  CHECK_THAT(tr, Catch::Contains("Kayseri, eylül ayında 81 il arasında 12'nci sırada yer aldı ve Türkiye "
                                 "ihracatının yüzde 1,35'ini gerçekleştirdi."));
  CHECK_THAT(
      tr, Catch::Contains("Sektörler arasında ilk sırada Mobilyalar, yatak, aydınlatma yer aldı (yüzde 30,84 "
                          "pay); onu sırasıyla şu sektörler izledi: Demir ve çelik; Halı."));
  const auto en = text(s, kexport::Language::en);
  CHECK_THAT(
      en, Catch::Contains("In January–September 2025, exports fell 3.04% to $2.81 billion against the same "
                          "period a year earlier."));
  CHECK_THAT(en,
             Catch::Contains("Over the last 12 months (October 2024 – September 2025), exports rose 1.42% to "
                             "$3.83 billion."));
  CHECK_THAT(en, Catch::Contains("The largest markets were Germany, the United States, and Iraq"));
  CHECK_THAT(
      en, Catch::Contains("Kayseri ranked 12th among Türkiye's 81 provinces and accounted for 1.35% of the "
                          "country's exports."));
  CHECK_THAT(en, Catch::Contains("The largest sector was Furniture, bedding, lighting (30.84%); next came "
                                 "Iron and steel; then Carpets."));
}

TEST_CASE("small and extreme values are written as they are", "[prose]") {
  // Exact dollars under a hundred thousand, never rounded to a thousand or to zero.
  auto small = summary(85'000, std::nullopt, std::nullopt);
  CHECK_THAT(text(small), Catch::StartsWith("İstanbul'un eylül ayı ihracatı 850 dolar oldu."));
  CHECK_THAT(text(small, kexport::Language::en),
             Catch::StartsWith("İstanbul's exports in September 2025 were $850."));
  small.value = 190'000;
  CHECK_THAT(text(small), Catch::StartsWith("İstanbul'un eylül ayı ihracatı 1.900 dolar oldu."));
  CHECK_THAT(text(small, kexport::Language::en), Catch::Contains("were $1,900."));

  // One country, in the singular; a share below 0.01 % said as a bound.
  auto one = summary(100'000'000'000, 1.0, 1.0);
  one.countries = 1;
  one.top_destinations = {{1, test::place("Almanya"), 100'000'000'000, 100.0, 1.0}};
  one.standing = kexport::Standing{80, 81, 0.004, true};
  CHECK_THAT(text(one, kexport::Language::en), Catch::Contains("Goods went to 1 country."));
  CHECK_THAT(text(one, kexport::Language::en),
             Catch::Contains("accounted for less than 0.01% of the country's"));
  CHECK_THAT(text(one), Catch::Contains("Türkiye ihracatının yüzde 0,01'inden azını gerçekleştirdi."));
  one.standing = kexport::Standing{std::nullopt, 0, 0.004, true};
  CHECK_THAT(text(one),
             Catch::Contains("İstanbul'un Türkiye ihracatındaki payı yüzde 0,01'in altında oldu."));

  // Whole factors without a trailing zero; large percentages grouped.
  CHECK_THAT(text(summary(1'000'000'000, 900.0, std::nullopt)), Catch::Contains("10 katına çıktı"));
  CHECK_THAT(text(summary(1'000'000'000, 900.0, std::nullopt), kexport::Language::en),
             Catch::Contains("10 times the level of a year earlier"));
  CHECK(kexport::format_change(1200.0, kexport::Language::tr) == "+1.200,00 %");
  CHECK(kexport::format_change(9900.0, kexport::Language::en) == "+9,900.00%");
  CHECK(kexport::format_share(0.5, kexport::Language::en) == "0.50%");
}

TEST_CASE("unchanged on both comparisons is said once; December gives the year once", "[prose]") {
  CHECK_THAT(text(summary(1'000'000'000, 0.001, -0.001)),
             Catch::Contains("İhracat geçen yılın aynı ayına ve ağustos ayına göre değişmedi."));
  auto december = summary(30'000'000'000, 5.0, 1.0);
  december.period = ym(2025, 12);
  december.previous_month.period = ym(2025, 11);
  december.year_to_date = {ym(2025, 1), ym(2025, 12), 384'683'700'000, 376'000'000'000, 2.31};
  december.rolling_12m = december.year_to_date;
  const auto tr = text(december);
  CHECK_THAT(tr, Catch::Contains("2025 yılının tamamında ihracat, bir önceki yıla göre yüzde 2,31 artarak 3 "
                                 "milyar 846 milyon 837 bin dolara yükseldi."));
  CHECK_THAT(tr, !Catch::Contains("Son 12 ay") && !Catch::Contains("ocak-aralık"));
  const auto en = text(december, kexport::Language::en);
  CHECK_THAT(en, Catch::Contains("Over 2025 as a whole, exports rose 2.31% to $3.85 billion against the year "
                                 "before."));
  CHECK_THAT(en, !Catch::Contains("last 12 months"));
}

TEST_CASE("Markdown escapes names from the data", "[prose][markdown]") {
  auto s = summary(100'000'000, 1.0, 1.0);
  s.countries = 1;
  s.top_destinations = {{1, test::place("A|B *star*"), 100'000'000, 100.0, std::nullopt}};
  std::ostringstream out;
  kexport::write_summary_markdown(out, s, kexport::Language::tr);
  CHECK_THAT(out.str(), Catch::StartsWith("# İstanbul — Eylül 2025 ihracatı: 1 milyon dolar\n"));
  CHECK_THAT(out.str(), Catch::Contains("| 1 | A\\|B \\*star\\* | 1.000.000 | 100,00 % | yok |"));
}

TEST_CASE("the SVG escapes names and is well formed", "[prose][svg]") {
  auto s = summary(100'000'000, 1.0, 1.0);
  s.top_destinations = {{1, test::place("A&B <Co> \"x\""), 100'000'000, 100.0, std::nullopt}};
  for (int i = 12; i >= 0; --i)
    s.trend.push_back({s.period.plus_months(-i),
                       i == 3 ? std::nullopt : std::optional<kexport::Cents>(100'000'000 + i),
                       std::optional<kexport::Cents>(90'000'000)});
  std::ostringstream out;
  kexport::write_summary_svg(out, s, kexport::Language::tr);
  const std::string svg = out.str();
  CHECK_THAT(svg, Catch::Contains("A&amp;B &lt;Co&gt; &quot;x&quot;"));
  CHECK_THAT(svg, !Catch::Contains("<Co>"));
  // Every opened element is closed, in order.
  std::vector<std::string> open;
  for (std::size_t at = svg.find('<'); at != std::string::npos; at = svg.find('<', at + 1)) {
    const std::size_t end = svg.find('>', at);
    REQUIRE(end != std::string::npos);
    const std::string tag = svg.substr(at + 1, end - at - 1);
    const std::string name =
        tag.substr(tag[0] == '/' ? 1 : 0, tag.find_first_of(" />", 1) - (tag[0] == '/' ? 1 : 0));
    if (tag[0] == '/') {
      REQUIRE_FALSE(open.empty());
      CHECK(open.back() == name);
      open.pop_back();
    } else if (tag.back() != '/') {
      open.push_back(name);
    }
  }
  CHECK(open.empty());
  // 13 months of this year's bars but one missing, 13 of a year earlier, one destination bar.
  std::size_t rects = 0;
  for (std::size_t at = svg.find("<rect"); at != std::string::npos; at = svg.find("<rect", at + 1)) ++rects;
  CHECK(rects == 1 + 12 + 13 + 1);
}

TEST_CASE("the terminal table shows a sparkline of the last 13 months", "[prose][table]") {
  auto s = summary(100'000'000, 1.0, 1.0);
  for (int i = 12; i >= 0; --i)
    s.trend.push_back(
        {s.period.plus_months(-i), std::optional<kexport::Cents>(1000 + (12 - i) * 100), std::nullopt});
  // Levels round((v - low) / (high - low) * 7) for v = 1000, 1100, …, 2200: 0 1 1 2 2 3 4 4 5 5 6 6 7.
  std::ostringstream terminal, plain;
  kexport::write_summary_table(terminal, s, {kexport::Language::en, true, true});
  kexport::write_summary_table(plain, s, {kexport::Language::en, false});
  CHECK_THAT(terminal.str(),
             Catch::Contains("Last 13 months  ▁▂▂▃▃▄▅▅▆▆▇▇\x1b[1m█\x1b[0m  2024-09 – 2025-09"));
  CHECK_THAT(plain.str(), !Catch::Contains("▁"));
}

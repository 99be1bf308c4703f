// The month's publication set: every province's documents and Turkey's page, written whole.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "commands.hpp"
#include "kexport/app/publish.hpp"
#include "kexport/input/load.hpp"
#include "kexport/model/error.hpp"
#include "options.hpp"

namespace kexport::cli {
namespace {

// "tr", "en", "tr,en", "en,tr": the first names the plain documents.
std::vector<Language> report_languages(const std::string& text) {
  std::vector<Language> languages;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t comma = text.find(',', begin);
    if (comma == std::string::npos) comma = text.size();
    const std::string code = text.substr(begin, comma - begin);
    const Language language =
        code == "tr" ? Language::tr
        : code == "en"
            ? Language::en
            : throw Error(ExitCode::usage, fmt::format("--lang '{}': expected tr, en, tr,en or en,tr", text));
    if (std::find(languages.begin(), languages.end(), language) == languages.end())
      languages.push_back(language);
    begin = comma + 1;
  }
  return languages;
}

}  // namespace

int run_report(const Session& session, const ReportCommand& command) {
  if (!session.options().output.empty())
    throw Error(ExitCode::usage, "report writes a directory of files: give it with --dir, not --output");
  const std::vector<Language> languages = report_languages(command.lang);
  PublicationQuery query;
  const bool all =
      std::find(command.provinces.begin(), command.provinces.end(), "all") != command.provinces.end();
  if (all && command.provinces.size() > 1)
    throw Error(ExitCode::usage, "--province all names every province; give it alone");
  if (!all) query.provinces = provinces_named(command.provinces);
  query.month = month_option(command.month, "--month");
  query.source = session.source();
  query.basis = session.basis();
  query.top_n = command.top_n;
  query.threads = session.options().threads;

  const Language lang = languages.front();
  const Publication publication =
      compute_publication(session.load(everything(), lang), Gazetteer::builtin(), query);
  for (const MissingProvince& m : publication.missing)
    std::cerr << "kexport: " << Gazetteer::builtin().province_name(m.province)
              << ": not in the report: " << m.reason << '\n';
  const std::vector<PublishedFile> files = render_publication(publication, languages, query.threads);
  const std::vector<FileDigest> written = publish_directory(
      command.dir, files, publication, languages, digest_inputs(list_inputs(session.data_paths()).files));
  if (isatty(STDERR_FILENO) == 1)
    std::cerr << fmt::format("kexport: {}: {} of {} provinces, {} files in {}\n", publication.month.iso(),
                             publication.provinces.size(),
                             publication.provinces.size() + publication.missing.size(), written.size() + 1,
                             command.dir);
  return 0;
}

void add_report(CLI::App& app, Action& chosen) {
  auto [sub, command] = add_command<ReportCommand>(
      app, chosen, "report",
      "The month's publication as a directory: for each province a web page, the press release in "
      "Turkish and English, a Markdown report, the chart and the JSON; Turkey's page on top, with the "
      "provinces ranked; a manifest of every file. Written whole or not at all",
      run_report);
  sub->add_option("--province,-p", command->provinces,
                  "Provinces by name or plate code, separated by commas, or all (the default)")
      ->delimiter(',')
      ->capture_default_str();
  add_month_option(sub, command->month);
  sub->add_option("--lang", command->lang,
                  "Languages: tr, en, tr,en or en,tr (the first names the plain files)")
      ->capture_default_str();
  add_top_option(sub, command->top_n, "How many destinations each province's documents list");
  sub->add_option("--dir", command->dir,
                  "The directory to write (replaced whole if it holds an earlier report)")
      ->type_name("DIR")
      ->check(non_empty_path)
      ->required();
  add_help_footer(sub, {"kexport report --province Kayseri --month 2026-01 --dir rapor",
                        "kexport report --province all --month latest --dir /var/www/ihracat/latest",
                        "kexport report -p Kayseri,Niğde,Nevşehir --lang tr --dir bolge"});
}

}  // namespace kexport::cli

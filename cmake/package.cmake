# The Debian package: `cpack -G DEB` in the build directory makes kexport_<version>_amd64.deb.
# Everything goes under /usr: the binary in /usr/bin, the bundled data in /usr/share/kexport/data
# (where the binary looks, beside itself), the manual, the completions, the copyright and the
# changelog where Debian's policy puts them.

# Debian's policy: manual pages and changelogs compressed with gzip -9n (no name, no time, so the
# package is the same bytes each build).
find_program(GZIP gzip REQUIRED)
set(KEXPORT_MAN_GZ ${CMAKE_CURRENT_BINARY_DIR}/packaging/kexport.1.gz)
set(KEXPORT_CHANGELOG_GZ ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.gz)
add_custom_command(
  OUTPUT ${KEXPORT_MAN_GZ} ${KEXPORT_CHANGELOG_GZ}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/packaging
  COMMAND ${GZIP} -9nc ${CMAKE_CURRENT_SOURCE_DIR}/man/kexport.1 > ${KEXPORT_MAN_GZ}
  COMMAND ${GZIP} -9nc ${CMAKE_CURRENT_SOURCE_DIR}/packaging/changelog > ${KEXPORT_CHANGELOG_GZ}
  DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/man/kexport.1 ${CMAKE_CURRENT_SOURCE_DIR}/packaging/changelog
  COMMENT "Compressing the manual and the changelog"
  VERBATIM)

# The shell completions, with the gazetteer's province names.
set(KEXPORT_COMPLETIONS ${CMAKE_CURRENT_BINARY_DIR}/completions)
add_custom_command(
  OUTPUT ${KEXPORT_COMPLETIONS}/kexport.bash ${KEXPORT_COMPLETIONS}/_kexport ${KEXPORT_COMPLETIONS}/kexport.fish
  COMMAND ${CMAKE_COMMAND} -DPROVINCES=${CMAKE_CURRENT_SOURCE_DIR}/data/gazetteer/provinces.csv
          -DSOURCE_DIR=${CMAKE_CURRENT_SOURCE_DIR}/completions -DOUTPUT_DIR=${KEXPORT_COMPLETIONS}
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/completions.cmake
  DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/data/gazetteer/provinces.csv ${CMAKE_CURRENT_SOURCE_DIR}/cmake/completions.cmake
          ${CMAKE_CURRENT_SOURCE_DIR}/completions/kexport.bash.in ${CMAKE_CURRENT_SOURCE_DIR}/completions/_kexport.in
          ${CMAKE_CURRENT_SOURCE_DIR}/completions/kexport.fish.in
  COMMENT "Writing the shell completions"
  VERBATIM)
add_custom_target(kexport_documents ALL
  DEPENDS ${KEXPORT_MAN_GZ} ${KEXPORT_CHANGELOG_GZ} ${KEXPORT_COMPLETIONS}/kexport.bash
          ${KEXPORT_COMPLETIONS}/_kexport ${KEXPORT_COMPLETIONS}/kexport.fish)

install(FILES ${KEXPORT_MAN_GZ} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${KEXPORT_COMPLETIONS}/kexport.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME kexport)
install(FILES ${KEXPORT_COMPLETIONS}/_kexport DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${KEXPORT_COMPLETIONS}/kexport.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${KEXPORT_CHANGELOG_GZ} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The guide, the input formats, the JSON contract and the rest the README points to.
install(FILES docs/guide.md docs/input.md docs/json.md docs/figures.md docs/cache.md docs/performance.md
              docs/architecture.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kexport)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "The kexport authors <kexport@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Turkish provincial export statistics, from file to press release")
set(CPACK_PACKAGE_DESCRIPTION
    "kexport reads the monthly foreign trade figures that TÜİK, TİM and
the Ministry of Trade publish by province, country and sector (CSV,
JSON, and the Excel and LibreOffice workbooks they come in) and answers
what a chamber of commerce asks of a month: exports and imports, their
changes, the last twelve months and the year to date, destinations and
sectors, the rank among the 81 provinces and the trade balance, exact
to the cent. It writes tables, JSON, CSV, Markdown, charts, web pages
and press releases in Turkish and English.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # kexport_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The libraries the binary links come from dpkg-shlibdeps; six more are loaded with dlopen when
# first needed (workbooks: libzip and expat; large workbooks: ISA-L; .xls: libgsf; checksums:
# Nettle; `kexport fetch`: libcurl; include/kexport/model/lazy_library.hpp says why), which
# shlibdeps cannot see, so they are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libzip4, libexpat1, libisal2, libgsf-1-114, libnettle8, libcurl4")
set(CPACK_STRIP_FILES ON)
# Directories 0755, whatever the builder's umask.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                                                 WORLD_READ WORLD_EXECUTE)
# What lintian says of the package, beyond no error and no warning (CI fails on either), and why
# each informational tag stays:
# - binary-has-unneeded-section .comment: the compiler's and the C runtime's version strings,
#   which CPack's strip keeps; a few hundred bytes, and dh_strip is not part of a CPack build.
# - package-contains-documentation-outside-usr-share-doc (data/README.md, gazetteer/revised.txt):
#   they are the bundled data's own notes — which of its figures are made up, and the gazetteer's
#   revision — and belong beside the data they describe.
# - spelling-error-in-binary "Nam": "Viet Nam", a spelling of a country the gazetteer matches.
include(CPack)

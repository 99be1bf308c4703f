// Catch2's main, with every test tagged by its file's name ("[#test_amount]"): the build's
// discovery selects each layer's tests by those tags (tests/CMakeLists.txt), so that
// `ctest -L input` runs one layer.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

int main(int argc, char* argv[]) {
  Catch::Session session;
  session.configData().filenamesAsTags = true;
  if (const int error = session.applyCommandLine(argc, argv); error != 0) return error;
  return session.run();
}

#include "command_line.hpp"
#include "kexport/input/load.hpp"

int main(int argc, char** argv) {
  // The process ends with its command: its input files stay mapped to the end (see there why).
  kexport::keep_mappings_until_exit();
  return kexport::cli::run(argc, argv);
}

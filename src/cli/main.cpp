#include "command_line.hpp"

int main(int argc, char** argv) {
  return kexport::cli::run(argc, argv);
}

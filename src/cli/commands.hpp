// The command line: CLI11 wiring that turns arguments into queries and hands them to the library.
#pragma once

namespace kexport::cli {

// Runs kexport with the process's arguments and returns the exit code.
int run(int argc, char** argv);

}  // namespace kexport::cli

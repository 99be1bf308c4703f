// The command line: parses the arguments into a command's options and runs it.
#pragma once

namespace kexport::cli {

// Runs kexport with the process's arguments and returns the exit code.
int run(int argc, char** argv);

}  // namespace kexport::cli

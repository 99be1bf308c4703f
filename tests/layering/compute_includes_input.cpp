// Must not compile: computing answers never reads files (the app layer does).
#include "kexport/input/load.hpp"

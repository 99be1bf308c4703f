// Must not compile: the model is the lowest layer and cannot see the input layer's headers.
#include "kexport/input/load.hpp"

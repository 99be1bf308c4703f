// Must not compile: writers know nothing of the use cases above them.
#include "kexport/app/cache.hpp"

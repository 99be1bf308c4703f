// Must not compile: app links the cache privately, so the command line (a user of app) cannot
// reach the cache, xxHash or nlohmann through it.
#include "kexport/cache/cache_image.hpp"

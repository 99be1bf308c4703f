// Must not compile: output writes facts handed to it and knows nothing of the cache.
#include "kexport/cache/cache_image.hpp"

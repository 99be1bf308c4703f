// Must not compile: a layer's private headers stay its own (the cache's image metadata).
#include "image_meta.hpp"

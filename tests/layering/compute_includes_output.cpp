// Must not compile: compute returns facts; naming and writing them is the output layer's.
#include "kexport/output/report.hpp"

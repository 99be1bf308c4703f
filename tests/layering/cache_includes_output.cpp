// Must not compile: the cache stores what input loads, below any writer of reports.
#include "kexport/output/report.hpp"

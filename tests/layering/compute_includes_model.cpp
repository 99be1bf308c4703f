// Compiles: the control for the checks beside it, a layer including the layer below.
#include "kexport/dataset.hpp"
#include "kexport/summary.hpp"
int kexport_layering_control() {
  return static_cast<int>(kexport::province_count);
}

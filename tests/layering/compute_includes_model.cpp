// Compiles: the control for the checks beside it, a layer including the layer below.
#include "kexport/compute/summary.hpp"
#include "kexport/model/dataset.hpp"
int kexport_layering_control() {
  return static_cast<int>(kexport::province_count);
}

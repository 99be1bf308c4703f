// The parts of a Dataset besides its two columns, as JSON (an image stores it as CBOR).
#pragma once

#include <nlohmann/json.hpp>

#include "kexport/model/dataset.hpp"

namespace kexport::cache {

nlohmann::json describe(const Dataset& data);

// The inverse of describe(), into a Dataset whose columns are left empty. Throws
// std::runtime_error (nlohmann's errors included) when the JSON is not what describe() writes or
// contradicts itself.
Dataset restore(const nlohmann::json& meta);

}  // namespace kexport::cache

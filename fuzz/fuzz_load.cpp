// libFuzzer target: any bytes given to the loader must give a document or diagnostics, never a
// crash, a hang or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "budgetcheck/load/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const budgetcheck::LoadResult result = budgetcheck::load_document(text, "fuzz.json");
    (void)result;
    return 0;
}

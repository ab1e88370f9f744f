// libFuzzer target: any bytes given to the PDF importer must give a document or diagnostics,
// never a crash, a hang or undefined behaviour. poppler reads files, so each input is written to
// a scratch file first. Seed it with tests/pdf/*.pdf (inputs of a few hundred KB: run with
// -max_len=1048576); it is not part of scripts/fuzz.sh's timed run yet.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "budgetcheck/load/pdf.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path scratch =
        std::filesystem::temp_directory_path() /
        ("budgetcheck-fuzz-import-" + std::to_string(::getpid()) + ".pdf");
    {
        std::ofstream out(scratch, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    const budgetcheck::LoadResult result = budgetcheck::load_pdf({scratch});
    (void)result;
    return 0;
}

// libFuzzer target: the whole verify pipeline — load, every rule, every report format — on any
// bytes.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "budgetcheck/load/load.hpp"
#include "budgetcheck/report/reporter.hpp"
#include "budgetcheck/rules/engine.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace budgetcheck;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    LoadResult loaded = load_document(text, "fuzz.json");
    FileResult result;
    result.file = "fuzz.json";
    result.input_diagnostics = loaded.diagnostics;
    result.unreadable = !loaded.document || loaded.has_errors();
    if (loaded.document) {
        result.report = check_document(*loaded.document);
    }
    for (Format format : {Format::Text, Format::Json, Format::Ndjson, Format::Sarif, Format::Github,
                          Format::Junit, Format::Markdown, Format::Csv}) {
        std::ostringstream out;
        auto reporter = make_reporter(format, out, ReportOptions{});
        reporter->file(result);
        reporter->finish(summarise({result}));
    }
    return 0;
}

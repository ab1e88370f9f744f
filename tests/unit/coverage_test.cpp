// Detection coverage: every printed figure of the seed transcriptions that takes part in at
// least one identity is changed by +0.05, and verify must then report an error naming it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <iostream>

#include "budgetcheck/load/load.hpp"
#include "budgetcheck/rules/engine.hpp"

using namespace budgetcheck;

namespace {

// Every cell of a document, by JSON pointer (grid cells and the figures of performance tables).
std::vector<Cell*> all_cells(Document& document) {
    std::vector<Cell*> out;
    for (Table& table : document.tables) {
        for (TableSide& side : table.sides) {
            for (Row& row : side.rows) {
                for (Cell& cell : row.cells) {
                    out.push_back(&cell);
                }
            }
        }
        for (ProjectTargets& project : table.projects) {
            for (FundLine& line : project.funds) {
                out.push_back(&line.cell);
            }
            for (Indicator& indicator : project.indicators) {
                out.push_back(&indicator.weight);
            }
            for (auto& [label, cell] : project.score_weights) {
                out.push_back(&cell);
            }
            if (project.weights_total) {
                out.push_back(&*project.weights_total);
            }
        }
    }
    return out;
}

Cell* find_cell(Document& document, const std::string& pointer) {
    for (Cell* cell : all_cells(document)) {
        if (cell->source.pointer == pointer) {
            return cell;
        }
    }
    return nullptr;
}

// Adds 0.05 to a printed amount or percentage; false when the cell holds no printed figure.
bool nudge(Cell& cell) {
    const Decimal step = *Decimal::make(5, 2);
    if (const Amount* amount = cell.amount(); amount != nullptr && amount->is_printed()) {
        cell.value = Amount::number(*amount->value().plus(step), std::max(amount->decimals(), 2));
        return true;
    }
    if (const Percentage* percentage = cell.percentage();
        percentage != nullptr && percentage->is_printed()) {
        cell.value = Percentage::number(*percentage->points().plus(step),
                                        std::max(percentage->decimals(), 2));
        return true;
    }
    return false;
}

bool names_cell(const CheckReport& report, const std::string& pointer, Severity severity,
                std::string_view rule = {}) {
    for (const Finding& finding : report.findings) {
        if (finding.severity != severity || (!rule.empty() && finding.rule_id != rule)) {
            continue;
        }
        for (const CellRef& cell : finding.cells) {
            if (cell.source.pointer == pointer) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace

// By default a change that rounding of the printed figures could explain is a rounding note, not
// an error: 9.16% → 9.21% on a base of 9.50 万元 is such a change, since 10.37 and 9.50 stand for
// any exact values within ±0.005 and their ratio can be anywhere from 9.05% to 9.27%. Those cells
// must still be named, by rounding.explained; with exact footing required, every change is an
// error.
TEST_CASE("changing any checked seed figure by +0.05 gives a finding naming that cell",
          "[rules][coverage]") {
    RuleOptions exact;
    exact.exact_footing = true;
    for (const char* name : {"/data/jilin-hrss-information-center-2024.json",
                             "/data/mohrss-information-center-2024.json"}) {
        const LoadResult loaded = load_file(std::string(BUDGETCHECK_SOURCE_DIR) + name);
        REQUIRE(loaded.document);
        const CheckReport baseline = check_document(*loaded.document);
        std::size_t figures = 0;
        std::size_t as_errors = 0;
        std::size_t as_exact_errors = 0;
        std::vector<std::string> within_rounding;
        std::vector<std::string> missed;
        for (const std::string& pointer : baseline.cells_checked) {
            Document changed = *loaded.document;
            Cell* cell = find_cell(changed, pointer);
            if (cell == nullptr || !nudge(*cell)) {
                continue;  // a row, a table or a blank: not a printed figure
            }
            ++figures;
            const CheckReport report = check_document(changed);
            if (names_cell(report, pointer, Severity::Error)) {
                ++as_errors;
            } else if (names_cell(report, pointer, Severity::Note, "rounding.explained")) {
                within_rounding.push_back(pointer);
            } else {
                missed.push_back(pointer);
            }
            if (names_cell(check_document(changed, exact), pointer, Severity::Error)) {
                ++as_exact_errors;
            }
        }
        std::size_t printed = 0;
        Document copy = *loaded.document;
        for (Cell* cell : all_cells(copy)) {
            const bool figure = (cell->amount() != nullptr && cell->amount()->is_printed()) ||
                                (cell->percentage() != nullptr && cell->percentage()->is_printed());
            if (figure) {
                ++printed;
                if (std::find(baseline.cells_checked.begin(), baseline.cells_checked.end(),
                              cell->source.pointer) == baseline.cells_checked.end()) {
                    std::cout << "  in no identity: " << cell->source.pointer << "\n";
                }
            }
        }
        std::cout << name << ": " << printed << " printed figures, " << figures
                  << " of them in at least one identity\n";
        std::cout << "detection coverage " << name << ": " << figures - missed.size() << "/"
                  << figures << " figures named (" << as_errors << " as errors, "
                  << within_rounding.size() << " as rounding notes); with --exact-footing "
                  << as_exact_errors << "/" << figures << " as errors\n";
        for (const std::string& pointer : within_rounding) {
            std::cout << "  within rounding: " << pointer << "\n";
        }
        for (const std::string& pointer : missed) {
            std::cout << "  not caught: " << pointer << "\n";
        }
        INFO(name);
        CHECK(figures > 100);
        CHECK(missed.empty());
        CHECK(as_exact_errors == figures);
    }
}

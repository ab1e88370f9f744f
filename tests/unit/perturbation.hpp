// Perturbation: how much of a document does budgetcheck really check? Each printed amount of a
// table is raised, one at a time, by 100 units of its last printed digit ("1,234.56" → 1,235.56,
// "50,000" → 50,100), and the document checked again: a figure is caught when the change makes
// verify report more errors. This is what shared/tools/perturb.py does through the command line,
// done in memory so the whole corpus takes seconds.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "budgetcheck/load/load.hpp"
#include "budgetcheck/rules/engine.hpp"

namespace budgetcheck::test {

struct PerturbationResult {
    std::size_t figures = 0;
    std::size_t caught = 0;
    std::vector<std::string> misses;  // "pointer  table · row × column  printed"

    double share() const {
        return figures == 0 ? 1.0 : static_cast<double>(caught) / static_cast<double>(figures);
    }
};

inline std::size_t error_count(const CheckReport& report) {
    return report.count(Severity::Error);
}

// Every printed amount of the document's grid tables (not a row of the columns' numbers), by JSON
// pointer: a figure printed once may be read in two panels (a total printed across them), and is
// raised in both.
inline std::map<std::string, std::vector<Cell*>> printed_amounts(Document& document) {
    std::map<std::string, std::vector<Cell*>> out;
    for (Table& table : document.tables) {
        for (TableSide& side : table.sides) {
            for (Row& row : side.rows) {
                if (row.role == RowRole::Filler) {
                    continue;  // the columns' numbers (栏次), not figures
                }
                for (std::size_t c = 0; c < row.cells.size(); ++c) {
                    Cell& cell = row.cells[c];
                    if (side.columns[c].meaning.is_value() && cell.amount() != nullptr &&
                        cell.amount()->is_printed() && !cell.invalid) {
                        out[cell.source.pointer].push_back(&cell);
                    }
                }
            }
        }
    }
    return out;
}

inline std::string describe_cell(const Document& document, const std::string& pointer) {
    for (const Table& table : document.tables) {
        for (const TableSide& side : table.sides) {
            for (const Row& row : side.rows) {
                for (std::size_t c = 0; c < row.cells.size(); ++c) {
                    if (row.cells[c].source.pointer == pointer) {
                        const std::string name =
                            row.subject ? row.subject->code + " " + row.label : row.label;
                        return pointer + "  " + table.title + " · " + name + " × " +
                               side.columns[c].printed() + "  " + row.cells[c].printed;
                    }
                }
            }
        }
    }
    return pointer;
}

// Every figure, or every tenth under the sanitizers (a Debug build with ASan runs the checks some
// twenty times slower; a sample still reaches every table and rule).
#ifdef BUDGETCHECK_SANITIZED
inline constexpr std::size_t perturbation_stride = 10;
#else
inline constexpr std::size_t perturbation_stride = 1;
#endif

inline PerturbationResult perturb(const Document& original, const RuleOptions& options = {}) {
    PerturbationResult result;
    const std::size_t base = error_count(check_document(original, options));
    Document probe = original;
    const auto targets = printed_amounts(probe);
    std::size_t index = 0;
    for (const auto& [pointer, cells] : targets) {
        if (index++ % perturbation_stride != 0) {
            continue;
        }
        const Amount before = *cells.front()->amount();
        const Decimal step = *Decimal::make(100, before.decimals());
        const Amount raised = Amount::number(*before.value().plus(step), before.decimals());
        for (Cell* cell : cells) {
            cell->value = raised;
        }
        ++result.figures;
        if (error_count(check_document(probe, options)) > base) {
            ++result.caught;
        } else {
            result.misses.push_back(describe_cell(original, pointer));
        }
        for (Cell* cell : cells) {
            cell->value = before;
        }
    }
    return result;
}

}  // namespace budgetcheck::test

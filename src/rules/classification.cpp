// Classification: a subject's code must fit under its parent's code, agree with the catalog's
// name for it, and economic subjects must sit in the right personnel/public column.
#include <fmt/format.h>

#include "budgetcheck/load/load.hpp"
#include "families.hpp"

namespace budgetcheck::rules {

void parent_code(const Document& document, RuleContext& context) {
    for (const Table& table : document.tables) {
        for (std::size_t s = 0; s < table.sides.size(); ++s) {
            const TableSide& side = table.sides[s];
            for (std::size_t r = 0; r < side.rows.size(); ++r) {
                const Row& row = side.rows[r];
                if (!row.subject || row.subject->level < 2 || row.parent < 0) {
                    continue;
                }
                const Row& parent = side.rows[static_cast<std::size_t>(row.parent)];
                if (!parent.subject) {
                    continue;
                }
                const std::string expected = budgetcheck::parent_code(row.subject->code);
                const CellAt at{&table, static_cast<int>(s), static_cast<int>(r), 0};
                CellRef ref = ref_of(at);
                ref.column = side.columns.empty() ? "" : side.columns[0].printed();
                ref.source = row.source;
                context.count_checked({ref});
                if (expected == parent.subject->code) {
                    continue;
                }
                Finding finding;
                finding.severity = context.rule().default_severity;
                finding.cells = {ref};
                finding.expected = fmt::format("a code under {}", parent.subject->code);
                finding.actual = row.subject->code;
                finding.message_en = fmt::format(
                    "{} {} is printed under {} {}, but its code belongs under {}",
                    row.subject->code, row.label, parent.subject->code, parent.label, expected);
                finding.message_zh =
                    fmt::format("{} {} 列在 {} {} 之下，但其编码应属于 {}", row.subject->code,
                                row.label, parent.subject->code, parent.label, expected);
                if (row.subject->origin == SubjectRef::Origin::CatalogName) {
                    finding.add_hint(
                        "the code comes from the catalog by name: the subject may be filed under "
                        "the wrong parent",
                        "编码是按名称从科目目录取得的：该科目可能列在了错误的上级之下");
                }
                context.report(std::move(finding));
            }
        }
    }
}

void catalog_name(const Document& document, RuleContext& context) {
    const SubjectCatalog& catalog =
        context.options().catalog != nullptr ? *context.options().catalog : bundled_catalog();
    for (const Table& table : document.tables) {
        for (std::size_t s = 0; s < table.sides.size(); ++s) {
            const TableSide& side = table.sides[s];
            for (std::size_t r = 0; r < side.rows.size(); ++r) {
                const Row& row = side.rows[r];
                if (!row.subject || row.subject->origin == SubjectRef::Origin::CatalogName ||
                    row.label.empty()) {
                    continue;
                }
                const SubjectRef& subject = *row.subject;
                const CatalogSubject* known =
                    catalog.find_code(subject.classification, subject.code);
                if (known == nullptr) {
                    context.skip(
                        fmt::format("code {} is not in the bundled catalog", subject.code),
                        fmt::format("编码 {} 不在所附科目目录中", subject.code));
                    continue;
                }
                CellRef ref = ref_of(CellAt{&table, static_cast<int>(s), static_cast<int>(r), 0});
                ref.source = row.source;
                context.count_checked({ref});
                const std::string printed_key = subject_name_key(row.label);
                bool matches = subject_name_key(known->name) == printed_key;
                for (const std::string& former : known->former_names) {
                    matches = matches || subject_name_key(former) == printed_key;
                }
                if (matches) {
                    continue;
                }
                if (const int year = catalog.year(subject.classification);
                    year != 0 && document.year != 0 && document.year < year) {
                    // Subjects are renamed and recoded between catalog years (30307 was 医疗费
                    // before 2018): a name the catalog does not know may be the one of its year.
                    context.skip(fmt::format("{} {}: the catalog names subjects as of {}, the "
                                             "document is of {}",
                                             subject.code, row.label, year, document.year),
                                 fmt::format("{} {}：科目目录为 {} 年版，本文件为 {} 年",
                                             subject.code, row.label, year, document.year));
                    continue;
                }
                std::string elsewhere;
                for (const CatalogSubject* other :
                     catalog.find_name(subject.classification, row.label)) {
                    if (other->code != subject.code) {
                        elsewhere = other->code;
                    }
                }
                Finding finding;
                finding.severity =
                    elsewhere.empty() ? Severity::Warning : context.rule().default_severity;
                finding.cells = {ref};
                finding.expected = known->name;
                finding.actual = row.label;
                if (elsewhere.empty()) {
                    finding.message_en =
                        fmt::format("code {} is named {} in the catalog, but {} is printed",
                                    subject.code, known->name, row.label);
                    finding.message_zh = fmt::format("编码 {} 在科目目录中为“{}”，表中列为“{}”",
                                                     subject.code, known->name, row.label);
                } else {
                    finding.message_en =
                        fmt::format("code {} is {} in the catalog; {} is code {}", subject.code,
                                    known->name, row.label, elsewhere);
                    finding.message_zh =
                        fmt::format("编码 {} 在科目目录中为“{}”；“{}”的编码应为 {}", subject.code,
                                    known->name, row.label, elsewhere);
                    finding.add_hint(fmt::format("was {} meant?", elsewhere),
                                     fmt::format("是否应为 {}？", elsewhere));
                }
                context.report(std::move(finding));
            }
        }
    }
}

void economic_column(const Document& document, RuleContext& context) {
    for (const Table& table : document.tables) {
        for (std::size_t s = 0; s < table.sides.size(); ++s) {
            const TableSide& side = table.sides[s];
            const int personnel = find_column(side, [](const ColumnMeaning& m) {
                return m.spending == Spending::Personnel && m.quantity == Quantity::Amount;
            });
            const int public_column = find_column(side, [](const ColumnMeaning& m) {
                return m.spending == Spending::Public && m.quantity == Quantity::Amount;
            });
            if (personnel < 0 || public_column < 0) {
                continue;
            }
            for (std::size_t r = 0; r < side.rows.size(); ++r) {
                const Row& row = side.rows[r];
                if (!row.subject ||
                    row.subject->classification != Classification::EconomicDepartment) {
                    continue;
                }
                // The 类 the row is printed under decides; a code that disagrees with it is
                // classification.parent-code's finding, not this rule's.
                std::string klass = row.subject->code.substr(0, 3);
                for (int up = row.parent; up >= 0;
                     up = side.rows[static_cast<std::size_t>(up)].parent) {
                    const Row& above = side.rows[static_cast<std::size_t>(up)];
                    if (above.subject && above.subject->level == 1) {
                        klass = above.subject->code;
                    }
                }
                int wrong = -1;
                std::string_view belongs;
                if (klass == "301" || klass == "303") {
                    wrong = public_column;
                    belongs = "人员经费";
                } else if (klass == "302" || klass == "309" || klass == "310") {
                    wrong = personnel;
                    belongs = "公用经费";
                } else {
                    continue;
                }
                const CellAt at{&table, static_cast<int>(s), static_cast<int>(r), wrong};
                context.count_checked({ref_of(at)});
                if (!at.printed() || at.amount()->value().is_zero()) {
                    continue;
                }
                Finding finding;
                finding.severity = context.rule().default_severity;
                finding.cells = {ref_of(at)};
                finding.expected = "blank";
                finding.actual = at.cell().printed;
                finding.message_en = fmt::format(
                    "{}: class {} subjects are {}, but {} is printed in the {} column",
                    row_name(row), klass,
                    belongs == "人员经费" ? "personnel expenses" : "public expenses",
                    at.cell().printed, side.columns[static_cast<std::size_t>(wrong)].printed());
                finding.message_zh = fmt::format(
                    "{}：{} 类科目属于{}，却在“{}”列列示 {}", row_name(row), klass, belongs,
                    side.columns[static_cast<std::size_t>(wrong)].printed(), at.cell().printed);
                context.report(std::move(finding));
            }
        }
    }
}

}  // namespace budgetcheck::rules

// Amount and Percentage: printed figures as exact decimals that remember how they were printed
// (blank, dash, number; how many decimals), plus the money units tables are printed in.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "budgetcheck/model/decimal.hpp"

namespace budgetcheck {

// How a cell was printed. Blank and dash both take part in sums as zero, but a reviewer must be
// able to tell them from a printed "0.00".
enum class CellForm {
    Blank,   // nothing printed
    Dash,    // "-", "—", "–" printed in place of a figure
    Number,  // a figure was printed
};

std::string_view to_string(CellForm form);

// 元, 万元 and 亿元: a table's figures are in one of these. Conversions are exact powers of ten.
enum class MoneyUnit { Yuan, TenThousandYuan, HundredMillionYuan };

std::string_view to_string(MoneyUnit unit);  // "元", "万元", "亿元"
std::optional<MoneyUnit> parse_money_unit(std::string_view printed);
int yuan_exponent(MoneyUnit unit);  // 0, 4, 8

// The outcome of reading one printed figure; exactly one of value and error is meaningful.
struct PrintedNumber {
    CellForm form = CellForm::Blank;
    Decimal value;         // zero unless form == Number
    int decimals = 0;      // decimals as printed ("31.6" → 1, "4,394.21" → 2)
    bool percent = false;  // printed with a trailing %
    bool grouped = false;  // printed with thousands separators
};

struct NumberParse {
    std::optional<PrintedNumber> number;
    std::string error;  // why the text is not a printed number; empty on success
};

// Reads a figure as printed in a disclosure: "3,544.76", "-71.82", "41.90%", "１２３",
// "（71.82）", "-", "—", "". Full-width digits and punctuation are folded first. The error
// says what is wrong in words a transcriber can act on.
NumberParse parse_printed_number(std::string_view text);

// A money figure. The value is in the unit of the table it was printed in; the unit lives with
// the table, and comparisons across units go through in_yuan().
class Amount {
  public:
    Amount() = default;
    static Amount blank() { return Amount(); }
    static Amount dash();
    static Amount number(Decimal value, int decimals);
    // Parse as an amount: a trailing % is an error here.
    static std::optional<Amount> parse(std::string_view text, std::string* error = nullptr);

    CellForm form() const { return form_; }
    bool is_printed() const { return form_ == CellForm::Number; }
    bool is_blank() const { return form_ == CellForm::Blank; }
    bool is_dash() const { return form_ == CellForm::Dash; }
    // The value taken in sums: zero for blank and dash.
    Decimal value() const { return value_; }
    int decimals() const { return decimals_; }

    // The exact value in 元, given the unit the amount was printed in.
    std::optional<Decimal> in_yuan(MoneyUnit printed_in) const;
    // Exact conversion to another unit; nullopt only on overflow or beyond Decimal::max_scale.
    std::optional<Decimal> in_unit(MoneyUnit printed_in, MoneyUnit wanted) const;

    // The printed number, normalised ("9076.74"); "" for blank and "-" for a dash.
    std::string to_string() const;

  private:
    CellForm form_ = CellForm::Blank;
    Decimal value_;
    int decimals_ = 0;
};

// A printed share or rate, in percent points: "41.90%" holds 41.90 with 2 decimals.
class Percentage {
  public:
    Percentage() = default;
    static Percentage number(Decimal percent_points, int decimals);
    // Parse as a percentage: "41.90%" and "41.90" (in a column already headed %) both read as
    // 41.90 percent points.
    static std::optional<Percentage> parse(std::string_view text, std::string* error = nullptr);

    CellForm form() const { return form_; }
    bool is_printed() const { return form_ == CellForm::Number; }
    Decimal points() const { return points_; }
    int decimals() const { return decimals_; }
    std::string to_string() const;  // "41.90%"; "" blank; "-" dash

  private:
    CellForm form_ = CellForm::Blank;
    Decimal points_;
    int decimals_ = 0;
};

}  // namespace budgetcheck

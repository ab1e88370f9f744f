#include "budgetcheck/model/amount.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "budgetcheck/model/text.hpp"

namespace budgetcheck {

namespace {

constexpr int max_digits = 18;

bool is_dash_point(char32_t c) {
    return c == U'-' || c == 0x2014 || c == 0x2013 || c == 0x2015 || c == 0x2500 || c == 0x2010 ||
           c == 0x2012 || c == 0xFE58;
}

NumberParse fail(std::string message) {
    return NumberParse{std::nullopt, std::move(message)};
}

}  // namespace

std::string_view to_string(CellForm form) {
    switch (form) {
        case CellForm::Blank:
            return "blank";
        case CellForm::Dash:
            return "dash";
        case CellForm::Number:
            return "number";
    }
    return "?";
}

std::string_view to_string(MoneyUnit unit) {
    switch (unit) {
        case MoneyUnit::Yuan:
            return "元";
        case MoneyUnit::TenThousandYuan:
            return "万元";
        case MoneyUnit::HundredMillionYuan:
            return "亿元";
    }
    return "?";
}

std::optional<MoneyUnit> parse_money_unit(std::string_view printed) {
    std::string key = label_key(printed);
    for (std::string_view prefix : {"单位:", "金额单位:", "单位"}) {
        if (key.rfind(prefix, 0) == 0) {
            key.erase(0, prefix.size());
            break;
        }
    }
    if (key == "元") {
        return MoneyUnit::Yuan;
    }
    if (key == "万元") {
        return MoneyUnit::TenThousandYuan;
    }
    if (key == "亿元") {
        return MoneyUnit::HundredMillionYuan;
    }
    return std::nullopt;
}

int yuan_exponent(MoneyUnit unit) {
    switch (unit) {
        case MoneyUnit::Yuan:
            return 0;
        case MoneyUnit::TenThousandYuan:
            return 4;
        case MoneyUnit::HundredMillionYuan:
            return 8;
    }
    return 0;
}

NumberParse parse_printed_number(std::string_view text) {
    // Most cells are plain ASCII ("4394.21", ""): no folding to do.
    const bool ascii = std::all_of(text.begin(), text.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    const std::string folded = ascii ? trim(text) : trim(fold_width(text));
    PrintedNumber out;
    if (folded.empty()) {
        return NumberParse{out, {}};
    }
    const std::u32string points = decode_utf8(folded);
    bool all_dashes = true;
    for (char32_t c : points) {
        all_dashes = all_dashes && is_dash_point(c);
    }
    if (all_dashes) {
        out.form = CellForm::Dash;
        return NumberParse{out, {}};
    }

    std::u32string_view body(points);
    bool negative = false;
    if (body.size() >= 2 && body.front() == U'(' && body.back() == U')') {
        negative = true;  // accounting style (71.82)
        body = body.substr(1, body.size() - 2);
    }
    if (!body.empty() && body.back() == U'%') {
        out.percent = true;
        body.remove_suffix(1);
    }
    if (!body.empty() && (is_dash_point(body.front()) || body.front() == U'+')) {
        if (negative) {
            return fail(fmt::format("two signs in '{}'", folded));
        }
        negative = is_dash_point(body.front());
        body.remove_prefix(1);
        if (!body.empty() && (is_dash_point(body.front()) || body.front() == U'+')) {
            return fail(fmt::format("two signs in '{}'", folded));
        }
    }
    if (body.empty()) {
        return fail(fmt::format("no digits in '{}'", folded));
    }

    std::string digits;
    int decimals = 0;
    bool seen_point = false;
    bool seen_comma = false;
    std::size_t group_length = 0;  // digits since the last comma
    bool first_group = true;
    for (char32_t c : body) {
        if (c >= U'0' && c <= U'9') {
            digits.push_back(static_cast<char>(c));
            if (seen_point) {
                ++decimals;
            } else {
                ++group_length;
            }
        } else if (c == U'.') {
            if (seen_point) {
                return fail(fmt::format("two decimal points in '{}'", folded));
            }
            if (seen_comma && group_length != 3) {
                return fail(fmt::format("misplaced thousands separator in '{}'", folded));
            }
            seen_point = true;
        } else if (c == U',') {
            if (seen_point) {
                return fail(
                    fmt::format("thousands separator after the decimal point in '{}'", folded));
            }
            if (group_length == 0 || (first_group && group_length > 3) ||
                (!first_group && group_length != 3)) {
                return fail(fmt::format("misplaced thousands separator in '{}'", folded));
            }
            seen_comma = true;
            first_group = false;
            group_length = 0;
        } else if (c == U'e' || c == U'E') {
            return fail(fmt::format("exponent notation '{}' is not a printed figure", folded));
        } else {
            std::string lowered = folded;
            for (char& ch : lowered) {
                ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
            }
            if (lowered == "nan" || lowered == "inf" || lowered == "-inf" ||
                lowered == "infinity") {
                return fail(fmt::format("'{}' is not a number", folded));
            }
            return fail(fmt::format("unexpected character '{}' in '{}'",
                                    encode_utf8(std::u32string(1, c)), folded));
        }
    }
    if (seen_comma && !seen_point && group_length != 3) {
        return fail(fmt::format("misplaced thousands separator in '{}'", folded));
    }
    if (digits.empty()) {
        return fail(fmt::format("no digits in '{}'", folded));
    }
    if (decimals > Decimal::max_scale) {
        return fail(
            fmt::format("too many decimals in '{}' (at most {})", folded, Decimal::max_scale));
    }
    const std::size_t first_significant = digits.find_first_not_of('0');
    const std::size_t significant =
        first_significant == std::string::npos ? 0 : digits.size() - first_significant;
    if (significant > static_cast<std::size_t>(max_digits)) {
        return fail(fmt::format("'{}' has {} digits; budgetcheck keeps at most {} digits exactly",
                                folded, significant, max_digits));
    }
    std::int64_t units = 0;
    for (char d : digits) {
        units = units * 10 + (d - '0');
    }
    out.form = CellForm::Number;
    out.value = *Decimal::make(negative ? -units : units, decimals);
    out.decimals = decimals;
    out.grouped = seen_comma;
    return NumberParse{out, {}};
}

Amount Amount::dash() {
    Amount amount;
    amount.form_ = CellForm::Dash;
    return amount;
}

Amount Amount::number(Decimal value, int decimals) {
    Amount amount;
    amount.form_ = CellForm::Number;
    amount.value_ = value;
    amount.decimals_ = decimals;
    return amount;
}

std::optional<Amount> Amount::parse(std::string_view text, std::string* error) {
    NumberParse parsed = parse_printed_number(text);
    if (!parsed.number) {
        if (error != nullptr) {
            *error = parsed.error;
        }
        return std::nullopt;
    }
    if (parsed.number->percent) {
        if (error != nullptr) {
            *error = fmt::format("'{}' is a percentage where an amount was expected", trim(text));
        }
        return std::nullopt;
    }
    Amount amount;
    amount.form_ = parsed.number->form;
    amount.value_ = parsed.number->value;
    amount.decimals_ = parsed.number->decimals;
    return amount;
}

std::optional<Decimal> Amount::in_yuan(MoneyUnit printed_in) const {
    return value_.shifted(yuan_exponent(printed_in));
}

std::optional<Decimal> Amount::in_unit(MoneyUnit printed_in, MoneyUnit wanted) const {
    return value_.shifted(yuan_exponent(printed_in) - yuan_exponent(wanted));
}

std::string Amount::to_string() const {
    switch (form_) {
        case CellForm::Blank:
            return "";
        case CellForm::Dash:
            return "-";
        case CellForm::Number:
            return value_.to_string();
    }
    return "";
}

Percentage Percentage::number(Decimal percent_points, int decimals) {
    Percentage percentage;
    percentage.form_ = CellForm::Number;
    percentage.points_ = percent_points;
    percentage.decimals_ = decimals;
    return percentage;
}

std::optional<Percentage> Percentage::parse(std::string_view text, std::string* error) {
    NumberParse parsed = parse_printed_number(text);
    if (!parsed.number) {
        if (error != nullptr) {
            *error = parsed.error;
        }
        return std::nullopt;
    }
    Percentage percentage;
    percentage.form_ = parsed.number->form;
    percentage.points_ = parsed.number->value;
    percentage.decimals_ = parsed.number->decimals;
    return percentage;
}

std::string Percentage::to_string() const {
    switch (form_) {
        case CellForm::Blank:
            return "";
        case CellForm::Dash:
            return "-";
        case CellForm::Number:
            return points_.to_string() + "%";
    }
    return "";
}

}  // namespace budgetcheck

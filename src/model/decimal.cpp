#include "budgetcheck/model/decimal.hpp"

#include <cstdlib>

namespace budgetcheck {

namespace {

__extension__ typedef __int128 Wide;

std::optional<std::int64_t> narrow(Wide value) {
    if (value > static_cast<Wide>(INT64_MAX) || value < static_cast<Wide>(INT64_MIN)) {
        return std::nullopt;
    }
    return static_cast<std::int64_t>(value);
}

Wide wide_power_of_ten(int power) {
    Wide result = 1;
    for (int i = 0; i < power; ++i) {
        result *= 10;
    }
    return result;
}

std::string digits_with_point(std::int64_t units, int scale, bool grouped) {
    const bool negative = units < 0;
    // Work on the magnitude in unsigned space so INT64_MIN is printable.
    std::uint64_t magnitude = negative ? static_cast<std::uint64_t>(-(units + 1)) + 1U
                                       : static_cast<std::uint64_t>(units);
    std::string digits = std::to_string(magnitude);
    if (static_cast<int>(digits.size()) <= scale) {
        digits.insert(0, static_cast<std::size_t>(scale) - digits.size() + 1, '0');
    }
    std::string integer_part = digits.substr(0, digits.size() - static_cast<std::size_t>(scale));
    std::string fraction = digits.substr(digits.size() - static_cast<std::size_t>(scale));
    if (grouped && integer_part.size() > 3) {
        std::string with_commas;
        const std::size_t lead = integer_part.size() % 3;
        for (std::size_t i = 0; i < integer_part.size(); ++i) {
            if (i != 0 && (i - lead) % 3 == 0 && i >= lead) {
                with_commas.push_back(',');
            }
            with_commas.push_back(integer_part[i]);
        }
        integer_part = with_commas;
    }
    std::string out = negative ? "-" : "";
    out += integer_part;
    if (scale > 0) {
        out += '.';
        out += fraction;
    }
    return out;
}

}  // namespace

std::int64_t power_of_ten(int power) {
    std::int64_t result = 1;
    for (int i = 0; i < power; ++i) {
        result *= 10;
    }
    return result;
}

std::optional<Decimal> Decimal::make(std::int64_t units, int scale) {
    if (scale < 0 || scale > max_scale) {
        return std::nullopt;
    }
    return Decimal(units, scale);
}

std::optional<Decimal> Decimal::with_scale(int new_scale) const {
    if (new_scale < 0 || new_scale > max_scale) {
        return std::nullopt;
    }
    if (new_scale >= scale_) {
        auto units = narrow(static_cast<Wide>(units_) * wide_power_of_ten(new_scale - scale_));
        if (!units) {
            return std::nullopt;
        }
        return Decimal(*units, new_scale);
    }
    const std::int64_t divisor = power_of_ten(scale_ - new_scale);
    if (units_ % divisor != 0) {
        return std::nullopt;
    }
    return Decimal(units_ / divisor, new_scale);
}

std::optional<Decimal> Decimal::shifted(int power) const {
    if (power >= 0) {
        if (power <= scale_) {
            return Decimal(units_, scale_ - power);
        }
        auto units = narrow(static_cast<Wide>(units_) * wide_power_of_ten(power - scale_));
        if (!units) {
            return std::nullopt;
        }
        return Decimal(*units, 0);
    }
    const int new_scale = scale_ - power;
    if (new_scale > max_scale) {
        return std::nullopt;
    }
    return Decimal(units_, new_scale);
}

std::optional<Decimal> Decimal::plus(Decimal other) const {
    const int scale = scale_ > other.scale_ ? scale_ : other.scale_;
    const Wide a = static_cast<Wide>(units_) * wide_power_of_ten(scale - scale_);
    const Wide b = static_cast<Wide>(other.units_) * wide_power_of_ten(scale - other.scale_);
    auto units = narrow(a + b);
    if (!units) {
        return std::nullopt;
    }
    return Decimal(*units, scale);
}

std::optional<Decimal> Decimal::minus(Decimal other) const {
    auto negative = other.negated();
    if (!negative) {
        return std::nullopt;
    }
    return plus(*negative);
}

std::optional<Decimal> Decimal::times(Decimal other) const {
    const int scale = scale_ + other.scale_;
    if (scale > max_scale) {
        return std::nullopt;
    }
    auto units = narrow(static_cast<Wide>(units_) * static_cast<Wide>(other.units_));
    if (!units) {
        return std::nullopt;
    }
    return Decimal(*units, scale);
}

std::optional<Decimal> Decimal::divided_by(Decimal divisor, int decimals) const {
    if (divisor.units_ == 0 || decimals < 0 || decimals > max_scale) {
        return std::nullopt;
    }
    // value = units_·10^-scale_ / (d·10^-dscale) = units_·10^(dscale - scale_) / d; we want it
    // times 10^decimals as an integer.
    int exponent = divisor.scale_ - scale_ + decimals;
    Wide numerator = static_cast<Wide>(units_);
    Wide denominator = static_cast<Wide>(divisor.units_);
    if (exponent >= 0) {
        if (exponent > 18) {
            return std::nullopt;
        }
        numerator *= wide_power_of_ten(exponent);
    } else {
        if (-exponent > 18) {
            return std::nullopt;
        }
        denominator *= wide_power_of_ten(-exponent);
    }
    const bool negative = (numerator < 0) != (denominator < 0);
    const Wide n = numerator < 0 ? -numerator : numerator;
    const Wide d = denominator < 0 ? -denominator : denominator;
    Wide quotient = n / d;
    if ((n % d) * 2 >= d) {
        ++quotient;
    }
    auto units = narrow(negative ? -quotient : quotient);
    if (!units) {
        return std::nullopt;
    }
    return Decimal(*units, decimals);
}

std::optional<Decimal> Decimal::negated() const {
    if (units_ == INT64_MIN) {
        return std::nullopt;
    }
    return Decimal(-units_, scale_);
}

std::optional<Decimal> Decimal::abs() const {
    return units_ < 0 ? negated() : std::optional<Decimal>(*this);
}

int Decimal::compare(Decimal other) const {
    const int scale = scale_ > other.scale_ ? scale_ : other.scale_;
    // Both scales are at most max_scale and |units| < 2^63, so the products fit in 128 bits.
    const Wide a = static_cast<Wide>(units_) * wide_power_of_ten(scale - scale_);
    const Wide b = static_cast<Wide>(other.units_) * wide_power_of_ten(scale - other.scale_);
    return a < b ? -1 : (a > b ? 1 : 0);
}

std::string Decimal::to_string() const {
    return digits_with_point(units_, scale_, false);
}

std::string Decimal::to_grouped_string() const {
    return digits_with_point(units_, scale_, true);
}

}  // namespace budgetcheck

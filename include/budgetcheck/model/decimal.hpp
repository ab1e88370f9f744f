// Decimal: the exact fixed-point number behind every amount and percentage.
// Money is never a double here; every operation either gives the exact result or says it cannot.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace budgetcheck {

// A value units × 10^-scale. Arithmetic is checked: a result that does not fit is nullopt,
// never a wrapped or rounded number.
class Decimal {
  public:
    static constexpr int max_scale = 12;

    constexpr Decimal() = default;
    static std::optional<Decimal> make(std::int64_t units, int scale);
    static Decimal from_integer(std::int64_t value) { return Decimal(value, 0); }

    std::int64_t units() const { return units_; }
    int scale() const { return scale_; }
    bool is_zero() const { return units_ == 0; }
    bool is_negative() const { return units_ < 0; }
    int sign() const { return units_ < 0 ? -1 : (units_ > 0 ? 1 : 0); }

    std::optional<Decimal> plus(Decimal other) const;
    std::optional<Decimal> minus(Decimal other) const;
    std::optional<Decimal> times(Decimal other) const;
    std::optional<Decimal> negated() const;
    // this / divisor with `decimals` decimals, rounded half away from zero; nullopt when the
    // divisor is zero or the result does not fit.
    std::optional<Decimal> divided_by(Decimal divisor, int decimals) const;
    std::optional<Decimal> abs() const;
    // The same value written with more decimals (exact); nullopt on overflow or if
    // new_scale is smaller than the current scale and digits would be lost.
    std::optional<Decimal> with_scale(int new_scale) const;
    // value × 10^power, exact: a positive power moves the point right.
    std::optional<Decimal> shifted(int power) const;

    // Exact comparison whatever the scales.
    int compare(Decimal other) const;
    friend bool operator==(Decimal a, Decimal b) { return a.compare(b) == 0; }
    friend bool operator<(Decimal a, Decimal b) { return a.compare(b) < 0; }
    friend bool operator>(Decimal a, Decimal b) { return a.compare(b) > 0; }
    friend bool operator<=(Decimal a, Decimal b) { return a.compare(b) <= 0; }
    friend bool operator>=(Decimal a, Decimal b) { return a.compare(b) >= 0; }

    // "1234.50" with exactly scale() decimals; "-0.87" for negatives.
    std::string to_string() const;
    // Like to_string() but with thousands separators: "9,076.74".
    std::string to_grouped_string() const;

  private:
    constexpr Decimal(std::int64_t units, int scale) : units_(units), scale_(scale) {}

    std::int64_t units_ = 0;
    int scale_ = 0;
};

// 10^power for 0 <= power <= 18.
std::int64_t power_of_ten(int power);

}  // namespace budgetcheck

"""Percent changes: from one value to another, per year, and compounded over years."""

from __future__ import annotations

from bonelab.stats.checks import _finite


def percent_change(before: float, after: float) -> float:
    """Change from ``before`` to ``after`` in percent of ``before``."""
    before = _finite(before, "before")
    after = _finite(after, "after")
    if before <= 0:
        raise ValueError(f"before must be positive to express a change in percent, got {before!r}")
    if after < 0:
        raise ValueError(f"after must not be negative, got {after!r}")
    return (after - before) / before * 100.0


def _check_rate(percent: float, name: str) -> float:
    percent = _finite(percent, name)
    if percent <= -100.0:
        raise ValueError(
            f"{name} must be above -100 % (nothing can lose more than all), got {percent!r}"
        )
    return percent


def _check_years(years: float) -> float:
    years = _finite(years, "years")
    if years <= 0:
        raise ValueError(f"years must be positive, got {years!r}")
    return years


def annualised_percent(total_percent: float, years: float) -> float:
    """The constant yearly percent change that compounds to ``total_percent`` over ``years``."""
    total = _check_rate(total_percent, "total_percent")
    years = _check_years(years)
    return ((1.0 + total / 100.0) ** (1.0 / years) - 1.0) * 100.0


def compound_percent(rate_percent_per_year: float, years: float) -> float:
    """Total percent change after ``years`` at a constant yearly percent change (compounded).

    ``years`` may be fractional. The inverse of :func:`annualised_percent`.
    """
    rate = _check_rate(rate_percent_per_year, "rate_percent_per_year")
    years = _check_years(years)
    return ((1.0 + rate / 100.0) ** years - 1.0) * 100.0

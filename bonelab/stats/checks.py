"""The argument checks the calculations share: finite numbers, probabilities, open ranges."""

from __future__ import annotations

import math


def _finite(value: float, name: str) -> float:
    """Return ``value`` as a float, or raise ValueError if it is not a finite number."""
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number, not a boolean ({value!r})")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return number


def _probability(value: float, name: str) -> float:
    number = _finite(value, name)
    if not 0.0 <= number <= 1.0:
        raise ValueError(f"{name} is a probability and must lie between 0 and 1, got {value!r}")
    return number


def _in_range(
    value: float, name: str, *, low: float, high: float | None = None, allowed: str
) -> float:
    """``value`` as a float if it is a finite number strictly inside (low, high), else ValueError.

    The message names the argument, repeats the value it got and states the allowed range, e.g.
    ``baseline_probability must be between 0 and 1 (exclusive), got 1.2``.
    """
    refusal = ValueError(f"{name} must be {allowed}, got {value!r}")
    if isinstance(value, bool):
        raise refusal
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise refusal from None
    if not math.isfinite(number) or number <= low or (high is not None and number >= high):
        raise refusal
    return number


def _positive(value: float, name: str, unit: str = "") -> float:
    return _in_range(value, name, low=0.0, allowed=f"a finite number greater than 0{unit}")


def _open_probability(value: float, name: str) -> float:
    return _in_range(value, name, low=0.0, high=1.0, allowed="between 0 and 1 (exclusive)")

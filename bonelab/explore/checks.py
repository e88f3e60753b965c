"""The check every explorable's setting passes: a number within the control's range."""

from __future__ import annotations

import math


def _setting(value: object, name: str, low: float, high: float, unit: str = "") -> float:
    """``value`` as a float within [low, high], or ValueError naming argument, value and range."""
    refusal = ValueError(f"{name} must be a number from {low:g} to {high:g}{unit}, got {value!r}")
    if isinstance(value, (bool, str, bytes)):
        raise refusal
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise refusal from None
    if not (math.isfinite(number) and low <= number <= high):
        raise refusal
    return number

"""The argument checks the models share: numbers, parameter fields, time grids, result frames.

Each raises :class:`ValueError` naming the argument, its value and what it must be.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import fields

import numpy as np
import pandas as pd

_TINY = 1e-300  # floor that keeps cell numbers positive before fractional powers


def _number(value: object, name: str, low: float = -math.inf) -> float:
    """Return ``value`` as a finite float not below ``low``, or raise ValueError naming ``name``."""
    if isinstance(value, (bool, str, bytes)):
        raise ValueError(f"{name} must be a number, got {value!r}")
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if number < low:
        raise ValueError(f"{name} must be at least {low}, got {value!r}")
    return number


def _positive(value: object, name: str) -> float:
    number = _number(value, name)
    if number <= 0:
        raise ValueError(f"{name} must be positive, got {value!r}")
    return number


def _check_fields(params: object, positive: Sequence[str], non_negative: Sequence[str]) -> None:
    for f in fields(params):  # type: ignore[arg-type]
        value = getattr(params, f.name)
        if f.name in positive:
            _positive(value, f.name)
        else:
            _number(value, f.name, 0.0 if f.name in non_negative else -math.inf)


def _require(params: object, cls: type) -> None:
    if not isinstance(params, cls):
        raise ValueError(f"params must be a {cls.__name__}, got {type(params).__name__}")


def _grid(days: float, step: float) -> np.ndarray:
    """Regular sampling times 0, step, 2*step, ... ending exactly at ``days``."""
    days, step = _positive(days, "days"), _positive(step, "step")
    if step > days:
        raise ValueError(f"step must be at most days ({days!r}), got {step!r}")
    n = int(math.floor(days / step + 1e-9))
    times = step * np.arange(n + 1)
    if days - times[-1] > 1e-9 * days:
        return np.append(times, days)
    times[-1] = days
    return times


def _check_frame(df: object, columns: Sequence[str]) -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        raise ValueError(f"df must be a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"df lacks the column(s) {missing}; expected {list(columns)}")
    if len(df) < 2 or not np.all(np.diff(df["day"].to_numpy(float)) > 0):
        raise ValueError("df needs at least two rows with strictly increasing 'day'")
    return df

"""Numbers ``bone-is-alive`` quotes: its worked T-scores."""

from __future__ import annotations

from bonelab.results import result
from bonelab.results.fundamentals.common import _reference, _signed, _t

# --- Bone is alive: worked T-scores --------------------------------------------------------------


@result(
    "tscore.example.fn_0_70",
    fmt=_signed(2),
    description="T-score of a femoral-neck BMD of 0.70 g/cm² against the reference convention",
)
def _():
    return _t(0.70)


@result(
    "tscore.example.fn_0_55",
    fmt=_signed(2),
    description="T-score of a femoral-neck BMD of 0.55 g/cm² against the reference convention",
)
def _():
    return _t(0.55)


@result(
    "tscore.example.minus_1_5.below_mean_g_cm2",
    fmt="{:.2f}",
    description="How far below the young-adult mean (g/cm²) a femoral-neck T-score of -1.5 lies",
)
def _():
    return 1.5 * _reference()[1]


@result(
    "tscore.example.minus_1_5.bmd",
    fmt="{:.3f}",
    description="Femoral-neck BMD (g/cm²) at a T-score of -1.5 under the reference convention",
)
def _():
    mean, sd = _reference()
    return mean - 1.5 * sd


@result(
    "tscore.example.minus_1_5.pct_below_mean",
    fmt="{:.0f}",
    description="Percent below the young-adult mean of a femoral-neck T-score of -1.5",
)
def _():
    from bonelab.stats import percent_change

    mean, sd = _reference()
    return -percent_change(mean, mean - 1.5 * sd)

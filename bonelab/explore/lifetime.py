"""The numbers behind ``lifetime``: femoral-neck BMD and T-score over adult life (SWAN anchors)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from bonelab import data, stats
from bonelab.explore.checks import _setting

#: Femoral-neck BMD at the adult plateau offered by the explorable, g/cm².
LIFETIME_PEAK_SETTINGS: tuple[float, ...] = tuple(round(0.70 + 0.02 * i, 2) for i in range(21))
#: Age at the final menstrual period, years.
LIFETIME_FMP_AGE_SETTINGS: tuple[int, ...] = tuple(range(45, 56))
#: Loss around the final menstrual period as a multiple of SWAN's average (1 = the data).
LIFETIME_LOSS_SETTINGS: tuple[float, ...] = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
#: Age at which the curve starts: the plateau of total-body mineral content in girls.
PLATEAU_AGE = 18.0
#: Last age drawn, years.
LIFETIME_END_AGE = 85.0
#: SWAN's ten years run from five years before to five after the final menstrual period.
SWAN_DECADE = (-5.0, 5.0)


@dataclass(frozen=True)
class LifetimeCurve:
    """Femoral-neck BMD over adult life, as a piecewise-linear curve through ``ages``.

    ``kinds[i]`` says what the segment from ``ages[i]`` to ``ages[i+1]`` rests on: ``"data"``
    (SWAN's average transmenopause loss, scaled by ``loss_factor``) or ``"schematic"``.
    ``crossings`` gives, for the WHO lines T = −1.0 and T = −2.5, the first age at which the
    T-score reaches the line (the peak age if it starts at or below it), or None before 85.
    """

    peak_bmd: float
    fmp_age: float
    loss_factor: float
    ages: tuple[float, ...]
    bmd: tuple[float, ...]
    t_scores: tuple[float, ...]
    kinds: tuple[str, ...]
    line_bmd: dict[float, float]
    crossings: dict[float, float | None]
    t_after_decade: float
    class_after_decade: str


@cache
def _swan_neck() -> tuple[float, float, float, float]:
    """SWAN femoral-neck losses (ten years, transmenopause, %) and the reference mean, SD."""
    table = data.load("bmd_transition")
    neck = table[(table["study"] == "SWAN") & (table["site"] == "femoral neck")]
    by_window = neck.set_index("window")
    decade = float(by_window.loc["10 years around the final menstrual period", "loss_pct"])
    transmenopause = float(by_window.loc["transmenopause", "loss_pct"])
    reference = data.load("bmd_reference").iloc[0]
    return decade, transmenopause, float(reference["mean_g_cm2"]), float(reference["sd_g_cm2"])


def _crossing(ages: np.ndarray, t: np.ndarray, line: float) -> float | None:
    if t[0] <= line:
        return float(ages[0])
    for a0, a1, t0, t1 in zip(ages[:-1], ages[1:], t[:-1], t[1:]):
        if t1 <= line < t0:
            return float(a0 + (t0 - line) * (a1 - a0) / (t0 - t1))
    return None


@cache
def lifetime_curve(
    peak_bmd: float = 0.80, fmp_age: float = 51.0, loss_factor: float = 1.0
) -> LifetimeCurve:
    """Femoral-neck BMD and T-score from age 18 to 85 around a final menstrual period (FMP).

    What rests on data: over the ten years from five years before to five after the FMP, SWAN's
    women lost on average 9.1 % of femoral-neck BMD, 5.8 % of it in the transmenopause (one
    year before to two after) {greendale2012}; the plateau age of 18 (girls' total-body mineral
    content) {baxterjones2011}; the T-score's reference (a convention) and the WHO lines.
    Everything else is schematic: a flat plateau from 18 until five years before the FMP; the
    decade's other 3.3 % spread evenly over its other seven years; and that slower pace carried
    on after the decade. ``loss_factor`` scales every loss (1 = SWAN's average).

    Losses are percentage points of the peak, as SWAN reports them (not compounded).

    >>> curve = lifetime_curve(0.80, 51, 1.0)
    >>> curve.ages[:5]
    (18.0, 46.0, 50.0, 53.0, 56.0)
    >>> [round(b, 4) for b in curve.bmd[:5]]
    [0.8, 0.8, 0.7849, 0.7385, 0.7272]
    >>> round(curve.t_after_decade, 2), curve.class_after_decade
    (-1.09, 'low bone mass')
    >>> lifetime_curve(0.8, 51, 3)
    Traceback (most recent call last):
    ...
    ValueError: loss_factor must be a number from 0 to 2.5 (times SWAN's average), got 3
    """
    peak = _setting(peak_bmd, "peak_bmd", 0.5, 1.3, " (g/cm²)")
    fmp = _setting(fmp_age, "fmp_age", 40, 60, " (years)")
    factor = _setting(loss_factor, "loss_factor", 0, 2.5, " (times SWAN's average)")
    decade, tm, mean, sd = _swan_neck()
    start, end = SWAN_DECADE
    outer_years = (end - start) - 3.0
    outer_rate = (decade - tm) / outer_years  # points of the peak per year, outside the 3 years
    tm_start, tm_end = -1.0, 2.0
    ages = [PLATEAU_AGE, fmp + start, fmp + tm_start, fmp + tm_end, fmp + end, LIFETIME_END_AGE]
    lost = [
        0.0,
        0.0,
        outer_rate * (tm_start - start),
        outer_rate * (tm_start - start) + tm,
        decade,
        decade + outer_rate * (LIFETIME_END_AGE - fmp - end),
    ]
    bmd = np.array([peak * (1 - factor * loss / 100) for loss in lost])
    t = np.array([stats.t_score(b, mean, sd) for b in bmd])
    kinds = ("schematic", "schematic", "data", "schematic", "schematic")
    age_array = np.array(ages)
    lines = (stats.WHO_NORMAL_FROM, stats.WHO_OSTEOPOROSIS_AT)
    return LifetimeCurve(
        peak_bmd=peak,
        fmp_age=fmp,
        loss_factor=factor,
        ages=tuple(float(a) for a in ages),
        bmd=tuple(float(b) for b in bmd),
        t_scores=tuple(float(x) for x in t),
        kinds=kinds,
        line_bmd={line: mean + line * sd for line in lines},
        crossings={line: _crossing(age_array, t, line) for line in lines},
        t_after_decade=float(t[4]),
        class_after_decade=stats.who_category(float(t[4])),
    )

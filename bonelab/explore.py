"""The numbers behind the book's explorable figures: one function per figure and setting.

Each explorable figure in the book lets a reader move a control and see what changes. The
browser never computes anything: when the book is built, :mod:`coursebook.explorable` calls
the functions here for every setting of the controls (the ``*_SETTINGS`` tuples) and ships the
results with the page; the page only looks them up and draws them. A learner gets the same
numbers by calling the same function with the same setting.

- :func:`remodeling_cycle`: one Komarova 2003 cycle with osteoclasts living longer or shorter
  (an illustration of estrogen loss, not a published fit);
- :func:`lifetime_curve`: femoral-neck BMD and T-score over adult life, anchored on SWAN's
  average losses around the final menstrual period, the rest schematic;
- :func:`whi_ledger`: what the WHI estrogen-plus-progestin hazard ratios would mean per
  10 000 woman-years at another baseline (how ratios scale, not a prediction for anyone);
- :func:`lemaire_response`: the Lemaire 2004 model's path to a new steady state under a
  constant PTH and/or OPG input.

Bad settings raise :class:`ValueError` naming the argument, the value and the allowed range.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import numpy as np

from bonelab import data, stats
from bonelab.models import (
    KomarovaParams,
    LemaireParams,
    komarova_steady_state,
    lemaire_steady_state,
    remodeling_phases,
    simulate_komarova,
    simulate_lemaire,
)

__all__ = [
    "CYCLE_LIFESPAN_SETTINGS",
    "CycleRun",
    "remodeling_cycle",
    "LIFETIME_PEAK_SETTINGS",
    "LIFETIME_FMP_AGE_SETTINGS",
    "LIFETIME_LOSS_SETTINGS",
    "LifetimeCurve",
    "lifetime_curve",
    "WHI_BASELINE_SETTINGS",
    "LedgerRow",
    "whi_ledger",
    "LEMAIRE_PTH_SETTINGS",
    "LEMAIRE_OPG_SETTINGS",
    "LemaireRun",
    "lemaire_response",
]


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


# --------------------------------------------------------------------------- one cycle
#: Change of osteoclast lifespan offered by the explorable, percent (0 = the 2003 values).
CYCLE_LIFESPAN_SETTINGS: tuple[int, ...] = tuple(range(-20, 55, 5))
#: Days of one simulated cycle and the spacing of the curves sent to the page.
CYCLE_DAYS, CYCLE_STEP = 400.0, 2.0
#: The chapters' reference start (osteoclasts, osteoblasts, bone mass): about ten osteoclasts
#: above the 2003 steady state. Every run starts at the same offsets from its own steady state.
REFERENCE_START = (11.0, 212.0, 100.0)


@dataclass(frozen=True)
class CycleRun:
    """One remodeling cycle of Komarova 2003 with osteoclast lifespan changed by a percentage.

    ``day, osteoclasts, osteoblasts, bone_mass`` are sampled every :data:`CYCLE_STEP` days;
    ``balance`` is bone mass at the last day minus the starting 100 (model units).
    """

    lifespan_change_pct: float
    b1: float
    steady_osteoclasts: float
    steady_osteoblasts: float
    day: tuple[float, ...]
    osteoclasts: tuple[float, ...]
    osteoblasts: tuple[float, ...]
    bone_mass: tuple[float, ...]
    bone_mass_min: float
    balance: float
    resorption_days: float
    formation_days: float


@cache
def remodeling_cycle(lifespan_change_pct: float = 0.0) -> CycleRun:
    """One Komarova 2003 cycle with osteoclasts living ``lifespan_change_pct`` % longer.

    Osteoclast lifespan is ``1/b1`` in the model, so the run uses ``b1 = 0.2 / (1 + pct/100)``
    and the 2003 values otherwise. Each run starts at the same offsets from its own steady state
    as the chapters' reference cycle (:data:`REFERENCE_START`: about ten extra osteoclasts) with
    bone mass 100, and lasts 400 model days; at 0 % it is that reference cycle. An illustration of the idea
    that estrogen shortens osteoclast life, not a published fit.

    >>> run = remodeling_cycle(0)
    >>> round(run.bone_mass_min, 2), round(run.balance, 3)
    (89.84, -0.033)
    >>> remodeling_cycle(-100)
    Traceback (most recent call last):
    ...
    ValueError: lifespan_change_pct must be a number from -50 to 100 (%), got -100
    """
    pct = _setting(lifespan_change_pct, "lifespan_change_pct", -50, 100, " (%)")
    base = KomarovaParams()
    ref_c, ref_b = komarova_steady_state(base)
    params = KomarovaParams(b1=base.b1 / (1 + pct / 100))
    c_bar, b_bar = komarova_steady_state(params)
    start = (c_bar + REFERENCE_START[0] - ref_c, b_bar + REFERENCE_START[1] - ref_b, 100.0)
    run = simulate_komarova(params, days=CYCLE_DAYS, start=start, step=0.1)
    phases = remodeling_phases(run, params)
    every = int(round(CYCLE_STEP / 0.1))
    sample = run.iloc[::every]
    z = run["bone_mass"].to_numpy(float)
    return CycleRun(
        lifespan_change_pct=pct,
        b1=params.b1,
        steady_osteoclasts=c_bar,
        steady_osteoblasts=b_bar,
        day=tuple(sample["day"].round(6)),
        osteoclasts=tuple(sample["osteoclasts"]),
        osteoblasts=tuple(sample["osteoblasts"]),
        bone_mass=tuple(sample["bone_mass"]),
        bone_mass_min=float(z.min()),
        balance=float(z[-1] - 100.0),
        resorption_days=phases.resorption.length,
        formation_days=phases.formation.length,
    )


# --------------------------------------------------------------------------- a lifetime
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


# --------------------------------------------------------------------------- the WHI ledger
#: Baseline rates as a multiple of the WHI placebo group's, for every outcome.
WHI_BASELINE_SETTINGS: tuple[float, ...] = (0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0)
#: The outcomes drawn, in order: harms, then benefits (rows with rates and a direction).
WHI_CATEGORIES = ("harm", "benefit")


@dataclass(frozen=True)
class LedgerRow:
    """One outcome of the WHI estrogen-plus-progestin trial at a chosen baseline rate.

    Rates are events per 10 000 woman-years: ``baseline`` without treatment, ``with_ratio``
    with the trial's hazard ratio applied, and ``difference`` (positive = more events) with
    ``difference_low``/``difference_high`` from the ends of the nominal 95 % interval.
    """

    outcome: str
    category: str
    hr: float
    baseline: float
    with_ratio: float
    difference: float
    difference_low: float
    difference_high: float


@cache
def whi_ledger(baseline_factor: float = 1.0) -> tuple[LedgerRow, ...]:
    """The WHI 2002 hazard ratios {rossouw2002} applied to ``baseline_factor`` × its placebo rates.

    An illustration of how hazard ratios scale, not a prediction for anyone: it assumes every
    ratio carries over unchanged to women whose baseline rates are all ``baseline_factor``
    times those of the trial's placebo group. Harms first, then benefits; outcomes whose
    interval includes 1 and the summary index are left out (see ``data/whi_2002_outcomes.csv``).

    >>> rows = whi_ledger(1.0)
    >>> [(r.outcome, round(r.difference, 2)) for r in rows[:2]]
    [('coronary heart disease', 8.7), ('invasive breast cancer', 7.8)]
    >>> round(whi_ledger(2.0)[0].difference, 2)
    17.4
    >>> whi_ledger(0)
    Traceback (most recent call last):
    ...
    ValueError: baseline_factor must be a number from 0.1 to 10 (times the WHI placebo rates), got 0
    """
    factor = _setting(baseline_factor, "baseline_factor", 0.1, 10, " (times the WHI placebo rates)")
    table = data.load("whi_2002_outcomes")
    rows = []
    for category in WHI_CATEGORIES:
        for r in table[table["category"] == category].itertuples():
            if not math.isfinite(float(r.rate_placebo)):
                continue  # a row without rates (total fractures) cannot be scaled
            base = factor * float(r.rate_placebo)
            treated = base * float(r.hr)
            rows.append(
                LedgerRow(
                    outcome=str(r.outcome),
                    category=category,
                    hr=float(r.hr),
                    baseline=base,
                    with_ratio=treated,
                    difference=stats.rate_difference_per_10000(treated, base),
                    difference_low=stats.rate_difference_per_10000(base * float(r.hr_low), base),
                    difference_high=stats.rate_difference_per_10000(base * float(r.hr_high), base),
                )
            )
    return tuple(rows)


# --------------------------------------------------------------------------- Lemaire 2004
#: Constant external PTH input offered by the explorable, pM/day (1e3: the chapter's run).
LEMAIRE_PTH_SETTINGS: tuple[float, ...] = (0.0, 250.0, 500.0, 1000.0, 2000.0)
#: Constant external OPG input, pM/day (2e5: the chapter's run).
LEMAIRE_OPG_SETTINGS: tuple[float, ...] = (0.0, 5.0e4, 1.0e5, 2.0e5, 4.0e5)
#: Days simulated, the day the input starts, and the spacing of the curves sent to the page.
LEMAIRE_DAYS, LEMAIRE_START, LEMAIRE_STEP = 150.0, 10.0, 1.0
LEMAIRE_CELLS = ("responding_osteoblasts", "active_osteoblasts", "active_osteoclasts")


@dataclass(frozen=True)
class LemaireRun:
    """Lemaire 2004 cells as multiples of the no-input steady state, before and after an input.

    ``curves`` maps each cell column to its ratios at ``day``; ``day60`` gives the ratios 60
    days after the input starts, and ``steady`` those of the new steady state.
    """

    pth: float
    opg: float
    day: tuple[float, ...]
    curves: dict[str, tuple[float, ...]]
    day60: dict[str, float]
    steady: dict[str, float]


@cache
def lemaire_response(pth: float = 0.0, opg: float = 0.0) -> LemaireRun:
    """Lemaire 2004 with constant PTH and OPG inputs switched on at day 10, for 150 days.

    Cells are divided by the steady state without input, so 1 means "as before". The model's
    time constants are days, not the months seen in patients.

    >>> run = lemaire_response(pth=1000)
    >>> [round(run.day60[c], 1) for c in LEMAIRE_CELLS]
    [5.2, 2.2, 4.0]
    >>> run = lemaire_response(opg=2e5)
    >>> [round(run.day60[c], 2) for c in LEMAIRE_CELLS]
    [0.1, 0.33, 0.07]
    >>> lemaire_response(pth=-1)
    Traceback (most recent call last):
    ...
    ValueError: pth must be a number from 0 to 10000 (pM/day), got -1
    """
    ip = _setting(pth, "pth", 0, 1e4, " (pM/day)")
    io = _setting(opg, "opg", 0, 1e6, " (pM/day)")
    base = lemaire_steady_state(LemaireParams())
    run = simulate_lemaire(
        LemaireParams(), days=LEMAIRE_DAYS, pth=ip, opg=io, start_day=LEMAIRE_START, step=0.1
    )
    every = int(round(LEMAIRE_STEP / 0.1))
    sample = run.iloc[::every]
    at60 = run.iloc[int(round((LEMAIRE_START + 60) / 0.1))]
    new = lemaire_steady_state(LemaireParams(i_p=ip, i_o=io))
    return LemaireRun(
        pth=ip,
        opg=io,
        day=tuple(sample["day"].round(6)),
        curves={c: tuple(sample[c] / b) for c, b in zip(LEMAIRE_CELLS, base)},
        day60={c: float(at60[c] / b) for c, b in zip(LEMAIRE_CELLS, base)},
        steady={c: n / b for c, n, b in zip(LEMAIRE_CELLS, new, base)},
    )

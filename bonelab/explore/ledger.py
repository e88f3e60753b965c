"""The numbers behind ``whi-ledger``: the WHI estrogen-plus-progestin ratios at another baseline."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from bonelab import data, stats
from bonelab.explore.checks import _setting

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

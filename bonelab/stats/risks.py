"""Trial results in absolute terms: rate and risk differences, numbers needed to treat, and
absolute effects (with their period) from a hazard or risk ratio."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bonelab.stats.checks import _finite, _in_range, _open_probability, _positive, _probability


def rate_difference_per_10000(rate_treated: float, rate_control: float) -> float:
    """Events added (positive) or avoided (negative) per 10 000 person-years.

    Both rates are events per 10 000 person-years, as in the WHI tables; the result is
    ``rate_treated - rate_control`` in the same unit.
    """
    treated = _finite(rate_treated, "rate_treated")
    control = _finite(rate_control, "rate_control")
    for name, rate in (("rate_treated", treated), ("rate_control", control)):
        if rate < 0:
            raise ValueError(f"{name} is an event rate and cannot be negative, got {rate!r}")
        if rate > 10_000:
            raise ValueError(
                f"{name} is events per 10 000 person-years and cannot exceed 10 000, got {rate!r}"
            )
    return treated - control


def absolute_risk_difference(risk_control: float, risk_treated: float) -> float:
    """Risk in the control group minus risk in the treated group (positive = fewer events).

    Both are probabilities (0 to 1) of at least one event over the same stated period.
    """
    control = _probability(risk_control, "risk_control")
    treated = _probability(risk_treated, "risk_treated")
    return control - treated


def number_needed_to_treat(risk_control: float, risk_treated: float) -> float:
    """How many people must be treated for one fewer to have the event, over the trial's period.

    An NNT only means something together with its period: 8.6 % vs 11.1 % with a fracture over a
    mean 5.6 years gives an NNT of 40 *over about 5.6 years*, not per year.

    Returns a positive number when treatment lowers risk and a negative one (a number needed to
    harm, with the sign flipped) when it raises risk. Raises ValueError when the risks are equal,
    because no finite number of treated people then changes the count of events.
    """
    difference = absolute_risk_difference(risk_control, risk_treated)
    if difference == 0:
        raise ValueError("the two risks are equal, so the number needed to treat is infinite")
    return 1.0 / difference


RatioMeasure = Literal["HR", "RR"]


def treated_probability(
    baseline_probability: float, ratio: float, *, measure: RatioMeasure = "HR"
) -> float:
    """The probability of the event with the ratio applied to a baseline probability.

    ``measure="RR"``: a risk ratio multiplies the probability, ``ratio * p``; it must not push
    the probability above 1. ``measure="HR"``: a hazard ratio multiplies the hazard, so under
    proportional hazards held over the whole period the probability becomes
    ``1 - (1 - p) ** ratio``; for small probabilities the two are nearly the same.

    >>> round(treated_probability(0.20, 0.76), 4)
    0.156
    >>> round(treated_probability(0.20, 0.76, measure="RR"), 4)
    0.152
    >>> treated_probability(1.5, 0.76)
    Traceback (most recent call last):
    ...
    ValueError: baseline_probability must be between 0 and 1 (exclusive), got 1.5
    """
    p = _open_probability(baseline_probability, "baseline_probability")
    r = _positive(ratio, "ratio")
    if measure == "HR":
        return 1.0 - (1.0 - p) ** r
    if measure == "RR":
        if r * p >= 1.0:
            raise ValueError(
                f"ratio × baseline_probability must stay below 1 for a risk ratio, got "
                f"{r!r} × {p!r} = {r * p!r}"
            )
        return r * p
    raise ValueError(f"measure must be 'HR' (hazard ratio) or 'RR' (risk ratio), got {measure!r}")


@dataclass(frozen=True)
class AbsoluteEffect:
    """A relative effect turned into absolute numbers, which always carry their period.

    ``difference`` is baseline minus treated probability (positive = fewer events), ``per_1000``
    the same for 1000 people, and ``nnt`` how many people must be treated for ``years`` for one
    fewer to have the event (negative: a number needed to harm, sign flipped).
    """

    baseline_probability: float
    treated_probability: float
    years: float
    ratio: float
    measure: str

    @property
    def difference(self) -> float:
        return self.baseline_probability - self.treated_probability

    @property
    def per_1000(self) -> float:
        return 1000.0 * self.difference

    @property
    def nnt(self) -> float:
        if self.difference == 0:
            raise ValueError(
                "a ratio of 1 changes nothing, so the number needed to treat is infinite"
            )
        return 1.0 / self.difference


def absolute_effect(
    baseline_probability: float, ratio: float, years: float, *, measure: RatioMeasure = "HR"
) -> AbsoluteEffect:
    """Absolute difference and number needed to treat from a ratio and a baseline probability.

    ``baseline_probability`` is the chance of the event over ``years`` without treatment (for
    example a ten-year fracture probability); ``ratio`` is a hazard ratio (``measure="HR"``) or a
    risk ratio (``"RR"``), see :func:`treated_probability`. The result holds for the same period.
    Applying a trial's ratio to other people, or over a longer period than the trial ran, is an
    assumption (that the ratio carries over), not a finding.

    >>> effect = absolute_effect(0.20, 0.76, 10)
    >>> round(effect.per_1000, 1), round(effect.nnt, 1)
    (44.0, 22.7)
    >>> low = absolute_effect(0.02, 0.76, 10)
    >>> round(low.per_1000, 1), round(low.nnt, 1)
    (4.8, 209.9)
    >>> absolute_effect(0.20, 0.76, 0)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: years must be a finite number greater than 0 (the period of the baseline ...), got 0
    """
    period = _in_range(
        years,
        "years",
        low=0.0,
        allowed="a finite number greater than 0 (the period of the baseline probability)",
    )
    treated = treated_probability(baseline_probability, ratio, measure=measure)
    return AbsoluteEffect(float(baseline_probability), treated, period, float(ratio), measure)

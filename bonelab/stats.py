"""Small, exact calculations the course uses to read bone and trial numbers.

Every function checks its input and raises :class:`ValueError` with the reason when the input
makes no sense (a negative density, a standard deviation of zero, a probability above one), so a
typo in a notebook shows up as a clear message rather than as a plausible-looking wrong number.

The WHO thresholds for T-scores are those quoted in ``data/who_tscore_classes.csv``
(WHO technical report 843, 1994).
"""

from __future__ import annotations

import math
from typing import Literal

__all__ = [
    "WHO_NORMAL_FROM",
    "WHO_OSTEOPOROSIS_AT",
    "t_score",
    "who_category",
    "rate_difference_per_10000",
    "absolute_risk_difference",
    "number_needed_to_treat",
    "percent_change",
    "annualised_percent",
    "compound_percent",
]

#: A T-score at or above this value is classed as normal (WHO 1994).
WHO_NORMAL_FROM = -1.0
#: A T-score at or below this value is classed as osteoporosis (WHO 1994).
WHO_OSTEOPOROSIS_AT = -2.5

WhoCategory = Literal["normal", "low bone mass", "osteoporosis"]


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


#: Plausible bounds for an areal bone mineral density measured by DXA, in g/cm². Generous on
#: purpose: they catch a value in the wrong unit (mg/cm²) or a swapped argument, not an odd scan.
DENSITY_RANGE_G_CM2 = (0.05, 3.0)
#: A reference SD above this fraction of its mean cannot describe a group's densities.
MAX_SD_FRACTION_OF_MEAN = 0.5
#: Bounds for a T-score or Z-score given to :func:`who_category`: far beyond any real scan.
SCORE_RANGE = (-10.0, 10.0)


def _check_density_reference(
    bmd: float, mean: float, sd: float, names: tuple[str, str, str]
) -> None:
    """Raise ValueError when a density, its reference mean or SD is implausible for g/cm²."""
    low, high = DENSITY_RANGE_G_CM2
    for value, name in ((bmd, names[0]), (mean, names[1])):
        if not low <= value <= high:
            hint = " (a value in mg/cm²? divide it by 1000)" if value > high else ""
            raise ValueError(
                f"{name} must be an areal density between {low} and {high} g/cm², "
                f"got {value!r}{hint}"
            )
    if sd > MAX_SD_FRACTION_OF_MEAN * mean:
        raise ValueError(
            f"{names[2]} {sd!r} is more than half of {names[1]} {mean!r}; a reference SD is small "
            "beside its mean (are the mean and the SD swapped?)"
        )


def t_score(bmd: float, ref_mean: float, ref_sd: float) -> float:
    """How many young-adult standard deviations a bone mineral density lies from the young mean.

    Parameters
    ----------
    bmd
        Measured areal bone mineral density, g/cm². Must be positive.
    ref_mean, ref_sd
        Mean and standard deviation of the young-adult reference group at the same site, g/cm².

    Returns
    -------
    float
        ``(bmd - ref_mean) / ref_sd``. Negative when the density is below the young-adult mean.
    """
    bmd = _finite(bmd, "bmd")
    ref_mean = _finite(ref_mean, "ref_mean")
    ref_sd = _finite(ref_sd, "ref_sd")
    if bmd <= 0:
        raise ValueError(f"bmd is a density and must be positive, got {bmd!r} g/cm²")
    if ref_mean <= 0:
        raise ValueError(f"ref_mean is a density and must be positive, got {ref_mean!r} g/cm²")
    if ref_sd <= 0:
        raise ValueError(f"ref_sd must be greater than 0, got {ref_sd!r}")
    _check_density_reference(bmd, ref_mean, ref_sd, ("bmd", "ref_mean", "ref_sd"))
    return (bmd - ref_mean) / ref_sd


def who_category(t: float) -> WhoCategory:
    """The WHO diagnostic class of a T-score.

    ``"normal"`` at −1.0 and above, ``"osteoporosis"`` at −2.5 and below, and ``"low bone mass"``
    (osteopenia) in between. The classes were defined for postmenopausal women measured by DXA.
    """
    t = _finite(t, "t")
    if not SCORE_RANGE[0] <= t <= SCORE_RANGE[1]:
        raise ValueError(
            f"t must be a T-score between {SCORE_RANGE[0]} and {SCORE_RANGE[1]}, got {t!r} "
            "(was a density or a percentage passed instead?)"
        )
    if t >= WHO_NORMAL_FROM:
        return "normal"
    if t <= WHO_OSTEOPOROSIS_AT:
        return "osteoporosis"
    return "low bone mass"


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


# --- Z-scores and absolute effects from relative ones (issue 12) -------------------------------

from dataclasses import dataclass  # noqa: E402  (this block is appended; see the module's end)

__all__ += ["z_score", "treated_probability", "AbsoluteEffect", "absolute_effect"]

RatioMeasure = Literal["HR", "RR"]


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


def z_score(bmd: float, age_matched_mean: float, age_matched_sd: float) -> float:
    """How many standard deviations a bone mineral density lies from its age-matched mean.

    The same arithmetic as :func:`t_score`, with a different reference: people of the same age
    and sex (and often ethnic group) instead of young adults. Z-scores are what densitometry
    societies prefer before menopause and in men under 50, where the WHO T-score classes do not
    apply; a low Z-score means "below the expected range for age", not osteoporosis.

    >>> round(z_score(0.80, 0.86, 0.12), 2)
    -0.5
    >>> z_score(0.80, 0.86, 0.0)
    Traceback (most recent call last):
    ...
    ValueError: age_matched_sd must be a finite number greater than 0, got 0.0
    """
    bmd = _positive(bmd, "bmd", " (g/cm²)")
    mean = _positive(age_matched_mean, "age_matched_mean", " (g/cm²)")
    sd = _positive(age_matched_sd, "age_matched_sd")
    _check_density_reference(bmd, mean, sd, ("bmd", "age_matched_mean", "age_matched_sd"))
    return (bmd - mean) / sd


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

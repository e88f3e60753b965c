"""Bone density as scores: T-scores, Z-scores and the WHO classes of a T-score.

The WHO thresholds for T-scores are those quoted in ``data/who_tscore_classes.csv``
(WHO technical report 843, 1994).
"""

from __future__ import annotations

from typing import Literal

from bonelab.stats.checks import _finite, _positive

#: A T-score at or above this value is classed as normal (WHO 1994).
WHO_NORMAL_FROM = -1.0
#: A T-score at or below this value is classed as osteoporosis (WHO 1994).
WHO_OSTEOPOROSIS_AT = -2.5

WhoCategory = Literal["normal", "low bone mass", "osteoporosis"]

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

"""Small, exact calculations the course uses to read bone and trial numbers.

Every function checks its input and raises :class:`ValueError` with the reason when the input
makes no sense (a negative density, a standard deviation of zero, a probability above one), so a
typo in a notebook shows up as a clear message rather than as a plausible-looking wrong number.

The WHO thresholds for T-scores are those quoted in ``data/who_tscore_classes.csv``
(WHO technical report 843, 1994).

One module per kind of calculation (:mod:`.scores`, :mod:`.risks`, :mod:`.percent`) and the
argument checks they share (:mod:`.checks`); every name is importable from ``bonelab.stats``.
"""

from bonelab.stats.percent import annualised_percent, compound_percent, percent_change
from bonelab.stats.risks import (  # noqa: F401  (RatioMeasure: importable here, as before)
    AbsoluteEffect,
    RatioMeasure,
    absolute_effect,
    absolute_risk_difference,
    number_needed_to_treat,
    rate_difference_per_10000,
    treated_probability,
)
from bonelab.stats.scores import (  # noqa: F401  (the bounds and WhoCategory: importable here)
    DENSITY_RANGE_G_CM2,
    MAX_SD_FRACTION_OF_MEAN,
    SCORE_RANGE,
    WHO_NORMAL_FROM,
    WHO_OSTEOPOROSIS_AT,
    WhoCategory,
    t_score,
    who_category,
    z_score,
)

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
    "z_score",
    "treated_probability",
    "AbsoluteEffect",
    "absolute_effect",
]

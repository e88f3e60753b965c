"""Numbers the testosterone page quotes: the worked T-score exercise (made-up group means)."""

from __future__ import annotations

from bonelab.results import result

# --- Testosterone: the worked T-score exercise (made-up group means) ------------------------


@result(
    "testosterone.exercise.tscore_gap_sd",
    fmt="{:.2f}",
    description="Made-up survey means 0.75 vs 0.72 g/cm2 against the NHANES III femoral-neck "
    "convention (0.858, SD 0.120): gap between the two T-scores, in SD",
)
def _testosterone_tscore_gap() -> float:
    from bonelab.stats import t_score

    return t_score(0.75, 0.858, 0.120) - t_score(0.72, 0.858, 0.120)

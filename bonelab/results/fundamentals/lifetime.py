"""Numbers ``lifetime-of-bone`` quotes: SWAN's share, compounding, T-scores across the transition."""

from __future__ import annotations

from bonelab.results import result
from bonelab.results.fundamentals.common import (
    AFTER,
    BEFORE,
    LATER,
    SWAN_TEN_YEARS,
    _cohort_level,
    _cohort_rate,
    _compound_loss,
    _reference,
    _signed,
    _swan,
    _t,
)

# --- A lifetime of bone: SWAN share, compounding, T-scores across the transition -------------


@result(
    "swan.spine.transmenopause_share_pct",
    fmt="{:.0f}",
    description="Share (%) of SWAN's ten-year lumbar spine loss that fell in the transmenopause",
)
def _():
    return _swan("lumbar spine", "transmenopause") / _swan("lumbar spine", SWAN_TEN_YEARS) * 100


@result(
    "sowers.spine.after_fmp_2y.added_pct",
    fmt="{:.1f}",
    description="Two years of the 15-year cohort's post-FMP spine rate added (not compounded), %",
)
def _():
    rate, years = _cohort_rate(AFTER)
    return rate * years


@result(
    "sowers.spine.after_fmp_2y.loss_pct",
    fmt="{:.1f}",
    description="Two years of the 15-year cohort's post-FMP spine rate compounded: total loss, %",
)
def _():
    return _compound_loss(*_cohort_rate(AFTER))


@result(
    "sowers.spine.before_fmp_2y.loss_pct",
    fmt="{:.1f}",
    description="Two years of the 15-year cohort's pre-FMP spine rate compounded: total loss, %",
)
def _():
    return _compound_loss(*_cohort_rate(BEFORE))


@result(
    "sowers.spine.later_5y.loss_pct",
    fmt="{:.1f}",
    description="Five years (2 to 7 after the FMP) of the 15-year cohort's spine rate compounded: loss, %",
)
def _():
    return _compound_loss(*_cohort_rate(LATER))


@result(
    "sowers.spine.minus2_to_plus2.loss_pct",
    fmt="{:.1f}",
    description="Four years (2 before to 2 after the FMP) of the 15-year cohort's spine rates compounded: loss, %",
)
def _():
    return (1 - _cohort_level(2) / 100) * 100


@result(
    "sowers.spine.level_after_9y",
    fmt="{:.1f}",
    description="Spine level seven years after the FMP (100 two years before), 15-year cohort's rates compounded",
)
def _():
    return _cohort_level(7)


@result(
    "sowers.spine.loss_9y_pct",
    fmt="{:.1f}",
    description="Spine loss (%) from two years before to seven years after the FMP, 15-year cohort's rates compounded",
)
def _():
    return 100 - _cohort_level(7)


@result(
    "sowers.spine.over_swan_transmenopause_pct",
    fmt="{:.1f}",
    description="15-year cohort's spine rates compounded over SWAN's transmenopause window (1 y before to 2 y after the FMP): loss, %",
)
def _():
    return (1 - _cohort_level(2) / _cohort_level(-1)) * 100


def _after_ten_years(bmd: float) -> float:
    return bmd * (1 - _swan("femoral neck", SWAN_TEN_YEARS) / 100)


@result(
    "tscore.transition.fn_0_80.before",
    fmt=_signed(2),
    description="T-score of a femoral-neck BMD of 0.80 g/cm² (reference convention)",
)
def _():
    return _t(0.80)


@result(
    "tscore.transition.fn_0_80.bmd_after",
    fmt="{:.3f}",
    description="Femoral-neck BMD (g/cm²) of 0.80 after SWAN's ten-year femoral-neck loss",
)
def _():
    return _after_ten_years(0.80)


@result(
    "tscore.transition.fn_0_80.after",
    fmt=_signed(2),
    description="T-score of 0.80 g/cm² after SWAN's ten-year femoral-neck loss",
)
def _():
    return _t(_after_ten_years(0.80))


@result(
    "tscore.transition.fn_0_95.before",
    fmt=_signed(2, plus=True),
    description="T-score of a femoral-neck BMD of 0.95 g/cm² (reference convention)",
)
def _():
    return _t(0.95)


@result(
    "tscore.transition.fn_0_95.bmd_after",
    fmt="{:.3f}",
    description="Femoral-neck BMD (g/cm²) of 0.95 after SWAN's ten-year femoral-neck loss",
)
def _():
    return _after_ten_years(0.95)


@result(
    "tscore.transition.fn_0_95.after",
    fmt=_signed(2, plus=True),
    description="T-score of 0.95 g/cm² after SWAN's ten-year femoral-neck loss",
)
def _():
    return _t(_after_ten_years(0.95))


@result(
    "swan.neck.ten_year_annualised_pct",
    fmt=_signed(2),
    description="Constant yearly change (%) that compounds to SWAN's ten-year femoral-neck loss",
)
def _():
    from bonelab.stats import annualised_percent

    return annualised_percent(-_swan("femoral neck", SWAN_TEN_YEARS), 10)


def _shift(bmd: float, window: str) -> float:
    """How many SDs a SWAN femoral-neck loss moves a T-score (positive = down)."""
    return _t(bmd) - _t(bmd * (1 - _swan("femoral neck", window) / 100))


@result(
    "tscore.shift.transmenopause.fn_0_80",
    fmt="{:.2f}",
    description="T-score drop (SD) of 0.80 g/cm² with SWAN's transmenopause femoral-neck loss",
)
def _():
    return _shift(0.80, "transmenopause")


@result(
    "tscore.shift.transmenopause.fn_0_95",
    fmt="{:.2f}",
    description="T-score drop (SD) of 0.95 g/cm² with SWAN's transmenopause femoral-neck loss",
)
def _():
    return _shift(0.95, "transmenopause")


@result(
    "tscore.shift.ten_years.fn_0_80",
    fmt="{:.2f}",
    description="T-score drop (SD) of 0.80 g/cm² with SWAN's ten-year femoral-neck loss",
)
def _():
    return _shift(0.80, SWAN_TEN_YEARS)


@result(
    "tscore.shift.ten_years.fn_0_95",
    fmt="{:.2f}",
    description="T-score drop (SD) of 0.95 g/cm² with SWAN's ten-year femoral-neck loss",
)
def _():
    return _shift(0.95, SWAN_TEN_YEARS)


@result(
    "tscore.exercise.fn_0_62.before",
    fmt=_signed(2),
    description="T-score of a femoral-neck BMD of 0.62 g/cm² (notebook exercise)",
)
def _():
    return _t(0.62)


@result(
    "tscore.exercise.fn_0_62.after",
    fmt=_signed(2),
    description="T-score of 0.62 g/cm² after SWAN's ten-year femoral-neck loss (notebook exercise)",
)
def _():
    return _t(_after_ten_years(0.62))


@result(
    "tscore.exercise.fn_0_62.margin_g_cm2",
    fmt="{:.3f}",
    description="How far (g/cm²) 0.62 g/cm² after SWAN's ten-year loss sits above the T = -2.5 line",
)
def _():
    from bonelab.stats import WHO_OSTEOPOROSIS_AT

    mean, sd = _reference()
    return _after_ten_years(0.62) - (mean + WHO_OSTEOPOROSIS_AT * sd)

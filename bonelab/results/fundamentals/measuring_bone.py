"""Numbers ``measuring-bone`` quotes: Z-scores, least significant changes, absolute fracture risk."""

from __future__ import annotations

from bonelab.results import result
from bonelab.results.fundamentals.common import AFTER, LATER, _cohort_rate, _signed, _t

# --- Measuring bone and absolute fracture risk (issue 12) --------------------------------------
# The inputs marked ILLUSTRATION are made-up values chosen to teach the arithmetic; they are not
# data and the chapter says so. Everything else is read from data/.

ZSCORE_EXAMPLE = {"bmd": 0.62, "age_matched_mean": 0.85, "age_matched_sd": 0.11}  # ILLUSTRATION
LSC_PRECISION_PCT = (
    1.5  # ILLUSTRATION: a facility's precision error (%CV); each facility measures its own
)
LSC_FACTOR_95 = (
    2.77  # ISCD precision-calculator glossary (iscdprecision): LSC = 2.77 x precision error
)
ILLUSTRATIVE_BASELINES = (0.05, 0.20)  # ILLUSTRATION: ten-year fracture probabilities


def _whi_ep_total_hr() -> tuple[float, float, float, float]:
    """WHI E+P total-fracture HR, its 95 % CI and mean follow-up (Cauley 2003) from fracture_hr."""
    from bonelab.data import load

    table = load("fracture_hr")
    row = table[(table["source"] == "cauley2003") & (table["outcome"] == "total fractures")].iloc[0]
    return (
        float(row["estimate"]),
        float(row["ci_low"]),
        float(row["ci_high"]),
        float(row["follow_up_years"]),
    )


def _absolute(baseline: float, ratio: float | None = None):
    from bonelab.stats import absolute_effect

    return absolute_effect(baseline, ratio if ratio is not None else _whi_ep_total_hr()[0], 10)


@result(
    "zscore.example.z",
    fmt=_signed(2),
    description="Z-score of 0.62 g/cm² against an illustrative age-matched mean 0.85, SD 0.11",
)
def _():
    from bonelab.stats import z_score

    return z_score(**ZSCORE_EXAMPLE)


@result(
    "zscore.example.t",
    fmt=_signed(2),
    description="T-score of the same 0.62 g/cm² against the femoral-neck young-adult convention",
)
def _():
    return _t(ZSCORE_EXAMPLE["bmd"])


@result(
    "lsc.example.pct",
    fmt="{:.1f}",
    description="Least significant change (%, 95 %) for an illustrative 1.5 % precision error",
)
def _():
    return LSC_FACTOR_95 * LSC_PRECISION_PCT


def _years_to_exceed_lsc(rate_pct_per_year: float) -> float:
    import math

    lsc = LSC_FACTOR_95 * LSC_PRECISION_PCT / 100
    return math.log(1 - lsc) / math.log(1 - rate_pct_per_year / 100)


@result(
    "lsc.example.years_at_fastest",
    fmt="{:.1f}",
    description="Years of loss at the 15-year cohort's fastest spine rate (3.3 %/yr) before it exceeds the illustrative LSC",
)
def _():
    return _years_to_exceed_lsc(_cohort_rate(AFTER)[0])


@result(
    "lsc.example.years_at_later",
    fmt="{:.1f}",
    description="Years of loss at the cohort's later spine rate (1.1 %/yr, 2-7 y after the FMP) before it exceeds the illustrative LSC",
)
def _():
    return _years_to_exceed_lsc(_cohort_rate(LATER)[0])


@result(
    "absrisk.whi_ep.base05.per1000",
    fmt="{:.1f}",
    description="Fractures avoided per 1000 women over 10 years: WHI E+P HR 0.76 applied to an illustrative 5 % baseline",
)
def _():
    return _absolute(ILLUSTRATIVE_BASELINES[0]).per_1000


@result(
    "absrisk.whi_ep.base05.nnt",
    fmt="{:.0f}",
    description="NNT over 10 years: WHI E+P HR 0.76 applied to an illustrative 5 % baseline",
)
def _():
    return _absolute(ILLUSTRATIVE_BASELINES[0]).nnt


@result(
    "absrisk.whi_ep.base20.per1000",
    fmt="{:.1f}",
    description="Fractures avoided per 1000 women over 10 years: WHI E+P HR 0.76 applied to an illustrative 20 % baseline",
)
def _():
    return _absolute(ILLUSTRATIVE_BASELINES[1]).per_1000


@result(
    "absrisk.whi_ep.base20.nnt",
    fmt="{:.0f}",
    description="NNT over 10 years: WHI E+P HR 0.76 applied to an illustrative 20 % baseline",
)
def _():
    return _absolute(ILLUSTRATIVE_BASELINES[1]).nnt


@result(
    "absrisk.whi_ep.base20.simple_per1000",
    fmt="{:.0f}",
    description="The same, by the simple risk-ratio shortcut 1000 x baseline x (1 - 0.76), for comparison",
)
def _():
    return ILLUSTRATIVE_BASELINES[1] * 1000 * (1 - _whi_ep_total_hr()[0])


@result(
    "absrisk.whi_ep.base20_over_base05",
    fmt="{:.1f}",
    description="How many times more fractures the same HR avoids at a 20 % than at a 5 % illustrative baseline",
)
def _():
    return (
        _absolute(ILLUSTRATIVE_BASELINES[1]).per_1000
        / _absolute(ILLUSTRATIVE_BASELINES[0]).per_1000
    )


# The measuring-bone notebook: the Cochrane check and the exercise.
EXERCISE_BASELINES = (0.03, 0.25)  # ILLUSTRATION: ten-year fracture probabilities


def _fracture_ratio(source: str, outcome: str, therapy: str | None = None) -> float:
    from bonelab.data import load

    table = load("fracture_hr")
    rows = table[(table["source"] == source) & (table["outcome"] == outcome)]
    if therapy is not None:
        rows = rows[rows["therapy"] == therapy]
    return float(rows.iloc[0]["estimate"])


def _cochrane_treated_from_rr(comparison: str, therapy: str) -> float:
    from bonelab.data import load
    from bonelab.stats import treated_probability

    row = load("cochrane_fractures").set_index("comparison").loc[comparison]
    ratio = _fracture_ratio("marjoribanks2017", "any fracture", therapy)
    return 1000 * treated_probability(row["control_per_1000"] / 1000, ratio, measure="RR")


@result(
    "cochrane.estrogen_alone.treated_from_rr_per1000",
    fmt="{:.1f}",
    description="Cochrane estrogen alone: RR 0.73 applied to the control group's 141 per 1000",
)
def _():
    return _cochrane_treated_from_rr("estrogen alone vs placebo", "estrogen alone")


@result(
    "cochrane.combined.treated_from_rr_per1000",
    fmt="{:.1f}",
    description="Cochrane continuous combined: RR 0.78 applied to the control group's 111 per 1000",
)
def _():
    return _cochrane_treated_from_rr("combined continuous vs placebo", "combined continuous")


def _cochrane_ealone_effect(baseline: float):
    from bonelab.stats import absolute_effect

    ratio = _fracture_ratio("marjoribanks2017", "any fracture", "estrogen alone")
    return absolute_effect(baseline, ratio, 10, measure="RR")


@result(
    "absrisk.cochrane_ealone.base03.per1000",
    fmt="{:.1f}",
    description="Exercise: Cochrane estrogen-alone RR 0.73 at an illustrative 3 % ten-year baseline, fewer per 1000",
)
def _():
    return _cochrane_ealone_effect(EXERCISE_BASELINES[0]).per_1000


@result(
    "absrisk.cochrane_ealone.base03.nnt",
    fmt="{:.0f}",
    description="Exercise: the same, number needed to treat over ten years",
)
def _():
    return _cochrane_ealone_effect(EXERCISE_BASELINES[0]).nnt


@result(
    "absrisk.cochrane_ealone.base25.per1000",
    fmt="{:.1f}",
    description="Exercise: Cochrane estrogen-alone RR 0.73 at an illustrative 25 % ten-year baseline, fewer per 1000",
)
def _():
    return _cochrane_ealone_effect(EXERCISE_BASELINES[1]).per_1000


@result(
    "absrisk.cochrane_ealone.base25.nnt",
    fmt="{:.0f}",
    description="Exercise: the same, number needed to treat over ten years",
)
def _():
    return _cochrane_ealone_effect(EXERCISE_BASELINES[1]).nnt


@result(
    "absrisk.whi_ep.nnt50_baseline_pct",
    fmt="{:.1f}",
    description="Exercise: the ten-year baseline (%) at which WHI E+P's HR 0.76 gives an NNT of 50 over ten years",
)
def _():
    from scipy.optimize import brentq

    return 100 * brentq(lambda p: _absolute(p).nnt - 50, 0.01, 0.5, xtol=1e-12)

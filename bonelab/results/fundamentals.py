"""Numbers the Fundamentals pages quote, computed here (see :mod:`bonelab.results`).

Every value is the course's own arithmetic on sourced data (``data/``) or its own run of a
published model (:mod:`bonelab.models`); the papers are cited for the data and the model only.
"""

from __future__ import annotations

from functools import cache

from bonelab.results import result  # noqa: F401  (used by the entries below)

MINUS = "\u2212"


def _signed(digits: int, plus: bool = False):
    """A format that writes a typographic minus (and, if asked, an explicit plus)."""

    def fmt(number: float) -> str:
        text = f"{abs(number):.{digits}f}"
        if float(text) == 0:
            return text
        if number < 0:
            return MINUS + text
        return ("+" + text) if plus else text

    return fmt


# --- data helpers ------------------------------------------------------------------------------


def _reference() -> tuple[float, float]:
    """Femoral-neck young-adult reference convention (mean, SD), g/cm²."""
    from bonelab.data import load

    row = load("bmd_reference").iloc[0]
    return float(row["mean_g_cm2"]), float(row["sd_g_cm2"])


def _t(bmd: float) -> float:
    from bonelab.stats import t_score

    mean, sd = _reference()
    return t_score(bmd, mean, sd)


def _transition(study: str, site: str, window: str):
    from bonelab.data import load

    table = load("bmd_transition")
    rows = table[(table["study"] == study) & (table["site"] == site) & (table["window"] == window)]
    return rows.iloc[0]


def _swan(site: str, window: str) -> float:
    return float(_transition("SWAN", site, window)["loss_pct"])


SWAN_TEN_YEARS = "10 years around the final menstrual period"


def _cohort_rate(window: str) -> tuple[float, float]:
    """15-year cohort (Sowers 2010): yearly spine loss (%/yr, positive) and window length (y)."""
    row = _transition("15-year cohort", "spine", window)
    return float(row["loss_pct_per_year"]), float(
        row["years_from_fmp_end"] - row["years_from_fmp_start"]
    )


BEFORE = "2 years before the final menstrual period"
AFTER = "2 years after the final menstrual period"
LATER = "2 to 7 years after the final menstrual period"


def _compound_loss(rate: float, years: float) -> float:
    """Total loss in percent (positive) after ``years`` at ``rate`` %/yr of loss, compounded."""
    from bonelab.stats import compound_percent

    return -compound_percent(-rate, years)


def _cohort_level(years_from_fmp: float) -> float:
    """Spine level (100 two years before the FMP) at a time from the FMP, compounding the windows."""
    from bonelab.data import load
    from bonelab.stats import compound_percent

    table = load("bmd_transition")
    cohort = table[table["study"] == "15-year cohort"]
    level = 100.0
    for row in cohort.itertuples():
        elapsed = min(years_from_fmp, row.years_from_fmp_end) - row.years_from_fmp_start
        if elapsed > 0:
            level *= 1 + compound_percent(-row.loss_pct_per_year, elapsed) / 100
    return level


# --- Bone is alive: worked T-scores --------------------------------------------------------------


@result(
    "tscore.example.fn_0_70",
    fmt=_signed(2),
    description="T-score of a femoral-neck BMD of 0.70 g/cm² against the reference convention",
)
def _():
    return _t(0.70)


@result(
    "tscore.example.fn_0_55",
    fmt=_signed(2),
    description="T-score of a femoral-neck BMD of 0.55 g/cm² against the reference convention",
)
def _():
    return _t(0.55)


@result(
    "tscore.example.minus_1_5.below_mean_g_cm2",
    fmt="{:.2f}",
    description="How far below the young-adult mean (g/cm²) a femoral-neck T-score of -1.5 lies",
)
def _():
    return 1.5 * _reference()[1]


@result(
    "tscore.example.minus_1_5.bmd",
    fmt="{:.3f}",
    description="Femoral-neck BMD (g/cm²) at a T-score of -1.5 under the reference convention",
)
def _():
    mean, sd = _reference()
    return mean - 1.5 * sd


@result(
    "tscore.example.minus_1_5.pct_below_mean",
    fmt="{:.0f}",
    description="Percent below the young-adult mean of a femoral-neck T-score of -1.5",
)
def _():
    from bonelab.stats import percent_change

    mean, sd = _reference()
    return -percent_change(mean, mean - 1.5 * sd)


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


# --- Ovulation and bone: ten-year extrapolations (an exercise, not a finding) ----------------


def _ovulation_rate(study: str, n: int) -> float:
    from bonelab.data import load

    table = load("ovulation_bmd")
    row = table[(table["study"] == study) & (table["n"] == n)].iloc[0]
    return float(row["change_pct_per_year"])


@result(
    "ovulation.li2014.ten_year_loss_pct",
    fmt="{:.1f}",
    description="Li 2014's pooled -0.86 %/yr difference compounded over ten years: loss, % (exercise)",
)
def _():
    return _compound_loss(-_ovulation_rate("Li 2014", 436), 10)


@result(
    "ovulation.prior1990_anovulatory.ten_year_loss_pct",
    fmt="{:.1f}",
    description="Prior 1990's -4.2 %/yr (13 anovulatory women) compounded over ten years: loss, % (exercise)",
)
def _():
    return _compound_loss(-_ovulation_rate("Prior 1990", 13), 10)


@result(
    "ovulation.prior1990_anovulatory.ten_year_vs_swan_spine",
    fmt="{:.1f}",
    description="Ten-year compounded Prior 1990 anovulatory loss divided by SWAN's ten-year spine loss",
)
def _():
    loss = _compound_loss(-_ovulation_rate("Prior 1990", 13), 10)
    return loss / _swan("lumbar spine", SWAN_TEN_YEARS)


# --- Hormonal conductors: WHI fracture arithmetic from the published percentages -------------

# The difference in points and the NNT are academic.py's whi.fracture.arr_points and whi.fracture.nnt.
WHI_HR = 0.76  # Cauley 2003 abstract (evidence.md 1)


@result(
    "whi_ep.fracture.hr_lower_pct",
    fmt="{:.0f}",
    description="WHI E+P: how much lower (%) the fracture rate was on hormones, from the hazard ratio 0.76",
)
def _():
    return (1 - WHI_HR) * 100


# --- One remodeling cycle: the course's run of the Komarova 2003 model -------------------------
# Phase lengths, the dip and the end value are academic.py's komarova.cycle.* keys (same run).


@cache
def _cycle():
    from bonelab import models

    params = models.KomarovaParams()
    run = models.simulate_komarova(params, days=400, start=(11, 212, 100))
    return params, run


@result(
    "komarova.reference_cycle.extra_osteoclasts",
    fmt="{:.1f}",
    description="Komarova 2003 model, course's reference start: osteoclasts above steady state at day 0",
)
def _():
    from bonelab import models

    return 11 - models.komarova_steady_state(models.KomarovaParams())[0]


@result(
    "komarova.reference_cycle.dip_units",
    fmt="{:.1f}",
    description="Komarova 2003 model, course's reference cycle: depth of the bone-mass dip below 100",
)
def _():
    return 100 - float(_cycle()[1]["bone_mass"].min())


@result(
    "komarova.reference_cycle.k1_026_shortfall",
    fmt="{:.1f}",
    description="Komarova 2003 model with k1 = 0.26 instead of 0.24: bone mass short of 100 on day 400",
)
def _():
    from dataclasses import replace

    from bonelab import models

    params = replace(models.KomarovaParams(), k1=0.26)
    run = models.simulate_komarova(params, days=400, start=(11, 212, 100))
    return 100 - float(run["bone_mass"].iloc[-1])


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


# --- Other causes of bone loss before menopause (issue 12): depot MPA in adolescents ----------


def _dmpa(study: str, group: str, site: str) -> float:
    from bonelab.data import load

    t = load("dmpa_adolescent_bmd")
    row = t[(t["study"] == study) & (t["group"] == group) & (t["site"] == site)].iloc[0]
    return float(row["value"])


@result(
    "cromer.spine.difference_points",
    fmt="{:.1f}",
    description="Cromer 2005: estradiol minus placebo arm, lumbar spine BMD change over 24 months, percentage points",
)
def _():
    return _dmpa("Cromer 2005", "DMPA + estradiol cypionate", "spine") - _dmpa(
        "Cromer 2005", "DMPA + placebo", "spine"
    )


@result(
    "cromer.neck.difference_points",
    fmt="{:.1f}",
    description="Cromer 2005: estradiol minus placebo arm, femoral-neck BMD change over 24 months, percentage points",
)
def _():
    return _dmpa("Cromer 2005", "DMPA + estradiol cypionate", "femoral neck") - _dmpa(
        "Cromer 2005", "DMPA + placebo", "femoral neck"
    )


@result(
    "scholes.hip.two_on_two_off_pct",
    fmt=_signed(1),
    description="Exercise: Scholes 2005 hip rates compounded, two years as a DMPA user then two years after stopping, % change",
)
def _():
    from bonelab.stats import compound_percent

    on = compound_percent(_dmpa("Scholes 2005", "DMPA users", "hip"), 2)
    off = compound_percent(_dmpa("Scholes 2005", "discontinuers", "hip"), 2)
    return ((1 + on / 100) * (1 + off / 100) - 1) * 100


@result(
    "scholes.hip.nonusers_four_years_pct",
    fmt=_signed(1),
    description="Exercise: Scholes 2005 non-users' hip rate compounded over four years, % change",
)
def _():
    from bonelab.stats import compound_percent

    return compound_percent(_dmpa("Scholes 2005", "non-users", "hip"), 4)


# --- explorable figures (bonelab.explore): the settings the self-checks ask about ---------------


def _explore_cycle(pct: float):
    from bonelab.explore import remodeling_cycle

    return remodeling_cycle(pct)


@result(
    "explore.cycle.lifespan_plus20.resorption_days",
    fmt="{:.0f}",
    description="Komarova 2003, osteoclasts living 20 % longer (illustration): resorption phase, model days",
)
def _():
    return _explore_cycle(20).resorption_days


@result(
    "explore.cycle.lifespan_plus20.bone_mass_min",
    fmt="{:.1f}",
    description="Komarova 2003, osteoclasts living 20 % longer (illustration): lowest bone mass",
)
def _():
    return _explore_cycle(20).bone_mass_min


@result(
    "explore.cycle.lifespan_plus20.bone_mass_end",
    fmt="{:.2f}",
    description="Komarova 2003, osteoclasts living 20 % longer (illustration): bone mass on day 400",
)
def _():
    return 100 + _explore_cycle(20).balance


def _explore_lifetime(peak: float, fmp: float, loss: float):
    from bonelab.explore import lifetime_curve

    return lifetime_curve(peak, fmp, loss)


@result(
    "explore.lifetime.default.age_at_minus1",
    fmt="{:.1f}",
    description="Lifetime explorable, peak 0.80 g/cm², final period at 51, SWAN's average loss: age at T = -1",
)
def _():
    return _explore_lifetime(0.80, 51, 1.0).crossings[-1.0]


@result(
    "explore.lifetime.double_loss.age_at_minus2_5",
    fmt="{:.1f}",
    description="Lifetime explorable, peak 0.80 g/cm², final period at 51, twice SWAN's average loss: age at T = -2.5",
)
def _():
    return _explore_lifetime(0.80, 51, 2.0).crossings[-2.5]


@result(
    "explore.lifetime.double_loss.t_after_decade",
    fmt=_signed(2),
    description="Lifetime explorable, peak 0.80 g/cm², twice SWAN's average loss: T-score five years after the final period",
)
def _():
    return _explore_lifetime(0.80, 51, 2.0).t_after_decade


@result(
    "explore.lifetime.lowest_peak_normal_after_decade",
    fmt="{:.2f}",
    description="Lifetime explorable: lowest peak BMD on its grid still normal (T >= -1) five years after the final period, SWAN's average loss, g/cm²",
)
def _():
    from bonelab.explore import LIFETIME_PEAK_SETTINGS

    return min(
        p for p in LIFETIME_PEAK_SETTINGS if _explore_lifetime(p, 51, 1.0).t_after_decade >= -1
    )

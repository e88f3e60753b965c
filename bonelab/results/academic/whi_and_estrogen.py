"""WHI and Cochrane arithmetic, and how estrogen protects bone: the two men's spine density."""

from __future__ import annotations

from bonelab import data, stats
from bonelab.results import result

# --------------------------------------------------------------------------- WHI and Cochrane
# Differences and NNTs computed from the published rates and percentages (data/*.csv); the
# sources are cited for the data, the arithmetic is the course's.

_WHI_2002_KEYS = {
    "coronary heart disease": "chd",
    "invasive breast cancer": "breast_cancer",
    "stroke": "stroke",
    "pulmonary embolism": "pulmonary_embolism",
    "deep vein thrombosis": "dvt",
    "colorectal cancer": "colorectal_cancer",
    "endometrial cancer": "endometrial_cancer",
    "hip fracture": "hip_fracture",
    "vertebral fracture": "vertebral_fracture",
    "other osteoporotic fractures": "other_fractures",
    "death from other causes": "other_deaths",
    "global index": "global_index",
}


def _signed(value: float) -> str:
    text = f"{value:+.0f}"
    return text.replace("-", "−")


def _whi_difference(outcome: str) -> float:
    table = data.load("whi_2002_outcomes").set_index("outcome")
    row = table.loc[outcome]
    return stats.rate_difference_per_10000(row.rate_ep, row.rate_placebo)


for _outcome, _short in _WHI_2002_KEYS.items():
    result(
        f"whi.{_short}.per10k_difference",
        fmt=_signed,
        description=f"WHI E+P 2002: {_outcome}, E+P minus placebo events per 10 000 woman-years",
    )(lambda _outcome=_outcome: _whi_difference(_outcome))


def _whi_arms():
    arms = data.load("whi_ep_arms").set_index("arm")
    return (
        arms.loc["placebo", "percent_with_fracture"] / 100,
        arms.loc["estrogen plus progestin", "percent_with_fracture"] / 100,
    )


@result(
    "whi.fracture.fewer_per1000",
    fmt="{:.0f}",
    description="WHI E+P (Cauley 2003): fewer women with a fracture per 1000 on E+P than on "
    "placebo over a mean 5.6 years (absolute risk difference)",
)
def _whi_fewer_per1000() -> float:
    return 1000 * stats.absolute_risk_difference(*_whi_arms())


@result(
    "whi.fracture.nnt",
    fmt="about {:.0f}",
    description="WHI E+P (Cauley 2003): number needed to treat for about 5.6 years for one fewer "
    "woman with a fracture",
)
def _whi_nnt() -> float:
    return stats.number_needed_to_treat(*_whi_arms())


@result(
    "whi.fracture.approx_per10k",
    fmt="{:.0f}",
    description="WHI E+P (Cauley 2003): rough fewer women with a fracture per 10 000 woman-years, "
    "spreading each percentage evenly over 5.6 years",
)
def _whi_approx_per10k() -> float:
    control, treated = _whi_arms()
    years = data.load("fracture_hr").set_index("source").loc["cauley2003", "follow_up_years"]
    return -stats.rate_difference_per_10000(treated / years * 1e4, control / years * 1e4)


def _cochrane(comparison: str):
    row = data.load("cochrane_fractures").set_index("comparison").loc[comparison]
    return row.control_per_1000 / 1000, row.treated_per_1000 / 1000


for _comparison, _short in (
    ("estrogen alone vs placebo", "estrogen_alone"),
    ("combined continuous vs placebo", "combined"),
):
    result(
        f"cochrane.{_short}.fewer_per1000",
        fmt="{:.0f}",
        description=f"Cochrane 2017, {_comparison}: fewer women with a fracture per 1000",
    )(lambda _c=_comparison: 1000 * stats.absolute_risk_difference(*_cochrane(_c)))
    result(
        f"cochrane.{_short}.nnt",
        fmt="about {:.0f}",
        description=f"Cochrane 2017, {_comparison}: number needed to treat over its follow-up",
    )(lambda _c=_comparison: stats.number_needed_to_treat(*_cochrane(_c)))


# Keys also shown on Fundamentals pages (kept here because they compute from the same runs).
@result(
    "whi.fracture.arr_points",
    fmt="{:.1f}",
    description="WHI E+P (Cauley 2003): placebo minus E+P percentage of women with a fracture, "
    "percentage points over a mean 5.6 years",
)
def _whi_arr_points() -> float:
    return 100 * stats.absolute_risk_difference(*_whi_arms())


# --- How estrogen protects bone (issue 13): the two men's spine density, our arithmetic -------


def _signed_one(value: float) -> str:
    return f"{value:+.1f}".replace("-", "\u2212")


@result(
    "estrogen_men.er_alpha.spine_pct_change",
    fmt=_signed_one,
    description="Smith 2008: the ERalpha-mutant man's spine areal BMD, 0.745 to 0.684 g/cm2 "
    "over 3.5 years, as a percent change",
)
def _er_alpha_change() -> float:
    return stats.percent_change(0.745, 0.684)


@result(
    "estrogen_men.er_alpha.spine_pct_per_year",
    fmt=_signed_one,
    description="Smith 2008: the same change as a constant yearly percent over 3.5 years",
)
def _er_alpha_per_year() -> float:
    return stats.annualised_percent(stats.percent_change(0.745, 0.684), 3.5)


@result(
    "estrogen_men.aromatase.spine_pct_change_24mo",
    fmt=_signed_one,
    description="Herrmann 2005: the aromatase-deficient man's spine BMD, 0.971 to 1.128 g/cm2 "
    "after 24 months of estrogen, as a percent change",
)
def _aromatase_change() -> float:
    return stats.percent_change(0.971, 1.128)

"""Numbers the Academic pages quote, computed here (see :mod:`bonelab.results`)."""

from __future__ import annotations

import numpy as np

from bonelab import models
from bonelab.results import result


@result(
    "komarova.steady.osteoclasts",
    fmt="{:.2f}",
    description="Komarova 2003 model with its published parameters: osteoclasts at steady state",
)
def _komarova_steady_osteoclasts() -> float:
    return models.komarova_steady_state(models.KomarovaParams())[0]


@result(
    "komarova.steady.osteoblasts",
    fmt="{:.0f}",
    description="Komarova 2003 model with its published parameters: osteoblasts at steady state",
)
def _komarova_steady_osteoblasts() -> float:
    return models.komarova_steady_state(models.KomarovaParams())[1]


# --------------------------------------------------------------------------- Komarova 2003 runs
# The course's own runs of the published model (equations and parameters: Komarova et al. 2003;
# bone-accounting constants of the sustained regime: Ayati et al. 2010). The papers are cited for
# the model only; every number below is computed here.

from functools import cache as _cache  # noqa: E402

from bonelab import data, stats  # noqa: E402

_AYATI = dict(k1=0.0748, k2=0.0006395)


@_cache
def _single_cycle():
    params = models.KomarovaParams()
    run = models.simulate_komarova(params, days=400.0)
    return params, run


@_cache
def _sustained(constants: str):
    params = models.KomarovaParams(
        g11=models.critical_g11(models.KomarovaParams()), **(_AYATI if constants == "ayati" else {})
    )
    return models.bone_balance_per_cycle(params, days=1150.0)


@result(
    "komarova.cycle.resorption_days",
    fmt="{:.0f}",
    description="Course's run of Komarova 2003 from its perturbed start: days osteoclasts stay "
    "above steady state (excess above 0.1 %)",
)
def _komarova_resorption_days() -> float:
    params, run = _single_cycle()
    return models.remodeling_phases(run, params).resorption.length


@result(
    "komarova.cycle.formation_days",
    fmt="{:.0f}",
    description="Same run: days osteoblasts stay above steady state (excess above 0.1 %)",
)
def _komarova_formation_days() -> float:
    params, run = _single_cycle()
    return models.remodeling_phases(run, params).formation.length


@result(
    "komarova.cycle.formation_days_strict",
    fmt="{:.0f}",
    description="Same run: days osteoblasts stay above steady state with a strict comparison",
)
def _komarova_formation_days_strict() -> float:
    params, run = _single_cycle()
    return models.remodeling_phases(run, params, threshold=0.0).formation.length


@result(
    "komarova.cycle.bone_mass_min",
    fmt="{:.1f}",
    description="Same run: lowest bone mass (% of start)",
)
def _komarova_bone_mass_min() -> float:
    return float(_single_cycle()[1].bone_mass.min())


@result(
    "komarova.cycle.bone_mass_min_day",
    fmt="{:.0f}",
    description="Same run: model day on which bone mass is lowest",
)
def _komarova_bone_mass_min_day() -> float:
    run = _single_cycle()[1]
    return float(run["day"].iloc[int(run["bone_mass"].to_numpy().argmin())])


@result(
    "komarova.cycle.bone_lost_percent",
    fmt="{:.0f}",
    description="Same run: depth of the dip, 100 minus the lowest bone mass (% of start)",
)
def _komarova_bone_lost_percent() -> float:
    return 100.0 - float(_single_cycle()[1].bone_mass.min())


@result(
    "komarova.cycle.bone_mass_end",
    fmt="{:.2f}",
    description="Same run: bone mass (% of start) at day 400",
)
def _komarova_bone_mass_end() -> float:
    return float(_single_cycle()[1].bone_mass.iloc[-1])


@result(
    "komarova.stability.critical_g11",
    fmt="{:.1f}",
    description="Osteoclast autocrine exponent at which the trace of the Jacobian vanishes, "
    "1 + b2(1 - g22)/b1, for the Komarova 2003 parameters",
)
def _komarova_critical_g11() -> float:
    return models.critical_g11(models.KomarovaParams())


@result(
    "komarova.stability.small_period_days",
    fmt="{:.0f}",
    description="Period of small oscillations at the critical exponent, 2 pi / sqrt(det J), days",
)
def _komarova_small_period() -> float:
    params = models.KomarovaParams(g11=models.critical_g11(models.KomarovaParams()))
    return 2 * np.pi / np.sqrt(models.komarova_trace_determinant(params)[1])


@result(
    "komarova.sustained.cycle_days",
    fmt="{:.0f}",
    description="Course's run at the critical exponent from the perturbed start: mean length of "
    "a cycle (osteoclast peak to peak), days",
)
def _komarova_cycle_days() -> float:
    return float(_sustained("ayati").length_days.mean())


@result(
    "komarova.sustained.balance_ayati",
    fmt="{:+.2f}",
    description="Same run with the Ayati 2010 bone constants: mean change of bone mass per cycle",
)
def _komarova_balance_ayati() -> float:
    return float(_sustained("ayati").bone_mass_change.mean())


@result(
    "komarova.sustained.loss_2003",
    fmt="{:.1f}",
    description="Same cell dynamics with the 2003 bone constants: bone mass lost per cycle "
    "(units of z)",
)
def _komarova_loss_2003() -> float:
    return -float(_sustained("2003").bone_mass_change.mean())


@result(
    "komarova.sustained.loss_2003_ten_cycles",
    fmt="{:.0f}",
    description="Ten cycles of that loss (units of z)",
)
def _komarova_loss_ten() -> float:
    return 10 * _komarova_loss_2003()


# --------------------------------------------------------------------------- Lemaire 2004 runs
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _pm(value: float) -> str:
    mantissa, exponent = f"{value:.3e}".split("e")
    return f"{mantissa} × 10{str(int(exponent)).translate(_SUPERSCRIPT)}"


for _i, _name in enumerate(("responding_osteoblasts", "active_osteoblasts", "active_osteoclasts")):
    result(
        f"lemaire.steady.{_name}",
        fmt=_pm,
        description=f"Lemaire 2004 with its published parameters: {_name.replace('_', ' ')} at "
        "steady state, pM (course's computation)",
    )(lambda _i=_i: models.lemaire_steady_state(models.LemaireParams())[_i])


@_cache
def _lemaire_ratios(kind: str) -> tuple[float, float, float]:
    params = models.LemaireParams()
    inputs = {"pth": {"pth": 1e3}, "opg": {"opg": 2e5}}[kind]
    run = models.simulate_lemaire(
        params, days=160.0, step=0.5, start_day=20.0, end_day=80.0, **inputs
    )
    norm = models.normalised(run, params)
    row = norm.loc[norm.day == 80.0].iloc[0]
    return tuple(float(row[c]) for c in models.LEMAIRE_COLUMNS[1:])


for _kind, _fmt in (("pth", "{:.1f}"), ("opg", "{:.2f}")):
    for _i, _name in enumerate(
        ("responding_osteoblasts", "active_osteoblasts", "active_osteoclasts")
    ):
        result(
            f"lemaire.{_kind}60.{_name}",
            fmt=_fmt,
            description=f"Course's run of Lemaire 2004: {_name.replace('_', ' ')} after 60 days of "
            f"{_kind.upper()} input, relative to steady state",
        )(lambda _kind=_kind, _i=_i: _lemaire_ratios(_kind)[_i])


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


# --- the Lemaire explorable (bonelab.explore.lemaire_response) -----------------------------------


def _lemaire_explore(pth: float, opg: float):
    from bonelab.explore import lemaire_response

    return lemaire_response(pth, opg)


for _pth, _opg, _name in ((1000.0, 0.0, "pth1000"), (1000.0, 5.0e4, "pth1000_opg50000")):
    for _cell, _key in (("active_osteoclasts", "c"), ("active_osteoblasts", "b")):
        result(
            f"lemaire.explore.{_name}.steady_{_key}",
            fmt="{:.2f}",
            description=(
                f"Lemaire 2004, constant PTH input {_pth:g} and OPG input {_opg:g} pM/day: "
                f"new steady state of {_cell}, times the steady state without input"
            ),
        )(lambda p=_pth, o=_opg, c=_cell: _lemaire_explore(p, o).steady[c])

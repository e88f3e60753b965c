"""Progestogens without estrogen: treated arm minus control, per trial, and Prior 1994's
approximate 95 % intervals from the SEMs (the notebook exercise)."""

from __future__ import annotations

from bonelab.results import result
from bonelab.results.intermediate.common import _signed
from bonelab.results.intermediate.estrogen_with_or_without_mpa import _meta, _pepi_per_year

# --- Progestogens without estrogen: treated arm minus control, per trial -------------------------


def _signed1(value: float) -> str:
    text = f"{value:+.1f}"
    return "0.0" if text in ("+0.0", "-0.0") else text.replace("-", "\u2212")


def _arm(study: str, group: str, site: str = "spine") -> float:
    from bonelab.data import load

    t = load("progestogen_trials")
    row = t[(t["study"] == study) & (t["group"] == group) & (t["site"] == site)]
    return float(row["change_pct_per_year"].iloc[0])


for _key, _study, _treated, _control, _site, _what in (
    (
        "progestogen.cream.spine_minus_placebo",
        "Leonetti 1999",
        "progesterone cream",
        "placebo",
        "spine",
        "progesterone cream minus placebo, spine",
    ),
    (
        "progestogen.cream.hip_minus_placebo",
        "Leonetti 1999",
        "progesterone cream",
        "placebo",
        "total hip",
        "progesterone cream minus placebo, total hip",
    ),
    (
        "progestogen.oral_progesterone.spine_minus_placebo",
        "Liu 2005",
        "oral micronized progesterone 300 mg/d",
        "placebo",
        "spine",
        "oral micronized progesterone minus placebo, spine",
    ),
    (
        "progestogen.prior1994.spine_mpa_minus_double_placebo",
        "Prior 1994",
        "cyclic MPA (with or without calcium)",
        "double placebo",
        "spine",
        "cyclic MPA minus double placebo, spine (premenopausal women)",
    ),
    (
        "progestogen.prior1994.spine_mpa_minus_calcium_only",
        "Prior 1994",
        "cyclic MPA (with or without calcium)",
        "calcium only",
        "spine",
        "cyclic MPA minus calcium only, spine (premenopausal women)",
    ),
):

    def _make_arm(
        key=_key, study=_study, treated=_treated, control=_control, site=_site, what=_what
    ) -> None:
        @result(key, fmt=_signed1, description=f"{study}: {what}, percentage points per year")
        def _() -> float:
            return _arm(study, treated, site) - _arm(study, control, site)

    _make_arm()


@result(
    "progestogen.prior1994.spine_gain_g_cm2",
    fmt="{:.3f}",
    description="Prior 1994: a 1.7 % spine gain on the trial's mean baseline of 1.12 g/cm2, in g/cm2",
)
def _prior1994_gain() -> float:
    return 1.12 * _arm("Prior 1994", "cyclic MPA (with or without calcium)") / 100


@result(
    "pepi.lowest_arm.spine_per_year_from_36_months",
    fmt=_signed,
    description="PEPI, lowest active arm: the 36-month spine change as a constant yearly rate, % per year",
)
def _pepi_lowest_per_year() -> float:
    return _pepi_per_year("all active arms", "lowest arm")


@result(
    "pepi.placebo.spine_per_year_from_36_months",
    fmt=_signed,
    description="PEPI, placebo: the 36-month spine change as a constant yearly rate, % per year",
)
def _pepi_placebo_per_year() -> float:
    return _pepi_per_year("placebo", "mean")


@result(
    "pepi.lowest_arm_minus_placebo.spine_per_year",
    fmt=_signed,
    description="PEPI: lowest active arm minus placebo, spine, yearly rates from the 36-month changes, "
    "percentage points per year",
)
def _pepi_lowest_minus_placebo() -> float:
    return _pepi_per_year("all active arms", "lowest arm") - _pepi_per_year("placebo", "mean")


@result(
    "side_by_side.estrogen_vs_added_mpa_ratio",
    fmt="{:.1f}",
    description="PEPI lowest active arm minus placebo (per year) divided by the pooled EPT-minus-ET "
    "difference of the 2017 meta-analysis",
)
def _estrogen_vs_added_mpa() -> float:
    return _pepi_lowest_minus_placebo() / _meta("estimate")


@result(
    "pepi.highest_arm_minus_placebo.spine_per_year",
    fmt=_signed,
    description="PEPI: highest active arm minus placebo, spine, yearly rates from the 36-month changes, "
    "percentage points per year",
)
def _pepi_highest_minus_placebo() -> float:
    return _pepi_per_year("all active arms", "highest arm") - _pepi_per_year("placebo", "mean")


@result(
    "pepi.continuous_mpa_minus_other_three.spine_per_year",
    fmt=_signed,
    description="PEPI: CEE + continuous MPA minus the average of the other three active arms, spine, "
    "yearly rates from the 36-month changes, percentage points per year",
)
def _pepi_cont_minus_other() -> float:
    return _pepi_per_year("CEE + continuous MPA", "mean") - _pepi_per_year(
        "other three active arms", "average"
    )


@result(
    "pepi.placebo.spine_5y_if_rate_held",
    fmt=_signed,
    description="PEPI placebo's yearly spine rate compounded over 5 years, as if it held, %",
)
def _pepi_placebo_5y() -> float:
    from bonelab.stats import compound_percent

    return compound_percent(_pepi_per_year("placebo", "mean"), 5)


# --- Prior 1994: approximate 95 % intervals from the SEMs (the notebook exercise) -------------


def _prior1994_ci(group: str, end: str) -> float:
    from scipy import stats as sps

    from bonelab.data import load

    t = load("progestogen_trials")
    row = t[(t["study"] == "Prior 1994") & (t["group"] == group)].iloc[0]
    half = sps.t.ppf(0.975, int(row["n"]) - 1) * float(row["sem"])
    return float(row["change_pct_per_year"]) + (half if end == "high" else -half)


for _slug, _group in (
    ("mpa", "cyclic MPA (with or without calcium)"),
    ("double_placebo", "double placebo"),
):
    for _end in ("low", "high"):

        def _make_ci(slug=_slug, group=_group, end=_end) -> None:
            @result(
                f"progestogen.prior1994.{slug}.ci95_{end}",
                fmt=lambda v: _signed(v, 1),
                description=f"Prior 1994, {group}: {end} end of an approximate 95 % interval for the "
                "yearly spine change, mean ± t(0.975, n - 1) x SEM, % per year",
            )
            def _() -> float:
                return _prior1994_ci(group, end)

        _make_ci()

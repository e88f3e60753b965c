"""Numbers the Intermediate pages quote, computed here (see :mod:`bonelab.results`).

Every entry is the course's own arithmetic on figures from the data tables (differences of
published rates, per-year conversions, compounding, worked T-scores); the papers are cited for
the data, never for these results.
"""

from __future__ import annotations

from bonelab.results import result


def _signed(value: float, places: int = 2) -> str:
    """A signed number with a true minus sign, as the pages print differences."""
    return f"{value:+.{places}f}".replace("-", "\u2212")


def _plain(places: int):
    return lambda value: f"{value:.{places}f}".replace("-", "\u2212")


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


# --- Estrogen with or without MPA: the 2010 review's Table 4, one difference per comparison ----

_TABLE4 = {
    "gallagher1991": "Gallagher 1991",
    "pepi": "PEPI",
    "adachi1997": "Adachi 1997",
    "lindsay2002_cee0625": "Lindsay 2002 (CEE 0.625)",
    "lindsay2002_cee045": "Lindsay 2002 (CEE 0.45)",
    "liu2005": "Liu 2005",
}


def _table4_difference(trial: str) -> float:
    from bonelab.data import load

    rows = load("ept_vs_et_trials").set_index("trial")
    return float(
        rows.loc[trial, "ept_spine_pct_per_year"] - rows.loc[trial, "et_spine_pct_per_year"]
    )


def _register_table4(slug: str, trial: str) -> None:
    @result(
        f"ept_vs_et.table4.{slug}.difference",
        fmt=_signed,
        description=f"Seifert-Klauss & Prior 2010, Table 4, {trial}: yearly spine BMD change with "
        "estrogen plus progestin minus estrogen alone, percentage points per year",
    )
    def _() -> float:
        return _table4_difference(trial)


for _slug, _trial in _TABLE4.items():
    _register_table4(_slug, _trial)


def _meta(column: str) -> float:
    from bonelab.data import load

    meta = load("meta_analyses").set_index("meta_analysis")
    return float(meta.loc["EPT vs ET", column])


def _swan_transmenopause_loss() -> float:
    from bonelab.data import load

    t = load("bmd_transition")
    row = t[
        (t["study"] == "SWAN") & (t["site"] == "lumbar spine") & (t["window"] == "transmenopause")
    ]
    return float(row["loss_pct"].iloc[0])


def _compounded(column: str, years: float) -> float:
    from bonelab.stats import compound_percent

    return compound_percent(_meta(column), years)


for _column, _suffix, _what in (
    ("estimate", "", "pooled EPT-minus-ET difference"),
    ("ci_low", "_ci_low", "lower end of the 95 % CI of the pooled difference"),
    ("ci_high", "_ci_high", "upper end of the 95 % CI of the pooled difference"),
):
    for _years in (5, 10):

        def _make(
            column: str = _column, years: int = _years, suffix: str = _suffix, what: str = _what
        ) -> None:
            @result(
                f"ept_vs_et.meta.compound_{years}y{suffix}",
                fmt="{:.2f}",
                description=f"Prior 2017 meta-analysis: the {what} (% per year), compounded over "
                f"{years} years as if it held constant, %",
            )
            def _() -> float:
                return _compounded(column, years)

        _make()


@result(
    "ept_vs_et.meta.compound_10y_short_of_swan",
    fmt="{:.2f}",
    description="SWAN lumbar-spine loss in the transmenopause minus the pooled EPT-minus-ET "
    "difference compounded over 10 years, percentage points",
)
def _compound_short_of_swan() -> float:
    return _swan_transmenopause_loss() - _compounded("estimate", 10)


# --- PEPI: 36-month changes turned into yearly rates -------------------------------------------


def _pepi_36_month(group: str, summary: str, site: str = "spine") -> float:
    from bonelab.data import load

    p = load("pepi_bmd")
    row = p[
        (p["group"] == group)
        & (p["summary"] == summary)
        & (p["site"] == site)
        & (p["period"] == "36 months")
    ]
    return float(row["change_pct"].iloc[0])


def _pepi_per_year(group: str, summary: str) -> float:
    from bonelab.stats import annualised_percent

    return annualised_percent(_pepi_36_month(group, summary), 3)


@result(
    "pepi.continuous_mpa.spine_per_year_from_36_months",
    fmt=_signed,
    description="PEPI, CEE + continuous MPA: the 36-month spine change as a constant yearly rate, % per year",
)
def _pepi_cont_mpa_per_year() -> float:
    return _pepi_per_year("CEE + continuous MPA", "mean")


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


# --- The review's Table 4 totals ------------------------------------------------------------


@result(
    "ept_vs_et.review_totals.difference",
    fmt="{:.2f}",
    description="Seifert-Klauss & Prior 2010, Table 4 totals: pooled EPT arm minus pooled "
    "antiresorptive-alone arm, spine, percentage points per year",
)
def _review_totals_difference() -> float:
    from bonelab.data import load

    pooled = load("ept_vs_et_pooled").set_index("therapy")["spine_pct_per_year"]
    return float(pooled["estrogen plus progestin"] - pooled["antiresorptive alone"])


@result(
    "ept_vs_et.table4.n_ept_sum",
    fmt="{:.0f}",
    description="Seifert-Klauss & Prior 2010, Table 4: women in the listed estrogen-plus-progestin arms, added up",
)
def _table4_n_ept_sum() -> float:
    from bonelab.data import load

    return float(load("ept_vs_et_trials")["n_ept"].sum())


@result(
    "ept_vs_et.table4.n_et_sum",
    fmt="{:.0f}",
    description="Seifert-Klauss & Prior 2010, Table 4: women in the listed estrogen-alone arms, added up",
)
def _table4_n_et_sum() -> float:
    from bonelab.data import load

    return float(load("ept_vs_et_trials")["n_et"].sum())


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


# --- Other treatments (issue 13): absolute differences from the trials' own percentages -------


def _treatment_risks(trial: str, site: str) -> tuple[float, float]:
    """(control, treated) risks as fractions, from one row of treatment_trials."""
    from bonelab.data import load

    t = load("treatment_trials")
    row = t[(t["trial"] == trial) & (t["site"] == site)].iloc[0]
    return float(row["risk_control_pct"]) / 100, float(row["risk_treated_pct"]) / 100


_TREATMENT_KEYS = {
    "fit": (
        "FIT (vertebral fracture arm)",
        "alendronate vs placebo over 36 months",
        "{:.1f}",
        "{:.1f}",
    ),
    "neer": (
        "Fracture Prevention Trial",
        "teriparatide 20 µg vs placebo over a median 21 months",
        "{:.0f}",
        "{:.0f}",
    ),
    "arch": (
        "ARCH",
        "romosozumab then alendronate vs alendronate alone over 24 months",
        "{:.1f}",
        "{:.1f}",
    ),
}

for _slug, (_trial, _what, _fmt, _nnt_fmt) in _TREATMENT_KEYS.items():

    def _make_treatment(slug=_slug, trial=_trial, what=_what, fmt=_fmt, nnt_fmt=_nnt_fmt) -> None:
        @result(
            f"treatments.{slug}.vertebral.fewer_per100",
            fmt=fmt,
            description=f"{trial}, {what}: percentage points fewer women with a new vertebral "
            "fracture (comparator minus drug), from the abstract's percentages",
        )
        def _fewer() -> float:
            from bonelab.stats import absolute_risk_difference

            return 100 * absolute_risk_difference(*_treatment_risks(trial, "vertebral"))

        @result(
            f"treatments.{slug}.vertebral.nnt",
            fmt=nnt_fmt,
            description=f"{trial}, {what}: women treated for one fewer to have a new vertebral "
            "fracture over the trial, from the abstract's percentages",
        )
        def _nnt() -> float:
            from bonelab.stats import number_needed_to_treat

            return number_needed_to_treat(*_treatment_risks(trial, "vertebral"))

    _make_treatment()


# --- The WHI ledger completed (issue 13): estrogen alone, and what came after stopping ---------

_WHI_EALONE_KEYS = {
    "coronary heart disease events": "chd",
    "stroke": "stroke",
    "deep vein thrombosis": "dvt",
    "pulmonary embolism": "pe",
    "invasive breast cancer": "breast_cancer",
    "colorectal cancer": "colorectal_cancer",
    "hip fracture": "hip_fracture",
    "vertebral fracture": "vertebral_fracture",
    "total fractures": "total_fractures",
    "death from other causes": "other_deaths",
    "overall mortality": "mortality",
    "global index": "global_index",
}


def _ealone_difference(outcome: str) -> float:
    from bonelab import stats
    from bonelab.data import load

    row = load("whi_ealone_outcomes").set_index("outcome").loc[outcome]
    return stats.rate_difference_per_10000(float(row["rate_cee"]), float(row["rate_placebo"]))


def _per10k(value: float) -> str:
    return f"{value:+.0f}".replace("-", "\u2212")


for _outcome, _short in _WHI_EALONE_KEYS.items():

    def _make_ealone(outcome: str = _outcome, short: str = _short) -> None:
        @result(
            f"whi.ealone.{short}.per10k_difference",
            fmt=_per10k,
            description=f"WHI estrogen-alone trial: {outcome}, CEE minus placebo events per "
            "10 000 woman-years, from the label's two rate columns",
        )
        def _() -> float:
            return _ealone_difference(outcome)

    _make_ealone()


def _watts_rates(trial: str) -> tuple[float, float]:
    from bonelab.data import load

    t = load("whi_followup")
    row = t[(t["source"] == "watts2017") & (t["study"] == trial)].iloc[0]
    return float(row["rate_comparison"]), float(row["rate_exposed"])


for _slug, _trial, _what in (
    ("ep", "WHI estrogen plus progestin trial", "former CEE + MPA"),
    ("ealone", "WHI estrogen-alone trial", "former CEE alone"),
):

    def _make_watts(slug: str = _slug, trial: str = _trial, what: str = _what) -> None:
        @result(
            f"whi.after_stopping.{slug}.fewer_fractures_per1000py",
            fmt="{:.1f}",
            description=f"Watts 2017, {trial}: total fractures per 1000 person-years in the first "
            f"5 years after stopping, former placebo minus {what}",
        )
        def _() -> float:
            control, exposed = _watts_rates(trial)
            return control - exposed

    _make_watts()


# --- Other treatments, retried (issue 13): HORIZON, FREEDOM and ACTIVE, read in secondary sources --

for _slug, _trial, _what in (
    ("horizon", "HORIZON Pivotal Fracture Trial", "zoledronic acid vs placebo over 36 months"),
    ("freedom", "FREEDOM", "denosumab vs placebo over 36 months"),
    ("active", "ACTIVE", "abaloparatide vs placebo over 18 months"),
):

    def _make_retried(slug: str = _slug, trial: str = _trial, what: str = _what) -> None:
        @result(
            f"treatments.{slug}.vertebral.fewer_per100",
            fmt="{:.1f}",
            description=f"{trial}, {what}: percentage points fewer women with a new vertebral "
            "fracture (placebo minus drug), from the percentages of the secondary source",
        )
        def _() -> float:
            from bonelab.stats import absolute_risk_difference

            return 100 * absolute_risk_difference(*_treatment_risks(trial, "vertebral"))

    _make_retried()


# --- the WHI ledger explorable (bonelab.explore.whi_ledger): how hazard ratios scale ------------


def _ledger_row(factor: float, outcome: str):
    from bonelab.explore import whi_ledger

    return next(r for r in whi_ledger(factor) if r.outcome == outcome)


for _factor, _name in ((1.0, "x1"), (2.0, "x2")):
    for _outcome, _key in (("coronary heart disease", "chd"), ("hip fracture", "hip")):
        result(
            f"whi.ledger.{_name}.{_key}",
            fmt=lambda v: _signed(v, 1),
            description=(
                f"WHI 2002 hazard ratio applied to {_factor:g} x the placebo rate of {_outcome}: "
                "events per 10 000 woman-years added (+) or avoided (-); an illustration"
            ),
        )(lambda f=_factor, o=_outcome: _ledger_row(f, o).difference)

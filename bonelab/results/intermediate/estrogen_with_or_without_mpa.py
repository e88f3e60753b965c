"""Estrogen with or without MPA: the 2010 review's Table 4 (one difference per comparison, and
its totals) and PEPI's 36-month changes as yearly rates."""

from __future__ import annotations

from bonelab.results import result
from bonelab.results.intermediate.common import _signed

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

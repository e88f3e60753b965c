"""Numbers the Guides pages quote, computed here (see :mod:`bonelab.results`).

These are the worked answers behind the instructor guide's marking notes: each is the same
calculation the assignment asks students to do in a notebook, with the same data tables and the
same ``bonelab`` functions, so that a marking note can never disagree with the notebook. The
instructor guide also shows keys that the tier modules define (``tscore.*``, ``sowers.*``,
``ept_vs_et.*``, ``whi.*``, ``komarova.*``); only the numbers no chapter needs are defined here.
"""

from __future__ import annotations

from bonelab.results import result

# F2: the 15-year cohort's spine rates over their three windows


def _cohort_windows():
    from bonelab.data import load

    transition = load("bmd_transition")
    return transition[transition["study"] == "15-year cohort"]


@result(
    "guides.f2.spine_loss_added",
    fmt="{:.1f}",
    description="Spine loss (%) from two years before to seven years after the FMP if the 15-year "
    "cohort's yearly rates were wrongly added instead of compounded",
)
def _f2_added() -> float:
    return float(
        sum(
            row.loss_pct_per_year * (row.years_from_fmp_end - row.years_from_fmp_start)
            for row in _cohort_windows().itertuples()
        )
    )


@result(
    "guides.f2.cohort_years",
    fmt="{:.0f}",
    description="Years covered by the 15-year cohort's three windows of spine loss",
)
def _f2_years() -> float:
    windows = _cohort_windows()
    return float(windows["years_from_fmp_end"].max() - windows["years_from_fmp_start"].min())


# I2: the pooled EPT-minus-ET difference over five years, against SWAN's transmenopause loss


@result(
    "guides.i2.share_of_transition",
    fmt=lambda share: f"{100 * share:.0f} %",
    description="The pooled EPT-minus-ET spine difference compounded over five years, as a share "
    "of SWAN's lumbar-spine loss in the transmenopause",
)
def _i2_share() -> float:
    from bonelab.data import load
    from bonelab.stats import compound_percent

    meta = load("meta_analyses")
    estimate = float(meta.loc[meta["meta_analysis"] == "EPT vs ET", "estimate"].iloc[0])
    transition = load("bmd_transition")
    swan = transition[
        (transition["study"] == "SWAN")
        & (transition["site"] == "lumbar spine")
        & (transition["window"] == "transmenopause")
    ]
    return compound_percent(estimate, 5) / float(swan["loss_pct"].iloc[0])


# A1: the WHI estrogen-plus-progestin fracture arms (Cauley 2003)


def _arm_risks(use_counts: bool) -> tuple[float, float]:
    from bonelab.data import load

    arms = load("whi_ep_arms").set_index("arm")
    if use_counts:
        risk = arms["women_with_fracture"] / arms["randomized"]
    else:
        risk = arms["percent_with_fracture"] / 100
    return float(risk["placebo"]), float(risk["estrogen plus progestin"])


@result(
    "guides.a1.risk_difference_points",
    fmt="{:.1f} percentage points",
    description="WHI E+P: placebo minus E+P share of women with a fracture over a mean 5.6 years, "
    "from the rounded percentages (shown with its unit)",
)
def _a1_ard() -> float:
    from bonelab.stats import absolute_risk_difference

    return 100 * absolute_risk_difference(*_arm_risks(use_counts=False))


@result(
    "guides.a1.nnt_counts",
    fmt="{:.0f}",
    description="WHI E+P: number needed to treat over a mean 5.6 years, from the counts of women "
    "with a fracture rather than the rounded percentages",
)
def _a1_nnt_counts() -> float:
    from bonelab.stats import number_needed_to_treat

    return number_needed_to_treat(*_arm_risks(use_counts=True))

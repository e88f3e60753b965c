"""Numbers the Guides pages quote, computed here (see :mod:`bonelab.results`).

These are the worked answers behind the instructor guide's marking notes: each is the same
calculation the assignment asks students to do in a notebook, with the same data tables and the
same ``bonelab`` functions, so that a marking note can never disagree with the notebook.
"""

from __future__ import annotations

from bonelab.results import result  # noqa: F401  (used by the entries below)


def _signed(digits: int):
    """Format with a true minus sign, as the pages print negative numbers."""

    def fmt(number: float) -> str:
        return f"{number:.{digits}f}".replace("-", "−")

    return fmt


def _reference() -> tuple[float, float]:
    from bonelab.data import load

    ref = load("bmd_reference").iloc[0]
    return float(ref["mean_g_cm2"]), float(ref["sd_g_cm2"])


def _t(bmd: float) -> float:
    from bonelab.stats import t_score

    return t_score(bmd, *_reference())


# F1: explain a T-score (femoral-neck BMDs handed to students: 0.62 and 0.70 g/cm²)


@result(
    "guides.f1.t_score_062",
    fmt=_signed(2),
    description="T-score of a femoral-neck BMD of 0.62 g/cm² against the course's young-adult reference",
)
def _f1_t062() -> float:
    return _t(0.62)


@result(
    "guides.f1.t_score_070",
    fmt=_signed(2),
    description="T-score of a femoral-neck BMD of 0.70 g/cm² against the course's young-adult reference",
)
def _f1_t070() -> float:
    return _t(0.70)


# F2: the 15-year cohort's spine rates, window by window, and SWAN's femoral-neck loss


def _cohort_windows():
    from bonelab.data import load

    transition = load("bmd_transition")
    return transition[transition["study"] == "15-year cohort"]


def _spine_level_end() -> float:
    from bonelab.stats import compound_percent

    level = 100.0
    for row in _cohort_windows().itertuples():
        years = row.years_from_fmp_end - row.years_from_fmp_start
        level *= 1 + compound_percent(-row.loss_pct_per_year, years) / 100
    return level


@result(
    "guides.f2.spine_level_end",
    fmt="{:.1f}",
    description="Spine level (100 = two years before the FMP) after compounding the 15-year cohort's "
    "three yearly rates over their windows, to seven years after the FMP",
)
def _f2_level() -> float:
    return _spine_level_end()


@result(
    "guides.f2.spine_loss_compounded",
    fmt="{:.1f}",
    description="Spine loss (%) from two years before to seven years after the FMP, the 15-year "
    "cohort's yearly rates compounded",
)
def _f2_compounded() -> float:
    return 100.0 - _spine_level_end()


@result(
    "guides.f2.spine_loss_added",
    fmt="{:.1f}",
    description="The same spine loss (%) if the yearly rates were wrongly added instead of compounded",
)
def _f2_added() -> float:
    return float(sum(row.loss_pct_per_year * (row.years_from_fmp_end - row.years_from_fmp_start)
                     for row in _cohort_windows().itertuples()))


@result(
    "guides.f2.cohort_years",
    fmt="{:.0f}",
    description="Years covered by the 15-year cohort's three windows of spine loss",
)
def _f2_years() -> float:
    windows = _cohort_windows()
    return float(windows["years_from_fmp_end"].max() - windows["years_from_fmp_start"].min())


def _neck_ten_year_loss() -> float:
    from bonelab.data import load

    transition = load("bmd_transition")
    row = transition[(transition["study"] == "SWAN") & (transition["site"] == "femoral neck")
                     & (transition["window"] == "10 years around the final menstrual period")]
    return float(row["loss_pct"].iloc[0])


def _t_shift(bmd: float) -> float:
    return _t(bmd * (1 - _neck_ten_year_loss() / 100)) - _t(bmd)


@result(
    "guides.f2.t_shift_080",
    fmt=_signed(2),
    description="Change in T-score of a femoral-neck BMD of 0.80 g/cm² after SWAN's ten-year "
    "femoral-neck loss",
)
def _f2_shift080() -> float:
    return _t_shift(0.80)


@result(
    "guides.f2.t_shift_095",
    fmt=_signed(2),
    description="Change in T-score of a femoral-neck BMD of 0.95 g/cm² after SWAN's ten-year "
    "femoral-neck loss",
)
def _f2_shift095() -> float:
    return _t_shift(0.95)


@result(
    "guides.f2.t_after_080",
    fmt=_signed(2),
    description="T-score of a femoral-neck BMD of 0.80 g/cm² after SWAN's ten-year femoral-neck loss",
)
def _f2_after080() -> float:
    return _t(0.80 * (1 - _neck_ten_year_loss() / 100))


@result(
    "guides.f2.t_after_095",
    fmt=_signed(2),
    description="T-score of a femoral-neck BMD of 0.95 g/cm² after SWAN's ten-year femoral-neck loss",
)
def _f2_after095() -> float:
    return _t(0.95 * (1 - _neck_ten_year_loss() / 100))


# I2: the pooled EPT-minus-ET difference compounded over five years


def _pooled(column: str) -> float:
    from bonelab.data import load

    meta = load("meta_analyses")
    return float(meta.loc[meta["meta_analysis"] == "EPT vs ET", column].iloc[0])


def _five_years(column: str) -> float:
    from bonelab.stats import compound_percent

    return compound_percent(_pooled(column), 5)


@result(
    "guides.i2.five_year_estimate",
    fmt="{:.2f}",
    description="Pooled EPT-minus-ET spine difference (+0.68 %/yr) compounded over five years, %",
)
def _i2_est() -> float:
    return _five_years("estimate")


@result(
    "guides.i2.five_year_low",
    fmt="{:.2f}",
    description="Lower 95 % limit of the pooled EPT-minus-ET spine difference compounded over five years, %",
)
def _i2_low() -> float:
    return _five_years("ci_low")


@result(
    "guides.i2.five_year_high",
    fmt="{:.2f}",
    description="Upper 95 % limit of the pooled EPT-minus-ET spine difference compounded over five years, %",
)
def _i2_high() -> float:
    return _five_years("ci_high")


@result(
    "guides.i2.share_of_transition",
    fmt=lambda share: f"{100 * share:.0f} %",
    description="The five-year compounded pooled difference as a share of SWAN's lumbar-spine "
    "loss in the transmenopause",
)
def _i2_share() -> float:
    from bonelab.data import load

    transition = load("bmd_transition")
    swan = transition[(transition["study"] == "SWAN") & (transition["site"] == "lumbar spine")
                      & (transition["window"] == "transmenopause")]
    return _five_years("estimate") / float(swan["loss_pct"].iloc[0])


# A1: the WHI estrogen-plus-progestin ledger


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
    description="WHI E+P: placebo minus E+P share of women with a fracture, percentage points "
    "(from the rounded percentages)",
)
def _a1_ard() -> float:
    from bonelab.stats import absolute_risk_difference

    return 100 * absolute_risk_difference(*_arm_risks(use_counts=False))


@result(
    "guides.a1.nnt",
    fmt="{:.0f} women",
    description="WHI E+P: number needed to treat for one fewer woman with a fracture over the "
    "mean 5.6 years (from the rounded percentages)",
)
def _a1_nnt() -> float:
    from bonelab.stats import number_needed_to_treat

    return number_needed_to_treat(*_arm_risks(use_counts=False))


@result(
    "guides.a1.nnt_counts",
    fmt="{:.0f}",
    description="WHI E+P: number needed to treat computed from the counts of women instead",
)
def _a1_nnt_counts() -> float:
    from bonelab.stats import number_needed_to_treat

    return number_needed_to_treat(*_arm_risks(use_counts=True))


def _ledger(outcome: str) -> float:
    from bonelab.data import load
    from bonelab.stats import rate_difference_per_10000

    rows = load("whi_2002_outcomes").set_index("outcome")
    return rate_difference_per_10000(float(rows.loc[outcome, "rate_ep"]),
                                     float(rows.loc[outcome, "rate_placebo"]))


@result(
    "guides.a1.breast_cancer_added",
    fmt="{:.0f}",
    description="WHI 2002: invasive breast cancers added per 10 000 woman-years (E+P minus placebo)",
)
def _a1_breast() -> float:
    return _ledger("invasive breast cancer")


@result(
    "guides.a1.hip_fracture_avoided",
    fmt="{:.0f}",
    description="WHI 2002: hip fractures avoided per 10 000 woman-years (placebo minus E+P)",
)
def _a1_hip() -> float:
    return -_ledger("hip fracture")


@result(
    "guides.a1.global_index_added",
    fmt="{:.0f}",
    description="WHI 2002: women with a first global-index event added per 10 000 woman-years",
)
def _a1_global() -> float:
    return _ledger("global index")


# A2: stability of the Komarova model


@result(
    "guides.a2.critical_g11",
    fmt="{:.1f}",
    description="Komarova 2003 model, published parameters: the osteoclast autocrine exponent g11 "
    "at which the trace of the Jacobian vanishes",
)
def _a2_gcrit() -> float:
    from bonelab import models

    return models.critical_g11(models.KomarovaParams())


def _balance(**constants: float):
    from bonelab import models

    params = models.KomarovaParams(g11=models.critical_g11(models.KomarovaParams()), **constants)
    return models.bone_balance_per_cycle(params, days=1150)


@result(
    "guides.a2.loss_per_cycle",
    fmt="{:.1f}",
    description="Komarova model at the critical g11 with the 2003 bone constants: bone mass lost "
    "per cycle (units of % of the start)",
)
def _a2_loss() -> float:
    return -float(_balance()["bone_mass_change"].mean())


@result(
    "guides.a2.balance_ayati",
    fmt="{:.2f}",
    description="Komarova model at the critical g11 with the bone constants of Ayati et al. 2010: "
    "bone mass change per cycle (units of % of the start)",
)
def _a2_ayati() -> float:
    return float(_balance(k1=0.0748, k2=0.0006395)["bone_mass_change"].mean())


@result(
    "guides.a2.cycle_days",
    fmt="{:.0f}",
    description="Komarova model at the critical g11, from the paper's perturbed start: length of "
    "one cycle, model days",
)
def _a2_days() -> float:
    return float(_balance()["length_days"].mean())

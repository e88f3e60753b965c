"""Other treatments: absolute differences from the trials' own percentages, and HORIZON, FREEDOM
and ACTIVE as read in secondary sources."""

from __future__ import annotations

from bonelab.results import result

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

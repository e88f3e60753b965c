"""The WHI ledger completed (estrogen alone, and what came after stopping) and its explorable
(bonelab.explore.whi_ledger): how hazard ratios scale."""

from __future__ import annotations

from bonelab.results import result
from bonelab.results.intermediate.common import _signed

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

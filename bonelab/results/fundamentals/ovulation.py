"""Numbers ``ovulation-and-bone`` quotes: ten-year extrapolations (an exercise, not a finding)."""

from __future__ import annotations

from bonelab.results import result
from bonelab.results.fundamentals.common import SWAN_TEN_YEARS, _compound_loss, _swan

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

"""Numbers the page on other causes of bone loss before menopause quotes: depot MPA in adolescents."""

from __future__ import annotations

from bonelab.results import result
from bonelab.results.fundamentals.common import _signed

# --- Other causes of bone loss before menopause (issue 12): depot MPA in adolescents ----------


def _dmpa(study: str, group: str, site: str) -> float:
    from bonelab.data import load

    t = load("dmpa_adolescent_bmd")
    row = t[(t["study"] == study) & (t["group"] == group) & (t["site"] == site)].iloc[0]
    return float(row["value"])


@result(
    "cromer.spine.difference_points",
    fmt="{:.1f}",
    description="Cromer 2005: estradiol minus placebo arm, lumbar spine BMD change over 24 months, percentage points",
)
def _():
    return _dmpa("Cromer 2005", "DMPA + estradiol cypionate", "spine") - _dmpa(
        "Cromer 2005", "DMPA + placebo", "spine"
    )


@result(
    "cromer.neck.difference_points",
    fmt="{:.1f}",
    description="Cromer 2005: estradiol minus placebo arm, femoral-neck BMD change over 24 months, percentage points",
)
def _():
    return _dmpa("Cromer 2005", "DMPA + estradiol cypionate", "femoral neck") - _dmpa(
        "Cromer 2005", "DMPA + placebo", "femoral neck"
    )


@result(
    "scholes.hip.two_on_two_off_pct",
    fmt=_signed(1),
    description="Exercise: Scholes 2005 hip rates compounded, two years as a DMPA user then two years after stopping, % change",
)
def _():
    from bonelab.stats import compound_percent

    on = compound_percent(_dmpa("Scholes 2005", "DMPA users", "hip"), 2)
    off = compound_percent(_dmpa("Scholes 2005", "discontinuers", "hip"), 2)
    return ((1 + on / 100) * (1 + off / 100) - 1) * 100


@result(
    "scholes.hip.nonusers_four_years_pct",
    fmt=_signed(1),
    description="Exercise: Scholes 2005 non-users' hip rate compounded over four years, % change",
)
def _():
    from bonelab.stats import compound_percent

    return compound_percent(_dmpa("Scholes 2005", "non-users", "hip"), 4)

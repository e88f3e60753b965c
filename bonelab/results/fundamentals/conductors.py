"""Numbers ``hormonal-conductors`` quotes: WHI fracture arithmetic from the published percentages."""

from __future__ import annotations

from bonelab.results import result

# --- Hormonal conductors: WHI fracture arithmetic from the published percentages -------------

# The difference in points and the NNT are academic.py's whi.fracture.arr_points and whi.fracture.nnt.
WHI_HR = 0.76  # Cauley 2003 abstract (evidence.md 1)


@result(
    "whi_ep.fracture.hr_lower_pct",
    fmt="{:.0f}",
    description="WHI E+P: how much lower (%) the fracture rate was on hormones, from the hazard ratio 0.76",
)
def _():
    return (1 - WHI_HR) * 100

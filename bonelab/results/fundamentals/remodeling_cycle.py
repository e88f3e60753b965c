"""Numbers ``remodeling-cycle`` quotes: the course's run of the Komarova 2003 model."""

from __future__ import annotations

from functools import cache

from bonelab.results import result

# --- One remodeling cycle: the course's run of the Komarova 2003 model -------------------------
# Phase lengths, the dip and the end value are academic.py's komarova.cycle.* keys (same run).


@cache
def _cycle():
    from bonelab import models

    params = models.KomarovaParams()
    run = models.simulate_komarova(params, days=400, start=(11, 212, 100))
    return params, run


@result(
    "komarova.reference_cycle.extra_osteoclasts",
    fmt="{:.1f}",
    description="Komarova 2003 model, course's reference start: osteoclasts above steady state at day 0",
)
def _():
    from bonelab import models

    return 11 - models.komarova_steady_state(models.KomarovaParams())[0]


@result(
    "komarova.reference_cycle.dip_units",
    fmt="{:.1f}",
    description="Komarova 2003 model, course's reference cycle: depth of the bone-mass dip below 100",
)
def _():
    return 100 - float(_cycle()[1]["bone_mass"].min())


@result(
    "komarova.reference_cycle.k1_026_shortfall",
    fmt="{:.1f}",
    description="Komarova 2003 model with k1 = 0.26 instead of 0.24: bone mass short of 100 on day 400",
)
def _():
    from dataclasses import replace

    from bonelab import models

    params = replace(models.KomarovaParams(), k1=0.26)
    run = models.simulate_komarova(params, days=400, start=(11, 212, 100))
    return 100 - float(run["bone_mass"].iloc[-1])

"""The course's own runs of the Komarova 2003 model: steady state, one cycle, the sustained regime."""

from __future__ import annotations

from functools import cache as _cache

import numpy as np

from bonelab import models
from bonelab.results import result


@result(
    "komarova.steady.osteoclasts",
    fmt="{:.2f}",
    description="Komarova 2003 model with its published parameters: osteoclasts at steady state",
)
def _komarova_steady_osteoclasts() -> float:
    return models.komarova_steady_state(models.KomarovaParams())[0]


@result(
    "komarova.steady.osteoblasts",
    fmt="{:.0f}",
    description="Komarova 2003 model with its published parameters: osteoblasts at steady state",
)
def _komarova_steady_osteoblasts() -> float:
    return models.komarova_steady_state(models.KomarovaParams())[1]


# --------------------------------------------------------------------------- Komarova 2003 runs
# The course's own runs of the published model (equations and parameters: Komarova et al. 2003;
# bone-accounting constants of the sustained regime: Ayati et al. 2010). The papers are cited for
# the model only; every number below is computed here.


_AYATI = dict(k1=0.0748, k2=0.0006395)


@_cache
def _single_cycle():
    params = models.KomarovaParams()
    run = models.simulate_komarova(params, days=400.0)
    return params, run


@_cache
def _sustained(constants: str):
    params = models.KomarovaParams(
        g11=models.critical_g11(models.KomarovaParams()), **(_AYATI if constants == "ayati" else {})
    )
    return models.bone_balance_per_cycle(params, days=1150.0)


@result(
    "komarova.cycle.resorption_days",
    fmt="{:.0f}",
    description="Course's run of Komarova 2003 from its perturbed start: days osteoclasts stay "
    "above steady state (excess above 0.1 %)",
)
def _komarova_resorption_days() -> float:
    params, run = _single_cycle()
    return models.remodeling_phases(run, params).resorption.length


@result(
    "komarova.cycle.formation_days",
    fmt="{:.0f}",
    description="Same run: days osteoblasts stay above steady state (excess above 0.1 %)",
)
def _komarova_formation_days() -> float:
    params, run = _single_cycle()
    return models.remodeling_phases(run, params).formation.length


@result(
    "komarova.cycle.formation_days_strict",
    fmt="{:.0f}",
    description="Same run: days osteoblasts stay above steady state with a strict comparison",
)
def _komarova_formation_days_strict() -> float:
    params, run = _single_cycle()
    return models.remodeling_phases(run, params, threshold=0.0).formation.length


@result(
    "komarova.cycle.bone_mass_min",
    fmt="{:.1f}",
    description="Same run: lowest bone mass (% of start)",
)
def _komarova_bone_mass_min() -> float:
    return float(_single_cycle()[1].bone_mass.min())


@result(
    "komarova.cycle.bone_mass_min_day",
    fmt="{:.0f}",
    description="Same run: model day on which bone mass is lowest",
)
def _komarova_bone_mass_min_day() -> float:
    run = _single_cycle()[1]
    return float(run["day"].iloc[int(run["bone_mass"].to_numpy().argmin())])


@result(
    "komarova.cycle.bone_lost_percent",
    fmt="{:.0f}",
    description="Same run: depth of the dip, 100 minus the lowest bone mass (% of start)",
)
def _komarova_bone_lost_percent() -> float:
    return 100.0 - float(_single_cycle()[1].bone_mass.min())


@result(
    "komarova.cycle.bone_mass_end",
    fmt="{:.2f}",
    description="Same run: bone mass (% of start) at day 400",
)
def _komarova_bone_mass_end() -> float:
    return float(_single_cycle()[1].bone_mass.iloc[-1])


@result(
    "komarova.stability.critical_g11",
    fmt="{:.1f}",
    description="Osteoclast autocrine exponent at which the trace of the Jacobian vanishes, "
    "1 + b2(1 - g22)/b1, for the Komarova 2003 parameters",
)
def _komarova_critical_g11() -> float:
    return models.critical_g11(models.KomarovaParams())


@result(
    "komarova.stability.small_period_days",
    fmt="{:.0f}",
    description="Period of small oscillations at the critical exponent, 2 pi / sqrt(det J), days",
)
def _komarova_small_period() -> float:
    params = models.KomarovaParams(g11=models.critical_g11(models.KomarovaParams()))
    return 2 * np.pi / np.sqrt(models.komarova_trace_determinant(params)[1])


@result(
    "komarova.sustained.cycle_days",
    fmt="{:.0f}",
    description="Course's run at the critical exponent from the perturbed start: mean length of "
    "a cycle (osteoclast peak to peak), days",
)
def _komarova_cycle_days() -> float:
    return float(_sustained("ayati").length_days.mean())


@result(
    "komarova.sustained.balance_ayati",
    fmt="{:+.2f}",
    description="Same run with the Ayati 2010 bone constants: mean change of bone mass per cycle",
)
def _komarova_balance_ayati() -> float:
    return float(_sustained("ayati").bone_mass_change.mean())


@result(
    "komarova.sustained.loss_2003",
    fmt="{:.1f}",
    description="Same cell dynamics with the 2003 bone constants: bone mass lost per cycle "
    "(units of z)",
)
def _komarova_loss_2003() -> float:
    return -float(_sustained("2003").bone_mass_change.mean())


@result(
    "komarova.sustained.loss_2003_ten_cycles",
    fmt="{:.0f}",
    description="Ten cycles of that loss (units of z)",
)
def _komarova_loss_ten() -> float:
    return 10 * _komarova_loss_2003()

"""The numbers behind ``remodeling-cycle``: one Komarova 2003 cycle, osteoclast lifespan changed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bonelab.explore.checks import _setting
from bonelab.models import (
    KomarovaParams,
    komarova_steady_state,
    remodeling_phases,
    simulate_komarova,
)

#: Change of osteoclast lifespan offered by the explorable, percent (0 = the 2003 values).
CYCLE_LIFESPAN_SETTINGS: tuple[int, ...] = tuple(range(-20, 55, 5))
#: Days of one simulated cycle and the spacing of the curves sent to the page.
CYCLE_DAYS, CYCLE_STEP = 400.0, 2.0
#: The chapters' reference start (osteoclasts, osteoblasts, bone mass): about ten osteoclasts
#: above the 2003 steady state. Every run starts at the same offsets from its own steady state.
REFERENCE_START = (11.0, 212.0, 100.0)


@dataclass(frozen=True)
class CycleRun:
    """One remodeling cycle of Komarova 2003 with osteoclast lifespan changed by a percentage.

    ``day, osteoclasts, osteoblasts, bone_mass`` are sampled every :data:`CYCLE_STEP` days;
    ``balance`` is bone mass at the last day minus the starting 100 (model units).
    """

    lifespan_change_pct: float
    b1: float
    steady_osteoclasts: float
    steady_osteoblasts: float
    day: tuple[float, ...]
    osteoclasts: tuple[float, ...]
    osteoblasts: tuple[float, ...]
    bone_mass: tuple[float, ...]
    bone_mass_min: float
    balance: float
    resorption_days: float
    formation_days: float


@cache
def remodeling_cycle(lifespan_change_pct: float = 0.0) -> CycleRun:
    """One Komarova 2003 cycle with osteoclasts living ``lifespan_change_pct`` % longer.

    Osteoclast lifespan is ``1/b1`` in the model, so the run uses ``b1 = 0.2 / (1 + pct/100)``
    and the 2003 values otherwise. Each run starts at the same offsets from its own steady state
    as the chapters' reference cycle (:data:`REFERENCE_START`: about ten extra osteoclasts) with
    bone mass 100, and lasts 400 model days; at 0 % it is that reference cycle. An illustration of the idea
    that estrogen shortens osteoclast life, not a published fit.

    >>> run = remodeling_cycle(0)
    >>> round(run.bone_mass_min, 2), round(run.balance, 3)
    (89.84, -0.033)
    >>> remodeling_cycle(-100)
    Traceback (most recent call last):
    ...
    ValueError: lifespan_change_pct must be a number from -50 to 100 (%), got -100
    """
    pct = _setting(lifespan_change_pct, "lifespan_change_pct", -50, 100, " (%)")
    base = KomarovaParams()
    ref_c, ref_b = komarova_steady_state(base)
    params = KomarovaParams(b1=base.b1 / (1 + pct / 100))
    c_bar, b_bar = komarova_steady_state(params)
    start = (c_bar + REFERENCE_START[0] - ref_c, b_bar + REFERENCE_START[1] - ref_b, 100.0)
    run = simulate_komarova(params, days=CYCLE_DAYS, start=start, step=0.1)
    phases = remodeling_phases(run, params)
    every = int(round(CYCLE_STEP / 0.1))
    sample = run.iloc[::every]
    z = run["bone_mass"].to_numpy(float)
    return CycleRun(
        lifespan_change_pct=pct,
        b1=params.b1,
        steady_osteoclasts=c_bar,
        steady_osteoblasts=b_bar,
        day=tuple(sample["day"].round(6)),
        osteoclasts=tuple(sample["osteoclasts"]),
        osteoblasts=tuple(sample["osteoblasts"]),
        bone_mass=tuple(sample["bone_mass"]),
        bone_mass_min=float(z.min()),
        balance=float(z[-1] - 100.0),
        resorption_days=phases.resorption.length,
        formation_days=phases.formation.length,
    )

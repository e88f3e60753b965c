"""The numbers behind ``lemaire``: the Lemaire 2004 model under constant PTH and OPG inputs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bonelab.explore.checks import _setting
from bonelab.models import (
    LemaireParams,
    lemaire_steady_state,
    simulate_lemaire,
)

#: Constant external PTH input offered by the explorable, pM/day (1e3: the chapter's run).
LEMAIRE_PTH_SETTINGS: tuple[float, ...] = (0.0, 250.0, 500.0, 1000.0, 2000.0)
#: Constant external OPG input, pM/day (2e5: the chapter's run).
LEMAIRE_OPG_SETTINGS: tuple[float, ...] = (0.0, 5.0e4, 1.0e5, 2.0e5, 4.0e5)
#: Days simulated, the day the input starts, and the spacing of the curves sent to the page.
LEMAIRE_DAYS, LEMAIRE_START, LEMAIRE_STEP = 150.0, 10.0, 1.0
LEMAIRE_CELLS = ("responding_osteoblasts", "active_osteoblasts", "active_osteoclasts")


@dataclass(frozen=True)
class LemaireRun:
    """Lemaire 2004 cells as multiples of the no-input steady state, before and after an input.

    ``curves`` maps each cell column to its ratios at ``day``; ``day60`` gives the ratios 60
    days after the input starts, and ``steady`` those of the new steady state.
    """

    pth: float
    opg: float
    day: tuple[float, ...]
    curves: dict[str, tuple[float, ...]]
    day60: dict[str, float]
    steady: dict[str, float]


@cache
def lemaire_response(pth: float = 0.0, opg: float = 0.0) -> LemaireRun:
    """Lemaire 2004 with constant PTH and OPG inputs switched on at day 10, for 150 days.

    Cells are divided by the steady state without input, so 1 means "as before". The model's
    time constants are days, not the months seen in patients.

    >>> run = lemaire_response(pth=1000)
    >>> [round(run.day60[c], 1) for c in LEMAIRE_CELLS]
    [5.2, 2.2, 4.0]
    >>> run = lemaire_response(opg=2e5)
    >>> [round(run.day60[c], 2) for c in LEMAIRE_CELLS]
    [0.1, 0.33, 0.07]
    >>> lemaire_response(pth=-1)
    Traceback (most recent call last):
    ...
    ValueError: pth must be a number from 0 to 10000 (pM/day), got -1
    """
    ip = _setting(pth, "pth", 0, 1e4, " (pM/day)")
    io = _setting(opg, "opg", 0, 1e6, " (pM/day)")
    base = lemaire_steady_state(LemaireParams())
    run = simulate_lemaire(
        LemaireParams(), days=LEMAIRE_DAYS, pth=ip, opg=io, start_day=LEMAIRE_START, step=0.1
    )
    every = int(round(LEMAIRE_STEP / 0.1))
    sample = run.iloc[::every]
    at60 = run.iloc[int(round((LEMAIRE_START + 60) / 0.1))]
    new = lemaire_steady_state(LemaireParams(i_p=ip, i_o=io))
    return LemaireRun(
        pth=ip,
        opg=io,
        day=tuple(sample["day"].round(6)),
        curves={c: tuple(sample[c] / b) for c, b in zip(LEMAIRE_CELLS, base)},
        day60={c: float(at60[c] / b) for c, b in zip(LEMAIRE_CELLS, base)},
        steady={c: n / b for c, n, b in zip(LEMAIRE_CELLS, new, base)},
    )

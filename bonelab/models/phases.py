"""The phases of one simulated Komarova 2003 cycle: resorption, then formation, in days."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from bonelab.models.checks import _check_frame, _number, _require
from bonelab.models.komarova import KOMAROVA_COLUMNS, KomarovaParams, komarova_steady_state


@dataclass(frozen=True)
class Phase:
    """An interval of a remodeling cycle, in days from the start of the simulation."""

    start: float
    end: float

    @property
    def length(self) -> float:
        """Duration of the phase, days."""
        return self.end - self.start


@dataclass(frozen=True)
class RemodelingPhases:
    """Resorption (osteoclasts above steady state) and formation (osteoblasts above it)."""

    resorption: Phase
    formation: Phase


def _first_excursion(day: np.ndarray, value: np.ndarray, level: float, name: str) -> Phase:
    """First interval with ``value > level``; crossings interpolated linearly between samples."""
    above = value > level
    if not above.any():
        raise ValueError(f"{name} never exceed their steady state in this simulation")

    def cross(j: int) -> float:  # one of samples j - 1, j is above level, the other is not
        t0, t1, v0, v1 = day[j - 1], day[j], value[j - 1], value[j]
        return float(t0 + (level - v0) * (t1 - t0) / (v1 - v0))

    i = int(np.argmax(above))
    below = np.flatnonzero(~above[i:])
    if below.size == 0:
        raise ValueError(f"{name} are still above steady state at the last day; simulate longer")
    return Phase(float(day[0]) if i == 0 else cross(i), cross(i + int(below[0])))


def remodeling_phases(
    df: pd.DataFrame, params: KomarovaParams, threshold: float = 1e-3
) -> RemodelingPhases:
    """First resorption and formation phases of a Komarova simulation.

    A phase is the first interval in which the cells exceed their steady state by more than the
    relative ``threshold`` (crossings are linearly interpolated between samples). The default
    0.1 % ignores the long, tiny tail of the damped return to steady state, which forms almost
    no bone: with it the default cycle gives about 23 and 152 days, as in models.md; with
    ``threshold=0`` the formation phase lasts until the first undershoot, about 190 days.

    Returns
    -------
    RemodelingPhases
        ``resorption`` and ``formation`` :class:`Phase` (start, end, length in days).
    """
    _require(params, KomarovaParams)
    df = _check_frame(df, KOMAROVA_COLUMNS)
    threshold = _number(threshold, "threshold", 0.0)
    day, levels = df["day"].to_numpy(float), komarova_steady_state(params)
    return RemodelingPhases(
        *(
            _first_excursion(day, df[name].to_numpy(float), level * (1 + threshold), name)
            for name, level in zip(("osteoclasts", "osteoblasts"), levels)
        )
    )

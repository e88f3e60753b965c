"""Komarova SV et al. 2003, Bone 33(2):206-215 (BioModels BIOMD0000000148).

Osteoclasts ``C``, osteoblasts ``B`` and bone mass ``z`` (%) in one bone multicellular unit;
time in days. The parameters, the steady state, the simulation, the stability of the steady
state (trace and determinant of its Jacobian) and the bone gained or lost per cycle. Reading
the phases of a simulated cycle is :mod:`bonelab.models.phases`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from scipy.integrate import solve_ivp

from bonelab.models.checks import _TINY, _check_fields, _grid, _number, _positive, _require

KOMAROVA_COLUMNS = ("day", "osteoclasts", "osteoblasts", "bone_mass")


@dataclass(frozen=True)
class KomarovaParams:
    """Parameters of Komarova et al. 2003 (Bone 33:206-215); defaults are the paper's values.

    Attributes
    ----------
    a1, a2 : float
        Osteoclast and osteoblast production, per day (times a power of cell number). Positive.
    b1, b2 : float
        Osteoclast and osteoblast removal, per day. Positive.
    g11, g21, g12, g22 : float
        Power-law exponents (dimensionless): osteoclast autocrine, osteoblast-to-osteoclast
        paracrine (net RANKL/OPG), osteoclast-to-osteoblast coupling, osteoblast autocrine.
    k1, k2 : float
        Bone resorbed per excess osteoclast and formed per excess osteoblast (% per cell per day).
        Not negative.
    """

    a1: float = 3.0
    a2: float = 4.0
    b1: float = 0.2
    b2: float = 0.02
    g11: float = 0.5
    g21: float = -0.5
    g12: float = 1.0
    g22: float = 0.0
    k1: float = 0.24
    k2: float = 0.0017

    def __post_init__(self) -> None:
        _check_fields(self, positive=("a1", "a2", "b1", "b2"), non_negative=("k1", "k2"))
        if abs(self.gamma) < 1e-12:
            raise ValueError(
                "g11, g21, g12, g22 give gamma = g12*g21 - (1-g11)*(1-g22) = 0: "
                "the steady state is degenerate"
            )

    @property
    def gamma(self) -> float:
        """``g12*g21 - (1 - g11)*(1 - g22)``, the exponent that sets the steady state."""
        return self.g12 * self.g21 - (1 - self.g11) * (1 - self.g22)


def komarova_steady_state(params: KomarovaParams) -> tuple[float, float]:
    """Non-trivial steady state (Cbar, Bbar) of Komarova 2003, in cells.

    Returns
    -------
    tuple of float
        Osteoclasts ``Cbar`` and osteoblasts ``Bbar`` (1.06066 and 212.132 for the defaults).
    """
    _require(params, KomarovaParams)
    p, g = params, params.gamma
    c = (p.b1 / p.a1) ** ((1 - p.g22) / g) * (p.b2 / p.a2) ** (p.g21 / g)
    b = (p.b1 / p.a1) ** (p.g12 / g) * (p.b2 / p.a2) ** ((1 - p.g11) / g)
    return float(c), float(b)


def _komarova_rhs(p: KomarovaParams):
    c_bar, b_bar = komarova_steady_state(p)

    def rhs(_t: float, y: np.ndarray) -> tuple[float, float, float]:
        c, b = max(float(y[0]), _TINY), max(float(y[1]), _TINY)
        return (
            p.a1 * c**p.g11 * b**p.g21 - p.b1 * c,
            p.a2 * c**p.g12 * b**p.g22 - p.b2 * b,
            -p.k1 * max(0.0, c - c_bar) + p.k2 * max(0.0, b - b_bar),
        )

    return rhs


def _komarova_start(start: Sequence[float]) -> list[float]:
    if len(start) != 3:
        raise ValueError(f"start must be (osteoclasts, osteoblasts, bone_mass), got {start!r}")
    c, b, z = (
        _number(v, n)
        for v, n in zip(start, ("start osteoclasts", "start osteoblasts", "start bone_mass"))
    )
    if c <= 0 or b <= 0:
        raise ValueError(f"start cell numbers must be positive, got {c!r} and {b!r}")
    return [c, b, z]


def simulate_komarova(
    params: KomarovaParams = KomarovaParams(),
    days: float = 400.0,
    start: Sequence[float] = (11.0, 212.0, 100.0),
    step: float = 0.1,
) -> pd.DataFrame:
    """Simulate Komarova 2003 from ``start`` for ``days`` days.

    Solved with scipy ``solve_ivp`` (LSODA, rtol 1e-8, atol 1e-10, max_step 0.1 day so that the
    max(0, .) switches of the bone mass equation are resolved).

    Parameters
    ----------
    params : KomarovaParams
    days : float
        Length of the simulation, days. Positive.
    start : (float, float, float)
        Osteoclasts and osteoblasts (cells, positive) and bone mass (%) at day 0. The default is
        the paper's perturbed start: steady state plus about 10 osteoclasts.
    step : float
        Sampling interval of the output, days; the grid includes day 0 and ``days``.

    Returns
    -------
    pandas.DataFrame
        Columns ``day, osteoclasts, osteoblasts, bone_mass``.
    """
    _require(params, KomarovaParams)
    times, y0 = _grid(days, step), _komarova_start(start)
    sol = solve_ivp(
        _komarova_rhs(params),
        (0.0, times[-1]),
        y0,
        method="LSODA",
        t_eval=times,
        rtol=1e-8,
        atol=1e-10,
        max_step=0.1,
    )
    if not sol.success:
        raise RuntimeError(f"Komarova integration failed: {sol.message}")
    return pd.DataFrame(dict(zip(KOMAROVA_COLUMNS, (sol.t, *sol.y))))


def komarova_jacobian(params: KomarovaParams) -> np.ndarray:
    """Jacobian of (dC/dt, dB/dt) at the steady state, per day.

    At the steady state ``a1*C**g11*B**g21 = b1*C`` and ``a2*C**g12*B**g22 = b2*B``, so
    ``[[b1*(g11-1), b1*g21*C/B], [b2*g12*B/C, b2*(g22-1)]]``.
    """
    c, b = komarova_steady_state(params)
    p = params
    return np.array(
        [[p.b1 * (p.g11 - 1), p.b1 * p.g21 * c / b], [p.b2 * p.g12 * b / c, p.b2 * (p.g22 - 1)]]
    )


def komarova_trace_determinant(params: KomarovaParams) -> tuple[float, float]:
    """Trace (per day) and determinant (per day squared) of :func:`komarova_jacobian`.

    Analytically ``trace = b1*(g11-1) + b2*(g22-1)`` and ``det = -b1*b2*gamma``.
    """
    jac = komarova_jacobian(params)
    return float(np.trace(jac)), float(np.linalg.det(jac))


def critical_g11(params: KomarovaParams) -> float:
    """Osteoclast autocrine exponent at which the trace vanishes: ``1 + b2*(1-g22)/b1``.

    1.1 for the 2003 values (Komarova 2003): below it cycles are damped, above they grow.
    """
    _require(params, KomarovaParams)
    return 1 + params.b2 * (1 - params.g22) / params.b1


def komarova_regime(
    params: KomarovaParams, tol: float = 1e-9
) -> Literal["damped", "sustained", "growing"]:
    """Classify the steady state by the sign of the trace (determinant must be positive).

    ``|trace| <= tol * (b1 + b2)`` counts as zero ("sustained" cycles); a negative trace is
    "damped", a positive one "growing". ValueError when ``det <= 0`` (a saddle: no cycle).
    """
    tol = _number(tol, "tol", 0.0)
    trace, det = komarova_trace_determinant(params)
    if det <= 0:
        raise ValueError(f"determinant {det:.3g} <= 0: the steady state is a saddle, not a cycle")
    if abs(trace) <= tol * (params.b1 + params.b2):
        return "sustained"
    return "damped" if trace < 0 else "growing"


def bone_balance_per_cycle(
    params: KomarovaParams, days: float = 2000.0, start: Sequence[float] = (11.0, 212.0, 100.0)
) -> pd.DataFrame:
    """Bone mass gained or lost over each remodeling cycle (Komarova 2003; Ayati et al. 2010).

    Cycles run from one osteoclast peak to the next; peaks are located exactly as events where
    dC/dt falls through zero with C above its steady state (same solver as
    :func:`simulate_komarova`). Meant for the sustained regime (``g11 = critical_g11``), whose
    cycle length depends on the amplitude: about 277 days from the default start, nearer
    ``2*pi/sqrt(det)`` (157 days) for small perturbations.

    Parameters
    ----------
    params : KomarovaParams
        E.g. Ayati 2010: ``KomarovaParams(g11=1.1, k1=0.0748, k2=0.0006395)``.
    days : float
        Length of the simulation, days.
    start : (float, float, float)
        Osteoclasts, osteoblasts (cells) and bone mass (%) at day 0.

    Returns
    -------
    pandas.DataFrame
        One row per complete cycle: ``cycle, start_day, end_day, length_days, bone_mass_change``
        (% of bone mass). ValueError if fewer than two osteoclast peaks occur within ``days``.
    """
    _require(params, KomarovaParams)
    days, y0 = _positive(days, "days"), _komarova_start(start)
    rhs, c_bar = _komarova_rhs(params), komarova_steady_state(params)[0]

    def peak(t: float, y: np.ndarray) -> float:
        return rhs(t, y)[0]

    peak.direction = -1  # type: ignore[attr-defined]  # dC/dt falls through zero: a maximum
    sol = solve_ivp(
        rhs, (0.0, days), y0, method="LSODA", events=peak, rtol=1e-8, atol=1e-10, max_step=0.1
    )
    if not sol.success:
        raise RuntimeError(f"Komarova integration failed: {sol.message}")
    keep = sol.y_events[0][:, 0] > c_bar
    t, z = sol.t_events[0][keep], sol.y_events[0][keep, 2]
    if len(t) < 2:
        raise ValueError(f"fewer than two osteoclast peaks in {days} days: no complete cycle")
    return pd.DataFrame(
        {
            "cycle": np.arange(1, len(t)),
            "start_day": t[:-1],
            "end_day": t[1:],
            "length_days": np.diff(t),
            "bone_mass_change": np.diff(z),
        }
    )

"""Two published bone remodeling models, written as plain functions over parameter dataclasses.

* Komarova SV et al. 2003, Bone 33(2):206-215 (BioModels BIOMD0000000148): osteoclasts ``C``,
  osteoblasts ``B`` and bone mass ``z`` (%) in one bone multicellular unit; time in days.
* Lemaire V et al. 2004, J Theor Biol 229(3):293-309: responding osteoblasts ``R``, active
  osteoblasts ``B`` and active osteoclasts ``C`` (pM) coupled through RANK, RANKL and OPG.

Equations, parameter values and the reference values used by the tests are in the course file
``shared/reference/models.md``. Every function checks its arguments and raises :class:`ValueError`
with the reason.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Literal

import numpy as np
import pandas as pd
from scipy.integrate import solve_ivp
from scipy.optimize import brentq

__all__ = [
    "KomarovaParams",
    "komarova_steady_state",
    "simulate_komarova",
    "Phase",
    "RemodelingPhases",
    "remodeling_phases",
    "komarova_jacobian",
    "komarova_trace_determinant",
    "critical_g11",
    "komarova_regime",
    "bone_balance_per_cycle",
    "LemaireParams",
    "lemaire_steady_state",
    "simulate_lemaire",
    "normalised",
]

KOMAROVA_COLUMNS = ("day", "osteoclasts", "osteoblasts", "bone_mass")
LEMAIRE_COLUMNS = ("day", "responding_osteoblasts", "active_osteoblasts", "active_osteoclasts")

#: Reference steady state of the Lemaire 2004 model (R, B, C in pM) that a correct
#: implementation reproduces: computed independently from the published equations and
#: parameters. Shown beside the model's own values in the notebooks; the tests check against it.
LEMAIRE_REFERENCE_STEADY_STATE = (7.734e-4, 7.283e-4, 9.127e-4)
#: Reference ratios to steady state (R, B, C) after 60 days of a constant input, from the same
#: independent computation: PTH input IP = 1e3 and OPG input IO = 2e5.
LEMAIRE_REFERENCE_RATIOS_60_DAYS = {"PTH": (5.2, 2.2, 4.0), "OPG": (0.10, 0.33, 0.07)}
_TINY = 1e-300  # floor that keeps cell numbers positive before fractional powers


def _number(value: object, name: str, low: float = -math.inf) -> float:
    """Return ``value`` as a finite float not below ``low``, or raise ValueError naming ``name``."""
    if isinstance(value, (bool, str, bytes)):
        raise ValueError(f"{name} must be a number, got {value!r}")
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if number < low:
        raise ValueError(f"{name} must be at least {low}, got {value!r}")
    return number


def _positive(value: object, name: str) -> float:
    number = _number(value, name)
    if number <= 0:
        raise ValueError(f"{name} must be positive, got {value!r}")
    return number


def _check_fields(params: object, positive: Sequence[str], non_negative: Sequence[str]) -> None:
    for f in fields(params):  # type: ignore[arg-type]
        value = getattr(params, f.name)
        if f.name in positive:
            _positive(value, f.name)
        else:
            _number(value, f.name, 0.0 if f.name in non_negative else -math.inf)


def _require(params: object, cls: type) -> None:
    if not isinstance(params, cls):
        raise ValueError(f"params must be a {cls.__name__}, got {type(params).__name__}")


def _grid(days: float, step: float) -> np.ndarray:
    """Regular sampling times 0, step, 2*step, ... ending exactly at ``days``."""
    days, step = _positive(days, "days"), _positive(step, "step")
    if step > days:
        raise ValueError(f"step must be at most days ({days!r}), got {step!r}")
    n = int(math.floor(days / step + 1e-9))
    times = step * np.arange(n + 1)
    if days - times[-1] > 1e-9 * days:
        return np.append(times, days)
    times[-1] = days
    return times


def _check_frame(df: object, columns: Sequence[str]) -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        raise ValueError(f"df must be a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"df lacks the column(s) {missing}; expected {list(columns)}")
    if len(df) < 2 or not np.all(np.diff(df["day"].to_numpy(float)) > 0):
        raise ValueError("df needs at least two rows with strictly increasing 'day'")
    return df


# --------------------------------------------------------------------------- Komarova 2003
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


# --------------------------------------------------------------------------- Lemaire 2004
@dataclass(frozen=True)
class LemaireParams:
    """Parameters of Lemaire et al. 2004 (J Theor Biol 229:293-309); defaults are its values.

    Names mirror the paper's symbols in snake_case (DR -> ``d_r``, K -> ``k_rank``, ...); each
    attribute's comment gives symbol, meaning and unit. All are positive except the external
    inputs, which are not negative; ``f0`` is at most 1.
    """

    d_r: float = 7.0e-4  #: DR, production of responding osteoblasts, pM/d
    d_b: float = 0.7  #: dB, differentiation of responding osteoblasts, /d (DB = f0*dB)
    f0: float = 0.05  #: f0, fixed proportion in the TGF-beta occupancy piC, dimensionless
    d_c: float = 2.1e-3  #: DC, production of active osteoclasts, pM/d
    d_a: float = 0.7  #: DA, osteoclast apoptosis caused by TGF-beta, /d
    k_b: float = 0.189  #: kB, elimination of active osteoblasts, /d
    c_s: float = 5.0e-3  #: Cs, osteoclasts giving the half-maximal TGF-beta effect, pM
    k1: float = 1.0e-2  #: k1, OPG-RANKL binding, /pM/d
    k2: float = 10.0  #: k2, OPG-RANKL unbinding, /d
    k3: float = 5.8e-4  #: k3, RANK-RANKL binding, /pM/d
    k4: float = 1.7e-2  #: k4, RANK-RANKL unbinding, /d
    k5: float = 0.02  #: k5, PTH-receptor binding, /pM/d
    k6: float = 3.0  #: k6, PTH-receptor unbinding, /d
    k_rank: float = 10.0  #: K, fixed RANK concentration, pM
    k_op: float = 2.0e5  #: KOP, OPG production per responding osteoblast, (pM/d)/pM
    k_lp: float = 3.0e6  #: KLP, maximal RANKL per active osteoblast, pM/pM
    r_l: float = 1.0e3  #: rL, RANKL production and elimination, pM/d
    s_p: float = 250.0  #: SP, endogenous PTH production, pM/d
    k_p: float = 86.0  #: kP, PTH elimination, /d
    k_o: float = 0.35  #: kO, OPG elimination, /d
    i_p: float = 0.0  #: IP, constant external PTH input, pM/d
    i_o: float = 0.0  #: IO, constant external OPG input, pM/d
    i_l: float = 0.0  #: IL, constant external RANKL input, pM/d

    def __post_init__(self) -> None:
        inputs = ("i_p", "i_o", "i_l")
        _check_fields(
            self,
            positive=[f.name for f in fields(self) if f.name not in inputs],
            non_negative=inputs,
        )
        if self.f0 > 1:
            raise ValueError(f"f0 is a proportion and must not exceed 1, got {self.f0!r}")


def _lemaire_terms(
    p: LemaireParams, r: float, b: float, c: float, ip: float, io: float, il: float
) -> tuple[float, float, float]:
    """Return (piC, DB/piC, DC*piL) of Lemaire 2004 for the given state and total inputs."""
    pi_c = (c + p.f0 * p.c_s) / (c + p.c_s)
    pi_p = (ip / p.k_p + p.s_p / p.k_p) / (ip / p.k_p + p.k6 / p.k5)
    pi_l = (
        (p.k3 / p.k4)
        * p.k_lp
        * pi_p
        * b
        * (1 + il / p.r_l)
        / (1 + p.k3 * p.k_rank / p.k4 + (p.k1 / (p.k2 * p.k_o)) * (p.k_op * r / pi_p + io))
    )
    return pi_c, p.f0 * p.d_b / pi_c, p.d_c * pi_l


def lemaire_steady_state(params: LemaireParams = LemaireParams()) -> tuple[float, float, float]:
    """Steady state (R, B, C) of Lemaire 2004 with the constant inputs of ``params``, in pM.

    Setting dR/dt + dB/dt = 0 and dR/dt = 0 gives ``B = DR*piC/kB`` and ``R = DR*piC**2/DB``
    as functions of C; dC/dt = 0 is then a single equation in C, solved with
    :func:`scipy.optimize.brentq` on a bracket that provably contains a root.

    Returns
    -------
    tuple of float
        Responding osteoblasts, active osteoblasts, active osteoclasts (7.734e-4, 7.283e-4,
        9.127e-4 pM for the defaults).
    """
    _require(params, LemaireParams)
    p = params

    def state(c: float) -> tuple[float, float]:
        pi_c = (c + p.f0 * p.c_s) / (c + p.c_s)
        return p.d_r * pi_c**2 / (p.f0 * p.d_b), p.d_r * pi_c / p.k_b

    def residual(c: float) -> float:
        r, b = state(c)
        pi_c, _, production = _lemaire_terms(p, r, b, c, p.i_p, p.i_o, p.i_l)
        return production - p.d_a * pi_c * c

    # residual(0) > 0; production is at most its value with B = DR/kB and R = 0, and piC >= f0.
    _, _, ceiling = _lemaire_terms(p, 0.0, p.d_r / p.k_b, 0.0, p.i_p, p.i_o, p.i_l)
    c = brentq(residual, 0.0, 2 * ceiling / (p.d_a * p.f0), xtol=1e-30, rtol=1e-14)
    r, b = state(c)
    return float(r), float(b), float(c)


def simulate_lemaire(
    params: LemaireParams = LemaireParams(),
    days: float = 120.0,
    pth: float = 0.0,
    opg: float = 0.0,
    rankl: float = 0.0,
    start_day: float = 0.0,
    end_day: float | None = None,
    start: Sequence[float] | None = None,
    step: float = 0.1,
    bone_rate: float = 0.1,
) -> pd.DataFrame:
    """Simulate Lemaire 2004 with PTH, OPG and RANKL inputs acting between two days.

    The inputs ``pth``, ``opg``, ``rankl`` (IP, IO, IL, pM/d) are added to the constant inputs of
    ``params`` only for ``start_day <= t < end_day``. The integration is split at these days so
    the switch is exact (``solve_ivp`` RK45, rtol 1e-9, atol 1e-14 pM).

    ``bone_volume`` (% of the starting volume, 100 at day 0) is a readout, not part of Lemaire
    2004: ``dBV/dt = bone_rate * (B/Bbar - C/Cbar)`` with (Bbar, Cbar) the steady state of
    ``params``, so it is balanced at steady state. ``bone_rate`` (% per day) is an illustrative
    scale: only the sign and timing of bone volume changes are meaningful.

    Parameters
    ----------
    params : LemaireParams
        Its own inputs ``i_p, i_o, i_l`` act throughout and set the steady state.
    days : float
        Length of the simulation, days.
    pth, opg, rankl : float
        Extra PTH, OPG and RANKL input rates in the window, pM/d. Not negative.
    start_day, end_day : float
        Input window, days; ``end_day=None`` keeps the inputs on to the end.
    start : (float, float, float) or None
        R, B, C at day 0 in pM (positive); None starts at :func:`lemaire_steady_state`.
    step : float
        Sampling interval of the output, days; the grid includes day 0 and ``days``.
    bone_rate : float
        ``k`` of the bone volume readout, % per day. Not negative.

    Returns
    -------
    pandas.DataFrame
        Columns ``day, responding_osteoblasts, active_osteoblasts, active_osteoclasts,
        bone_volume``.
    """
    _require(params, LemaireParams)
    times = _grid(days, step)
    days = float(times[-1])
    extra = [_number(v, n, 0.0) for v, n in ((pth, "pth"), (opg, "opg"), (rankl, "rankl"))]
    start_day = _number(start_day, "start_day")
    end_day = days if end_day is None else _number(end_day, "end_day")
    if not 0 <= start_day < min(end_day, days):
        raise ValueError(
            f"need 0 <= start_day < end_day and start_day < days, got {start_day!r},"
            f" {end_day!r} and {days!r}"
        )
    bone_rate = _number(bone_rate, "bone_rate", 0.0)
    steady = lemaire_steady_state(params)
    if start is None:
        y0 = list(steady)
    else:
        if len(start) != 3:
            raise ValueError(f"start must be (R, B, C) in pM, got {start!r}")
        y0 = [_number(v, f"start[{i}]") for i, v in enumerate(start)]
        if min(y0) <= 0:
            raise ValueError(f"start concentrations must be positive, got {y0}")
    _, b_bar, c_bar = steady
    p = params

    def rhs_with(ip: float, io: float, il: float):
        def rhs(_t: float, y: np.ndarray) -> tuple[float, float, float, float]:
            r, b, c = (max(float(v), _TINY) for v in y[:3])
            pi_c, diff, production = _lemaire_terms(p, r, b, c, ip, io, il)
            return (
                p.d_r * pi_c - diff * r,
                diff * r - p.k_b * b,
                production - p.d_a * pi_c * c,
                bone_rate * (b / b_bar - c / c_bar),
            )

        return rhs

    base = (p.i_p, p.i_o, p.i_l)
    cuts = sorted({0.0, days, min(start_day, days), min(end_day, days)})
    out = np.empty((4, times.size))
    y = np.array([*y0, 100.0])
    for t0, t1 in zip(cuts[:-1], cuts[1:]):
        on = start_day <= t0 < end_day
        inputs = [a + e for a, e in zip(base, extra)] if on else base
        sel = (times >= t0) & (times <= t1)
        t_eval = times[sel]
        if t_eval.size == 0 or t_eval[-1] != t1:  # the state at t1 starts the next segment
            t_eval = np.append(t_eval, t1)
        sol = solve_ivp(
            rhs_with(*inputs),
            (t0, t1),
            y,
            t_eval=t_eval,
            rtol=1e-9,
            atol=[1e-14, 1e-14, 1e-14, 1e-10],
        )
        if not sol.success:
            raise RuntimeError(f"Lemaire integration failed: {sol.message}")
        out[:, sel], y = sol.y[:, : sel.sum()], sol.y[:, -1]
    return pd.DataFrame(dict(zip((*LEMAIRE_COLUMNS, "bone_volume"), (times, *out))))


def normalised(df: pd.DataFrame, params: KomarovaParams | LemaireParams) -> pd.DataFrame:
    """Copy of a simulation with each cell column divided by its steady-state value.

    For "which marker moves first" plots: 1 means steady state. Works on the output of
    :func:`simulate_komarova` (with KomarovaParams) or :func:`simulate_lemaire` (LemaireParams);
    other columns (day, bone mass or volume) are copied unchanged. In Lemaire 2004 the
    osteoclasts (a resorption marker) move days before the osteoblasts (a formation marker);
    patients show the same order over months.
    """
    if isinstance(params, KomarovaParams):
        columns, steady = KOMAROVA_COLUMNS[1:3], komarova_steady_state(params)
    elif isinstance(params, LemaireParams):
        columns, steady = LEMAIRE_COLUMNS[1:], lemaire_steady_state(params)
    else:
        raise ValueError(
            f"params must be KomarovaParams or LemaireParams, got {type(params).__name__}"
        )
    out = _check_frame(df, ("day", *columns)).copy()
    for column, value in zip(columns, steady):
        out[column] = out[column] / value
    return out

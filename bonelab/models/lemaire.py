"""Lemaire V et al. 2004, J Theor Biol 229(3):293-309.

Responding osteoblasts ``R``, active osteoblasts ``B`` and active osteoclasts ``C`` (pM),
coupled through RANK, RANKL and OPG: the parameters, the steady state and a simulation with
PTH, OPG and RANKL inputs acting between two days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd
from scipy.integrate import solve_ivp
from scipy.optimize import brentq

from bonelab.models.checks import _TINY, _check_fields, _grid, _number, _require

LEMAIRE_COLUMNS = ("day", "responding_osteoblasts", "active_osteoblasts", "active_osteoclasts")

#: Reference steady state of the Lemaire 2004 model (R, B, C in pM) that a correct
#: implementation reproduces: computed independently from the published equations and
#: parameters. Shown beside the model's own values in the notebooks; the tests check against it.
LEMAIRE_REFERENCE_STEADY_STATE = (7.734e-4, 7.283e-4, 9.127e-4)
#: Reference ratios to steady state (R, B, C) after 60 days of a constant input, from the same
#: independent computation: PTH input IP = 1e3 and OPG input IO = 2e5.
LEMAIRE_REFERENCE_RATIOS_60_DAYS = {"PTH": (5.2, 2.2, 4.0), "OPG": (0.10, 0.33, 0.07)}


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

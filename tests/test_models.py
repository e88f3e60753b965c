"""Tests of bonelab.models against the reference values in shared/reference/models.md.

Tolerances: where models.md gives a value to n significant figures, the test allows half a unit
in the last figure (or the "about" it states); numerical checks of our own derivations (Jacobian,
steady-state residuals) use tolerances a few orders above the solver or finite-difference error.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest

from bonelab.models import (
    KomarovaParams,
    LemaireParams,
    Phase,
    bone_balance_per_cycle,
    critical_g11,
    komarova_jacobian,
    komarova_regime,
    komarova_steady_state,
    komarova_trace_determinant,
    lemaire_steady_state,
    normalised,
    remodeling_phases,
    simulate_komarova,
    simulate_lemaire,
)

DEFAULT = KomarovaParams()
AYATI = KomarovaParams(g11=1.1, k1=0.0748, k2=0.0006395)  # Ayati et al. 2010 periodic regime
LEMAIRE = LemaireParams()
CELLS = ["responding_osteoblasts", "active_osteoblasts", "active_osteoclasts"]


@pytest.fixture(scope="module")
def komarova_run() -> pd.DataFrame:
    return simulate_komarova()


# ----------------------------------------------------------------------------- Komarova 2003
def test_komarova_defaults_are_the_2003_values():
    expected = dict(
        a1=3, a2=4, b1=0.2, b2=0.02, g11=0.5, g21=-0.5, g12=1, g22=0, k1=0.24, k2=0.0017
    )
    assert dataclasses.asdict(DEFAULT) == expected


def test_komarova_steady_state_reference_and_residual():
    c, b = komarova_steady_state(DEFAULT)
    # models.md: Cbar = 1.06066, Bbar = 212.132 (6 significant figures).
    assert c == pytest.approx(1.06066, abs=5e-6)
    assert b == pytest.approx(212.132, abs=5e-4)
    p = DEFAULT  # the right-hand sides vanish there (up to rounding)
    assert p.a1 * c**p.g11 * b**p.g21 - p.b1 * c == pytest.approx(0, abs=1e-12)
    assert p.a2 * c**p.g12 * b**p.g22 - p.b2 * b == pytest.approx(0, abs=1e-10)


def test_simulate_komarova_grid_and_columns(komarova_run):
    df = komarova_run
    assert list(df.columns) == ["day", "osteoclasts", "osteoblasts", "bone_mass"]
    assert len(df) == 4001 and df["day"].iloc[0] == 0 and df["day"].iloc[-1] == 400
    np.testing.assert_allclose(np.diff(df["day"]), 0.1, atol=1e-9)
    np.testing.assert_allclose(df.iloc[0], [0.0, 11.0, 212.0, 100.0], rtol=1e-12)
    short = simulate_komarova(days=1.05, step=0.5)  # the last sample is `days` itself
    np.testing.assert_allclose(short["day"], [0, 0.5, 1.0, 1.05])


def test_komarova_single_cycle_bone_mass(komarova_run):
    df = komarova_run
    low = df["bone_mass"].idxmin()
    # models.md: z falls to about 89.8 near day 12 (3 significant figures) ...
    assert df["bone_mass"][low] == pytest.approx(89.8, abs=0.05)
    assert df["day"][low] == pytest.approx(12, abs=1)
    # ... and is about 99.97 from day 200 to 400.
    late = df.loc[df["day"] >= 200, "bone_mass"]
    assert late.min() == pytest.approx(99.97, abs=0.005)
    assert late.max() == pytest.approx(99.97, abs=0.005)


def test_komarova_phases(komarova_run):
    phases = remodeling_phases(komarova_run, DEFAULT)
    # models.md: about 23 days of resorption and about 152 days of formation (0.1 % excess).
    assert phases.resorption.start == 0
    assert phases.resorption.length == pytest.approx(23, abs=0.5)
    assert phases.formation.start < 0.1
    assert phases.formation.length == pytest.approx(152, abs=0.5)
    strict = remodeling_phases(komarova_run, DEFAULT, threshold=0)  # until the first undershoot
    assert strict.formation.end == pytest.approx(190.1, abs=0.1)
    assert Phase(2.0, 5.5).length == 3.5
    # Crossings are interpolated: sampling every 2 days moves them by well under a day.
    coarse = remodeling_phases(simulate_komarova(step=2.0), DEFAULT)
    assert coarse.resorption.end == pytest.approx(phases.resorption.end, abs=0.2)
    assert coarse.formation.end == pytest.approx(phases.formation.end, abs=0.2)


def test_phases_need_an_excursion_that_ends():
    steady = simulate_komarova(days=10, start=(*komarova_steady_state(DEFAULT), 100.0))
    with pytest.raises(ValueError, match="never exceed"):
        remodeling_phases(steady, DEFAULT)
    with pytest.raises(ValueError, match="simulate longer"):
        remodeling_phases(simulate_komarova(days=10), DEFAULT)


def test_critical_g11_and_trace():
    assert critical_g11(DEFAULT) == pytest.approx(1.1, rel=1e-12)
    trace, det = komarova_trace_determinant(KomarovaParams(g11=critical_g11(DEFAULT)))
    assert trace == pytest.approx(0, abs=1e-12)
    assert det > 0
    odd = KomarovaParams(b1=0.3, b2=0.05, g22=0.2)  # the formula is general, not just 1.1
    trace, _ = komarova_trace_determinant(dataclasses.replace(odd, g11=critical_g11(odd)))
    assert trace == pytest.approx(0, abs=1e-12)


@pytest.mark.parametrize("params", [DEFAULT, AYATI, KomarovaParams(g11=1.3, g21=-0.8, b2=0.05)])
def test_jacobian_matches_finite_differences(params):
    c, b = komarova_steady_state(params)
    p = params

    def f(x: np.ndarray) -> np.ndarray:
        return np.array(
            [
                p.a1 * x[0] ** p.g11 * x[1] ** p.g21 - p.b1 * x[0],
                p.a2 * x[0] ** p.g12 * x[1] ** p.g22 - p.b2 * x[1],
            ]
        )

    h = 1e-6 * np.array([c, b])  # central differences: error ~h**2, far below rtol
    numeric = np.column_stack(
        [
            (f(np.array([c, b]) + dh) - f(np.array([c, b]) - dh)) / (2 * hh)
            for dh, hh in ((np.array([h[0], 0]), h[0]), (np.array([0, h[1]]), h[1]))
        ]
    )
    np.testing.assert_allclose(komarova_jacobian(params), numeric, rtol=1e-6, atol=1e-12)
    trace, det = komarova_trace_determinant(params)
    assert trace == pytest.approx(p.b1 * (p.g11 - 1) + p.b2 * (p.g22 - 1), abs=1e-14)
    assert det == pytest.approx(-p.b1 * p.b2 * p.gamma, rel=1e-9)


@pytest.mark.parametrize(
    "g11, regime",
    [(0.5, "damped"), (1.09, "damped"), (1.1, "sustained"), (1.11, "growing"), (1.3, "growing")],
)
def test_komarova_regime(g11, regime):
    assert komarova_regime(KomarovaParams(g11=g11)) == regime


def test_regime_of_a_saddle_is_an_error():
    with pytest.raises(ValueError, match="saddle"):
        komarova_regime(KomarovaParams(g21=1.0))  # gamma = 0.5 > 0, so det < 0


@pytest.mark.parametrize("g11, sign", [(1.09, -1), (1.1, 0), (1.11, 1)])
def test_regimes_show_in_the_simulation(g11, sign):
    # From 10 % above steady state, osteoclast peaks fall (damped), repeat (sustained) or rise
    # (growing); "repeat" means equal to 1e-4, far below the 1-2 % change per cycle otherwise.
    params = KomarovaParams(g11=g11)
    c_bar, b_bar = komarova_steady_state(params)
    df = simulate_komarova(params, days=1000, start=(1.1 * c_bar, b_bar, 100), step=0.5)
    c = df["osteoclasts"].to_numpy()
    peaks = np.array([c[i] for i in range(1, len(c) - 1) if c[i - 1] < c[i] >= c[i + 1]])
    assert len(peaks) >= 5
    change = np.diff(peaks) / peaks[:-1]
    if sign == 0:
        assert np.all(np.abs(change) < 1e-4)
    else:
        assert np.all(np.sign(change) == sign) and np.all(np.abs(change) > 5e-3)


def test_ayati_periodic_regime_is_balanced():
    cycles = bone_balance_per_cycle(AYATI, days=1500)
    assert list(cycles.columns) == [
        "cycle",
        "start_day",
        "end_day",
        "length_days",
        "bone_mass_change",
    ]
    assert len(cycles) >= 4
    # models.md: cycles of roughly 280 days (we get 276.7), all alike in the sustained regime.
    np.testing.assert_allclose(cycles["length_days"], 280, atol=10)
    assert np.ptp(cycles["length_days"]) < 1e-3
    # Balanced: |change| under 0.05 % per cycle, against about 10 with the 2003 k1, k2.
    assert np.all(np.abs(cycles["bone_mass_change"]) < 0.05)


def test_2003_k_values_lose_bone_every_cycle():
    cycles = bone_balance_per_cycle(KomarovaParams(g11=1.1), days=1500)
    # models.md: "about 10 units of z per cycle" (we get -10.28).
    np.testing.assert_allclose(cycles["bone_mass_change"], -10, atol=0.5)


def test_bone_balance_needs_two_peaks():
    with pytest.raises(ValueError, match="fewer than two"):
        bone_balance_per_cycle(AYATI, days=100)


@pytest.mark.parametrize(
    "change, match",
    [
        (dict(a1=0), "a1"),
        (dict(b2=-0.1), "b2"),
        (dict(k1=-1), "k1"),
        (dict(g11=math.nan), "g11"),
        (dict(k2=math.inf), "k2"),
        (dict(g21=True), "g21"),
        (dict(a2="4"), "a2"),
        (dict(g21=0.0, g22=1.0), "gamma"),  # gamma = 1*0 - (1 - 0.5)*(1 - 1) = 0
    ],
)
def test_komarova_params_validation(change, match):
    with pytest.raises(ValueError, match=match):
        KomarovaParams(**change)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(days=0), "days"),
        (dict(days=-5), "days"),
        (dict(step=0), "step"),
        (dict(days=1, step=2), "step"),
        (dict(start=(0, 212, 100)), "positive"),
        (dict(start=(11, -1, 100)), "positive"),
        (dict(start=(11, 212)), "start"),
        (dict(start=(11, 212, math.nan)), "bone_mass"),
        (dict(params="default"), "KomarovaParams"),
    ],
)
def test_simulate_komarova_validation(kwargs, match):
    with pytest.raises(ValueError, match=match):
        simulate_komarova(**kwargs)


def test_komarova_helpers_validation(komarova_run):
    with pytest.raises(ValueError, match="bone_mass"):
        remodeling_phases(komarova_run.drop(columns="bone_mass"), DEFAULT)
    with pytest.raises(ValueError, match="increasing"):
        remodeling_phases(komarova_run.iloc[::-1], DEFAULT)
    with pytest.raises(ValueError, match="threshold"):
        remodeling_phases(komarova_run, DEFAULT, threshold=-0.1)
    with pytest.raises(ValueError, match="DataFrame"):
        remodeling_phases(komarova_run.to_numpy(), DEFAULT)
    with pytest.raises(ValueError, match="tol"):
        komarova_regime(DEFAULT, tol=-1)
    with pytest.raises(ValueError, match="KomarovaParams"):
        critical_g11(LEMAIRE)
    with pytest.raises(ValueError, match="days"):
        bone_balance_per_cycle(AYATI, days=-1)


# ----------------------------------------------------------------------------- Lemaire 2004
def test_lemaire_steady_state_reference():
    r, b, c = lemaire_steady_state(LEMAIRE)
    # models.md gives 4 significant figures: half a unit in the 4th figure is rel 5e-4 at most.
    assert r == pytest.approx(7.734e-4, abs=5e-8)
    assert b == pytest.approx(7.283e-4, abs=5e-8)
    # C = 9.12753e-4: models.md's 9.127e-4 is truncated, not rounded, so allow one unit.
    assert c == pytest.approx(9.127e-4, abs=1e-7)
    p = LEMAIRE  # dR/dt + dB/dt = 0 gives B = DR*piC/kB, a check independent of the root solve
    assert b == pytest.approx(p.d_r * (c + p.f0 * p.c_s) / (c + p.c_s) / p.k_b, rel=1e-12)


def test_lemaire_without_input_stays_at_steady_state():
    df = simulate_lemaire(days=60)
    assert list(df.columns) == ["day", *CELLS, "bone_volume"]
    np.testing.assert_allclose(
        df[CELLS].to_numpy(), np.tile(lemaire_steady_state(), (len(df), 1)), rtol=1e-8
    )
    np.testing.assert_allclose(df["bone_volume"], 100, atol=1e-8)


@pytest.mark.parametrize(
    "inputs, expected",
    [
        (dict(pth=1e3), (5.2, 2.2, 4.0)),  # models.md, continuous PTH for 60 days
        (dict(opg=2e5), (0.10, 0.33, 0.07)),  # models.md, OPG for 60 days
    ],
)
def test_lemaire_reference_inputs_at_day_60(inputs, expected):
    last = normalised(simulate_lemaire(days=60, **inputs), LEMAIRE).iloc[-1]
    # models.md says "roughly", to 2 significant figures: allow 5 %.
    np.testing.assert_allclose(last[CELLS].to_numpy(float), expected, rtol=0.05)


def test_lemaire_bone_volume_sign():
    assert simulate_lemaire(days=60, pth=1e3)["bone_volume"].iloc[-1] < 95  # resorption wins
    assert simulate_lemaire(days=60, opg=2e5)["bone_volume"].iloc[-1] > 101  # resorption blocked


def test_lemaire_long_input_reaches_the_steady_state_with_that_input():
    last = simulate_lemaire(days=600, pth=1e3, step=1.0).iloc[-1]
    np.testing.assert_allclose(
        last[CELLS].to_numpy(float), lemaire_steady_state(LemaireParams(i_p=1e3)), rtol=1e-4
    )


def test_lemaire_input_acts_only_in_its_window():
    df = simulate_lemaire(days=120, opg=2e5, start_day=10.05, end_day=40.03)
    norm = normalised(df, LEMAIRE)
    before = norm[norm["day"] <= 10.0]
    np.testing.assert_allclose(before[CELLS].to_numpy(float), 1, rtol=1e-9)
    c = norm["active_osteoclasts"].to_numpy()  # sampled every 0.1 day: row i is day i/10
    assert c[101] < 0.999
    # Osteoclasts turn back up as soon as OPG stops, and all return near steady state by day 120.
    assert c[399] > c[400] < c[401] < c[410]
    np.testing.assert_allclose(norm[CELLS].iloc[-1].to_numpy(float), 1, rtol=0.01)


def test_resorption_marker_moves_first_under_opg():
    norm = normalised(simulate_lemaire(days=60, opg=2e5, step=0.1), LEMAIRE)
    first = {col: norm.loc[norm[col] < 0.9, "day"].iloc[0] for col in CELLS[1:]}
    assert first["active_osteoclasts"] < first["active_osteoblasts"]


def test_normalised_komarova(komarova_run):
    norm = normalised(komarova_run, DEFAULT)
    c, b = komarova_steady_state(DEFAULT)
    assert norm["osteoclasts"].iloc[0] == pytest.approx(11 / c)
    assert norm["osteoblasts"].iloc[0] == pytest.approx(212 / b)
    pd.testing.assert_series_equal(norm["bone_mass"], komarova_run["bone_mass"])
    assert komarova_run["osteoclasts"].iloc[0] == 11  # the input is not modified


@pytest.mark.parametrize(
    "change, match",
    [
        (dict(d_r=0), "d_r"),
        (dict(k_b=-0.1), "k_b"),
        (dict(s_p=0), "s_p"),
        (dict(f0=1.5), "f0"),
        (dict(i_p=-1), "i_p"),
        (dict(k_o=math.nan), "k_o"),
    ],
)
def test_lemaire_params_validation(change, match):
    with pytest.raises(ValueError, match=match):
        LemaireParams(**change)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(days=0), "days"),
        (dict(step=-1), "step"),
        (dict(pth=-1), "pth"),
        (dict(opg=math.inf), "opg"),
        (dict(rankl="lots"), "rankl"),
        (dict(start_day=-1), "start_day"),
        (dict(start_day=30, end_day=20), "start_day"),
        (dict(days=20, start_day=30), "start_day"),
        (dict(start=(1e-3, 1e-3)), "start"),
        (dict(start=(1e-3, 0, 1e-3)), "positive"),
        (dict(bone_rate=-1), "bone_rate"),
        (dict(params=DEFAULT), "LemaireParams"),
    ],
)
def test_simulate_lemaire_validation(kwargs, match):
    with pytest.raises(ValueError, match=match):
        simulate_lemaire(**kwargs)


def test_normalised_validation():
    df = simulate_lemaire(days=1)
    with pytest.raises(ValueError, match="LemaireParams"):
        normalised(df, "lemaire")
    with pytest.raises(ValueError, match="osteoclasts"):
        normalised(df, DEFAULT)  # a Lemaire frame read as a Komarova one
    with pytest.raises(ValueError, match="LemaireParams"):
        lemaire_steady_state(DEFAULT)

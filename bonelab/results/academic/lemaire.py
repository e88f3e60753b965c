"""The course's own runs of the Lemaire 2004 model, and its explorable (bonelab.explore.lemaire_response)."""

from __future__ import annotations

from functools import cache as _cache

from bonelab import models
from bonelab.results import result

# --------------------------------------------------------------------------- Lemaire 2004 runs
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _pm(value: float) -> str:
    mantissa, exponent = f"{value:.3e}".split("e")
    return f"{mantissa} × 10{str(int(exponent)).translate(_SUPERSCRIPT)}"


for _i, _name in enumerate(("responding_osteoblasts", "active_osteoblasts", "active_osteoclasts")):
    result(
        f"lemaire.steady.{_name}",
        fmt=_pm,
        description=f"Lemaire 2004 with its published parameters: {_name.replace('_', ' ')} at "
        "steady state, pM (course's computation)",
    )(lambda _i=_i: models.lemaire_steady_state(models.LemaireParams())[_i])


@_cache
def _lemaire_ratios(kind: str) -> tuple[float, float, float]:
    params = models.LemaireParams()
    inputs = {"pth": {"pth": 1e3}, "opg": {"opg": 2e5}}[kind]
    run = models.simulate_lemaire(
        params, days=160.0, step=0.5, start_day=20.0, end_day=80.0, **inputs
    )
    norm = models.normalised(run, params)
    row = norm.loc[norm.day == 80.0].iloc[0]
    return tuple(float(row[c]) for c in models.LEMAIRE_COLUMNS[1:])


for _kind, _fmt in (("pth", "{:.1f}"), ("opg", "{:.2f}")):
    for _i, _name in enumerate(
        ("responding_osteoblasts", "active_osteoblasts", "active_osteoclasts")
    ):
        result(
            f"lemaire.{_kind}60.{_name}",
            fmt=_fmt,
            description=f"Course's run of Lemaire 2004: {_name.replace('_', ' ')} after 60 days of "
            f"{_kind.upper()} input, relative to steady state",
        )(lambda _kind=_kind, _i=_i: _lemaire_ratios(_kind)[_i])


# --- the Lemaire explorable (bonelab.explore.lemaire_response) -----------------------------------


def _lemaire_explore(pth: float, opg: float):
    from bonelab.explore import lemaire_response

    return lemaire_response(pth, opg)


for _pth, _opg, _name in ((1000.0, 0.0, "pth1000"), (1000.0, 5.0e4, "pth1000_opg50000")):
    for _cell, _key in (("active_osteoclasts", "c"), ("active_osteoblasts", "b")):
        result(
            f"lemaire.explore.{_name}.steady_{_key}",
            fmt="{:.2f}",
            description=(
                f"Lemaire 2004, constant PTH input {_pth:g} and OPG input {_opg:g} pM/day: "
                f"new steady state of {_cell}, times the steady state without input"
            ),
        )(lambda p=_pth, o=_opg, c=_cell: _lemaire_explore(p, o).steady[c])

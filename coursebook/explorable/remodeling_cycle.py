"""The explorable ``remodeling-cycle``: one Komarova 2003 cycle, osteoclast lifespan changed."""

from __future__ import annotations

from typing import Any

from bonelab import explore
from bonelab.plot import number_label
from coursebook.explorable.figure import Control, Explorable, Mark, Panel, _flat, _num, _signed
from coursebook.explorable.svg import _axes, _path, _text


def cycle_explorable() -> Explorable:
    """Komarova 2003, one cycle, osteoclast lifespan changed (bonelab.explore.remodeling_cycle)."""
    settings = explore.CYCLE_LIFESPAN_SETTINGS
    runs = [explore.remodeling_cycle(p) for p in settings]
    top_c = Panel((0, 400), (0, 12), (62, 30, 404, 120))
    top_b = Panel((0, 400), (0, 600), (62, 160, 404, 250))
    bone = Panel((0, 400), (84, 102), (62, 290, 404, 400))
    reference = explore.remodeling_cycle(0)
    # Drawn points: every 2 days while the cells move fast, then every 4, then every 10.
    keep = [
        i
        for i, d in enumerate(reference.day)
        if d <= 40 or (d <= 120 and d % 4 == 0) or d % 10 == 0
    ]
    static = []
    static += _axes(
        top_c,
        [(x, "") for x in range(0, 401, 100)],
        [(0, "0"), (5, "5"), (10, "10")],
        ylabel="osteoclasts (cells)",
    )
    static += _axes(
        top_b,
        [(x, "") for x in range(0, 401, 100)],
        [(0, "0"), (200, "200"), (400, "400"), (600, "600")],
        ylabel="osteoblasts (cells)",
    )
    static += _axes(
        bone,
        [(x, str(x)) for x in range(0, 401, 100)],
        [(85, "85"), (90, "90"), (95, "95"), (100, "100")],
        xlabel="model day",
        ylabel="bone mass (start = 100)",
    )
    static.append(
        f'<path class="xp-ref" d="{_path(_flat(reference.day, reference.bone_mass), bone)}"/>'
    )
    static.append(_text(404, bone.py(100) - 6, "2003 values", "xp-note", "end"))
    marks = [
        Mark("c-ss", "c", "line", "xp-steady"),
        Mark("c", "c", "line", "xp-line xp-c2", xs=tuple(reference.day[i] for i in keep)),
        Mark("b-ss", "b", "line", "xp-steady"),
        Mark("b", "b", "line", "xp-line xp-c3 xp-dash", xs=tuple(reference.day[i] for i in keep)),
        Mark("z", "z", "line", "xp-line xp-c1", xs=tuple(reference.day[i] for i in keep)),
        Mark("c-label", "c", "text", "xp-label", "resorption: {2} days", "start"),
        Mark("b-label", "b", "text", "xp-label", "formation: {3} days", "start"),
        Mark("z-label", "z", "text", "xp-label", "ends at {5} ({6})", "end"),
    ]

    def frame(run: explore.CycleRun) -> dict[str, Any]:
        values = [
            _signed(run.lifespan_change_pct, 0) + " %",
            number_label(run.b1, 3),
            f"{run.resorption_days:.0f}",
            f"{run.formation_days:.0f}",
            number_label(run.bone_mass_min, 1),
            f"{100 + run.balance:.2f}",
            _signed(run.balance, 2),
            number_label(run.steady_osteoclasts, 2),
            f"{run.steady_osteoblasts:.0f}",
        ]
        return {
            "m": [
                [0, _num(run.steady_osteoclasts, 3), 400, _num(run.steady_osteoclasts, 3)],
                [_num(run.osteoclasts[i], 2) for i in keep],
                [0, _num(run.steady_osteoblasts, 1), 400, _num(run.steady_osteoblasts, 1)],
                [_num(run.osteoblasts[i], 1) for i in keep],
                [_num(run.bone_mass[i], 2) for i in keep],
                [60, 10.5],
                [200, 500],
                [400, 87],
            ],
            "v": values,
        }

    control = Control(
        "lifespan",
        "Osteoclast lifespan, change from the 2003 values",
        tuple(_signed(p, 0) + " %" for p in settings),
        settings.index(0),
    )
    live = (
        "With osteoclast lifespan changed by {0} from the 2003 values (removal rate b1 = {1} per "
        "day), the cycle's osteoclasts stay above their steady state of {7} for {2} model days "
        "and its osteoblasts above {8} for {3} days; bone mass falls to {4} and the cycle ends "
        "at {5}, a balance of {6} units over the cycle."
    )
    return Explorable(
        "remodeling-cycle",
        "One Komarova 2003 remodeling cycle: osteoclasts, osteoblasts and bone mass",
        442,
        {"c": top_c, "b": top_b, "z": bone},
        [control],
        marks,
        [frame(r) for r in runs],
        live,
        static,
    )

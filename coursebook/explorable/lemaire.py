"""The explorable ``lemaire``: the Lemaire 2004 model under PTH and OPG inputs."""

from __future__ import annotations

import math
from itertools import product
from typing import Any

from bonelab import explore
from coursebook.explorable.figure import Control, Explorable, Mark, Panel, _num
from coursebook.explorable.svg import _axes, _text


def lemaire_explorable() -> Explorable:
    """Lemaire 2004 under PTH and OPG inputs (bonelab.explore.lemaire_response)."""
    pths, opgs = explore.LEMAIRE_PTH_SETTINGS, explore.LEMAIRE_OPG_SETTINGS
    days = explore.LEMAIRE_DAYS
    panel = Panel((0, days), (math.log10(0.01), math.log10(20)), (62, 40, 340, 290))
    ticks = [(math.log10(v), f"{v:g}") for v in (0.01, 0.1, 1, 10)]
    static = _axes(
        panel,
        [(x, str(x)) for x in range(0, int(days) + 1, 30)],
        ticks,
        xlabel="model day (input from day 10)",
        ylabel="× steady state without input (log scale)",
    )
    start = explore.LEMAIRE_START
    for day, words in ((start, "input on"), (start + 60, "60 days")):
        x = panel.px(day)
        static.append(f'<line class="xp-fmp" x1="{x:.1f}" x2="{x:.1f}" y1="40" y2="290"/>')
        static.append(_text(x + 4, 56, words, "xp-note", "start"))
    cells = explore.LEMAIRE_CELLS
    names = ("R responding", "B active osteoblasts", "C active osteoclasts")
    styles = ("xp-c4 xp-dot", "xp-c3 xp-dash", "xp-c2")
    sample = explore.lemaire_response()
    # Drawn points: every day from just before the switch while the cells move fast, then sparser.
    keep = [
        i
        for i, d in enumerate(sample.day)
        if (d < 9 and d % 3 == 0) or 9 <= d <= 25 or (d <= 60 and d % 3 == 0) or d % 10 == 0
    ]
    xs = tuple(sample.day[i] for i in keep)
    marks = [Mark(c, "p", "line", f"xp-line {s}", xs=xs) for c, s in zip(cells, styles)]
    marks += [
        Mark(f"{c}-label", "p", "text", "xp-label", f"{n.split()[0]} {{{i + 5}}}", "start")
        for i, (c, n) in enumerate(zip(cells, names))
    ]

    def ratio(value: float) -> str:
        return f"{value:.2f}"

    def frame(pth: float, opg: float) -> dict[str, Any]:
        run = explore.lemaire_response(pth, opg)
        m: list[Any] = []
        for c in cells:
            m.append([_num(math.log10(run.curves[c][i]), 3) for i in keep])
        ends = sorted(((math.log10(run.curves[c][-1]), i) for i, c in enumerate(cells)))
        placed: dict[int, float] = {}
        last = -99.0
        for y, i in ends:  # keep labels apart: at least 0.3 decades (about 23 px)
            y = max(y, last + 0.3)
            placed[i], last = y, y
        for i, _c in enumerate(cells):
            m.append([days + 3, _num(placed[i] - 0.07, 3)])
        values = [f"{pth:g}", f"{opg:g}"]
        values += [ratio(run.day60[c]) for c in cells]
        values += [ratio(run.steady[c]) for c in cells]
        return {"m": m, "v": values}

    controls = [
        Control(
            "pth",
            "PTH input (pM per day)",
            tuple(f"{p:g} pM/day" for p in pths),
            pths.index(1000.0),
        ),
        Control(
            "opg", "OPG input (pM per day)", tuple(f"{o:g} pM/day" for o in opgs), opgs.index(0.0)
        ),
    ]
    live = (
        "With a constant PTH input of {0} and an OPG input of {1} pM per day from day 10, "
        "60 days later responding osteoblasts are at {2}, active osteoblasts at {3} and active "
        "osteoclasts at {4} times their steady state without input; the new steady state is "
        "{5}, {6} and {7} times. Model days, not months."
    )
    return Explorable(
        "lemaire",
        "The Lemaire 2004 model's cells after a constant PTH or OPG input",
        335,
        {"p": panel},
        controls,
        marks,
        [frame(p, o) for p, o in product(pths, opgs)],
        live,
        static,
    )

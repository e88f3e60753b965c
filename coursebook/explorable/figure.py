"""What an explorable figure is, and the data its page carries.

Panels (data ranges and the box each is drawn in: one linear scale, the same in Python and in
``coursebook/static/explorable.js``), the marks that change with the setting, the controls, and
one frame of mark data and text values per combination of settings; :func:`spec_json` is that
grid as the compact JSON the page's script reads.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import product
from typing import Any

from bonelab.plot import number_label


@dataclass(frozen=True)
class Panel:
    """A plotting area: data ranges ``x``, ``y`` drawn into the box ``left, top, right, bottom``."""

    x: tuple[float, float]
    y: tuple[float, float]
    box: tuple[float, float, float, float]

    def px(self, x: float) -> float:
        (d0, d1), (p0, p1) = self.x, (self.box[0], self.box[2])
        return p0 + (x - d0) * (p1 - p0) / (d1 - d0)

    def py(self, y: float) -> float:
        (d0, d1), (p0, p1) = self.y, (self.box[3], self.box[1])
        return p0 + (y - d0) * (p1 - p0) / (d1 - d0)

    def spec(self) -> list[float]:
        return [*self.x, *self.y, *self.box]


@dataclass(frozen=True)
class Mark:
    """A drawn element that changes with the setting.

    ``kind``: ``line`` (points x, y, ...; ``None`` breaks the line; only the y values when the
    mark has ``xs``), ``rect`` (x0, y0, x1, y1),
    ``dot`` (x, y) or ``text`` (x, y, or nothing to keep its place; its words are ``template``
    filled with the setting's values ``{0}``, ``{1}``...). An empty list hides the mark.
    """

    id: str
    panel: str
    kind: str
    css: str = ""
    template: str = ""
    anchor: str = "start"
    xs: tuple[float, ...] = ()  # a line's x values, when every setting shares them


@dataclass(frozen=True)
class Control:
    """A range control over the indices of ``texts`` (what the reader sees for each step)."""

    id: str
    label: str
    texts: tuple[str, ...]
    default: int


@dataclass
class Explorable:
    """A figure, its controls and one frame (mark data, text values) per combination."""

    name: str
    title: str
    height: float
    panels: dict[str, Panel]
    controls: list[Control]
    marks: list[Mark]
    frames: list[dict[str, Any]]
    live: str
    static: list[str] = field(default_factory=list)  # SVG that never changes (axes, bands)

    def default_index(self) -> int:
        index = 0
        for control in self.controls:
            index = index * len(control.texts) + control.default
        return index


def _num(value: float, decimals: int) -> float | int:
    rounded = round(float(value), decimals)
    return int(rounded) if rounded == int(rounded) else rounded


def _flat(xs: Sequence[float], ys: Sequence[float], dx: int = 1, dy: int = 3) -> list[Any]:
    out: list[Any] = []
    for x, y in zip(xs, ys):
        out += [_num(x, dx), _num(y, dy)]
    return out


def _grid(controls: Sequence[Control], frame: Callable[..., dict[str, Any]], *axes) -> list:
    """Frames in row-major order of the controls (the script computes the same index)."""
    return [frame(*setting) for setting in product(*axes)]


# --------------------------------------------------------------------------- 1 one cycle
def _signed(value: float, decimals: int) -> str:
    text = number_label(value, decimals)
    return (
        text
        if text.startswith("\u2212") or float(text.replace("\u2212", "-")) == 0
        else ("+" + text)
    )


def spec(x: Explorable) -> dict[str, Any]:
    """What the script needs: panels, marks, controls, the live template and every frame."""
    return {
        "panels": {k: p.spec() for k, p in x.panels.items()},
        "marks": [[m.id, m.panel, m.kind, m.template, list(m.xs)] for m in x.marks],
        "sizes": [len(c.texts) for c in x.controls],
        "texts": [list(c.texts) for c in x.controls],
        "live": x.live,
        "frames": [[f["m"], f["v"]] for f in x.frames],
    }


def spec_json(x: Explorable) -> str:
    """:func:`spec` as JSON that can sit inside a ``<script>`` element of the page."""
    data = json.dumps(spec(x), separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    data = data.replace("</", "<\\/")  # never closes the script element early
    return data

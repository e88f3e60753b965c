"""Explorable figures: ``{explorable} <name>`` draws a figure the reader can change on the page.

Every number comes from :mod:`bonelab.explore`, computed here when the book is built for every
setting of the figure's controls; the page carries that grid as compact JSON and
``coursebook/static/explorable.js`` only looks a setting up and moves the marks. Nothing is
fetched and no model runs in the browser.

Progressive enhancement: the HTML holds the figure for the default setting as an inline SVG,
its caption and a text summary of what it shows (the figure's alt text). Without JavaScript
that is what the reader sees; with it, the native range controls appear, and moving one redraws
the figure and rewrites the summary, which is an ``aria-live`` region.

The directive's body (MyST) follows the figure: its caption, with citations, and what to try.

    ```{explorable} remodeling-cycle
    **One remodeling cycle, explorable.** ... {cite}`komarova2003`. Try ...
    ```

Layout lives here; the figure's data coordinates map to the SVG's with the same linear scale
in Python (for the static figure) and in the script (for every other setting).
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from bonelab import explore
from bonelab.plot import number_label

__all__ = ["Panel", "Mark", "Control", "Explorable", "EXPLORABLES", "build", "render_html"]

STATIC = "__explorable_static__"  # the directive's placeholder for the page's path to _static
WIDTH = 420  # viewBox width: 15-unit text stays above 12 px on a 390 px phone
FONT = 15


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


# --------------------------------------------------------------------------- SVG helpers
def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _path(points: Sequence[Any], panel: Panel) -> str:
    d, move, i = [], True, 0
    while i < len(points):
        if points[i] is None:
            move, i = True, i + 1
            continue
        d.append(f"{'M' if move else 'L'}{panel.px(points[i]):.1f} {panel.py(points[i + 1]):.1f}")
        move, i = False, i + 2
    return "".join(d)


def _mark_svg(mark: Mark, panel: Panel, data: list[Any], values: list[str]) -> str:
    hidden = "" if data else ' style="display:none"'
    attrs = f'data-mark="{mark.id}" class="{mark.css}"{hidden}'
    if mark.kind == "line":
        if mark.xs:
            data = [v for pair in zip(mark.xs, data) for v in pair]
        return f'<path {attrs} d="{_path(data, panel)}"/>'
    if mark.kind == "rect":
        if not data:
            return f'<rect {attrs} x="0" y="0" width="0" height="0"/>'
        x0, x1 = sorted((panel.px(data[0]), panel.px(data[2])))
        y0, y1 = sorted((panel.py(data[1]), panel.py(data[3])))
        return (
            f'<rect {attrs} x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" '
            f'height="{y1 - y0:.1f}"/>'
        )
    if mark.kind == "dot":
        cx, cy = (panel.px(data[0]), panel.py(data[1])) if data else (0, 0)
        return f'<circle {attrs} r="4.5" cx="{cx:.1f}" cy="{cy:.1f}"/>'
    if mark.kind == "text":
        x, y = (panel.px(data[0]), panel.py(data[1])) if data else (0.0, 0.0)
        words = _fill(mark.template, values)
        hide = ' style="display:none"' if not (words and data) else ""
        return (
            f'<text data-mark="{mark.id}" class="{mark.css}"{hide} x="{x:.1f}" y="{y:.1f}" '
            f'text-anchor="{mark.anchor}">{_e(words)}</text>'
        )
    raise ValueError(f"mark {mark.id!r} has an unknown kind {mark.kind!r}")


def _fill(template: str, values: Sequence[str]) -> str:
    out = template
    for i, value in enumerate(values):
        out = out.replace("{" + str(i) + "}", value)
    return out


def _text(x: float, y: float, words: str, css: str = "xp-label", anchor: str = "start") -> str:
    return f'<text class="{css}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{_e(words)}</text>'


def _axes(
    panel: Panel,
    xticks: Sequence[tuple[float, str]],
    yticks: Sequence[tuple[float, str]],
    xlabel: str = "",
    ylabel: str = "",
) -> list[str]:
    """Grid, ticks and axis titles of a panel (the parts that never change)."""
    left, top, right, bottom = panel.box
    out = []
    for value, words in yticks:
        y = panel.py(value)
        out.append(f'<line class="xp-grid" x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(_text(left - 5, y + 5, words, "xp-tick", "end"))
    for value, words in xticks:
        x = panel.px(value)
        out.append(f'<line class="xp-grid" x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{bottom}"/>')
        if words:
            out.append(_text(x, bottom + 16, words, "xp-tick", "middle"))
    out.append(f'<line class="xp-axis" x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}"/>')
    if xlabel:
        out.append(_text((left + right) / 2, bottom + 34, xlabel, "xp-label", "middle"))
    if ylabel:
        out.append(_text(left, top - 8, ylabel, "xp-label", "start"))
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


# --------------------------------------------------------------------------- 2 a lifetime
def lifetime_explorable() -> Explorable:
    """Femoral-neck BMD from 18 to 85 with the WHO lines (bonelab.explore.lifetime_curve)."""
    peaks, fmps, losses = (
        explore.LIFETIME_PEAK_SETTINGS,
        explore.LIFETIME_FMP_AGE_SETTINGS,
        explore.LIFETIME_LOSS_SETTINGS,
    )
    panel = Panel((18, 85), (0.40, 1.12), (62, 52, 404, 310))
    sample = explore.lifetime_curve()
    normal, osteo = (sample.line_bmd[line] for line in (-1.0, -2.5))
    static = []
    # WHO bands behind the curve: T >= -1 normal, -2.5 < T < -1 low bone mass, T <= -2.5.
    for low, high, css, words in (
        (normal, 1.12, "xp-band-normal", "normal (T ≥ −1)"),
        (osteo, normal, "xp-band-low", "low bone mass"),
        (0.40, osteo, "xp-band-osteo", "osteoporosis (T ≤ −2.5)"),
    ):
        y0, y1 = panel.py(high), panel.py(low)
        static.append(
            f'<rect class="{css}" x="{panel.box[0]}" y="{y0:.1f}" '
            f'width="{panel.box[2] - panel.box[0]}" height="{y1 - y0:.1f}"/>'
        )
        static.append(_text(66, y1 - 6, words, "xp-note", "start"))
    static += _axes(
        panel,
        [(a, str(a)) for a in (20, 30, 40, 50, 60, 70, 80)],
        [(b / 100, f"{b / 100:.1f}") for b in range(40, 111, 10)],
        xlabel="age (years)",
        ylabel="femoral-neck BMD (g/cm²)",
    )
    static += [  # the key: what is data and what is schematic
        '<path class="xp-line xp-c2 xp-thick" d="M150 14L176 14"/>',
        _text(181, 19, "data (SWAN)", "xp-label"),
        '<path class="xp-line xp-c1 xp-dash" d="M290 14L316 14"/>',
        _text(321, 19, "schematic", "xp-label"),
    ]
    for line in (normal, osteo):
        y = panel.py(line)
        static.append(f'<line class="xp-who" x1="62" x2="404" y1="{y:.1f}" y2="{y:.1f}"/>')
    marks = [
        Mark("fmp", "p", "line", "xp-fmp"),
        Mark("schematic", "p", "line", "xp-line xp-c1 xp-dash"),
        Mark("data", "p", "line", "xp-line xp-c2 xp-thick"),
        Mark("x1", "p", "line", "xp-cross"),
        Mark("x2", "p", "line", "xp-cross"),
        Mark("peak", "p", "dot", "xp-dot-data"),
        Mark("decade", "p", "dot", "xp-dot-data"),
        Mark("fmp-label", "p", "text", "xp-note", "final period {1}", "middle"),
        Mark("x1-label", "p", "text", "xp-label", "{5}", "end"),
        Mark("x2-label", "p", "text", "xp-label", "{6}", "end"),
    ]

    def age_text(age: float | None, line: str) -> tuple[str, str]:
        if age is None:
            return f"not before {explore.LIFETIME_END_AGE:.0f}", ""
        if age <= explore.PLATEAU_AGE:
            return "already at the peak", ""
        return f"at age {age:.1f}", f"T = {line}: {age:.1f}"

    def frame(peak: float, fmp: int, factor: float) -> dict[str, Any]:
        curve = explore.lifetime_curve(peak, fmp, factor)
        a, b = curve.ages, curve.bmd
        x1, x2 = curve.crossings[-1.0], curve.crossings[-2.5]
        t1, l1 = age_text(x1, "−1")
        t2, l2 = age_text(x2, "−2.5")
        values = [
            f"{peak:.2f}",
            f"{fmp}",
            f"{factor:g}×",
            number_label(curve.t_scores[0], 2),
            t1,
            l1,
            l2,
            t2,
            f"{fmp + 5}",
            number_label(curve.t_after_decade, 2),
            curve.class_after_decade,
            f"{b[4]:.3f}",
        ]

        def vline(age: float | None, line_bmd: float) -> list[Any]:
            if age is None or age <= explore.PLATEAU_AGE:
                return []
            return [_num(age, 2), 0.40, _num(age, 2), _num(line_bmd, 3)]

        def label_at(age: float | None, line_bmd: float) -> list[Any]:
            if age is None:
                return []
            return [_num(max(age, 40) - 1, 2), _num(line_bmd - 0.05, 3)]

        return {
            "m": [
                [fmp, 0.40, fmp, 1.12],
                [
                    _num(a[0], 2),
                    _num(b[0], 3),
                    _num(a[1], 2),
                    _num(b[1], 3),
                    _num(a[2], 2),
                    _num(b[2], 3),
                    None,
                    _num(a[3], 2),
                    _num(b[3], 3),
                    _num(a[4], 2),
                    _num(b[4], 3),
                    _num(a[5], 2),
                    _num(b[5], 3),
                ],
                [_num(a[2], 2), _num(b[2], 3), _num(a[3], 2), _num(b[3], 3)],
                vline(x1, normal),
                vline(x2, osteo),
                [18, _num(b[0], 3)],
                [_num(a[4], 2), _num(b[4], 3)],
                [fmp, 1.08],
                label_at(x1, normal) if x1 is not None and x1 > 18 else [],
                label_at(x2, osteo) if x2 is not None and x2 > 18 else [],
            ],
            "v": values,
        }

    controls = [
        Control(
            "peak",
            "Peak femoral-neck BMD (g/cm²)",
            tuple(f"{p:.2f} g/cm²" for p in peaks),
            peaks.index(0.80),
        ),
        Control(
            "fmp",
            "Age at the final menstrual period",
            tuple(f"{f} years" for f in fmps),
            fmps.index(51),
        ),
        Control(
            "loss",
            "Loss around the final period, times SWAN's average",
            tuple(f"{x:g}×" for x in losses),
            losses.index(1.0),
        ),
    ]
    frames = [frame(p, f, x) for p, f, x in product(peaks, fmps, losses)]
    live = (
        "Peak femoral-neck BMD {0} g/cm² (T-score {3}), final menstrual period at {1}, losses "
        "{2} SWAN's average: the T-score reaches −1 {4} and −2.5 {7}. At {8}, five years after "
        "the final period, BMD is {11} g/cm², a T-score of {9}: {10}."
    )
    return Explorable(
        "lifetime",
        "Femoral-neck bone density from age 18 to 85 against the WHO T-score lines",
        356,
        {"p": panel},
        controls,
        marks,
        frames,
        live,
        static,
    )


# --------------------------------------------------------------------------- 3 the WHI ledger
def whi_explorable() -> Explorable:
    """WHI 2002 hazard ratios at a chosen baseline (bonelab.explore.whi_ledger)."""
    settings = explore.WHI_BASELINE_SETTINGS
    ledgers = [explore.whi_ledger(f) for f in settings]
    rows = ledgers[0]
    n = len(rows)
    lo = min(min(r.difference_low for r in ledger) for ledger in ledgers)
    hi = max(max(r.difference_high for r in ledger) for ledger in ledgers)
    lo, hi = math.floor(lo / 50) * 50, math.ceil(hi / 50) * 50
    row_h = 46  # a row: the outcome and its value on one line, the bar and whisker below
    panel = Panel((lo, hi), (n, 0), (14, 40, 406, 40 + n * row_h))
    static = _axes(
        panel,
        [(x, number_label(x, 0)) for x in range(int(lo), int(hi) + 1, 50)],
        [],
        xlabel="events per 10 000 woman-years, with minus without",
    )
    x0 = panel.px(0)
    static.append(
        f'<line class="xp-zero" x1="{x0:.1f}" x2="{x0:.1f}" y1="{panel.box[1]}" '
        f'y2="{panel.box[3]}"/>'
    )
    static.append(_text(x0 - 6, 30, "← fewer (benefit)", "xp-note", "end"))
    static.append(_text(x0 + 6, 30, "more →", "xp-note", "start"))
    marks: list[Mark] = []
    for i, row in enumerate(rows):
        css = "xp-bar-harm" if row.category == "harm" else "xp-bar-benefit"
        static.append(
            _text(14, panel.py(i) + 16, f"{row.outcome} (HR {row.hr:.2f})", "xp-label", "start")
        )
        marks += [
            Mark(f"bar{i}", "p", "rect", css),
            Mark(f"ci{i}", "p", "line", "xp-ci"),
            Mark(f"val{i}", "p", "text", "xp-label xp-strong", "{" + str(i + 1) + "}", "end"),
        ]
    label_row = (panel.py(0) + 16 - panel.py(0)) / row_h  # the label line, in row units

    def frame(factor: float, ledger: Sequence[explore.LedgerRow]) -> dict[str, Any]:
        m: list[Any] = []
        values = [f"{factor:g}×"]
        for i, row in enumerate(ledger):
            y = i + 0.68
            m += [
                [0, y - 0.16, _num(row.difference, 2), y + 0.16],
                [_num(row.difference_low, 2), y, _num(row.difference_high, 2), y],
                [hi, _num(i + label_row, 3)],
            ]
            values.append(_signed(row.difference, 1))
        return {"m": m, "v": values}

    harms = [i for i, r in enumerate(rows) if r.category == "harm"]
    benefits = [i for i, r in enumerate(rows) if r.category == "benefit"]
    live = (
        "An illustration, not a prediction: at baseline rates {0} those of the WHI placebo "
        "group, the trial's hazard ratios would mean, per 10 000 woman-years, these changes. "
        "Harms: "
        + "; ".join(f"{rows[i].outcome} {{{i + 1}}}" for i in harms)
        + ". Benefits: "
        + "; ".join(f"{rows[i].outcome} {{{i + 1}}}" for i in benefits)
        + "."
    )
    control = Control(
        "baseline",
        "Baseline rates, times the WHI placebo group's",
        tuple(f"{f:g}×" for f in settings),
        settings.index(1.0),
    )
    return Explorable(
        "whi-ledger",
        "What the WHI estrogen-plus-progestin hazard ratios would mean at a chosen baseline",
        40 + n * row_h + 46,
        {"p": panel},
        [control],
        marks,
        [frame(f, ledger) for f, ledger in zip(settings, ledgers)],
        live,
        static,
    )


# --------------------------------------------------------------------------- 4 Lemaire 2004
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


EXPLORABLES: dict[str, Callable[[], Explorable]] = {
    "remodeling-cycle": cycle_explorable,
    "lifetime": lifetime_explorable,
    "whi-ledger": whi_explorable,
    "lemaire": lemaire_explorable,
}


@cache
def build(name: str) -> Explorable:
    """The explorable called ``name``, computed once per build process."""
    if name not in EXPLORABLES:
        raise ValueError(f"no explorable named {name!r}; known: {', '.join(EXPLORABLES)}")
    return EXPLORABLES[name]()


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


def render_html(x: Explorable, uid: str) -> tuple[str, str]:
    """HTML before and after the directive's body: controls, static SVG and summary; data."""
    frame = x.frames[x.default_index()]
    marks = "".join(
        _mark_svg(m, x.panels[m.panel], data, frame["v"]) for m, data in zip(x.marks, frame["m"])
    )
    live = _fill(x.live, frame["v"])
    controls = []
    for c in x.controls:
        cid = f"{uid}-{c.id}"
        controls.append(
            f'<div class="xp-control"><label for="{cid}">{_e(c.label)}</label>'
            f'<input type="range" id="{cid}" min="0" max="{len(c.texts) - 1}" step="1" '
            f'value="{c.default}" aria-valuetext="{_e(c.texts[c.default])}">'
            f'<output for="{cid}" id="{cid}-value">{_e(c.texts[c.default])}</output></div>'
        )
    svg = (
        f'<svg class="xp-svg" viewBox="0 0 {WIDTH} {x.height:.0f}" role="img" '
        f'aria-labelledby="{uid}-title {uid}-live" font-size="{FONT}">'
        f'<title id="{uid}-title">{_e(x.title)}</title>' + "".join(x.static) + marks + "</svg>"
    )
    before = (
        f'<div class="xp-controls" hidden>{"".join(controls)}</div>'
        f"{svg}"
        f'<p class="xp-live" id="{uid}-live" aria-live="polite">{_e(live)}</p>'
    )
    data = json.dumps(spec(x), separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    data = data.replace("</", "<\\/")  # never closes the script element early
    after = (
        f'<script type="application/json" class="xp-data">{data}</script>'
        f'<link rel="stylesheet" href="{STATIC}/explorable.css">'
        f'<script defer src="{STATIC}/explorable.js"></script>'
    )
    return before, after


class ExplorableDirective(SphinxDirective):
    """``{explorable} <name>``: the figure, then the body (caption and what to try)."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        try:
            figure = build(name)
        except ValueError as error:
            raise self.error(str(error)) from None
        uid = f"xp-{name}"
        before, after = render_html(figure, uid)
        box = nodes.container(classes=["explorable"], ids=[uid])
        box += nodes.raw("", before, format="html")
        notes = nodes.container(classes=["xp-notes"])
        self.state.nested_parse(self.content, self.content_offset, notes)
        box += notes
        box += nodes.raw("", after, format="html")
        return [box]


def add_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Point the figure's script and stylesheet, written in the page body, at _static.

    They sit in the body of the pages that hold an explorable, and only there; the path to
    _static depends on the page's place in the output, known only now.
    """
    body = context.get("body")
    if body and STATIC in body:
        context["body"] = body.replace(STATIC, context["pathto"]("_static", 1))


def add_static_path(app: Sphinx, config: Any) -> None:
    """Ship coursebook/static (the script and stylesheet) with the site.

    Not in the book's _static: Jupyter Book links every stylesheet and script found there from
    every page, and these serve only the pages that hold an explorable.
    """
    config.html_static_path.append(str(Path(__file__).with_name("static")))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("explorable", ExplorableDirective)
    app.connect("config-inited", add_static_path)
    app.connect("html-page-context", add_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

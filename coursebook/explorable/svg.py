"""The figure drawn in SVG at its default setting: what the page shows without JavaScript.

Written by hand because the script redraws these same elements (found by ``data-mark``) at
every other setting, so the SVG must be exactly the one the script expects; a plotting library
writes its own structure. Only static SVG text is written here: paths, boxes, dots and labels
on a :class:`~coursebook.explorable.figure.Panel`'s scale, and the axes that never change.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from coursebook.explorable.figure import Mark, Panel

WIDTH = 420  # viewBox width: 15-unit text stays above 12 px on a 390 px phone
FONT = 15


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

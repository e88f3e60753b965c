"""The HTML an explorable puts in its page: controls, static SVG, summary, then its data.

The controls start hidden (the script shows them); the SVG and the ``aria-live`` summary hold
the default setting, so the page reads whole without JavaScript.
"""

from __future__ import annotations

from coursebook.explorable.figure import Explorable, spec_json
from coursebook.explorable.svg import FONT, WIDTH, _e, _fill, _mark_svg

STATIC = "__explorable_static__"  # the directive's placeholder for the page's path to _static


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
    data = spec_json(x)
    after = (
        f'<script type="application/json" class="xp-data">{data}</script>'
        f'<link rel="stylesheet" href="{STATIC}/explorable.css">'
        f'<script defer src="{STATIC}/explorable.js"></script>'
    )
    return before, after

"""The explorable ``whi-ledger``: the WHI 2002 hazard ratios at a chosen baseline."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from bonelab import explore
from bonelab.plot import number_label
from coursebook.explorable.figure import Control, Explorable, Mark, Panel, _num, _signed
from coursebook.explorable.svg import _axes, _text


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

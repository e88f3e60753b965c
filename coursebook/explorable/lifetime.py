"""The explorable ``lifetime``: femoral-neck BMD over adult life, with the WHO lines."""

from __future__ import annotations

from itertools import product
from typing import Any

from bonelab import explore
from bonelab.plot import number_label
from coursebook.explorable.figure import Control, Explorable, Mark, Panel, _num
from coursebook.explorable.svg import _axes, _text


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

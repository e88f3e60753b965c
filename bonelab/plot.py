"""One accessible figure style, and the plots that several notebooks share.

Call :func:`use_course_style` once at the top of a notebook. It sets

- the Okabe-Ito palette, which stays distinguishable with the common colour-vision deficiencies;
- a white figure and axes background, so figures stay readable when the book is in dark mode;
- a figure width and font sizes designed for a phone: a figure :data:`FIGURE_WIDTH` inches wide
  shown across a 390 px phone screen still draws its smallest text (10 pt) at 9 CSS px or more;
- the figure format, :data:`FIGURE_FORMAT`, written here once for every notebook.

The figure format is chosen in one place, here, and through IPython's own setting for the inline
backend (what ``%config InlineBackend.figure_formats = {"svg"}`` sets), not by replacing its
formatter. SVG keeps the text as text: sharp at any zoom, selectable, found by the browser's
search, and smaller than a PNG of the same figure. To have PNGs instead, pass
``use_course_style(figure_format="png")`` (or change :data:`FIGURE_FORMAT` for every notebook)
and re-run the notebooks.

Colour is never the only carrier of meaning in the course's figures: lines also differ in style
or carry direct labels.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

__all__ = [
    "OKABE_ITO",
    "COLORS",
    "FIGURE_FORMAT",
    "FIGURE_WIDTH",
    "use_course_style",
    "number_label",
    "forest_plot",
    "phase_timeline",
]

#: The Okabe-Ito palette (Okabe & Ito 2008), by name.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}

#: The order in which lines take colours: yellow last, as it is faint on white.
COLORS: list[str] = [
    OKABE_ITO[name]
    for name in (
        "blue",
        "vermillion",
        "bluish green",
        "orange",
        "reddish purple",
        "sky blue",
        "black",
        "yellow",
    )
]


#: The format of every notebook figure: "svg" (text stays text) or "png".
FIGURE_FORMAT = "svg"
FIGURE_FORMATS = ("svg", "png")

#: The default figure width in inches. A phone's column is about 342 CSS px wide; a figure
#: 5 inches wide (480 CSS px) is shown there at 71 % of its size, so 10 pt text (13.3 px) reads
#: at 9.5 px. Wider figures need larger text.
FIGURE_WIDTH = 5.0


def use_course_style(figure_format: str = FIGURE_FORMAT) -> None:
    """Apply the course's figure style to matplotlib and choose the notebook figure format.

    Idempotent. ``figure_format`` is one of :data:`FIGURE_FORMATS`; any other value raises
    ValueError.
    """
    if figure_format not in FIGURE_FORMATS:
        raise ValueError(
            f"figure_format must be one of {', '.join(FIGURE_FORMATS)}, got {figure_format!r}"
        )
    mpl.rcParams.update(
        {
            "axes.prop_cycle": mpl.cycler(color=COLORS),
            # White backgrounds: the book's dark mode would otherwise show black text on black.
            "figure.facecolor": "white",
            "axes.facecolor": "white",
            "savefig.facecolor": "white",
            "figure.figsize": (FIGURE_WIDTH, 3.4),
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "savefig.format": figure_format,
            # SVG: text as text (in the reader's sans-serif font), and the same file on every
            # run (fixed ids, no date), so notebooks re-run to identical outputs.
            "svg.fonttype": "none",
            "svg.hashsalt": "bonelab",
            "font.size": 12,
            "axes.titlesize": 13,
            "axes.labelsize": 12,
            "legend.fontsize": 11,
            "xtick.labelsize": 11,
            "ytick.labelsize": 11,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.color": "#d9d9d9",
            "grid.linewidth": 0.6,
            "lines.linewidth": 2.0,
            "legend.frameon": False,
            "figure.constrained_layout.use": True,
        }
    )
    _choose_notebook_format(figure_format)


def _choose_notebook_format(figure_format: str) -> None:
    """In a notebook, set IPython's inline backend to show figures in ``figure_format`` only.

    The same as ``%config InlineBackend.figure_formats = {figure_format}`` in a cell: the
    backend's documented setting, which it reads again whenever it is (re)loaded.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return
    if get_ipython() is None:
        return
    from matplotlib_inline.config import InlineBackend

    backend = InlineBackend.instance()
    kwargs = {"bbox_inches": "tight"}
    if figure_format == "svg":
        kwargs["metadata"] = {"Date": None}
    backend.print_figure_kwargs = kwargs
    backend.figure_formats = {figure_format}


def number_label(value: float, decimals: int | None = None) -> str:
    """A number written for a figure label, with a true minus sign ("−4.2", not "-4.2").

    With ``decimals=None`` it uses one decimal when that is exact (−4.2, −2.0, 1.7) and two
    otherwise (−0.86), so each value is shown as precisely as its source reports it.
    """
    number = float(value)
    if not np.isfinite(number):
        raise ValueError(f"a label needs a finite number, got {value!r}")
    if decimals is None:
        decimals = 1 if round(number, 1) == number else 2
    elif not isinstance(decimals, int) or not 0 <= decimals <= 6:
        raise ValueError(f"decimals must be a whole number from 0 to 6, got {decimals!r}")
    return f"{number:.{decimals}f}".replace("-", "\u2212")


def _as_array(values: Sequence[float], name: str, size: int) -> np.ndarray:
    array = np.asarray(values, dtype=float)
    if array.shape != (size,):
        raise ValueError(f"{name} must have one value per label ({size}), got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite numbers")
    return array


def forest_plot(
    ax: Axes,
    labels: Sequence[str],
    estimates: Sequence[float],
    lows: Sequence[float],
    highs: Sequence[float],
    *,
    null: float = 1.0,
    log: bool = True,
    xlabel: str = "Hazard or risk ratio (95 % CI)",
    colors: Sequence[str] | None = None,
    sizes: Sequence[float] | None = None,
    annotate: bool = True,
    decimals: int = 2,
) -> Axes:
    """Draw estimates with their intervals, one row per label, top to bottom.

    Parameters
    ----------
    ax
        The axes to draw on.
    labels, estimates, lows, highs
        One entry per row; each estimate must lie within its interval.
    null
        The value of no effect, drawn as a dashed vertical line (1 for ratios, 0 for differences).
    log
        Use a logarithmic x axis, the right scale for ratios (0.5 and 2 are equally far from 1).
    colors, sizes
        Optional per-row marker colours and marker areas (for example proportional to n).
    annotate
        Write "estimate (low-high)" at the right of each row, so values are readable without
        colour or a ruler.
    decimals
        Decimal places of those annotations (2 keeps "0.80" from printing as "0.8").
    """
    n = len(labels)
    if n == 0:
        raise ValueError("forest_plot needs at least one row")
    if not isinstance(decimals, int) or not 0 <= decimals <= 6:
        raise ValueError(f"decimals must be a whole number from 0 to 6, got {decimals!r}")
    est = _as_array(estimates, "estimates", n)
    low = _as_array(lows, "lows", n)
    high = _as_array(highs, "highs", n)
    if np.any(low > est) or np.any(est > high):
        raise ValueError("every estimate must lie within its interval (low <= estimate <= high)")
    if log and np.any(low <= 0):
        raise ValueError("a logarithmic axis needs positive values; use log=False for differences")
    rows = np.arange(n)[::-1]
    colors = list(colors) if colors is not None else [COLORS[0]] * n
    marker_sizes = _as_array(sizes, "sizes", n) if sizes is not None else np.full(n, 60.0)
    ax.hlines(rows, low, high, color=colors, linewidth=2.2)
    ax.scatter(est, rows, s=marker_sizes, marker="s", color=colors, zorder=3)
    ax.axvline(null, color=OKABE_ITO["black"], linestyle="--", linewidth=1)
    if log:
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(mpl.ticker.FormatStrFormatter("%g"))
        ax.xaxis.set_minor_formatter(mpl.ticker.NullFormatter())
    ax.set_yticks(rows, labels)
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    if annotate:
        for row, e, lo, hi in zip(rows, est, low, high):
            ax.annotate(
                f"{e:.{decimals}f} ({lo:.{decimals}f}–{hi:.{decimals}f})",
                xy=(1.0, row),
                xycoords=("axes fraction", "data"),
                xytext=(6, 0),
                textcoords="offset points",
                va="center",
                fontsize=11,
            )
    return ax


def phase_timeline(
    ax: Axes,
    phases: Sequence[tuple[str, float, float]],
    *,
    colors: Sequence[str] | None = None,
    alpha: float = 0.18,
    label_y: float = 0.97,
) -> Axes:
    """Shade labelled phases (``(label, start, end)`` on the x axis) behind a time-series plot.

    The label is written inside the top of each band, so the phases read without the legend.
    """
    colors = list(colors) if colors is not None else [COLORS[1], COLORS[2], COLORS[3], COLORS[4]]
    for i, (label, start, end) in enumerate(phases):
        if not (np.isfinite(start) and np.isfinite(end)) or end <= start:
            raise ValueError(f"phase {label!r} must end after it starts, got {start}..{end}")
        ax.axvspan(start, end, color=colors[i % len(colors)], alpha=alpha, linewidth=0)
        ax.text(
            (start + end) / 2,
            label_y,
            label,
            transform=mpl.transforms.blended_transform_factory(ax.transData, ax.transAxes),
            ha="center",
            va="top",
            fontsize=11,
        )
    return ax


def close_all() -> None:
    """Close every open figure (useful between examples in a notebook)."""
    plt.close("all")

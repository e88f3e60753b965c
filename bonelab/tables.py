"""Show a data table the way every reader can read it: caption, header scope, units, our numbers.

Every notebook shows its tables through :func:`table`. It formats a DataFrame for display only
(the values stay as :func:`bonelab.data.load` returned them) and gives two views of it:

- HTML for the book and JupyterLab: a ``<caption>``, ``<th scope="col">`` column headers with the
  unit in brackets, ``<th scope="row">`` row headers where the table has them, and no inline
  ``<style>`` block, ids or colours (the page's own style applies, in light and in dark mode:
  see :data:`CLASS`);
- plain text for a terminal or a text-only reader: the caption, then the same headers and cells.

Units come from the table's declaration in ``data/datapackage.json`` (:func:`~bonelab.data.load`
puts them in ``frame.attrs["units"]``); ``units=`` adds units for computed columns. Numbers are
written as the chapters write them: a real minus sign (−), thousands grouped with a space that
does not break, and the number of decimals that ``formats=`` asks for, column by column.

>>> from bonelab.data import load
>>> arms = load("whi_ep_arms")
>>> shown = table(arms, "Women with a fracture, by arm", columns=["arm", "randomized",
...               "women_with_fracture"], row_header="arm",
...               labels={"women_with_fracture": "with a fracture"})
>>> print(shown)
Women with a fracture, by arm
                    arm randomized (women) with a fracture (women)
estrogen plus progestin             8 506                      733
                placebo             8 102                      896
>>> print(shown.html.splitlines()[2])
  <thead><tr><th scope="col">arm</th><th scope="col">randomized (women)</th><th scope="col">with a fracture (women)</th></tr></thead>

The HTML is written by pandas' own :class:`~pandas.io.formats.style.Styler` (its formatting,
escaping and hiding of the index) through a small template of ours, because Styler's built-in
template writes no ``scope`` on header cells and, without ``exclude_styles``, a ``<style>`` block
that is invalid HTML inside a page body.
"""

from __future__ import annotations

import html
import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import jinja2
import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

__all__ = ["Table", "table", "format_number", "UNIT_TEXT", "CLASS"]

#: The class attribute of every table the helper writes. "dataframe" is how the book's theme
#: (pydata-sphinx-theme) recognises a notebook table: it gives it the theme's table colours, which
#: follow light and dark mode, instead of the light panel it puts behind other HTML output in
#: dark mode. "bonelab-table" lets a stylesheet address the course's tables alone.
CLASS = "dataframe bonelab-table"

#: How a declared unit is written in a header; other units are written as declared.
UNIT_TEXT = {
    "percent": "%",
    "percent per year": "% per year",
    "percent (over the period)": "% over the period",
}
# Declared "units" that add nothing to a header: a pointer to another column, and the names of
# dimensionless quantities (a hazard ratio's header already says it is a ratio).
_NO_UNIT = {"see unit column", "ratio", "probability"}

MINUS = "\u2212"
GROUP = "\u00a0"  # a space that does not break: "16 608" stays on one line
MISSING = "—"

# The template: pandas' Styler fills in `head` and `body` (formatted, escaped, index hidden);
# this writes them with scope on every header cell and nothing else (no ids, classes, styles).
_TEMPLATE = """\
<table class="{{ table_class }}">
  <caption>{{ table_caption }}</caption>
  <thead>{% for r in head %}<tr>{% for c in r %}{% if c.is_visible != False %}\
<th scope="col">{{ c.display_value }}</th>{% endif %}{% endfor %}</tr>{% endfor %}</thead>
  <tbody>
{% for r in body %}\
    <tr>{% for c in r %}{% if c.is_visible != False %}{% if row_header and "col0" in c.class.split() %}\
<th scope="row">{{ c.display_value }}</th>{% else %}<td>{{ c.display_value }}</td>{% endif %}\
{% endif %}{% endfor %}</tr>
{% endfor %}\
  </tbody>
</table>
"""


class _TableStyler(Styler):
    """Styler with the course's table template (the pattern of ``Styler.from_custom_template``)."""

    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [jinja2.DictLoader({"bonelab_table.tpl": _TEMPLATE}), Styler.loader]
        ),
        autoescape=False,  # Styler escapes cells and headers itself (escape="html")
    )
    template_html_table = env.get_template("bonelab_table.tpl")
    template_html = template_html_table


def format_number(value: Any, decimals: int | None = None) -> str:
    """One cell as the chapters write it: − for minus, grouped thousands, fixed decimals.

    Without ``decimals`` a number is written with as many digits as it has (as the data file
    writes it, up to six decimals). A missing value is a dash; text is returned unchanged.

    >>> format_number(-1.7)
    '−1.7'
    >>> format_number(16608)
    '16\\xa0608'
    >>> format_number(0.7612, 2), format_number(2.0, 1), format_number(float("nan"))
    ('0.76', '2.0', '—')
    >>> format_number(-0.0001, 2)
    '0.00'
    >>> format_number(1.5, -1)
    Traceback (most recent call last):
    ...
    ValueError: decimals must be a whole number from 0 to 12, got -1
    """
    if decimals is not None and (
        isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 12
    ):
        raise ValueError(f"decimals must be a whole number from 0 to 12, got {decimals!r}")
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        return str(value)
    if isinstance(value, numbers.Integral) and decimals is None:
        text = f"{int(value):,}".replace(",", GROUP)
    else:
        number = float(value)
        if decimals is None:
            text = np.format_float_positional(number, precision=6, unique=True, trim="-")
        else:
            text = f"{number:,.{decimals}f}"
        whole, dot, frac = text.partition(".")
        text = whole.replace(",", GROUP) + dot + frac
    if text.startswith("-"):
        text = text[1:] if text.strip("-0.") == "" else MINUS + text[1:]  # no "−0.00"
    return text


class Table:
    """A formatted table: ``.html`` for pages, ``.text`` (and ``str``) for plain text.

    Jupyter shows the HTML (``_repr_html_``) and keeps the text beside it (``__repr__``), so a
    notebook's stored output holds both. Build one with :func:`table`.
    """

    def __init__(self, html_text: str, text: str, caption: str) -> None:
        self.html = html_text
        self.text = text
        self.caption = caption

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text

    __str__ = __repr__


def _formatter(decimals: int | None):
    return lambda value: format_number(value, decimals)


def _check_names(argument: str, names: Sequence[str] | Mapping[str, Any], allowed: list) -> None:
    unknown = [name for name in names if name not in allowed]
    if unknown:
        raise ValueError(
            f"{argument} names columns the table does not show: {unknown}; it shows {allowed}"
        )


def table(
    frame: pd.DataFrame,
    caption: str,
    *,
    columns: Sequence[str] | None = None,
    row_header: str | None = None,
    labels: Mapping[str, str] | None = None,
    units: Mapping[str, str] | None = None,
    formats: Mapping[str, int] | None = None,
) -> Table:
    """Format ``frame`` for display, with a caption, header scope and units.

    - ``caption``: what the table shows, in a sentence or a phrase (required, not empty).
    - ``columns``: the columns to show, in order (default: all). A frame whose index names its
      rows shows the index as the first column, under the index's name (an unnamed index of whole
      numbers is row numbering, and is not shown; any other unnamed index is refused).
    - ``row_header``: the column whose cells name their rows (``<th scope="row">``); it is shown
      first, whether or not ``columns`` lists it. Default: the index, when the frame has one; otherwise no row headers.
    - ``labels``: header text for columns whose name does not read well (default: the name with
      underscores as spaces).
    - ``units``: units for columns the declaration does not cover (computed columns); they are
      added to, and take precedence over, ``frame.attrs["units"]`` from :func:`~bonelab.data.load`.
    - ``formats``: decimals per column (``{"estimate": 2}``); other numbers are written in full.

    A name in ``row_header``, ``labels``, ``units`` or ``formats`` that is not a shown column
    raises :class:`ValueError` naming the argument, as does an empty caption.

    >>> import pandas as pd
    >>> print(table(pd.DataFrame({"g11": [1.0, 1.12]}), "Two values of g11",
    ...             formats={"g11": 2}).html)
    <table class="dataframe bonelab-table">
      <caption>Two values of g11</caption>
      <thead><tr><th scope="col">g11</th></tr></thead>
      <tbody>
        <tr><td>1.00</td></tr>
        <tr><td>1.12</td></tr>
      </tbody>
    </table>
    >>> table(pd.DataFrame({"a": [1]}), "A", formats={"b": 1})
    Traceback (most recent call last):
    ...
    ValueError: formats names columns the table does not show: ['b']; it shows ['a']
    """
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"frame must be a pandas DataFrame, got {type(frame).__name__}")
    if not isinstance(caption, str) or not caption.strip():
        raise ValueError(
            f"caption must be a non-empty sentence saying what the table shows, got {caption!r}"
        )
    if isinstance(frame.columns, pd.MultiIndex):
        raise ValueError("frame must have one level of column names, not a MultiIndex")
    declared_units = dict(frame.attrs.get("units", {}))

    shown = frame
    # An unnamed index of whole numbers is row numbering (0, 1, 2 ... or what is left of it after
    # filtering rows): not shown. Any other index names the rows and becomes their header.
    numbering = (
        frame.index.nlevels == 1
        and frame.index.name is None
        and (pd.api.types.is_integer_dtype(frame.index.dtype))
    )
    has_index = not numbering
    if has_index:
        if any(name is None for name in frame.index.names):
            raise ValueError(
                "frame has an index without a name; name it (frame.rename_axis('...')) so that "
                "it has a header, or drop it (frame.reset_index(drop=True))"
            )
        index_names = list(frame.index.names)
        shown = frame.reset_index()
        if row_header is None:
            row_header = index_names[0]
    else:
        index_names = []
    all_columns = [str(c) for c in shown.columns]
    if columns is not None:
        if isinstance(columns, str):
            raise ValueError(f"columns must be a list of column names, got the string {columns!r}")
        _check_names("columns", columns, all_columns)
        wanted = [*index_names, *(c for c in columns if c not in index_names)]
    else:
        wanted = all_columns
    if row_header is not None:
        _check_names("row_header", [row_header], all_columns)
        wanted = [row_header, *(c for c in wanted if c != row_header)]
    labels, units, formats = dict(labels or {}), dict(units or {}), dict(formats or {})
    for argument, names in (("labels", labels), ("units", units), ("formats", formats)):
        _check_names(argument, names, wanted)
    for column, decimals in formats.items():
        try:
            format_number(0.0, decimals)
        except ValueError as error:
            raise ValueError(f"formats[{column!r}]: {error}") from None
    shown = shown.loc[:, wanted]

    def header(column: str) -> str:
        label = labels.get(column, column.replace("_", " "))
        unit = units.get(column, declared_units.get(column))
        if unit and unit not in _NO_UNIT and unit != label:  # "women", not "women (women)"
            label += f" ({UNIT_TEXT.get(unit, unit)})"
        return label

    headers = [header(c) for c in wanted]
    repeated = sorted({h for h in headers if headers.count(h) > 1})
    if repeated:
        raise ValueError(
            f"labels gives two columns the same header {repeated}; each header must say which "
            "column it is"
        )
    cells = {c: [format_number(v, formats.get(c)) for v in shown[c]] for c in wanted}

    styler = _TableStyler(shown)
    styler.hide(axis="index")
    styler.format({c: _formatter(formats.get(c)) for c in wanted}, escape="html")
    styler.format_index(lambda c: html.escape(header(str(c))), axis=1)
    html_text = styler.to_html(
        table_class=CLASS,
        table_caption=html.escape(caption),
        row_header=row_header is not None,
    )

    # Plain text keeps ordinary spaces (a terminal has no line to break; copied text stays plain).
    text_frame = pd.DataFrame(
        {h: [v.replace(GROUP, " ") for v in cells[c]] for h, c in zip(headers, wanted)}
    )
    text = caption + "\n" + text_frame.to_string(index=False)
    return Table(html_text, text, caption)

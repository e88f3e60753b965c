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

The package, one job a module: :mod:`.figure` (what a figure is; its grid as JSON),
:mod:`.svg` (the static figure), :mod:`.page` (the HTML around it), one module per figure
(:mod:`.remodeling_cycle`, :mod:`.lifetime`, :mod:`.whi_ledger`, :mod:`.lemaire`),
:mod:`.catalogue` (the figures by name) and :mod:`.directive` (the Sphinx side).
"""

from __future__ import annotations

from coursebook.explorable.catalogue import EXPLORABLES, build
from coursebook.explorable.directive import setup
from coursebook.explorable.figure import Control, Explorable, Mark, Panel
from coursebook.explorable.page import STATIC, render_html

__all__ = [
    "Panel",
    "Mark",
    "Control",
    "Explorable",
    "EXPLORABLES",
    "build",
    "render_html",
    "STATIC",
    "setup",
]

"""Figures whose text stays legible on a phone: at least 9 CSS px on a 390 px screen.

The course's figures are SVGs (bonelab.plot.FIGURE_FORMAT) drawn at sizes designed for a narrow
column, so most of them fit a phone's column with their smallest text at 9 CSS px or more. A
figure whose drawing is wider than that allows (a long legend, a long label) gets, on a phone
only, the width at which its smallest text reads at 9 px, and then scrolls sideways inside its
link (Sphinx links a sized image to its file), which the keyboard reaches, under a line that
says it scrolls (course.css). On wider screens every figure keeps its own size.

Hand-written because neither myst-nb nor Sphinx sizes an image by the text inside it. The
figure's SVG is read once while the page is written: matplotlib states each text's size in
``font-size: Npx`` in the units of the drawing's viewBox.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

#: The width a figure's drawing gets on a 390 px phone (350 px in a notebook's output, less the
#: white card dark mode draws around it).
PHONE_FIGURE_PX = 342
#: The smallest text a figure may draw on a phone, in CSS px.
MIN_TEXT_PX = 9.0
#: What dark mode's white card adds to a figure's width (3 px on each side, course.css).
CARD_PX = 6

_VIEWBOX = re.compile(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)')
_FONT_SIZE = re.compile(r'font-size(?::\s*|=")([\d.]+)(?:px)?')


def phone_width(svg: str) -> float | None:
    """The width in CSS px at which the SVG's smallest text is MIN_TEXT_PX, or None.

    None when the drawing has no viewBox or no text whose size it states.

    >>> phone_width('<svg viewBox="0 0 400 300"><text style="font-size: 10px">a</text></svg>')
    360.0
    >>> phone_width('<svg viewBox="0 0 400 300"><path d="M 0 0"/></svg>') is None
    True
    """
    box = _VIEWBOX.search(svg)
    sizes = [float(size) for size in _FONT_SIZE.findall(svg) if float(size) > 0]
    if not box or not sizes:
        return None
    return float(box.group(1)) * MIN_TEXT_PX / min(sizes)


class LegibleFigures(SphinxPostTransform):
    """Give each SVG too wide for a phone's column its legible width on phones."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for image in self.document.findall(nodes.image):
            uri = image.get("candidates", {}).get("*", image["uri"])
            if not uri.lower().endswith(".svg") or "://" in uri:
                continue
            path = Path(self.env.srcdir, uri.lstrip("/"))
            if not path.is_file():
                continue
            width = phone_width(path.read_text(encoding="utf-8", errors="replace"))
            if width is None or width <= PHONE_FIGURE_PX:
                continue
            image["width"] = f"{math.ceil(width) + CARD_PX}px"
            image["classes"].append("figure-phone-width")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_post_transform(LegibleFigures)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

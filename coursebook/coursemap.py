"""``{course-map}``: which chapter needs which, drawn as an SVG while the book is built.

The graph comes from the course model (the chapters' ``prerequisites`` front matter); arrows
implied by a longer path are left out (networkx's transitive reduction), so the map stays
readable, and the instructor guide's tables list every declared prerequisite.

The boxes and arrows are placed by :mod:`coursebook.coursemap_layout` (networkx's layers and
positions). The SVG itself is hand-written because no maintained library writes it: networkx
draws through matplotlib, whose SVG has no title, description or per-box text that a screen
reader or the tests can read, and graphviz is a system program that `make book` must not need.

The SVG is written into the build's ``_images`` folder (as Sphinx's graphviz extension does)
and shown as an ``<img>`` with alt text and a caption.
"""

from __future__ import annotations

import hashlib
import html
import posixpath
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from coursebook.coursemap_layout import (
    BOX_W,
    MARGIN,
    _box_height,
    _wrap,
    layout,
)
from coursebook.model import TIER_NAMES, TIERS, Chapter
from coursebook.sphinxutil import chapters_for

# Okabe-Ito hues (the course palette), one per tier; the tier's name is also written in each box,
# so colour is never the only carrier of the tier.
TIER_COLOURS = {
    "fundamentals": "#0072B2",
    "intermediate": "#E69F00",
    "academic": "#009E73",
    "reflection": "#CC79A7",
}


def course_map_svg(chapters: list[Chapter], description: str) -> str:
    """The course map as a standalone SVG document."""
    placed, chains, width, height = layout(chapters)
    box_h = _box_height(chapters)
    esc = html.escape
    by_doc = {c.docname: c for c in chapters}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" '
        'aria-labelledby="map-title map-desc" '
        "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\">",
        '<title id="map-title">Hormones and Bone: course map</title>',
        f'<desc id="map-desc">{esc(description)}</desc>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'fill="#444"/></marker></defs>',
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
    ]
    x = MARGIN
    for tier in (t for t in TIERS if any(c.tier == t for c in chapters)):
        colour = TIER_COLOURS[tier]
        out.append(
            f'<rect x="{x}" y="{MARGIN}" width="18" height="18" rx="4" fill="{colour}" '
            f'fill-opacity="0.18" stroke="{colour}" stroke-width="2"/>'
            f'<text x="{x + 25}" y="{MARGIN + 14}" font-size="14" fill="#222">'
            f"{TIER_NAMES[tier]}</text>"
        )
        x += 150
    for chain in chains:
        points = []
        for i, key in enumerate(chain):
            cx, top, _ = placed[key]
            if key not in by_doc:
                points += [(cx, top), (cx, top + box_h)]
            else:
                points.append((cx, top + box_h) if i == 0 else (cx, top - 2))
        d = f"M {points[0][0]:.1f} {points[0][1]:.1f}"
        for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
            if abs(x0 - x1) < 0.5:
                d += f" L {x1:.1f} {y1:.1f}"
            else:
                mid = (y0 + y1) / 2
                d += f" C {x0:.1f} {mid:.1f} {x1:.1f} {mid:.1f} {x1:.1f} {y1:.1f}"
        out.append(
            f'<path class="prerequisite" data-from="{esc(chain[0])}" data-to="{esc(chain[-1])}" '
            f'd="{d}" fill="none" stroke="#444" stroke-width="1.6" marker-end="url(#arrow)"/>'
        )
    for chapter in chapters:
        cx, top, _ = placed[chapter.docname]
        colour, left = TIER_COLOURS[chapter.tier], cx - BOX_W / 2
        lines = _wrap(chapter.title)
        minutes = chapter.reading_minutes + chapter.notebook_minutes
        out.append(
            f'<g class="chapter" data-doc="{esc(chapter.docname)}" data-tier="{chapter.tier}">'
        )
        out.append(
            f'<rect x="{left:.1f}" y="{top:.1f}" width="{BOX_W}" height="{box_h}" rx="8" '
            f'fill="{colour}" fill-opacity="0.14" stroke="{colour}" stroke-width="2"/>'
        )
        out.append(
            f'<text x="{left + 10:.1f}" y="{top + 15:.1f}" font-size="11" fill="#333" '
            f'letter-spacing="0.5">{TIER_NAMES[chapter.tier].upper()} · {minutes} MIN</text>'
        )
        first = top + (33 if len(lines) == 1 else 31)
        for i, line in enumerate(lines):
            out.append(
                f'<text x="{left + 10:.1f}" y="{first + i * 16:.1f}" font-size="13" '
                f'font-weight="600" fill="#111">{esc(line)}</text>'
            )
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def map_alt_text(chapters: list[Chapter]) -> str:
    """What the map shows, in words, for someone who cannot see it."""
    if not chapters:
        return "Course map: the table of contents lists no chapters yet."
    starts = [c.title for c in chapters if not c.prerequisites]
    needed = {p for c in chapters for p in c.prerequisites}
    ends = [c.title for c in chapters if c.docname not in needed]
    tiers = [TIER_NAMES[t] for t in TIERS if any(c.tier == t for c in chapters)]

    def listing(items: list[str]) -> str:
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]

    return (
        f"Course map: a top-to-bottom flowchart of the {len(chapters)} chapters, boxed and "
        f"labelled by tier ({listing(tiers)}). An arrow from one chapter to another means: read "
        f"the first before the second. It starts at {listing(starts)} and ends at "
        f"{listing(ends)}. The tables below list each chapter's prerequisites in words."
    )


class course_map_image(nodes.General, nodes.Element):
    """The map's SVG, written to _images by the HTML writer."""


def visit_course_map_html(self: Any, node: course_map_image) -> None:
    svg = node["svg"]
    name = f"course-map-{hashlib.sha1(svg.encode()).hexdigest()[:10]}.svg"
    folder = Path(self.builder.outdir, self.builder.imagedir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if not target.exists():
        target.write_text(svg, encoding="utf-8")
    src = posixpath.join(self.builder.imgpath, name)
    # On a screen narrower than the map, the map keeps its own size (its smallest text stays
    # 11 CSS px) and scrolls sideways inside its box, which the keyboard can reach; a line
    # above it says so. The link opens the map on its own, to zoom.
    self.body.append(
        '<p class="scroll-hint" id="course-map-hint">The map is wider than the page: scroll it '
        "sideways, or open it on its own (select it).</p>"
        '<div class="course-map-scroll scroll-cue" tabindex="0" role="region" '
        'aria-describedby="course-map-hint" '
        'aria-label="Course map (scrolls sideways on a narrow screen)">'
        f'<a class="course-map-link" href="{html.escape(src)}">'
        f'<img class="course-map" src="{html.escape(src)}" alt="{html.escape(node["alt"])}" '
        f'width="{node["width"]:.0f}" height="{node["height"]:.0f}" loading="lazy"/></a></div>'
    )
    raise nodes.SkipNode


def visit_course_map_other(self: Any, node: course_map_image) -> None:
    raise nodes.SkipNode


class CourseMap(SphinxDirective):
    """``{course-map}``: the prerequisite map as a figure; the directive's body is the caption."""

    has_content = True
    option_spec = {"name": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        try:
            chapters = chapters_for(self)
        except ValueError as err:
            raise self.error(f"course map: {err}") from None
        alt = map_alt_text(chapters)
        svg = course_map_svg(chapters, alt)
        _, _, width, height = layout(chapters)
        figure = nodes.figure(classes=["course-map-figure"])
        self.add_name(figure)
        figure += course_map_image(svg=svg, alt=alt, width=width, height=height)
        if not self.content:
            figure += nodes.caption(text="Course map: which chapter needs which.")
            return [figure]
        holder = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, holder)
        first = holder[0] if len(holder) else None
        if not isinstance(first, nodes.paragraph):
            raise self.error("course map: the caption must start with a paragraph")
        caption = nodes.caption(first.rawsource, "", *first.children)
        caption.source, caption.line = first.source, first.line
        figure += caption
        rest = list(holder.children[1:])
        if rest:
            legend = nodes.legend()
            legend.extend(rest)
            figure += legend
        return [figure]


def setup(app: Sphinx) -> dict[str, Any]:
    other = (visit_course_map_other, None)
    app.add_node(
        course_map_image,
        html=(visit_course_map_html, None),
        latex=other,
        text=other,
        man=other,
        texinfo=other,
    )
    app.add_directive("course-map", CourseMap)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

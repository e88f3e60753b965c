"""What instructors need, generated from the chapters themselves, and the book's editions.

Directives and roles (used by book/guides/instructors.md):

- ``{course-map}``: a figure of which chapter needs which, drawn as an SVG while the book is
  built, from ``_toc.yml`` and each chapter's ``prerequisites`` front matter. The SVG is written
  into the build's ``_images`` folder (as Sphinx's graphviz extension does, but without the
  graphviz binary) and shown with alt text and a caption. Arrows implied by a longer path are
  left out (a transitive reduction), so the map stays readable; the table lists every declared
  prerequisite.
- ``{chapter-table}`` with an optional ``:tier:``: one row per chapter with its objectives,
  reading and notebook minutes and what to read first, from the same front matter that the
  chapter's own ``{chapter-frame}`` shows. One source of truth: change a chapter's front matter
  and the guide changes with it on the next build.
- ``{course-minutes}`TIER``: the total reading and notebook time of a tier (or ``all``), for
  schedules that stay true when a chapter's times change.

Editions (one source, chosen by the environment variable ``BONELAB_EDITION``):

- ``learner`` (default, ``make book``): answers to the self-checks in dropdowns.
- ``student`` (``make book-student``): sphinx-exercise's ``hide_solutions`` removes every
  ``{solution}`` while the pages are parsed (so not even the search index holds them); notebook
  cells that hold a worked solution are removed from the pages; chapter sources are not copied
  into the site (their "download source" file would contain the answers); the ``student_edition``
  tag hides ``{only} not student_edition`` blocks such as the marking notes in the instructor
  guide; every page title says "student edition".
- ``print`` (``make print``): as ``student``, built with the singlehtml builder from a small
  table of contents per tier (tools/print_edition.py). Links to pages outside that tier become
  plain text, since they cannot be followed on paper anyway.

Why an environment variable: Jupyter Book 1 has no command-line switch for one Sphinx setting,
and a second ``_config.yml`` would drift from the first. The variable is read once, in
``config-inited``, before any page is read.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import posixpath
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml
from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

sys.path.insert(0, str(Path(__file__).resolve().parent))
from course import TIERS, check_chapter_meta, front_matter  # noqa: E402

logger = logging.getLogger(__name__)

EDITION_VARIABLE = "BONELAB_EDITION"
EDITIONS = ("learner", "student", "print")
TIER_NAMES = {
    "fundamentals": "Fundamentals",
    "intermediate": "Intermediate",
    "academic": "Academic",
    "reflection": "Reflection",
}
# Okabe-Ito hues (the course palette), one per tier; the tier's name is also written in each box,
# so colour is never the only carrier of the tier.
TIER_COLOURS = {
    "fundamentals": "#0072B2",
    "intermediate": "#E69F00",
    "academic": "#009E73",
    "reflection": "#CC79A7",
}


def edition() -> str:
    """The edition being built: ``learner`` unless ``BONELAB_EDITION`` says otherwise."""
    value = os.environ.get(EDITION_VARIABLE, "").strip().lower() or "learner"
    if value not in EDITIONS:
        raise ExtensionError(
            f"{EDITION_VARIABLE}={value!r} is not an edition; use one of {', '.join(EDITIONS)}"
        )
    return value


# --------------------------------------------------------------------------------------------
# The course's structure, read from the table of contents and the chapters' front matter.


@dataclass(frozen=True)
class Chapter:
    docname: str
    title: str
    tier: str
    reading_minutes: int
    notebook_minutes: int
    notebook: str | None
    prerequisites: tuple[str, ...]
    objectives: tuple[str, ...]
    path: Path


def toc_docnames(toc_path: Path) -> list[str]:
    """Every file named in a jb-book table of contents, in reading order, without suffixes."""
    toc = yaml.safe_load(Path(toc_path).read_text(encoding="utf-8")) or {}
    names: list[str] = []

    def strip(name: str) -> str:
        return re.sub(r"\.(md|ipynb)$", "", str(name))

    def walk(entries: Iterable[dict[str, Any]]) -> None:
        for entry in entries or []:
            if "file" in entry:
                names.append(strip(entry["file"]))
            walk(entry.get("sections", []))

    if "root" in toc:
        names.append(strip(toc["root"]))
    for part in toc.get("parts", []):
        walk(part.get("chapters", []))
    walk(toc.get("chapters", []))
    return names


_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def _title(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    body = text.split("\n---", 2)[-1] if text.startswith("---") else text
    match = _HEADING.search(body)
    return match.group(1).strip() if match else path.stem.replace("-", " ").capitalize()


def course_chapters(srcdir: Path, toc_path: Path) -> list[Chapter]:
    """The chapters of the book, in toc order: Markdown pages whose front matter names a tier.

    Raises ValueError naming the page when a chapter's front matter is incomplete, a
    prerequisite is not a chapter of the book, or the prerequisites form a cycle.
    """
    chapters = []
    for docname in toc_docnames(toc_path):
        path = Path(srcdir) / f"{docname}.md"
        if not path.is_file():
            continue
        meta = front_matter(path)
        if "tier" not in meta:
            continue
        problems = check_chapter_meta(meta)
        if problems:
            raise ValueError(f"{docname}: " + "; ".join(problems))
        chapters.append(
            Chapter(
                docname=docname,
                title=_title(path),
                tier=meta["tier"],
                reading_minutes=meta["reading_minutes"],
                notebook_minutes=meta["notebook_minutes"],
                notebook=meta.get("notebook"),
                prerequisites=tuple(meta.get("prerequisites") or ()),
                objectives=tuple(o.strip() for o in meta["objectives"]),
                path=path,
            )
        )
    known = {c.docname for c in chapters}
    for chapter in chapters:
        for prerequisite in chapter.prerequisites:
            if prerequisite not in known:
                raise ValueError(
                    f"{chapter.docname}: prerequisite {prerequisite!r} is not a chapter in the "
                    "table of contents"
                )
    _check_acyclic(chapters)
    return chapters


def _check_acyclic(chapters: list[Chapter]) -> None:
    needs = {c.docname: c.prerequisites for c in chapters}
    state: dict[str, int] = {}

    def visit(doc: str, trail: list[str]) -> None:
        if state.get(doc) == 2:
            return
        if state.get(doc) == 1:
            cycle = trail[trail.index(doc):] + [doc]
            raise ValueError("prerequisites form a cycle: " + " -> ".join(cycle))
        state[doc] = 1
        for prerequisite in needs[doc]:
            visit(prerequisite, trail + [doc])
        state[doc] = 2

    for chapter in chapters:
        visit(chapter.docname, [])


def prerequisite_closure(chapters: list[Chapter]) -> dict[str, set[str]]:
    """For each chapter, every chapter it needs, directly or through others."""
    needs = {c.docname: set(c.prerequisites) for c in chapters}
    closure: dict[str, set[str]] = {}

    def reach(doc: str) -> set[str]:
        if doc not in closure:
            found: set[str] = set()
            for prerequisite in needs[doc]:
                found |= {prerequisite} | reach(prerequisite)
            closure[doc] = found
        return closure[doc]

    for doc in needs:
        reach(doc)
    return closure


def map_edges(chapters: list[Chapter]) -> list[tuple[str, str]]:
    """The arrows of the map (prerequisite, chapter): declared prerequisites minus those implied
    by a longer path (the transitive reduction, unique for an acyclic graph)."""
    closure = prerequisite_closure(chapters)
    edges = []
    for chapter in chapters:
        direct = set(chapter.prerequisites)
        implied = set().union(*(closure[p] for p in direct)) if direct else set()
        for prerequisite in chapter.prerequisites:
            if prerequisite not in implied:
                edges.append((prerequisite, chapter.docname))
    return edges


# --------------------------------------------------------------------------------------------
# Drawing the map: a small layered ("Sugiyama") layout, top to bottom, written as SVG.

BOX_W, BOX_H = 224, 60  # BOX_H fits a tier line and two title lines; longer titles wrap to three
COL_GAP, ROW_GAP = 22, 32
DUMMY_W = 14
MARGIN, LEGEND_H = 16, 40
CHARS_PER_LINE = 26


def _wrap(text: str, width: int = CHARS_PER_LINE, lines: int = 3) -> list[str]:
    words, out, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    out.append(line)
    if len(out) > lines:
        out = out[: lines - 1] + [" ".join(out[lines - 1:])[: width - 1].rstrip() + "…"]
    return out


@dataclass
class _Vertex:
    key: str
    layer: int
    chapter: Chapter | None  # None for a bend point of a long arrow
    x: float = 0.0
    order: float = 0.0

    @property
    def width(self) -> float:
        return BOX_W if self.chapter else DUMMY_W


def _box_height(chapters: list[Chapter]) -> int:
    lines = max((len(_wrap(c.title)) for c in chapters), default=2)
    return BOX_H + 16 * max(0, lines - 2)


def layout(chapters: list[Chapter]) -> tuple[dict[str, _Vertex], list[list[str]], float, float]:
    """Vertices with coordinates, the arrows as chains of vertex keys, and the drawing size."""
    box_h = _box_height(chapters)
    index = {c.docname: i for i, c in enumerate(chapters)}
    needs = {c.docname: c.prerequisites for c in chapters}
    layer: dict[str, int] = {}

    def depth(doc: str) -> int:  # longest path from a starting chapter (the graph is acyclic)
        if doc not in layer:
            layer[doc] = 1 + max((depth(p) for p in needs[doc]), default=-1)
        return layer[doc]

    for chapter in chapters:
        depth(chapter.docname)

    vertices = {c.docname: _Vertex(c.docname, layer[c.docname], c, order=index[c.docname])
                for c in chapters}
    chains = []
    for source, target in map_edges(chapters):
        chain = [source]
        for step in range(layer[source] + 1, layer[target]):
            key = f"{source}->{target}@{step}"
            vertices[key] = _Vertex(key, step, None, order=index[source] + 0.5)
            chain.append(key)
        chains.append(chain + [target])

    rows: dict[int, list[str]] = {}
    for vertex in vertices.values():
        rows.setdefault(vertex.layer, []).append(vertex.key)
    depth_count = max(rows) + 1 if rows else 0
    ups: dict[str, list[str]] = {k: [] for k in vertices}
    downs: dict[str, list[str]] = {k: [] for k in vertices}
    for chain in chains:
        for a, b in zip(chain, chain[1:]):
            downs[a].append(b)
            ups[b].append(a)

    def position(row: list[str]) -> dict[str, int]:
        return {k: i for i, k in enumerate(row)}

    for row in rows.values():
        row.sort(key=lambda k: vertices[k].order)
    # A few barycentre sweeps, down then up, to reduce crossings; ties keep reading order.
    for _ in range(4):
        for sweep, neighbours in ((range(1, depth_count), ups),
                                  (range(depth_count - 2, -1, -1), downs)):
            for r in sweep:
                other = position(rows[r - 1] if neighbours is ups else rows[r + 1])
                current = position(rows[r])

                def barycentre(k: str) -> tuple[float, float]:
                    linked = [other[n] for n in neighbours[k] if n in other]
                    mean = sum(linked) / len(linked) if linked else current[k]
                    return (mean, vertices[k].order)

                rows[r].sort(key=barycentre)

    # x: start packed and centred, then pull each vertex towards its neighbours, keeping order.
    for r, row in rows.items():
        x = 0.0
        for key in row:
            vertices[key].x = x + vertices[key].width / 2
            x += vertices[key].width + COL_GAP
    for _ in range(12):
        for r, row in rows.items():
            wanted = []
            for key in row:
                linked = [vertices[n].x for n in ups[key] + downs[key]]
                wanted.append(sum(linked) / len(linked) if linked else vertices[key].x)
            # place left to right at the wanted x, never closer than the minimum gap, then
            # shift the whole row so that on average it sits where its vertices want to be
            # (without that shift, packing pushes every row to the right, round after round)
            previous_right = None
            for key, want in zip(row, wanted):
                vertex = vertices[key]
                left = want - vertex.width / 2
                if previous_right is not None:
                    left = max(left, previous_right + COL_GAP)
                vertex.x = left + vertex.width / 2
                previous_right = left + vertex.width
            drift = sum(wanted) / len(wanted) - sum(vertices[k].x for k in row) / len(row)
            for key in row:
                vertices[key].x += drift
    lefts = [v.x - v.width / 2 for v in vertices.values()] or [0.0]
    rights = [v.x + v.width / 2 for v in vertices.values()] or [0.0]
    shift = MARGIN - min(lefts)
    for vertex in vertices.values():
        vertex.x += shift
    width = max(rights) - min(lefts) + 2 * MARGIN
    width = max(width, 4 * 150 + 2 * MARGIN)  # room for the legend
    height = LEGEND_H + depth_count * (box_h + ROW_GAP) - ROW_GAP + 2 * MARGIN
    return vertices, chains, width, height


def _row_y(layer: int, box_h: int) -> float:
    return MARGIN + LEGEND_H + layer * (box_h + ROW_GAP)


def course_map_svg(chapters: list[Chapter], description: str) -> str:
    """The course map as a standalone SVG document."""
    vertices, chains, width, height = layout(chapters)
    box_h = _box_height(chapters)
    esc = html.escape
    tiers_present = [t for t in TIERS if any(c.tier == t for c in chapters)]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" '
        'aria-labelledby="map-title map-desc" '
        'font-family="system-ui, -apple-system, \'Segoe UI\', Roboto, Arial, sans-serif">',
        '<title id="map-title">Hormones and Bone: course map</title>',
        f'<desc id="map-desc">{esc(description)}</desc>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'fill="#444"/></marker></defs>',
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
    ]
    # legend
    x = MARGIN
    for tier in tiers_present:
        colour = TIER_COLOURS[tier]
        out.append(
            f'<rect x="{x}" y="{MARGIN}" width="18" height="18" rx="4" fill="{colour}" '
            f'fill-opacity="0.18" stroke="{colour}" stroke-width="2"/>'
            f'<text x="{x + 25}" y="{MARGIN + 14}" font-size="14" fill="#222">'
            f'{TIER_NAMES[tier]}</text>'
        )
        x += 150
    # arrows
    for chain in chains:
        points = []
        for i, key in enumerate(chain):
            vertex = vertices[key]
            top = _row_y(vertex.layer, box_h)
            if vertex.chapter is None:
                points += [(vertex.x, top), (vertex.x, top + box_h)]
            elif i == 0:
                points.append((vertex.x, top + box_h))
            else:
                points.append((vertex.x, top - 2))
        d = f"M {points[0][0]:.1f} {points[0][1]:.1f}"
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            if abs(x0 - x1) < 0.5:
                d += f" L {x1:.1f} {y1:.1f}"
            else:
                mid = (y0 + y1) / 2
                d += f" C {x0:.1f} {mid:.1f} {x1:.1f} {mid:.1f} {x1:.1f} {y1:.1f}"
        out.append(
            f'<path class="prerequisite" data-from="{esc(chain[0])}" data-to="{esc(chain[-1])}" '
            f'd="{d}" fill="none" stroke="#444" stroke-width="1.6" marker-end="url(#arrow)"/>'
        )
    # chapter boxes
    for vertex in vertices.values():
        chapter = vertex.chapter
        if chapter is None:
            continue
        colour = TIER_COLOURS[chapter.tier]
        left, top = vertex.x - BOX_W / 2, _row_y(vertex.layer, box_h)
        lines = _wrap(chapter.title)
        minutes = chapter.reading_minutes + chapter.notebook_minutes
        out.append(f'<g class="chapter" data-doc="{esc(chapter.docname)}" '
                   f'data-tier="{chapter.tier}">')
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


# --------------------------------------------------------------------------------------------
# Directives and the role.


def _chapters_for(directive: SphinxDirective | SphinxRole) -> list[Chapter]:
    env = directive.env
    toc = Path(env.srcdir, env.config.external_toc_path)
    chapters = course_chapters(Path(env.srcdir), toc)
    # Rebuild the page using the map or table whenever the toc or a chapter changes.
    env.note_dependency(str(toc))
    for chapter in chapters:
        env.note_dependency(str(chapter.path))
    return chapters


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
    self.body.append(
        f'<a class="course-map-link" href="{html.escape(src)}">'
        f'<img class="course-map" src="{html.escape(src)}" alt="{html.escape(node["alt"])}" '
        f'width="{node["width"]:.0f}" height="{node["height"]:.0f}" loading="lazy" '
        'style="max-width: 100%; height: auto;"/></a>'
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
            chapters = _chapters_for(self)
        except ValueError as err:
            raise self.error(f"course map: {err}") from None
        alt = map_alt_text(chapters)
        svg = course_map_svg(chapters, alt)
        _, _, width, height = layout(chapters)
        figure = nodes.figure(classes=["course-map-figure"])
        self.add_name(figure)
        figure += course_map_image(svg=svg, alt=alt, width=width, height=height)
        if self.content:
            holder = nodes.Element()
            self.state.nested_parse(self.content, self.content_offset, holder)
            first = holder[0] if len(holder) else None
            if isinstance(first, nodes.paragraph):
                caption = nodes.caption(first.rawsource, "", *first.children)
                caption.source, caption.line = first.source, first.line
                figure += caption
                rest = list(holder.children[1:])
                if rest:
                    legend = nodes.legend()
                    legend.extend(rest)
                    figure += legend
            else:
                raise self.error("course map: the caption must start with a paragraph")
        else:
            figure += nodes.caption(text="Course map: which chapter needs which.")
        return [figure]


def _minutes(value: int) -> str:
    hours, minutes = divmod(value, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h" + (f" {minutes:02d} min" if minutes else "")


def tier_totals(chapters: list[Chapter], tier: str | None) -> tuple[int, int, int]:
    """(chapters, reading minutes, notebook minutes) for a tier, or the whole course."""
    chosen = [c for c in chapters if tier in (None, c.tier)]
    return (len(chosen), sum(c.reading_minutes for c in chosen),
            sum(c.notebook_minutes for c in chosen))


class ChapterTable(SphinxDirective):
    """``{chapter-table}``: objectives, times and prerequisites of each chapter of a tier."""

    has_content = False
    option_spec = {"tier": lambda arg: directives.choice(arg, TIERS)}

    def _cell(self, lines: list[str]) -> nodes.entry:
        entry = nodes.entry()
        self.state.nested_parse(StringList(lines, source=self.env.docname),
                                self.content_offset, entry)
        return entry

    def run(self) -> list[nodes.Node]:
        try:
            chapters = _chapters_for(self)
        except ValueError as err:
            raise self.error(f"chapter table: {err}") from None
        tier = self.options.get("tier")
        chosen = [c for c in chapters if tier in (None, c.tier)]
        if not chosen:
            note = nodes.paragraph(text="No chapter of this tier is in the table of contents yet.")
            return [note]
        titles = {c.docname: c.title for c in chapters}
        # colwidths-given: the HTML writer emits the column widths (objectives get the room)
        table = nodes.table(classes=["chapter-table", "colwidths-given"])
        group = nodes.tgroup(cols=4)
        table += group
        for width in (21, 49, 11, 19):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        header = nodes.row()
        for label in ("Chapter", "By the end, learners can", "Minutes", "Read first"):
            header += nodes.entry("", nodes.paragraph(text=label))
        head += header
        body = nodes.tbody()
        group += body
        for chapter in chosen:
            row = nodes.row(ids=[nodes.make_id("chapter-row-" + chapter.docname)],
                            classes=["chapter-row"])
            chapter_lines = [f"{{doc}}`{chapter.title} </{chapter.docname}>`"]
            if chapter.notebook:
                chapter_lines += ["", f"Notebook: {{doc}}`/{chapter.notebook}`"]
            row += self._cell(chapter_lines)
            row += self._cell([f"- {objective}" for objective in chapter.objectives])
            minutes = [f"{chapter.reading_minutes} reading"]
            if chapter.notebook_minutes:
                minutes += ["", f"{chapter.notebook_minutes} notebook"]
            row += self._cell(minutes)
            if chapter.prerequisites:
                row += self._cell([
                    f"- {{doc}}`{titles[p]} </{p}>`" for p in chapter.prerequisites
                ])
            else:
                row += self._cell(["nothing: a starting point"])
            body += row
        count, reading, notebook = tier_totals(chapters, tier)
        total = nodes.paragraph(classes=["chapter-table-total"])
        total += nodes.strong(text="Total: ")
        total += nodes.Text(
            f"{count} chapters, {_minutes(reading)} of reading and {_minutes(notebook)} in "
            f"the notebooks ({_minutes(reading + notebook)} in all)."
        )
        return [table, total]


class CourseMinutes(SphinxRole):
    """``{course-minutes}`fundamentals``` -> "5 chapters, 1 h 11 min of reading and ..."."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        tier = self.text.strip().lower()
        if tier != "all" and tier not in TIERS:
            message = self.inliner.reporter.error(
                f"course-minutes: {tier!r} is not a tier ({', '.join(TIERS)}) or 'all'",
                line=self.lineno,
            )
            return [], [message]
        try:
            chapters = _chapters_for(self)
        except ValueError as err:
            message = self.inliner.reporter.error(f"course-minutes: {err}", line=self.lineno)
            return [], [message]
        count, reading, notebook = tier_totals(chapters, None if tier == "all" else tier)
        text = (f"{count} chapters, {_minutes(reading)} of reading and {_minutes(notebook)} "
                f"in the notebooks")
        return [nodes.inline(text=text, classes=["course-minutes"])], []


def _authors(cff: dict[str, Any]) -> list[str]:
    names = []
    for author in cff.get("authors", []):
        if "name" in author:
            names.append(str(author["name"]))
        else:
            names.append(" ".join(str(author[k]) for k in ("given-names", "family-names")
                                  if k in author))
    return names


class CourseCitation(SphinxDirective):
    """``{course-citation}``: how to cite the course, rendered from CITATION.cff (one source)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        path = Path(self.env.srcdir, "CITATION.cff")
        if not path.is_file():
            raise self.error("course citation: CITATION.cff is missing")
        self.env.note_dependency(str(path))
        cff = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        authors = _authors(cff)
        year = str(cff.get("date-released", ""))[:4]
        url = cff.get("url") or cff.get("repository-code") or \
            (self.config.html_theme_options or {}).get("repository_url", "")
        title, version = cff.get("title", self.config.project), cff.get("version", "")
        text = f"{' and '.join(authors)} ({year}). *{title}* (version {version})."
        if url:
            text += f" {url}"
        key = re.sub(r"\W+", "", title.split(":")[0].lower())[:24] + year
        bibtex = [
            f"@misc{{{key},",
            f"  author  = {{{{{' and '.join(authors)}}}}},",
            f"  title   = {{{{{title}}}}},",
            f"  year    = {{{year}}},",
            f"  version = {{{version}}},",
        ]
        if url:
            bibtex.append(f"  url     = {{{url}}},")
        bibtex.append("  note    = {Licences: " + ", ".join(cff.get("license", [])) + "}")
        bibtex.append("}")
        container = nodes.container(classes=["course-citation"])
        self.state.nested_parse(StringList([text], source=str(path)), self.content_offset,
                                container)
        block = nodes.literal_block("\n".join(bibtex), "\n".join(bibtex), language="bibtex")
        container += block
        return [container]


# --------------------------------------------------------------------------------------------
# Editions.

SOLUTION_CELL = re.compile(r"^\s*(\*\*|__)?solution\b", re.I)
HEADING_CELL = re.compile(r"^\s*#")


def hide_notebook_solutions(notebook_json: str) -> str:
    """Tag a notebook's worked solutions ``remove-cell``: they still run, they are not shown.

    A worked solution starts at a markdown cell that opens with "**Solution.**" (the notebooks'
    convention) and runs up to the next markdown heading or the end of the notebook. Any cell
    tagged ``solution`` is hidden as well.
    """
    notebook = json.loads(notebook_json)
    hiding = False
    for cell in notebook.get("cells", []):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        tags = list(cell.get("metadata", {}).get("tags", []))
        if cell.get("cell_type") == "markdown":
            if SOLUTION_CELL.match(source):
                hiding = True
            elif HEADING_CELL.match(source):
                hiding = False
        if (hiding or "solution" in tags) and "remove-cell" not in tags:
            cell.setdefault("metadata", {})["tags"] = tags + ["remove-cell"]
    return json.dumps(notebook, ensure_ascii=False)


def apply_edition(app: Sphinx, config: Config) -> None:
    current = edition()
    app.tags.add(f"{current}_edition")
    if current == "learner":
        return
    app.tags.add("student_edition")
    config.hide_solutions = True
    if current == "student":
        config.html_title = f"{config.html_title} (student edition)"
    else:
        part = os.environ.get("BONELAB_PRINT_TITLE", "").strip()
        config.html_title = f"{config.html_title}: {part} (printable)" if part \
            else f"{config.html_title} (printable)"
    options = dict(config.html_theme_options or {})
    if current == "print":
        # Paper has no use for launch or download buttons.
        options["launch_buttons"] = {}
        options["use_download_button"] = False
        options["use_fullscreen_button"] = False
    config.html_theme_options = options


def mark_first_chapter(app: Sphinx, doctree: nodes.document) -> None:
    """Print edition: the first chapter starts on a new page, after the title and contents."""
    if edition() != "print" or app.env.docname != app.config.root_doc:
        return
    first = next(iter(doctree.findall(nodes.section)), None)
    if first is not None:
        first["classes"].append("print-first-chapter")


def print_title(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                doctree: Any) -> None:
    """Print edition: the theme's print header names the course and tier, not chapter one."""
    if edition() == "print":
        context["pagetitle"] = app.config.html_title


def strip_solution_cells(app: Sphinx, docname: str, source: list[str]) -> None:
    if edition() == "learner" or not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    source[0] = hide_notebook_solutions(source[0])


def keep_answers_out_of_sources(app: Sphinx, pagename: str, templatename: str,
                                context: dict[str, Any], doctree: Any) -> None:
    """Student edition: no copy of a Markdown page's source (it holds the answers).

    Runs after the theme has built its header buttons: drops the "download source" entry of
    Markdown pages and clears ``sourcename`` so Sphinx does not copy the file. Notebooks keep
    their .ipynb download: it is the repository's notebook, the same one Binder and Colab open.
    """
    if edition() == "learner" or not context.get("sourcename", "").endswith(".md"):
        return
    for group in context.get("header_buttons", []):
        if group.get("label") == "download-buttons":
            group["buttons"] = [b for b in group["buttons"]
                                if b.get("label") != "download-source-button"]
    context["header_buttons"] = [
        g for g in context.get("header_buttons", [])
        if g.get("label") != "download-buttons" or g.get("buttons")
    ]
    context["sourcename"] = ""


class UnlinkOutsideThePrint(SphinxPostTransform):
    """Print edition: a link to a page that is not in this printout becomes its plain text."""

    default_priority = 5  # before Sphinx's and MyST's reference resolvers

    def run(self, **kwargs: Any) -> None:
        if edition() != "print":
            return
        std = self.env.get_domain("std")
        for node in list(self.document.findall(addnodes.pending_xref)):
            kind, domain = node.get("reftype"), node.get("refdomain")
            target = node.get("reftarget", "")
            missing = False
            if domain == "std" and kind == "doc":
                base = node.get("refdoc", self.env.docname)
                doc = posixpath.normpath(posixpath.join("/" + base, "..", target))[1:]
                missing = doc not in self.env.all_docs
            elif kind == "myst" and domain == "doc":
                missing = target not in self.env.all_docs
            elif domain == "std" and kind in ("ref", "numref"):
                missing = target not in std.labels and target not in std.anonlabels
            if missing and len(node):
                node.replace_self(node[0].deepcopy())


def share_html_handlers(app: Sphinx) -> None:
    """singlehtml: use the html visitors of nodes that registered none of their own.

    Sphinx looks up node visitors by builder name and falls back to the format ("html") only
    when no extension registered anything for "singlehtml". sphinx-exercise does, so nodes
    that registered for "html" alone (myst-nb's hidden-input cells) would have no visitor in the
    printable edition.
    """
    if app.builder.name != "singlehtml":
        return
    handlers = app.registry.translation_handlers
    single = handlers.setdefault("singlehtml", {})
    for node_name, visitors in handlers.get("html", {}).items():
        single.setdefault(node_name, visitors)


def setup(app: Sphinx) -> dict[str, Any]:
    edition()  # fail early on a misspelt edition
    app.connect("builder-inited", share_html_handlers)
    app.add_node(
        course_map_image,
        html=(visit_course_map_html, None),
        latex=(visit_course_map_other, None),
        text=(visit_course_map_other, None),
        man=(visit_course_map_other, None),
        texinfo=(visit_course_map_other, None),
    )
    app.add_directive("course-map", CourseMap)
    app.add_directive("chapter-table", ChapterTable)
    app.add_role("course-minutes", CourseMinutes())
    app.add_directive("course-citation", CourseCitation)
    app.connect("config-inited", apply_edition)
    app.connect("source-read", strip_solution_cells)
    app.connect("doctree-read", mark_first_chapter)
    app.connect("html-page-context", print_title)
    app.connect("html-page-context", keep_answers_out_of_sources, priority=900)
    app.add_post_transform(UnlinkOutsideThePrint)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}

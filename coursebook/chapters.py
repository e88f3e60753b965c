"""The chapters' own frames and what the instructor guide shows about them.

- ``{chapter-frame}``: a chapter's learning objectives, prerequisites, times and notebooks,
  from its front matter and the table of contents (the course model), so those facts are written
  once.
- ``{chapter-table}`` with an optional ``:tier:``: one row per chapter with its objectives,
  reading and notebook minutes and what to read first, from the same front matter. Change a
  chapter's front matter and the guide changes with it on the next build.
- ``{course-minutes}`TIER``: the total reading and notebook time of a tier (or ``all``), for
  schedules that stay true when a chapter's times change.
- ``{course-citation}``: how to cite the course, from CITATION.cff and the package version
  (``bonelab.__version__``, the one place the version is written).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxRole

import bonelab
from coursebook.model import TIERS, Chapter, check_chapter_meta, front_matter
from coursebook.sphinxutil import chapters_for


class ChapterFrame(SphinxDirective):
    """Objectives, prerequisites and time for the current chapter, from its front matter."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        path = Path(self.env.doc2path(self.env.docname))
        meta = front_matter(path)
        try:
            chapter = next((c for c in chapters_for(self) if c.docname == self.env.docname), None)
        except ValueError:
            chapter = None  # the frame's own check below names what is wrong with this page
        notebooks = chapter.notebooks if chapter else None
        problems = check_chapter_meta(meta, notebooks)
        if problems:
            raise self.error(f"chapter front matter of {path.name}: " + "; ".join(problems))
        reading, notebook_minutes = meta["reading_minutes"], meta["notebook_minutes"]
        time = f"about {reading} min reading"
        if notebook_minutes:
            time += f" and {notebook_minutes} min in the notebook"
        lines = [f"**Time:** {time}.", ""]
        prerequisites = meta.get("prerequisites", [])
        if prerequisites:
            links = ", ".join(f"{{doc}}`/{p}`" for p in prerequisites)
            lines += [f"**Read first:** {links}.", ""]
        else:
            lines += ["**Read first:** nothing; this is a starting point.", ""]
        if notebooks:
            links = ", ".join(f"{{doc}}`/{notebook}`" for notebook in notebooks)
            lines += [f"**Notebook:** {links}.", ""]
        lines += ["**By the end of this chapter you can:**", ""]
        lines += [f"- {objective.strip()}" for objective in meta["objectives"]]
        frame = nodes.admonition(classes=["chapter-frame"])
        frame += nodes.title(text="Before you start")
        self.state.nested_parse(StringList(lines, source=str(path)), self.content_offset, frame)
        return [frame]


def _minutes(value: int) -> str:
    hours, minutes = divmod(value, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h" + (f" {minutes:02d} min" if minutes else "")


def tier_totals(chapters: list[Chapter], tier: str | None) -> tuple[int, int, int]:
    """(chapters, reading minutes, notebook minutes) for a tier, or the whole course."""
    chosen = [c for c in chapters if tier in (None, c.tier)]
    return (
        len(chosen),
        sum(c.reading_minutes for c in chosen),
        sum(c.notebook_minutes for c in chosen),
    )


class ChapterTable(SphinxDirective):
    """``{chapter-table}``: objectives, times and prerequisites of each chapter of a tier."""

    has_content = False
    option_spec = {"tier": lambda arg: directives.choice(arg, TIERS)}

    def _cell(self, lines: list[str]) -> nodes.entry:
        entry = nodes.entry()
        self.state.nested_parse(
            StringList(lines, source=self.env.docname), self.content_offset, entry
        )
        return entry

    def run(self) -> list[nodes.Node]:
        try:
            chapters = chapters_for(self)
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
            row = nodes.row(
                ids=[nodes.make_id("chapter-row-" + chapter.docname)], classes=["chapter-row"]
            )
            chapter_lines = [f"{{doc}}`{chapter.title} </{chapter.docname}>`"]
            for notebook in chapter.notebooks:
                chapter_lines += ["", f"Notebook: {{doc}}`/{notebook}`"]
            row += self._cell(chapter_lines)
            row += self._cell([f"- {objective}" for objective in chapter.objectives])
            minutes = [f"{chapter.reading_minutes} reading"]
            if chapter.notebook_minutes:
                minutes += ["", f"{chapter.notebook_minutes} notebook"]
            row += self._cell(minutes)
            if chapter.prerequisites:
                row += self._cell([f"- {{doc}}`{titles[p]} </{p}>`" for p in chapter.prerequisites])
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
            chapters = chapters_for(self)
        except ValueError as err:
            message = self.inliner.reporter.error(f"course-minutes: {err}", line=self.lineno)
            return [], [message]
        count, reading, notebook = tier_totals(chapters, None if tier == "all" else tier)
        text = (
            f"{count} chapters, {_minutes(reading)} of reading and {_minutes(notebook)} "
            f"in the notebooks"
        )
        return [nodes.inline(text=text, classes=["course-minutes"])], []


def _authors(cff: dict[str, Any]) -> list[str]:
    names = []
    for author in cff.get("authors", []):
        if "name" in author:
            names.append(str(author["name"]))
        else:
            names.append(
                " ".join(str(author[k]) for k in ("given-names", "family-names") if k in author)
            )
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
        url = (
            cff.get("url")
            or cff.get("repository-code")
            or (self.config.html_theme_options or {}).get("repository_url", "")
        )
        title, version = cff.get("title", self.config.project), bonelab.__version__
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
        self.state.nested_parse(
            StringList([text], source=str(path)), self.content_offset, container
        )
        block = nodes.literal_block("\n".join(bibtex), "\n".join(bibtex), language="bibtex")
        container += block
        return [container]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("chapter-frame", ChapterFrame)
    app.add_directive("chapter-table", ChapterTable)
    app.add_role("course-minutes", CourseMinutes())
    app.add_directive("course-citation", CourseCitation)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""The course's own Sphinx directives and small HTML improvements.

- ``{chapter-frame}``: renders a chapter's learning objectives, prerequisites and times from its
  front matter, so those facts are written once (the instructor guide reads the same front
  matter).
- ``{evidence} LEVEL``: an evidence label on a contested claim. LEVEL is one of
  ``well supported``, ``mixed``, ``weak``, ``contradicted``; anything else fails the build.
- Glossary links get the term's definition as a tooltip (``title``), so a reader can check a term
  on hover without leaving the page.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

EVIDENCE_LEVELS = ("well supported", "mixed", "weak", "contradicted")
TIERS = ("fundamentals", "intermediate", "academic", "reflection")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def toc_files(root: Path) -> list[str]:
    """Every page of the book in reading order (the root page first), as listed in _toc.yml."""
    toc = yaml.safe_load((Path(root) / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", []):
        for chapter in part.get("chapters", []):
            files.append(chapter["file"])
            files += [section["file"] for section in chapter.get("sections", [])]
    return files


def front_matter(path: Path) -> dict[str, Any]:
    """The YAML front matter of a MyST page ({} when it has none)."""
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        return {}
    data = yaml.safe_load(match.group(1)) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: front matter is not a mapping")
    return data


def check_chapter_meta(meta: dict[str, Any]) -> list[str]:
    """What is wrong with a chapter's front matter (empty when it is complete)."""
    problems = []
    if meta.get("tier") not in TIERS:
        problems.append(f"tier must be one of {', '.join(TIERS)}, got {meta.get('tier')!r}")
    for key in ("reading_minutes", "notebook_minutes"):
        value = meta.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(f"{key} must be a whole number of minutes, got {value!r}")
    objectives = meta.get("objectives")
    if not isinstance(objectives, list) or not objectives or not all(
        isinstance(o, str) and o.strip() for o in objectives
    ):
        problems.append("objectives must be a non-empty list of sentences")
    prerequisites = meta.get("prerequisites", [])
    if not isinstance(prerequisites, list) or not all(isinstance(p, str) for p in prerequisites):
        problems.append("prerequisites must be a list of page paths")
    if meta.get("notebook_minutes") and not meta.get("notebook"):
        problems.append("notebook_minutes is set but no notebook is named")
    return problems


class ChapterFrame(SphinxDirective):
    """Objectives, prerequisites and time for the current chapter, from its front matter."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        path = Path(self.env.doc2path(self.env.docname))
        meta = front_matter(path)
        problems = check_chapter_meta(meta)
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
        if meta.get("notebook"):
            lines += [f"**Notebook:** {{doc}}`/{meta['notebook']}`.", ""]
        lines += ["**By the end of this chapter you can:**", ""]
        lines += [f"- {objective.strip()}" for objective in meta["objectives"]]
        frame = nodes.admonition(classes=["chapter-frame"])
        frame += nodes.title(text="Before you start")
        self.state.nested_parse(StringList(lines, source=str(path)), self.content_offset, frame)
        return [frame]


class Evidence(SphinxDirective):
    """An evidence label: how well the claim in the body is supported, and why."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        level = " ".join(self.arguments[0].split()).lower()
        if level not in EVIDENCE_LEVELS:
            raise self.error(
                f"evidence level must be one of: {', '.join(EVIDENCE_LEVELS)}; got {level!r}"
            )
        if not self.content:
            raise self.error("an evidence label needs its reason and citation in the body")
        box = nodes.admonition(classes=["evidence", "evidence-" + level.replace(" ", "-")])
        box += nodes.title(text=f"Evidence: {level}")
        self.state.nested_parse(self.content, self.content_offset, box)
        return [box]


def _first_sentence(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def collect_definitions(app: Sphinx, doctree: nodes.document) -> None:
    """Remember each glossary term's first sentence, for tooltips on links to it."""
    store = app.env.__dict__.setdefault("course_term_definitions", {})
    for glossary in doctree.findall(lambda n: isinstance(n, nodes.Element) and "glossary" in n.get("classes", [])):
        for item in glossary.findall(nodes.definition_list_item):
            terms = [t for t in item.findall(nodes.term)]
            definition = next(iter(item.findall(nodes.definition)), None)
            if not terms or definition is None:
                continue
            store[terms[0].astext().strip().lower()] = (
                app.env.docname,
                _first_sentence(definition.astext()),
            )


def purge_definitions(app: Sphinx, env: Any, docname: str) -> None:
    store = env.__dict__.get("course_term_definitions", {})
    for term in [t for t, (doc, _) in store.items() if doc == docname]:
        del store[term]


def merge_definitions(app: Sphinx, env: Any, docnames: set[str], other: Any) -> None:
    env.__dict__.setdefault("course_term_definitions", {}).update(
        other.__dict__.get("course_term_definitions", {})
    )


def add_term_tooltips(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    store = app.env.__dict__.get("course_term_definitions", {})
    for ref in doctree.findall(nodes.reference):
        inline = next(iter(ref.findall(nodes.inline)), None)
        if inline is None or "std-term" not in inline.get("classes", []):
            continue
        anchor = ref.get("refuri", "").rsplit("#term-", 1)
        if len(anchor) != 2:
            continue
        # Sphinx makes the anchor from the term with spaces turned into hyphens.
        for term, (_, sentence) in store.items():
            if nodes.make_id("term-" + term) == nodes.make_id("term-" + anchor[1]):
                ref["reftitle"] = sentence
                break


def slim_theme_stylesheet(app: Sphinx, exception: Exception | None) -> None:
    """After an HTML build, drop the rules of icons no page uses from the theme's stylesheet.

    The stylesheet blocks the first paint of every page; its 1,900 per-icon rules are a third of
    it. The trimming lives in tools/theme_assets.py.
    """
    if exception is not None or app.builder.format != "html":
        return
    import sys

    tools = str(Path(app.srcdir) / "tools")
    if tools not in sys.path:
        sys.path.insert(0, tools)
    import theme_assets

    theme_assets.slim_built_stylesheet(Path(app.outdir))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("chapter-frame", ChapterFrame)
    app.add_directive("evidence", Evidence)
    app.connect("doctree-read", collect_definitions)
    app.connect("env-purge-doc", purge_definitions)
    app.connect("env-merge-info", merge_definitions)
    app.connect("doctree-resolved", add_term_tooltips)
    app.add_css_file("course.css")
    app.connect("build-finished", slim_theme_stylesheet)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}

"""The course model: its pages, chapters and notebooks, read once from the table of contents.

``_toc.yml`` is read with sphinx-external-toc's own parser (the one Jupyter Book uses to build
the book), so the course model and the built book can never disagree about what is in the book
or in what order. A chapter is a Markdown page whose front matter names a ``tier``; its
notebooks are the pages nested under it in ``_toc.yml``. The chapter's other facts (objectives,
prerequisites, minutes) are its front matter, written once and shown by the chapter frame, the
course map, the instructor guide's tables and the printable edition.

A notebook belongs to the chapter it is nested under, and to no other: that is written once, in
``_toc.yml``, so the front matter must not name it again (a ``notebook`` key is refused).

The prerequisites form a directed graph, handled by networkx: cycle detection and the
transitive reduction that the course map draws.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
import yaml
from sphinx_external_toc.parsing import parse_toc_yaml

ROOT = Path(__file__).resolve().parent.parent
TIERS = ("fundamentals", "intermediate", "academic", "reflection")
TIER_NAMES = {
    "fundamentals": "Fundamentals",
    "intermediate": "Intermediate",
    "academic": "Academic",
    "reflection": "Reflection",
}
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


@dataclass(frozen=True)
class Page:
    """One entry of the table of contents: its docname and the pages nested under it."""

    docname: str
    children: tuple[str, ...]


def toc_pages(toc_path: Path | str = ROOT / "_toc.yml") -> list[Page]:
    """Every page of the book in reading order (the root first), with its nested pages."""
    site_map = parse_toc_yaml(str(toc_path))
    pages: list[Page] = []

    def walk(docname: str) -> None:
        children = [str(item) for tree in site_map[docname].subtrees for item in tree.files()]
        if docname != site_map.root.docname:
            pages.append(Page(docname, tuple(children)))
        for child in children:
            walk(child)

    pages.append(Page(site_map.root.docname, ()))
    walk(site_map.root.docname)
    return pages


def toc_files(toc_path: Path | str = ROOT / "_toc.yml") -> list[str]:
    """Every docname of the book in reading order, as listed in ``_toc.yml``."""
    return [page.docname for page in toc_pages(toc_path)]


def front_matter(path: Path) -> dict[str, Any]:
    """The YAML front matter of a MyST page ({} when it has none)."""
    match = _FRONT_MATTER.match(Path(path).read_text(encoding="utf-8"))
    if not match:
        return {}
    data = yaml.safe_load(match.group(1)) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: front matter is not a mapping")
    return data


def check_chapter_meta(meta: dict[str, Any], notebooks: tuple[str, ...] | None = None) -> list[str]:
    """What is wrong with a chapter's front matter (empty when it is complete).

    ``notebooks`` are the chapter's notebooks from the table of contents, when known.
    """
    problems = []
    if meta.get("tier") not in TIERS:
        problems.append(f"tier must be one of {', '.join(TIERS)}, got {meta.get('tier')!r}")
    for key in ("reading_minutes", "notebook_minutes"):
        value = meta.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(f"{key} must be a whole number of minutes, got {value!r}")
    objectives = meta.get("objectives")
    if (
        not isinstance(objectives, list)
        or not objectives
        or not all(isinstance(o, str) and o.strip() for o in objectives)
    ):
        problems.append("objectives must be a non-empty list of sentences")
    prerequisites = meta.get("prerequisites", [])
    if not isinstance(prerequisites, list) or not all(isinstance(p, str) for p in prerequisites):
        problems.append("prerequisites must be a list of page paths")
    if "notebook" in meta:
        problems.append(
            "the front matter names a notebook: nest the notebook under its chapter in _toc.yml "
            "instead (the table of contents is the one place that says which notebook is whose)"
        )
    if meta.get("notebook_minutes") and notebooks is not None and not notebooks:
        problems.append("notebook_minutes is set but the chapter has no notebook nested under it")
    return problems


@dataclass(frozen=True)
class Chapter:
    docname: str
    title: str
    tier: str
    reading_minutes: int
    notebook_minutes: int
    notebooks: tuple[str, ...]
    prerequisites: tuple[str, ...]
    objectives: tuple[str, ...]
    path: Path

    @property
    def notebook(self) -> str | None:
        """The chapter's first notebook (None when it has none)."""
        return self.notebooks[0] if self.notebooks else None


def page_title(path: Path) -> str:
    """The page's first level-one heading (its file name when it has none)."""
    text = path.read_text(encoding="utf-8")
    body = text.split("\n---", 2)[-1] if text.startswith("---") else text
    match = _HEADING.search(body)
    return match.group(1).strip() if match else path.stem.replace("-", " ").capitalize()


def _is_notebook(srcdir: Path, docname: str) -> bool:
    return (srcdir / f"{docname}.ipynb").is_file()


def chapter_notebooks(srcdir: Path, pages: list[Page]) -> dict[str, tuple[str, ...]]:
    """Chapter docname -> its notebooks: the notebooks nested under it in the table of contents."""
    chapters = {}
    for page in pages:
        path = srcdir / f"{page.docname}.md"
        if path.is_file() and "tier" in front_matter(path):
            chapters[page.docname] = tuple(c for c in page.children if _is_notebook(srcdir, c))
    return chapters


@cache
def _chapters(srcdir: Path, toc_path: Path, stamp: tuple[int, ...]) -> tuple[Chapter, ...]:
    pages = toc_pages(toc_path)
    notebooks = chapter_notebooks(srcdir, pages)
    chapters = []
    for page in pages:
        path = srcdir / f"{page.docname}.md"
        if page.docname not in notebooks:
            continue
        meta = front_matter(path)
        problems = check_chapter_meta(meta, notebooks[page.docname])
        if problems:
            raise ValueError(f"{page.docname}: " + "; ".join(problems))
        chapters.append(
            Chapter(
                docname=page.docname,
                title=page_title(path),
                tier=meta["tier"],
                reading_minutes=meta["reading_minutes"],
                notebook_minutes=meta["notebook_minutes"],
                notebooks=notebooks[page.docname],
                prerequisites=tuple(meta.get("prerequisites") or ()),
                objectives=tuple(o.strip() for o in meta["objectives"]),
                path=path,
            )
        )
    prerequisite_graph(chapters)  # raises on an unknown prerequisite or a cycle
    return tuple(chapters)


def course_chapters(srcdir: Path | str = ROOT, toc_path: Path | str | None = None) -> list[Chapter]:
    """The chapters of the book, in reading order.

    Raises ValueError naming the page when a chapter's front matter is incomplete, a
    prerequisite is not a chapter of the book, or the prerequisites form a cycle.
    """
    srcdir = Path(srcdir).resolve()
    toc_path = Path(toc_path).resolve() if toc_path else srcdir / "_toc.yml"
    files = [toc_path, *sorted(srcdir.glob("book/**/*.md"))]
    stamp = tuple(f.stat().st_mtime_ns for f in files if f.is_file())
    return list(_chapters(srcdir, toc_path, stamp))


def prerequisite_graph(chapters: list[Chapter]) -> nx.DiGraph:
    """The graph of prerequisite -> chapter, checked: every node a chapter, no cycle."""
    graph = nx.DiGraph()
    graph.add_nodes_from(c.docname for c in chapters)
    for chapter in chapters:
        for prerequisite in chapter.prerequisites:
            if prerequisite not in graph:
                raise ValueError(
                    f"{chapter.docname}: prerequisite {prerequisite!r} is not a chapter in the "
                    "table of contents"
                )
            graph.add_edge(prerequisite, chapter.docname)
    try:
        cycle = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return graph
    path = [a for a, _ in cycle] + [cycle[0][0]]
    raise ValueError("prerequisites form a cycle: " + " -> ".join(path))


def map_edges(chapters: list[Chapter]) -> list[tuple[str, str]]:
    """The arrows of the map (prerequisite, chapter): declared prerequisites minus those implied
    by a longer path (the transitive reduction, unique for an acyclic graph), in reading order."""
    reduced = nx.transitive_reduction(prerequisite_graph(chapters))
    return [
        (p, c.docname) for c in chapters for p in c.prerequisites if reduced.has_edge(p, c.docname)
    ]

"""The book's editions, from one source.

Editions (one source, chosen by the environment variable ``BONELAB_EDITION``):

- ``learner`` (default, ``make book``): answers to the self-checks in dropdowns, the notebooks'
  worked solutions folded the same way, every option of a multiple-choice question explained.
- ``student`` (built by ``make book`` into ``student/`` inside the site, or alone by
  ``make book-student``): sphinx-exercise's ``hide_solutions`` removes every ``{solution}``
  while the pages are parsed (so not even the search index holds them), as coursebook.quiz does
  with the explanations of multiple-choice questions; the notebooks' worked solutions are removed
  from the pages, and from the ``.ipynb`` downloads, which leave an empty cell for the student's
  own working instead; notebook pages have no Binder or Colab button (those open the
  repository's notebooks, solutions included); chapter sources are not copied into the site
  (their "download source" file would contain the answers); the ``student_edition`` tag hides
  ``{only} not student_edition`` blocks such as the marking notes in the instructor guide;
  ``{{ edition_answers }}`` says what the self-checks offer; every page title says "student
  edition".
- ``print`` (``make print``): as ``student``, built with the singlehtml builder from a small
  table of contents per tier (coursebook/print_edition.py). Links to pages outside that tier become
  plain text, since they cannot be followed on paper anyway.

Why an environment variable: Jupyter Book 1 has no command-line switch for one Sphinx setting,
and a second ``_config.yml`` would drift from the first. The variable is read once, in
``config-inited``, before any page is read.

Which cells of a notebook are its worked solutions, and the notebook without them, is
:mod:`coursebook.notebook_solutions`.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from coursebook.model import TIER_NAMES, TIERS
from coursebook.notebook_solutions import SOLUTION_CELL, student_notebook
from coursebook.sphinxutil import chapters_for

EDITION_VARIABLE = "BONELAB_EDITION"
EDITIONS = ("learner", "student", "print")


def edition() -> str:
    """The edition being built: ``learner`` unless ``BONELAB_EDITION`` says otherwise."""
    value = os.environ.get(EDITION_VARIABLE, "").strip().lower() or "learner"
    if value not in EDITIONS:
        raise ExtensionError(
            f"{EDITION_VARIABLE}={value!r} is not an edition; use one of {', '.join(EDITIONS)}"
        )
    return value


# What a page may say about the self-check answers, by edition: `{{ edition_answers }}` in MyST.
EDITION_ANSWERS = {
    "learner": "whose answers stay hidden until you click",
    "student": "to answer on your own",
}


def apply_edition(app: Sphinx, config: Config) -> None:
    current = edition()
    app.tags.add(f"{current}_edition")
    config.myst_substitutions = {
        **(config.myst_substitutions or {}),
        "edition_answers": EDITION_ANSWERS["learner" if current == "learner" else "student"],
    }
    if current == "learner":
        return
    app.tags.add("student_edition")
    config.hide_solutions = True
    if current == "student":
        config.html_title = f"{config.html_title} (student edition)"
    else:
        part = os.environ.get("BONELAB_PRINT_TITLE", "").strip()
        config.html_title = (
            f"{config.html_title}: {part} (printable)"
            if part
            else f"{config.html_title} (printable)"
        )
    options = dict(config.html_theme_options or {})
    # Binder and Colab open the repository's notebooks, worked solutions included: the student
    # edition offers its own download (student_notebook_downloads) instead.
    options["launch_buttons"] = {}
    if current == "print":
        # Paper has no use for download buttons either.
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


def print_title(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Print edition: the theme's print header names the course and tier, not chapter one."""
    if edition() == "print":
        context["pagetitle"] = app.config.html_title


class StudentEditionLinks(SphinxDirective):
    """``{student-edition-links}``: each chapter's page in the student edition, tier by tier.

    From the course model (the table of contents and the chapters' front matter), so the list
    follows the book. In the learner edition the links lead into ``student/``, where `make book`
    puts the student edition; in the student edition they lead to its own pages.
    """

    has_content = False

    def run(self) -> list[nodes.Node]:
        try:
            chapters = chapters_for(self)
        except ValueError as err:
            raise self.error(f"student edition links: {err}") from None
        depth = self.env.docname.count("/")
        prefix = "../" * depth + ("student/" if edition() == "learner" else "")
        found: list[nodes.Node] = []
        for tier in TIERS:
            chosen = [c for c in chapters if c.tier == tier]
            if not chosen:
                continue
            found.append(nodes.paragraph("", "", nodes.strong("", TIER_NAMES[tier])))
            items = nodes.bullet_list(classes=["student-edition-links"])
            for chapter in chosen:
                uri = f"{prefix}{chapter.docname}.html"
                link = nodes.reference("", chapter.title, refuri=uri, internal=True)
                items += nodes.list_item("", nodes.paragraph("", "", link))
            found.append(items)
        return found


class NotebookSolutions(SphinxTransform):
    """A notebook's worked solutions: folded in the learner edition, removed in the others.

    A worked solution is the run that starts at a "**Solution.**" paragraph and ends at the next
    heading (the end of its section), and any code cell tagged ``solution``. The learner edition
    puts each in an admonition with the ``dropdown`` class, which the theme's toggle script keeps
    closed until the reader opens it, like the chapters' solutions. The student and print
    editions drop them from the page before it is indexed. Working on the parsed page leaves the
    notebook itself unchanged, so every edition reads the same execution cache.
    """

    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        if not str(self.env.doc2path(self.env.docname)).endswith(".ipynb"):
            return
        learner = edition() == "learner"
        starts = [
            p
            for p in self.document.findall(nodes.paragraph)
            if SOLUTION_CELL.match(p.astext()) and isinstance(p.parent, nodes.section)
        ]
        for start in starts:
            section = start.parent
            first = section.index(start)
            last = first + 1
            while last < len(section) and not isinstance(section[last], nodes.section):
                last += 1
            run = section.children[first:last]
            for node in run:
                section.remove(node)
            if learner:
                section.insert(first, self.folded(run))
        tagged = [
            n
            for n in self.document.findall(nodes.container)
            if "tag_solution" in n["classes"]
            and n.parent is not None
            and "notebook-solution" not in n.parent.get("classes", [])
        ]
        for cell in tagged:
            if learner:
                cell.replace_self(self.folded([cell.deepcopy()]))
            else:
                cell.parent.remove(cell)

    @staticmethod
    def folded(run: list[nodes.Node]) -> nodes.admonition:
        box = nodes.admonition(classes=["dropdown", "notebook-solution"])
        box += nodes.title("", "Solution")
        box.extend(run)
        return box


def student_notebook_downloads(app: Sphinx, exception: Exception | None) -> None:
    """Student edition: the notebooks offered for download hold no worked solution."""
    if exception is not None or edition() == "learner" or app.builder.format != "html":
        return
    sources = Path(app.outdir) / "_sources"
    for docname in app.env.found_docs:
        path = Path(app.env.doc2path(docname))
        target = sources / f"{docname}.ipynb"
        if path.suffix == ".ipynb" and target.is_file():
            target.write_text(student_notebook(path.read_text(encoding="utf-8")), encoding="utf-8")


def keep_answers_out_of_sources(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Student edition: no copy of a Markdown page's source (it holds the answers).

    Runs after the theme has built its header buttons: drops the "download source" entry of
    Markdown pages and clears ``sourcename`` so Sphinx does not copy the file. Notebooks keep
    their .ipynb download: it is the repository's notebook, the same one Binder and Colab open.
    """
    if edition() == "learner" or not context.get("sourcename", "").endswith(".md"):
        return
    for group in context.get("header_buttons", []):
        if group.get("label") == "download-buttons":
            group["buttons"] = [
                b for b in group["buttons"] if b.get("label") != "download-source-button"
            ]
    context["header_buttons"] = [
        g
        for g in context.get("header_buttons", [])
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
    app.connect("config-inited", apply_edition)
    app.connect("doctree-read", mark_first_chapter)
    app.connect("html-page-context", print_title)
    app.connect("html-page-context", keep_answers_out_of_sources, priority=900)
    app.add_post_transform(UnlinkOutsideThePrint)
    app.add_transform(NotebookSolutions)
    app.add_directive("student-edition-links", StudentEditionLinks)
    app.connect("build-finished", student_notebook_downloads)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""The book's editions, from one source.

Editions (one source, chosen by the environment variable ``BONELAB_EDITION``):

- ``learner`` (default, ``make book``): answers to the self-checks in dropdowns.
- ``student`` (``make book-student``): sphinx-exercise's ``hide_solutions`` removes every
  ``{solution}`` while the pages are parsed (so not even the search index holds them); notebook
  cells that hold a worked solution are removed from the pages; chapter sources are not copied
  into the site (their "download source" file would contain the answers); the ``student_edition``
  tag hides ``{only} not student_edition`` blocks such as the marking notes in the instructor
  guide; every page title says "student edition".
- ``print`` (``make print``): as ``student``, built with the singlehtml builder from a small
  table of contents per tier (coursebook/print_edition.py). Links to pages outside that tier become
  plain text, since they cannot be followed on paper anyway.

Why an environment variable: Jupyter Book 1 has no command-line switch for one Sphinx setting,
and a second ``_config.yml`` would drift from the first. The variable is read once, in
``config-inited``, before any page is read.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError
from sphinx.transforms.post_transforms import SphinxPostTransform

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
        config.html_title = (
            f"{config.html_title}: {part} (printable)"
            if part
            else f"{config.html_title} (printable)"
        )
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


def print_title(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Print edition: the theme's print header names the course and tier, not chapter one."""
    if edition() == "print":
        context["pagetitle"] = app.config.html_title


def strip_solution_cells(app: Sphinx, docname: str, source: list[str]) -> None:
    if edition() == "learner" or not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    source[0] = hide_notebook_solutions(source[0])


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
    app.connect("source-read", strip_solution_cells)
    app.connect("doctree-read", mark_first_chapter)
    app.connect("html-page-context", print_title)
    app.connect("html-page-context", keep_answers_out_of_sources, priority=900)
    app.add_post_transform(UnlinkOutsideThePrint)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

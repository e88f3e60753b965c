"""Which pages are notebooks, for the sidebar (_templates/sbt-sidebar-nav.html).

Each notebook sits under its chapter in _toc.yml; the sidebar marks it as the chapter's notebook
with a visible "Notebook" label that is also part of the link's accessible name, so a reader
(and a screen reader) can tell the chapter's text from its notebook before opening either.
The template reads ``course_notebooks``: the docnames whose source is a Jupyter notebook.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def notebook_docnames(app: Sphinx) -> list[str]:
    """The documents built from .ipynb files, in name order."""
    env = app.env
    return sorted(name for name in env.found_docs if str(env.doc2path(name)).endswith(".ipynb"))


def add_notebooks(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    context["course_notebooks"] = notebook_docnames(app)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("html-page-context", add_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""The ``{explorable}`` directive and the hooks that ship the figures' script and stylesheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from coursebook.explorable.catalogue import build
from coursebook.explorable.page import STATIC, render_html


class ExplorableDirective(SphinxDirective):
    """``{explorable} <name>``: the figure, then the body (caption and what to try)."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        try:
            figure = build(name)
        except ValueError as error:
            raise self.error(str(error)) from None
        uid = f"xp-{name}"
        before, after = render_html(figure, uid)
        box = nodes.container(classes=["explorable"], ids=[uid])
        box += nodes.raw("", before, format="html")
        notes = nodes.container(classes=["xp-notes"])
        self.state.nested_parse(self.content, self.content_offset, notes)
        box += notes
        box += nodes.raw("", after, format="html")
        return [box]


def add_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Point the figure's script and stylesheet, written in the page body, at _static.

    They sit in the body of the pages that hold an explorable, and only there; the path to
    _static depends on the page's place in the output, known only now.
    """
    body = context.get("body")
    if body and STATIC in body:
        context["body"] = body.replace(STATIC, context["pathto"]("_static", 1))


def add_static_path(app: Sphinx, config: Any) -> None:
    """Ship coursebook/static (the script and stylesheet) with the site.

    Not in the book's _static: Jupyter Book links every stylesheet and script found there from
    every page, and these serve only the pages that hold an explorable.
    """
    config.html_static_path.append(str(Path(__file__).parent.parent / "static"))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("explorable", ExplorableDirective)
    app.connect("config-inited", add_static_path)
    app.connect("html-page-context", add_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

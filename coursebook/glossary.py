"""Glossary terms show their definition in place: on hover, on tap, and from the keyboard.

The build gives each link to a glossary entry the first sentence of the entry's definition as
its ``title`` (a hover tooltip; Sphinx's glossary has no such option). On each page with such
links, glossary_static/term-tips.js turns every one into a toggletip: a button with the term's
text (``aria-expanded``, ``aria-controls``) that opens the definition in a box right after it in
the page, with a link on to the glossary entry. Tap, click, Enter or Space toggle it; Escape
closes it. The script and its stylesheet (light and dark through the theme's colours) are sent
only to pages with glossary links; without the script the link and its tooltip remain.
tests/browser/test_glossary_tips.py checks it in Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx


def _first_sentence(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def collect_definitions(app: Sphinx, doctree: nodes.document) -> None:
    """Remember each glossary term's first sentence, for tooltips on links to it."""
    store = app.env.__dict__.setdefault("course_term_definitions", {})
    for glossary in doctree.findall(
        lambda n: isinstance(n, nodes.Element) and "glossary" in n.get("classes", [])
    ):
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


STATIC = Path(__file__).with_name("glossary_static")


def add_static_path(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))


def add_term_tips(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Send the toggletip script and styles to the pages that link a glossary term."""
    if doctree is None:
        return
    for ref in doctree.findall(nodes.reference):
        if ref.get("reftitle") and "#term-" in ref.get("refuri", ""):
            app.add_css_file("term-tips.css")
            app.add_js_file("term-tips.js", loading_method="defer")
            return


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", add_static_path)
    app.connect("html-page-context", add_term_tips)
    app.connect("doctree-read", collect_definitions)
    app.connect("env-purge-doc", purge_definitions)
    app.connect("env-merge-info", merge_definitions)
    app.connect("doctree-resolved", add_term_tooltips)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

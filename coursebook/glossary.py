"""Glossary links carry the term's definition as a tooltip (``title``), so a reader can check a
term on hover without leaving the page. Sphinx's glossary has no such option, hence this."""

from __future__ import annotations

import re
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


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("doctree-read", collect_definitions)
    app.connect("env-purge-doc", purge_definitions)
    app.connect("env-merge-info", merge_definitions)
    app.connect("doctree-resolved", add_term_tooltips)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

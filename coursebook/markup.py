"""Repairs to the HTML that upstream packages write, applied to each page as it is written.

The W3C Nu HTML Checker, HTML_CodeSniffer and axe (tests/test_validators.py,
tests/browser/test_a11y.py) check every built page; these are the faults they found in markup
the course does not write itself. Each repair is narrow (it matches the exact markup of the
pinned release and nothing else), names the upstream problem, and is checked by
tests/test_theme_overrides.py, which fails when an upgrade changes the markup and a repair stops
applying (then check whether upstream fixed it, and delete the repair).

On the page body (Sphinx's ``html-page-context`` event, before the theme renders the page):

- sphinx-exercise 1.2.1 gives the body of every exercise and solution the same hard-coded id,
  ``<section id="exercise-content">`` / ``"solution-content"`` (sphinx_exercise/directive.py and
  transforms.py: ``nodes.section(ids=["exercise-content"])``), so a chapter with five exercises
  repeats one id five times (Nu: "Duplicate ID"; WCAG 4.1.1, HTML_CodeSniffer F77); unchanged on
  its main branch, no upstream issue found. Nothing links to them; each gets a number of its own.
- myst-nb 1.4.0 writes the label of a hidden code cell as two ``<p>`` inside ``<summary>``
  (myst_nb/sphinx_.py, visit_HideCellInput, since executablebooks/MyST-NB#656), and a summary
  may hold only phrasing content (Nu: "Element p not allowed as child of element summary").
  They become ``<span>`` with the same classes; course.css gives them the rules myst-nb's
  stylesheet gives the paragraphs. The same visitor labels the summary
  aria-label="Toggle hidden content", a name without the visible words (WCAG 2.5.3, axe:
  label-content-name-mismatch): dropped, so the summary is named by what it shows.
- docutils 0.21 marks the bibliography <div role="list"> and each entry
  role="doc-biblioentry", a role that ARIA 1.2 deprecates and that is not a list item, so screen
  readers are told of a list with no items (axe: aria-required-children). Each entry becomes a
  list item.
- pandas' ``to_html`` leaves the corner above the index, and the index-name row, as empty
  ``<th>`` cells: headers that name nothing (axe: empty-table-header); they become plain cells.
- Images after the first load when the reader scrolls near them (``loading="lazy"``), so a
  notebook page with many figures does not spend a phone's bandwidth on figures below the fold
  (page weight; not in the one-page print edition, which is printed whole).

On the page's template context:

- sphinx-book-theme 1.3.0 prints ``<h1>{{ pagetitle }}</h1>`` at the top of every page for
  print (layout.html, #jb-print-docs-body), and Sphinx gives its generated pages (the index) no
  ``pagetitle``: an empty heading (HTML_CodeSniffer H42.2). They get their ``title``.

After the build (``build-finished``):

- sphinx-external-toc 1.1.0 writes the site's root index.html, the redirect to the landing
  page, as one bare ``<meta http-equiv="Refresh">`` (sphinx_external_toc/events.py,
  ensure_index_file, since executablebooks/sphinx-external-toc#21; #93 reports the same file's
  other fault, its address under dirhtml; no upstream issue found for this one): no doctype, no ``<html lang>``, no ``<title>`` (Nu: "Start tag seen without
  seeing a doctype first", "head is missing a required instance of child element title"). The
  course writes a complete one first, with a link for readers whose browser does not follow
  the refresh; sphinx-external-toc leaves an existing index.html alone. (Its bare page, left by
  an earlier build into the same folder, is replaced.)
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.locale import _


@dataclass(frozen=True)
class Repair:
    """One repair: what upstream writes (`marker`, a plain substring) and how it is changed."""

    name: str
    upstream: str
    marker: str
    apply: Callable[[str], str]


def _number_ids(kind: str) -> Callable[[str], str]:
    pattern = re.compile(rf'<section id="{kind}-content">')

    def apply(body: str) -> str:
        counter = iter(range(1, 10**6))
        return pattern.sub(lambda _: f'<section id="{kind}-content-{next(counter)}">', body)

    return apply


_HIDDEN_CELL_LABEL = re.compile(r'<p class="(collapsed|expanded) admonition-title">(.*?)</p>', re.S)


def _summary_spans(body: str) -> str:
    body = body.replace('<summary aria-label="Toggle hidden content">', "<summary>")
    return _HIDDEN_CELL_LABEL.sub(r'<span class="\1 admonition-title">\2</span>', body)


def _bibliography_items(body: str) -> str:
    return body.replace('class="citation" id=', 'role="listitem" class="citation" id=').replace(
        ' role="doc-biblioentry"', ""
    )


def _plain_empty_headers(body: str) -> str:
    return body.replace("<th></th>", "<td></td>")


REPAIRS = (
    Repair(
        "exercise ids",
        "sphinx-exercise 1.2.1: every exercise body is <section id=exercise-content>",
        '<section id="exercise-content">',
        _number_ids("exercise"),
    ),
    Repair(
        "solution ids",
        "sphinx-exercise 1.2.1: every solution body is <section id=solution-content>",
        '<section id="solution-content">',
        _number_ids("solution"),
    ),
    Repair(
        "hidden-cell labels",
        "myst-nb 1.4.0: <p> inside <summary>, and an aria-label without the visible words",
        '<p class="collapsed admonition-title">',
        _summary_spans,
    ),
    Repair(
        "bibliography list items",
        "docutils 0.21: citations marked role=doc-biblioentry inside role=list",
        ' role="doc-biblioentry"',
        _bibliography_items,
    ),
    Repair(
        "empty table headers",
        "pandas to_html: empty <th> above the index",
        "<th></th>",
        _plain_empty_headers,
    ),
)


def repair_body(body: str) -> str:
    """The page body with every repair applied.

    >>> repair_body('<section id="exercise-content"><p>a</p></section>'
    ...             '<section id="exercise-content"><p>b</p></section>')
    '<section id="exercise-content-1"><p>a</p></section><section id="exercise-content-2"><p>b</p></section>'
    >>> print(repair_body('<summary aria-label="Toggle hidden content">\\n'
    ...                   '<p class="collapsed admonition-title">Show code cell source</p>\\n'
    ...                   '<p class="expanded admonition-title">Hide code cell source</p>\\n'
    ...                   '</summary>'))
    <summary>
    <span class="collapsed admonition-title">Show code cell source</span>
    <span class="expanded admonition-title">Hide code cell source</span>
    </summary>
    """
    for repair in REPAIRS:
        if repair.marker in body:
            body = repair.apply(body)
    return body


def lazy_images(body: str) -> str:
    """Every image but the first loads lazily (unless it says how it loads).

    >>> lazy_images('<img src="a.png"/><img src="b.png"/><img loading="eager" src="c.png"/>')
    '<img src="a.png"/><img loading="lazy" src="b.png"/><img loading="eager" src="c.png"/>'
    """
    first, *rest = body.split("<img ")
    parts = [first]
    for index, part in enumerate(rest):
        tag = part.split(">", 1)[0]
        lazy = index > 0 and "loading=" not in tag
        parts.append(('<img loading="lazy" ' if lazy else "<img ") + part)
    return "".join(parts)


# Sphinx's generated pages, whose title only their template sets (genindex.html: "Index").
GENERATED_TITLES = {"genindex": _("Index"), "search": _("Search")}


def on_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    body = context.get("body")
    if body:
        body = repair_body(body)
        if app.builder.name != "singlehtml":
            body = lazy_images(body)
        context["body"] = body
    if not context.get("pagetitle"):
        title = context.get("title") or GENERATED_TITLES.get(pagename)
        if title:
            context["pagetitle"] = str(title)


REDIRECT = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta http-equiv="refresh" content="0; url={url}">
<link rel="canonical" href="{url}">
</head>
<body>
<p><a href="{url}">{title}</a></p>
</body>
</html>
"""


def redirect_page(title: str, url: str, lang: str = "en") -> str:
    """A complete, valid page that sends the reader on to `url`."""
    return REDIRECT.format(lang=html.escape(lang), title=html.escape(title), url=html.escape(url))


def write_root_redirect(app: Sphinx, exception: Exception | None) -> None:
    """The site's index.html, when the root document is not index (before sphinx-external-toc)."""
    if exception is not None or app.builder.name != "html" or app.config.root_doc == "index":
        return
    index = Path(app.outdir) / "index.html"
    if index.exists() and not index.read_text(encoding="utf-8").startswith("<meta "):
        return  # a page of the book's own, or the course's redirect from an earlier build
    target = app.builder.get_target_uri(app.config.root_doc)
    title = app.config.html_title or app.config.project
    index.write_text(redirect_page(title, target, app.config.language or "en"), encoding="utf-8")


STATIC = Path(__file__).parent / "static"


def add_static(app: Sphinx, config: Any) -> None:
    """The course's scripts that only some pages load (so Jupyter Book does not add them to all:
    it links every file in the book's _static folder on every page)."""
    config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", add_static)
    app.connect("html-page-context", on_page_context)
    # Before sphinx-external-toc's ensure_index_file (priority 500), which skips an existing file.
    app.connect("build-finished", write_root_redirect, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

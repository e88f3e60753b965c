"""Each theme override in _templates/ still applies: when a theme or docutils upgrade changes the
HTML an override rewrites, the override stops matching and its test says which one to revisit.

Each check reads the built site: the markup the override removes is gone from every page, and the
markup it puts in its place is there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from coursebook.model import toc_files

ROOT = Path(__file__).resolve().parent.parent
PAGES = [f"{name}.html" for name in toc_files(ROOT / "_toc.yml")]


@pytest.fixture(scope="module")
def pages(built_site) -> dict[str, str]:
    site, _ = built_site
    return {name: (site / name).read_text(encoding="utf-8") for name in PAGES}


def stale(pages: dict[str, str], text: str) -> list[str]:
    return [name for name, html in pages.items() if text in html]


def test_layout_links_basic_css_instead_of_the_theme_s_import(pages):
    left = stale(pages, "_static/styles/theme.css")
    assert not left, (
        "_templates/layout.html (css block) no longer replaces the theme's styles/theme.css "
        f"(an @import of basic.css) by basic.css itself, on {left[:3]}: check the theme's "
        "head_pre_assets macro"
    )


def test_layout_sends_math_styles_only_to_pages_with_math(pages):
    with_math = {name for name, html in pages.items() if 'class="katex' in html}
    styled = {name for name, html in pages.items() if "_static/katex/katex.min.css" in html}
    assert with_math and styled == with_math, (
        "_templates/layout.html (css block, `needs`) no longer links KaTeX's stylesheet exactly "
        f"on the pages with math: without it {sorted(with_math - styled)[:3]}, "
        f"with it but no math {sorted(styled - with_math)[:3]}"
    )


def test_layout_defers_every_script(pages):
    for name, html in pages.items():
        if name == "search.html":
            continue
        head = BeautifulSoup(html, "html.parser").head
        blocking = [
            s["src"]
            for s in head.find_all("script", src=True)
            if not (s.has_attr("defer") or s.has_attr("async") or s.get("type") == "module")
        ]
        assert not blocking, f"_templates/layout.html no longer defers {blocking} on {name}"


def test_page_repairs_the_bibliography_markup(pages):
    left = stale(pages, 'role="doc-biblioentry"')
    assert not left, (
        "_templates/page.html no longer removes docutils' role=doc-biblioentry (axe: "
        f"aria-required-children) on {left[:3]}: check the HTML docutils writes for citations"
    )
    references = pages["book/references.html"]
    assert 'role="listitem" class="citation"' in references, (
        "_templates/page.html no longer marks citations as list items: check docutils' markup"
    )


def test_page_names_hidden_code_by_what_it_shows(pages):
    left = stale(pages, '<summary aria-label="Toggle hidden content">')
    assert not left, (
        "_templates/page.html no longer drops myst-nb's aria-label on hidden-code summaries "
        f"(axe: label-content-name-mismatch) on {left[:3]}: check myst-nb's hide-input markup"
    )


def test_page_leaves_no_empty_table_header(pages):
    left = stale(pages, "<th></th>")
    assert not left, (
        "_templates/page.html no longer turns pandas' empty header cells into plain cells "
        f"(axe: empty-table-header) on {left[:3]}: check pandas' to_html markup"
    )


def test_buttons_come_from_the_course_templates(pages):
    intro = pages["book/intro.html"]
    assert 'aria-label="Colour mode: light, dark or as the system"' in intro, (
        "_templates/theme-switcher.html is no longer used: check the theme's template name"
    )
    assert '<span class="search-button__default-text">' in intro and (
        'search-button-field search-button__button pst-js-only" title="Search" '
        'data-bs-placement="bottom"' in intro
    ), "_templates/search-button-field.html is no longer used: check the theme's template name"


def test_sidebar_names_every_chapter_toggle(pages):
    unnamed = '<summary><span class="toctree-toggle" role="presentation">'
    left = stale(pages, unnamed)
    assert not left, (
        "_templates/sbt-sidebar-nav.html no longer names the sidebar's chapter "
        f"toggles (<summary> holding only the chevron) on {left[:3]}: check the markup of "
        "pydata-sphinx-theme's add_collapse_checkboxes"
    )
    named = [
        name for name, html in pages.items() if "Show or hide the pages of this chapter" in html
    ]
    assert named, "no page has a named chapter toggle: the sidebar override does not apply"

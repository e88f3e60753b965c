"""Each theme override in _templates/, and each repair of upstream markup in coursebook/markup.py,
still applies: when a theme, docutils or extension upgrade changes the HTML an override rewrites,
the override stops matching and its test says which one to revisit (and whether upstream fixed
the problem, so that the override can go).

Each check reads the built site: the markup the override removes is gone from every page, and the
markup it puts in its place is there.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from coursebook.model import toc_files
from coursebook.themestyles import SUBSET_CSS, THEME_CSS

ROOT = Path(__file__).resolve().parent.parent
PAGES = [f"{name}.html" for name in toc_files(ROOT / "_toc.yml")]
GENERATED = ["genindex.html", "search.html"]


@pytest.fixture(scope="module")
def pages(built_site) -> dict[str, str]:
    site, _ = built_site
    return {name: (site / name).read_text(encoding="utf-8") for name in PAGES + GENERATED}


def stale(pages: dict[str, str], text: str) -> list[str]:
    return [name for name, html in pages.items() if text in html]


def test_layout_writes_out_the_theme_s_head_assets(pages):
    """The css block links the theme's head assets itself (basic.css for theme.css, the subset
    for the theme's stylesheet): it is right only while the theme's macro links these two."""
    from coursebook import theme_assets

    macros = (theme_assets.theme_dir() / "webpack-macros.html").read_text(encoding="utf-8")
    head = macros[macros.index("macro head_pre_assets") : macros.index("endmacro")]
    linked = re.findall(r"pathto\('([^']+)'", head)
    assert linked == ["_static/styles/theme.css", "_static/styles/pydata-sphinx-theme.css"], (
        "pydata-sphinx-theme's head_pre_assets macro now links "
        f"{linked}: update _templates/layout.html (css block), which writes its links out"
    )
    theme_css = (theme_assets.theme_dir() / "styles" / "theme.css").read_text(encoding="utf-8")
    assert re.sub(r"/\*.*?\*/", "", theme_css, flags=re.S).split() == [
        "@import",
        '"../basic.css";',
    ], (
        "the theme's styles/theme.css no longer only imports basic.css: _templates/layout.html "
        "(css block) links basic.css in its place"
    )
    for name, html in pages.items():
        links = [
            link["href"].split("?")[0].rsplit("_static/", 1)[-1]
            for link in BeautifulSoup(html, "html.parser").head.select('link[rel="stylesheet"]')
        ]
        assert links[:2] == ["basic.css", "styles/pydata-sphinx-theme.subset.css"], (
            f"{name}: _templates/layout.html (css block) no longer links basic.css and the "
            f"theme stylesheet's subset first: {links[:3]}"
        )
        theme = [link for link in links if link in ("styles/theme.css", THEME_CSS)]
        assert not theme, f"{name}: the theme's own {theme} is linked again"


def test_theme_stylesheet_subset_is_smaller_and_keeps_what_the_theme_switches(built_site):
    """coursebook/themestyles.py wrote the subset; the rules no page names but the reader needs
    are in it: the focus ring, the dark colours, the open states of Bootstrap's components."""
    site, _ = built_site
    subset = (site / "_static" / SUBSET_CSS).read_text(encoding="utf-8")
    theme = (site / "_static" / THEME_CSS).read_text(encoding="utf-8")
    assert len(subset) < len(theme) / 2, (
        f"the subset of the theme's stylesheet is {len(subset)} of {len(theme)} bytes: "
        "check purgecss.config.cjs and coursebook/themestyles.py"
    )
    for rule in (
        "}:focus-visible{",
        "html[data-theme=dark]{",
        "html[data-theme=light]{",
        ".collapsing{",
        ".dropdown-menu.show{",
        ".bd-sidebar-primary",
        "#pst-search-dialog",
        ".pst-squeeze",
    ):
        assert rule in subset, f"the theme stylesheet's subset lost {rule!r}: purgecss.config.cjs"
    assert ".fa-yin-yang:before" in theme and ".fa-yin-yang:before" not in subset


def test_layout_sends_math_styles_only_to_pages_with_math(pages):
    with_math = {name for name, html in pages.items() if 'class="katex' in html}
    styled = {name for name, html in pages.items() if "_static/katex/katex.min.css" in html}
    assert with_math and styled == with_math, (
        "_templates/layout.html (css block, `needs`) no longer links KaTeX's stylesheet exactly "
        f"on the pages with math: without it {sorted(with_math - styled)[:3]}, "
        f"with it but no math {sorted(styled - with_math)[:3]}"
    )


@pytest.mark.parametrize(
    ("stylesheet", "content"),
    [
        ("_static/mystnb.", 'div.cell, div.cell_output, div.output, [class*="pasted-"]'),
        ("_static/exercise.css", "div.exercise, div.solution"),
        ("_static/pygments.css", "div.highlight"),
    ],
)
def test_layout_sends_content_styles_only_to_pages_with_that_content(pages, stylesheet, content):
    with_content = {
        name
        for name, html in pages.items()
        if BeautifulSoup(html, "html.parser").select_one(f"article :is({content})")
    }
    styled = {name for name, html in pages.items() if stylesheet in html}
    assert with_content and styled == with_content, (
        f"_templates/layout.html (css block, `needs`) no longer links {stylesheet} exactly on the "
        f"pages with {content}: without it {sorted(with_content - styled)[:3]}, "
        f"with it but no such content {sorted(styled - with_content)[:3]}"
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
        "coursebook/markup.py no longer removes docutils' role=doc-biblioentry (axe: "
        f"aria-required-children) on {left[:3]}: check the HTML docutils writes for citations"
    )
    references = pages["book/references.html"]
    assert 'role="listitem" class="citation"' in references, (
        "coursebook/markup.py no longer marks citations as list items: check docutils' markup"
    )


def test_page_names_hidden_code_by_what_it_shows(pages):
    left = stale(pages, '<summary aria-label="Toggle hidden content">')
    assert not left, (
        "coursebook/markup.py no longer drops myst-nb's aria-label on hidden-code summaries "
        f"(axe: label-content-name-mismatch) on {left[:3]}: check myst-nb's hide-input markup"
    )


def test_page_leaves_no_empty_table_header(pages):
    left = stale(pages, "<th></th>")
    assert not left, (
        "coursebook/markup.py no longer turns pandas' empty header cells into plain cells "
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


def test_exercise_bodies_have_ids_of_their_own(pages):
    for kind in ("exercise", "solution"):
        left = stale(pages, f'<section id="{kind}-content">')
        assert not left, (
            f"coursebook/markup.py no longer numbers sphinx-exercise's hard-coded id "
            f"{kind}-content (Nu: duplicate ID) on {left[:3]}: check sphinx-exercise's directive"
        )
    numbered = stale(pages, '<section id="exercise-content-2">')
    assert numbered, "no page has a second numbered exercise body: the repair does not apply"


def test_hidden_cell_labels_are_phrasing_content(pages):
    left = stale(pages, '<p class="collapsed admonition-title">') + stale(
        pages, '<p class="expanded admonition-title">'
    )
    assert not left, (
        "coursebook/markup.py no longer turns myst-nb's <p> labels inside <summary> into spans "
        f"(Nu: p not allowed in summary) on {left[:3]}: check myst-nb's visit_HideCellInput"
    )
    assert stale(pages, '<span class="collapsed admonition-title">'), (
        "no hidden code cell label found: myst-nb's hide-input markup changed"
    )


def test_root_redirect_is_a_complete_page(built_site):
    site, _ = built_site
    index = (site / "index.html").read_text(encoding="utf-8")
    assert index.startswith("<!DOCTYPE html>") and "<title>" in index, (
        "coursebook/markup.py no longer writes the root redirect (sphinx-external-toc's bare "
        "<meta refresh> has no doctype or title): check the build-finished hooks' order"
    )
    assert 'url=book/intro.html"' in index and 'href="book/intro.html"' in index


def test_generated_pages_have_a_print_heading(pages):
    empty = stale(pages, "<h1></h1>")
    assert not empty, (
        "an empty <h1> (sphinx-book-theme's print heading, {{ pagetitle }}) is back on "
        f"{empty}: coursebook/markup.py no longer gives Sphinx's generated pages a pagetitle"
    )


def test_search_form_is_the_course_s(pages):
    form = 'role="search" aria-label="Search this course"'
    for name in ("book/intro.html", "search.html"):
        html = pages[name]
        assert form in html and 'class="btn btn-sm search-field__submit"' in html, (
            f"{name}: _templates/search-field.html (a search form with a submit button) is no "
            "longer used: check the theme's search_dialog block and search.html docs_body"
        )
    assert pages["search.html"].count(form) == 2, "search.html: the dialog and the page's form"
    theme_form = '<form class="bd-search d-flex align-items-center"\n'
    assert not stale(pages, theme_form), "the theme's own search form is back"


def test_search_highlights_words_only_on_the_search_page(pages):
    with_script = stale(pages, "_static/search-words.js")
    assert with_script == ["search.html"], (
        f"coursebook/static/search-words.js is loaded on {with_script}: it belongs on the "
        "search page only, after searchtools.js (check _templates/search.html)"
    )
    html = pages["search.html"]
    assert html.index("searchtools.js") < html.index("search-words.js")


def test_sidebar_marks_every_notebook(pages):
    label = '<span class="course-notebook-label">Notebook'
    notebooks = [name for name in PAGES if name.startswith("notebooks/")]
    assert notebooks
    for name, html in pages.items():
        if name in GENERATED:
            continue
        marked = html.count(label)
        assert marked == len(notebooks), (
            f"{name}: the sidebar marks {marked} of {len(notebooks)} notebooks: "
            "_templates/sbt-sidebar-nav.html no longer matches the links that "
            "pydata-sphinx-theme's generate_toctree_html writes"
        )


def test_images_after_the_first_load_lazily(pages):
    checked = 0
    for name, html in pages.items():
        images = BeautifulSoup(html, "html.parser").select("article img")
        if len(images) < 2:
            continue
        checked += 1
        eager = [img.get("src") for img in images[1:] if img.get("loading") != "lazy"]
        assert not eager, (
            f"{name}: images after the first without loading=lazy: {eager[:3]} "
            "(coursebook/markup.py, lazy_images)"
        )
    assert checked, "no page has two images: the lazy-loading check checked nothing"


def test_layout_links_the_print_stylesheet_for_print_only(pages):
    for name, html in pages.items():
        links = BeautifulSoup(html, "html.parser").select('link[href*="print.css"]')
        assert links, f"{name}: no print stylesheet linked"
        blocking = [link["href"] for link in links if link.get("media") != "print"]
        assert not blocking, (
            f"_templates/layout.html (css block) no longer links {blocking} with media=print on "
            f"{name}: check how Sphinx's css_tag writes the link"
        )


@pytest.mark.parametrize("sheet", sorted(p.name for p in (ROOT / "_static").glob("*.css")))
def test_course_stylesheets_parse_without_error(sheet):
    """A brace lost in a stylesheet silently swallows every rule after it (the browser reads the
    rest as one broken declaration block), so each sheet must parse cleanly, rule by rule."""
    import tinycss2

    text = (ROOT / "_static" / sheet).read_text(encoding="utf-8")
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    errors = [f"line {r.source_line}: {r.message}" for r in rules if r.type == "error"]
    assert not errors, f"{sheet}: {errors}"
    for rule in rules:
        if rule.type == "qualified-rule":
            declarations = tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True)
            nested = [d for d in declarations if d.type in ("qualified-rule", "error")]
            assert not nested, (
                f"{sheet}, rule at line {rule.source_line}: a rule inside a rule "
                f"(a closing brace missing before line {nested[0].source_line}?)"
            )

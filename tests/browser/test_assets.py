"""What every page sends a reader's browser: small, deferred, complete (read from the built HTML).

The course's template overrides (_templates/) and its subset of the theme's icon font
(coursebook/theme_assets.py) keep pages fast; these checks fail when a change would quietly undo
them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browsing import (  # noqa: F401 (desktop, phone, server, site: fixtures the tests use)
    desktop,
    phone,
    reader_pages,
    server,
    site,
)
from bs4 import BeautifulSoup

from coursebook import theme_assets, themestyles

ROOT = Path(__file__).resolve().parents[2]

PAGES = [name for name in reader_pages() if name != "search.html"]


def head(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser").head


@pytest.mark.parametrize("name", PAGES)
def test_page_head_is_lean(site, name):  # noqa: F811
    doc = head(site, name)
    description = doc.find("meta", attrs={"name": "description"})
    assert description and len(description["content"].split()) > 8, "no meta description"
    assert doc.find("link", rel="icon"), "no favicon"
    blocking = [
        s.get("src")
        for s in doc.find_all("script", src=True)
        if not (s.has_attr("defer") or s.has_attr("async") or s.get("type") == "module")
    ]
    assert blocking == [], f"scripts that block the first paint: {blocking}"
    scripts = " ".join(s.get("src", "") for s in doc.find_all("script"))
    assert "fontawesome" not in scripts and "searchindex" not in scripts and "thebe" not in scripts
    stylesheets = [link["href"].split("?")[0] for link in doc.find_all("link", rel="stylesheet")]
    assert len(stylesheets) == len(set(stylesheets)), f"a stylesheet linked twice: {stylesheets}"


def test_icons_the_pages_use_are_in_the_course_font(site):  # noqa: F811
    """Each Font Awesome icon on a page has its glyph in the embedded font and its CSS rule."""
    classes = theme_assets.icon_classes(theme_assets.original_theme_css())
    used = {name for name in theme_assets.used_classes(site) if name in classes}
    _, glyphs = theme_assets.embedded_font(
        (ROOT / "_static" / "course.css").read_text(encoding="utf-8")
    )
    served_css = (site / "_static" / themestyles.SUBSET_CSS).read_text(encoding="utf-8")
    kept = set(theme_assets.icon_classes(served_css))
    missing = sorted(n for n in used if classes[n] not in glyphs or n not in kept)
    assert missing == [], (
        f"icons without a glyph or rule: {missing}; build the book and run "
        "python -m coursebook.theme_assets"
    )
    needed_elsewhere = theme_assets.other_codepoints(theme_assets.site_css_texts(site)) & set(
        range(0xF000, 0xF900)
    )
    assert needed_elsewhere <= glyphs | {0xF09B, 0xF296}, (
        "theme stylesheet icons missing from the font"
    )


def test_served_theme_stylesheet_is_the_theme_s_own(site):  # noqa: F811
    """No build step edits the theme's files: the site serves its stylesheet as it ships."""
    served = site / "_static" / "styles" / "pydata-sphinx-theme.css"
    assert served.read_text(encoding="utf-8") == theme_assets.original_theme_css()


# Every selector of the theme's stylesheet, with the states a reader brings about (hover, focus,
# open, checked...) and pseudo-elements taken off, so that querySelector can test it on a page.
_MATCHED_SELECTORS = """(selectors) => selectors.filter((sel) => {
  const bare = sel.replace(/::?-?[a-z-]+(\\([^()]*\\))?/g, (p) =>
    /^:(not|is|where|has|root|first-child|last-child|nth-child|nth-of-type|first-of-type|last-of-type|only-child|empty)\\b/.test(p) ? p : "");
  try { return document.querySelector(bare.trim() || "*") !== null; } catch (e) { return false; }
})"""


def _selectors(css: str) -> set[str]:
    import tinycss2

    found: set[str] = set()

    def walk(rules) -> None:
        for rule in rules:
            if rule.type == "qualified-rule":
                # A selector list splits at its top-level commas, not at those inside :is().
                parts: list[list] = [[]]
                for token in rule.prelude:
                    if token.type == "literal" and token.value == ",":
                        parts.append([])
                    else:
                        parts[-1].append(token)
                found.update(" ".join(tinycss2.serialize(part).split()) for part in parts)
            elif (
                rule.type == "at-rule"
                and rule.content is not None
                and rule.lower_at_keyword
                in (
                    "media",
                    "supports",
                    "layer",
                    "container",
                )
            ):
                walk(
                    tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True)
                )

    walk(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True))
    return found


@pytest.mark.parametrize(
    "name",
    [
        "book/intro.html",
        "book/fundamentals/bone-is-alive.html",
        "notebooks/fundamentals/remodeling-cycle.html",
        "book/academic/modelling-remodeling.html",
        "book/glossary.html",
        "search.html",
    ],
)
def test_theme_stylesheet_subset_keeps_every_rule_the_page_matches(
    desktop, phone, server, site, name
):  # noqa: F811
    """coursebook/themestyles.py (PurgeCSS) keeps each rule of the theme's stylesheet that an
    element of the page matches, on a phone with the sidebar open and on a desktop with the
    search dialog open, in light and dark mode: a selector it dropped that the page needs fails."""
    theme = _selectors(theme_assets.original_theme_css())
    kept = _selectors((site / "_static" / themestyles.SUBSET_CSS).read_text(encoding="utf-8"))
    lost: set[str] = set()
    for context, action in ((phone, ".primary-toggle"), (desktop, ".search-button__button")):
        for mode in ("light", "dark"):
            page = context.new_page()
            page.emulate_media(color_scheme=mode)
            page.goto(server.url + name, wait_until="load")
            if page.locator(action).first.is_visible():
                page.locator(action).first.click()
                page.wait_for_timeout(300)
            lost.update(page.evaluate(_MATCHED_SELECTORS, sorted(theme - kept)))
            page.close()
    assert not lost, (
        f"{name}: rules of the theme's stylesheet that the page uses are missing from its subset "
        f"{sorted(lost)[:8]}: safelist them in purgecss.config.cjs"
    )

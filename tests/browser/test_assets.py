"""What every page sends a reader's browser: small, deferred, complete (read from the built HTML).

The course's template overrides (_templates/) and its subset of the theme's icon font
(coursebook/theme_assets.py) keep pages fast; these checks fail when a change would quietly undo
them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browsing import reader_pages, site  # noqa: F401 (fixture the tests use)
from bs4 import BeautifulSoup

from coursebook import theme_assets

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
    served_css = (site / "_static" / "styles" / "pydata-sphinx-theme.css").read_text(
        encoding="utf-8"
    )
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

"""Every internal link and anchor in the built book resolves (and every local asset exists)."""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

SKIP_SCHEMES = ("http", "https", "mailto", "javascript", "data", "tel")


def html_pages(site: Path) -> list[Path]:
    return sorted(
        p
        for p in site.rglob("*.html")
        if "_static" not in p.relative_to(site).parts
        and "_sources" not in p.relative_to(site).parts
    )


@functools.cache
def anchors(path: Path) -> frozenset[str]:
    doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return frozenset(
        [e["id"] for e in doc.find_all(id=True)]
        + [e["name"] for e in doc.find_all("a", attrs={"name": True})]
    )


def broken_references(site: Path, page: Path) -> list[str]:
    doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    problems = []
    refs = [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")]
    for tag, attr in refs:
        for element in doc.find_all(tag):
            value = element.get(attr)
            if not value or (tag == "link" and element.get("rel") in (["canonical"],)):
                continue
            parts = urlsplit(value)
            if parts.scheme in SKIP_SCHEMES or value.startswith("//"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"<{tag} {attr}={value}>: no such file")
                continue
            if parts.fragment and target.suffix == ".html" and tag == "a":
                if unquote(parts.fragment) not in anchors(target):
                    problems.append(
                        f"<a href={value}>: no anchor #{parts.fragment} in {target.relative_to(site)}"
                    )
    return problems


def test_every_internal_link_and_anchor_resolves(built_site):
    site, _ = built_site
    site = site.resolve()
    pages = html_pages(site)
    assert len(pages) > 3
    problems = []
    for page in pages:
        problems += [f"{page.relative_to(site)}: {p}" for p in broken_references(site, page)]
    assert problems == [], f"{len(problems)} broken:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize(
    "html, expected",
    [
        ('<a href="missing.html">x</a>', "no such file"),
        ('<a href="#nowhere">x</a>', "no anchor #nowhere"),
        ('<a href="#here" id="here">x</a>', None),
        ('<img src="gone.png" alt="a chart">', "no such file"),
        ('<a href="https://example.org/">x</a>', None),
    ],
)
def test_the_link_check_catches_what_it_should(tmp_path, html, expected):
    page = tmp_path / "page.html"
    page.write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    anchors.cache_clear()
    problems = broken_references(tmp_path, page)
    if expected is None:
        assert problems == []
    else:
        assert len(problems) == 1 and expected in problems[0]

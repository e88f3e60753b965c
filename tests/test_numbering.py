"""A clear path through the built book: chapters numbered as the text counts them, figures and
exercises numbered within their chapter, the guides reachable from the landing page, the build
report among the guides and written in words, and math that needs no script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from coursebook.model import ROOT

TOC = ROOT / "_toc.yml"
EMOJI = re.compile("[\u2600-\u27bf\U0001f000-\U0001faff]")


def chapters_in_order() -> list[tuple[str, list[str]]]:
    """The numbered chapters (the three tiers), each with the notebooks nested under it."""
    import yaml

    toc = yaml.safe_load(TOC.read_text(encoding="utf-8"))
    out = []
    for part in toc["parts"]:
        if not part.get("numbered"):
            continue
        for chapter in part["chapters"]:
            out.append((chapter["file"], [s["file"] for s in chapter.get("sections", [])]))
    return out


def soup(site: Path, doc: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{doc}.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def site(built_site) -> Path:
    return built_site[0]


def test_the_tiers_are_numbered_and_the_rest_is_not():
    import yaml

    toc = yaml.safe_load(TOC.read_text(encoding="utf-8"))
    numbered = {part["caption"]: part.get("numbered") for part in toc["parts"]}
    # Depth 2: the chapters, their sections and the notebooks nested under them.
    assert numbered == {
        "Fundamentals": 2,
        "Intermediate": 2,
        "Academic": 2,
        "Reflection and reference": None,
        "Guides": None,
    }
    assert chapters_in_order()[0][0] == "book/fundamentals/bone-is-alive"


def test_chapter_numbers_run_on_across_the_tiers(site):
    for number, (doc, notebooks) in enumerate(chapters_in_order(), start=1):
        h1 = soup(site, doc).select_one("article h1")
        shown = h1.select_one(".section-number")
        assert shown and shown.get_text(strip=True) == f"{number}.", (
            f"{doc} is chapter {number} but its title reads {h1.get_text(' ', strip=True)!r}"
        )
        for notebook in notebooks:
            shown = soup(site, notebook).select_one("article h1 .section-number")
            assert shown and re.fullmatch(rf"{number}\.\d+\.", shown.get_text(strip=True)), (
                f"{notebook} belongs to chapter {number}"
            )


def test_the_text_s_chapter_1_is_bone_is_alive(site):
    """'the reference convention from chapter 1' in lifetime-of-bone points at chapter 1."""
    text = (ROOT / "book/fundamentals/lifetime-of-bone.md").read_text(encoding="utf-8")
    assert "from chapter 1" in text
    title = soup(site, "book/fundamentals/bone-is-alive").select_one("article h1")
    assert title.get_text(" ", strip=True).startswith("1.")
    assert "0.858" in soup(site, "book/fundamentals/bone-is-alive").get_text()


def test_figures_and_exercises_are_numbered_within_their_chapter(site):
    seen_exercises = 0
    seen_figures = 0
    for number, (doc, notebooks) in enumerate(chapters_in_order(), start=1):
        for page in [doc, *notebooks]:
            html = soup(site, page)
            for title in html.select("article div.exercise > p.admonition-title"):
                label = title.get_text(" ", strip=True)
                match = re.match(r"Exercise (\d+)\.(\d+)", label)
                assert match and int(match[1]) == number, f"{page}: {label!r} in chapter {number}"
                seen_exercises += 1
            for caption in html.select("article figcaption .caption-number"):
                label = caption.get_text(" ", strip=True)
                match = re.match(r"Fig\. (\d+)\.(\d+)", label)
                assert match and int(match[1]) == number, f"{page}: {label!r} in chapter {number}"
                seen_figures += 1
    assert seen_exercises > 40
    assert seen_figures >= 1


def test_the_course_map_is_figure_1_of_the_instructor_guide(site):
    number = soup(site, "book/guides/instructors").select_one(
        "figure.course-map-figure .caption-number"
    )
    assert number is None or number.get_text(strip=True) == "Fig. 1", number


def test_landing_page_links_the_three_guides(site):
    links = {
        a["href"].split("#")[0]
        for a in soup(site, "book/intro").select("article a.reference.internal")
    }
    for guide in ("learners", "students", "instructors"):
        assert f"guides/{guide}.html" in links, f"book/intro does not link the {guide} guide"


def test_build_report_sits_with_the_guides_in_words(site):
    import yaml

    toc = yaml.safe_load(TOC.read_text(encoding="utf-8"))
    guides = next(p for p in toc["parts"] if p["caption"] == "Guides")
    assert "book/execution-statistics" in [c["file"] for c in guides["chapters"]]
    report = soup(site, "book/execution-statistics")
    table = report.select_one("article table")
    header = [th.get_text(strip=True) for th in table.select("thead th")]
    assert "Status" in header
    column = header.index("Status")
    statuses = [row.select("td")[column].get_text(strip=True) for row in table.select("tbody tr")]
    assert len(statuses) == len(list((ROOT / "notebooks").rglob("*.ipynb")))
    assert set(statuses) == {"ran"}, statuses
    assert not EMOJI.search(report.select_one("article").get_text()), "an emoji on the report"


def test_math_is_static_html_and_mathml_on_every_page(site):
    pages = [p for p in site.rglob("*.html") if "_static" not in p.parts]
    with_math = 0
    for path in pages:
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        scripts = [s.get("src", "") for s in html.find_all("script")]
        assert not [s for s in scripts if re.search(r"mathjax|katex", s, re.I)], path
        maths = html.select("article span.math, article div.math")
        if not maths:
            continue
        with_math += 1
        unrendered = [m.get_text()[:40] for m in maths if not m.select_one(".katex-mathml math")]
        assert unrendered == [], f"{path.relative_to(site)}: math without MathML {unrendered}"
        css = [link["href"] for link in html.find_all("link", rel="stylesheet")]
        assert any(h.split("?")[0].endswith("_static/katex/katex.min.css") for h in css), path
    assert with_math >= 4

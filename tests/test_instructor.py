"""The instructor guide: its course map and chapter tables match the chapters they are drawn from.

The checks on the built page recompute everything from _toc.yml and the chapters' front matter
with code of their own (not the extension's), so a bug in the extension cannot hide itself.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

import bonelab
from coursebook.coursemap import BOX_W, course_map_svg, layout, map_alt_text
from coursebook.model import Chapter, course_chapters, front_matter, map_edges, toc_files

ROOT = Path(__file__).resolve().parent.parent

TOC = ROOT / "_toc.yml"
GUIDE = "book/guides/instructors"
SVG = "{http://www.w3.org/2000/svg}"


def declared_chapters() -> dict[str, dict]:
    """Chapter docname -> front matter, for every toc entry whose Markdown names a tier."""
    toc = yaml.safe_load(TOC.read_text())
    files = [toc["root"]] + [c["file"] for part in toc.get("parts", []) for c in part["chapters"]]
    files = [f.removesuffix(".md") for f in files]
    chapters = {}
    for name in files:
        path = ROOT / f"{name}.md"
        if path.is_file():
            meta = front_matter(path)
            if "tier" in meta:
                chapters[name] = meta
    return chapters


def closure(edges: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """All (before, after) pairs implied by a set of arrows."""
    pairs = set(edges)
    while True:
        extra = {(a, d) for a, b in pairs for c, d in pairs if b == c} - pairs
        if not extra:
            return pairs
        pairs |= extra


def plain(text: str) -> str:
    """Text with Sphinx's typographic quotes and dashes undone and spaces collapsed."""
    for fancy, simple in (
        ("\u2019", "'"),
        ("\u2018", "'"),
        ("\u201c", '"'),
        ("\u201d", '"'),
        ("\u2013", "--"),
        ("\u2014", "---"),
    ):
        text = text.replace(fancy, simple)
    return " ".join(text.split())


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def chapter(doc: str, tier: str = "fundamentals", needs: tuple[str, ...] = ()) -> Chapter:
    return Chapter(doc, doc.title(), tier, 10, 0, (), needs, ("Explain it.",), Path(doc))


# ---- the structure, without a build --------------------------------------------------------


def test_the_guide_is_in_the_table_of_contents():
    assert GUIDE in toc_files(TOC), f"{GUIDE} is written but not listed in _toc.yml (Guides part)"


def test_every_chapter_is_read_with_its_front_matter():
    chapters = course_chapters(ROOT, TOC)
    assert [c.docname for c in chapters] == list(declared_chapters())
    for c in chapters:
        meta = declared_chapters()[c.docname]
        assert c.objectives == tuple(o.strip() for o in meta["objectives"])
        assert (c.reading_minutes, c.notebook_minutes) == (
            meta["reading_minutes"],
            meta["notebook_minutes"],
        )


def test_map_leaves_out_only_implied_arrows():
    chapters = [
        chapter("a"),
        chapter("b", needs=("a",)),
        chapter("c", needs=("a", "b")),
        chapter("d", needs=("c", "a")),
    ]
    assert map_edges(chapters) == [("a", "b"), ("b", "c"), ("c", "d")]
    declared = {(p, c.docname) for c in chapters for p in c.prerequisites}
    assert closure(set(map_edges(chapters))) == closure(declared)


def test_a_prerequisite_cycle_is_an_error(tmp_path):
    for name, needs in (("a", ["book/b"]), ("b", ["book/a"])):
        (tmp_path / "book").mkdir(exist_ok=True)
        (tmp_path / "book" / f"{name}.md").write_text(
            "---\ntier: fundamentals\nreading_minutes: 5\nnotebook_minutes: 0\n"
            f"prerequisites: {needs}\nobjectives:\n  - Explain it.\n---\n\n# {name}\n"
        )
    toc = tmp_path / "_toc.yml"
    toc.write_text("format: jb-book\nroot: book/a\nchapters:\n  - file: book/b\n")
    with pytest.raises(ValueError, match="cycle"):
        course_chapters(tmp_path, toc)


def test_an_unknown_prerequisite_is_an_error(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "a.md").write_text(
        "---\ntier: fundamentals\nreading_minutes: 5\nnotebook_minutes: 0\n"
        "prerequisites: [book/missing]\nobjectives:\n  - Explain it.\n---\n\n# A\n"
    )
    toc = tmp_path / "_toc.yml"
    toc.write_text("format: jb-book\nroot: book/a\n")
    with pytest.raises(ValueError, match="book/missing"):
        course_chapters(tmp_path, toc)


def test_map_boxes_never_overlap():
    chapters = course_chapters(ROOT, TOC)
    placed, _, width, _ = layout(chapters)
    rows: dict[int, list[float]] = {}
    for doc, (x, _, row) in placed.items():
        # boxes and the bend points of long arrows: neither may sit on a box
        rows.setdefault(row, []).append(x)
        if doc in {c.docname for c in chapters}:
            assert BOX_W / 2 - 1 <= x <= width - BOX_W / 2 + 1
    for xs in rows.values():
        xs.sort()
        assert all(b - a >= BOX_W for a, b in zip(xs, xs[1:], strict=False))


def test_map_rows_follow_the_prerequisites():
    """Each chapter sits in a row below every chapter it needs, and some chapter in the row
    above it is one it needs (no chapter floats lower than its deepest prerequisite)."""
    chapters = course_chapters(ROOT, TOC)
    placed, _, _, _ = layout(chapters)
    for c in chapters:
        row = placed[c.docname][2]
        assert all(placed[p][2] < row for p in c.prerequisites), c.docname
        if c.prerequisites:
            assert max(placed[p][2] for p in c.prerequisites) == row - 1, c.docname
        else:
            assert row == 0, c.docname


def test_map_svg_is_well_formed_and_described():
    chapters = course_chapters(ROOT, TOC)
    svg = ET.fromstring(course_map_svg(chapters, map_alt_text(chapters)))
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "map-title map-desc"
    assert svg.find(f"{SVG}title").text
    description = svg.find(f"{SVG}desc").text
    assert f"{len(declared_chapters())} chapters" in description
    starts = [c.title for c in chapters if not c.prerequisites]
    assert starts and all(title in description for title in starts)


# ---- the built guide -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def guide(built_site) -> tuple[Path, BeautifulSoup]:
    site, _ = built_site
    page = site / f"{GUIDE}.html"
    assert page.is_file(), f"{GUIDE} was not built: is it listed in _toc.yml?"
    return site, soup(page)


def test_course_map_is_a_figure_with_alt_text_and_caption(guide):
    site, page = guide
    img = page.select_one("figure img.course-map")
    assert img is not None
    chapters = declared_chapters()
    assert f"{len(chapters)} chapters" in img["alt"]
    assert len(img["alt"]) > 80
    caption = img.find_parent("figure").find("figcaption")
    assert caption is not None and "prerequisites" in caption.get_text()
    path = (site / GUIDE).parent / img["src"]
    assert path.is_file() and path.suffix == ".svg"


def test_course_map_matches_the_declared_prerequisites(guide):
    site, page = guide
    img = page.select_one("img.course-map")
    svg = ET.parse((site / GUIDE).parent / img["src"]).getroot()
    chapters = declared_chapters()
    boxes = [g.get("data-doc") for g in svg.iter(f"{SVG}g") if g.get("class") == "chapter"]
    assert sorted(boxes) == sorted(chapters)
    drawn = {
        (p.get("data-from"), p.get("data-to"))
        for p in svg.iter(f"{SVG}path")
        if p.get("class") == "prerequisite"
    }
    declared = {(p, doc) for doc, meta in chapters.items() for p in meta.get("prerequisites", [])}
    # the same order of reading (nothing lost, nothing invented) ...
    assert closure(drawn) == closure(declared)
    # ... with no arrow that a longer path already implies
    for a, b in drawn:
        assert (a, b) not in closure(drawn - {(a, b)})


def test_chapter_tables_match_the_front_matter(guide):
    site, page = guide
    rows = page.select("table.chapter-table tbody tr")
    chapters = declared_chapters()
    assert len(rows) == len(chapters)
    seen = []
    for row in rows:
        first, objectives, minutes, read_first = row.find_all("td")
        link = first.find("a")
        target = (site / GUIDE).parent.joinpath(link["href"].split("#")[0]).resolve()
        doc = target.relative_to(site.resolve()).with_suffix("").as_posix()
        seen.append(doc)
        meta = chapters[doc]
        assert [plain(li.get_text(" ", strip=True)) for li in objectives.find_all("li")] == [
            plain(o) for o in meta["objectives"]
        ]
        numbers = [int(n) for n in re.findall(r"\d+", minutes.get_text())]
        expected = [meta["reading_minutes"]] + (
            [meta["notebook_minutes"]] if meta["notebook_minutes"] else []
        )
        assert numbers == expected
        linked = []
        for a in read_first.find_all("a"):
            path = (site / GUIDE).parent.joinpath(a["href"].split("#")[0]).resolve()
            linked.append(path.relative_to(site.resolve()).with_suffix("").as_posix())
        assert linked == list(meta.get("prerequisites", []))
    assert seen == list(chapters), "every chapter once, in reading order"


def test_tier_totals_add_up(guide):
    _, page = guide
    chapters = declared_chapters()
    text = " ".join(page.get_text(" ").split())
    reading = sum(m["reading_minutes"] for m in chapters.values())
    notebook = sum(m["notebook_minutes"] for m in chapters.values())

    def fmt(minutes: int) -> str:
        hours, rest = divmod(minutes, 60)
        return f"{rest} min" if not hours else f"{hours} h" + (f" {rest:02d} min" if rest else "")

    assert (
        f"{len(chapters)} chapters, {fmt(reading)} of reading and {fmt(notebook)} in the "
        "notebooks" in text
    )


def test_citation_comes_from_citation_cff(guide):
    _, page = guide
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    block = page.select_one(".course-citation")
    assert block is not None
    text = block.get_text(" ")
    assert "version" not in cff, "the version is written once, in bonelab/__init__.py"
    assert cff["title"] in text and f"(version {bonelab.__version__})" in text
    bibtex = block.find("pre").get_text("")
    assert bibtex.startswith("@misc{") and cff["title"] in bibtex

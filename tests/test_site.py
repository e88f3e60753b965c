"""The built book: warning-free, complete, with the notice on every page and nothing remote."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from coursebook import model
from coursebook.model import check_chapter_meta, front_matter

ROOT = Path(__file__).resolve().parent.parent

NOTICE = "Educational material, not medical advice"


def toc_files() -> list[str]:
    return model.toc_files(ROOT / "_toc.yml")


def pages(site: Path) -> list[Path]:
    return [site / f"{name}.html" for name in toc_files()]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_build_log_has_no_warnings(built_site):
    _, log = built_site
    problems = [
        line for line in log.splitlines() if re.search(r"\b(WARNING|ERROR|CRITICAL)\b", line)
    ]
    assert problems == []
    assert "build succeeded" in log


def test_every_page_in_the_toc_is_built(built_site):
    site, _ = built_site
    missing = [str(p) for p in pages(site) if not p.is_file()]
    assert missing == []


def test_every_chapter_page_is_in_the_toc():
    listed = set(toc_files())
    for tier in ("fundamentals", "intermediate", "academic"):
        for page in (ROOT / "book" / tier).glob("*.md"):
            assert f"book/{tier}/{page.stem}" in listed, f"{page} is written but not in _toc.yml"


@pytest.mark.parametrize(
    "name",
    [
        f
        for f in toc_files()
        if f.startswith("book/") and "/" in f[5:] and not f.startswith("book/guides")
    ],
)
def test_chapter_front_matter_is_complete(name):
    meta = front_matter(ROOT / f"{name}.md")
    notebooks = next(c.notebooks for c in model.course_chapters(ROOT) if c.docname == name)
    assert check_chapter_meta(meta, notebooks) == []
    for prerequisite in meta.get("prerequisites", []):
        assert prerequisite in toc_files(), (
            f"{name}: prerequisite {prerequisite} is not in the book"
        )


def test_every_notebook_sits_under_its_chapter_and_pairs_with_it():
    """One source for which notebook belongs to which chapter: its place in _toc.yml, nested
    under the chapter, whose file name it shares (notebooks/TIER/CHAPTER[-TOPIC].ipynb)."""
    parent = {
        child: page.docname
        for page in model.toc_pages(ROOT / "_toc.yml")
        for child in page.children
    }
    problems = []
    for doc in toc_files():
        if not (ROOT / f"{doc}.ipynb").is_file():
            continue
        chapter = parent.get(doc)
        if chapter is None:
            problems.append(f"{doc} is not nested under its chapter")
            continue
        stem = "notebooks/" + chapter.removeprefix("book/")
        if doc != stem and not doc.startswith(stem + "-"):
            problems.append(f"{doc} is nested under {chapter} but is not named {stem}[-TOPIC]")
    for chapter in model.course_chapters(ROOT):
        if "notebook" in front_matter(chapter.path):
            problems.append(f"{chapter.docname}: the front matter repeats the notebook")
    assert problems == []


def test_notice_on_every_page(built_site):
    site, _ = built_site
    lacking = [p.name for p in pages(site) if NOTICE not in soup(p).get_text(" ")]
    assert lacking == []


_REMOTE = re.compile(r"^(https?:)?//", re.I)


def test_pages_load_nothing_from_other_hosts(built_site):
    site, _ = built_site
    remote = []
    for page in pages(site):
        doc = soup(page)
        for tag, attr in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
            ("video", "src"),
            ("audio", "src"),
        ):
            for element in doc.find_all(tag):
                value = element.get(attr)
                if (
                    tag == "link"
                    and "stylesheet" not in element.get("rel", [])
                    and "preload" not in element.get("rel", [])
                    and "icon" not in element.get("rel", [])
                ):
                    continue
                if value and _REMOTE.match(value):
                    remote.append(f"{page.name}: <{tag} {attr}={value}>")
    assert remote == []


def test_stylesheets_fetch_nothing_remote(built_site):
    site, _ = built_site
    remote = []
    for css in site.joinpath("_static").rglob("*.css"):
        for url in re.findall(
            r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8", errors="replace")
        ):
            if _REMOTE.match(url):
                remote.append(f"{css.name}: {url}")
    assert remote == []


def test_math_is_served_locally(built_site):
    """KaTeX's stylesheet and every font it names are in the build (no CDN, no math script)."""
    site, _ = built_site
    css = site / "_static" / "katex" / "katex.min.css"
    assert css.is_file(), "KaTeX's stylesheet is not in the build"
    fonts = re.findall(r"url\((fonts/[^)]+\.woff2)\)", css.read_text(encoding="utf-8"))
    assert len(fonts) > 10
    missing = [f for f in fonts if not (css.parent / f).is_file()]
    assert missing == [], f"fonts KaTeX's stylesheet names but the build lacks: {missing}"
    assert not list(site.joinpath("_static").rglob("tex-chtml*.js")), "MathJax is still built"


ARTICLE_GLOSSARY = [
    "bone density",
    "osteoporosis",
    "estrogen",
    "bone formation",
    "perimenopause",
    "progesterone",
    "bone mineral density",
    "bone remodeling",
    "micronized progesterone",
    "synthetic progestins",
    "oral micronized progesterone",
    "bone loss",
    "spinal bone mineral density",
    "estrogen-progestin therapy",
    "testosterone",
    "bone health",
    "osteoblast",
    # and the terms the course adds
    "osteoclast",
    "bone multicellular unit",
    "T-score",
    "medroxyprogesterone acetate",
    "progestogen",
    "hazard ratio",
    "relative risk",
    "confidence interval",
]


def test_glossary_defines_every_required_term(built_site):
    site, _ = built_site
    defined = {
        dt.get_text(" ", strip=True).rstrip("#¶").strip().lower()
        for dt in soup(site / "book" / "glossary.html").select("dl.glossary dt")
    }
    missing = [term for term in ARTICLE_GLOSSARY if term.lower() not in defined]
    assert missing == []


def test_references_page_lists_the_whole_bibliography(built_site):
    site, _ = built_site
    bib_keys = re.findall(r"^@\w+\{([^,]+),", (ROOT / "references.bib").read_text(), re.M)
    entries = soup(site / "book" / "references.html").select(
        ".citation, div[role=doc-biblioentry], dt.label"
    )
    assert len(entries) >= len(bib_keys) > 0


def test_chapter_meta_refuses_a_notebook_named_in_front_matter():
    """_toc.yml alone says which notebook is whose; the front matter may not say it again."""
    meta = {
        "tier": "fundamentals",
        "reading_minutes": 10,
        "notebook_minutes": 5,
        "objectives": ["Explain a thing."],
        "notebook": "notebooks/fundamentals/remodeling-cycle",
    }
    problems = check_chapter_meta(meta, ("notebooks/fundamentals/remodeling-cycle",))
    assert len(problems) == 1 and "nest the notebook under its chapter" in problems[0]
    del meta["notebook"]
    assert check_chapter_meta(meta, ("notebooks/fundamentals/remodeling-cycle",)) == []
    assert check_chapter_meta(meta, ()) == [
        "notebook_minutes is set but the chapter has no notebook nested under it"
    ]

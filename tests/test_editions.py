"""The two editions and the printable pages: one source, and the answers only where they belong.

The learner edition (the `built_site` fixture, `make book`) shows every answer in a dropdown.
The student edition (`make book-student`) must contain no answer at all: not in a page, not in a
copied source file. The printable edition (`make print`) builds one warning-free page per tier,
with every chapter and notebook of the tier, no answers, and the print stylesheet.

The student and print builds reuse the learner build's notebook execution cache when there is
one (`make test` makes one), so they cost a build but no second run of the notebooks.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from coursebook import print_edition
from coursebook.build import build_command
from coursebook.editions import hide_notebook_solutions
from coursebook.model import course_chapters, front_matter, toc_files

ROOT = Path(__file__).resolve().parent.parent
TOC = ROOT / "_toc.yml"
WARNING = re.compile(r"\b(WARNING|ERROR|CRITICAL)\b")
# The Jupyter kernel's own start-up notice, printed by the kernel process, not by the build.
KERNEL_NOISE = re.compile(r"^\[IPKernelApp\] WARNING \| Kernel is running over TCP")


def warnings_in(log: str) -> list[str]:
    return [
        line for line in log.splitlines() if WARNING.search(line) and not KERNEL_NOISE.search(line)
    ]


def seed_execution_cache(out: Path) -> None:
    """Copy the learner build's notebook execution cache into a new build folder, if any."""
    site = os.environ.get("BONELAB_SITE")
    if not site:
        return
    cache = Path(site).parent / ".jupyter_cache"
    if cache.is_dir():
        shutil.copytree(cache, out / "_build" / ".jupyter_cache", dirs_exist_ok=True)


@pytest.fixture(scope="module")
def student_site(tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("student")
    seed_execution_cache(out)
    result = subprocess.run(
        build_command(out),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, BONELAB_EDITION="student"),
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-6000:]
    return out / "_build" / "html", log


@pytest.fixture(scope="module")
def printed_fundamentals(tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("print")
    seed_execution_cache(out / "fundamentals")
    code, _, site = print_edition.build("fundamentals", out)
    log = (out / "fundamentals" / "build.log").read_text(encoding="utf-8")
    assert code == 0, log[-6000:]
    return site, log


# ---- what counts as an answer ------------------------------------------------------------

_SOLUTION = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{solution\}[^\n]*\n(?P<body>.*?)^(?P=fence)\s*$", re.M | re.S
)
_EXERCISE = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{exercise\}[^\n]*\n(?P<body>.*?)^(?P=fence)\s*$", re.M | re.S
)
_PLAIN_WORD = re.compile(r"^[A-Za-z0-9]+[.,;:]?$")


def plain_run(markdown: str, minimum: int = 5) -> str | None:
    """The longest run of ordinary words in a piece of MyST (no markup, quotes, symbols or
    numbers with decimals), which therefore appears verbatim in the rendered page's text."""
    # code blocks and directive options end a run (they are not rendered as running text)
    text = re.sub(r"^```.*?^```", " ` ", markdown, flags=re.M | re.S)
    text = re.sub(r"^:\w[\w-]*:.*$", " ` ", text, flags=re.M)
    best: list[str] = []
    run: list[str] = []
    for word in text.split() + ["`"]:
        if _PLAIN_WORD.match(word):
            run.append(word)
            continue
        if len(run) > len(best):
            best = run
        run = []
    if len(best) < minimum:
        return None
    return " ".join(best).rstrip(".,;:")


def chapter_blocks(pattern: re.Pattern) -> list[tuple[str, str]]:
    """(docname, snippet) for each block of a kind in the chapters of the book."""
    found = []
    for chapter in course_chapters(ROOT, TOC):
        for match in pattern.finditer(chapter.path.read_text(encoding="utf-8")):
            snippet = plain_run(match.group("body"))
            if snippet:
                found.append((chapter.docname, snippet))
    return found


def notebook_solution_snippets() -> list[tuple[str, str]]:
    """(docname, snippet) for the markdown of each notebook's worked solution."""
    found = []
    for docname in toc_files(TOC):
        path = ROOT / f"{docname}.ipynb"
        if not path.is_file():
            continue
        tagged = json.loads(hide_notebook_solutions(path.read_text(encoding="utf-8")))
        for cell in tagged["cells"]:
            if cell["cell_type"] == "markdown" and "remove-cell" in cell["metadata"].get(
                "tags", []
            ):
                snippet = plain_run("".join(cell["source"]), minimum=6)
                if snippet:
                    found.append((docname, snippet))
    return found


def page_text(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return " ".join(soup.get_text(" ").split())


# ---- the helpers themselves ----------------------------------------------------------------


def test_plain_run_finds_ordinary_words():
    assert (
        plain_run(
            "Osteoclast: (c), it resorbs bone. A little bone is lost at that spot, "
            "because {term}`formation` did not"
        )
        == "it resorbs bone. A little bone is lost at that spot, because"
    )
    assert plain_run("too `short` here") is None


def test_notebook_solutions_are_tagged_from_the_solution_cell_to_the_next_heading():
    notebook = {
        "cells": [
            {
                "cell_type": "markdown",
                "metadata": {},
                "source": "## Exercise\n\n**Exercise.** Do it.",
            },
            {"cell_type": "code", "metadata": {}, "source": "x = 1"},
            {"cell_type": "markdown", "metadata": {}, "source": "**Solution.** First this:"},
            {"cell_type": "code", "metadata": {}, "source": "answer = 42"},
            {"cell_type": "markdown", "metadata": {}, "source": "Then that."},
            {"cell_type": "code", "metadata": {"tags": ["hide-input"]}, "source": "print(answer)"},
            {"cell_type": "markdown", "metadata": {}, "source": "## Next section"},
            {"cell_type": "code", "metadata": {}, "source": "y = 2"},
            {"cell_type": "code", "metadata": {"tags": ["solution"]}, "source": "z = 3"},
        ]
    }
    tagged = json.loads(hide_notebook_solutions(json.dumps(notebook)))
    removed = ["remove-cell" in c["metadata"].get("tags", []) for c in tagged["cells"]]
    assert removed == [False, False, True, True, True, True, False, False, True]
    assert tagged["cells"][5]["metadata"]["tags"] == ["hide-input", "remove-cell"]
    assert [c["source"] for c in tagged["cells"]] == [c["source"] for c in notebook["cells"]]


# ---- learner and student editions ----------------------------------------------------------


def test_the_chapters_have_answers_to_check():
    assert len(chapter_blocks(_SOLUTION)) >= 10, "too few solutions found to prove anything"


def test_learner_edition_shows_every_answer(built_site):
    site, _ = built_site
    missing = [
        (doc, snippet)
        for doc, snippet in chapter_blocks(_SOLUTION)
        if snippet not in page_text(site / f"{doc}.html")
    ]
    missing += [
        (doc, snippet)
        for doc, snippet in notebook_solution_snippets()
        if snippet not in page_text(site / f"{doc}.html")
    ]
    assert missing == []


def test_student_edition_builds_without_warnings(student_site):
    _, log = student_site
    assert warnings_in(log) == []
    assert "build succeeded" in log


def test_student_edition_contains_no_answer(student_site):
    site, _ = student_site
    pages = {p: page_text(p) for p in site.rglob("*.html")}
    leaks = [
        (doc, snippet)
        for doc, snippet in chapter_blocks(_SOLUTION) + notebook_solution_snippets()
        for page, text in pages.items()
        if snippet in text
    ]
    assert leaks == []
    solution_boxes = [
        p.name
        for p in pages
        if BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").select(
            ".solution, [id^='solution-']"
        )
    ]
    assert solution_boxes == []


def test_student_edition_keeps_every_question(student_site):
    site, _ = student_site
    exercises = chapter_blocks(_EXERCISE)
    assert exercises
    missing = [(doc, s) for doc, s in exercises if s not in page_text(site / f"{doc}.html")]
    assert missing == []


def test_student_edition_ships_no_chapter_source(student_site):
    site, _ = student_site
    sources = site / "_sources"
    copied = (
        sorted(str(p.relative_to(sources)) for p in sources.rglob("*.md"))
        if sources.is_dir()
        else []
    )
    assert copied == []
    for chapter in course_chapters(ROOT, TOC):
        html = (site / f"{chapter.docname}.html").read_text(encoding="utf-8")
        assert f"_sources/{chapter.docname}.md" not in html


def test_student_edition_says_which_edition_it_is(student_site, built_site):
    site, _ = student_site
    title = BeautifulSoup((site / "book" / "intro.html").read_text(), "html.parser").title.text
    assert "student edition" in title
    learner = BeautifulSoup((built_site[0] / "book" / "intro.html").read_text(), "html.parser")
    assert "student edition" not in learner.title.text


def test_marking_notes_only_in_the_learner_edition(student_site, built_site):
    guide = Path("book") / "guides" / "instructors.html"
    assert "Marking notes for F1" in page_text(built_site[0] / guide)
    assert "Marking notes" not in page_text(student_site[0] / guide)


# ---- printable edition ---------------------------------------------------------------------


@pytest.mark.parametrize("tier", list(print_edition.PRINT_TIERS))
def test_print_toc_is_generated_from_the_book(tier):
    toc = print_edition.tier_toc(TOC, tier)
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    # The book's own table of contents, read here without the course model.
    listed = [
        f.removesuffix(".md").removesuffix(".ipynb")
        for f in re.findall(r"file:\s*(\S+)", TOC.read_text(encoding="utf-8"))
    ]
    assert all(f in listed for f in files)  # nothing that the book does not list
    wanted = print_edition.PRINT_TIERS[tier]
    pages = [f for f in listed if (ROOT / f"{f}.md").is_file()]
    chapters = [f for f in pages if front_matter(ROOT / f"{f}.md").get("tier") in wanted]
    assert [f for f in files if f in chapters] == chapters  # every chapter, in reading order
    notebooks = [f for f in listed if f.startswith(f"notebooks/{tier}/")]
    assert [f for f in files if f.startswith("notebooks/")] == notebooks  # and every notebook
    assert files[-2:] == ["book/glossary", "book/references"]


def test_printable_page_builds_without_warnings(printed_fundamentals):
    site, log = printed_fundamentals
    assert warnings_in(log) == []
    assert "build succeeded" in log
    assert (site / "index.html").is_file()


def test_printable_page_holds_the_whole_tier_without_answers(printed_fundamentals):
    site, _ = printed_fundamentals
    html = (site / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    text = " ".join(soup.get_text(" ").split())
    for doc in print_edition.tier_documents(TOC, "fundamentals"):
        assert (
            soup.find(id=f"document-{doc}")
            or doc == print_edition.tier_toc(TOC, "fundamentals")["root"]
        ), f"{doc} is not in the printout"
    for doc, snippet in chapter_blocks(_SOLUTION):
        assert snippet not in text, f"an answer from {doc} is in the printout"
    assert "Educational material, not medical advice" in text
    assert soup.select_one('link[href$="print.css"]') is not None
    assert "Fundamentals" in soup.title.text


def test_printable_page_keeps_the_figures(printed_fundamentals):
    site, _ = printed_fundamentals
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    expected = 0
    for doc in print_edition.tier_documents(TOC, "fundamentals"):
        path = ROOT / f"{doc}.ipynb"
        if path.is_file():
            notebook = json.loads(hide_notebook_solutions(path.read_text(encoding="utf-8")))
            expected += sum(
                1
                for cell in notebook["cells"]
                if "remove-cell" not in cell["metadata"].get("tags", [])
                for output in cell.get("outputs", [])
                if "image/png" in output.get("data", {})
            )
    images = [img for img in soup.select(".cell_output img") if (site / img["src"]).is_file()]
    assert len(images) >= expected


def test_print_stylesheet_hides_navigation_and_breaks_pages():
    css = (ROOT / "_static" / "print.css").read_text(encoding="utf-8")
    body = css[css.index("@media print") :]
    assert body.count("{") == body.count("}")
    for selector in (".bd-sidebar-primary", ".bd-header-article", ".prev-next-footer"):
        assert selector in body
    assert re.search(r'span\[id\^="document-"\] \+ section,?[^{]*\{\s*break-before: page', body)
    hidden = [
        selectors
        for selectors, rules in re.findall(r"([^{}]+)\{([^{}]*)\}", body)
        if "display: none" in rules
    ]
    assert hidden, "the stylesheet hides nothing"
    assert not [s for s in hidden if re.search(r"\b(img|figure|svg)\b", s)], "figures are hidden"

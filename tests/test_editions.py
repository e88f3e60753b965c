"""The two editions and the printable pages: one source, and the answers only where they belong.

The learner edition (the `built_site` fixture, `make book`) shows every answer in a dropdown.
The student edition, which the same build puts at `student/` inside the site, must contain no
answer at all: not in a page, not in the search index, not in a copied source file or notebook
download, and no wording that promises answers. The printable edition (`make print`) builds
one warning-free page per tier, with every chapter and notebook of the tier, no answers, and the
print stylesheet.

The student edition reads the learner build's notebook execution cache, and the print build
reuses it when there is one (`make test` makes one), so they cost a build but no second run of
the notebooks.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from coursebook import print_edition
from coursebook.model import course_chapters, front_matter, toc_files
from coursebook.notebook_solutions import (
    SOLUTION_CELL,
    YOUR_WORKING,
    hide_notebook_solutions,
    solution_cells,
    student_notebook,
)

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
def student_site(built_site) -> tuple[Path, str]:
    """The student edition that `make build` puts inside the site (student/), and the log."""
    site, log = built_site
    assert (site / "student" / "book" / "intro.html").is_file(), "no student edition in the site"
    return site / "student", log


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
_QUIZ = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{quiz\}[^\n]*\n(?P<body>.*?)^(?P=fence)\s*$", re.M | re.S
)
_OPTION = re.compile(r"^- \[[ xX]\] (?P<option>.*(?:\n(?!\s*\n).*)*)", re.M)
_PLAIN_WORD = re.compile(r"^[A-Za-z0-9]+[.,;:]?$")


def plain_runs(markdown: str, minimum: int = 5) -> list[str]:
    """The runs of ordinary words in a piece of MyST (no markup, quotes, symbols or numbers
    with decimals), which therefore appear verbatim in the rendered page's text; longest first."""
    # code blocks and directive options end a run (they are not rendered as running text)
    text = re.sub(r"^```.*?^```", " ` ", markdown, flags=re.M | re.S)
    text = re.sub(r"^:\w[\w-]*:.*$", " ` ", text, flags=re.M)
    runs: list[list[str]] = []
    run: list[str] = []
    for word in text.split() + ["`"]:
        if _PLAIN_WORD.match(word):
            run.append(word)
            continue
        if len(run) >= minimum:
            runs.append(run)
        run = []
    runs.sort(key=len, reverse=True)
    return [" ".join(r).rstrip(".,;:") for r in runs]


def plain_run(markdown: str, minimum: int = 5) -> str | None:
    """The longest run of ordinary words in a piece of MyST (see plain_runs)."""
    runs = plain_runs(markdown, minimum)
    return runs[0] if runs else None


def chapter_blocks(pattern: re.Pattern) -> list[tuple[str, str]]:
    """(docname, snippet) for each block of a kind in the chapters of the book."""
    found = []
    for chapter in course_chapters(ROOT, TOC):
        for match in pattern.finditer(chapter.path.read_text(encoding="utf-8")):
            snippet = plain_run(match.group("body"))
            if snippet:
                found.append((chapter.docname, snippet))
    return found


def quiz_parts(body: str) -> tuple[str, list[str], list[str]]:
    """A {quiz} block's question, its options and the explanations under them (MyST)."""
    starts = list(_OPTION.finditer(body))
    question = body[: starts[0].start()].strip().split("\n\n")[-1] if starts else ""
    options = [m.group("option") for m in starts]
    explanations = [
        body[m.end() : (starts[i + 1].start() if i + 1 < len(starts) else len(body))]
        for i, m in enumerate(starts)
    ]
    return question, options, explanations


def quiz_snippets(kind: str) -> list[tuple[str, str]]:
    """(docname, snippet) for the questions and options ("question") or explanations
    ("explanation") of every {quiz} in the chapters.

    An explanation may restate the chapter in its own words; its snippet is the longest run
    that the rest of the chapter does not contain, so that finding it in a page means the
    explanation is there (an explanation with no such run is left out)."""
    found = []
    for chapter in course_chapters(ROOT, TOC):
        source = chapter.path.read_text(encoding="utf-8")
        prose = " ".join(_QUIZ.sub(" ", source).split())
        for match in _QUIZ.finditer(source):
            question, options, explanations = quiz_parts(match.group("body"))
            if kind == "question":
                runs = [plain_runs(text, minimum=3)[:1] for text in [question, *options]]
            else:
                runs = [
                    [r for r in plain_runs(text) if r not in prose][:1] for text in explanations
                ]
            found += [(chapter.docname, run[0]) for run in runs if run]
    return found


def notebook_solution_snippets() -> list[tuple[str, str]]:
    """(docname, snippet) for the markdown of each notebook's worked solution."""
    found = []
    for docname in toc_files(TOC):
        path = ROOT / f"{docname}.ipynb"
        if not path.is_file():
            continue
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell, solution in zip(notebook["cells"], solution_cells(notebook)):
            if cell["cell_type"] == "markdown" and solution:
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
    assert len(quiz_snippets("explanation")) >= 6, "too few explained options to prove anything"
    assert len(notebook_solution_snippets()) >= 3, "too few notebook solutions to prove anything"


def test_quiz_parts_reads_question_options_and_explanations():
    body = (
        ":label: q\n\nSome context.\n\nWhich one?\n\n- [ ] First\n  option.\n\n"
        "  Why not the first.\n\n- [x] Second.\n\n  Why the second.\n  Still why.\n"
    )
    question, options, explanations = quiz_parts(body)
    assert question == "Which one?"
    assert options == ["First\n  option.", "Second."]
    assert [" ".join(e.split()) for e in explanations] == [
        "Why not the first.",
        "Why the second. Still why.",
    ]


def test_learner_edition_shows_every_answer(built_site):
    site, _ = built_site
    missing = [
        (doc, snippet)
        for doc, snippet in chapter_blocks(_SOLUTION)
        if snippet not in page_text(site / f"{doc}.html")
    ]
    missing += [
        (doc, snippet)
        for doc, snippet in notebook_solution_snippets() + quiz_snippets("explanation")
        if snippet not in page_text(site / f"{doc}.html")
    ]
    assert missing == []


def test_learner_edition_folds_notebook_solutions(built_site):
    site, _ = built_site
    for doc, snippet in notebook_solution_snippets():
        soup = BeautifulSoup((site / f"{doc}.html").read_text(encoding="utf-8"), "html.parser")
        folded = [
            " ".join(box.get_text(" ").split())
            for box in soup.select("div.admonition.dropdown.notebook-solution")
        ]
        assert any(snippet in text for text in folded), f"{doc}: '{snippet}' is not folded"


def test_student_edition_builds_without_warnings(student_site):
    _, log = student_site
    assert warnings_in(log) == []
    assert "build succeeded" in log


def test_student_edition_contains_no_answer(student_site):
    site, _ = student_site
    pages = {p: page_text(p) for p in site.rglob("*.html")}
    leaks = [
        (doc, snippet)
        for doc, snippet in chapter_blocks(_SOLUTION)
        + notebook_solution_snippets()
        + quiz_snippets("explanation")
        for page, text in pages.items()
        if snippet in text
    ]
    assert leaks == []
    solution_boxes = [
        p.name
        for p in pages
        if BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").select(
            ".solution, [id^='solution-'], .notebook-solution, .quiz-answers, .quiz-explanation, "
            "[data-correct], script[src*='quiz.js']"
        )
    ]
    assert solution_boxes == []


def search_terms(site: Path) -> set[str]:
    """The words (stemmed) for which the site's search index finds a page."""
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    # An incremental build keeps a word whose pages were all rebuilt without it, with no page:
    # it finds nothing, so it does not count.
    return {
        term
        for table in (index["terms"], index.get("titleterms", {}))
        for term, pages in table.items()
        if pages != []
    }


def test_student_search_index_holds_no_answer(student_site, built_site):
    """Words that only the answers use are in the learner edition's index and not the student's."""
    from sphinx.search.en import SearchEnglish

    stem = SearchEnglish({}).stem
    site, _ = student_site
    words = {
        stem(w.lower())
        for page in site.rglob("*.html")
        for w in re.findall(r"[A-Za-z]{4,}", page_text(page))
    }
    answers = [s for _, s in chapter_blocks(_SOLUTION) + quiz_snippets("explanation")]
    only_in_answers = {
        stem(w.lower()) for text in answers for w in re.findall(r"[A-Za-z]{4,}", text)
    } - words
    assert only_in_answers, "no word is unique to the answers; the check proves nothing"
    assert only_in_answers & search_terms(built_site[0]), "the learner index lacks the answers"
    assert only_in_answers & search_terms(site) == set()


def test_student_notebook_downloads_hold_no_solution(student_site):
    site, _ = student_site
    downloads = sorted((site / "_sources").rglob("*.ipynb"))
    assert downloads, "the student edition offers no notebook download"
    snippets = notebook_solution_snippets()
    for path in downloads:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        text = " ".join(" ".join("".join(c["source"]).split()) for c in notebook["cells"])
        assert not [s for doc, s in snippets if s in text], f"{path.name} holds a solution"
        assert not [c for c in notebook["cells"] if SOLUTION_CELL.match("".join(c["source"]))]
    for doc, _ in snippets:
        notebook = json.loads((site / "_sources" / f"{doc}.ipynb").read_text(encoding="utf-8"))
        sources = ["".join(c["source"]) for c in notebook["cells"]]
        assert YOUR_WORKING in sources, f"{doc}: no place left for the student's own working"
        html = (site / f"{doc}.html").read_text(encoding="utf-8")
        assert f"_sources/{doc.rsplit('/', 1)[-1]}.ipynb" in html or f"{doc}.ipynb" in html


def test_student_notebook_keeps_everything_but_the_solution():
    notebook = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [
            {"cell_type": "markdown", "id": "a", "metadata": {}, "source": "**Exercise.** Do it."},
            {"cell_type": "markdown", "id": "b", "metadata": {}, "source": "**Solution.** This:"},
            {
                "cell_type": "code",
                "id": "c",
                "metadata": {},
                "source": "x = 42",
                "outputs": [],
                "execution_count": 1,
            },
            {"cell_type": "markdown", "id": "d", "metadata": {}, "source": "## Next"},
        ],
    }
    cells = json.loads(student_notebook(json.dumps(notebook)))["cells"]
    assert [c["source"] for c in cells] == ["**Exercise.** Do it.", YOUR_WORKING, "", "## Next"]
    assert len({c["id"] for c in cells}) == 4


def test_student_edition_keeps_every_question(student_site):
    site, _ = student_site
    exercises = chapter_blocks(_EXERCISE) + quiz_snippets("question")
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


# Wording that tells a reader answers are at hand: none of it may reach the student edition.
PROMISES = re.compile(
    r"hidden until|until you (click|open)|click to (show|reveal)|answers? (is|are) (below|hidden)"
    r"|(open|see) the (cells|solution)s? below|answer and why|worked solution follows",
    re.I,
)


def test_student_edition_promises_no_answer(student_site, built_site):
    site, _ = student_site
    promising = {
        str(p.relative_to(site)): sorted(set(m.group(0) for m in PROMISES.finditer(page_text(p))))
        for p in site.rglob("*.html")
        if "_static" not in p.relative_to(site).parts
    }
    assert {page: found for page, found in promising.items() if found} == {}
    # the learner edition does say so, so the pattern is not a dead letter
    assert PROMISES.search(page_text(built_site[0] / "book" / "intro.html"))


def test_instructor_guide_links_each_chapter_student_page(built_site):
    site, _ = built_site
    guide = site / "book" / "guides" / "instructors.html"
    soup = BeautifulSoup(guide.read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in soup.select("ul.student-edition-links a")]
    chapters = course_chapters(ROOT, TOC)
    assert links == [f"../../student/{c.docname}.html" for c in chapters]
    for href in links:
        assert (guide.parent / href).resolve().is_file(), href
    student_guide = site / "student" / "book" / "guides" / "instructors.html"
    soup = BeautifulSoup(student_guide.read_text(encoding="utf-8"), "html.parser")
    own = [a["href"] for a in soup.select("ul.student-edition-links a")]
    assert own == [f"../../{c.docname}.html" for c in chapters]


def test_student_notebook_pages_have_no_launch_button(student_site, built_site):
    site, _ = student_site
    for doc, _ in notebook_solution_snippets():
        html = (site / f"{doc}.html").read_text(encoding="utf-8")
        assert "mybinder.org" not in html and "colab.research.google.com" not in html, doc


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
                if {"image/png", "image/svg+xml"} & set(output.get("data", {}))
            )
    # The figure files themselves must be in the printed site (a notebook figure is an <img>).
    assert expected > 0, "no figure found in the Fundamentals notebooks to look for"
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

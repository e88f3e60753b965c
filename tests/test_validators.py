"""Two checkers the course did not write find no error on any page of either edition.

- the W3C Nu HTML Checker (vnu.jar, npm vnu-jar) on every page of the built site, the root
  redirect included;
- HTML_CodeSniffer, WCAG 2 AA, through pa11y (npm) in Debian's Chromium, on every page a
  reader opens; its warnings need a person's judgement, and each kind found must be one that
  was reviewed (tests/htmlcs-warnings.md says which and why they stand).

One run of each checker per edition (coursebook/validators.py), then one test per page, so a
failure names the page and lists each error with where it is. `make test` installs what they
need (Java, Node.js, Chromium; `npm ci`) and builds both editions first.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursebook import validators
from coursebook.model import toc_files

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = ("learner", "student")
READER_PAGES = [f"{name}.html" for name in toc_files(ROOT / "_toc.yml")] + [
    "genindex.html",
    "search.html",
]
ALL_PAGES = READER_PAGES + ["index.html"]
REVIEWED = ROOT / "tests" / "htmlcs-warnings.md"


def need_tools() -> None:
    missing = validators.missing_tools()
    if missing:
        pytest.fail("the validators need " + "; ".join(missing), pytrace=False)


@pytest.fixture(scope="module")
def sites(built_site, student_edition) -> dict[str, Path]:
    return {"learner": built_site[0], "student": student_edition[0]}


class Reports(dict):
    """edition -> page -> findings, shown briefly when a test fails (the page's errors are listed)."""

    def __repr__(self) -> str:
        return f"<reports on {', '.join(self)}>"


@pytest.fixture(scope="module")
def nu(sites) -> Reports:
    need_tools()
    return Reports(validators.run_vnu_sites(sites))


@pytest.fixture(scope="module")
def htmlcs(sites) -> Reports:
    need_tools()
    return Reports({edition: validators.run_htmlcs(site) for edition, site in sites.items()})


def listing(findings: list[validators.Finding]) -> str:
    return "\n".join(f.line() for f in findings)


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_is_checked(sites, edition):
    """The pages tested here are the site's pages: none is built that no test checks."""
    assert validators.site_pages(sites[edition]) == sorted(ALL_PAGES)


@pytest.mark.parametrize("page", ALL_PAGES)
@pytest.mark.parametrize("edition", EDITIONS)
def test_nu_html_checker_finds_no_error(nu, edition, page):
    assert page in nu[edition], f"the Nu HTML Checker did not report on {page}"
    found = validators.errors(nu[edition][page])
    assert not found, f"{edition} edition, {page}: {len(found)} error(s)\n{listing(found)}"


@pytest.mark.parametrize("page", READER_PAGES)
@pytest.mark.parametrize("edition", EDITIONS)
def test_html_codesniffer_finds_no_error(htmlcs, edition, page):
    assert page in htmlcs[edition], f"pa11y did not report on {page}"
    found = validators.errors(htmlcs[edition][page])
    assert not found, f"{edition} edition, {page}: {len(found)} error(s)\n{listing(found)}"


def reviewed_warnings() -> set[str]:
    """The HTML_CodeSniffer warning codes listed in tests/htmlcs-warnings.md."""
    return set(re.findall(r"^\| `(WCAG2AA\.[^`]+)`", REVIEWED.read_text(encoding="utf-8"), re.M))


def test_html_codesniffer_warnings_were_reviewed(htmlcs):
    reviewed = reviewed_warnings()
    assert reviewed, f"{REVIEWED.name} lists no warning code"
    new = {}
    for edition, pages in htmlcs.items():
        for page, findings in pages.items():
            for f in findings:
                if f.kind == "warning" and f.code not in reviewed:
                    new.setdefault(f.code, f"{edition} edition, {page} at {f.where}: {f.message}")
    assert not new, (
        f"HTML_CodeSniffer warnings of a kind nobody has reviewed (judge each, fix it or add it "
        f"to {REVIEWED.relative_to(ROOT)} with the reason it stands):\n"
        + "\n".join(f"{code}\n    e.g. {example}" for code, example in sorted(new.items()))
    )


FAULTY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Faults</title></head>
<body><main>
<h1></h1>
<section id="twice"><p>one</p></section><section id="twice"><p>two</p></section>
<form action="search.html"><input type="search" name="q" aria-label="Search"></form>
</main></body></html>
"""


def test_checkers_report_the_faults_they_are_here_for(tmp_path):
    """On a page made with the faults the course had, both checkers fail it."""
    need_tools()
    (tmp_path / "faulty.html").write_text(FAULTY_PAGE, encoding="utf-8")
    nu = validators.errors(validators.run_vnu(tmp_path)["faulty.html"])
    assert any("Duplicate ID" in f.message and "twice" in f.message for f in nu), listing(nu)
    codes = {f.code for f in validators.errors(validators.run_htmlcs(tmp_path)["faulty.html"])}
    assert {
        "WCAG2AA.Principle4.Guideline4_1.4_1_1.F77",  # the duplicate id
        "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2",  # a form without a submit button
        "WCAG2AA.Principle1.Guideline1_3.1_3_1.H42.2",  # an empty heading
    } <= codes, codes

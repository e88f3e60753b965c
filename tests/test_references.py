"""References fit for readers: no authoring notes printed, one in-text style ("et al.").

references.bib keeps what was or was not verified in a stored record in `annote`, a field the
bibliography does not print; `note` (printed) holds only what a reader needs. A one-page book
with the course's citation styles (coursebook/references.py) shows how citations render.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from pybtex.database import parse_file

ROOT = Path(__file__).resolve().parent.parent
BIB = parse_file(ROOT / "references.bib")
# Words of an authoring note: they say how the course checked the source, not what it is.
AUTHORING = re.compile(
    r"verif|not seen|stored|\bread\b|checked|cut off|not quoted|confirm|as given by|not shown",
    re.IGNORECASE,
)
CONF = """
extensions = ["myst_parser", "sphinxcontrib.bibtex", "coursebook.references"]
bibtex_bibfiles = ["references.bib"]
bibtex_reference_style = "course_author_year"
bibtex_default_style = "course"
exclude_patterns = ["_build"]
"""


def test_printed_notes_hold_no_authoring_notes():
    found = [
        f"{key}: {entry.fields['note']}"
        for key, entry in BIB.entries.items()
        if AUTHORING.search(entry.fields.get("note", ""))
    ]
    assert found == [], "authoring notes belong in `annote`:\n" + "\n".join(found)


def test_authoring_notes_are_kept_for_authors():
    kept = [key for key, entry in BIB.entries.items() if "annote" in entry.fields]
    assert len(kept) >= 40, kept
    assert "order not verified" in BIB.entries["scholes2005"].fields["annote"]


def _build(tmp_path: Path, page: str) -> str:
    project = tmp_path / "project"
    project.mkdir()
    (project / "references.bib").write_bytes((ROOT / "references.bib").read_bytes())
    (project / "conf.py").write_text(CONF, encoding="utf-8")
    (project / "index.md").write_text(page, encoding="utf-8")
    sphinx = Path(sys.executable).with_name("sphinx-build")
    run = subprocess.run(
        [str(sphinx), "-W", "-n", "-q", "-b", "html", str(project), str(project / "_build")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return (project / "_build" / "index.html").read_text(encoding="utf-8")


def _text(html: str) -> str:
    from bs4 import BeautifulSoup

    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def test_one_in_text_style_and_no_authoring_note_on_the_page(tmp_path):
    # liu2005: "Liu and others" (one listed author); cauley2003: many listed authors;
    # rossouw2002: a note printed for readers beside an annote that must not be.
    assert [str(p) for p in BIB.entries["liu2005"].persons["author"]][-1] == "others"
    text = _text(
        _build(
            tmp_path,
            "# Test\n\nA {cite}`liu2005`, b {cite}`cauley2003`, c {cite}`black1996`,"
            " d {cite}`almeida2013`, e {cite}`scholes2005`, f {cite}`siris2004`.\n\n"
            "```{bibliography}\n```\n",
        )
    )
    assert "and others" not in text
    assert "Liu et al. , 2005" in text or "Liu et al., 2005" in text, text[:400]
    assert "Cauley et al." in text
    # The References list says it the same way, with no "and" before more authors follow.
    assert "J. H. Liu et al." in text
    assert "Li Han, Elena Ambrogini, et al." in text
    assert "Fracture Intervention Trial Research Group" in text  # a note for readers stays
    for words in ("not verified", "stored record", "Verified in", "Abstract read"):
        assert words not in text, words

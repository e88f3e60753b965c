"""The claims register, the evidence rubric and the computed numbers, checked against the pages.

Four promises are tested here: every label a page shows names a register row that the rubric
allows; every source a chapter cites has a register row for that chapter; the rubric is worded in
one place only; and no number the code computes is also typed on a page that shows it.
"""

import json
import math
import re
from pathlib import Path

import pytest

from bonelab import results
from bonelab.data import DataError
from bonelab.evidence import LEVELS, register

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TIER_PAGES = sorted(
    p
    for tier in ("fundamentals", "intermediate", "academic")
    for p in (ROOT / "book" / tier).glob("*.md")
) + [ROOT / "book" / "reflection.md"]
HEADER = "id,chapter,claim,source,location,source_says,design,quality,label,basis\n"


def page_texts() -> dict[str, str]:
    """Every page's own prose: Markdown pages whole, notebooks' Markdown cells."""
    texts = {}
    for path in sorted((ROOT / "book").rglob("*.md")):
        texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        texts[str(path.relative_to(ROOT))] = "\n\n".join(
            "".join(c["source"]) for c in cells if c["cell_type"] == "markdown"
        )
    return texts


def notebook_code_keys() -> dict[str, set[str]]:
    """The result keys each notebook's code cells print: ``results.display("key")`` or ``value``.

    A notebook shows a computed number through a code cell (JupyterLab cannot render the
    ``{computed}`` role), so its keys are found in its code, written as a literal string.
    """
    keys = {}
    for path in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        keys[str(path.relative_to(ROOT))] = set(RESULT_CALL.findall(code))
    return keys


EVIDENCE_DIRECTIVE = re.compile(r"^(?:```+|:::+)\{evidence\}\s+(.+?)\s*$", re.M)
EVIDENCE_ROLE = re.compile(r"\{evidence-label\}`([^`]+)`")
COMPUTED_ROLE = re.compile(r"\{computed\}`([^`]+)`")
RESULT_CALL = re.compile(r"\bresults\.(?:display|value)\(\s*[\"']([^\"']+)[\"']\s*\)")
CITE_ROLE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


@pytest.fixture(scope="module")
def claims():
    return register().set_index("id", drop=False)


def test_register_loads_and_every_label_meets_the_rubric(claims):
    labels = claims[claims["label"].notna()]
    findings = claims[claims["source"].notna()]
    assert len(findings) > 0
    assert set(labels["label"]) <= set(LEVELS)


def test_every_label_on_a_page_names_a_label_row_and_every_label_row_is_shown(claims):
    used = {}
    for page, text in page_texts().items():
        for claim_id in EVIDENCE_DIRECTIVE.findall(text) + EVIDENCE_ROLE.findall(text):
            used.setdefault(claim_id.strip(), []).append(page)
    label_rows = set(claims.index[claims["label"].notna()])
    missing = {c: pages for c, pages in used.items() if c not in label_rows}
    assert not missing, f"labels that name no label row of data/claims.csv: {missing}"
    unused = sorted(label_rows - set(used))
    assert not unused, f"label rows that no page shows: {unused}"


def test_no_page_gives_a_bare_level_instead_of_a_register_row():
    for page, text in page_texts().items():
        for argument in EVIDENCE_DIRECTIVE.findall(text):
            assert argument.strip().lower() not in LEVELS, (
                f"{page}: {{evidence}} {argument} names no row"
            )


@pytest.mark.parametrize("page", TIER_PAGES, ids=lambda p: p.stem)
def test_every_source_a_chapter_cites_has_a_register_row(claims, page):
    chapter = str(page.relative_to(ROOT).with_suffix(""))
    cited = {
        key.strip()
        for keys in CITE_ROLE.findall(page.read_text(encoding="utf-8"))
        for key in keys.split(",")
    }
    registered = set(claims.loc[claims["chapter"] == chapter, "source"].dropna())
    assert cited, f"{chapter} cites nothing"
    missing = sorted(cited - registered)
    assert not missing, f"{chapter} cites sources with no finding row in data/claims.csv: {missing}"


def test_every_register_row_names_a_page_of_the_book(claims):
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    pages = set(re.findall(r"file:\s*(\S+)", toc)) | set(re.findall(r"root:\s*(\S+)", toc))
    assert set(claims["chapter"]) <= pages


# A line that defines an evidence level: "- **weak**: ...", "weak: ...", "| weak | means ...".
LEVEL_DEFINITION = re.compile(
    r"^\s*(?:[-*+]|\d+\.|\|)?\s*[*_]*\s*(well supported|mixed|weak|contradicted)\s*[*_]*\s*(?::|—|–|\|\s*\w)",
    re.I | re.M,
)


def test_the_rubric_is_worded_once():
    places = dict(page_texts())
    for name in ("README.md", "CONTRIBUTING.md"):
        places[name] = (ROOT / name).read_text(encoding="utf-8")
    found = {
        place: [m.group(0).strip() for m in LEVEL_DEFINITION.finditer(text)]
        for place, text in places.items()
    }
    found = {place: lines for place, lines in found.items() if lines}
    assert not found, f"the rubric is defined in bonelab/evidence.py only; also worded in: {found}"
    rubric_pages = [p for p, text in places.items() if "{evidence-rubric}" in text]
    assert rubric_pages, "no page renders the rubric"


def literal_pattern(shown: str) -> re.Pattern:
    """The displayed text of a number as a standalone token, with either kind of minus sign.

    Not after "{": a LaTeX index such as g_{12} is a symbol's name, not a number shown."""
    body = re.escape(shown.lstrip("-−"))
    sign = "[-−]" if shown[:1] in "-−" else ""
    return re.compile(rf"(?<![\w.,{{]){sign}{body}(?![\w]|[.,]\d)")


def test_computed_numbers_are_never_also_typed_on_the_page_that_shows_them():
    problems = []
    printed = notebook_code_keys()
    for page, text in page_texts().items():
        # A notebook's prose must not type what its code cells print, either.
        keys = set(COMPUTED_ROLE.findall(text)) | printed.get(page, set())
        if not keys:
            continue
        prose = COMPUTED_ROLE.sub(" ", text)
        for key in sorted(keys):
            shown = results.display(key)
            for match in literal_pattern(shown).finditer(prose):
                line = prose.count("\n", 0, match.start()) + 1
                problems.append(
                    f"{page} line {line}: {shown!r} typed, but it is {{computed}}`{key}`"
                )
    assert not problems, "\n".join(problems)


def test_the_literal_check_finds_a_typed_number():
    # The check above must be able to fail: a typed copy of a displayed value is found,
    # a longer number that merely contains it is not.
    pattern = literal_pattern("89.8")
    assert pattern.search("bone mass dips to 89.8 near day 12")
    assert not pattern.search("a value of 189.85")
    assert literal_pattern("-1.8").search("placebo lost −1.8 %")
    assert not literal_pattern("12").search(r"\alpha_2\, C^{g_{12}}")
    assert literal_pattern("12").search("by day 12, then")


def test_the_code_cell_pattern_finds_a_printed_key():
    # Keys printed by notebook code cells count as shown; the pattern must find them, and only
    # them (a key in a comment or a variable is not a display).
    code = 'print(f"NNT {results.display(\'whi.fracture.nnt\')}")\nx = results.value("a.b")\n'
    assert RESULT_CALL.findall(code) == ["whi.fracture.nnt", "a.b"]
    assert RESULT_CALL.findall("# whi.fracture.nnt\nkey = 'whi.fracture.nnt'") == []
    assert any(keys for keys in notebook_code_keys().values())


def test_every_computed_key_on_a_page_exists_and_every_result_is_shown():
    used = {key for text in page_texts().values() for key in COMPUTED_ROLE.findall(text)}
    used |= {key for keys in notebook_code_keys().values() for key in keys}
    assert used <= set(results.keys()), sorted(used - set(results.keys()))
    assert set(results.keys()) <= used, (
        f"results no page or notebook shows: {sorted(set(results.keys()) - used)}"
    )


@pytest.mark.parametrize("key", results.keys())
def test_every_result_is_a_finite_number_with_its_text(key):
    number = results.value(key)
    assert isinstance(number, (int, float)) and math.isfinite(number)
    assert results.display(key).strip()


def test_a_result_key_is_registered_once():
    key = results.keys()[0]
    with pytest.raises(ValueError, match="registered twice"):
        results.result(key, fmt="{}", description="again")(lambda: 1.0)
    with pytest.raises(KeyError, match="did you mean"):
        results.get(key + "x")


# --- the register refuses what it should: each damaged copy fails at its row and column ---


# data_copy (tests/conftest.py): a copy of data/ with references.bib beside it.
FINDINGS = (
    'a-cells,book/academic/receptors,"claim",rickard2002,abstract,"says",cell study,,,\n'
    'a-trial,book/intermediate/testosterone,"claim",pepi1996,abstract,"says",randomized trial,adequate,,\n'
    'a-flawed,book/intermediate/testosterone,"claim",gallagher1991,abstract,"says",randomized trial,limited,,\n'
)


@pytest.mark.parametrize(
    "rows, column, message",
    [
        (
            'x-label,book/academic/receptors,"c",,,,,,well supported,+a-cells\n',
            "label",
            "two different sources",
        ),
        (
            'x-label,book/academic/receptors,"c",,,,,,contradicted,-a-flawed\n',
            "label",
            "adequate quality",
        ),
        ('x-label,book/academic/receptors,"c",,,,,,weak,+a-trial\n', "label", "not weak"),
        (
            'x-label,book/academic/receptors,"c",,,,,,mixed,+a-trial;+a-cells\n',
            "label",
            "going-against",
        ),
        (
            'x-label,book/academic/receptors,"c",,,,,,mixed,+a-cells;-a-trial\n',
            "label",
            "supporting finding in people",
        ),
        ('x-label,book/academic/receptors,"c",,,,,,weak,+a-missing\n', "basis", "names no finding"),
        ('x-label,book/academic/receptors,"c",,,,,,weak,a-cells\n', "basis", "is not +id or -id"),
        ('a-trial,book/academic/receptors,"c",,,,,,weak,+a-cells\n', "id", "already used"),
        (
            'x-f,book/academic/receptors,"c",pepi1996,abstract,"s",randomized trial,,,\n',
            "quality",
            "randomized",
        ),
        (
            'x-f,book/academic/receptors,"c",pepi1996,,"s",cohort,,,\n',
            "location",
            "needs its location",
        ),
        (
            'x-f,book/academic/receptors,"c",pepi1996,abstract,"s",cohort,,weak,+a-cells\n',
            "label",
            "not both",
        ),
    ],
)
def test_a_damaged_register_is_refused_at_its_row(data_copy, rows, column, message):
    (data_copy / "claims.csv").write_text(HEADER + FINDINGS + rows, encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(message)) as caught:
        register(data_copy)
    assert caught.value.row == 4 and caught.value.column == column


def test_a_register_that_meets_the_rubric_loads(data_copy):
    rows = (
        'x-weak,book/academic/receptors,"c",,,,,,weak,+a-cells\n'
        'x-contra,book/academic/receptors,"c",,,,,,contradicted,-a-trial;+a-cells\n'
        'x-mixed,book/academic/receptors,"c",,,,,,mixed,+a-trial;-a-flawed;+a-cells\n'
    )
    (data_copy / "claims.csv").write_text(HEADER + FINDINGS + rows, encoding="utf-8")
    assert list(register(data_copy)["label"].dropna()) == ["weak", "contradicted", "mixed"]


ARTICLE_LINK = re.compile(r"\{doc\}`(?:[^`<]*<)?(?:/book/|\.\./|\.\./\.\./book/|)article>?`")


def test_every_page_that_speaks_of_the_source_article_links_to_its_presentation():
    texts = page_texts()
    assert "book/article.md" in texts, "the page presenting the source article is missing"
    missing = [
        page
        for page, text in texts.items()
        if page != "book/article.md"
        and re.search(r"source article|the article says", text, re.I)
        and not ARTICLE_LINK.search(text)
    ]
    assert not missing, (
        f"pages that speak of the source article without linking book/article: {missing}"
    )
    assert ARTICLE_LINK.search(texts["book/intro.md"]), (
        "the landing page must link the article page"
    )


def test_the_article_page_renders_every_tier_of_its_claims_table():
    from bonelab.data import load

    page = (ROOT / "book" / "article.md").read_text(encoding="utf-8")
    rendered = set(re.findall(r"^```\{article-claims\}\s+(\S+)\s*$", page, re.M))
    assert rendered == set(load("article_claims")["tier"])
    assert "{article-references}" in page
    # The page arranges the tables; it does not repeat them.
    for claim in load("article_claims")["claim"]:
        assert claim not in page

"""coursebook.notebook_terms: each notebook that links glossary terms carries their definitions."""

from pathlib import Path

import nbformat
import pytest

from coursebook import notebook_terms

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").rglob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_glossary_cell_is_up_to_date_and_left_out_of_the_book(path):
    assert notebook_terms.check(path) is None


def test_the_glossary_is_read_whole_and_definitions_lose_their_roles():
    glossary = notebook_terms.definitions()
    assert len(glossary) > 100
    assert glossary["peak bone mass"].startswith("The most bone a person has")
    assert notebook_terms.plain(
        "Another name for a {term}`bone-forming drug` or {term}`a drug <anabolic agent>` "
        "{cite}`eastell2019`."
    ) == ("Another name for a bone-forming drug or a drug.")


def test_a_missing_stale_or_shown_glossary_cell_is_found(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("A {term}`T-score` and a {term}`Z-score`.")]
    path = tmp_path / "n.ipynb"
    nbformat.write(notebook, path)
    assert "0 glossary cells" in notebook_terms.check(path)
    assert notebook_terms.apply(path) and notebook_terms.check(path) is None
    assert not notebook_terms.apply(path)  # up to date: the file is left alone
    cell = nbformat.read(path, as_version=4).cells[-1]
    assert cell.metadata["tags"] == ["remove-cell", "notebook-glossary"]
    assert cell.source.splitlines()[2:4] == [":::{glossary}", "T-score"]
    assert cell.source.endswith(":::") and "\nZ-score\n: The number" in cell.source

    stale = nbformat.read(path, as_version=4)
    stale.cells[0].source = "Only a {term}`T-score`."
    nbformat.write(stale, path)
    assert "out of date" in notebook_terms.check(path)
    shown = nbformat.read(path, as_version=4)
    shown.cells[-1].metadata["tags"] = ["notebook-glossary"]
    nbformat.write(shown, path)
    assert "not tagged remove-cell" in notebook_terms.check(path)


def test_a_term_missing_from_the_glossary_is_refused():
    with pytest.raises(ValueError, match="terms not defined in book/glossary.md: \\['no such'\\]"):
        notebook_terms.cell_source(["no such"], notebook_terms.definitions())

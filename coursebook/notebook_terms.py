"""A notebook's glossary for JupyterLab: the terms its prose links, defined as in the book.

In the book, ``{term}`T-score``` links to book/glossary.md and shows the definition on hover.
jupyterlab-myst (2.7.0) resolves a term only against a ``{glossary}`` in the same notebook, and
otherwise draws a link to nowhere. So every notebook whose markdown uses ``{term}`` ends with one
generated markdown cell, "Terms used in this notebook", holding those terms' definitions copied
from book/glossary.md. The cell is tagged ``remove-cell``: myst-nb leaves it out of the book, which
renders exactly as before, while JupyterLab shows it and links each term to it.

Roles inside a definition are written out as text in the copy ({term}`x` becomes x, a citation is
dropped: JupyterLab cannot render either, and the book's glossary keeps them).

    python -m coursebook.notebook_terms --apply NOTEBOOK...  # add the cell, or bring it up to date
    python -m coursebook.notebook_terms --check NOTEBOOK...  # exit 1 unless each is up to date
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "book" / "glossary.md"
TAG = "notebook-glossary"
HEADING = "**Terms used in this notebook**"
TERM_ROLE = re.compile(r"\{term\}`([^`<]*?)(?:\s*<([^`>]+)>)?`")
CITE_ROLE = re.compile(r"\s*\{cite(?::[a-z]+)?\}`[^`]+`")


def definitions(glossary: Path = GLOSSARY) -> dict[str, str]:
    """Every term of the book's glossary and its definition (continuation lines joined)."""
    text = glossary.read_text(encoding="utf-8")
    match = re.search(r"^```\{glossary\}\n(.*?)^```", text, re.M | re.S)
    if match is None:
        raise ValueError(f"{glossary}: no ```{{glossary}} block")
    entries: dict[str, list[str]] = {}
    term = None
    for line in match.group(1).splitlines():
        if line.strip() and not line[0].isspace():
            term = line.strip()
            entries[term] = []
        elif line.strip() and term is not None:
            entries[term].append(line.strip())
    return {term: " ".join(lines) for term, lines in entries.items()}


def plain(definition: str) -> str:
    """A definition without roles JupyterLab cannot render (see the module docstring)."""
    definition = CITE_ROLE.sub("", definition)
    return TERM_ROLE.sub(lambda m: m.group(1), definition)


def used_terms(notebook: nbformat.NotebookNode) -> list[str]:
    """The glossary terms the notebook's markdown links, in order of first use."""
    found: list[str] = []
    for cell in notebook.cells:
        if cell.cell_type != "markdown" or TAG in cell.metadata.get("tags", []):
            continue
        for text, target in TERM_ROLE.findall(cell.source):
            term = (target or text).strip()
            if term not in found:
                found.append(term)
    return found


def cell_source(terms: list[str], glossary: dict[str, str]) -> str:
    """The markdown of the notebook's glossary cell (mystmd's definition-list glossary)."""
    missing = [t for t in terms if t not in glossary]
    if missing:
        raise ValueError(f"terms not defined in {GLOSSARY.relative_to(ROOT)}: {missing}")
    lines = [
        HEADING + " (from the course's glossary, which the book links each term to)",
        "",
        ":::{glossary}",
    ]
    for term in sorted(terms, key=str.lower):
        lines += [term, f": {plain(glossary[term])}", ""]
    return "\n".join(lines[:-1] + [":::"])


def expected(notebook: nbformat.NotebookNode) -> str | None:
    """What the notebook's glossary cell should hold (None: it links no term, needs no cell)."""
    terms = used_terms(notebook)
    return cell_source(terms, definitions()) if terms else None


def apply(path: Path) -> bool:
    """Add, update or remove the glossary cell of one notebook; True when the file changed."""
    notebook = nbformat.read(path, as_version=4)
    source = expected(notebook)
    cells = [c for c in notebook.cells if TAG in c.metadata.get("tags", [])]
    if source is None:
        notebook.cells = [c for c in notebook.cells if c not in cells]
    elif cells and cells[0].source == source and len(cells) == 1:
        return False
    else:
        notebook.cells = [c for c in notebook.cells if c not in cells]
        cell = nbformat.v4.new_markdown_cell(source)
        cell.metadata["tags"] = ["remove-cell", TAG]
        notebook.cells.append(cell)
    if not cells and source is None:
        return False
    nbformat.write(notebook, path)
    return True


def check(path: Path) -> str | None:
    """None when the notebook's glossary cell is up to date, else what is wrong."""
    notebook = nbformat.read(path, as_version=4)
    source = expected(notebook)
    cells = [c for c in notebook.cells if TAG in c.metadata.get("tags", [])]
    if source is None:
        return f"{path}: a glossary cell but no term" if cells else None
    if len(cells) != 1:
        return f"{path}: {len(cells)} glossary cells, expected 1"
    if "remove-cell" not in cells[0].metadata.get("tags", []):
        return f"{path}: the glossary cell is not tagged remove-cell (the book would show it)"
    if cells[0].source != source:
        return f"{path}: the glossary cell is out of date (python -m coursebook.notebook_terms --apply)"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apply", action="store_true", help="add or update the cell")
    parser.add_argument("--check", action="store_true", help="exit 1 unless up to date")
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.apply:
        for path in args.notebooks:
            if apply(path):
                print(f"updated {path}")
        return 0
    problems = [p for p in (check(path) for path in args.notebooks) if p]
    print("\n".join(problems) or "every glossary cell is up to date")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

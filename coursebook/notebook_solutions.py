"""A notebook's worked solutions, found in its JSON: which cells they are, and the notebook
without them.

A worked solution starts at a markdown cell that opens with "**Solution.**" and runs to the next
heading; the editions (:mod:`coursebook.editions`) hide them on the page, and the student
edition's downloads (here and :mod:`coursebook.download`) replace them with room for the
student's own working. Plain functions over the notebook's JSON, so the build, the download
and the tests read a notebook the same way.
"""

from __future__ import annotations

import json
import re
from typing import Any

from coursebook.notebook_terms import TAG as GLOSSARY_TAG

SOLUTION_CELL = re.compile(r"^\s*(\*\*|__)?solution\b", re.I)
HEADING_CELL = re.compile(r"^\s*#")


def solution_cells(notebook: dict[str, Any]) -> list[bool]:
    """For each cell of a notebook, whether it belongs to a worked solution.

    A worked solution starts at a markdown cell that opens with "**Solution.**" (the notebooks'
    convention) and runs up to the next markdown heading or the end of the notebook. Any cell
    tagged ``solution`` belongs to one as well. The notebook's own glossary (the cell that
    coursebook.notebook_terms appends for JupyterLab, which the book never shows) ends a solution
    and is never part of one: it defines terms, it answers nothing.
    """
    found = []
    hiding = False
    for cell in notebook.get("cells", []):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        if GLOSSARY_TAG in cell.get("metadata", {}).get("tags", []):
            hiding = False
            found.append(False)
            continue
        if cell.get("cell_type") == "markdown":
            if SOLUTION_CELL.match(source):
                hiding = True
            elif HEADING_CELL.match(source):
                hiding = False
        found.append(hiding or "solution" in cell.get("metadata", {}).get("tags", []))
    return found


def hide_notebook_solutions(notebook_json: str) -> str:
    """Tag a notebook's worked solutions ``remove-cell``: they still run, they are not shown."""
    notebook = json.loads(notebook_json)
    for cell, solution in zip(notebook.get("cells", []), solution_cells(notebook)):
        tags = list(cell.get("metadata", {}).get("tags", []))
        if solution and "remove-cell" not in tags:
            cell.setdefault("metadata", {})["tags"] = tags + ["remove-cell"]
    return json.dumps(notebook, ensure_ascii=False)


# What the student edition's notebook download holds where a worked solution was.
YOUR_WORKING = "*Your own working goes in the cell below (add more cells as you need).*"


def student_notebook(notebook_json: str) -> str:
    """The notebook without its worked solutions, for the student edition's download.

    Each worked solution becomes one short markdown cell and one empty code cell, where the
    student works. Everything else is kept as it is, outputs included.
    """
    notebook = json.loads(notebook_json)
    cells, solution = notebook.get("cells", []), solution_cells(notebook)
    with_ids = (notebook.get("nbformat", 4), notebook.get("nbformat_minor", 0)) >= (4, 5)
    kept: list[dict[str, Any]] = []
    for index, (cell, hidden) in enumerate(zip(cells, solution)):
        if not hidden:
            kept.append(cell)
        elif index == 0 or not solution[index - 1]:
            working = [
                {"cell_type": "markdown", "metadata": {}, "source": YOUR_WORKING},
                {
                    "cell_type": "code",
                    "execution_count": None,
                    "metadata": {},
                    "outputs": [],
                    "source": "",
                },
            ]
            for part, cell_ in zip(("note", "code"), working):
                if with_ids:
                    cell_["id"] = f"your-working-{index}-{part}"
            kept.extend(working)
    notebook["cells"] = kept
    return json.dumps(notebook, ensure_ascii=False, indent=1) + "\n"

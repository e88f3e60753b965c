"""Re-run notebooks top to bottom on a fresh kernel and save their outputs (`make notebooks`).

The committed outputs are what nbval compares against, so after changing a notebook (or code it
calls) run this, look at the diff, and commit. Per-cell timing metadata is not recorded, so a
re-run that changes nothing leaves the file unchanged.

    python -m coursebook.run_notebooks                  # every notebook
    python -m coursebook.run_notebooks notebooks/academic/whi-ledger.ipynb
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def run(path: Path) -> float:
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:  # timestamps from earlier runs would make every run a diff
        cell.metadata.pop("execution", None)
    client = NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    nbformat.write(notebook, path)
    return elapsed


def main(arguments: list[str]) -> None:
    paths = [Path(a) for a in arguments] or sorted(
        p for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
    )
    for path in paths:
        if path.suffix != ".ipynb" or not path.is_file():
            raise ValueError(f"not a notebook file: {path}")
        print(f"{run(path):6.2f} s  {path}")


if __name__ == "__main__":
    main(sys.argv[1:])

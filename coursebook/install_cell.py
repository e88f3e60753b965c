"""The first code cell of every notebook: one guarded import of the course's `bonelab` package.

Where the course is set up (the learners' environment from the download or binder/, the
book's own .venv) `import bonelab` works and the cell prints nothing. Without the package, the
cell says in one plain sentence what to do, never a traceback:

- no repository set (coursebook/repository.py; the course ships so): set up the course from the
  site's download as the student guide says;
- a repository set: the cell first installs bonelab from it with pip (Colab opens a notebook
  without the course); if that fails (offline, say), it says so and what to do instead.

The cell's source is generated from `repository` in _config.yml, the one place the repository's
address is written; a test checks that every notebook carries exactly this cell.

    python -m coursebook.install_cell                      # print the cell as notebook JSON
    python -m coursebook.install_cell --apply NOTEBOOK...  # insert it (or bring it up to date) as the
                                                      # first code cell of each notebook
    python -m coursebook.install_cell --check NOTEBOOK...  # exit 1 unless each has it, up to date
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from coursebook.repository import Repository, configured

ROOT = Path(__file__).resolve().parent.parent
GUARD = "try: import bonelab"
# The cell of earlier versions, recognised so that --apply replaces it.
OLD_MARKER = "# Set-up for Colab, Binder or any fresh kernel"
GUIDE = "the student guide (Running the notebooks)"
WITHOUT_REPOSITORY = (
    GUARD + "  # the course's package\n"
    "except ImportError: print(\"This notebook needs the course's bonelab package: download the "
    "course from " + GUIDE + ', set it up as the guide says, and open the notebook there.")'
)
WITH_REPOSITORY = (
    GUARD + "  # the course's package, installed from the course's repository if missing\n"
    'except ImportError: import subprocess, sys; subprocess.run([sys.executable, "-m", "pip", '
    '"install", "-q", "bonelab @ {pip_url}"], capture_output=True).returncode and print('
    "\"Could not install the course's bonelab package from {url} (offline?): set up the course "
    "as " + GUIDE + ' says.")'
)


def install_cell_source(repository: Repository | None | bool = True) -> str:
    """The exact source of the install cell (Python, no dependency on bonelab itself).

    ``repository``: the one from _config.yml by default (True), or the one given (None: none).
    """
    if repository is True:
        repository = configured(ROOT / "_config.yml")
    if repository is None:
        return WITHOUT_REPOSITORY
    return WITH_REPOSITORY.replace("{pip_url}", repository.pip_url).replace("{url}", repository.url)


def install_cell(repository: Repository | None | bool = True) -> dict:
    """The cell as nbformat 4 JSON, tagged so that readers of the book can fold it away."""
    lines = install_cell_source(repository).splitlines(keepends=True)
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": "install-bonelab",
        "metadata": {"tags": ["hide-input", "install"]},
        "outputs": [],
        "source": lines,
    }


def is_install_cell(cell: dict) -> bool:
    source = cell.get("source", "")
    source = "".join(source) if isinstance(source, list) else source
    tags = cell.get("metadata", {}).get("tags", [])
    return cell.get("cell_type") == "code" and (
        "install" in tags or source.startswith((GUARD, OLD_MARKER))
    )


def problems(paths: list[Path]) -> list[str]:
    """What is wrong with the install cell of each notebook (empty when all are right)."""
    wanted = install_cell_source()
    found = []
    for path in paths:
        cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
        code = [c for c in cells if c["cell_type"] == "code"]
        source = "".join(code[0]["source"]) if code else ""
        if not code or not is_install_cell(code[0]):
            found.append(f"{path}: the first code cell is not the install cell")
        elif source != wanted:
            found.append(
                f"{path}: the install cell is out of date (run python -m coursebook.install_cell "
                "--apply)"
            )
    return found


def apply(path: Path) -> str:
    """Insert the cell as the first code cell of a notebook, or replace an outdated one."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cells = notebook["cells"]
    wanted = install_cell()
    for cell in cells:
        if is_install_cell(cell):
            if "".join(cell["source"]) == "".join(wanted["source"]):
                return "up to date"
            cell["source"] = wanted["source"]
            action = "updated"
            break
    else:
        first_code = next((i for i, c in enumerate(cells) if c["cell_type"] == "code"), len(cells))
        if any(c.get("id") == wanted["id"] for c in cells):
            wanted.pop("id")
        if notebook.get("nbformat_minor", 0) < 5:
            wanted.pop("id", None)
        cells.insert(first_code, wanted)
        action = "inserted"
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return action + " (re-execute the notebook to refresh its execution counts)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print or insert the notebooks' install cell.")
    parser.add_argument("--apply", nargs="+", type=Path, metavar="NOTEBOOK")
    parser.add_argument("--check", nargs="+", type=Path, metavar="NOTEBOOK")
    args = parser.parse_args(argv)
    if args.check:
        found = problems(args.check)
        print("\n".join(found) or f"all {len(args.check)} notebook(s) have the install cell")
        return 1 if found else 0
    if not args.apply:
        print(json.dumps(install_cell(), indent=1))
        return 0
    for path in args.apply:
        print(f"{path}: {apply(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

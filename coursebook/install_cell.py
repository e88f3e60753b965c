"""The first code cell of every notebook: it finds or fetches the course's `bonelab` package.

On the course's own environment (`make book`, Binder) `import bonelab` simply works and the cell
does nothing else. On a fresh kernel without the package (Colab, or a Jupyter started outside
.venv) it looks for a checkout of the course above the working folder; failing that it clones
the repository (a shallow clone of one branch, a few MB) next to the notebook, and imports
bonelab from there. A clone rather than `pip install git+...`: bonelab reads its tables from the
repository's data/ folder, which a pip install would leave behind.

The cell's source is generated from `repository.url` and `repository.branch` in _config.yml, the
one place the repository's address is written; a test checks that every notebook carries exactly
this cell.

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

import yaml

ROOT = Path(__file__).resolve().parent.parent
MARKER = "# Set-up for Colab, Binder or any fresh kernel"
TEMPLATE = """\
# Set-up for Colab, Binder or any fresh kernel: find the course's `bonelab` package, or fetch it.
try:
    import bonelab
except ModuleNotFoundError:
    import pathlib, subprocess, sys
    here = pathlib.Path.cwd().resolve()
    root = next((p for p in (here, *here.parents) if (p / "bonelab" / "__init__.py").is_file()), None)
    if root is None:
        root = here / "hormones-and-bone"
        if not (root / "bonelab" / "__init__.py").is_file():
            subprocess.run(["git", "clone", "--quiet", "--depth", "1", "--branch", "{branch}",
                            "{url}", str(root)], check=True)
    sys.path.insert(0, str(root))
    import bonelab"""


def repository(config: Path = ROOT / "_config.yml") -> tuple[str, str]:
    """(url, branch) of the course repository, from _config.yml."""
    data = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    repo = data.get("repository") or {}
    if not repo.get("url"):
        raise SystemExit(f"{config}: repository.url is not set")
    return str(repo["url"]).rstrip("/"), str(repo.get("branch") or "main")


def install_cell_source(url: str | None = None, branch: str | None = None) -> str:
    """The exact source of the install cell (Python, no dependency on bonelab itself)."""
    if url is None or branch is None:
        default_url, default_branch = repository()
        url, branch = url or default_url, branch or default_branch
    return TEMPLATE.replace("{url}", url).replace("{branch}", branch)


def install_cell(url: str | None = None, branch: str | None = None) -> dict:
    """The cell as nbformat 4 JSON, tagged so that readers of the book can fold it away."""
    lines = install_cell_source(url, branch).splitlines(keepends=True)
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
    return cell.get("cell_type") == "code" and source.startswith(MARKER)


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

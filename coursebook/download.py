"""The students' download: one archive with everything needed to run the notebooks locally.

Every HTML build (``make book``, ``make test``) writes ``hormones-and-bone.zip`` at the top of
the site, and the student guide links it with the ``{course-download}`` role. Unpacked, it is
one folder ``hormones-and-bone/`` with

- ``notebooks/``: every notebook (in the student edition, without its worked solutions, as
  that edition's own ``.ipynb`` downloads: coursebook.notebook_solutions.student_notebook);
- ``data/``: the tables and their descriptor;
- ``bonelab/`` with a ``pyproject.toml`` for it alone: the course's package, which installs
  with its tables (``data/`` mapped to ``bonelab.datafiles``, as in the repository);
- ``requirements.txt``: the learners' environment (binder/requirements.txt, whose last line
  installs bonelab from the folder);
- ``README.md`` (the steps, short), the two licence files.

Before the archive is made, the build checks every table and its source keys against
references.bib (bonelab.data.check_tables): the check that a table cites only known sources
lives here and in the tests, not in the installed package's ``load``.

    python -m coursebook.download OUT.zip    # the same archive without building the book
"""

from __future__ import annotations

import io
import json
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

import bonelab

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = "hormones-and-bone.zip"
FOLDER = "hormones-and-bone"
# Fixed timestamps: the same sources give the same archive, byte for byte.
EPOCH = (2026, 1, 1, 0, 0, 0)
LOGGER = logging.getLogger(__name__)

README = """\
# Hormones and Bone: the notebooks

The notebooks of the course *Hormones and Bone*, with its data and its Python package
(`bonelab`), to run on your own computer. Educational material, not medical advice.

You need Python 3.11 (or newer) and an internet connection for the install only. In this
folder:

    python3 -m venv .venv
    .venv/bin/python -m pip install -r requirements.txt
    .venv/bin/jupyter lab notebooks/

(On Windows: `py -3.11 -m venv .venv`, then `.venv\\Scripts\\python -m pip install -r
requirements.txt` and `.venv\\Scripts\\jupyter lab notebooks`.)

In JupyterLab open a notebook and choose *Run > Restart Kernel and Run All Cells*. To check the
environment, run `.venv/bin/python -m bonelab check`: it lists what is there and what is
missing.

- `notebooks/`: the notebooks, one per chapter that has one.
- `data/`: the tables the notebooks read, as CSV, described in `data/datapackage.json`; every
  row names its source.
- `bonelab/`: the course's package (installed by `requirements.txt`, with the tables).
- `requirements.txt`: the exact versions of what the notebooks need.

Text, figures and data: CC BY 4.0 (LICENSE-CONTENT.md). Code: MIT (LICENSE).
"""


def package_pyproject(root: Path = ROOT) -> str:
    """A pyproject.toml for bonelab alone, from the repository's (the book's code stays out)."""
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    project, setuptools = config["project"], config["tool"]["setuptools"]
    packages = [p for p in setuptools["packages"] if p.partition(".")[0] == "bonelab"]
    package_data = {k: v for k, v in setuptools["package-data"].items() if k in packages}

    def toml(value: Any) -> str:  # strings and lists of strings: JSON's syntax is TOML's
        return json.dumps(value, ensure_ascii=False)

    lines = [
        "# bonelab, the course's package, with its tables (data/ installs as bonelab.datafiles).",
        "# pip install -r requirements.txt installs it with what the notebooks need.",
        "[build-system]",
        f"requires = {toml(config['build-system']['requires'])}",
        f"build-backend = {toml(config['build-system']['build-backend'])}",
        "",
        "[project]",
        f"name = {toml(project['name'])}",
        f"version = {toml(bonelab.__version__)}",
        f"description = {toml(project['description'])}",
        'readme = "README.md"',
        f"license = {{ text = {toml(project['license']['text'])} }}",
        f"requires-python = {toml(project['requires-python'])}",
        f"dependencies = {toml(project['dependencies'])}",
        "",
        "[tool.setuptools]",
        f"packages = {toml(packages)}",
        "",
        "[tool.setuptools.package-dir]",
        *(f"{toml(k)} = {toml(v)}" for k, v in setuptools["package-dir"].items()),
        "",
        "[tool.setuptools.package-data]",
        *(f"{toml(k)} = {toml(v)}" for k, v in package_data.items()),
    ]
    return "\n".join(lines) + "\n"


def members(root: Path = ROOT, edition: str = "learner") -> Iterator[tuple[str, bytes]]:
    """(path inside the archive, content) for every file of the download, in a fixed order."""

    def files(folder: str, patterns: tuple[str, ...]) -> list[Path]:
        found = {p for pattern in patterns for p in (root / folder).rglob(pattern)}
        return sorted(
            p
            for p in found
            if p.is_file() and not any(part.startswith((".", "__pycache__")) for part in p.parts)
        )

    for path in files("notebooks", ("*.ipynb",)):
        text = path.read_text(encoding="utf-8")
        if edition != "learner":  # the same notebook as the edition's own .ipynb download
            from coursebook.notebook_solutions import student_notebook

            text = student_notebook(text)
        yield path.relative_to(root).as_posix(), text.encode("utf-8")
    for folder, patterns in (("data", ("*.csv", "*.json", "*.py")), ("bonelab", ("*.py",))):
        for path in files(folder, patterns):
            yield path.relative_to(root).as_posix(), path.read_bytes()
    yield "pyproject.toml", package_pyproject(root).encode("utf-8")
    yield "requirements.txt", (root / "binder" / "requirements.txt").read_bytes()
    yield "README.md", README.encode("utf-8")
    for name in ("LICENSE", "LICENSE-CONTENT.md"):
        yield name, (root / name).read_bytes()


def write_archive(target: Path, root: Path = ROOT, edition: str = "learner") -> Path:
    """Write the download to ``target`` (a .zip); the same sources give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members(root, edition):
            info = zipfile.ZipInfo(f"{FOLDER}/{name}", EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(buffer.getvalue())
    return target


def check_data(app: Sphinx) -> None:
    """Every table loads and cites only keys of the book's bibliography (else a warning, which
    the build's -W makes an error)."""
    from bonelab.data import DataError, check_tables

    root = Path(app.srcdir)
    try:
        check_tables(root / "references.bib", root / "data")
    except DataError as err:
        LOGGER.warning(str(err), type="coursebook", subtype="data")


def build_archive(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "html":
        return
    from coursebook.editions import edition

    write_archive(Path(app.outdir) / ARCHIVE, Path(app.srcdir), edition())


def download_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{course-download}`text``` links the archive from any page (a path relative to it)."""
    env = inliner.document.settings.env
    up = "../" * env.docname.count("/")
    node = nodes.reference(rawtext, text, refuri=f"{up}{ARCHIVE}", classes=["course-download"])
    return [node], []


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", check_data)
    app.connect("build-finished", build_archive)
    app.add_role("course-download", download_role)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m coursebook.download OUT.zip")
    print(write_archive(Path(sys.argv[1])))

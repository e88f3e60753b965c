"""bonelab as a package on its own: a wheel built from the repository, installed into a fresh
virtual environment in a temporary folder, loads every table from a folder outside the
repository; and the learners' environment (binder/requirements.txt), created from the
download the site offers, runs every notebook.

Both install from the package index through pip's own cache (nothing here passes
--no-cache-dir), so a second run reads the wheels it already has.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
import zipfile
from pathlib import Path

import pytest

from bonelab import data
from coursebook import download

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def pins(path: Path) -> dict[str, str]:
    """name -> version for every `name==version` line of a requirements file."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            name, version = line.split("==")
            found[name.strip().lower().replace("_", "-")] = version.strip()
    return found


def run(command: list[str], cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{command}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def venv(folder: Path) -> Path:
    """A fresh virtual environment (no system site-packages) without pip of its own (this
    environment's pip installs into it with --python: quicker than seeding one); its python."""
    run([PYTHON, "-m", "venv", "--without-pip", str(folder)], cwd=folder.parent)
    return folder / "bin" / "python"


def pip_into(python: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """pip install into another environment; --no-compile: no bytecode for a throwaway one."""
    command = [PYTHON, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-compile"]
    return run([*command, *args], cwd)


# ---- the package's own declaration ----------------------------------------------------------


def test_every_python_package_of_the_repository_is_declared():
    """pyproject.toml lists the packages (the tables' folder is mapped, so nothing is found):
    a new subpackage of bonelab or coursebook must be added there, or the wheel lacks it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    declared = set(config["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("bonelab", "coursebook")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert on_disk | {"bonelab.datafiles"} == declared
    assert config["setuptools"]["package-dir"] == {"bonelab.datafiles": "data"}
    assert (ROOT / "data" / "__init__.py").is_file()
    # a module of the same name would hide the tables (bonelab/tables.py is the table display)
    assert not (ROOT / "bonelab" / "datafiles.py").exists()


# ---- a wheel, installed elsewhere -----------------------------------------------------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel pip builds from a copy of the repository's package sources."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")
    for folder in ("bonelab", "coursebook", "data"):
        shutil.copytree(ROOT / folder, source / folder, ignore=ignore)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    run([PYTHON, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(work), str(source)], work)
    (built,) = work.glob("bonelab-*.whl")
    return built


def test_the_wheel_carries_every_table_and_its_descriptor(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {Path(n).name for n in names if n.startswith("bonelab/datafiles/")}
    on_disk = {p.name for p in (ROOT / "data").iterdir() if p.suffix in (".csv", ".json")}
    assert on_disk <= shipped and "datapackage.json" in shipped
    # every table the descriptor declares is in the wheel (a new table ships without a change)
    assert {f"{name}.csv" for name in data.tables()} <= shipped
    assert not any(n.endswith(".bib") for n in names)  # the bibliography stays in the repository


def test_the_installed_wheel_loads_every_table_anywhere(wheel, tmp_path):
    python = venv(tmp_path / "venv")
    # bonelab's own dependencies, at the versions the course pins.
    constraints = tmp_path / "constraints.txt"
    constraints.write_text(
        "".join(f"{k}=={v}\n" for k, v in pins(ROOT / "requirements.txt").items()),
        encoding="utf-8",
    )
    pip_into(python, "-c", str(constraints), str(wheel), cwd=tmp_path)
    elsewhere = tmp_path / "somewhere" / "else"
    elsewhere.mkdir(parents=True)
    script = (
        "import json, bonelab, pathlib\n"
        "from bonelab import data\n"
        "print(json.dumps({'file': bonelab.__file__, 'dir': str(data.default_data_dir()),\n"
        "    'rows': {n: len(data.load(n)) for n in data.tables()},\n"
        "    'by_file': len(data.load('whi_ep_arms.csv')), 'sources': data.sources('whi_ep_arms')}))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("BONELAB_DATA", "PYTHONPATH")}
    result = run([str(python), "-c", script], elsewhere, env=env)
    report = json.loads(result.stdout)
    site = tmp_path / "venv" / "lib"
    assert Path(report["file"]).is_relative_to(site), report["file"]
    assert Path(report["dir"]).is_relative_to(site) and Path(report["dir"]).name == "datafiles"
    assert report["rows"] == {name: len(data.load(name)) for name in data.tables()}
    assert report["by_file"] == 2 and report["sources"] == ["cauley2003"]


# ---- the learners' environment, from the download alone --------------------------------------

LEARNER_PACKAGES = ("numpy", "pandas", "scipy", "matplotlib", "jupyterlab", "jupyterlab-myst")


def test_the_learners_environment_is_the_notebooks_packages_at_the_course_s_pins():
    learner = pins(ROOT / "binder" / "requirements.txt")
    development = pins(ROOT / "requirements.txt")
    assert set(LEARNER_PACKAGES) <= set(learner)
    assert {k: development.get(k) for k in learner} == learner
    # none of the book's or the tests' own tools
    for tool in ("jupyter-book", "sphinx", "pytest", "nbval", "playwright", "ruff", "textstat"):
        assert tool not in learner
    lines = (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == "."  # bonelab, from the folder pip runs in (Binder: the repository)
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == (
        (ROOT / "runtime.txt").read_text().strip()
    )


def test_the_download_holds_what_a_student_needs(tmp_path):
    archive = download.write_archive(tmp_path / download.ARCHIVE)
    names = set(zipfile.ZipFile(archive).namelist())
    top = download.FOLDER + "/"
    assert all(n.startswith(top) for n in names)
    inside = {n.removeprefix(top) for n in names}
    notebooks = {p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").rglob("*.ipynb")}
    assert {n for n in notebooks if "/." not in n} <= inside
    assert {f"data/{name}.csv" for name in data.tables()} | {"data/datapackage.json"} <= inside
    assert {"bonelab/__init__.py", "bonelab/data.py", "pyproject.toml", "README.md"} <= inside
    assert {"requirements.txt", "LICENSE", "LICENSE-CONTENT.md"} <= inside
    assert not any(n.startswith(("coursebook/", "tests/", "book/")) for n in inside)
    assert archive.read_bytes() == download.write_archive(tmp_path / "again.zip").read_bytes()


def test_the_student_edition_s_download_holds_no_worked_solution(tmp_path):
    from coursebook.notebook_solutions import YOUR_WORKING, solution_cells

    archive = zipfile.ZipFile(download.write_archive(tmp_path / "s.zip", edition="student"))
    notebooks = [n for n in archive.namelist() if n.endswith(".ipynb")]
    with_solutions = 0
    for name in notebooks:
        learner = json.loads((ROOT / name.removeprefix(download.FOLDER + "/")).read_text())
        student = json.loads(archive.read(name))
        assert not any(solution_cells(student)), name
        if any(solution_cells(learner)):
            with_solutions += 1
            assert YOUR_WORKING in json.dumps(student), name
    assert with_solutions > 0


def test_the_student_guide_s_steps_run_every_notebook_from_the_download(tmp_path):
    """Unpack the download, create the learners' environment as the guide says, and run every
    notebook in it with its own Jupyter (nbconvert and nbclient), outside the repository."""
    with zipfile.ZipFile(download.write_archive(tmp_path / download.ARCHIVE)) as archive:
        archive.extractall(tmp_path)
    course = tmp_path / download.FOLDER
    env = {k: v for k, v in os.environ.items() if k not in ("BONELAB_DATA", "PYTHONPATH")}
    env |= {"HOME": str(tmp_path / "home"), "JUPYTER_PLATFORM_DIRS": "1"}

    started = time.perf_counter()
    # The guide's two steps (--no-compile only spares bytecode for a throwaway environment).
    run([PYTHON, "-m", "venv", ".venv"], course, env=env)
    python = course / ".venv" / "bin" / "python"
    run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-compile", "-r", "requirements.txt"],
        course,
        env=env,
    )
    installed_in = time.perf_counter() - started

    # Exactly the pinned packages, nothing floating.
    frozen = run([str(python), "-m", "pip", "list", "--format=json"], course, env=env)
    got = {p["name"].lower().replace("_", "-"): p["version"] for p in json.loads(frozen.stdout)}
    wanted = pins(course / "requirements.txt")
    assert {k: v for k, v in got.items() if k not in ("bonelab", "pip", "setuptools")} == wanted
    assert "jupyter-book" not in got and got["bonelab"] == download.bonelab.__version__

    notebooks = sorted((course / "notebooks").rglob("*.ipynb"))
    assert len(notebooks) >= 10
    started = time.perf_counter()
    out = tmp_path / "executed"
    run(
        [
            str(course / ".venv" / "bin" / "jupyter"),
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--ExecutePreprocessor.kernel_name=python3",
            "--ExecutePreprocessor.timeout=120",
            "--output-dir",
            str(out),
            *map(str, notebooks),
        ],
        course,
        env=env,
    )
    ran_in = time.perf_counter() - started
    for path in notebooks:
        executed = json.loads((out / path.name).read_text(encoding="utf-8"))
        code = [c for c in executed["cells"] if c["cell_type"] == "code"]
        assert code[0]["outputs"] == [], f"{path.name}: the install cell said {code[0]['outputs']}"
        assert all(c["execution_count"] for c in code), path.name
        assert not any(o["output_type"] == "error" for c in code for o in c["outputs"])
    print(
        f"learners' environment: installed in {installed_in:.0f} s, "
        f"{len(notebooks)} notebooks ran in {ran_in:.0f} s"
    )

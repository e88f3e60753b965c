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
import tomllib
import zipfile
from pathlib import Path

import pytest

from bonelab import data

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
    """A fresh virtual environment (no system site-packages); its python."""
    run([PYTHON, "-m", "venv", str(folder)], cwd=folder.parent)
    return folder / "bin" / "python"


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
    run(
        [str(python), "-m", "pip", "install", "--quiet", "-c", str(constraints), str(wheel)],
        tmp_path,
    )
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

"""Running the notebooks anywhere: `python -m bonelab check`, the notebooks' install cell, and
the launch and download buttons of the notebook pages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import urlparse

import yaml
from bs4 import BeautifulSoup

from coursebook import install_cell
from coursebook.model import toc_files

ROOT = Path(__file__).resolve().parent.parent

PYTHON = sys.executable
# Where this environment's bonelab lives (an editable install may point at another checkout).
INSTALLED = Path(
    subprocess.run(
        [PYTHON, "-c", "import bonelab; print(bonelab.__file__)"],
        capture_output=True,
        text=True,
        cwd="/",
    ).stdout.strip()
).parent.parent

# Runs a snippet with some top-level modules made unimportable, the way a fresh kernel without
# them would behave, whatever this environment has installed (plain or editable).
HIDE = textwrap.dedent(
    """
    import importlib.abc, importlib.machinery, sys
    HIDDEN = set(sys.argv[1].split(",")) if sys.argv[1] else set()
    REAL = {REAL!r}  # the checkout under test and the one this environment installed

    class Hide(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            top = name.partition(".")[0]
            if top not in HIDDEN:
                return None
            if top == "bonelab":  # allowed again from anywhere but the real checkout
                allowed = [p for p in sys.path if p not in REAL]
                spec = importlib.machinery.PathFinder.find_spec(name, path or allowed)
                if spec is not None:
                    return spec
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    sys.meta_path.insert(0, Hide())
    for name in list(sys.modules):
        if name.partition(".")[0] in HIDDEN:
            del sys.modules[name]
"""
).replace("{REAL!r}", repr({str(ROOT), str(INSTALLED)}))


def run_python(
    code: str, hidden: str = "", cwd: Path | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "-c", HIDE + "\n" + code, hidden],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env or dict(os.environ),
    )


# ---- python -m bonelab check ---------------------------------------------------------------


def test_check_reports_a_complete_environment(tmp_path):
    result = subprocess.run(
        [PYTHON, "-m", "bonelab", "check"], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert f"Python       {sys.version_info.major}.{sys.version_info.minor}" in out
    for package in ("numpy", "pandas", "scipy", "matplotlib", "jupyter-book"):
        assert f"  {package}" in out
    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text())
    for resource in descriptor["resources"]:
        assert f"  {resource['name']}" in out
    n = len(descriptor["resources"])
    assert f"{n} of {n} tables load" in out
    assert "All set" in out and "MISSING" not in out


def test_check_names_a_missing_package_and_fails():
    code = "import runpy, sys; sys.argv = ['bonelab', 'check']; runpy.run_module('bonelab', run_name='__main__')"
    result = run_python(code, hidden="scipy")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "scipy        MISSING (install it: python -m pip install scipy)" in result.stdout
    assert result.stdout.rstrip().splitlines()[-2] == "MISSING: scipy."


def test_check_names_a_missing_and_a_broken_table_and_fails(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.copy(ROOT / "references.bib", tmp_path / "references.bib")  # the data cites it
    (data / "dmpa_bmd.csv").unlink()
    rows = (data / "whi_ep_arms.csv").read_text().splitlines()
    rows[1] = rows[1].replace(",cauley2003,", ",,")  # a row without its source
    (data / "whi_ep_arms.csv").write_text("\n".join(rows) + "\n")
    result = subprocess.run(
        [PYTHON, "-m", "bonelab", "check"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=dict(os.environ, BONELAB_DATA=str(data)),
    )
    assert result.returncode == 1
    out = result.stdout
    assert "(from BONELAB_DATA)" in out
    assert "dmpa_bmd                PROBLEM:" in out and "is missing" in out
    assert "whi_ep_arms             PROBLEM:" in out and "column 'source'" in out
    assert "MISSING: table whi_ep_arms, table dmpa_bmd." in out


def test_check_without_a_command_prints_usage():
    result = subprocess.run([PYTHON, "-m", "bonelab"], capture_output=True, text=True)
    assert result.returncode == 2 and "python -m bonelab check" in result.stdout


# ---- the install cell ------------------------------------------------------------------------


def test_install_cell_takes_its_address_from_the_config():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    source = install_cell.install_cell_source()
    assert config["repository"]["url"] in source
    assert f'"--branch", "{config["repository"].get("branch", "main")}"' in source
    compile(source, "install-cell", "exec")
    cell = install_cell.install_cell()
    assert cell["outputs"] == [] and "hide-input" in cell["metadata"]["tags"]


# The stubbed installer: records every command; a `git clone` makes a small fake checkout.
STUB = textwrap.dedent("""
    import json, pathlib, subprocess
    calls = []
    def fake_run(command, check=False, **kwargs):
        calls.append(list(command))
        if command[:2] == ["git", "clone"]:
            target = pathlib.Path(command[-1])
            (target / "bonelab").mkdir(parents=True)
            (target / "bonelab" / "__init__.py").write_text("FAKE = 'cloned'\\n__version__ = '0'\\n")
            (target / "data").mkdir()
        return subprocess.CompletedProcess(command, 0)
    subprocess.run = fake_run
""")
REPORT = "\nprint(json.dumps({'calls': calls, 'file': bonelab.__file__, 'fake': getattr(bonelab, 'FAKE', None)}))"


def run_cell(cwd: Path, hidden: str = "bonelab") -> dict:
    code = STUB + install_cell.install_cell_source() + REPORT
    result = run_python(code, hidden=hidden, cwd=cwd)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_install_cell_clones_the_course_when_bonelab_is_missing(tmp_path):
    report = run_cell(tmp_path)
    url, branch = install_cell.repository()
    target = str(tmp_path.resolve() / "hormones-and-bone")
    assert report["calls"] == [
        ["git", "clone", "--quiet", "--depth", "1", "--branch", branch, url, target]
    ]
    assert report["fake"] == "cloned"
    assert report["file"] == str(Path(target) / "bonelab" / "__init__.py")


def test_install_cell_does_not_clone_twice(tmp_path):
    run_cell(tmp_path)
    again = run_cell(tmp_path)  # a restarted kernel: the clone is there
    assert again["calls"] == [] and again["fake"] == "cloned"


def test_install_cell_uses_a_checkout_it_sits_in(tmp_path):
    checkout = tmp_path / "course"
    (checkout / "bonelab").mkdir(parents=True)
    (checkout / "bonelab" / "__init__.py").write_text("FAKE = 'local'\n__version__ = '0'\n")
    notebooks = checkout / "notebooks" / "fundamentals"
    notebooks.mkdir(parents=True)
    report = run_cell(notebooks)
    assert report["calls"] == [] and report["fake"] == "local"


def test_install_cell_does_nothing_when_bonelab_is_installed(tmp_path):
    report = run_cell(tmp_path, hidden="")
    assert report["calls"] == []
    assert report["file"] == str(INSTALLED / "bonelab" / "__init__.py")


def test_install_cell_tool_inserts_and_checks(tmp_path):
    notebook = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# Title"]},
            {
                "cell_type": "code",
                "execution_count": 1,
                "metadata": {},
                "outputs": [],
                "source": ["x = 1"],
            },
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps(notebook))
    assert install_cell.problems([path]) == [f"{path}: the first code cell is not the install cell"]
    assert install_cell.apply(path).startswith("inserted")
    assert install_cell.problems([path]) == []
    assert install_cell.apply(path) == "up to date"
    cells = json.loads(path.read_text())["cells"]
    assert [c["cell_type"] for c in cells] == ["markdown", "code", "code"]


# ---- launch and download buttons -------------------------------------------------------------


def notebook_pages() -> list[str]:
    return [f for f in toc_files(ROOT / "_toc.yml") if (ROOT / f"{f}.ipynb").is_file()]


def test_launch_buttons_come_from_the_one_repository_url():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert urlparse(config["repository"]["url"]).netloc == "github.com"
    launch = config["launch_buttons"]
    assert launch.get("binderhub_url") and launch.get("colab_url")
    # no other address of the repository anywhere in the configuration
    text = (ROOT / "_config.yml").read_text()
    assert text.count("github.com/") == 1


def test_every_notebook_page_has_binder_colab_and_download(built_site):
    site, _ = built_site
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    repo = urlparse(config["repository"]["url"]).path.strip("/")
    branch = config["repository"].get("branch", "main")
    pages = notebook_pages()
    assert pages, "no notebook is listed in _toc.yml"
    for doc in pages:
        page = BeautifulSoup((site / f"{doc}.html").read_text(encoding="utf-8"), "html.parser")
        links = [a.get("href", "") for a in page.find_all("a")]
        binder = f"https://mybinder.org/v2/gh/{repo}/{branch}?urlpath=lab/tree/{doc}.ipynb"
        colab = f"https://colab.research.google.com/github/{repo}/blob/{branch}/{doc}.ipynb"
        assert binder in links, f"{doc}: no Binder button"
        assert colab in links, f"{doc}: no Colab button"
        downloads = [h for h in links if h.endswith(f"_sources/{doc}.ipynb")]
        assert downloads, f"{doc}: no download button for the notebook"
        target = (site / doc).parent / downloads[0]
        assert json.loads(target.read_text(encoding="utf-8"))["cells"]


def test_every_notebook_starts_with_the_install_cell():
    notebooks = [ROOT / f"{f}.ipynb" for f in notebook_pages()]
    assert notebooks and install_cell.problems(notebooks) == []

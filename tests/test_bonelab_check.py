"""Running the notebooks anywhere: `python -m bonelab check`, the notebooks' install cell, and
the launch and download buttons of the notebook pages."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from sphinx.errors import ConfigError

from bonelab import __main__ as bonelab_main
from coursebook import install_cell
from coursebook.download import ARCHIVE
from coursebook.model import toc_files
from coursebook.repository import (
    REPOSITORY_BUTTONS,
    Repository,
    configured,
    parse,
    theme_options,
)

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
    assert "\nMISSING: scipy.\n" in result.stdout
    assert result.stdout.rstrip().endswith(bonelab_main.SETUP)


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


def test_check_outside_the_course_environment_says_how_to_make_it(tmp_path):
    """A Python without the course's packages, run in the course's folder (so bonelab is found
    there but not installed): every missing piece named, then how to set up the environment."""
    bare = tmp_path / "bare"
    subprocess.run([PYTHON, "-m", "venv", "--without-pip", str(bare)], check=True)
    result = subprocess.run(
        [str(bare / "bin" / "python"), "-m", "bonelab", "check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BONELAB_DATA")},
    )
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert "MISSING: not installed in this Python, only found in this folder" in out
    assert "numpy        MISSING" in out and "pandas       MISSING" in out
    assert "MISSING: bonelab installed in this Python, numpy, pandas, scipy, matplotlib" in out
    assert out.rstrip().endswith(bonelab_main.SETUP)
    assert "python3 -m venv .venv" in bonelab_main.SETUP
    assert ".venv/bin/python -m pip install -r requirements.txt" in bonelab_main.SETUP


def test_check_without_a_command_prints_usage():
    result = subprocess.run([PYTHON, "-m", "bonelab"], capture_output=True, text=True)
    assert result.returncode == 2 and "python -m bonelab check" in result.stdout


# ---- the install cell ------------------------------------------------------------------------

REPOSITORY = Repository("https://github.com/example-org/hormones-and-bone", "course")


def test_install_cell_follows_the_one_setting():
    assert install_cell.install_cell_source() == install_cell.install_cell_source(configured())
    for repository in (None, REPOSITORY):
        source = install_cell.install_cell_source(repository)
        compile(source, "install-cell", "exec")
        lines = source.splitlines()
        # one guarded import: the import, and one line for when it fails
        assert len(lines) == 2 and lines[0].startswith("try: import bonelab")
        assert lines[1].startswith("except ImportError: ")
        assert "<" not in source and ">" not in source.replace("->", "")
    assert "http" not in install_cell.install_cell_source(None)
    assert "bonelab @ git+https://github.com/example-org/hormones-and-bone@course" in (
        install_cell.install_cell_source(REPOSITORY)
    )
    cell = install_cell.install_cell()
    assert cell["outputs"] == [] and "hide-input" in cell["metadata"]["tags"]


# A stubbed installer: records every command and answers with the given exit status.
STUB = textwrap.dedent("""
    import json, subprocess, sys
    calls = []
    def fake_run(command, **kwargs):
        calls.append(list(command))
        return subprocess.CompletedProcess(command, int(sys.argv[2]))
    subprocess.run = fake_run
""")
REPORT = "\nimport sys as _s; _s.stderr.write(json.dumps(calls))"


def run_cell(repository, hidden: str = "bonelab", pip_status: int = 1) -> tuple[str, list]:
    code = STUB + install_cell.install_cell_source(repository) + REPORT
    result = subprocess.run(
        [PYTHON, "-c", HIDE + "\n" + code, hidden, str(pip_status)],
        capture_output=True,
        text=True,
        cwd="/",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout, json.loads(result.stderr)


def test_without_bonelab_and_without_a_repository_one_sentence_says_what_to_do():
    out, calls = run_cell(None)
    assert calls == []
    assert out == (
        "This notebook needs the course's bonelab package: download the course from the student "
        "guide (Running the notebooks), set it up as the guide says, and open the notebook "
        "there.\n"
    )


def test_without_bonelab_the_cell_installs_it_from_the_repository():
    out, calls = run_cell(REPOSITORY, pip_status=0)
    assert out == ""
    assert calls == [
        [
            PYTHON,
            "-m",
            "pip",
            "install",
            "-q",
            "bonelab @ git+https://github.com/example-org/hormones-and-bone@course",
        ]
    ]


def test_offline_the_cell_says_so_in_one_sentence():
    out, calls = run_cell(REPOSITORY, pip_status=1)
    assert len(calls) == 1
    assert out.count("\n") == 1 and out.startswith(
        "Could not install the course's bonelab package from "
        "https://github.com/example-org/hormones-and-bone (offline?): set up the course as the "
        "student guide (Running the notebooks) says."
    )


@pytest.mark.parametrize("repository", [None, REPOSITORY], ids=["no repository", "repository"])
def test_install_cell_does_nothing_when_bonelab_is_installed(repository):
    assert run_cell(repository, hidden="") == ("", [])


def test_install_cell_tool_inserts_replaces_and_checks(tmp_path):
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
    # the cell of an earlier version (it cloned the repository) is replaced, nothing else moves
    cells[1]["source"] = [install_cell.OLD_MARKER + ": find ...\n", "import bonelab"]
    path.write_text(json.dumps({**notebook, "cells": cells}))
    assert install_cell.problems([path]) == [
        f"{path}: the install cell is out of date (run python -m coursebook.install_cell --apply)"
    ]
    assert install_cell.apply(path).startswith("updated")
    after = json.loads(path.read_text())["cells"]
    assert after[0] == cells[0] and after[2] == cells[2]
    assert "".join(after[1]["source"]) == install_cell.install_cell_source()
    assert install_cell.problems([path]) == []


def test_every_notebook_starts_with_the_install_cell():
    notebooks = [ROOT / f"{f}.ipynb" for f in notebook_pages()]
    assert notebooks and install_cell.problems(notebooks) == []


# ---- the one repository setting --------------------------------------------------------------


def notebook_pages() -> list[str]:
    return [f for f in toc_files(ROOT / "_toc.yml") if (ROOT / f"{f}.ipynb").is_file()]


LAUNCH = {
    "notebook_interface": "jupyterlab",
    "binderhub_url": "https://mybinder.org",
    "colab_url": "https://colab.research.google.com",
}


def test_the_setting_is_read_once_and_checked():
    assert parse({"url": "", "branch": "main"}) is None and parse(None) is None
    assert parse({"url": "https://github.com/o/r/"}) == Repository("https://github.com/o/r", "main")
    for bad in ("<the course repository URL>", "http://github.com/o/r", "github.com/o/r"):
        with pytest.raises(ConfigError, match="repository.url must be the https address"):
            parse({"url": bad})
    # Jupyter Book would fill a missing url with its own project's: the config says "none".
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert "url" in config["repository"] and configured() is None
    assert config["launch_buttons"] == LAUNCH
    assert "github.com/" not in (ROOT / "_config.yml").read_text()


def test_theme_options_without_a_repository_show_no_repository_and_no_launch_button():
    jupyter_book_default = "https://github.com/executablebooks/jupyter-book"
    options = {"repository_url": jupyter_book_default, "launch_buttons": LAUNCH, "x": 1}
    derived = theme_options(options, None)
    assert "repository_url" not in derived and derived["launch_buttons"] == {}
    assert not any(derived[k] for k in REPOSITORY_BUTTONS) and derived["x"] == 1
    assert options["launch_buttons"] == LAUNCH  # the configuration itself is left alone


def test_theme_options_with_a_repository_use_it_everywhere():
    derived = theme_options({"launch_buttons": LAUNCH, "use_repository_button": False}, REPOSITORY)
    assert derived["repository_url"] == REPOSITORY.url
    assert derived["repository_branch"] == "course"
    assert derived["use_repository_button"] is True and derived["launch_buttons"] == LAUNCH


MINI_NOTEBOOK = {
    "cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# A notebook"]}],
    "metadata": {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}


def build_mini_book(folder: Path, url: str) -> Path:
    """A two-page book with the course's theme, launch settings and repository extension."""
    src = folder / "src"
    src.mkdir(parents=True)
    (src / "_config.yml").write_text(
        yaml.safe_dump({"repository": {"url": url, "branch": "course"}})
    )
    (src / "conf.py").write_text(
        textwrap.dedent(f"""
        extensions = ["myst_nb", "coursebook.repository"]
        html_theme = "sphinx_book_theme"
        nb_execution_mode = "off"
        exclude_patterns = ["_build"]
        # what Jupyter Book passes when repository.url is missing or empty: its own project's
        html_theme_options = {{"launch_buttons": {LAUNCH!r},
            "repository_url": "https://github.com/executablebooks/jupyter-book"}}
        """)
    )
    # the student guide's own repository blocks, and one small one
    guide = (ROOT / "book" / "guides" / "students.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```\{course-repository\}\n.*?^```\n", guide, re.M | re.S)
    assert len(blocks) == 2
    (src / "index.md").write_text(
        "# Home\n\nBefore.\n\n```{course-repository}\nClone {{url}} (branch {{branch}}).\n```\n\n"
        + "\n".join(blocks)
        + "\n```{toctree}\nnb\n```\n"
    )
    (src / "nb.ipynb").write_text(json.dumps(MINI_NOTEBOOK))
    out = folder / "html"
    result = subprocess.run(
        [PYTHON, "-m", "sphinx", "-b", "html", "-W", "-q", str(src), str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def links(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [a.get("href", "") for a in soup.find_all("a")]


def test_a_book_built_with_a_repository_shows_it_and_one_without_shows_none(tmp_path):
    with_repo = build_mini_book(tmp_path / "set", REPOSITORY.url)
    hrefs = links(with_repo / "nb.html")
    assert (
        "https://mybinder.org/v2/gh/example-org/hormones-and-bone/course?urlpath=lab/tree/nb.ipynb"
        in hrefs
    )
    assert (
        "https://colab.research.google.com/github/example-org/hormones-and-bone/blob/course/nb.ipynb"
        in hrefs
    )
    assert REPOSITORY.url in hrefs  # the repository button
    home = (with_repo / "index.html").read_text(encoding="utf-8")
    assert f"Clone {REPOSITORY.url} (branch course)." in home
    assert f"git clone --branch course {REPOSITORY.url} hormones-and-bone" in home
    assert "Run in the cloud: Binder or Colab." in home

    without = build_mini_book(tmp_path / "unset", "")
    for page in ("nb.html", "index.html"):
        text = (without / page).read_text(encoding="utf-8")
        assert "mybinder" not in text and "colab" not in text and "github.com" not in text
        assert "Clone" not in text and "{{url}}" not in text and "git clone" not in text
    assert any(h.endswith("nb.ipynb") for h in links(without / "nb.html"))  # the download stays


def test_the_built_site_shows_no_repository_and_offers_the_download(built_site):
    site, _ = built_site
    pages = notebook_pages()
    assert pages, "no notebook is listed in _toc.yml"
    for doc in pages:
        page = (site / f"{doc}.html").read_text(encoding="utf-8")
        hrefs = links(site / f"{doc}.html")
        assert "mybinder.org" not in page and "colab.research" not in page, doc
        downloads = [h for h in hrefs if h.endswith(f"_sources/{doc}.ipynb")]
        assert downloads, f"{doc}: no download button for the notebook"
        target = (site / doc).parent / downloads[0]
        assert json.loads(target.read_text(encoding="utf-8"))["cells"]
    for page in site.rglob("*.html"):
        text = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text()
        assert "repository URL>" not in text and "<the " not in text, page
    guide = site / "book" / "guides" / "students.html"
    archive = [h for h in links(guide) if h.endswith(ARCHIVE)]
    assert archive == [f"../../{ARCHIVE}"] and (site / ARCHIVE).is_file()
    assert "git clone" not in guide.read_text(encoding="utf-8")

"""Shared fixtures: the built site that the site tests inspect."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from coursebook.build import build_command

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> tuple[Path, str]:
    """The HTML build and its log.

    `make test` builds the book first (from scratch, with the Makefile's flags) and points BONELAB_SITE and
    BONELAB_BUILD_LOG at the result; run alone, the fixture builds the book itself.
    """
    site = os.environ.get("BONELAB_SITE")
    log = os.environ.get("BONELAB_BUILD_LOG")
    if site and log:
        return Path(site), Path(log).read_text(encoding="utf-8")
    out = tmp_path_factory.mktemp("book")
    result = subprocess.run(build_command(out), capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return out / "_build" / "html", result.stdout + result.stderr


@pytest.fixture(scope="session")
def student_edition(built_site) -> tuple[Path, str]:
    """The student edition's HTML build and its log.

    `make build` puts it inside the site, at student/, and its warnings in the same log;
    `make test` points BONELAB_STUDENT_SITE and BONELAB_STUDENT_LOG at them.
    """
    site = os.environ.get("BONELAB_STUDENT_SITE")
    log = os.environ.get("BONELAB_STUDENT_LOG")
    if site and log:
        return Path(site), Path(log).read_text(encoding="utf-8")
    learner, learner_log = built_site
    assert (learner / "student").is_dir(), "the build put no student edition in the site"
    return learner / "student", learner_log


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of data/ with references.bib beside it, to damage one file at a time."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    shutil.copy(ROOT / "references.bib", tmp_path / "references.bib")
    return target


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's browser is Debian's Chromium (never a downloaded one)."""
    from coursebook.browser import CHROMIUM, CHROMIUM_ARGS, missing_tools

    missing = missing_tools()
    if missing:
        pytest.fail("the browser checks need " + " and ".join(missing), pytrace=False)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}

"""One repository setting: ``repository.url`` (and ``branch``) in _config.yml.

Everything a reader sees of the course's repository derives from that one setting:

- set: the repository button in the header, the Binder and Colab launch buttons of every
  notebook page (the services named under ``launch_buttons`` in _config.yml), the notebooks'
  install cell (coursebook/install_cell.py: it installs bonelab from the repository when a
  kernel lacks it), the citation in the instructor guide (the theme's ``repository_url``), and
  the student guide's clone steps (``{course-repository}`` blocks, also the Sphinx tag
  ``course_repository`` for ``{only}``);
- unset (empty, the state the course ships in until it has a public repository): none of them
  appears. No repository button, no launch button pointing nowhere, no clone step, and no
  placeholder text. The site's own download (coursebook/download.py) is there either way.

Jupyter Book fills a missing ``repository.url`` with its own project's address, so this module
reads the setting from _config.yml itself, and an empty value means "none".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util.docutils import SphinxDirective

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "_config.yml"
TAG = "course_repository"
# Header buttons that need a repository; the download button needs none and stays.
REPOSITORY_BUTTONS = ("use_repository_button", "use_issues_button", "use_edit_page_button")


@dataclass(frozen=True)
class Repository:
    url: str
    branch: str = "main"

    @property
    def pip_url(self) -> str:
        """What pip installs bonelab (with its tables) from: ``pip install "bonelab @ ..."``."""
        return f"git+{self.url}@{self.branch}"


def parse(settings: dict[str, Any] | None, where: str = "_config.yml") -> Repository | None:
    """The repository from a ``repository:`` mapping, or None when its url is empty or missing.

    A url that is not a plain https address (a placeholder such as ``<the course URL>``, a
    typo) is a configuration error, never something to show a reader.
    """
    settings = settings or {}
    url = str(settings.get("url") or "").strip().rstrip("/")
    if not url:
        return None
    parts = urlparse(url)
    if parts.scheme != "https" or not parts.netloc or any(c in url for c in "<> {}\"'"):
        raise ConfigError(
            f"{where}: repository.url must be the https address of the course's repository "
            f"or empty (no repository yet), got {url!r}"
        )
    return Repository(url, str(settings.get("branch") or "main").strip())


def configured(config: Path = CONFIG) -> Repository | None:
    """The repository that _config.yml names, or None."""
    data = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    return parse(data.get("repository"), str(config))


def theme_options(options: dict[str, Any], repository: Repository | None) -> dict[str, Any]:
    """The theme's options with the repository, its button and the launch buttons, or none."""
    options = dict(options)
    if repository is None:
        for key in ("repository_url", "repository_branch"):
            options.pop(key, None)
        for key in REPOSITORY_BUTTONS:
            options[key] = False
        # Launch buttons need a repository to open; the .ipynb download button stays.
        options["launch_buttons"] = {}
    else:
        options["repository_url"] = repository.url
        options["repository_branch"] = repository.branch
        options["use_repository_button"] = True
    return options


def apply_repository(app: Sphinx, config: Config) -> None:
    repository = configured(Path(app.srcdir) / "_config.yml")
    config.html_theme_options = theme_options(config.html_theme_options or {}, repository)
    if repository is not None:
        app.tags.add(TAG)


class CourseRepository(SphinxDirective):
    """``{course-repository}``: its content, with ``{{url}}`` and ``{{branch}}`` filled in,
    only when the repository is set; nothing at all when it is not."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        repository = configured(Path(self.env.srcdir) / "_config.yml")
        self.env.note_dependency(str(Path(self.env.srcdir) / "_config.yml"))
        if repository is None:
            return []
        text = [
            line.replace("{{url}}", repository.url).replace("{{branch}}", repository.branch)
            for line in self.content
        ]
        container = nodes.container(classes=["course-repository"])
        self.state.nested_parse(
            StringList(text, items=self.content.items), self.content_offset, container
        )
        return container.children


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", apply_repository)
    app.add_directive("course-repository", CourseRepository)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

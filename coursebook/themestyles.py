"""The theme's stylesheet cut to the rules the built site uses, written as a new file (PurgeCSS).

pydata-sphinx-theme 0.17.1 links one stylesheet on every page, render-blocking:
``styles/pydata-sphinx-theme.css``, 397 KB (66 KB compressed), the theme's build itself warning
that it exceeds the recommended asset size (pydata/pydata-sphinx-theme#2379, open). About 93 KB of
it are Font Awesome's 1,883 per-icon rules (the course draws its few icons from a small embedded
font, coursebook/theme_assets.py) and much of the rest Bootstrap components no page uses;
Lighthouse counts most of it unused on every page, and on a phone the download delays the first
paint. The theme offers no option to ship less.

After the build has written every page, PurgeCSS (npm, pinned in package.json; its safelist in
purgecss.config.cjs says what it must always keep) reads every page and every script in
``_static`` and keeps the rules whose selectors can match them. The result is a NEW file in the
build, ``_static/styles/pydata-sphinx-theme.subset.css``; the theme's own file is copied into the
build as it ships and left alone, and _templates/layout.html (css block) links the subset in its
place. tests/test_theme_overrides.py fails when the theme's head assets change or the pages stop
linking the subset, or when the subset loses what the theme switches at run time (the focus ring,
dark mode, open states); tests/browser/test_assets.py when a rule that matches an element of a
page (in light and dark, on a phone and a desktop) or an icon in use is missing from it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from coursebook.model import ROOT

#: The theme's stylesheet in the build, and the subset written beside it (both below _static).
THEME_CSS = "styles/pydata-sphinx-theme.css"
SUBSET_CSS = "styles/pydata-sphinx-theme.subset.css"
CONFIG = ROOT / "purgecss.config.cjs"
#: Scripts whose words are not classes any page uses: Font Awesome's 1.45 MB script names every
#: icon (the layout does not load it) and source maps repeat their script.
SKIPPED = ["**/fontawesome.js", "**/*.map", "**/student/**"]


def purgecss() -> Path:
    tool = ROOT / "node_modules" / "purgecss" / "bin" / "purgecss.js"
    if not tool.is_file():
        raise ExtensionError(
            f"PurgeCSS is not installed ({tool} is missing): run "
            "`npm ci --no-audit --no-fund` in the repository (make book does it)"
        )
    return tool


def subset_command(outdir: Path) -> list[str]:
    """The PurgeCSS command that writes the subset of the theme's stylesheet for a built site."""
    static = outdir / "_static"
    return [
        "node",
        str(purgecss()),
        "--config",
        str(CONFIG),
        "--css",
        str(static / THEME_CSS),
        "--content",
        f"{outdir}/**/*.html",
        f"{static}/**/*.js",
        "--skippedContentGlobs",
        *SKIPPED,
        "--output",
        str(static / SUBSET_CSS),
    ]


def write_subset(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    result = subprocess.run(subset_command(outdir), capture_output=True, text=True)
    target = outdir / "_static" / SUBSET_CSS
    if result.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        raise ExtensionError(
            f"PurgeCSS did not write {target}: {(result.stderr or result.stdout).strip()[-2000:]}"
        )


def setup(app: Sphinx) -> dict[str, Any]:
    # Last among the build-finished hooks, so it reads the pages as they are finally written.
    app.connect("build-finished", write_subset, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""Math rendered while the book is built: static HTML and MathML, no math script on any page.

sphinxcontrib-katex (pinned in requirements.txt) renders every equation through node with the
``katex`` npm package (pinned in package.json; `make book` runs ``npm ci`` when it is missing),
``katex_prerender`` in _config.yml. KaTeX writes two copies of each equation: HTML that the eye
reads, hidden from screen readers, and MathML that screen readers read. What stays for the
browser to fetch is KaTeX's stylesheet and the few fonts an equation uses, served from the build
(``_static/katex/``), never from a CDN.

This module does the two things that cannot be written in _config.yml, because they are paths
on this machine: it points sphinxcontrib-katex at the pinned ``katex.min.js``, and it copies the
stylesheet and its fonts into the build.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from coursebook.model import ROOT

#: Where npm installs KaTeX's distribution (package.json pins the version).
KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
#: The stylesheet's place in the build, below _static.
CSS_PATH = "katex/katex.min.css"


def katex_dist(srcdir: Path | str) -> Path:
    """KaTeX's dist folder: the book's own node_modules, else the repository's."""
    for candidate in (Path(srcdir) / "node_modules" / "katex" / "dist", KATEX_DIST):
        if (candidate / "katex.min.js").is_file():
            return candidate
    raise ExtensionError(
        f"KaTeX is not installed ({KATEX_DIST / 'katex.min.js'} is missing): run "
        "`npm ci --no-audit --no-fund` in the repository (make book does it)"
    )


def _configure(app: Sphinx, config: Any) -> None:
    if not config.katex_prerender:
        return
    config.katex_js_path = str(katex_dist(app.srcdir) / "katex.min.js")
    config.katex_css_path = CSS_PATH


def _copy_assets(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or not app.config.katex_prerender:
        return
    source = katex_dist(app.srcdir)
    target = Path(app.outdir, "_static", "katex")
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / "katex.min.css", target / "katex.min.css")
    shutil.copytree(source / "fonts", target / "fonts", dirs_exist_ok=True)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinxcontrib.katex")
    # Before sphinxcontrib-katex reads the paths (its builder-inited).
    app.connect("config-inited", _configure, priority=400)
    app.connect("build-finished", _copy_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

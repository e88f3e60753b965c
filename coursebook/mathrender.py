"""Math rendered while the book is built: static HTML and MathML, no math script on any page.

sphinxcontrib-katex (pinned in requirements.txt) renders every equation through node with the
``katex`` npm package (pinned in package.json; `make book` runs ``npm ci`` when it is missing),
``katex_prerender`` in _config.yml. KaTeX writes two copies of each equation: HTML that the eye
reads, hidden from screen readers, and MathML that screen readers read. What stays for the
browser to fetch is KaTeX's stylesheet and the few fonts an equation uses, served from the build
(``_static/katex/``), never from a CDN.

This module does the two things that cannot be written in _config.yml, because they are paths
on this machine: it points sphinxcontrib-katex at the pinned ``katex.min.js``, and it copies the
stylesheet and its fonts into the build. It also lets sphinxcontrib-katex wait longer for its
node process on a busy machine, and connect to it again if node was not listening yet
(`_start_server_process`): the page is the same, the build no longer fails by chance.
"""

from __future__ import annotations

import shutil
import socket
import time
from pathlib import Path
from subprocess import PIPE, Popen
from typing import Any

import sphinxcontrib.katex
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


#: How long sphinxcontrib-katex waits for its node process (one per build, rendering every
#: equation of the book) to start, and for each equation. Its own 5 s is too short on a busy
#: machine, such as one building both editions at once while other work runs: the build then
#: fails with "KaTeX server did not came up after 5.0 seconds. Try increasing STARTUP_TIMEOUT".
KATEX_TIMEOUT = 60.0


def _start_server_process(cls: type, rundir: Path, timeout: float) -> tuple[Popen, socket.socket]:
    """sphinxcontrib-katex's start of its node process (KaTeXServer.start_server_process), but
    connecting again while node has made its socket file and does not listen on it yet.

    Upstream connects once, as soon as the file exists; node creates it (bind) a moment before
    it listens, and on a busy machine that moment is long enough for the build to fail with
    ConnectionRefusedError. Same command, same socket, same timeout otherwise.
    """
    socket_path = rundir / "katex.sock"
    process = Popen(cls.build_command(socket=socket_path), stdin=PIPE, stdout=PIPE, cwd=rundir)
    deadline = time.monotonic() + timeout
    while True:
        if socket_path.is_socket():
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                sock.connect(str(socket_path))
                return process, sock
            except ConnectionRefusedError:
                sock.close()
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            raise cls.timeout_error(timeout)
        time.sleep(0.01)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinxcontrib.katex")
    sphinxcontrib.katex.STARTUP_TIMEOUT = sphinxcontrib.katex.RENDER_TIMEOUT = KATEX_TIMEOUT
    sphinxcontrib.katex.KaTeXServer.start_server_process = classmethod(_start_server_process)
    # Before sphinxcontrib-katex reads the paths (its builder-inited).
    app.connect("config-inited", _configure, priority=400)
    app.connect("build-finished", _copy_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""The notebooks read in JupyterLab as on the site: MyST renders, no raw markup is visible.

A real JupyterLab (from this environment, with jupyterlab-myst) serves a temporary copy of the
notebooks on a free local port, without a token; Debian's Chromium (pytest-playwright, see
tests/conftest.py) opens each notebook and waits until every markdown cell is rendered by
jupyterlab-myst. Then no rendered markdown cell may show role or directive syntax: `{cite}`,
`{term}`, `{computed}` (which only the book can render: notebooks print computed numbers from a
code cell instead) or a ``` fence; nor a computed result's key (what an unrendered
`{computed}` shows). Each glossary term must link to its definition in the notebook's own glossary
cell (coursebook/notebook_terms.py), which JupyterLab shows on hover.

jupyterlab-myst 2.7.0 has no bibliography: it shows every citation as its key, marked "Citation
Not Found" (its transform src/transforms/citations.ts). The book links the same keys to the
reference list. The test counts those keys and checks that they are the keys the notebook cites.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bonelab import results

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").rglob("*.ipynb"))
RAW = ("{cite", "{term}", "{computed}", "{glossary}", "{admonition}", "```", ":::")
CITE_ROLE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")
# Render every cell at once (JupyterLab 4 otherwise renders only the cells in view).
SETTINGS = {"@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"}}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    """JupyterLab serving a copy of notebooks/ (and the book, which they link to)."""
    home = tmp_path_factory.mktemp("jupyterlab")
    work = home / "course"
    shutil.copytree(ROOT / "notebooks", work / "notebooks")
    for name, settings in SETTINGS.items():
        path = home / "settings" / name
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(settings), encoding="utf-8")
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
    }
    port = free_port()
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
        f"--port={port}", "--ip=127.0.0.1", "--ServerApp.port_retries=0",
        "--IdentityProvider.token=", "--ServerApp.password=",
        f"--ServerApp.root_dir={work}",
    ]  # fmt: skip
    log = (home / "server.log").open("w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/api/status", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail("JupyterLab did not start:\n" + (home / "server.log").read_text())
            time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def markdown_cells(notebook: str) -> list[str]:
    cells = json.loads((ROOT / notebook).read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


@pytest.fixture(scope="module")
def lab_context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def rendered_markdown(lab_context, url: str, notebook: str) -> list[dict]:
    """Open the notebook and return each markdown cell as jupyterlab-myst rendered it."""
    expected = sum(1 for source in markdown_cells(notebook) if source.strip())
    page = lab_context.new_page()
    try:
        page.goto(f"{url}/lab/tree/{notebook}?reset", wait_until="load")
        page.wait_for_function(
            """n => {
                const cells = [...document.querySelectorAll(
                    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownCell')];
                return cells.length >= n && cells.every(c => c.querySelector('.myst'));
            }""",
            arg=expected,
            timeout=60000,
        )
        return page.evaluate(
            """() => [...document.querySelectorAll(
                    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownCell .myst')].map(m => ({
                text: m.innerText,
                citations: [...m.querySelectorAll('[title="Citation Not Found"]')]
                    .map(c => c.textContent.trim()),
                admonitions: m.querySelectorAll('aside, details').length,
                terms: [...m.querySelectorAll('a.hover-link')].map(a => [a.textContent.trim(),
                    !!(a.getAttribute('href').length > 1 &&
                       document.getElementById(a.getAttribute('href').slice(1)))]),
            }))"""
        )
    finally:
        page.close()


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_no_raw_markup_is_visible_in_jupyterlab(jupyterlab, lab_context, notebook):
    cells = rendered_markdown(lab_context, jupyterlab, notebook)
    sources = [s for s in markdown_cells(notebook) if s.strip()]
    assert len(cells) == len(sources)
    raw = [
        f"cell {i}: {marker!r} in {cell['text'][:200]!r}"
        for i, cell in enumerate(cells)
        for marker in RAW
        if marker in cell["text"]
    ]
    assert raw == [], f"{notebook} shows raw markup in JupyterLab:\n  " + "\n  ".join(raw)
    # A {computed} role would render as its bare key: notebooks print those numbers instead.
    keys = [f"cell {i} shows the key {key} where its number belongs"
            for i, cell in enumerate(cells) for key in results.keys() if key in cell["text"]]  # fmt: skip
    assert keys == [], f"{notebook}:\n  " + "\n  ".join(keys)
    # Each glossary term links to its definition in the notebook's own glossary cell (hover).
    terms = [term for cell in cells for term, defined in cell["terms"] if not defined]
    assert terms == [], f"{notebook}: terms with no definition in the notebook: {terms}"
    # Admonitions and dropdowns render as boxes, not as text.
    for source, cell in zip(sources, cells):
        if re.search(r"^(```+|:::+)\{(admonition|note|warning|tip|important)\}", source, re.M):
            assert cell["admonitions"] >= 1, f"{notebook}: an admonition did not render"
    # Citations show as their keys, the keys the notebook cites (no other text, nothing lost).
    cited = sorted(
        k.strip() for s in sources for keys in CITE_ROLE.findall(s) for k in keys.split(",")
    )
    shown = sorted(k for cell in cells for k in cell["citations"])
    assert shown == cited

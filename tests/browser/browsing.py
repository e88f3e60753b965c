"""The browser tests' fixtures and helpers: the built book in a real browser.

pytest-playwright gives the browser (its `browser` fixture, launched as Debian's Chromium by
`browser_type_launch_args` in tests/conftest.py); one server (coursebook/serve.py, gzip like a
static host) per test process. Nothing is downloaded: Chromium comes from apt (`make test`
installs it when missing) and axe-core from npm (`npm ci`, which `make test` runs). Never
`playwright install`.

The fixtures live here rather than in a conftest.py: the suite also collects doctests from
every module, and two conftest.py files in folders without __init__.py clash there. Test
modules import the fixtures they use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from coursebook.browser import load_all_images, wait_for_math
from coursebook.model import toc_files as _toc_files
from coursebook.serve import Server

ROOT = Path(__file__).resolve().parents[2]

PHONE = {"width": 390, "height": 844}


def toc_files() -> list[str]:
    return _toc_files(ROOT / "_toc.yml")


def reader_pages() -> list[str]:
    """Every page a reader can open: the table of contents, the index and the search page."""
    return [f"{name}.html" for name in toc_files()] + ["genindex.html", "search.html"]


@dataclass
class Visit:
    """What went wrong while a page loaded: console errors, failed requests, other hosts."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    other_hosts: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"console error: {m}" for m in self.console_errors]
            + [f"failed request: {m}" for m in self.failed]
            + [f"request to another host: {m}" for m in self.other_hosts]
        )


def watch(page, origin: str) -> Visit:
    """Record console errors, failed requests and requests that leave the local server."""
    visit = Visit(origin)

    def on_request(request) -> None:
        scheme = urlsplit(request.url).scheme
        if scheme in ("data", "blob", "about"):
            return
        if not request.url.startswith(origin):
            visit.other_hosts.append(request.url)

    def on_response(response) -> None:
        if response.status >= 400:
            visit.failed.append(f"{response.status} {response.url}")

    def on_failed(request) -> None:
        # A page left for another (a click on a link) cancels its own document request.
        if request.is_navigation_request() and request.failure == "net::ERR_ABORTED":
            return
        visit.failed.append(f"{request.failure} {request.url}")

    page.on(
        "console",
        lambda msg: visit.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    page.on("pageerror", lambda error: visit.console_errors.append(str(error)))
    page.on("request", on_request)
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    return visit


def settle(page) -> None:
    """Wait until the page is finished: every image loaded (lazy ones too) and math typeset."""
    load_all_images(page)
    wait_for_math(page)


def first_page_with(site: Path, selector: str) -> str | None:
    """The first page in reading order whose HTML has an element matching the CSS selector."""
    from bs4 import BeautifulSoup

    for name in reader_pages():
        path = site / name
        if path.is_file() and BeautifulSoup(
            path.read_text(encoding="utf-8"), "html.parser"
        ).select_one(selector):
            return name
    return None


@pytest.fixture(scope="session")
def site(built_site) -> Path:
    return built_site[0]


@pytest.fixture(scope="session")
def server(site):
    with Server(site) as running:
        yield running


@pytest.fixture(scope="module")
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    yield context
    context.close()


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, color_scheme="light"
    )
    yield context
    context.close()

"""axe-core (npm, pinned) on every page: no critical or serious WCAG 2.1 A/AA violation.

Each page is checked in the light colour mode with every WCAG 2.1 A/AA rule, then, after the
browser switches to a dark system setting (the course follows it), with the colour rules, the
only ones whose outcome the mode can change. The search page is also checked with results.
coursebook/axe_report.py prints the same checks as a table, with the moderate and minor findings.
"""

from __future__ import annotations

import pytest
from browsing import reader_pages, server, settle, site  # noqa: F401 (fixtures)

from coursebook.browser import AXE, blocking_in_both_modes


@pytest.fixture(scope="module")
def axe_context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    context.add_init_script(path=str(AXE))
    yield context
    context.close()


@pytest.mark.parametrize("name", reader_pages() + ["search.html?q=osteoblast"])
def test_no_serious_accessibility_violations(axe_context, server, name):
    page = axe_context.new_page()
    page.goto(server.url + name, wait_until="load")
    settle(page)
    if "?q=" in name:
        page.locator("#search-results ul.search li").first.wait_for(timeout=15000)
    report = blocking_in_both_modes(page)
    page.close()
    assert not report, f"{name}:\n{report}"


def test_tables_have_no_empty_header_cells(site):  # noqa: F811
    """A header cell must name its row or column; pandas leaves some empty (axe's
    empty-table-header, a best-practice rule outside the WCAG tags run above)."""
    from bs4 import BeautifulSoup

    empty = []
    for name in reader_pages():
        doc = BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")
        count = sum(
            1
            for th in doc.select("article th")
            if not th.get_text(strip=True) and not th.find(attrs={"aria-label": True})
        )
        if count:
            empty.append(f"{name}: {count}")
    assert empty == [], "empty table header cells: " + "; ".join(empty)

"""Search as a reader uses it, on a phone and on a desktop.

- The magnifier sits beside the query, not over its first letter, in the search dialog of any
  page and in the search page's own form.
- The search form can be sent with its button (not only with Enter), and is a named landmark.
- Searching "T-score" highlights "T-score", in the results and on the page opened from them, and
  never the letter t on its own (Sphinx splits the query at the hyphen; search-words.js keeps the
  query's words).
"""

from __future__ import annotations

import pytest
from browsing import PHONE, server, site  # noqa: F401 (fixtures)

VIEWPORTS = {"phone": PHONE, "desktop": {"width": 1280, "height": 900}}
PAGES = ["book/fundamentals/measuring-bone.html", "notebooks/fundamentals/measuring-bone.html"]


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def context(request, browser):
    context = browser.new_context(viewport=VIEWPORTS[request.param], color_scheme="light")
    yield context
    context.close()


def assert_icon_beside_query(page, form: str) -> None:
    icon = page.locator(f"{form} .fa-magnifying-glass").bounding_box()
    field = page.locator(f"{form} input[name=q]").bounding_box()
    assert icon and field, f"{form}: no magnifier or no search field"
    assert icon["x"] + icon["width"] <= field["x"] + 0.5, (
        f"{form}: the magnifier ({icon}) overlaps the search field ({field})"
    )


@pytest.mark.parametrize("name", PAGES)
def test_dialog_leaves_the_query_uncovered(context, server, name):
    page = context.new_page()
    page.goto(server.url + name, wait_until="load")
    page.keyboard.press("Control+k")
    dialog = page.locator("#pst-search-dialog")
    dialog.locator("input[name=q]").wait_for(state="visible")
    page.keyboard.type("T")
    assert_icon_beside_query(page, "#pst-search-dialog form")
    form = dialog.get_by_role("search", name="Search this course")
    assert form.count() == 1, "the dialog's form is not a named search landmark"
    form.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search.html?q=T*")
    page.close()


def test_search_highlights_words_not_letters(context, server):
    page = context.new_page()
    page.goto(server.url + "search.html?q=T-score", wait_until="load")
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=20000)
    assert_icon_beside_query(page, ".bd-search-container form")
    page.wait_for_function(
        "document.querySelectorAll('#search-results span.highlighted').length > 0",
        timeout=20000,
    )
    marked = page.eval_on_selector_all(
        "#search-results span.highlighted", "els => els.map(e => e.textContent.toLowerCase())"
    )
    assert set(marked) == {"t-score"}, f"highlighted on the search page: {sorted(set(marked))}"
    link = results.first.locator("a").first
    link.click()
    page.wait_for_load_state("load")
    page.wait_for_function("document.querySelectorAll('span.highlighted').length > 0")
    opened = page.eval_on_selector_all(
        "span.highlighted", "els => els.map(e => e.textContent.toLowerCase())"
    )
    assert opened and set(opened) == {"t-score"}, f"highlighted on {page.url}: {set(opened)}"
    page.close()

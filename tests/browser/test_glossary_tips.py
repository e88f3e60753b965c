"""Glossary terms on touch and keyboard, in Chromium (coursebook/glossary.py, term-tips.js).

A term opens its definition in place on a tap, a click, or Tab and Enter; Escape closes it; the
link inside leads on to the glossary entry; axe finds nothing serious with a definition open, in
light and dark mode; on a 390 px phone the box stays on the screen.
"""

from __future__ import annotations

import pytest
from browsing import (  # noqa: F401 (desktop, phone, server, site: fixtures)
    desktop,
    first_page_with,
    phone,
    server,
    settle,
    site,
)

from coursebook.browser import AXE, BLOCKING_IMPACTS, describe, run_axe

BUTTON = "article button.term-tip__button"


@pytest.fixture(scope="module")
def term_page(site) -> str:
    name = first_page_with(site, "article a.reference.internal[title] span.std-term")
    assert name, "no page links a term to the glossary with its definition"
    return name


def _definition_of(site, name: str) -> str:
    """The definition the build wrote for the page's first glossary link (its title)."""
    from bs4 import BeautifulSoup

    doc = BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")
    link = next(
        a for a in doc.select("article a.reference.internal[title]") if a.select_one(".std-term")
    )
    return link["title"]


def test_click_opens_the_definition_in_place_and_its_link_reaches_the_entry(
    desktop, server, site, term_page
):
    page = desktop.new_page()
    page.goto(server.url + term_page, wait_until="load")
    button = page.locator(BUTTON).first
    box = page.locator("#" + button.get_attribute("aria-controls"))
    assert button.get_attribute("aria-expanded") == "false"
    box.wait_for(state="hidden")
    button.click()
    box.wait_for(state="visible")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.url.endswith(term_page), "a click on a term left the page"
    assert _definition_of(site, term_page) in box.inner_text()
    # A second click closes it, a third opens it again.
    button.click()
    box.wait_for(state="hidden")
    button.click()
    box.wait_for(state="visible")
    # A click elsewhere closes it.
    page.locator("article h1").first.click()
    box.wait_for(state="hidden")
    assert button.get_attribute("aria-expanded") == "false"
    # The link on to the glossary entry.
    button.click()
    link = box.locator("a.term-tip__link")
    assert link.inner_text().startswith("Glossary: ")
    link.click()
    page.wait_for_url("**/glossary.html#term-*")
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f'[id="{anchor}"]')
    assert target.evaluate("e => e.tagName") == "DT"
    definition = target.evaluate("e => e.nextElementSibling.innerText")
    assert len(definition.split()) > 3
    page.close()


def test_tab_and_enter_open_the_definition_and_escape_closes_it(desktop, server, term_page):
    page = desktop.new_page()
    page.goto(server.url + term_page, wait_until="load")
    page.locator(BUTTON).first.wait_for()
    # From the top of the page, Tab until focus reaches a glossary term.
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('term-tip__button')"):
            break
    else:
        pytest.fail("Tab never reached a glossary term")
    button = page.locator(":focus")
    box = page.locator("#" + button.get_attribute("aria-controls"))
    box.wait_for(state="hidden")
    page.keyboard.press("Enter")
    box.wait_for(state="visible")
    assert button.get_attribute("aria-expanded") == "true"
    # The next Tab goes into the definition: to its link on to the glossary entry.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('term-tip__link')")
    page.keyboard.press("Escape")
    box.wait_for(state="hidden")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('term-tip__button')"), (
        "Escape should return focus to the term"
    )
    page.keyboard.press("Space")
    box.wait_for(state="visible")
    page.close()


def test_tap_on_a_phone_opens_the_definition_on_the_screen(phone, server, term_page):
    page = phone.new_page()
    page.goto(server.url + term_page, wait_until="load")
    settle(page)
    buttons = page.locator(BUTTON)
    assert buttons.count() >= 1
    # Every term on the page: a tap opens its box inside the 390 px screen, without leaving.
    outside = []
    for i in range(min(buttons.count(), 12)):
        button = buttons.nth(i)
        button.scroll_into_view_if_needed()
        button.tap()
        box = page.locator("#" + button.get_attribute("aria-controls"))
        box.wait_for(state="visible")
        rect = box.evaluate(
            "b => { const r = b.getBoundingClientRect(); return [r.left, r.right]; }"
        )
        width = page.evaluate("document.documentElement.clientWidth")
        if rect[0] < 0 or rect[1] > width:
            outside.append(f"{button.inner_text()}: {rect} in {width}")
        button.tap()  # a second tap closes it
        box.wait_for(state="hidden")
    assert page.url.endswith(term_page), "a tap on a term left the page"
    assert outside == [], outside
    assert page.evaluate("document.documentElement.scrollWidth") <= page.evaluate(
        "document.documentElement.clientWidth"
    )
    page.close()


def test_no_serious_accessibility_violations_with_a_definition_open(browser, server, term_page):
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        context.add_init_script(path=str(AXE))
        page = context.new_page()
        page.goto(server.url + term_page, wait_until="load")
        settle(page)
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        page.wait_for_function("s => document.documentElement.dataset.theme === s", arg=scheme)
        page.locator(BUTTON).first.click()
        page.locator(".term-tip__box:not([hidden])").wait_for()
        found = [v for v in run_axe(page) if v["impact"] in BLOCKING_IMPACTS]
        context.close()
        assert found == [], f"{scheme} mode:\n{describe(found)}"

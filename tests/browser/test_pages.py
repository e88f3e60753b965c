"""Every page of the built book in Chromium: it loads cleanly, offline, and works on a phone."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from browsing import (  # noqa: F401 (desktop, phone, server, site: fixtures)
    desktop,
    first_page_with,
    phone,
    reader_pages,
    server,
    settle,
    site,
    watch,
)

from coursebook.browser import TRANSFER_JS, wait_for_math

PAGE_BUDGET = 250 * 1024  # bytes transferred per page, compressed, images included
FIGURE_BUDGET = 150 * 1024


@pytest.mark.parametrize("name", reader_pages())
def test_page_loads_cleanly_from_this_server_alone(browser, server, name):
    """No console error, no failed request, nothing from another host, within the byte budget.

    The budget counts what a first visit transfers when the page opens (compressed, images
    included, as Lighthouse counts it); figures further down load as the reader scrolls
    (loading="lazy"), and then every one of them must load and stay within its own budget.
    """
    # A fresh context per page: an empty cache, so the bytes counted are a first visit's.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    visit = watch(page, server.url)
    try:
        page.goto(server.url + name, wait_until="load")
        wait_for_math(page)
        opened = page.evaluate(TRANSFER_JS)
        settle(page)
        broken = page.evaluate("[...document.images].filter(i => !i.naturalWidth).map(i => i.src)")
        read = page.evaluate(TRANSFER_JS)
    finally:
        context.close()
    problems = visit.problems() + [f"image did not load: {src}" for src in broken]
    assert problems == [], f"{name}:\n  " + "\n  ".join(problems)
    assert opened["total"] <= PAGE_BUDGET, (
        f"{name} transfers {opened['total'] / 1024:.0f} KB when it opens (budget {PAGE_BUDGET // 1024} KB)"
    )
    heavy = [
        f"{src} ({size / 1024:.0f} KB)" for src, size in read["images"] if size > FIGURE_BUDGET
    ]
    assert heavy == [], f"{name}: figures over {FIGURE_BUDGET // 1024} KB: {heavy}"


def test_front_door_redirects_to_the_landing_page(desktop, server):
    page = desktop.new_page()
    page.goto(server.url, wait_until="load")
    page.wait_for_url("**/book/intro.html")
    assert page.locator("h1").first.inner_text().strip() == "Hormones and Bone"
    page.close()


def test_search_finds_osteoblast(desktop, server):
    """The search button, typing a word and Enter lead to results that link to the pages."""
    page = desktop.new_page()
    visit = watch(page, server.url)
    page.goto(server.url + "book/intro.html", wait_until="load")
    page.locator(".search-button__button:visible").first.click()
    field = page.locator("#pst-search-dialog input[name=q]")
    field.wait_for(state="visible")
    field.fill("osteoblast")
    field.press("Enter")
    page.wait_for_url("**/search.html?q=osteoblast*")
    results = page.locator("#search-results ul.search li a")
    # Sphinx fetches each result page for its snippet; let it finish before leaving the page.
    page.locator("#search-results p.search-summary", has_text="Search finished").wait_for(
        timeout=15000
    )
    titles = results.all_inner_texts()
    assert titles, "no search result for 'osteoblast'"
    results.first.click()
    page.wait_for_load_state("load")
    assert "osteoblast" in page.locator("article").inner_text().lower()
    assert visit.problems() == []
    page.close()


def test_glossary_term_link_reaches_its_definition(desktop, server, site):
    """The term's toggletip (tests/browser/test_glossary_tips.py) links on to its entry."""
    name = first_page_with(site, "article a.reference.internal span.std-term")
    assert name, "no page links a term to the glossary"
    page = desktop.new_page()
    page.goto(server.url + name, wait_until="load")
    button = page.locator("article button.term-tip__button").first
    term = button.inner_text().strip()
    button.click()
    link = page.locator("#" + button.get_attribute("aria-controls") + " a")
    link.click()
    page.wait_for_url("**/glossary.html#term-*")
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f'[id="{anchor}"]')
    assert target.evaluate("e => e.tagName") == "DT"
    page.wait_for_function(
        """id => { const r = document.getElementById(id).getBoundingClientRect();
                   return r.top >= 0 && r.bottom <= window.innerHeight; }""",
        arg=anchor,
    )
    definition = target.evaluate("e => e.nextElementSibling.innerText")
    assert len(definition.split()) > 3, f"'{term}' leads to an empty definition"
    page.close()


def test_hidden_solution_opens_on_click(desktop, server, site):
    name = first_page_with(site, "div.solution.dropdown")
    assert name, "no page has a solution hidden in a dropdown"
    page = desktop.new_page()
    page.goto(server.url + name, wait_until="load")
    solution = page.locator("div.solution.dropdown").first
    content = solution.locator(":scope > :not(.admonition-title)").first
    button = solution.locator("button.toggle-button")
    content.wait_for(state="hidden")
    assert button.get_attribute("aria-expanded") == "false"
    solution.locator(".admonition-title").click()
    content.wait_for(state="visible")
    assert button.get_attribute("aria-expanded") == "true"
    solution.locator(".admonition-title").click()
    content.wait_for(state="hidden")
    page.close()


def test_phone_navigation_opens_and_closes(phone, server):
    page = phone.new_page()
    page.goto(server.url + "book/intro.html", wait_until="load")
    page.wait_for_load_state("networkidle")
    dialog = page.locator("#pst-primary-sidebar-modal")
    assert not dialog.evaluate("d => d.open")
    page.locator("button.primary-toggle:visible").first.click()
    page.wait_for_function("document.querySelector('#pst-primary-sidebar-modal').open")
    link = dialog.locator("nav.bd-docs-nav a.reference").nth(1)
    link.wait_for(state="visible")
    page.keyboard.press("Escape")
    page.wait_for_function("!document.querySelector('#pst-primary-sidebar-modal').open")
    # Open again and follow a link: the menu is for going somewhere.
    page.locator("button.primary-toggle:visible").first.click()
    target = link.get_attribute("href")
    link.click()
    page.wait_for_url("**/" + target.split("/")[-1].split("#")[0])
    page.close()


def _white_fraction(png: bytes, border: int = 6) -> float:
    """Share of near-white pixels in the outer border of a screenshot of a figure."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    w, h = image.size
    pixels = [
        image.getpixel((x, y)) for x in range(w) for y in (*range(border), *range(h - border, h))
    ]
    pixels += [
        image.getpixel((x, y)) for y in range(h) for x in (*range(border), *range(w - border, w))
    ]
    return sum(1 for p in pixels if min(p) >= 235) / len(pixels)


def _contrast(js_page) -> float:
    """Contrast ratio of the article's body text against the page background."""
    return js_page.evaluate("""() => {
        const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const lum = c => { const [r, g, b] = c.map(v => { v /= 255;
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const p = document.querySelector('article p');
        const fg = lum(rgb(getComputedStyle(p).color));
        const bg = lum(rgb(getComputedStyle(document.body).backgroundColor));
        return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    }""")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_figure_page_reads_in_light_and_dark(browser, server, site, scheme):
    """Screenshots of a figure page in both colour modes: readable text, figures on white."""
    name = first_page_with(site, "article .cell_output img, article figure img")
    assert name, "no page has a figure"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(server.url + name, wait_until="load")
    settle(page)
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    figure = page.locator("article .cell_output img, article figure img").first
    figure.scroll_into_view_if_needed()
    shots = Path(site).parent / "screenshots"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / f"figure-page-{scheme}.png"))
    png = figure.screenshot(path=str(shots / f"figure-{scheme}.png"))
    contrast = _contrast(page)
    context.close()
    assert contrast >= 7, f"body text contrast {contrast:.1f}:1 in {scheme} mode"
    assert _white_fraction(png) > 0.9, (
        f"the figure on {name} has no white background in {scheme} mode"
    )

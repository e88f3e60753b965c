"""The book on a 390 px phone and on a desktop, light and dark: figures whose text can be read,
nothing clipped, math that is already there, and numbers that follow the chapters."""

from __future__ import annotations

import io
import re

import pytest
from browsing import (  # noqa: F401 (server, site: fixtures)
    PHONE,
    reader_pages,
    server,
    settle,
    site,
    toc_files,
    watch,
)

DESKTOP = {"width": 1280, "height": 900}
VIEWS = {"phone": PHONE, "desktop": DESKTOP}
MIN_FIGURE_TEXT_PX = 9.0

# Pages with figures: every notebook page, and the instructor guide (the course map).
FIGURE_PAGES = [f"{name}.html" for name in toc_files() if name.startswith("notebooks/")] + [
    "book/guides/instructors.html"
]


def _context(browser, view: str, scheme: str):
    if view == "phone":
        return browser.new_context(
            viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
            color_scheme=scheme,
        )  # fmt: skip
    return browser.new_context(viewport=DESKTOP, color_scheme=scheme)


# For each figure in the article: its file, the smallest text it draws (in the SVG's own units),
# how wide the SVG is in those units, and how wide the browser draws it (without the white card
# that dark mode puts around it).
FIGURE_TEXT_JS = """async () => {
    const out = [];
    for (const img of document.querySelectorAll('article img')) {
        const src = img.currentSrc || img.src;
        const cs = getComputedStyle(img);
        const frame = ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth']
            .reduce((sum, key) => sum + parseFloat(cs[key]), 0);
        const shown = img.getBoundingClientRect().width - frame;  // the drawing, not its card
        if (!/\\.svg(\\?|#|$)/.test(src)) { out.push({src, svg: false, shown}); continue; }
        const text = await (await fetch(src)).text();
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const root = doc.documentElement;
        const box = (root.getAttribute('viewBox') || '').split(/[\\s,]+/).map(Number);
        const sizes = [...doc.querySelectorAll('text, tspan')].map(t => {
            const attr = t.getAttribute('font-size');
            const style = (t.getAttribute('style') || '').match(/font-size:\\s*([\\d.]+)px/);
            return attr ? parseFloat(attr) : style ? parseFloat(style[1]) : NaN;
        }).filter(Number.isFinite);
        out.push({src, svg: true, shown, units: box[2], smallest: Math.min(...sizes),
                  texts: sizes.length});
    }
    return out;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("view", ["phone", "desktop"])
@pytest.mark.parametrize("name", FIGURE_PAGES)
def test_figure_text_reads_at_9_css_px(browser, server, name, view, scheme):
    """Every figure is an SVG whose smallest text the browser draws at 9 CSS px or more."""
    context = _context(browser, view, scheme)
    page = context.new_page()
    page.goto(server.url + name, wait_until="load")
    settle(page)
    figures = page.evaluate(FIGURE_TEXT_JS)
    context.close()
    assert figures, f"{name} shows no figure"
    raster = [f["src"] for f in figures if not f["svg"]]
    assert raster == [], f"{name}: figures that are not SVG (text cannot scale): {raster}"
    small = [
        f"{f['src'].rsplit('/', 1)[-1]}: {f['smallest'] * f['shown'] / f['units']:.1f} px"
        for f in figures
        if f["texts"] and f["smallest"] * f["shown"] / f["units"] < MIN_FIGURE_TEXT_PX
    ]
    assert small == [], f"{name} at {view} width ({scheme}): text under 9 CSS px in {small}"
    assert all(f["texts"] for f in figures), f"{name}: a figure draws its text as outlines"


# Tables, equations, notebook outputs and code: each either fits the screen, or scrolls inside
# its own box, which then sits within the screen, can be reached with the keyboard and shows a
# cue (the shadow backgrounds of course.css). Anything else is clipped or widens the page.
CLIPPED_JS = """() => {
    const width = document.documentElement.clientWidth;
    const label = e => e.tagName.toLowerCase() + [...e.classList].slice(0, 3).map(c => '.' + c).join('');
    const scroller = e => {
        for (let a = e; a && a !== document.body; a = a.parentElement) {
            const o = getComputedStyle(a).overflowX;
            if (o === 'auto' || o === 'scroll') return a;
            // An image clips to its own box; what matters is whether a box around it does.
            if (a !== e && (o === 'hidden' || o === 'clip')) return {clipper: a};
        }
        return null;
    };
    // A cue: edge shadows (a gradient background), or a line that says the box scrolls (the
    // box's or its parent's ::before, or a visible element the box is described by).
    const said = e => { const b = getComputedStyle(e, '::before');
                        return b.display !== 'none' && /scroll/i.test(b.content); };
    const cue = s => {
        if (getComputedStyle(s).backgroundImage.includes('gradient') || said(s)) return true;
        if (s.parentElement && said(s.parentElement)) return true;
        const hint = document.getElementById(s.getAttribute('aria-describedby') || '');
        return !!(hint && hint.offsetParent !== null && /scroll/i.test(hint.textContent));
    };
    const problems = [];
    const targets = document.querySelectorAll(
        'article table, article div.math, article div.cell_output, article pre, article img');
    for (const e of targets) {
        const r = e.getBoundingClientRect();
        if (r.width === 0) continue;
        const s = scroller(e);
        if (s && s.clipper) {
            if (e.scrollWidth > e.clientWidth + 1 || r.right > s.clipper.getBoundingClientRect().right + 1)
                problems.push(label(e) + ' is cut off by ' + label(s.clipper));
            continue;
        }
        if (!s) {
            if (r.right > width + 1 || r.left < -1) problems.push(label(e) + ' runs off the screen');
            continue;
        }
        const b = s.getBoundingClientRect();
        if (b.right > width + 1 || b.left < -1) problems.push(label(s) + ' runs off the screen');
        if (s.scrollWidth > s.clientWidth + 1) {
            if (s.tabIndex < 0) problems.push(label(s) + ' scrolls but the keyboard cannot reach it');
            if (!cue(s)) problems.push(label(s) + ' scrolls with no visible cue');
        }
    }
    return [...new Set(problems)];
}"""


@pytest.mark.parametrize("view", ["phone", "desktop"])
@pytest.mark.parametrize("name", reader_pages())
def test_nothing_is_clipped(browser, server, name, view):
    context = _context(browser, view, "light")
    page = context.new_page()
    page.goto(server.url + name, wait_until="load")
    settle(page)
    # The theme marks scrolling boxes focusable after a short debounce; give it its turn.
    page.wait_for_timeout(400)
    problems = page.evaluate(CLIPPED_JS)
    context.close()
    assert problems == [], f"{name} at {view} width: " + "; ".join(problems)


SCROLL_RULES = ["scrollable-region-focusable", "aria-hidden-focus", "nested-interactive"]


@pytest.mark.parametrize("name", reader_pages())
def test_boxes_that_scroll_on_a_phone_are_reachable_by_keyboard(browser, server, name):
    """axe's rules for scrolling boxes, at 390 px, where tables, equations and figures scroll."""
    from coursebook.browser import describe, run_axe

    context = _context(browser, "phone", "light")
    page = context.new_page()
    page.goto(server.url + name, wait_until="load")
    settle(page)
    page.wait_for_timeout(400)
    found = run_axe(page, SCROLL_RULES)
    context.close()
    assert found == [], f"{name} at phone width:\n{describe(found)}"


def test_modelling_equations_fit_a_phone(browser, server):
    """The long equations of the models chapter are broken into lines that fit 390 px."""
    context = _context(browser, "phone", "light")
    page = context.new_page()
    page.goto(server.url + "book/academic/modelling-remodeling.html", wait_until="load")
    settle(page)
    boxes = page.evaluate(
        "[...document.querySelectorAll('article div.math')].map(m => [m.scrollWidth, m.clientWidth])"
    )
    context.close()
    assert len(boxes) >= 8
    wide = [i for i, (scroll, client) in enumerate(boxes) if scroll > client + 1]
    assert wide == [], f"displayed equations {wide} still scroll sideways on a phone"


def _edge_contrast(png: bytes) -> float:
    """How far the rightmost strip of a screenshot departs from its middle (0-255)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    w, h = image.size
    edge = [image.getpixel((w - 3, y)) for y in range(h)]
    inner = [image.getpixel((w // 2, y)) for y in range(h)]
    return abs(sum(edge) / h - sum(inner) / h)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_code_that_scrolls_shows_a_shadow_at_its_edge(browser, server, scheme):
    """On a phone a long line of code scrolls; its right edge is shaded until scrolled."""
    context = _context(browser, "phone", scheme)
    page = context.new_page()
    page.goto(server.url + "notebooks/academic/fractures.html", wait_until="load")
    settle(page)
    index = page.evaluate(
        "[...document.querySelectorAll('article pre')]"
        ".findIndex(p => p.checkVisibility() && p.scrollWidth > p.clientWidth + 1)"
    )
    assert index >= 0, "no code scrolls on a phone: nothing to test"
    box = page.locator("article pre").nth(index)
    # An empty strip at the foot of the box shows its background alone: the same strip
    # scrolled to the start (shadow at the right) and to the end (no shadow at the right).
    box.evaluate(
        "b => { const s = document.createElement('div');"
        " s.style.cssText = 'height: 40px; width: ' + b.scrollWidth + 'px'; b.append(s); }"
    )
    # The strip in page coordinates (a full-page screenshot, clipped to it).
    clip = box.evaluate(
        "b => { const r = b.getBoundingClientRect();"
        " return {x: r.left + scrollX, y: r.bottom + scrollY - 38, width: r.width, height: 24}; }"
    )
    start = page.screenshot(clip=clip, full_page=True)
    box.evaluate("b => { b.scrollLeft = b.scrollWidth; }")
    end = page.screenshot(clip=clip, full_page=True)
    context.close()
    assert _edge_contrast(start) > 8, f"no shadow at the right edge in {scheme} mode"
    assert _edge_contrast(end) < 4, "a shadow at the right edge after scrolling to the end"


@pytest.mark.parametrize("view", ["phone", "desktop"])
def test_a_table_that_scrolls_says_so(browser, server, view):
    """The side-by-side table scrolls on a phone under a line that says so; on a desktop it fits."""
    context = _context(browser, view, "light")
    page = context.new_page()
    page.goto(server.url + "book/intermediate/side-by-side.html", wait_until="load")
    settle(page)
    page.wait_for_timeout(400)
    found = page.evaluate("""() => {
        const box = document.querySelector('article .pst-scrollable-table-container');
        const before = getComputedStyle(box, '::before');
        const hint = box.getBoundingClientRect();
        return {scrolls: box.scrollWidth > box.clientWidth + 1, focusable: box.tabIndex === 0,
                says: before.content.includes('Scroll the table sideways'), top: hint.top};
    }""")
    context.close()
    if view == "phone":
        assert found["scrolls"] and found["focusable"] and found["says"], found
    else:
        assert not found["scrolls"] and not found["says"], found


@pytest.mark.parametrize("view", ["phone", "desktop"])
def test_wide_drawings_say_that_they_scroll_on_a_phone(browser, server, view):
    """The course map, wider than the column, says that it scrolls; a figure too wide for a
    phone's column scrolls there and says so, and shows whole on a desktop."""
    context = _context(browser, view, "light")
    page = context.new_page()
    page.goto(server.url + "book/guides/instructors.html", wait_until="load")
    settle(page)
    hint = page.locator("#course-map-hint")
    box = page.locator(".course-map-scroll")
    map_hint = hint.is_visible()
    map_scrolls = box.evaluate("b => b.scrollWidth > b.clientWidth + 1")
    described = box.get_attribute("aria-describedby")
    page.goto(server.url + "notebooks/intermediate/other-treatments.html", wait_until="load")
    settle(page)
    figure = page.evaluate("""() => {
        const box = document.querySelector('article a.figure-phone-width');
        const cue = getComputedStyle(box.parentElement, '::before');
        return {cue: cue.display !== 'none' && cue.content.includes('Scroll'),
                scrolls: box.scrollWidth > box.clientWidth + 1, focusable: box.tabIndex >= 0};
    }""")
    context.close()
    assert described == "course-map-hint"
    assert map_scrolls and map_hint, "the map scrolls sideways and says so"
    if view == "phone":
        assert figure == {"cue": True, "scrolls": True, "focusable": True}, figure
    else:
        assert not figure["cue"] and not figure["scrolls"], figure


MATH_PAGES = ["book/academic/modelling-remodeling.html", "book/fundamentals/bone-is-alive.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("view", ["phone", "desktop"])
@pytest.mark.parametrize("name", MATH_PAGES)
def test_math_arrives_rendered_with_mathml(browser, server, name, view, scheme):
    """Equations are HTML and MathML when the page arrives: no math script is fetched, the
    KaTeX fonts come from this server, and the equations take the text colour of the mode."""
    context = _context(browser, view, scheme)
    page = context.new_page()
    visit = watch(page, server.url)
    scripts = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    page.goto(server.url + name, wait_until="load")
    settle(page)
    found = page.evaluate("""() => ({
        math: document.querySelectorAll('article .math').length,
        mathml: [...document.querySelectorAll('article .math')]
                    .filter(m => m.querySelector('.katex-mathml math')).length,
        hidden: [...document.querySelectorAll('article .katex-html')]
                    .every(h => h.getAttribute('aria-hidden') === 'true'),
        font: document.fonts.check('16px KaTeX_Main'),
        colour: getComputedStyle(document.querySelector('article .katex')).color,
        text: getComputedStyle(document.querySelector('article p')).color,
    })""")
    context.close()
    assert visit.problems() == []
    assert found["math"] > 0 and found["mathml"] == found["math"], found
    assert found["hidden"], "KaTeX's HTML copy is read aloud beside the MathML"
    assert found["font"], "KaTeX's fonts did not load"
    assert found["colour"] == found["text"], f"equations are {found['colour']} in {scheme} mode"
    math_scripts = [u for u in scripts if re.search(r"mathjax|katex", u, re.I)]
    assert math_scripts == [], f"{name} fetches a math script: {math_scripts}"


@pytest.mark.parametrize("view", ["phone", "desktop"])
def test_landing_page_leads_to_the_three_guides(browser, server, view):
    context = _context(browser, view, "light")
    page = context.new_page()
    page.goto(server.url + "book/intro.html", wait_until="load")
    links = page.evaluate(
        "[...document.querySelectorAll('article a.reference.internal')]"
        ".filter(a => a.offsetParent !== null).map(a => a.getAttribute('href'))"
    )
    guide = page.locator('article a[href$="guides/instructors.html"]').first
    guide.click()
    page.wait_for_url("**/book/guides/instructors.html")
    title = page.locator("h1").first.inner_text()
    context.close()
    for target in ("guides/learners.html", "guides/students.html", "guides/instructors.html"):
        assert any(href.endswith(target) for href in links), f"the landing page lacks {target}"
    assert "instructors" in title.lower()


@pytest.mark.parametrize("view", ["phone", "desktop"])
def test_chapter_and_exercise_numbers_follow_the_chapters(browser, server, view):
    """Chapter 3 is titled "3. ..." and its exercises are "Exercise 3.1", "Exercise 3.2", ..."""
    context = _context(browser, view, "light")
    page = context.new_page()
    page.goto(server.url + "book/fundamentals/lifetime-of-bone.html", wait_until="load")
    heading = page.locator("article h1").first.inner_text().strip()
    exercises = page.locator("article .exercise .admonition-title").all_inner_texts()
    context.close()
    assert heading.startswith("3. "), heading
    numbers = [re.match(r"Exercise (\d+)\.(\d+)", t.strip()) for t in exercises]
    assert exercises and all(numbers), exercises
    assert [(int(m[1]), int(m[2])) for m in numbers] == [(3, i + 1) for i in range(len(numbers))]


LONG_PAGE = "book/intermediate/side-by-side.html"

SCROLL_TO_JS = """async y => {
    await new Promise(done => {
        addEventListener('scroll', done, {once: true});
        scrollTo(0, y);
    });
}"""


def test_back_to_top_button_reads_in_both_modes_on_a_phone(browser, server):
    """Scrolled down a long page and back up a little, a phone shows the theme's "Back to top"
    button (the whole-page axe checks never scroll, so never see it): axe finds nothing serious
    in it in light and dark mode, and a tap on it leads back to the top."""
    from coursebook.browser import blocking_in_both_modes

    context = _context(browser, "phone", "light")
    page = context.new_page()
    page.goto(server.url + LONG_PAGE, wait_until="load")
    settle(page)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height > 3 * PHONE["height"], f"{LONG_PAGE} is too short ({height} px) to test"
    button = page.locator("#pst-back-to-top")
    assert button.is_hidden(), "the button shows before the reader scrolls"
    # The theme shows it when the reader scrolls up, below the header.
    page.evaluate(SCROLL_TO_JS, height // 2)
    page.evaluate(SCROLL_TO_JS, height // 2 - 300)
    button.wait_for(state="visible")
    report = blocking_in_both_modes(page, include="#pst-back-to-top")
    box = button.bounding_box()
    shown = button.is_visible()
    button.tap()
    page.wait_for_function("scrollY === 0")
    context.close()
    assert shown, "the button was hidden while axe checked it"
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert not report, f"the Back to top button on {LONG_PAGE}:\n{report}"


# An open definition box: where it is, the window's size, how many points of a grid over it show
# something else (a box around it that clips it shows what lies beneath; a header drawn over it
# shows itself), and whether it sits against its term, just below or just above it.
TIP_PLACE_JS = """button => {
    const box = document.getElementById(button.getAttribute('aria-controls'));
    const r = box.getBoundingClientRect();
    const label = e => e ? e.tagName.toLowerCase() +
        [...e.classList].slice(0, 2).map(c => '.' + c).join('') : 'nothing';
    const hidden = [];
    for (let i = 0; i <= 4; i++) {
        for (let j = 0; j <= 4; j++) {
            // 4 px in from the edges: inside the rounded corners.
            const x = r.left + 4 + (r.width - 8) * i / 4, y = r.top + 4 + (r.height - 8) * j / 4;
            const hit = document.elementFromPoint(x, y);
            if (!box.contains(hit)) hidden.push(label(hit));
        }
    }
    const lines = button.getClientRects();
    const first = lines[0], last = lines[lines.length - 1];
    const below = r.top >= last.bottom - 0.5 && r.top <= last.bottom + 12;
    const above = r.bottom <= first.top + 0.5 && r.bottom >= first.top - 12;
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: innerWidth,
            height: innerHeight, hidden: [...new Set(hidden)], points: hidden.length,
            attached: below || above};
}"""


def _pages_with_terms_in_tables(site) -> list[str]:
    from bs4 import BeautifulSoup

    selector = "article table a.reference.internal[title] span.std-term"
    return [
        name
        for name in reader_pages()
        if (site / name).is_file()
        and BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser").select_one(
            selector
        )
    ]


@pytest.mark.parametrize("view", ["phone", "desktop"])
def test_definition_of_a_term_in_a_table_shows_whole(browser, server, site, view):
    """A term inside a table opens its definition fully on the screen: not cut off by the
    table's scroll box (a wide table scrolls on a phone), nor by the window, nor covered; and
    the box stays beside its term as the page scrolls."""
    pages = _pages_with_terms_in_tables(site)
    assert "book/intermediate/side-by-side.html" in pages, pages
    context = _context(browser, view, "light")
    page = context.new_page()
    problems, checked = [], 0
    for name in pages:
        page.goto(server.url + name, wait_until="load")
        settle(page)
        buttons = page.locator("article table button.term-tip__button")
        assert buttons.count() >= 1, f"{name}: its table's terms did not become buttons"
        for i in range(buttons.count()):
            button = buttons.nth(i)
            button.scroll_into_view_if_needed()
            if view == "phone":
                button.tap()
            else:
                button.click()
            page.locator("#" + button.get_attribute("aria-controls")).wait_for(state="visible")
            found = button.evaluate(TIP_PLACE_JS)
            term = f"{name}: {button.inner_text()}"
            if found["left"] < 0 or found["right"] > found["width"]:
                problems.append(f"{term}: runs off the side {found}")
            if found["top"] < 0 or found["bottom"] > found["height"]:
                problems.append(f"{term}: runs off the top or foot {found}")
            if found["points"]:
                problems.append(f"{term}: {found['points']} of 25 points show {found['hidden']}")
            if not found["attached"]:
                problems.append(f"{term}: not beside its term {found}")
            # Scrolled a little, the box moves with its term.
            y = page.evaluate("scrollY")
            page.evaluate(SCROLL_TO_JS, y - 30 if y >= 30 else y + 30)
            page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            moved = button.evaluate(TIP_PLACE_JS)
            if not moved["attached"]:
                problems.append(f"{term}: the box stayed put as the page scrolled {moved}")
            page.keyboard.press("Escape")
            checked += 1
    context.close()
    assert checked >= 3, f"only {checked} terms in tables"
    assert problems == [], f"at {view} width:\n  " + "\n  ".join(problems)

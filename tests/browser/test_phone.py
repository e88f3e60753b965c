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


def test_the_figure_pages_are_every_page_with_a_figure(site):  # noqa: F811
    """FIGURE_PAGES, whose figures are measured below, lists every page that shows one (an
    <img> in its <article>; the theme's pages hold one article at most, search.html none)."""

    def article(name: str) -> str:
        html = (site / name).read_text(encoding="utf-8")
        assert html.count("<article") <= 1, f"{name} holds more than one article"
        return html.split("<article", 1)[1].split("</article>", 1)[0] if "<article" in html else ""

    shown = [name for name in reader_pages() if "<img" in article(name)]
    assert sorted(shown) == sorted(FIGURE_PAGES)


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


# The page itself does not scroll sideways: elements wider than the screen that scroll inside
# their own box are fine (tables, code, equations).
OVERFLOW_JS = """() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll('body *')].filter(e => {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.right <= width + 1) return false;
        for (let a = e.parentElement; a; a = a.parentElement) {
            const o = getComputedStyle(a).overflowX;
            if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return false;
        }
        return true;
    }).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + [...e.classList].join('.') : ''));
    return {scroll: document.documentElement.scrollWidth, width, culprits};
}"""

SCROLL_RULES = ["scrollable-region-focusable", "aria-hidden-focus", "nested-interactive"]

# Math as it arrived: displayed and inline equations each with KaTeX's MathML copy, and no
# script for math among what the page loaded.
MATH_JS = """() => ({
    math: document.querySelectorAll('article .math, article .katex').length,
    without: [...document.querySelectorAll('article .katex')]
                 .filter(k => !k.querySelector('.katex-mathml math')).length,
    scripts: performance.getEntriesByType('resource')
                 .filter(r => r.initiatorType === 'script' && /mathjax|katex/i.test(r.name))
                 .map(r => r.name),
})"""

# The glossary links the page arrived with (the HTML as served) and the toggletips made of them.
TERMS_JS = """async () => {
    const html = await (await fetch(location.href)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const served = [...doc.querySelectorAll('article a.reference.internal[title]')]
        .filter(a => a.querySelector('span.std-term')).length;
    const left = [...document.querySelectorAll('article a.reference.internal[title]')]
        .filter(a => a.querySelector('span.std-term')).length;
    return {served, left, buttons: document.querySelectorAll('article .term-tip__button').length};
}"""

# Colours in dark mode: equations in the colour of the text around them (a paragraph's, a
# heading's); every figure on its white card, undimmed.
DARK_JS = """() => {
    const around = k => (k.closest('.math') || k).parentElement;
    const katex = [...document.querySelectorAll('article .katex')]
        .filter(k => getComputedStyle(k).color !== getComputedStyle(around(k)).color).length;
    const figures = [...document.querySelectorAll('article img')].filter(i => i.offsetParent)
        .map(i => { const cs = getComputedStyle(i);
                    return {src: i.src.split('/').pop(), bg: cs.backgroundColor, filter: cs.filter}; })
        .filter(f => f.bg !== 'rgb(255, 255, 255)' || f.filter !== 'none');
    return {katex, figures};
}"""

# The page's own entry in the sidebar (the phone's menu): its number, the heading's, whether
# it is marked as a notebook and at which level, and the number of the chapter it sits under.
PATH_JS = """() => {
    const a = document.querySelector('.bd-sidenav a.current');
    const h = document.querySelector('article h1');
    if (!a || !h) return null;
    const number = t => ((t || '').trim().match(/^(\\d+(?:\\.\\d+)*)\\./) || [])[1] || null;
    const label = a.querySelector('.course-notebook-label');
    const li = a.closest('li');
    const parent = li.parentElement.closest('li');
    return {heading: number(h.textContent),
            entry: number(a.textContent.replace(label ? label.textContent : '', '')),
            label: label ? label.textContent.replace(':', '').trim() : null,
            level: (li.className.match(/toctree-l(\\d)/) || [])[1],
            chapter: parent ? number(parent.querySelector(':scope > a').textContent) : null,
            shown: a.checkVisibility()};
}"""

QUIZ = ".quiz:has(.quiz-answers)"
# An element's words without its equations (KaTeX writes each twice, as MathML and as HTML).
WORDS_JS = """e => { const c = e.cloneNode(true); c.querySelectorAll('.katex').forEach(k => k.remove());
                    return c.textContent.replace(/\\s+/g, ' ').trim(); }"""


def _glossary_by_keyboard(page, view: str) -> list[str]:
    """The page's first term: focused, Enter opens its definition whole on the screen, beside
    it; Escape closes it and leaves focus on the term."""
    button = page.locator("article button.term-tip__button").first
    button.focus()
    page.keyboard.press("Enter")
    box = page.locator("#" + button.get_attribute("aria-controls"))
    box.wait_for(state="visible")
    found = button.evaluate(TIP_PLACE_JS)
    problems = []
    if found["left"] < 0 or found["right"] > found["width"]:
        problems.append(f"the first term's definition runs off the side {found}")
    if found["top"] < 0 or found["bottom"] > found["height"]:
        problems.append(f"the first term's definition runs off the top or foot {found}")
    if found["points"] or not found["attached"]:
        problems.append(f"the first term's definition is hidden in part or astray {found}")
    page.keyboard.press("Escape")
    box.wait_for(state="hidden")
    if not page.evaluate("document.activeElement.classList.contains('term-tip__button')"):
        problems.append("Escape did not leave focus on the term")
    return problems


def _path(page, name: str, view: str) -> list[str]:
    """The sidebar's entry for the page carries the heading's number; a notebook's entry is
    marked "Notebook" and sits under its chapter, whose number begins its own."""
    found = page.evaluate(PATH_JS)
    # The landing page (the root, above the sidebar's list), the index and search have none.
    if found is None:
        outside = (f"{toc_files()[0]}.html", "genindex.html", "search.html")
        return [] if name in outside else ["no sidebar entry or heading"]
    problems = []
    if found["entry"] != found["heading"]:
        problems.append(f"the sidebar numbers the page {found['entry']}, its heading {found}")
    if name.startswith("notebooks/"):
        if found["label"] != "Notebook" or found["level"] != "2":
            problems.append(f"the notebook is not marked and nested in the sidebar: {found}")
        if not found["heading"] or found["chapter"] != found["heading"].split(".")[0]:
            problems.append(f"the notebook's number is not its chapter's: {found}")
    elif found["label"] is not None:
        problems.append(f"a page that is not a notebook is marked as one: {found}")
    if view == "desktop" and not found["shown"]:
        problems.append("the sidebar does not show the page's entry on a desktop")
    return problems


def _quiz_by_pointer(page, view: str) -> list[str]:
    """The page's first question: a tap (phone) or click on a wrong option marks it wrong and
    shows its own explanation; on the right option, the right verdict and explanation."""
    quiz = page.locator(QUIZ).first
    wrong = quiz.locator('.quiz-explanation[data-correct="false"]').first.get_attribute(
        "data-choice"
    )
    right = quiz.locator('.quiz-explanation[data-correct="true"]').get_attribute("data-choice")
    problems = []
    for choice, verdict in ((wrong, "Incorrect."), (right, "Correct.")):
        label = quiz.locator(f'.quiz-choice[data-choice="{choice}"] label')
        label.scroll_into_view_if_needed()
        label.tap() if view == "phone" else label.click()
        explanation = quiz.locator(f'.quiz-explanation[data-choice="{choice}"]').evaluate(
            f"e => {{ const t = {WORDS_JS}; return [...e.children].slice(1).map(t).join(' ')"
            ".replace(/\\s+/g, ' ').trim(); }"
        )
        feedback = quiz.locator(".quiz-feedback").evaluate(WORDS_JS)
        letter = chr(64 + int(choice))
        if not feedback.startswith(f"{letter}. {verdict}") or explanation not in feedback:
            problems.append(f"option {letter} ({verdict}) gave the feedback {feedback[:80]!r}")
    return problems


def _search_dialog(page, name: str) -> list[str]:
    """The header's search button opens the dialog; the magnifier sits beside the query (on the
    search page, in its own form, which the button focuses instead)."""
    if name.startswith("search.html"):
        icon = page.locator(".bd-search-container form .fa-magnifying-glass").bounding_box()
        at = page.locator(".bd-search-container form input[name=q]").bounding_box()
        if not icon or not at or icon["x"] + icon["width"] > at["x"] + 0.5:
            return [f"the search form's magnifier ({icon}) covers the query ({at})"]
        return []
    page.locator(".search-button__button:visible").first.click()
    field = page.locator("#pst-search-dialog input[name=q]")
    field.wait_for(state="visible")
    page.keyboard.type("T")
    icon = page.locator("#pst-search-dialog form .fa-magnifying-glass").bounding_box()
    at = field.bounding_box()
    page.keyboard.press("Escape")
    page.wait_for_function("!document.querySelector('#pst-search-dialog').open")
    if not icon or icon["x"] + icon["width"] > at["x"] + 0.5:
        return [f"the search dialog's magnifier ({icon}) covers the query ({at})"]
    return []


@pytest.mark.parametrize("view", ["phone", "desktop"])
@pytest.mark.parametrize("name", reader_pages())
def test_every_page_at_phone_and_desktop_width(browser, server, name, view):
    """Each page, once at 390 px and once at desktop width, in light and then dark mode:

    - nothing clipped (item 2): tables, equations, outputs, code and figures fit or scroll in
      their own box with a cue and keyboard access (CLIPPED_JS, in both modes); the page itself
      does not scroll sideways and axe's scrolling-box rules pass (on the phone);
    - math (item 3): every equation carries MathML and no math script loads; in dark mode the
      equations take the text colour;
    - figures (item 1): in dark mode every figure keeps its white card, undimmed (the size of
      their text: test_figure_text_reads_at_9_css_px);
    - glossary (item 4): every glossary link became a toggletip, and the first opens whole on
      the screen from the keyboard;
    - a clear path (item 5): the sidebar's entry carries the heading's number, and a notebook
      is marked and nested under its chapter;
    - questions (item 6): a wrong pick, then the right one, on the first question;
    - search (item 9): the dialog opens from the header and leaves the query uncovered.
    """
    from coursebook.browser import describe, run_axe

    context = _context(browser, view, "light")
    page = context.new_page()
    page.goto(server.url + name, wait_until="load")
    settle(page)
    # The theme marks scrolling boxes focusable after a short debounce; give it its turn.
    page.wait_for_timeout(400)
    problems = [f"light: {p}" for p in page.evaluate(CLIPPED_JS)]
    if view == "phone":
        wide = page.evaluate(OVERFLOW_JS)
        if wide["scroll"] > wide["width"]:
            problems.append(f"the page is {wide['scroll']} px wide: {wide['culprits']}")
        found = run_axe(page, SCROLL_RULES)
        if found:
            problems.append(describe(found))
    math = page.evaluate(MATH_JS)
    if math["without"] or math["scripts"]:
        problems.append(f"math: {math}")
    terms = page.evaluate(TERMS_JS)
    if terms["left"] or terms["buttons"] != terms["served"]:
        problems.append(f"glossary links not made toggletips: {terms}")
    if terms["buttons"]:
        problems += _glossary_by_keyboard(page, view)
    problems += _path(page, name, view)
    if page.locator(QUIZ).count():
        problems += _quiz_by_pointer(page, view)
    problems += _search_dialog(page, name)
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.documentElement.dataset.theme === 'dark'")
    problems += [f"dark: {p}" for p in page.evaluate(CLIPPED_JS)]
    dark = page.evaluate(DARK_JS)
    if dark["katex"]:
        problems.append(f"dark: {dark['katex']} equation(s) not in the colour of their text")
    if dark["figures"]:
        problems.append(f"dark: figures without their white card: {dark['figures']}")
    context.close()
    assert problems == [], f"{name} at {view} width:\n  " + "\n  ".join(problems)


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

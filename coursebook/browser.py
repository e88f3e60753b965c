"""Headless Chromium and axe-core for the course's checks (tests/browser, coursebook.axe_report).

Debian's Chromium (`apt-get install chromium`, at /usr/bin/chromium) driven by Playwright: by
pytest-playwright in the tests, as a library in the tools (the benchmark's page weights, the axe
report). No browser is ever downloaded (never run `playwright install`). Playwright gives every
launch a fresh temporary profile (its own --user-data-dir) and adds --headless itself.
axe-core comes from npm (package.json pins it; `npm ci` installs it into node_modules).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = ("critical", "serious")


def missing_tools() -> list[str]:
    """What the browser checks need and this machine lacks (empty when all is there)."""
    missing = []
    if not Path(CHROMIUM).is_file():
        missing.append(f"Chromium at {CHROMIUM} (apt-get install chromium)")
    if not AXE.is_file():
        missing.append(f"axe-core at {AXE.relative_to(ROOT)} (npm ci)")
    return missing


def launch(playwright):
    """A headless Chromium from Debian's package, with a fresh temporary profile."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


# The rules whose outcome depends on colours: all that can change with the colour mode.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def run_axe(page, rules: list[str] | None = None, include: str | None = None) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now (a list of axe results).

    With `rules`, only those rules run (for a second colour mode, only COLOUR_RULES can differ);
    with `include` (a CSS selector), only that part of the page is checked.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    return page.evaluate(
        """async ([runOnly, include]) => {
            const result = await axe.run(include ? {include: [include]} : document, {
                runOnly: runOnly,
                resultTypes: ['violations'],
            });
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                                          summary: n.failureSummary}))
            }));
        }""",
        [run_only, include],
    )


def describe(violations: list[dict], limit: int = 3) -> str:
    """A readable summary of axe violations, a few nodes each."""
    lines = []
    for v in violations:
        lines.append(f"{v['impact']}: {v['id']} ({v['help']}), {len(v['nodes'])} node(s)")
        for node in v["nodes"][:limit]:
            lines.append(f"    {node['target']}: {node['html']}")
    return "\n".join(lines)


def blocking_in_both_modes(page, include: str | None = None) -> str:
    """Serious and critical axe violations in light mode, then in dark mode ("" when none).

    Transitions are switched off first, so that colours are measured as the reader ends up
    seeing them; in dark mode only COLOUR_RULES run (nothing else changes with the mode). With
    `include` (a CSS selector), only that part of the page is checked.
    """
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    found = {}
    for scheme, rules in (("light", None), ("dark", COLOUR_RULES)):
        page.emulate_media(color_scheme=scheme)
        page.wait_for_function("s => document.documentElement.dataset.theme === s", arg=scheme)
        found[scheme] = [
            v for v in run_axe(page, rules, include) if v["impact"] in BLOCKING_IMPACTS
        ]
    return "\n".join(f"{scheme} mode:\n{describe(v)}" for scheme, v in found.items() if v)


# The bytes of a page and of everything it loaded, as the browser received them (compressed,
# since coursebook.serve gzips), and each image's compressed size.
TRANSFER_JS = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    return {
        total: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
        images: resources.filter(r => r.initiatorType === 'img')
                         .map(r => [r.name, r.encodedBodySize]),
    };
}"""


def wait_for_math(page) -> None:
    """Wait until the page's fonts (KaTeX's among them) have loaded.

    The math is HTML already (rendered while the book is built), so nothing typesets it here.
    """
    page.evaluate("document.fonts.ready.then(() => true)")


def load_all_images(page) -> None:
    """Load the images that wait for the reader to scroll (loading="lazy") and wait for all."""
    page.evaluate(
        "document.querySelectorAll('img[loading=lazy]').forEach(i => { i.loading = 'eager'; })"
    )
    page.wait_for_function("[...document.images].every(i => i.complete)", timeout=15000)


def page_weights(site: Path, pages: list[str]) -> dict[str, dict[str, int]]:
    """Bytes a first visit transfers per page: when it opens, and after every figure loaded."""
    from playwright.sync_api import sync_playwright

    from coursebook.serve import Server

    weights = {}
    with Server(site) as server, sync_playwright() as playwright:
        chromium = launch(playwright)
        for name in pages:
            context = chromium.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(server.url + name, wait_until="load")
            wait_for_math(page)
            opened = page.evaluate(TRANSFER_JS)
            load_all_images(page)
            read = page.evaluate(TRANSFER_JS)
            context.close()
            weights[name] = {
                "opened": opened["total"],
                "read": read["total"],
                "largest_image": max((s for _, s in read["images"]), default=0),
            }
        chromium.close()
    return weights

"""axe-core WCAG 2.1 A/AA violations on every page of a built site, counted by impact.

    .venv/bin/python -m coursebook.axe_report [_build/html] [--json out.json] [--dark]

Serves the site with coursebook.serve, opens each page in Debian's Chromium (Playwright as a
library) and prints, per page, the number of violated rules and affected nodes by impact.
The browser tests (tests/browser/test_a11y.py) assert the same thing: no critical or serious one.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from coursebook.browser import describe, launch, run_axe
from coursebook.serve import Server

ROOT = Path(__file__).resolve().parent.parent


def site_pages(site: Path) -> list[str]:
    """Every HTML page a reader can reach (not the theme's template fragments in _static)."""
    return sorted(
        str(p.relative_to(site))
        for p in site.rglob("*.html")
        if "_static" not in p.parts and "_sources" not in p.parts and p.name != "index.html"
    )


def main() -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--json", type=Path, help="write every violation here")
    parser.add_argument("--dark", action="store_true", help="check the dark colour mode")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each violation")
    args = parser.parse_args()
    results = {}
    with Server(args.site) as server, sync_playwright() as pw:
        browser = launch(pw)
        context = browser.new_context(color_scheme="dark" if args.dark else "light")
        page = context.new_page()
        for name in site_pages(args.site):
            page.goto(server.url + name, wait_until="load")
            results[name] = run_axe(page)
        browser.close()
    total = Counter()
    print(
        f"{'page':<56} {'critical':>8} {'serious':>8} {'moderate':>8} {'minor':>6}   (rules/nodes)"
    )
    for name, violations in results.items():
        counts = {
            impact: (
                sum(1 for v in violations if v["impact"] == impact),
                sum(len(v["nodes"]) for v in violations if v["impact"] == impact),
            )
            for impact in ("critical", "serious", "moderate", "minor")
        }
        total.update({k: c[0] for k, c in counts.items()})
        print(f"{name:<56} " + " ".join(f"{f'{r}/{n}':>8}" for r, n in counts.values()))
        if args.verbose and violations:
            print("    " + describe(violations).replace("\n", "\n    "))
    print(
        f"{'all pages (rules)':<56} "
        + " ".join(f"{total[k]:>8}" for k in ("critical", "serious", "moderate", "minor"))
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 1 if total["critical"] or total["serious"] else 0


if __name__ == "__main__":
    sys.exit(main())

"""Lighthouse scores for the landing page, one chapter and one notebook page (`make lighthouse`).

The site is served by coursebook.serve from 127.0.0.1: gzip for text, like a static host (GitHub
Pages, Netlify). Lighthouse 12.2.3 (npm, pinned in package.json) drives Debian's Chromium
(CHROME_PATH=/usr/bin/chromium), once with its default mobile settings (simulated slow 4G and a
4x slower CPU) and once with `--preset=desktop`. Printed per page and form factor: the four
category scores, the bytes transferred and the largest image.

Targets (exit status 1 when one is missed): performance >= 98 on mobile and 100 on desktop;
accessibility, best practices and SEO 100; at most 400 KB transferred per page and 150 KB per
image. Reports are written to _build/lighthouse/ (JSON, open them in the Lighthouse viewer).

    .venv/bin/python -m coursebook.lighthouse [--site _build/html] [--runs 1] [--pages a.html b.html]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from coursebook.model import ROOT
from coursebook.model import toc_files as _toc_files
from coursebook.serve import Server

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"mobile": {"performance": 98}, "desktop": {"performance": 100}}
PAGE_BUDGET = 400 * 1024
IMAGE_BUDGET = 150 * 1024


def toc_files() -> list[str]:
    return _toc_files(ROOT / "_toc.yml")


def default_pages() -> dict[str, str]:
    """Landing page, the first chapter and the first notebook in the table of contents."""
    files = toc_files()
    pages = {"landing": files[0]}
    chapters = [
        f
        for f in files
        if f.startswith(("book/fundamentals", "book/intermediate", "book/academic"))
    ]
    notebooks = [f for f in files if f.startswith("notebooks/")]
    if chapters:
        pages["chapter"] = chapters[0]
    if notebooks:
        pages["notebook"] = notebooks[0]
    return {kind: f"{name}.html" for kind, name in pages.items()}


def run_lighthouse(url: str, form_factor: str, out: Path) -> dict:
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--chrome-flags={CHROME_FLAGS} --user-data-dir={tempfile.mkdtemp(prefix='lh-')}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROME}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0 or not out.is_file():
        raise SystemExit(f"lighthouse failed on {url} ({form_factor}):\n{result.stderr[-3000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def summarise(report: dict) -> dict:
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    items = report["audits"]["network-requests"]["details"]["items"]
    images = [i for i in items if i.get("resourceType") == "Image"]
    hosts = sorted({i["url"].split("/")[2] for i in items if i["url"].startswith("http")})
    failed = [
        a["id"]
        for c in ("accessibility", "best-practices", "seo")
        for ref in report["categories"][c]["auditRefs"]
        if ref["weight"]
        and (a := report["audits"][ref["id"]])["score"] is not None
        and a["score"] < 1
    ]
    return {
        "scores": scores,
        "transfer": sum(i.get("transferSize", 0) for i in items),
        "largest_image": max((i.get("transferSize", 0) for i in images), default=0),
        "requests": len(items),
        "hosts": hosts,
        "lcp_ms": report["audits"]["largest-contentful-paint"]["numericValue"],
        "failed_audits": failed,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is shown")
    parser.add_argument("--pages", nargs="*", help="page paths relative to the site root")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "lighthouse")
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        raise SystemExit("Lighthouse is not installed: run `npm ci` (package.json pins it)")
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"{args.site} has no index.html: build the book first")
    pages = {p: p for p in args.pages} if args.pages else default_pages()
    args.out.mkdir(parents=True, exist_ok=True)
    failures = []
    rows = []
    with Server(args.site) as server:
        print(
            f"Lighthouse 12.2.3 on {server.url} (coursebook.serve: gzip, max-age=600), "
            f"Chromium at {CHROME}"
        )
        for kind, page in pages.items():
            for form in ("mobile", "desktop"):
                runs = []
                for i in range(args.runs):
                    out = args.out / f"{Path(page).stem}-{form}-{i}.json"
                    runs.append(summarise(run_lighthouse(server.url + page, form, out)))
                perf = statistics.median(r["scores"]["performance"] for r in runs)
                best = min(runs, key=lambda r: abs(r["scores"]["performance"] - perf))
                best["scores"]["performance"] = perf
                rows.append((kind, page, form, best))
                goals = {"accessibility": 100, "best-practices": 100, "seo": 100, **TARGETS[form]}
                for category, goal in goals.items():
                    if best["scores"][category] < goal:
                        failures.append(
                            f"{page} {form}: {category} {best['scores'][category]} < {goal}"
                            + (
                                f" ({', '.join(best['failed_audits'])})"
                                if category != "performance" and best["failed_audits"]
                                else ""
                            )
                        )
                if best["transfer"] > PAGE_BUDGET:
                    failures.append(
                        f"{page} {form}: {best['transfer'] / 1024:.0f} KB transferred > 400 KB"
                    )
                if best["largest_image"] > IMAGE_BUDGET:
                    failures.append(
                        f"{page} {form}: an image of {best['largest_image'] / 1024:.0f} KB > 150 KB"
                    )
                if best["hosts"] != [f"127.0.0.1:{server.port}"]:
                    failures.append(f"{page} {form}: requests to other hosts {best['hosts']}")
    print(
        f"\n  {'page':<44} {'form':<8} {'perf':>4} {'a11y':>4} {'best':>4} {'seo':>4}"
        f" {'KB sent':>8} {'reqs':>4} {'LCP ms':>7}"
    )
    for kind, page, form, r in rows:
        s = r["scores"]
        print(
            f"  {kind + ': ' + page:<44} {form:<8} {s['performance']:>4g} {s['accessibility']:>4}"
            f" {s['best-practices']:>4} {s['seo']:>4} {r['transfer'] / 1024:>8.0f} {r['requests']:>4}"
            f" {r['lcp_ms']:>7.0f}"
        )
    print(
        f"\n  targets: mobile perf >= 98, desktop perf 100, a11y/best/SEO 100, <= 400 KB per page,"
        f" <= 150 KB per image;\n  reports: {args.out}"
    )
    if failures:
        print("\nMISSED:\n  " + "\n  ".join(failures))
        return 1
    print("\nall targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())

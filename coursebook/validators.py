"""Two checkers the course did not write, on every page of a built site.

    .venv/bin/python -m coursebook.validators [SITE] [--only vnu|htmlcs] [--json out.json] [-v]

- The W3C Nu HTML Checker (``vnu.jar`` from the npm package vnu-jar, pinned in package-lock.json;
  Debian's Java runs it): the HTML of every page, the root redirect included, read from disk in
  one run of the checker. Its errors are faults in the markup.
- HTML_CodeSniffer (WCAG 2 AA) through pa11y (npm, pinned; coursebook/pa11y.cjs), in Debian's
  Chromium, on every page a reader opens, served as a host would serve it
  (coursebook.serve), two pages at a time. Its errors are failures of a WCAG 2 AA technique; its
  warnings are things a person has to judge, reviewed in tests/htmlcs-warnings.md.

tests/test_validators.py asserts, page by page and for both editions, that neither reports an
error. This tool prints the same counts per page, each error with where it is, and the total time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from coursebook.browser import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PA11Y = ROOT / "node_modules" / "pa11y"
PA11Y_SCRIPT = Path(__file__).with_name("pa11y.cjs")
CHECKERS = ("vnu", "htmlcs")


@dataclass(frozen=True)
class Finding:
    """One message from a checker about one page."""

    checker: str  # "vnu" or "htmlcs"
    kind: str  # "error" or "warning"
    code: str  # HTML_CodeSniffer's technique code; for the Nu checker, its message
    message: str
    where: str  # "line N" (Nu) or a CSS selector (HTML_CodeSniffer)
    extract: str

    def line(self) -> str:
        extract = " ".join(self.extract.split())[:160]
        code = "" if self.code == self.message else f" [{self.code}]"
        return f"{self.checker} {self.kind} at {self.where}{code}: {self.message}\n    {extract}"


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, relative to it (not the theme's fragments in _static, and
    not the pages of another edition built inside it, such as student/: a folder with a _static
    of its own is a site of its own)."""
    nested = [p.parent for p in site.rglob("_static") if p.is_dir() and p.parent != site]
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if "_static" not in p.parts
        and "_sources" not in p.parts
        and not any(p.is_relative_to(edition) for edition in nested)
    )


def reader_pages(site: Path) -> list[str]:
    """The pages a reader reads: all but the root redirect, which sends the browser on at once."""
    return [name for name in site_pages(site) if name != "index.html"]


def missing_tools() -> list[str]:
    """What the checkers need and this machine lacks (empty when everything is there)."""
    missing = []
    if not shutil.which("java"):
        missing.append("Java (apt-get install default-jre-headless; make test installs it)")
    if not VNU_JAR.is_file():
        missing.append(f"the Nu HTML Checker at {VNU_JAR.relative_to(ROOT)} (npm ci)")
    if not shutil.which("node"):
        missing.append("Node.js (apt-get install nodejs)")
    if not PA11Y.is_dir():
        missing.append(f"pa11y at {PA11Y.relative_to(ROOT)} (npm ci)")
    if not Path(CHROMIUM).is_file():
        missing.append(f"Chromium at {CHROMIUM} (apt-get install chromium)")
    return missing


def run_vnu(site: Path, pages: list[str] | None = None) -> dict[str, list[Finding]]:
    """The Nu HTML Checker's errors and warnings for each page of one site."""
    return run_vnu_sites({"": site}, None if pages is None else {"": pages})[""]


def run_vnu_sites(
    sites: dict[str, Path], pages: dict[str, list[str]] | None = None
) -> dict[str, dict[str, list[Finding]]]:
    """The Nu HTML Checker on every page of several sites (the two editions), in one run of it
    (the Java start-up is most of the time on a small site)."""
    pages = pages or {key: site_pages(site) for key, site in sites.items()}
    found: dict[str, dict[str, list[Finding]]] = {key: {n: [] for n in pages[key]} for key in sites}
    roots = {key: site.resolve() for key, site in sites.items()}
    files = [str(sites[key] / name) for key in sites for name in pages[key]]
    command = ["java", "-Xss2m", "-jar", str(VNU_JAR), "--format", "json", "--stdout"]
    result = subprocess.run(command + files, capture_output=True, text=True)
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError) as error:
        raise RuntimeError(
            f"the Nu HTML Checker gave no report (exit {result.returncode}): "
            f"{(result.stderr or result.stdout)[-2000:]}"
        ) from error
    for message in messages:
        kind = message.get("type")
        if kind == "info" and message.get("subType") != "warning":
            continue
        path = Path(unquote(urlsplit(message.get("url", "")).path)).resolve()
        # The deepest root that holds the file (one edition's site may sit inside another's).
        key = max(
            (k for k, root in roots.items() if path.is_relative_to(root)),
            key=lambda k: len(roots[k].parts),
            default=next(iter(sites)),
        )
        name = path.relative_to(roots[key]).as_posix() if path.is_relative_to(roots[key]) else ""
        found[key].setdefault(name, []).append(
            Finding(
                "vnu",
                "error" if kind in ("error", "non-document-error") else "warning",
                message.get("message", ""),
                message.get("message", ""),
                f"line {message.get('lastLine', '?')}",
                message.get("extract", ""),
            )
        )
    return found


def run_htmlcs(
    site: Path, pages: list[str] | None = None, concurrency: int = 2
) -> dict[str, list[Finding]]:
    """HTML_CodeSniffer's (WCAG 2 AA) errors and warnings for each page, through pa11y."""
    from coursebook.serve import Server

    pages = reader_pages(site) if pages is None else pages
    with Server(site) as server:
        job = {
            "base": server.url,
            "pages": pages,
            "chromium": CHROMIUM,
            "args": CHROMIUM_ARGS,
            "concurrency": concurrency,
        }
        result = subprocess.run(
            ["node", str(PA11Y_SCRIPT)],
            input=json.dumps(job),
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1"),
        )
    if result.returncode != 0:
        raise RuntimeError(f"pa11y failed (exit {result.returncode}): {result.stderr[-2000:]}")
    found: dict[str, list[Finding]] = {}
    for name, issues in json.loads(result.stdout).items():
        if isinstance(issues, dict):
            found[name] = [
                Finding("htmlcs", "error", "pa11y", issues["failed"], "page", "could not check")
            ]
            continue
        found[name] = [
            Finding(
                "htmlcs",
                issue["type"],
                issue["code"],
                issue["message"],
                issue["selector"] or "page",
                issue["context"],
            )
            for issue in issues
            if issue["type"] in ("error", "warning")
        ]
    return found


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.kind == "error"]


def report(results: dict[str, dict[str, list[Finding]]], verbose: bool) -> str:
    """A table of errors and warnings per page and checker, with each error listed."""
    lines = [f"{'page':<60} " + " ".join(f"{c + ' err/warn':>16}" for c in results)]
    pages = sorted({name for found in results.values() for name in found})
    totals = Counter()
    for name in pages:
        cells = []
        for checker, found in results.items():
            page = found.get(name, [])
            e, w = len(errors(page)), len(page) - len(errors(page))
            totals[checker, "error"] += e
            totals[checker, "warning"] += w
            cells.append(f"{f'{e}/{w}':>16}")
        lines.append(f"{name:<60} " + " ".join(cells))
        for found in results.values():
            listed = found.get(name, []) if verbose else errors(found.get(name, []))
            lines.extend("    " + f.line().replace("\n", "\n    ") for f in listed)
    cells = [f"{totals[c, 'error']}/{totals[c, 'warning']}" for c in results]
    lines.append(f"{'all pages':<60} " + " ".join(f"{cell:>16}" for cell in cells))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--only", choices=CHECKERS, help="run one checker")
    parser.add_argument("--json", type=Path, help="write every finding here")
    parser.add_argument("-v", "--verbose", action="store_true", help="list warnings too")
    args = parser.parse_args()
    missing = missing_tools()
    if missing:
        print("the checkers need " + "; ".join(missing), file=sys.stderr)
        return 2
    results, seconds = {}, {}
    for checker in CHECKERS:
        if args.only and checker != args.only:
            continue
        start = time.perf_counter()
        results[checker] = (run_vnu if checker == "vnu" else run_htmlcs)(args.site)
        seconds[checker] = time.perf_counter() - start
    print(report(results, args.verbose))
    print("seconds: " + ", ".join(f"{c} {s:.1f}" for c, s in seconds.items()))
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    c: {n: [asdict(f) for f in fs] for n, fs in r.items()}
                    for c, r in results.items()
                },
                indent=1,
            ),
            encoding="utf-8",
        )
    return 1 if any(errors(fs) for r in results.values() for fs in r.values()) else 0


if __name__ == "__main__":
    sys.exit(main())

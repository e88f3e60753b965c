"""Measure the course's speed budgets and print them as numbers (run by `make bench`).

What it measures, each as the median of several runs where a run is cheap:

- environment install time (a fresh venv from requirements.txt; one run, it is slow);
- cold build with every notebook executed (fresh output folder, empty execution cache), as
  `make build` does it: the notebooks two at a time (timed apart, `make execute`), then the
  learner and student editions at the same time;
- no-change rebuild, and rebuild after changing one page;
- each notebook's execution time on a fresh kernel;
- nbval time (every notebook re-run and compared with its saved outputs);
- `make test` in the working tree, once, after the environment exists (its exit status too);
- page weight: what a first visit transfers for each page, measured in Chromium from the gzip
  server (coursebook.serve): when the page opens, and after every figure has loaded; without
  Chromium, an estimate from the files each page links (raw and gzipped);
- readability of each chapter's prose and of each tier (see `readability`; also alone, in a
  second: `python -m coursebook.bench --readability`).

The builds run on a copy of the repository in a temporary folder, so the one-page edit never
touches the working tree.

Budgets (reported, not asserted): cold build <= 0.7 s per page, no-change rebuild <= 5 s, each
notebook <= 5 s, `make test` <= 3 minutes. Results are also written to _build/bench.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from coursebook.build import build_command, execute_command
from coursebook.model import toc_files
from coursebook.readability import readability, report_readability

ROOT = Path(__file__).resolve().parent.parent
SRC_EXCLUDE = {".venv", "node_modules", ".git", "_build", ".jupyter_cache", ".pytest_cache"}


def jb(source: Path, out: Path) -> list[str]:
    return build_command(out, source=source)


def copy_source(target: Path) -> Path:
    """The repository without its environment, build and history, for the benchmark builds."""
    shutil.copytree(
        ROOT,
        target,
        ignore=lambda d, names: [n for n in names if n in SRC_EXCLUDE and Path(d) == ROOT],
    )
    return target


def timed(command: list[str], **kwargs) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(
            f"command failed: {' '.join(command)}\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
        )
    return elapsed


def median(values: list[float]) -> float:
    return statistics.median(values)


def toc_pages() -> list[str]:
    return toc_files(ROOT / "_toc.yml")


def notebooks() -> list[Path]:
    return sorted(
        p for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
    )


def notebook_time(path: Path, runs: int) -> float:
    import nbformat
    from nbclient import NotebookClient

    times = []
    for _ in range(runs):
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb,
            timeout=120,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
        )
        start = time.perf_counter()
        client.execute()
        times.append(time.perf_counter() - start)
    return median(times)


def page_weight(site: Path, page: str) -> tuple[int, int]:
    """Raw and gzip bytes of a page and every local file it loads (CSS, scripts, images)."""
    from bs4 import BeautifulSoup

    html_path = site / f"{page}.html"
    files = {html_path}
    doc = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
        for element in doc.find_all(tag):
            ref = element.get(attr)
            if not ref or ref.startswith(("http:", "https:", "//", "data:", "#")):
                continue
            if tag == "link" and not {"stylesheet", "icon", "preload"} & set(
                element.get("rel", [])
            ):
                continue
            target = (html_path.parent / ref.split("?")[0].split("#")[0]).resolve()
            if target.is_file():
                files.add(target)
    raw = sum(f.stat().st_size for f in files)
    compressed = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
    return raw, compressed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs for the cheap measurements")
    parser.add_argument("--cold-runs", type=int, default=1, help="runs of the cold build")
    parser.add_argument("--skip-install", action="store_true", help="do not time a fresh install")
    parser.add_argument("--skip-test", action="store_true", help="do not time `make test`")
    parser.add_argument("--readability", action="store_true", help="only the readability scores")
    parser.add_argument(
        "--weights-only",
        metavar="SITE",
        type=Path,
        help="only measure the page weights of a book already built in SITE (its _build/html)",
    )
    args = parser.parse_args()
    if args.readability:
        report_readability(readability())
        return
    if args.runs < 1 or args.cold_runs < 1:
        raise ValueError("--runs and --cold-runs must be at least 1")
    if args.weights_only is not None:
        report_weights(measure_weights(args.weights_only, toc_pages()))
        return
    results: dict[str, object] = {"readability": readability()}
    work = Path(tempfile.mkdtemp(prefix="bonelab-bench-"))
    try:
        if not args.skip_install:
            venv = work / "venv"
            start = time.perf_counter()
            timed([sys.executable, "-m", "venv", str(venv)])
            timed(
                [
                    str(venv / "bin" / "python"),
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "-r",
                    str(ROOT / "requirements.txt"),
                ],
                cwd=ROOT,
            )
            results["install_s"] = time.perf_counter() - start
            shutil.rmtree(venv)

        source = copy_source(work / "src")
        out = work / "book"
        colds, executes = [], []
        for _ in range(args.cold_runs):
            shutil.rmtree(out, ignore_errors=True)
            executes.append(timed(execute_command(out, source=source)))
            colds.append(executes[-1] + timed(jb(source, out)))
        results["cold_build_s"] = median(colds)
        results["cold_execute_s"] = median(executes)
        pages = toc_pages()
        results["pages"] = len(pages)
        results["cold_build_per_page_s"] = results["cold_build_s"] / len(pages)

        results["no_change_rebuild_s"] = median([timed(jb(source, out)) for _ in range(args.runs)])
        page = source / "book" / "glossary.md"
        original = page.read_text(encoding="utf-8")
        one_page = []
        try:
            for i in range(args.runs):
                page.write_text(original + f"\n<!-- bench edit {i} -->\n", encoding="utf-8")
                one_page.append(timed(jb(source, out)))
        finally:
            page.write_text(original, encoding="utf-8")
        results["one_page_rebuild_s"] = median(one_page)

        results["notebook_s"] = {
            str(nb.relative_to(ROOT)): notebook_time(nb, args.runs) for nb in notebooks()
        }
        results["nbval_s"] = (
            timed(
                [
                    sys.executable,
                    "-m",
                    "pytest",
                    "--nbval",
                    "-q",
                    "--nbval-sanitize-with",
                    "tests/sanitize.cfg",
                    "notebooks",
                    "-p",
                    "no:cacheprovider",
                ],
                cwd=ROOT,
            )
            if notebooks()
            else 0.0
        )

        if not args.skip_test:
            start = time.perf_counter()
            status = subprocess.run(
                ["make", "--no-print-directory", "-C", str(ROOT), "test"], capture_output=True
            ).returncode
            results["make_test_s"] = time.perf_counter() - start
            results["make_test_status"] = status

        results.update(measure_weights(out / "_build" / "html", pages))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    report(results)
    target = ROOT / "_build" / "bench.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\n(written to {target.relative_to(ROOT)})")


def measure_weights(site: Path, pages: list[str]) -> dict[str, object]:
    """Page weights of a built site: the static estimate, and Chromium's count when it can."""
    if not (site / "index.html").is_file():
        raise ValueError(f"no built book in {site} (expected {site / 'index.html'})")
    weights = {p: page_weight(site, p) for p in pages}
    results: dict[str, object] = {
        "page_weight_bytes": {p: {"raw": r, "gzip": g} for p, (r, g) in weights.items()}
    }
    try:
        from coursebook.browser import missing_tools, page_weights

        if not missing_tools():
            results["page_transfer_bytes"] = page_weights(site, [f"{p}.html" for p in pages])
    except ImportError as error:  # no Playwright: the static estimate stands alone
        print(f"(no browser measurement: {error})")
    return results


def report(r: dict) -> None:
    def line(label: str, value: str, budget: str = "") -> None:
        print(f"  {label:<42} {value:>12}   {budget}")

    print("Hormones and Bone: benchmark (2 cores expected)")
    report_readability(r["readability"])
    if "install_s" in r:
        line("environment install (fresh venv)", f"{r['install_s']:.1f} s")
    line(f"cold build, {r['pages']} pages, notebooks executed", f"{r['cold_build_s']:.1f} s")
    if "cold_execute_s" in r:
        line("  of which the notebooks, two at a time", f"{r['cold_execute_s']:.1f} s")
        line("  and the two editions at once", f"{r['cold_build_s'] - r['cold_execute_s']:.1f} s")
    line("cold build per page", f"{r['cold_build_per_page_s']:.2f} s", "budget 0.7 s")
    if "make_test_s" in r:
        outcome = "passed" if r["make_test_status"] == 0 else f"exit {r['make_test_status']}"
        line(f"make test ({outcome})", f"{r['make_test_s']:.0f} s", "budget 180 s")
    line("no-change rebuild (median)", f"{r['no_change_rebuild_s']:.2f} s", "budget 5 s")
    line("rebuild after changing one page (median)", f"{r['one_page_rebuild_s']:.2f} s")
    line("nbval, all notebooks", f"{r['nbval_s']:.1f} s")
    for name, seconds in r["notebook_s"].items():
        line(f"notebook {name}", f"{seconds:.2f} s", "budget 5 s")
    report_weights(r)


def report_weights(r: dict) -> None:
    transfer = r.get("page_transfer_bytes")
    if transfer:
        print("  page weight, first visit in Chromium, gzip server (budget 250 KB when it opens):")
        print(f"    {'page':<48} {'opens':>8} {'all read':>9} {'largest img':>12}")
        for name, w in transfer.items():
            print(
                f"    {name:<48} {w['opened'] / 1024:5.0f} KB {w['read'] / 1024:6.0f} KB"
                f" {w['largest_image'] / 1024:9.0f} KB"
            )
        opened = sorted(w["opened"] for w in transfer.values())
        print(
            f"    {'total over pages':<48} {sum(opened) / 1024:5.0f} KB"
            f" {sum(w['read'] for w in transfer.values()) / 1024:6.0f} KB"
        )
        print(
            f"    {'median, largest page':<48} {statistics.median(opened) / 1024:5.0f} KB"
            f" {max(opened) / 1024:6.0f} KB"
        )
        return
    weights = r["page_weight_bytes"]
    total_raw = sum(w["raw"] for w in weights.values())
    total_gzip = sum(w["gzip"] for w in weights.values())
    print("  page weight estimate (page + the files it links), raw / gzip:")
    for name, w in weights.items():
        print(f"    {name:<48} {w['raw'] / 1024:8.0f} KB / {w['gzip'] / 1024:6.0f} KB")
    print(f"    {'sum over pages':<48} {total_raw / 1024:8.0f} KB / {total_gzip / 1024:6.0f} KB")


if __name__ == "__main__":
    main()

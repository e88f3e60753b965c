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
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from coursebook.build import build_command, execute_command
from coursebook.model import toc_files

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


# --- Readability of the chapters' prose (issue 15 item 7) -------------------------------------
# Flesch Reading Ease (higher is easier; 60-70 plain English, below 30 academic) and the
# Flesch-Kincaid grade (US school years), by textstat (pinned), over each chapter's prose.
# Syllables come from Pyphen's bundled en_US hyphenation dictionary (textstat's fallback): the
# CMU dictionary textstat prefers is an NLTK download, and the bench fetches nothing.
FENCE = re.compile(r"^(`{3,}|:{3,})\s*(\{(?P<name>[\w:-]+)\})?")
PROSE_DIRECTIVES = {"admonition", "note", "tip", "evidence", "exercise", "solution", "important"}
ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<body>[^`]*)`")


def _role_text(match: re.Match) -> str:
    role, body = match["role"], match["body"]
    if role in ("cite", "cite:p", "cite:t", "ref", "numref", "evidence-label", "eq"):
        return ""
    if role == "computed":
        return "10"  # a number of two letters' length stands for the computed value
    if "<" not in body and role == "doc":  # {doc}`../tier/page-name` shows the page's title
        return body.rsplit("/", 1)[-1].replace("-", " ")
    return re.sub(r"\s*<[^>]*>$", "", body)  # {term}`osteoclasts <osteoclast>` -> osteoclasts


def prose(markdown: str) -> str:
    """The prose a reader reads in a MyST page, for readability formulas.

    Dropped: the front matter; code and math (fenced blocks other than the prose directives
    below, ``$$`` blocks, inline ``$...$`` and ``code``); headings, tables, option lines
    (``:class: dropdown``) and HTML comments. Kept: the bodies of prose directives (admonitions,
    evidence labels' reasons, exercises and solutions), without their fences. Roles become the
    text they show: a citation or a label disappears, a term keeps its word, a computed number
    becomes a two-digit number. A list item or other line that ends without a full stop is
    closed with one, so it counts as a sentence rather than merging with the next.

    >>> prose("# T\\n\\nBone {term}`remodels <remodeling>` {cite}`a2000`.\\n```{code-cell}\\nx = 1\\n```\\n- one item")
    'Bone remodels. One item.'
    """
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$", "", text, flags=re.S)
    lines, stack = [], []  # stack: (fence, keep the body?)
    for line in text.splitlines():
        stripped = line.strip()
        match = FENCE.match(stripped)
        if stack and stripped == stack[-1][0]:
            stack.pop()
            lines.append("")
            continue
        if match and (match["name"] or not stack or stack[-1][1]):
            keep = (not stack or stack[-1][1]) and (match["name"] or "") in PROSE_DIRECTIVES
            stack.append((match[1], keep))
            lines.append("")
            continue
        if stack and not stack[-1][1]:
            continue
        if not stripped or stripped.startswith(("#", "|", ":")):
            lines.append("")
            continue
        if re.match(r"^([-*+]|\d+\.)\s", stripped):  # a list item: a paragraph of its own
            lines.append("")
        lines.append(re.sub(r"^([-*+]|\d+\.)\s+", "", stripped))
    paragraphs, current = [], []
    for line in lines + [""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    out = []
    for paragraph in paragraphs:
        paragraph = ROLE.sub(_role_text, paragraph)
        paragraph = re.sub(r"\$[^$]+\$|`[^`]*`", "", paragraph)
        paragraph = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", paragraph)  # [text](link)
        paragraph = re.sub(r"[*_]{1,2}(\S[^*_]*?)[*_]{1,2}", r"\1", paragraph)
        paragraph = re.sub(r"\s+([,.;:)])", r"\1", " ".join(paragraph.split()))
        paragraph = re.sub(r"\(\s*\)|\[\s*\]", "", paragraph).strip()
        if paragraph:
            out.append(paragraph[0].upper() + paragraph[1:])
    return " ".join(p if p[-1] in ".!?" else p.rstrip(":;,") + "." for p in out)


def readability(srcdir: Path = ROOT) -> dict[str, dict]:
    """Per chapter and per tier: words, sentences, citations, and the two Flesch scores.

    A chapter's citations are its {cite} roles (each a bracket in the text, however many
    sources it names), anywhere on the page. A tier's scores are computed on the
    prose of all its chapters together, not averaged.
    """
    import textstat
    from textstat.backend.counts import _count_syllables

    from coursebook.model import course_chapters

    _count_syllables.get_cmudict = lambda lang: None  # offline: Pyphen counts every word
    textstat.set_lang("en_US")

    def scores(text: str, citations: int) -> dict:
        words = textstat.lexicon_count(text)
        return {
            "words": words,
            "sentences": textstat.sentence_count(text),
            "words_per_sentence": words / max(1, textstat.sentence_count(text)),
            "citations": citations,
            "flesch_reading_ease": textstat.flesch_reading_ease(text),
            "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        }

    chapters, tiers = {}, {}
    for chapter in course_chapters(srcdir):
        markdown = chapter.path.read_text(encoding="utf-8")
        text = prose(markdown)
        cites = len(re.findall(r"\{cite(?::\w+)?\}`", markdown))
        chapters[chapter.docname] = {"tier": chapter.tier, **scores(text, cites)}
        texts, count = tiers.get(chapter.tier, ("", 0))
        tiers[chapter.tier] = (texts + " " + text, count + cites)
    return {
        "chapters": chapters,
        "tiers": {tier: scores(text, cites) for tier, (text, cites) in tiers.items()},
    }


def report_readability(r: dict) -> None:
    print("  readability of the prose (Flesch Reading Ease: higher is easier; FK: US grade)")
    print(f"    {'chapter':<48} {'words':>6} {'w/sent':>6} {'cites':>5} {'FRE':>5} {'FK':>5}")
    rows = [*r["chapters"].items(), *((f"tier: {t}", v) for t, v in r["tiers"].items())]
    for name, v in rows:
        print(
            f"    {name:<48} {v['words']:6d} {v['words_per_sentence']:6.1f} {v['citations']:5d}"
            f" {v['flesch_reading_ease']:5.1f} {v['flesch_kincaid_grade']:5.1f}"
        )


if __name__ == "__main__":
    main()

"""Readability of the chapters' prose (issue 15 item 7), reported by `make bench`.

Flesch Reading Ease (higher is easier; 60-70 plain English, below 30 academic) and the
Flesch-Kincaid grade (US school years), by textstat (pinned), over each chapter's prose.
Syllables come from Pyphen's bundled en_US hyphenation dictionary (textstat's fallback): the
CMU dictionary textstat prefers is an NLTK download, and the bench fetches nothing. What counts
as prose in a MyST page is this module's own rule (`prose`): no library reads MyST for it.
"""

from __future__ import annotations

import re
from pathlib import Path

from coursebook.model import ROOT

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

"""Every image in the built book tells a screen-reader user what it shows, and every figure in a
page's content has a caption and stays within the 150 KB budget."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

FIGURE_BUDGET = 150 * 1024
_FILE_NAME = re.compile(r"\.(png|jpe?g|gif|svg|webp|pdf)\b|^[\w.-]+$", re.I)
_PLACEHOLDER = re.compile(
    r"^(<Figure size|<matplotlib|image|figure|fig\.?\s*\d*|chart|plot|graph|png|output)\b.*$", re.I
)


def alt_problem(alt: str | None, *, in_content: bool) -> str | None:
    """Why an alt text is not meaningful (None when it is)."""
    text = " ".join((alt or "").split())
    if not text:
        return "no alt text"
    if _PLACEHOLDER.match(text) and len(text.split()) <= 4:
        return f"placeholder alt text {text!r}"
    if text.startswith("<Figure size") or text.startswith("<matplotlib"):
        return f"matplotlib's repr as alt text {text!r}"
    if _FILE_NAME.search(text) and len(text.split()) == 1:
        return f"a file name as alt text {text!r}"
    if in_content and len(text.split()) < 4:
        return f"alt text too short to describe a figure {text!r}"
    return None


def caption_problem(img) -> str | None:
    figure = img.find_parent("figure")
    caption = figure.find("figcaption") if figure else None
    text = caption.get_text(" ", strip=True) if caption else ""
    text = re.sub(r"^Fig(ure)?\.?\s*[\d.]+\s*", "", text)
    return None if len(text.split()) >= 2 else "no caption"


def image_problems(site: Path) -> list[str]:
    problems = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site)
        if "_static" in rel.parts or "_sources" in rel.parts:
            continue
        doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for img in doc.find_all("img"):
            src = img.get("src", "")
            in_content = img.find_parent("article") is not None
            for problem in (
                alt_problem(img.get("alt"), in_content=in_content),
                caption_problem(img) if in_content else None,
            ):
                if problem:
                    problems.append(f"{rel}: {src}: {problem}")
            parts = urlsplit(src)
            if in_content and not parts.scheme:
                file = page.parent / unquote(parts.path)
                if file.is_file() and file.stat().st_size > FIGURE_BUDGET:
                    problems.append(f"{rel}: {src}: {file.stat().st_size // 1024} KB > 150 KB")
    return problems


def test_every_image_has_alt_text_and_every_figure_a_caption(built_site):
    site, _ = built_site
    problems = image_problems(site)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    "html, expected",
    [
        (
            '<figure><img src="a.png" alt="Line chart of bone mass falling after menopause">'
            "<figcaption>Fig. 1 Bone mass over time.</figcaption></figure>",
            [],
        ),
        (
            '<figure><img src="a.png" alt=""><figcaption>Fig. 1 Bone mass.</figcaption></figure>',
            ["no alt text"],
        ),
        (
            '<figure><img src="a.png" alt="<Figure size 700x420 with 1 Axes>"><figcaption>Bone mass.</figcaption></figure>',
            ["matplotlib"],
        ),
        (
            '<figure><img src="a.png" alt="remodeling_cycle.png"><figcaption>Bone mass.</figcaption></figure>',
            ["file name"],
        ),
        ('<img src="a.png" alt="Line chart of bone mass falling after menopause">', ["no caption"]),
        (
            '<figure><img src="a.png" alt="Line chart of bone mass falling after menopause">'
            "<figcaption>Fig. 3</figcaption></figure>",
            ["no caption"],
        ),
    ],
)
def test_the_figure_check_catches_what_it_should(tmp_path, html, expected):
    (tmp_path / "page.html").write_text(f"<html><body><article>{html}</article></body></html>")
    problems = image_problems(tmp_path)
    assert len(problems) == len(expected)
    for problem, word in zip(problems, expected):
        assert word in problem

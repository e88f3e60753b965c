"""The Fundamentals tier reads as plain English for readers with school biology.

coursebook.readability.readability scores each chapter's prose (code, math, tables and role markup
stripped); `make bench` prints the same numbers for every tier.
"""

from __future__ import annotations

import pytest

from coursebook.readability import prose, readability


@pytest.fixture(scope="module")
def scores() -> dict:
    return readability()


def test_fundamentals_chapters_read_at_school_level(scores):
    hard = {
        name: round(v["flesch_kincaid_grade"], 1)
        for name, v in scores["chapters"].items()
        if v["tier"] == "fundamentals" and v["flesch_kincaid_grade"] > 8.0
    }
    assert hard == {}, f"Fundamentals chapters above US grade 8: {hard}"
    tier = scores["tiers"]["fundamentals"]
    assert tier["flesch_reading_ease"] >= 65, tier
    assert tier["words_per_sentence"] <= 16, tier


def test_fundamentals_reads_easier_than_academic(scores):
    tiers = scores["tiers"]
    assert tiers["fundamentals"]["flesch_reading_ease"] > tiers["academic"]["flesch_reading_ease"]


def test_prose_keeps_what_a_reader_reads():
    page = (
        "---\ntier: x\n---\n# Title\n\nBones {term}`remodel <bone remodeling>` "
        "{cite}`a2000`; about {computed}`k.v` cells.\n\n$$x=1$$\n\n"
        "```{evidence} some-id\nTwo trials support it.\n```\n\n"
        "```python\nprint('no')\n```\n\n| a | b |\n|---|---|\n\n- a list item\n"
    )
    assert prose(page) == "Bones remodel; about 10 cells. Two trials support it. A list item."

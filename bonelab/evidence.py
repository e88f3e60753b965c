"""The course's evidence rubric and its claims register.

The rubric says what each of the four evidence labels means. It is written here once: the book
renders it (the ``{evidence-rubric}`` directive) and :func:`register` checks every label in the
claims register (``data/claims.csv``) against it, so a label can never say more than the findings
it rests on.

The register has two kinds of row. A *finding* row records what the course says one source found:
the source, where in it, what it says there, and the study design. A *label* row records a claim
the course grades, the label, and its basis: the finding rows it rests on, each marked ``+``
(supports the claim) or ``-`` (goes against it).

>>> from bonelab.evidence import LEVELS, rubric
>>> LEVELS
('well supported', 'mixed', 'weak', 'contradicted')
>>> rubric()["weak"].meaning.split(":")[0]
'Suggestive at best'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from bonelab.data import DataError, load

__all__ = [
    "LEVELS",
    "RANDOMIZED",
    "HUMAN",
    "Level",
    "Finding",
    "rubric",
    "check_label",
    "register",
]

#: Study designs that test an intervention by randomization, in people.
RANDOMIZED = (
    "randomized trial",
    "meta-analysis of randomized trials",
    "systematic review of randomized trials",
)
#: Every design whose subjects are people (the rest are animals, cells, models, opinions).
HUMAN = RANDOMIZED + (
    "cohort",
    "case-control",
    "cross-sectional",
    "meta-analysis of observational studies",
    "case report",
    "reference data",
)

_BASIS_ENTRY = re.compile(r"([+-])([a-z0-9]+(?:-[a-z0-9]+)*)")


@dataclass(frozen=True)
class Finding:
    """One finding a label rests on, as the rubric sees it."""

    id: str
    source: str
    design: str
    quality: str | None
    supports: bool

    @property
    def randomized_adequate(self) -> bool:
        return self.design in RANDOMIZED and self.quality == "adequate"

    @property
    def in_humans(self) -> bool:
        return self.design in HUMAN


@dataclass(frozen=True)
class Level:
    """One evidence label: what it means to a reader, and the rule its basis must meet."""

    name: str
    meaning: str
    rule: str
    holds: Callable[[list[Finding]], str | None]


def _well_supported(basis: list[Finding]) -> str | None:
    support = [f for f in basis if f.supports]
    if len({f.source for f in support}) < 2:
        return "needs supporting findings from at least two different sources"
    if not any(f.randomized_adequate for f in support):
        return "needs a supporting randomized study in people of adequate quality"
    against = [f.id for f in basis if not f.supports and f.design in RANDOMIZED]
    if against:
        return f"a randomized study in people goes against it ({', '.join(against)})"
    return None


def _mixed(basis: list[Finding]) -> str | None:
    # "Studies in people point in different directions": both directions must be seen in people.
    if not any(f.supports and f.in_humans for f in basis):
        return "needs a supporting finding in people"
    if not any(not f.supports and f.in_humans for f in basis):
        return "needs a going-against finding in people"
    return None


def _weak(basis: list[Finding]) -> str | None:
    strong = [f.id for f in basis if f.supports and f.randomized_adequate]
    if strong:
        return f"an adequate randomized study in people supports it ({', '.join(strong)}): not weak"
    return None


def _contradicted(basis: list[Finding]) -> str | None:
    if not any(not f.supports and f.randomized_adequate for f in basis):
        return "needs a going-against randomized study in people of adequate quality"
    strong = [f.id for f in basis if f.supports and f.randomized_adequate]
    if strong:
        return f"an adequate randomized study in people supports it ({', '.join(strong)})"
    return None


_RUBRIC = (
    Level(
        "well supported",
        "Consistent evidence from studies that can show cause and effect in people: the claim "
        "can be relied on within the population and outcome studied.",
        "Supporting findings from at least two different sources, at least one of them a "
        "randomized study in people of adequate quality, and no randomized study in people "
        "against it.",
        _well_supported,
    ),
    Level(
        "mixed",
        "Studies in people point in different directions, or support and doubt are both real: "
        "the honest answer is 'it depends' or 'not settled'.",
        "At least one supporting and at least one going-against finding in people.",
        _mixed,
    ),
    Level(
        "weak",
        "Suggestive at best: the support comes from associations, animals, cells, small or "
        "flawed tests, or opinion, and no adequate randomized study in people backs it.",
        "No supporting randomized study in people of adequate quality.",
        _weak,
    ),
    Level(
        "contradicted",
        "A fair test in people was done and the claim failed it.",
        "At least one randomized study in people of adequate quality goes against it, and none "
        "of adequate quality supports it.",
        _contradicted,
    ),
)

LEVELS = tuple(level.name for level in _RUBRIC)


def rubric() -> dict[str, Level]:
    """The four labels, in order from strongest to most damning, by name."""
    return {level.name: level for level in _RUBRIC}


def check_label(label: str, basis: list[Finding]) -> str | None:
    """Why ``basis`` does not allow ``label`` (``None`` when it does).

    >>> rct = Finding("a", "pepi1996", "randomized trial", "adequate", supports=True)
    >>> cells = Finding("b", "rickard2002", "cell study", None, supports=True)
    >>> check_label("well supported", [cells])
    'needs supporting findings from at least two different sources'
    >>> check_label("weak", [rct, cells]) is None
    False
    >>> check_label("weak", [cells]) is None
    True
    """
    if label not in LEVELS:
        raise ValueError(f"label must be one of {', '.join(LEVELS)}; got {label!r}")
    if not basis:
        return "a label needs at least one finding in its basis"
    return rubric()[label].holds(basis)


_FINDING_COLUMNS = ("source", "location", "source_says", "design")
_LABEL_COLUMNS = ("label", "basis")


def register(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The claims register, each row checked, each label checked against the rubric.

    Raises
    ------
    DataError
        Naming the file, line, row and column of the first problem: a duplicate id, a row that
        is neither a finding nor a label (or both), a finding without its location, design or
        quality, a basis entry that is not ``+id`` or ``-id`` of a finding row, or a label that
        its basis does not allow under the rubric (the message says which rule fails).
    """
    frame = load("claims", data_dir)
    path = Path(frame.attrs["path"])

    def fail(index: int, column: str, problem: str) -> DataError:
        return DataError(path, problem, line=index + 2, row=index + 1, column=column)

    seen: dict[str, int] = {}
    for index, row in frame.iterrows():
        if row["id"] in seen:
            raise fail(
                index, "id", f"id {row['id']!r} is already used on row {seen[row['id']] + 1}"
            )
        seen[row["id"]] = index
        is_finding = any(pd.notna(row[c]) for c in _FINDING_COLUMNS)
        is_label = any(pd.notna(row[c]) for c in _LABEL_COLUMNS)
        if is_finding == is_label:
            raise fail(
                index,
                "label" if is_label else "source",
                "a row is either a finding (source, location, source_says, design) or a label "
                "(label, basis), not both or neither",
            )
        needed = _FINDING_COLUMNS if is_finding else _LABEL_COLUMNS
        for column in needed:
            if pd.isna(row[column]):
                kind = "finding" if is_finding else "label"
                raise fail(index, column, f"a {kind} row needs its {column}")
        if is_finding:
            if (row["design"] in RANDOMIZED) != pd.notna(row["quality"]):
                raise fail(
                    index,
                    "quality",
                    "quality (adequate or limited) is given for randomized designs and only for them",
                )
        elif pd.notna(row["quality"]):
            raise fail(index, "quality", "a label row has no quality; its findings do")

    findings = frame[frame["source"].notna()].set_index("id")
    for index, row in frame[frame["label"].notna()].iterrows():
        basis = []
        for entry in str(row["basis"]).split(";"):
            match = _BASIS_ENTRY.fullmatch(entry.strip())
            if not match:
                raise fail(index, "basis", f"basis entry {entry!r} is not +id or -id")
            sign, finding_id = match.groups()
            if finding_id not in findings.index:
                raise fail(index, "basis", f"basis entry {entry!r} names no finding row")
            found = findings.loc[finding_id]
            quality = found["quality"] if pd.notna(found["quality"]) else None
            basis.append(
                Finding(finding_id, found["source"], found["design"], quality, sign == "+")
            )
        problem = check_label(row["label"], basis)
        if problem:
            raise fail(index, "label", f"the rubric does not allow {row['label']!r}: {problem}")
    return frame

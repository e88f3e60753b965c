"""Every module of the book's code (coursebook/) and of the learners' package (bonelab/) is
small enough to read in one sitting: one job each, at most LIMIT lines (issue 11, item 2)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 320

# Modules still longer, each with the reason it is not split yet. An entry goes when its module
# is split; the second test fails when an entry no longer applies, so none can linger.
NOT_YET_SPLIT = {
    "coursebook/bench.py": "the timings tool, being reworked for `make bench` (issue 11, item 9)",
}


def module_lengths() -> dict[str, int]:
    """Line count of every Python module under bonelab/ and coursebook/, by repository path."""
    return {
        path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for top in ("bonelab", "coursebook")
        for path in sorted((ROOT / top).rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def test_every_module_is_at_most_the_limit():
    lengths = module_lengths()
    assert "bonelab/data.py" in lengths and "coursebook/model.py" in lengths  # it found them
    too_long = {path: n for path, n in lengths.items() if n > LIMIT and path not in NOT_YET_SPLIT}
    listing = ", ".join(f"{path} has {n}" for path, n in sorted(too_long.items()))
    assert not too_long, f"split by job, each module at most {LIMIT} lines: {listing}"


def test_every_module_not_yet_split_is_still_too_long():
    lengths = module_lengths()
    stale = [path for path in NOT_YET_SPLIT if lengths.get(path, 0) <= LIMIT]
    assert not stale, f"no longer above {LIMIT} lines (or gone), remove from NOT_YET_SPLIT: {stale}"

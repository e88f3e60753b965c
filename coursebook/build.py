"""The book's build command, written once: in the Makefile (``JB_FLAGS``), read from there.

The tests, the print edition and the benchmark build the book the way ``make book`` does, so
they take its flags from the one place they are written instead of repeating them.

>>> "-W" in build_flags()
True
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from coursebook.model import ROOT

MAKEFILE = ROOT / "Makefile"
_FLAGS = re.compile(r"^JB_FLAGS\s*:?=\s*(.*?)\s*$", re.M)


def build_flags(makefile: Path = MAKEFILE) -> list[str]:
    """``JB_FLAGS`` of the Makefile, as a list of arguments."""
    match = _FLAGS.search(makefile.read_text(encoding="utf-8"))
    if not match:
        raise RuntimeError(f"{makefile} defines no JB_FLAGS (the book's build flags)")
    return match.group(1).split()


def jupyter_book() -> Path:
    """This environment's jupyter-book command."""
    return Path(sys.executable).with_name("jupyter-book")


def build_command(source: Path | str = ROOT, *extra: str) -> list[str]:
    """``jupyter-book build SOURCE`` with the Makefile's flags and any extra arguments."""
    return [str(jupyter_book()), "build", str(source), *build_flags(), *extra]

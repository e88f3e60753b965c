"""The book's build command, written once: the Makefile's ``build`` target, called from here.

The tests, the print edition and the benchmark build the book exactly as ``make book`` does (the
same flags, the notebooks first run in parallel) by running that target.
"""

from __future__ import annotations

from pathlib import Path

from coursebook.model import ROOT


def build_command(
    out: Path | str, *jb_args: str, source: Path | str = ROOT, notebooks_first: bool = True
) -> list[str]:
    """``make build``: the book in ``source`` built into ``out`` (``out/_build/html``)."""
    return [
        "make",
        "--no-print-directory",
        "-C",
        str(ROOT),
        "build",
        f"SRC={source}",
        f"OUT={out}",
        f"JB_ARGS={' '.join(jb_args)}",
        f"NOTEBOOKS_FIRST={'yes' if notebooks_first else ''}",
    ]


def execute_command(out: Path | str, source: Path | str = ROOT) -> list[str]:
    """``make execute``: only the notebooks' parallel run into ``out``'s execution cache, the
    first step of ``make build`` (which then finds it done)."""
    return [
        "make",
        "--no-print-directory",
        "-C",
        str(ROOT),
        "execute",
        f"SRC={source}",
        f"OUT={out}",
    ]

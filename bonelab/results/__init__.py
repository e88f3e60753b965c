"""Every number the course computes, by name, so that prose never types one by hand.

A chapter writes ``{computed}`komarova.cycle.bone_mass_min``` and the book shows the value this
package computes, formatted as declared; a learner can reproduce it with
``bonelab.results.value("komarova.cycle.bone_mass_min")``. The numbers are the course's own
calculations (model runs, differences of published rates, compounding): the papers are cited for
the models and the data, never for these results.

The keys live in one subpackage or module per part of the book (:mod:`.fundamentals`,
:mod:`.intermediate`, :mod:`.academic`, :mod:`.guides`), one module per page or subject within
it, each registering its results with :func:`result`.

>>> from bonelab import results
>>> "komarova.steady.osteoblasts" in results.keys()
True
>>> results.display("komarova.steady.osteoblasts")
'212'
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

__all__ = ["Result", "result", "keys", "get", "value", "display"]

_PARTS = ("fundamentals", "intermediate", "academic", "guides")


@dataclass(frozen=True)
class Result:
    """One computed number: its key, how to compute it, how the book shows it, what it is."""

    key: str
    compute: Callable[[], float]
    fmt: str | Callable[[float], str]
    description: str

    def text(self, number: float) -> str:
        return self.fmt(number) if callable(self.fmt) else self.fmt.format(number)


_REGISTRY: dict[str, Result] = {}


def result(
    key: str, *, fmt: str | Callable[[float], str], description: str
) -> Callable[[Callable[[], float]], Callable[[], float]]:
    """Register the decorated function as the computation of ``key``.

    ``fmt`` is a :meth:`str.format` pattern such as ``"{:.1f}"``, or a function from the number
    to its text. A key may be registered once only.
    """
    if not key or key != key.strip().lower() or " " in key:
        raise ValueError(f"a result key is lowercase, dotted, without spaces; got {key!r}")
    if not description.strip():
        raise ValueError(f"result {key!r} needs a description")

    def register(compute: Callable[[], float]) -> Callable[[], float]:
        if key in _REGISTRY:
            raise ValueError(f"result {key!r} is registered twice")
        _REGISTRY[key] = Result(key, compute, fmt, description)
        return compute

    return register


@cache
def _load_parts() -> None:
    for part in _PARTS:
        importlib.import_module(f"{__name__}.{part}")


def keys() -> list[str]:
    """Every registered key, sorted."""
    _load_parts()
    return sorted(_REGISTRY)


def get(key: str) -> Result:
    """The :class:`Result` registered as ``key``; a ``KeyError`` suggests close keys."""
    _load_parts()
    if key not in _REGISTRY:
        close = difflib.get_close_matches(key, _REGISTRY, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise KeyError(f"no computed result named {key!r}{hint}")
    return _REGISTRY[key]


@cache
def value(key: str) -> float:
    """The number itself, computed once per session."""
    return get(key).compute()


def display(key: str) -> str:
    """The number as the book shows it."""
    return get(key).text(value(key))

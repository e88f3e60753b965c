"""The number formats the Intermediate results share."""

from __future__ import annotations


def _signed(value: float, places: int = 2) -> str:
    """A signed number with a true minus sign, as the pages print differences."""
    return f"{value:+.{places}f}".replace("-", "\u2212")


def _plain(places: int):
    return lambda value: f"{value:.{places}f}".replace("-", "\u2212")

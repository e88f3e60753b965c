"""The book's explorables by name, each computed once per build process."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from coursebook.explorable.figure import Explorable
from coursebook.explorable.lemaire import lemaire_explorable
from coursebook.explorable.lifetime import lifetime_explorable
from coursebook.explorable.remodeling_cycle import cycle_explorable
from coursebook.explorable.whi_ledger import whi_explorable

EXPLORABLES: dict[str, Callable[[], Explorable]] = {
    "remodeling-cycle": cycle_explorable,
    "lifetime": lifetime_explorable,
    "whi-ledger": whi_explorable,
    "lemaire": lemaire_explorable,
}


@cache
def build(name: str) -> Explorable:
    """The explorable called ``name``, computed once per build process."""
    if name not in EXPLORABLES:
        raise ValueError(f"no explorable named {name!r}; known: {', '.join(EXPLORABLES)}")
    return EXPLORABLES[name]()

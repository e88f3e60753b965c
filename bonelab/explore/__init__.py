"""The numbers behind the book's explorable figures: one function per figure and setting.

Each explorable figure in the book lets a reader move a control and see what changes. The
browser never computes anything: when the book is built, :mod:`coursebook.explorable` calls
the functions here for every setting of the controls (the ``*_SETTINGS`` tuples) and ships the
results with the page; the page only looks them up and draws them. A learner gets the same
numbers by calling the same function with the same setting.

- :func:`remodeling_cycle`: one Komarova 2003 cycle with osteoclasts living longer or shorter
  (an illustration of estrogen loss, not a published fit);
- :func:`lifetime_curve`: femoral-neck BMD and T-score over adult life, anchored on SWAN's
  average losses around the final menstrual period, the rest schematic;
- :func:`whi_ledger`: what the WHI estrogen-plus-progestin hazard ratios would mean per
  10 000 woman-years at another baseline (how ratios scale, not a prediction for anyone);
- :func:`lemaire_response`: the Lemaire 2004 model's path to a new steady state under a
  constant PTH and/or OPG input.

Bad settings raise :class:`ValueError` naming the argument, the value and the allowed range.

One module per figure (:mod:`.cycle`, :mod:`.lifetime`, :mod:`.ledger`,
:mod:`.lemaire`) and the check of a setting they share (:mod:`.checks`); every name is
importable from ``bonelab.explore``.
"""

from bonelab.explore.cycle import (  # noqa: F401  (every name importable here, as before)
    CYCLE_LIFESPAN_SETTINGS,
    REFERENCE_START,
    CycleRun,
    remodeling_cycle,
)
from bonelab.explore.ledger import (  # noqa: F401  (every name importable here, as before)
    WHI_BASELINE_SETTINGS,
    WHI_CATEGORIES,
    LedgerRow,
    whi_ledger,
)
from bonelab.explore.lemaire import (  # noqa: F401  (every name importable here, as before)
    LEMAIRE_CELLS,
    LEMAIRE_DAYS,
    LEMAIRE_OPG_SETTINGS,
    LEMAIRE_PTH_SETTINGS,
    LEMAIRE_START,
    LEMAIRE_STEP,
    LemaireRun,
    lemaire_response,
)
from bonelab.explore.lifetime import (  # noqa: F401  (every name importable here, as before)
    LIFETIME_END_AGE,
    LIFETIME_FMP_AGE_SETTINGS,
    LIFETIME_LOSS_SETTINGS,
    LIFETIME_PEAK_SETTINGS,
    PLATEAU_AGE,
    SWAN_DECADE,
    LifetimeCurve,
    lifetime_curve,
)

__all__ = [
    "CYCLE_LIFESPAN_SETTINGS",
    "CycleRun",
    "remodeling_cycle",
    "LIFETIME_PEAK_SETTINGS",
    "LIFETIME_FMP_AGE_SETTINGS",
    "LIFETIME_LOSS_SETTINGS",
    "LifetimeCurve",
    "lifetime_curve",
    "WHI_BASELINE_SETTINGS",
    "LedgerRow",
    "whi_ledger",
    "LEMAIRE_PTH_SETTINGS",
    "LEMAIRE_OPG_SETTINGS",
    "LemaireRun",
    "lemaire_response",
]

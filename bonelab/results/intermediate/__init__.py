"""Numbers the Intermediate pages quote, computed here (see :mod:`bonelab.results`).

Every entry is the course's own arithmetic on figures from the data tables (differences of
published rates, per-year conversions, compounding, worked T-scores); the papers are cited for
the data, never for these results. One module per subject (shared formats: :mod:`.common`);
importing this package registers them all.
"""

from bonelab.results.intermediate import (
    estrogen_with_or_without_mpa,  # noqa: F401  (registers its results)
    other_treatments,  # noqa: F401  (registers its results)
    progestogens,  # noqa: F401  (registers its results)
    testosterone,  # noqa: F401  (registers its results)
    whi_ledger,  # noqa: F401  (registers its results)
)

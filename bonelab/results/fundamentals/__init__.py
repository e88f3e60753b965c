"""Numbers the Fundamentals pages quote, computed here (see :mod:`bonelab.results`).

Every value is the course's own arithmetic on sourced data (``data/``) or its own run of a
published model (:mod:`bonelab.models`); the papers are cited for the data and the model only.
One module per page (what they share: :mod:`.common`); importing this package registers them all.
"""

from bonelab.results.fundamentals import (
    bone_is_alive,  # noqa: F401  (registers its results)
    conductors,  # noqa: F401  (registers its results)
    explorables,  # noqa: F401  (registers its results)
    lifetime,  # noqa: F401  (registers its results)
    measuring_bone,  # noqa: F401  (registers its results)
    other_causes,  # noqa: F401  (registers its results)
    ovulation,  # noqa: F401  (registers its results)
    remodeling_cycle,  # noqa: F401  (registers its results)
)

"""Numbers the Academic pages quote, computed here (see :mod:`bonelab.results`).

One module per subject; importing this package registers them all.
"""

from bonelab.results.academic import (
    komarova,  # noqa: F401  (registers its results)
    lemaire,  # noqa: F401  (registers its results)
    whi_and_estrogen,  # noqa: F401  (registers its results)
)

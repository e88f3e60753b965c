"""Numbers the Intermediate pages quote, computed here (see :mod:`bonelab.results`)."""

from __future__ import annotations

from bonelab.results import result  # noqa: F401  (used by the entries below)

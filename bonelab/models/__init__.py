"""Two published bone remodeling models, written as plain functions over parameter dataclasses.

* Komarova SV et al. 2003, Bone 33(2):206-215 (BioModels BIOMD0000000148): osteoclasts ``C``,
  osteoblasts ``B`` and bone mass ``z`` (%) in one bone multicellular unit; time in days.
* Lemaire V et al. 2004, J Theor Biol 229(3):293-309: responding osteoblasts ``R``, active
  osteoblasts ``B`` and active osteoclasts ``C`` (pM) coupled through RANK, RANKL and OPG.

Equations, parameter values and the reference values used by the tests are in the course file
``shared/reference/models.md``. Every function checks its arguments and raises :class:`ValueError`
with the reason.

One module per model (:mod:`.komarova`, :mod:`.lemaire`), the phases of a simulated cycle
(:mod:`.phases`), both models on one scale (:mod:`.relative`) and the argument checks they share
(:mod:`.checks`); every public name is importable from ``bonelab.models`` itself.
"""

# The column names and reference values are importable from here too, outside __all__ as ever.
from bonelab.models.komarova import (  # noqa: F401
    KOMAROVA_COLUMNS,
    KomarovaParams,
    bone_balance_per_cycle,
    critical_g11,
    komarova_jacobian,
    komarova_regime,
    komarova_steady_state,
    komarova_trace_determinant,
    simulate_komarova,
)
from bonelab.models.lemaire import (  # noqa: F401
    LEMAIRE_COLUMNS,
    LEMAIRE_REFERENCE_RATIOS_60_DAYS,
    LEMAIRE_REFERENCE_STEADY_STATE,
    LemaireParams,
    lemaire_steady_state,
    simulate_lemaire,
)
from bonelab.models.phases import Phase, RemodelingPhases, remodeling_phases
from bonelab.models.relative import normalised

__all__ = [
    "KomarovaParams",
    "komarova_steady_state",
    "simulate_komarova",
    "Phase",
    "RemodelingPhases",
    "remodeling_phases",
    "komarova_jacobian",
    "komarova_trace_determinant",
    "critical_g11",
    "komarova_regime",
    "bone_balance_per_cycle",
    "LemaireParams",
    "lemaire_steady_state",
    "simulate_lemaire",
    "normalised",
]

"""Either model's simulation on one scale: each cell column as a multiple of its steady state."""

from __future__ import annotations

import pandas as pd

from bonelab.models.checks import _check_frame
from bonelab.models.komarova import KOMAROVA_COLUMNS, KomarovaParams, komarova_steady_state
from bonelab.models.lemaire import LEMAIRE_COLUMNS, LemaireParams, lemaire_steady_state


def normalised(df: pd.DataFrame, params: KomarovaParams | LemaireParams) -> pd.DataFrame:
    """Copy of a simulation with each cell column divided by its steady-state value.

    For "which marker moves first" plots: 1 means steady state. Works on the output of
    :func:`simulate_komarova` (with KomarovaParams) or :func:`simulate_lemaire` (LemaireParams);
    other columns (day, bone mass or volume) are copied unchanged. In Lemaire 2004 the
    osteoclasts (a resorption marker) move days before the osteoblasts (a formation marker);
    patients show the same order over months.
    """
    if isinstance(params, KomarovaParams):
        columns, steady = KOMAROVA_COLUMNS[1:3], komarova_steady_state(params)
    elif isinstance(params, LemaireParams):
        columns, steady = LEMAIRE_COLUMNS[1:], lemaire_steady_state(params)
    else:
        raise ValueError(
            f"params must be KomarovaParams or LemaireParams, got {type(params).__name__}"
        )
    out = _check_frame(df, ("day", *columns)).copy()
    for column, value in zip(columns, steady):
        out[column] = out[column] / value
    return out

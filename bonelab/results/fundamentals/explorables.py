"""Numbers the Fundamentals self-checks ask about in the explorable figures (bonelab.explore)."""

from __future__ import annotations

from bonelab.results import result
from bonelab.results.fundamentals.common import _signed

# --- explorable figures (bonelab.explore): the settings the self-checks ask about ---------------


def _explore_cycle(pct: float):
    from bonelab.explore import remodeling_cycle

    return remodeling_cycle(pct)


@result(
    "explore.cycle.lifespan_plus20.resorption_days",
    fmt="{:.0f}",
    description="Komarova 2003, osteoclasts living 20 % longer (illustration): resorption phase, model days",
)
def _():
    return _explore_cycle(20).resorption_days


@result(
    "explore.cycle.lifespan_plus20.bone_mass_min",
    fmt="{:.1f}",
    description="Komarova 2003, osteoclasts living 20 % longer (illustration): lowest bone mass",
)
def _():
    return _explore_cycle(20).bone_mass_min


@result(
    "explore.cycle.lifespan_plus20.bone_mass_end",
    fmt="{:.2f}",
    description="Komarova 2003, osteoclasts living 20 % longer (illustration): bone mass on day 400",
)
def _():
    return 100 + _explore_cycle(20).balance


def _explore_lifetime(peak: float, fmp: float, loss: float):
    from bonelab.explore import lifetime_curve

    return lifetime_curve(peak, fmp, loss)


@result(
    "explore.lifetime.default.age_at_minus1",
    fmt="{:.1f}",
    description="Lifetime explorable, peak 0.80 g/cm², final period at 51, SWAN's average loss: age at T = -1",
)
def _():
    return _explore_lifetime(0.80, 51, 1.0).crossings[-1.0]


@result(
    "explore.lifetime.double_loss.age_at_minus2_5",
    fmt="{:.1f}",
    description="Lifetime explorable, peak 0.80 g/cm², final period at 51, twice SWAN's average loss: age at T = -2.5",
)
def _():
    return _explore_lifetime(0.80, 51, 2.0).crossings[-2.5]


@result(
    "explore.lifetime.double_loss.t_after_decade",
    fmt=_signed(2),
    description="Lifetime explorable, peak 0.80 g/cm², twice SWAN's average loss: T-score five years after the final period",
)
def _():
    return _explore_lifetime(0.80, 51, 2.0).t_after_decade


@result(
    "explore.lifetime.lowest_peak_normal_after_decade",
    fmt="{:.2f}",
    description="Lifetime explorable: lowest peak BMD on its grid still normal (T >= -1) five years after the final period, SWAN's average loss, g/cm²",
)
def _():
    from bonelab.explore import LIFETIME_PEAK_SETTINGS

    return min(
        p for p in LIFETIME_PEAK_SETTINGS if _explore_lifetime(p, 51, 1.0).t_after_decade >= -1
    )

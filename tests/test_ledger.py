"""The completed WHI ledger: the estrogen-alone table and the follow-up table hold what the
sources say, and the course's differences agree with the differences the label itself states."""

from __future__ import annotations

import pytest

from bonelab import results
from bonelab.data import load


def test_estrogen_alone_rates_as_tabulated():
    table = load("whi_ealone_outcomes").set_index("outcome")
    assert tuple(table.loc["stroke", ["rate_placebo", "rate_cee"]]) == (33, 45)
    assert tuple(table.loc["hip fracture", ["hr", "hr_low", "hr_high"]]) == (0.61, 0.41, 0.91)
    assert tuple(table.loc["global index", ["rate_placebo", "rate_cee"]]) == (190, 192)
    # Rows from the 6.8-year report are credited to it; the later adjudicated rows to the label.
    assert table.loc["hip fracture", "source"] == "anderson2004"
    assert table.loc["stroke", "source"] == "fdacelabel"


@pytest.mark.parametrize(
    ("key", "stated"),
    [
        # The label's text: 12 more strokes, 6 fewer hip fractures, 2 more global-index events.
        ("whi.ealone.stroke.per10k_difference", 12),
        ("whi.ealone.hip_fracture.per10k_difference", -6),
        ("whi.ealone.global_index.per10k_difference", 2),
    ],
)
def test_differences_agree_with_what_the_label_states(key, stated):
    assert results.value(key) == stated


def test_after_stopping_rows_say_whom_they_compare():
    follow = load("whi_followup")
    karim = follow[follow["source"] == "karim2011"].iloc[0]
    yates = follow[follow["source"] == "yates2004"].iloc[0]
    assert (karim["comparison"], karim["estimate"]) == ("continued hormone therapy", 1.55)
    assert (yates["comparison"], yates["estimate"]) == ("never users", 1.65)
    assert set(follow["design"]) == {"trial follow-up", "cohort"}


def test_residual_benefit_after_estrogen_alone_is_computed_from_the_rates():
    assert results.value("whi.after_stopping.ealone.fewer_fractures_per1000py") == pytest.approx(
        5.8
    )
    assert results.display("whi.after_stopping.ep.fewer_fractures_per1000py") == "1.0"

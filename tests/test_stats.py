"""bonelab.stats: exact values from the course's sources, and clear errors for nonsense input."""

import math
import re

import pytest

from bonelab import stats
from bonelab.data import load


def test_t_score_of_the_reference_mean_is_zero():
    assert stats.t_score(0.858, 0.858, 0.120) == 0.0


def test_t_score_counts_standard_deviations():
    # 0.558 g/cm² is exactly 2.5 SD (0.300) below the 0.858 young-adult mean.
    assert stats.t_score(0.558, 0.858, 0.120) == pytest.approx(-2.5)
    assert stats.t_score(0.70, 0.858, 0.120) == pytest.approx(-1.316666, abs=1e-6)


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        (0.4, "normal"),
        (-1.0, "normal"),  # WHO: normal at -1.0 and above
        (-1.01, "low bone mass"),
        (-2.49, "low bone mass"),
        (-2.5, "osteoporosis"),  # WHO: osteoporosis at -2.5 and below
        (-3.7, "osteoporosis"),
    ],
)
def test_who_category_thresholds(t, expected):
    assert stats.who_category(t) == expected


def test_who_thresholds_match_the_data_table():
    from bonelab.data import load

    classes = load("who_tscore_classes").set_index("category")
    assert classes.loc["normal", "t_score_min"] == stats.WHO_NORMAL_FROM
    assert classes.loc["osteoporosis", "t_score_max"] == stats.WHO_OSTEOPOROSIS_AT


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((-0.1, 0.858, 0.12), "bmd is a density and must be positive"),
        ((0.0, 0.858, 0.12), "bmd is a density and must be positive"),
        ((float("nan"), 0.858, 0.12), "bmd must be finite"),
        ((float("inf"), 0.858, 0.12), "bmd must be finite"),
        ((0.8, 0.858, 0.0), "ref_sd must be greater than 0"),
        ((0.8, 0.858, -0.1), "ref_sd must be greater than 0"),
        ((0.8, -0.858, 0.1), "ref_mean is a density"),
        (("0.8", 0.858, 0.1), None),  # numeric strings are accepted as numbers
        (("abc", 0.858, 0.1), "bmd must be a number"),
        ((True, 0.858, 0.1), "not a boolean"),
    ],
)
def test_t_score_rejects_nonsense(args, message):
    if message is None:
        assert stats.t_score(*args) == pytest.approx((0.8 - 0.858) / 0.1)
        return
    with pytest.raises(ValueError, match=message):
        stats.t_score(*args)


def test_who_category_rejects_non_finite():
    with pytest.raises(ValueError, match="t must be finite"):
        stats.who_category(float("nan"))


def test_rate_difference_from_the_whi_2002_table():
    # CHD: 37 vs 30 per 10 000 woman-years -> 7 more; hip fracture 10 vs 15 -> 5 fewer.
    assert stats.rate_difference_per_10000(37, 30) == 7
    assert stats.rate_difference_per_10000(10, 15) == -5


@pytest.mark.parametrize(("treated", "control"), [(-1, 30), (30, -1), (10_001, 30)])
def test_rate_difference_rejects_impossible_rates(treated, control):
    with pytest.raises(ValueError, match="rate"):
        stats.rate_difference_per_10000(treated, control)


def test_number_needed_to_treat_from_cauley_2003():
    # 11.1 % vs 8.6 % of women with a fracture over a mean 5.6 years: NNT 40 over that period.
    assert stats.number_needed_to_treat(0.111, 0.086) == pytest.approx(40.0)
    assert stats.absolute_risk_difference(0.111, 0.086) == pytest.approx(0.025)


def test_number_needed_to_treat_is_negative_for_harm():
    assert stats.number_needed_to_treat(0.10, 0.12) == pytest.approx(-50.0)


@pytest.mark.parametrize(("control", "treated"), [(1.2, 0.1), (0.1, -0.01), (float("nan"), 0.1)])
def test_number_needed_to_treat_rejects_non_probabilities(control, treated):
    with pytest.raises(ValueError):
        stats.number_needed_to_treat(control, treated)


def test_number_needed_to_treat_rejects_equal_risks():
    with pytest.raises(ValueError, match="infinite"):
        stats.number_needed_to_treat(0.1, 0.1)


def test_percent_change():
    assert stats.percent_change(100, 89.4) == pytest.approx(-10.6)
    with pytest.raises(ValueError, match="before must be positive"):
        stats.percent_change(0, 1)


def test_compound_and_annualise_are_inverses():
    # +0.68 %/yr (Prior 2017 meta-analysis) compounded over 10 years.
    total = stats.compound_percent(0.68, 10)
    assert total == pytest.approx(7.0119, abs=1e-4)
    assert stats.annualised_percent(total, 10) == pytest.approx(0.68)


def test_compound_loss_of_the_transmenopause():
    # 3.3 %/yr loss for 2 years (Sowers 2010) compounds to 6.49 %, not 6.6 %.
    assert stats.compound_percent(-3.3, 2) == pytest.approx(-6.4911)


@pytest.mark.parametrize(
    ("func", "args", "message"),
    [
        (stats.compound_percent, (-100, 1), "above -100"),
        (stats.compound_percent, (1, 0), "years must be positive"),
        (stats.annualised_percent, (5, -1), "years must be positive"),
        (stats.annualised_percent, (-150, 2), "above -100"),
        (stats.compound_percent, (math.inf, 2), "finite"),
    ],
)
def test_compounding_rejects_nonsense(func, args, message):
    with pytest.raises(ValueError, match=message):
        func(*args)


@pytest.mark.parametrize("score", [stats.t_score, stats.z_score])
@pytest.mark.parametrize(
    ("args", "message"),
    [
        # A density in mg/cm² instead of g/cm².
        ((80, 0.858, 0.120), "must be an areal density between 0.05 and 3.0 g/cm², got 80"),
        ((0.8, 858, 0.120), "between 0.05 and 3.0 g/cm², got 858"),
        # The reference mean and SD swapped.
        ((0.8, 0.12, 0.858), "0.858 is more than half of"),
    ],
)
def test_scores_refuse_plausible_mistakes(score, args, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        score(*args)


def test_scores_accept_every_real_reference_in_the_data():
    # The plausibility bounds must never refuse the course's own reference values.
    for row in load("bmd_reference").itertuples():
        assert stats.t_score(row.mean_g_cm2, row.mean_g_cm2, row.sd_g_cm2) == 0.0


@pytest.mark.parametrize("t", [-25.0, 12.5, 80.0])
def test_who_category_refuses_a_value_that_is_not_a_t_score(t):
    with pytest.raises(ValueError, match="must be a T-score between -10.0 and 10.0"):
        stats.who_category(t)

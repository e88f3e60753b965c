"""bonelab.stats: Z-scores and absolute effects from relative ones; exact values, every refusal."""

import math

import pytest

from bonelab import stats

# --- z_score -------------------------------------------------------------------------------


def test_z_score_of_the_age_matched_mean_is_zero():
    assert stats.z_score(0.75, 0.75, 0.10) == 0.0


def test_z_score_counts_age_matched_standard_deviations():
    # 0.5 g/cm² is exactly two SDs of 0.125 below a mean of 0.75 (exact binary fractions).
    assert stats.z_score(0.5, 0.75, 0.125) == -2.0
    assert stats.z_score(1.0, 0.75, 0.125) == 2.0


def test_z_score_is_the_t_score_arithmetic_with_another_reference():
    assert stats.z_score(0.70, 0.858, 0.120) == stats.t_score(0.70, 0.858, 0.120)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((0.0, 0.75, 0.1), "bmd must be a finite number greater than 0 (g/cm²), got 0.0"),
        ((-0.2, 0.75, 0.1), "bmd must be a finite number greater than 0 (g/cm²), got -0.2"),
        ((math.nan, 0.75, 0.1), "bmd must be a finite number greater than 0 (g/cm²), got nan"),
        ((math.inf, 0.75, 0.1), "bmd must be a finite number greater than 0 (g/cm²), got inf"),
        (
            (0.7, 0.0, 0.1),
            "age_matched_mean must be a finite number greater than 0 (g/cm²), got 0.0",
        ),
        ((0.7, 0.75, 0.0), "age_matched_sd must be a finite number greater than 0, got 0.0"),
        ((0.7, 0.75, -0.1), "age_matched_sd must be a finite number greater than 0, got -0.1"),
        ((0.7, 0.75, math.nan), "age_matched_sd must be a finite number greater than 0, got nan"),
        (("abc", 0.75, 0.1), "bmd must be a finite number greater than 0 (g/cm²), got 'abc'"),
        ((True, 0.75, 0.1), "bmd must be a finite number greater than 0 (g/cm²), got True"),
    ],
)
def test_z_score_refuses_nonsense_and_says_which_argument(args, message):
    with pytest.raises(ValueError) as caught:
        stats.z_score(*args)
    assert str(caught.value) == message


# --- treated_probability --------------------------------------------------------------------


def test_a_risk_ratio_multiplies_the_probability():
    assert stats.treated_probability(0.2, 0.5, measure="RR") == 0.1


def test_a_hazard_ratio_multiplies_the_hazard():
    # 1 - (1 - 0.75) ** 0.5 = 1 - 0.5 = 0.5 exactly; a harmful HR of 2 on 0.5 gives 0.75.
    assert stats.treated_probability(0.75, 0.5) == 0.5
    assert stats.treated_probability(0.5, 2.0, measure="HR") == 0.75


def test_a_ratio_of_one_changes_nothing():
    assert stats.treated_probability(0.3, 1.0) == pytest.approx(0.3, abs=1e-15)
    assert stats.treated_probability(0.3, 1.0, measure="RR") == 0.3


def test_hazard_and_risk_ratios_agree_for_rare_events():
    hr = stats.treated_probability(0.001, 0.76)
    rr = stats.treated_probability(0.001, 0.76, measure="RR")
    assert hr == pytest.approx(rr, rel=1e-3)
    # ... and part company for common ones: at 50 % an HR of 0.76 is 1 - 0.5 ** 0.76.
    assert stats.treated_probability(0.5, 0.76) == pytest.approx(1 - 0.5**0.76, abs=1e-15)
    assert stats.treated_probability(0.5, 0.76, measure="RR") == pytest.approx(0.38, abs=1e-15)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((0.0, 0.76), {}, "baseline_probability must be between 0 and 1 (exclusive), got 0.0"),
        ((1.0, 0.76), {}, "baseline_probability must be between 0 and 1 (exclusive), got 1.0"),
        ((1.2, 0.76), {}, "baseline_probability must be between 0 and 1 (exclusive), got 1.2"),
        ((-0.1, 0.76), {}, "baseline_probability must be between 0 and 1 (exclusive), got -0.1"),
        ((math.nan, 0.76), {}, "baseline_probability must be between 0 and 1 (exclusive), got nan"),
        ((0.2, 0.0), {}, "ratio must be a finite number greater than 0, got 0.0"),
        ((0.2, -0.5), {}, "ratio must be a finite number greater than 0, got -0.5"),
        ((0.2, math.nan), {}, "ratio must be a finite number greater than 0, got nan"),
        ((0.2, math.inf), {}, "ratio must be a finite number greater than 0, got inf"),
        (
            (0.2, 0.76),
            {"measure": "OR"},
            "measure must be 'HR' (hazard ratio) or 'RR' (risk ratio), got 'OR'",
        ),
        (
            (0.6, 2.0),
            {"measure": "RR"},
            "ratio × baseline_probability must stay below 1 for a risk ratio, got 2.0 × 0.6 = 1.2",
        ),
    ],
)
def test_treated_probability_refuses_nonsense_and_says_which_argument(args, kwargs, message):
    with pytest.raises(ValueError) as caught:
        stats.treated_probability(*args, **kwargs)
    assert str(caught.value) == message


# --- absolute_effect ------------------------------------------------------------------------


def test_absolute_effect_exact_values():
    effect = stats.absolute_effect(0.75, 0.5, 10)
    assert effect.treated_probability == 0.5
    assert effect.difference == 0.25
    assert effect.per_1000 == 250.0
    assert effect.nnt == 4.0
    assert effect.years == 10.0
    assert (effect.ratio, effect.measure) == (0.5, "HR")


def test_absolute_effect_with_a_risk_ratio():
    effect = stats.absolute_effect(0.2, 0.5, 5, measure="RR")
    assert (effect.difference, effect.per_1000, effect.nnt) == (0.1, 100.0, 10.0)


def test_the_same_ratio_avoids_more_at_a_higher_baseline():
    # HR 0.76 (WHI E+P total fractures, Cauley 2003) on two baselines over ten years.
    low = stats.absolute_effect(0.02, 0.76, 10)
    high = stats.absolute_effect(0.20, 0.76, 10)
    assert low.per_1000 == pytest.approx(1000 * (0.02 - (1 - 0.98**0.76)), rel=1e-12)
    assert high.per_1000 == pytest.approx(1000 * (0.20 - (1 - 0.80**0.76)), rel=1e-12)
    assert round(low.per_1000, 1) == 4.8 and round(high.per_1000, 1) == 44.0
    assert round(low.nnt, 1) == 209.9 and round(high.nnt, 1) == 22.7
    assert high.per_1000 > 9 * low.per_1000


def test_a_harmful_ratio_gives_a_negative_difference_and_nnt():
    effect = stats.absolute_effect(0.5, 2.0, 1)
    assert effect.difference == -0.25
    assert effect.nnt == -4.0


def test_a_ratio_of_one_has_no_finite_nnt():
    effect = stats.absolute_effect(0.3, 1.0, 10, measure="RR")
    assert effect.difference == 0.0
    with pytest.raises(ValueError, match="number needed to treat is infinite"):
        _ = effect.nnt


@pytest.mark.parametrize(
    ("years", "shown"),
    [(0, "0"), (-5, "-5"), (math.nan, "nan"), (math.inf, "inf"), ("ten", "'ten'")],
)
def test_absolute_effect_refuses_a_period_that_is_not_positive(years, shown):
    with pytest.raises(ValueError) as caught:
        stats.absolute_effect(0.2, 0.76, years)
    assert str(caught.value).startswith("years must be ")
    assert "greater than 0 (the period of the baseline probability)" in str(caught.value)
    assert str(caught.value).endswith(f"got {shown}")


def test_absolute_effect_passes_on_the_refusals_of_treated_probability():
    with pytest.raises(ValueError, match=r"baseline_probability .* got 1\.5"):
        stats.absolute_effect(1.5, 0.76, 10)
    with pytest.raises(ValueError, match="ratio must be a finite number greater than 0, got 0"):
        stats.absolute_effect(0.2, 0, 10)


def test_absolute_effect_is_immutable():
    effect = stats.absolute_effect(0.2, 0.76, 10)
    with pytest.raises(AttributeError):
        effect.years = 5  # type: ignore[misc]

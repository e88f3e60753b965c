"""bonelab.explore (the numbers behind the explorable figures) and coursebook.explorable.

Exact values from the course's own runs; every refused argument; and that each figure's grid
holds one frame per setting, its static figure is the default setting, and it stays within
100 KB compressed.
"""

from __future__ import annotations

import gzip
import json
import math

import pytest

from bonelab import explore, results
from bonelab.models import KomarovaParams, simulate_komarova
from coursebook import explorable

# --------------------------------------------------------------------------- one cycle


def test_the_cycle_at_zero_is_the_chapters_reference_cycle():
    run = explore.remodeling_cycle(0)
    assert run.b1 == 0.2
    assert round(run.bone_mass_min, 3) == 89.839
    assert round(run.balance, 4) == -0.0331
    assert round(run.resorption_days, 1) == 22.9
    assert round(run.formation_days, 1) == 152.4
    assert f"{100 + run.balance:.2f}" == results.display("komarova.cycle.bone_mass_end")
    reference = simulate_komarova(KomarovaParams(), days=400)
    assert run.bone_mass[-1] == pytest.approx(reference["bone_mass"].iloc[-1], abs=1e-12)


def test_longer_lived_osteoclasts_dig_deeper_but_refill_more():
    longer = explore.remodeling_cycle(20)
    assert round(longer.b1, 6) == round(0.2 / 1.2, 6)
    assert round(longer.resorption_days, 1) == 26.4
    assert round(longer.bone_mass_min, 3) == 88.294
    assert round(longer.balance, 3) == 0.276
    shorter = explore.remodeling_cycle(-20)
    assert round(shorter.bone_mass_min, 3) == 91.513
    assert round(shorter.balance, 3) == -0.255


def test_cycle_curves_are_sampled_every_two_days():
    run = explore.remodeling_cycle(0)
    assert len(run.day) == 201 and run.day[0] == 0 and run.day[-1] == 400
    assert len(run.osteoclasts) == len(run.osteoblasts) == len(run.bone_mass) == 201
    assert run.osteoclasts[0] == 11.0 and run.osteoblasts[0] == pytest.approx(212.0, abs=1e-9)


@pytest.mark.parametrize("value", [-60, 101, math.nan, "10", True, None])
def test_a_lifespan_change_outside_its_range_is_refused(value):
    with pytest.raises(ValueError, match=r"lifespan_change_pct must be a number from -50 to 100"):
        explore.remodeling_cycle(value)


# --------------------------------------------------------------------------- a lifetime


def test_the_default_lifetime_reproduces_the_chapters_worked_t_score():
    curve = explore.lifetime_curve(0.80, 51, 1.0)
    assert curve.ages == (18.0, 46.0, 50.0, 53.0, 56.0, 85.0)
    assert [round(b, 4) for b in curve.bmd] == [0.8, 0.8, 0.7849, 0.7385, 0.7272, 0.6178]
    assert curve.kinds == ("schematic", "schematic", "data", "schematic", "schematic")
    assert (
        round(curve.t_after_decade, 2)
        == -1.09
        == round(results.value("tscore.transition.fn_0_80.after"), 2)
    )
    assert curve.class_after_decade == "low bone mass"
    assert curve.line_bmd == {-1.0: pytest.approx(0.738), -2.5: pytest.approx(0.558)}
    assert round(curve.crossings[-1.0], 3) == 53.136
    assert curve.crossings[-2.5] is None


def test_lifetime_losses_scale_and_lines_are_crossed_earlier():
    double = explore.lifetime_curve(0.80, 51, 2.0)
    assert round(double.crossings[-1.0], 3) == 51.029
    assert round(double.crossings[-2.5], 3) == 68.78
    assert round(double.t_after_decade, 3) == -1.697
    low_peak = explore.lifetime_curve(0.70, 51, 1.0)
    assert low_peak.crossings[-1.0] == 18.0  # already below T = -1 at the peak
    no_loss = explore.lifetime_curve(0.90, 51, 0.0)
    assert set(no_loss.bmd) == {0.9} and no_loss.crossings == {-1.0: None, -2.5: None}
    later = explore.lifetime_curve(0.80, 55, 1.0)
    assert round(later.crossings[-1.0] - 4, 6) == round(53.136363636, 6)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"peak_bmd": 0.3}, r"peak_bmd must be a number from 0.5 to 1.3 \(g/cm²\), got 0.3"),
        ({"peak_bmd": 800}, r"peak_bmd must be a number from 0.5 to 1.3"),
        ({"fmp_age": 70}, r"fmp_age must be a number from 40 to 60 \(years\), got 70"),
        ({"loss_factor": -1}, r"loss_factor must be a number from 0 to 2.5"),
        ({"loss_factor": "x"}, r"loss_factor must be a number"),
    ],
)
def test_a_lifetime_setting_outside_its_range_is_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        explore.lifetime_curve(**kwargs)


# --------------------------------------------------------------------------- the WHI ledger


def test_the_ledger_at_the_placebo_rates():
    rows = explore.whi_ledger(1.0)
    assert [r.outcome for r in rows] == [
        "coronary heart disease",
        "invasive breast cancer",
        "stroke",
        "pulmonary embolism",
        "deep vein thrombosis",
        "colorectal cancer",
        "hip fracture",
        "vertebral fracture",
        "other osteoporotic fractures",
    ]
    chd, hip = rows[0], rows[6]
    assert (chd.baseline, chd.hr, round(chd.with_ratio, 2), round(chd.difference, 2)) == (
        30.0,
        1.29,
        38.7,
        8.7,
    )
    assert (round(chd.difference_low, 2), round(chd.difference_high, 2)) == (0.6, 18.9)
    assert (round(hip.difference, 2), round(hip.difference_low, 2)) == (-5.1, -8.25)
    assert all(r.difference > 0 for r in rows if r.category == "harm")
    assert all(r.difference < 0 for r in rows if r.category == "benefit")


def test_every_ledger_difference_scales_with_the_baseline():
    one, four = explore.whi_ledger(1.0), explore.whi_ledger(4.0)
    for a, b in zip(one, four):
        assert b.difference == pytest.approx(4 * a.difference, rel=1e-12)
    assert results.display("whi.ledger.x2.chd") == "+17.4"
    assert results.display("whi.ledger.x2.hip") == "\u221210.2"


@pytest.mark.parametrize("value", [0, 0.05, 11, -1, math.inf, "2"])
def test_a_baseline_outside_its_range_is_refused(value):
    with pytest.raises(ValueError, match=r"baseline_factor must be a number from 0.1 to 10"):
        explore.whi_ledger(value)


# --------------------------------------------------------------------------- Lemaire 2004


def test_lemaire_inputs_reproduce_the_reference_ratios():
    pth = explore.lemaire_response(pth=1000)
    assert [round(pth.day60[c], 1) for c in explore.LEMAIRE_CELLS] == [5.2, 2.2, 4.0]
    assert [round(pth.steady[c], 3) for c in explore.LEMAIRE_CELLS] == [5.341, 2.311, 4.061]
    opg = explore.lemaire_response(opg=2e5)
    assert [round(opg.day60[c], 2) for c in explore.LEMAIRE_CELLS] == [0.1, 0.33, 0.07]
    both = explore.lemaire_response(pth=1000, opg=5e4)
    assert [round(both.steady[c], 3) for c in explore.LEMAIRE_CELLS] == [0.709, 0.842, 0.759]


def test_lemaire_without_input_stays_at_steady_state_and_ends_near_the_new_one():
    still = explore.lemaire_response()
    for cell in explore.LEMAIRE_CELLS:
        assert max(abs(v - 1) for v in still.curves[cell]) < 1e-8
    run = explore.lemaire_response(pth=1000)
    assert len(run.day) == 151 and run.day[-1] == 150
    for cell in explore.LEMAIRE_CELLS:
        assert run.curves[cell][0] == pytest.approx(1, abs=1e-12)
        assert run.curves[cell][-1] == pytest.approx(run.steady[cell], rel=2e-3)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"pth": -1}, r"pth must be a number from 0 to 10000 \(pM/day\), got -1"),
        ({"pth": 2e4}, r"pth must be a number from 0 to 10000"),
        ({"opg": -5}, r"opg must be a number from 0 to 1e\+06 \(pM/day\), got -5"),
        ({"opg": None}, r"opg must be a number"),
    ],
)
def test_a_lemaire_input_outside_its_range_is_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        explore.lemaire_response(**kwargs)


# --------------------------------------------------------------------------- the figures


@pytest.mark.parametrize("name", list(explorable.EXPLORABLES))
def test_each_figure_has_one_frame_per_setting_and_its_static_figure_is_the_default(name):
    figure = explorable.build(name)
    sizes = [len(c.texts) for c in figure.controls]
    assert len(figure.frames) == math.prod(sizes)
    for frame in figure.frames:
        assert len(frame["m"]) == len(figure.marks)
    before, after = explorable.render_html(figure, "xp-test")
    default = figure.frames[figure.default_index()]
    assert explorable.svg._fill(figure.live, default["v"]) in before.replace("&#x27;", "'")
    assert "{" not in explorable.svg._fill(figure.live, default["v"])
    for control in figure.controls:
        assert f'<label for="xp-test-{control.id}">' in before
        assert f'aria-valuetext="{control.texts[control.default]}"' in before
    assert 'aria-live="polite"' in before and 'role="img"' in before
    body = after.split(">", 1)[1].split("</script>", 1)[0]
    data = json.loads(body.replace("<\\/", "</"))
    assert len(data["frames"]) == len(figure.frames)
    assert data["frames"][figure.default_index()] == [default["m"], default["v"]]
    assert f'src="{explorable.STATIC}/explorable.js"' in after


@pytest.mark.parametrize("name", list(explorable.EXPLORABLES))
def test_each_figure_weighs_at_most_100_kb_compressed(name):
    before, after = explorable.render_html(explorable.build(name), "xp-test")
    assert len(gzip.compress((before + after).encode("utf-8"), 6)) < 100 * 1024


def test_the_cycle_summary_states_bonelab_values():
    figure = explorable.build("remodeling-cycle")
    index = explore.CYCLE_LIFESPAN_SETTINGS.index(20)
    text = explorable.svg._fill(figure.live, figure.frames[index]["v"])
    assert "lifespan changed by +20 %" in text
    assert "for 26 model days" in text and "falls to 88.3" in text
    assert "ends at 100.28, a balance of +0.28 units" in text


def test_an_unknown_figure_is_refused_by_name():
    with pytest.raises(ValueError, match=r"no explorable named 'cycle'; known: remodeling-cycle"):
        explorable.build("cycle")

"""The explorable figures in Chromium: keyboard, live summary, bonelab's values, offline, axe.

For each figure: moving its first control with the keyboard redraws the figure and rewrites
the live summary with the numbers bonelab computes for the new setting; the page asks no other
host and logs no error; axe finds no serious violation in either colour mode; with JavaScript
off, the static figure (the default setting), its summary and caption are there and the
controls are not; at phone width the figure fits and its words stay legible.
"""

from __future__ import annotations

import pytest
from browsing import PHONE, server, settle, site, watch  # noqa: F401 (fixtures)

from bonelab import explore
from bonelab.plot import number_label
from coursebook.browser import blocking_in_both_modes

PAGES = {
    "remodeling-cycle": "book/fundamentals/remodeling-cycle.html",
    "lifetime": "book/fundamentals/lifetime-of-bone.html",
    "whi-ledger": "book/intermediate/estrogen-alone-or-combined.html",
    "lemaire": "book/academic/modelling-remodeling.html",
}


def _expected_after_one_step_right(name: str) -> list[str]:
    """Words the summary must hold after the first control moves one step up, from bonelab."""
    if name == "remodeling-cycle":
        run = explore.remodeling_cycle(5)
        return [
            "lifespan changed by +5 %",
            f"ends at {100 + run.balance:.2f}",
            f"for {run.formation_days:.0f} days",
        ]
    if name == "lifetime":
        curve = explore.lifetime_curve(0.82, 51, 1.0)
        return [
            "BMD 0.82 g/cm²",
            f"reaches −1 at age {curve.crossings[-1.0]:.1f}",
            f"a T-score of {number_label(curve.t_after_decade, 2)}: {curve.class_after_decade}",
        ]
    if name == "whi-ledger":
        rows = explore.whi_ledger(1.5)
        return ["1.5× those"] + [
            f"{r.outcome} {'+' if r.difference > 0 else ''}{number_label(r.difference, 1)}"
            for r in rows
        ]
    if name == "lemaire":
        run = explore.lemaire_response(pth=2000, opg=0)
        return ["PTH input of 2000"] + [f"{run.day60[c]:.2f}" for c in explore.LEMAIRE_CELLS]
    raise AssertionError(name)


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    yield context
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_the_keyboard_moves_the_figure_and_the_summary_to_bonelabs_values(context, server, name):
    page = context.new_page()
    visit = watch(page, server.url)
    page.goto(server.url + PAGES[name], wait_until="load")
    box = page.locator(f"#xp-{name}")
    box.locator(".xp-controls").wait_for(state="visible")
    live = box.locator(".xp-live")
    before_text = live.inner_text()
    marks = box.locator("svg [data-mark]")
    before_marks = marks.evaluate_all(
        "els => els.map(e => e.getAttribute('d') || e.getAttribute('width') || e.textContent)"
    )
    control = box.locator(".xp-controls input[type=range]").first
    start = int(control.input_value())
    control.focus()
    page.keyboard.press("ArrowRight")
    assert int(control.input_value()) == start + 1
    after_text = live.inner_text()
    assert after_text != before_text
    for words in _expected_after_one_step_right(name):
        assert words in after_text, f"{words!r} not in {after_text!r}"
    after_marks = marks.evaluate_all(
        "els => els.map(e => e.getAttribute('d') || e.getAttribute('width') || e.textContent)"
    )
    assert after_marks != before_marks
    output = box.locator(f"output[for='{control.get_attribute('id')}']").inner_text()
    assert output == control.get_attribute("aria-valuetext") and output
    label = box.locator(f"label[for='{control.get_attribute('id')}']").inner_text()
    assert label.strip()
    assert live.get_attribute("aria-live") == "polite"
    page.keyboard.press("ArrowLeft")
    assert live.inner_text() == before_text
    assert visit.problems() == []
    page.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_the_figure_is_axe_clean_in_light_and_dark(context, server, name):
    page = context.new_page()
    page.goto(server.url + PAGES[name], wait_until="load")
    settle(page)
    page.locator(f"#xp-{name} .xp-controls").wait_for(state="visible")
    page.focus(f"#xp-{name} .xp-controls input")
    page.keyboard.press("ArrowRight")
    report = blocking_in_both_modes(page)
    page.close()
    assert not report, report


@pytest.mark.parametrize("name", list(PAGES))
def test_without_javascript_the_static_figure_is_there(browser, server, name):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + PAGES[name], wait_until="load")
    box = page.locator(f"#xp-{name}")
    assert box.locator(".xp-controls").is_hidden()
    svg = box.locator("svg.xp-svg[role=img]")
    assert svg.is_visible() and svg.bounding_box()["height"] > 150
    title_id, live_id = svg.get_attribute("aria-labelledby").split()
    assert box.locator(f"#{title_id}").count() == 1
    summary = box.locator(f"#{live_id}").inner_text()
    assert len(summary) > 80 and "{" not in summary
    assert box.locator(".xp-notes").inner_text().strip()
    assert box.locator("svg [data-mark]:visible").count() > 0
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_at_phone_width_the_figure_fits_and_its_words_stay_legible(browser, server, name):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(server.url + PAGES[name], wait_until="load")
    box = page.locator(f"#xp-{name}")
    box.locator(".xp-controls").wait_for(state="visible")
    svg = box.locator("svg.xp-svg").bounding_box()
    assert svg["x"] >= 0 and svg["x"] + svg["width"] <= PHONE["width"]
    heights = box.locator("svg text:visible").evaluate_all(
        "els => els.map(e => parseFloat(getComputedStyle(e).fontSize) * "
        "e.ownerSVGElement.getBoundingClientRect().width / e.ownerSVGElement.viewBox.baseVal.width)"
    )
    assert heights and min(heights) >= 11, min(heights)
    slider = box.locator("input[type=range]").first.bounding_box()
    assert slider["height"] >= 24
    context.close()

"""bonelab.tables: the markup every notebook table is shown with, exactly, and its refusals."""

import re

import pandas as pd
import pytest

from bonelab.data import load
from bonelab.tables import Table, format_number, table


def test_a_declared_table_gets_caption_scope_units_and_the_chapters_numbers():
    arms = load("whi_ep_arms")
    shown = table(
        arms,
        "Women with a fracture in the two arms",
        columns=["randomized", "percent_with_fracture", "hip_bmd_change_3y_pct"],
        row_header="arm",
        labels={"hip_bmd_change_3y_pct": "hip BMD change at 3 years"},
        formats={"percent_with_fracture": 1},
    )
    assert shown.html == (
        '<table class="dataframe bonelab-table">\n'
        "  <caption>Women with a fracture in the two arms</caption>\n"
        '  <thead><tr><th scope="col">arm</th><th scope="col">randomized (women)</th>'
        '<th scope="col">percent with fracture (%)</th>'
        '<th scope="col">hip BMD change at 3 years (%)</th></tr></thead>\n'
        "  <tbody>\n"
        '    <tr><th scope="row">estrogen plus progestin</th><td>8\u00a0506</td><td>8.6</td>'
        "<td>3.7</td></tr>\n"
        '    <tr><th scope="row">placebo</th><td>8\u00a0102</td><td>11.1</td>'
        "<td>0.14</td></tr>\n"
        "  </tbody>\n"
        "</table>"
    )
    assert shown._repr_html_() == shown.html
    assert str(shown).splitlines()[0] == "Women with a fracture in the two arms"
    assert str(shown).splitlines()[1].split() == (
        "arm randomized (women) percent with fracture (%) hip BMD change at 3 years (%)".split()
    )
    assert "8 506" in repr(shown) and "\u00a0" not in repr(shown)


def test_the_values_are_those_load_returned():
    arms = load("whi_ep_arms")
    before = arms.copy()
    table(arms, "Arms", formats={"percent_with_fracture": 0})
    pd.testing.assert_frame_equal(arms, before)


def test_no_style_no_ids_no_colours_and_every_header_has_scope():
    frame = load("fracture_hr")
    markup = table(frame, "Every hazard ratio").html
    assert "<style" not in markup and " id=" not in markup and "style=" not in markup
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgb\(", markup)
    headers = re.findall(r"<th\b[^>]*>", markup)
    assert len(headers) == len(frame.columns)
    assert set(headers) == {'<th scope="col">'}


def test_an_index_becomes_the_row_header():
    facts = load("remodeling_facts").set_index("quantity")
    markup = table(facts.loc[["resorption phase"]], "Phases", columns=["low", "unit"]).html
    assert (
        '<th scope="col">quantity</th><th scope="col">low</th><th scope="col">unit</th>' in markup
    )
    # "low" is declared with the unit "see unit column": no unit is added to its header.
    assert '<th scope="col">women (women)</th>' not in table(load("cochrane_fractures"), "C").html
    assert '<th scope="col">estimate</th>' in table(load("fracture_hr"), "H").html
    assert '<tr><th scope="row">resorption phase</th><td>3</td><td>weeks</td></tr>' in markup


def test_computed_columns_take_units_and_text_is_escaped():
    frame = pd.DataFrame({"arm": ["A & B", "<C>"], "change": [-1.234, 0.5]})
    shown = table(frame, "Change < 0?", units={"change": "percent per year"}, formats={"change": 2})
    assert "<caption>Change &lt; 0?</caption>" in shown.html
    assert '<th scope="col">change (% per year)</th>' in shown.html
    assert "<tr><td>A &amp; B</td><td>\u22121.23</td></tr>" in shown.html
    assert "<tr><td>&lt;C&gt;</td><td>0.50</td></tr>" in shown.html
    assert isinstance(shown, Table)


@pytest.mark.parametrize(
    "value, decimals, text",
    [
        (-1.7, None, "\u22121.7"),
        (7.38, None, "7.38"),
        (16608, None, "16\u00a0608"),
        (1058, None, "1\u00a0058"),
        (12345.678, 1, "12\u00a0345.7"),
        (0.76, 2, "0.76"),
        (3, 1, "3.0"),
        (-0.004, 2, "0.00"),
        (float("nan"), 2, "—"),
        (None, None, "—"),
        ("cauley2003", 2, "cauley2003"),
    ],
)
def test_numbers_are_written_as_the_chapters_write_them(value, decimals, text):
    assert format_number(value, decimals) == text


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"caption": ""}, "caption must be a non-empty"),
        ({"caption": "  "}, "caption must be a non-empty"),
        ({"columns": ["nope"]}, "columns names columns the table does not show: ['nope']"),
        ({"columns": "randomized"}, "columns must be a list"),
        ({"row_header": "nope"}, "row_header names columns"),
        ({"labels": {"nope": "x"}}, "labels names columns"),
        ({"units": {"nope": "x"}}, "units names columns"),
        ({"formats": {"nope": 1}}, "formats names columns"),
        ({"formats": {"randomized": -1}}, "formats['randomized']: decimals must be"),
        ({"formats": {"randomized": 1.5}}, "formats['randomized']: decimals must be"),
        ({"columns": ["randomized"], "row_header": "arms"}, "row_header names columns"),
        ({"labels": {"note": "source"}}, "labels gives two columns the same header ['source']"),
    ],
)
def test_bad_arguments_are_refused_naming_the_argument(kwargs, message):
    arguments = {"caption": "Arms", **kwargs}
    with pytest.raises(ValueError, match=re.escape(message)):
        table(load("whi_ep_arms"), **arguments)


def test_row_numbers_are_not_shown_but_a_named_index_is():
    arms = load("whi_ep_arms")
    filtered = arms[arms.arm == "placebo"]  # index [1]: what is left of the row numbering
    assert (
        "<tr><td>placebo</td><td>8\u00a0102</td></tr>"
        in table(filtered, "Placebo", columns=["arm", "randomized"]).html
    )
    named = filtered.rename_axis("row")
    assert '<th scope="row">1</th>' in table(named, "Placebo", columns=["randomized"]).html


def test_an_unnamed_index_and_other_frames_are_refused():
    with pytest.raises(ValueError, match="index without a name"):
        table(pd.DataFrame({"a": [1]}, index=["x"]), "A")
    with pytest.raises(ValueError, match="frame must be a pandas DataFrame"):
        table([[1, 2]], "A")
    with pytest.raises(ValueError, match="one level of column names"):
        table(
            pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([("a", "b"), ("a", "c")])), "A"
        )

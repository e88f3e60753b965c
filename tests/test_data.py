"""bonelab.data: every real table loads, and every kind of damage is caught and located."""

import csv
from pathlib import Path

import pandas as pd
import pytest

from bonelab import data
from bonelab.data import DataError, load, sources, tables

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
BIBLIOGRAPHY = ROOT / "references.bib"


def test_every_csv_is_declared_and_every_declared_table_exists():
    on_disk = {p.stem for p in DATA.glob("*.csv")}
    assert on_disk == set(tables())


@pytest.mark.parametrize("name", tables())
def test_table_loads_completely(name):
    frame = load(name, bibliography=BIBLIOGRAPHY)
    path = DATA / f"{name}.csv"
    # Nothing dropped: one DataFrame row per data line of the file (no table has quoted newlines).
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    assert len(frame) == len(lines) > 0
    # Sourced (load itself refuses a source that is not a bibliography key; the claims
    # register's label rows have none of their own).
    assert frame["source"].notna().any()
    if "note" in frame:
        assert frame["note"].str.len().min() > 0
    assert frame.attrs["title"]


@pytest.mark.parametrize("name", tables())
def test_sources_lists_each_cited_key_once_in_order(name):
    with open(DATA / f"{name}.csv", encoding="utf-8-sig", newline="") as handle:
        cells = [row.get("source") or "" for row in csv.DictReader(handle)]
    cited = {key.strip() for cell in cells for key in cell.split(";") if key.strip()}
    assert cited and sources(name) == sorted(cited)


def test_values_from_the_evidence_base():
    arms = load("whi_ep_arms").set_index("arm")
    assert arms.loc["estrogen plus progestin", "women_with_fracture"] == 733
    assert arms.loc["placebo", "percent_with_fracture"] == 11.1
    outcomes = load("whi_2002_outcomes").set_index("outcome")
    assert outcomes.loc["pulmonary embolism", ["rate_placebo", "rate_ep"]].tolist() == [8, 16]
    assert pd.isna(outcomes.loc["total fractures", "rate_ep"])  # kept, not dropped
    meta = load("meta_analyses").set_index("meta_analysis")
    assert meta.loc["EPT vs ET", ["estimate", "ci_low", "ci_high", "i2_pct"]].tolist() == [
        0.68,
        0.38,
        0.97,
        81,
    ]
    assert load("progestogen_trials")["n"].dtype == "Int64"


def test_every_table_cites_only_bibliography_keys():
    assert set(data.check_tables(BIBLIOGRAPHY)) == set(tables())


def test_describe_gives_units():
    columns = data.describe("whi_2002_outcomes").set_index("column")
    assert columns.loc["rate_ep", "unit"] == "per 10 000 woman-years"


def test_unknown_table_is_a_value_error():
    with pytest.raises(ValueError, match="no table named 'pepi'.*Known tables: whi_ep_arms"):
        load("pepi")


def test_a_misspelt_table_name_gets_the_closest_suggested():
    with pytest.raises(ValueError, match="did you mean 'whi_ep_arms'"):
        load("whi_ep_arm")


def test_a_table_s_file_name_names_it_too():
    assert load("whi_ep_arms.csv").equals(load("whi_ep_arms"))


# --- Malformed copies of real tables -------------------------------------------------------


# data_copy (tests/conftest.py): a copy of data/ with references.bib beside it, to damage one
# file at a time.


def _rewrite(path: Path, edit) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(edit(lines)), encoding="utf-8")


def _replace_cell(lines, line_no, column, value):
    header = lines[0].rstrip("\n").split(",")
    import csv
    import io

    row = next(csv.reader([lines[line_no - 1]]))
    row[header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(row)
    lines[line_no - 1] = out.getvalue()
    return lines


CASES = [
    # (id, table, edit(lines) -> lines, expected line, row, column, message fragment)
    (
        "missing column",
        "whi_ep_arms",
        lambda ls: [",".join(line.split(",")[:1] + line.split(",")[2:]) for line in ls],
        1,
        None,
        "randomized",
        "missing 'randomized'",
    ),
    (
        "extra column",
        "dmpa_bmd",
        lambda ls: (
            [ls[0].rstrip("\n") + ",extra\n"] + [line.rstrip("\n") + ",x\n" for line in ls[1:]]
        ),
        1,
        None,
        "extra",
        "not declared 'extra'",
    ),
    (
        "text in a number column",
        "pepi_bmd",
        lambda ls: _replace_cell(ls, 4, "change_pct", "n/a"),
        4,
        3,
        "change_pct",
        "should be a number, got 'n/a'",
    ),
    (
        "decimal in an integer column",
        "whi_ep_arms",
        lambda ls: _replace_cell(ls, 2, "randomized", "8506.5"),
        2,
        1,
        "randomized",
        "should be a whole number",
    ),
    (
        "value out of range",
        "whi_ep_arms",
        lambda ls: _replace_cell(ls, 3, "percent_with_fracture", "111"),
        3,
        2,
        "percent_with_fracture",
        "above the allowed maximum 100",
    ),
    (
        "value not allowed",
        "pepi_followup",
        lambda ls: _replace_cell(ls, 5, "site", "wrist"),
        5,
        4,
        "site",
        "not one of the allowed values",
    ),
    (
        "interval inverted",
        "fracture_hr",
        lambda ls: _replace_cell(_replace_cell(ls, 3, "ci_low", "0.94"), 3, "ci_high", "0.45"),
        3,
        2,
        "ci_low",
        "interval is inverted",
    ),
    (
        "estimate outside its interval",
        "whi_2002_outcomes",
        lambda ls: _replace_cell(ls, 6, "hr", "3.1"),
        6,
        5,
        "hr",
        "lies above its upper bound",
    ),
    (
        "unknown source key",
        "cochrane_fractures",
        lambda ls: _replace_cell(ls, 3, "source", "lobo2017"),
        3,
        2,
        "source",
        "'lobo2017' is not a key in references.bib",
    ),
    (
        "missing required value",
        "ovulation_bmd",
        lambda ls: _replace_cell(ls, 2, "note", ""),
        2,
        1,
        "note",
        "is empty but the column is required",
    ),
    ("empty file", "bmd_reference", lambda ls: [], 1, None, None, "the file is empty"),
    ("header only", "bmd_reference", lambda ls: ls[:1], 2, None, None, "header but no data rows"),
    (
        "duplicated header",
        "pepi_followup",
        lambda ls: ls[:3] + ls[:1] + ls[3:],
        4,
        3,
        None,
        "header is repeated",
    ),
    (
        "stray blank line",
        "progestogen_trials",
        lambda ls: ls[:5] + ["\n"] + ls[5:],
        6,
        5,
        None,
        "blank line",
    ),
    (
        "too many fields",
        "dmpa_bmd",
        lambda ls: ls[:2] + [ls[2].rstrip("\n") + ",surplus\n"],
        3,
        2,
        "note",
        "has 6 fields but the table has 5",
    ),
    (
        "too few fields",
        "dmpa_bmd",
        lambda ls: ls[:2] + [",".join(ls[2].split(",")[:3]) + "\n"],
        3,
        2,
        "source",
        "has 3 fields",
    ),
    (
        "spaces around a value",
        "pepi_followup",
        lambda ls: _replace_cell(ls, 2, "site", " hip"),
        2,
        1,
        "site",
        "leading or trailing spaces",
    ),
    (
        "non-finite number",
        "dmpa_bmd",
        lambda ls: _replace_cell(ls, 2, "change_pct_per_year", "nan"),
        2,
        1,
        "change_pct_per_year",
        "finite number",
    ),
]


@pytest.mark.parametrize(
    ("table", "edit", "line", "row", "column", "message"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_malformed_table_is_located(data_copy, table, edit, line, row, column, message):
    path = data_copy / f"{table}.csv"
    _rewrite(path, edit)
    with pytest.raises(DataError) as caught:
        load(table, data_dir=data_copy, bibliography=data_copy.parent / "references.bib")
    err = caught.value
    assert err.path == path
    assert message in str(err)
    assert str(path) in str(err)
    assert err.line == line and f"line {line}" in str(err)
    assert err.row == row
    if row is not None:
        assert f"row {row}" in str(err)
    assert err.column == column
    if column is not None:
        assert f"column '{column}'" in str(err)


def test_wrong_encoding_is_located(data_copy):
    path = data_copy / "pepi_followup.csv"
    raw = path.read_bytes().replace(b"As above", "Wie oben \u00e4".encode("latin-1"), 1)
    path.write_bytes(raw)
    with pytest.raises(DataError, match=r"line 3, row 2: is not valid UTF-8 \(byte 0xe4\)"):
        load("pepi_followup", data_dir=data_copy)


def test_missing_file(data_copy):
    (data_copy / "dmpa_bmd.csv").unlink()
    with pytest.raises(DataError, match=r"dmpa_bmd\.csv: the file for table 'dmpa_bmd' is missing"):
        load("dmpa_bmd", data_dir=data_copy)


def test_missing_bibliography(data_copy):
    (data_copy.parent / "references.bib").unlink()
    with pytest.raises(DataError, match="the bibliography that the data cites is missing"):
        load("dmpa_bmd", data_dir=data_copy, bibliography=data_copy.parent / "references.bib")
    # Without a bibliography to check against (an installed bonelab has none), the table loads.
    assert len(load("dmpa_bmd", data_dir=data_copy)) == 2


def test_reordered_columns(data_copy):
    path = data_copy / "dmpa_bmd.csv"
    _rewrite(path, lambda ls: ["site,group" + ls[0][len("group,site") :]] + ls[1:])
    with pytest.raises(DataError, match="same names in another order"):
        load("dmpa_bmd", data_dir=data_copy)


def test_byte_order_mark_is_accepted(data_copy):
    path = data_copy / "dmpa_bmd.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(load("dmpa_bmd", data_dir=data_copy)) == 2

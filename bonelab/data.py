"""Load the course's data tables, checked against their descriptor.

Every table in ``data/`` is declared in ``data/datapackage.json`` (a Frictionless-style data
package): its title, what it holds, and for every column the type, unit and allowed values.
:func:`load` reads a table and checks it cell by cell against that declaration. Anything wrong
raises :class:`DataError` naming the file, the line, the row and the column, so a typo in a CSV
can never turn into a silently dropped or coerced row. The checks themselves, header and rows
against the declaration, are :mod:`bonelab.validation`; this module finds and reads the tables.

>>> from bonelab.data import load, sources
>>> arms = load("whi_ep_arms")
>>> arms["women_with_fracture"].tolist()
[733, 896]
>>> sources("whi_ep_arms")
['cauley2003']
"""

from __future__ import annotations

import csv
import difflib
import importlib.resources
import io
import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from bonelab.validation import RowProblem, _Field, check_header, check_row, source_keys

__all__ = [
    "DataError",
    "load",
    "sources",
    "source_keys",
    "tables",
    "describe",
    "default_data_dir",
    "check_tables",
]

DESCRIPTOR = "datapackage.json"


class DataError(ValueError):
    """A data file does not match its declaration.

    Attributes ``path``, ``line`` (1-based line in the file, the header being line 1), ``row``
    (1-based data row) and ``column`` say where; any of them is ``None`` when the problem is not
    tied to one place (a missing file has no row).
    """

    def __init__(
        self,
        path: Path | str,
        problem: str,
        *,
        line: int | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.problem = problem
        self.line = line
        self.row = row
        self.column = column
        where = [str(self.path)]
        if line is not None:
            where.append(f"line {line}")
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {problem}")


def default_data_dir() -> Path:
    """Where the tables live: ``$BONELAB_DATA`` if set, else the tables installed with bonelab.

    The tables are package data, ``bonelab.datafiles`` (the repository's ``data/`` folder, which
    pyproject.toml maps into the package), read with :mod:`importlib.resources`: the same
    whether bonelab was installed from a wheel, from the repository, or in editable mode, and
    whatever the working folder. Imported straight from a folder without being installed
    (``python -m bonelab check`` run in the course's folder), bonelab reads the ``data/`` folder
    beside it.
    """
    override = os.environ.get("BONELAB_DATA")
    if override:
        return Path(override)
    try:
        tables = importlib.resources.files("bonelab.datafiles")
    except ModuleNotFoundError:  # not installed: a checkout or the download, used in place
        return Path(__file__).resolve().parent.parent / "data"
    return Path(str(tables))


def _resolve(data_dir: Path | str | None) -> Path:
    return Path(data_dir) if data_dir is not None else default_data_dir()


@lru_cache(maxsize=8)
def _descriptor_cached(path: Path, mtime: float) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise DataError(
            path, f"the descriptor is not valid JSON ({err.msg})", line=err.lineno
        ) from None


def _descriptor(data_dir: Path) -> dict[str, Any]:
    path = data_dir / DESCRIPTOR
    if not path.is_file():
        raise DataError(path, "the data descriptor is missing")
    return _descriptor_cached(path, path.stat().st_mtime)


def _resource(data_dir: Path, name: str) -> dict[str, Any]:
    # A table's file name ("whi_ep_arms.csv") names it as well as its name does.
    for resource in _descriptor(data_dir)["resources"]:
        if name in (resource["name"], resource["path"]):
            return resource
    known = tables(data_dir)
    close = difflib.get_close_matches(name.removesuffix(".csv"), known, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise ValueError(
        f"no table named {name!r} in {data_dir / DESCRIPTOR}{hint} Known tables: {', '.join(known)}"
    )


def tables(data_dir: Path | str | None = None) -> list[str]:
    """Names of every declared table, in the descriptor's order."""
    return [r["name"] for r in _descriptor(_resolve(data_dir))["resources"]]


_BIB_KEY = re.compile(r"^\s*@\s*\w+\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


def _bibliography_keys(bibliography: Path) -> frozenset[str]:
    if not bibliography.is_file():
        raise DataError(bibliography, "the bibliography that the data cites is missing")
    return _bibliography_keys_cached(bibliography, bibliography.stat().st_mtime)


@lru_cache(maxsize=4)
def _bibliography_keys_cached(path: Path, mtime: float) -> frozenset[str]:
    return frozenset(_BIB_KEY.findall(path.read_text(encoding="utf-8")))


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError(
            path,
            f"is not valid UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8",
            line=line,
            row=line - 1 if line > 1 else None,
        ) from None


def load(
    name: str, data_dir: Path | str | None = None, *, bibliography: Path | str | None = None
) -> pd.DataFrame:
    """Load one table, checked against the descriptor, as a DataFrame.

    Parameters
    ----------
    name
        The table's name in ``data/datapackage.json`` (see :func:`tables`), or its file name.
    data_dir
        Folder holding the CSV files and the descriptor; defaults to :func:`default_data_dir`.
    bibliography
        A BibTeX file (the repository's ``references.bib``): when given, every source key must
        be one of its entries. The tests and the book's build check this; an installed bonelab
        has no bibliography, and loading does not need one.

    Returns
    -------
    pandas.DataFrame
        One row per data row of the file, in file order, with the declared columns. Integer
        columns use the nullable ``Int64`` type; empty optional cells are missing values.
        ``df.attrs`` holds the table's ``title``, ``description``, ``units`` and ``path``.

    Raises
    ------
    DataError
        If the file is missing, unreadable, or any cell breaks the declaration: wrong columns,
        a cell that does not parse or lies outside its range, an interval whose estimate lies
        outside its bounds, a blank line, a row with too many or too few fields, or a source
        key that is not in ``bibliography`` (when given). The message names the file, line,
        row and column.
    ValueError
        If ``name`` is not a declared table.
    """
    data_dir = _resolve(data_dir)
    resource = _resource(data_dir, name)
    path = data_dir / resource["path"]
    if not path.is_file():
        raise DataError(path, f"the file for table {name!r} is missing")
    fields = [_Field.from_spec(f) for f in resource["schema"]["fields"]]
    declared = [f.name for f in fields]

    text = _read_text(path)
    if not text.strip():
        raise DataError(path, "the file is empty; expected a header line and data rows", line=1)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as err:
        raise DataError(path, f"the header line is not valid CSV ({err})", line=1) from None
    header[0] = header[0].lstrip("\ufeff")  # a byte-order mark is not part of the first name
    try:
        check_header(header, declared)
    except RowProblem as problem:
        raise DataError(path, problem.problem, line=1, column=problem.column) from None

    bib_keys = _bibliography_keys(Path(bibliography)) if bibliography is not None else None
    records: list[list[Any]] = []
    start_line = 2
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            raise DataError(path, f"is not valid CSV ({err})", line=reader.line_num) from None
        end_line = reader.line_num
        row = len(records) + 1
        try:
            values = check_row(
                cells,
                header,
                fields,
                resource["schema"].get("intervals", []),
                bib_keys,
                Path(bibliography).name if bibliography is not None else "",
            )
        except RowProblem as problem:
            raise DataError(
                path, problem.problem, line=start_line, row=row, column=problem.column
            ) from None
        records.append(values)
        start_line = end_line + 1

    if not records:
        raise DataError(path, "has a header but no data rows", line=2)

    frame = pd.DataFrame(records, columns=declared)
    for field in fields:
        frame[field.name] = frame[field.name].astype(field.dtype)
    frame.attrs.update(
        title=resource.get("title", name),
        description=resource.get("description", ""),
        units={f["name"]: f["unit"] for f in resource["schema"]["fields"] if "unit" in f},
        path=str(path),
    )
    return frame


def check_tables(bibliography: Path | str, data_dir: Path | str | None = None) -> dict[str, int]:
    """Load every table, checking its source keys against ``bibliography``: rows per table.

    The tests and the book's build run this on the repository; it raises the first
    :class:`DataError` found.
    """
    return {name: len(load(name, data_dir, bibliography=bibliography)) for name in tables(data_dir)}


def sources(name: str, data_dir: Path | str | None = None) -> list[str]:
    """The citation keys behind a table, sorted (every row has been checked on the way)."""
    return sorted({k for cell in load(name, data_dir)["source"] for k in source_keys(cell)})


def describe(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """One row per column of a table: name, type, unit and description."""
    resource = _resource(_resolve(data_dir), name)
    rows = [
        {
            "column": f["name"],
            "type": f.get("type", "string"),
            "unit": f.get("unit", ""),
            "description": f.get("description", ""),
        }
        for f in resource["schema"]["fields"]
    ]
    return pd.DataFrame(rows)

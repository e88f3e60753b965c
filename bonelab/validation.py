"""The checks a table's rows pass against its declaration in ``data/datapackage.json``.

The header names the declared columns in order; each cell parses as its column's type within
its constraints (required, minimum, maximum, pattern, allowed values); each row has one cell per
column, cites known sources, and keeps every declared interval's estimate within its bounds.
A failed check raises :class:`RowProblem`, which says what is wrong and in which column;
:func:`bonelab.data.load`, which knows the file, line and row, raises it as a
:class:`~bonelab.data.DataError`, the one error a learner meets.

Hand-written: a Frictionless validator (frictionless-py) checks the standard constraints but
not the descriptor's two additions, intervals and source keys, and it would be a further
dependency of the learners' package, which needs only numpy, pandas, scipy and matplotlib.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


class RowProblem(ValueError):
    """What is wrong with a header or a row, and in which column (``None``: the whole row)."""

    def __init__(self, problem: str, column: str | None = None) -> None:
        self.problem = problem
        self.column = column
        super().__init__(problem)


@dataclass(frozen=True)
class _Field:
    name: str
    type: str
    required: bool
    minimum: float | None
    maximum: float | None
    enum: tuple[str, ...] | None
    pattern: str | None = None

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> _Field:
        c = spec.get("constraints", {})
        enum = c.get("enum")
        return cls(
            spec["name"],
            spec.get("type", "string"),
            bool(c.get("required", False)),
            c.get("minimum"),
            c.get("maximum"),
            tuple(enum) if enum is not None else None,
            c.get("pattern"),
        )

    def parse(self, text: str) -> Any:
        """The cell's value, or raise ValueError with what is wrong (without the location)."""
        if text.strip() != text:
            raise ValueError(f"has leading or trailing spaces: {text!r}")
        if text == "":
            if self.required:
                raise ValueError("is empty but the column is required")
            return None
        if self.type == "integer":
            if not re.fullmatch(r"[+-]?\d+", text):
                raise ValueError(f"should be a whole number, got {text!r}")
            value: Any = int(text)
        elif self.type == "number":
            try:
                value = float(text)
            except ValueError:
                raise ValueError(f"should be a number, got {text!r}") from None
            if not math.isfinite(value):
                raise ValueError(f"should be a finite number, got {text!r}")
        elif self.type == "string":
            value = text
        else:  # a descriptor error, not a data error
            raise ValueError(f"has an unknown declared type {self.type!r}")
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"value {text} is below the allowed minimum {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"value {text} is above the allowed maximum {self.maximum}")
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
            raise ValueError(f"value {text!r} does not match the pattern {self.pattern}")
        if self.enum is not None and value not in self.enum:
            allowed = ", ".join(repr(v) for v in self.enum)
            raise ValueError(f"value {text!r} is not one of the allowed values ({allowed})")
        return value

    @property
    def dtype(self) -> str:
        # Nullable integers keep whole numbers whole even when a cell is empty.
        return {"integer": "Int64", "number": "float64"}.get(self.type, "object")


def check_header(header: list[str], declared: list[str]) -> None:
    """RowProblem unless the header names the declared columns, in order."""
    if header != declared:
        missing = [c for c in declared if c not in header]
        extra = [c for c in header if c not in declared]
        detail = []
        if missing:
            detail.append("missing " + ", ".join(repr(c) for c in missing))
        if extra:
            detail.append("not declared " + ", ".join(repr(c) for c in extra))
        if not detail:
            detail.append("same names in another order")
        column = (missing or extra or [None])[0]
        raise RowProblem(
            f"the columns do not match the descriptor ({'; '.join(detail)}); "
            f"expected {', '.join(declared)}",
            column,
        )


def check_row(
    cells: list[str],
    header: list[str],
    fields: Sequence[_Field],
    intervals: Sequence[dict[str, str]],
    bib_keys: frozenset[str] | None,
    bibliography_name: str = "",
) -> list[Any]:
    """The row's values, parsed by their declared columns, or RowProblem naming what is wrong.

    ``bib_keys``: the bibliography's keys that every source must be one of (``None``: not
    checked), in the file called ``bibliography_name``.
    """
    declared = [f.name for f in fields]
    if not cells or all(c.strip() == "" for c in cells):
        raise RowProblem("blank line inside the table; remove it")
    if cells == header:
        raise RowProblem("the header is repeated as a data row")
    if len(cells) != len(declared):
        raise RowProblem(
            f"has {len(cells)} fields but the table has {len(declared)} columns",
            declared[-1] if len(cells) > len(declared) else declared[len(cells)],
        )
    values = []
    for field, cell in zip(fields, cells):
        try:
            values.append(field.parse(cell))
        except ValueError as err:
            raise RowProblem(str(err), field.name) from None
    by_name = dict(zip(declared, values))
    # A source names one key, or several separated by ";"; an optional source column (the
    # claims register's label rows) may be empty.
    keys = source_keys(by_name["source"]) if bib_keys is not None else []
    unknown = [k for k in keys if k not in bib_keys]
    if unknown:
        raise RowProblem(f"source {unknown[0]!r} is not a key in {bibliography_name}", "source")
    for interval in intervals:
        est, low, high = (by_name[interval[k]] for k in ("estimate", "low", "high"))
        if low is not None and high is not None and low > high:
            raise RowProblem(
                f"interval is inverted: {interval['low']} {low} > {interval['high']} {high}",
                interval["low"],
            )
        if est is not None and low is not None and est < low:
            raise RowProblem(
                f"estimate {est} lies below its lower bound {low}", interval["estimate"]
            )
        if est is not None and high is not None and est > high:
            raise RowProblem(
                f"estimate {est} lies above its upper bound {high}", interval["estimate"]
            )
    return values


def source_keys(cell: str | None) -> list[str]:
    """The citation keys in one ``source`` cell: one key, or several separated by ``;``."""
    if cell is None or cell != cell:  # empty, or a missing value in a loaded frame
        return []
    return [key.strip() for key in str(cell).split(";") if key.strip()]

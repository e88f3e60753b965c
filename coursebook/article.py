"""The page that presents the source article, rendered from its two tables.

- ``{article-claims} TIER``: the article's claims of one tier (``data/article_claims.csv``), each
  with the course's verdict, the label of the register row that grades it, the sources the
  verdict rests on and the chapter that examines it.
- ``{article-references}``: the article's reference list as printed, each entry with what the
  course found when it checked it (``data/article_references.csv``).

Each claim, verdict and correction is written once, in its table; the page only arranges them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from coursebook.evidence import _escape


def _table(directive: SphinxDirective, name: str) -> Any:
    from bonelab.data import load

    data_dir = Path(directive.env.srcdir) / "data"
    directive.env.note_dependency(str(data_dir / f"{name}.csv"))
    return load(name, data_dir)


def _cite(cell: Any) -> str:
    from bonelab.data import source_keys

    keys = source_keys(cell)
    return f" {{cite:p}}`{','.join(keys)}`" if keys else ""


def _parse(
    directive: SphinxDirective, lines: list[str], source: str, classes: str
) -> list[nodes.Node]:
    box = nodes.container(classes=[classes])
    directive.state.nested_parse(StringList(lines, source=source), directive.content_offset, box)
    return [box]


class ArticleClaims(SphinxDirective):
    """One tier's claims, numbered, each a link target ``article-claim-<id>``."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        frame = _table(self, "article_claims")
        tier = self.arguments[0].strip()
        rows = frame[frame["tier"] == tier]
        if rows.empty:
            raise self.error(f"no claim of tier {tier!r} in data/article_claims.csv")
        lines: list[str] = []
        for number, (_, row) in enumerate(rows.iterrows(), 1):
            label = (
                f"{{evidence-label}}`{row['label_id']}`. "
                if isinstance(row["label_id"], str)
                else ""
            )
            verdict = _escape(row["verdict"]).rstrip(".") + _cite(row["source"]) + "."
            if isinstance(row["examined_in"], str):
                doc, _, anchor = row["examined_in"].partition("#")
                where = f"Examined in {{doc}}`/{doc}`" + (
                    f", {{ref}}`{anchor}`." if anchor else "."
                )
            else:
                where = "Not examined in the course."
            lines += [
                f"{number}. (article-claim-{row['id']})=",
                f"   **{_escape(row['claim'])}**",
                "",
                f"   *Verdict:* {label}{verdict} {where}",
                "",
            ]
        return _parse(self, lines, "data/article_claims.csv", "article-claims")


class ArticleReferences(SphinxDirective):
    """The reference list as printed, in its order, each a link target ``article-ref-<n>``."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        frame = _table(self, "article_references")
        lines: list[str] = []
        for _, row in frame.iterrows():
            cites = _cite(row["source"])
            course = f" The course cites:{cites}." if cites else ""
            lines += [
                f"{row['position']}. (article-ref-{row['position']})=",
                f"   {_escape(row['as_printed'])}",
                "",
                f"   *Checked:* **{_escape(row['status'])}.** {_escape(row['correction'])}{course}",
                "",
            ]
        return _parse(self, lines, "data/article_references.csv", "article-references")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("article-claims", ArticleClaims)
    app.add_directive("article-references", ArticleReferences)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}

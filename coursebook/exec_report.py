"""The build report (``{nb-exec-table}``, book/execution-statistics.md) in words, not emoji.

myst-nb writes each notebook's status as "✅" or "❌", which a reader sees only with an emoji
font and a screen reader reads as "check mark button". This post-transform, run right after
myst-nb's table is made, writes "ran" or "failed" instead. Hand-written because myst-nb has no
setting for it.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

STATUS_WORDS = {"✅": "ran", "❌": "failed"}


class ExecutionStatusInWords(SphinxPostTransform):
    """Replace the emoji statuses of the execution statistics table with words."""

    # myst-nb builds the table at priority 8; this runs after it.
    default_priority = 9
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for table in self.document.findall(nodes.table):
            header = [entry.astext().strip() for entry in table.findall(nodes.entry)][:5]
            if header[:1] != ["Document"] or "Status" not in header:
                continue
            for text in list(table.findall(nodes.Text)):
                word = STATUS_WORDS.get(str(text).strip())
                if word:
                    text.parent.replace(text, nodes.Text(word))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_post_transform(ExecutionStatusInWords)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""What the course's directives share: the chapters of the book being built, as dependencies."""

from __future__ import annotations

from pathlib import Path

from sphinx.util.docutils import SphinxDirective, SphinxRole

from coursebook.model import Chapter, course_chapters


def chapters_for(directive: SphinxDirective | SphinxRole) -> list[Chapter]:
    """The book's chapters; the page using them is rebuilt when the toc or a chapter changes."""
    env = directive.env
    toc = Path(env.srcdir, env.config.external_toc_path)
    chapters = course_chapters(Path(env.srcdir), toc)
    env.note_dependency(str(toc))
    for chapter in chapters:
        env.note_dependency(str(chapter.path))
    return chapters

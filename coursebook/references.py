"""How references render: one way of shortening an author list, "et al.", in the text and in the
References list alike.

A BibTeX author list that ends in ``and others`` stands for authors not listed. pybtex writes
that literally ("Liu and others, 2005"), while sphinxcontrib-bibtex's author-year citations
shorten three or more authors to "et al." ("Cauley et al., 2003"), so the two mixed on a page.
Two styles, registered as pybtex plugins and chosen in _config.yml, read a trailing ``others``
as "et al." everywhere:

- ``course_author_year`` (``bibtex_reference_style``): the author-year citations in the text;
- ``course`` (``bibtex_default_style``): pybtex's ``plain`` bibliography style, unchanged but
  for that.

The bibliography prints the ``note`` field; authoring notes (what was or was not verified in a
stored record) live in ``annote``, which neither style prints (tests/test_references.py).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.richtext import Tag, Text
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import (
    FieldIsMissing,
    field,
    first_of,
    join,
    node,
    optional,
    sentence,
    tag,
)
from sphinxcontrib.bibtex.style import template as sphinx_template
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

ET_AL = "et al."


def _is_others(person: Any) -> bool:
    return str(person).strip().lower() == "others"


def split_others(persons: list) -> tuple[list, bool]:
    """The listed persons, and whether the list ends in BibTeX's ``others``.

    >>> from pybtex.database import Person
    >>> split_others([Person("Liu, J. H."), Person("others")])
    ([Person('Liu, J. H.')], True)
    >>> split_others([Person("Liu, J. H.")])
    ([Person('Liu, J. H.')], False)
    """
    if persons and _is_others(persons[-1]):
        return list(persons[:-1]), True
    return list(persons), False


# The bibliography: pybtex's `names` node, with a trailing `others` written "et al.".
@node
def _names_et_al(children, context, role, **kwargs):
    assert not children
    try:
        persons = context["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, context["entry"]) from None
    style = context["style"]
    listed, others = split_others(persons)
    formatted = [
        style.format_name(person, style.abbreviate_names).format_data(context) for person in listed
    ]
    if others:
        # "A, B, C, et al.": no "and" before the last listed author, since more follow.
        sep = ", " if len(formatted) > 1 else " "
        return Text(Text(", ").join(formatted), sep, ET_AL)
    return join(**kwargs)[formatted].format_data(context)


class CourseStyle(PlainStyle):
    """pybtex's ``plain`` style, with ``... and others`` written ``..., et al.``."""

    def format_names(self, role, as_sentence=True):
        formatted = _names_et_al(role, sep=", ", sep2=" and ", last_sep=", and ")
        return sentence[formatted] if as_sentence else formatted


# The text: sphinxcontrib-bibtex's `names` node, with a trailing `others` written "et al.".
@sphinx_template.node
def _cite_names(children, data, role, **kwargs):
    assert not children
    try:
        persons = data["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, data["entry"]) from None
    style = data["style"]
    listed, others = split_others(persons)
    formatted = [
        style.person.style_plugin.format(person, style.person.abbreviate).format_data(data)
        for person in listed
    ]
    other = kwargs.get("other")
    if others and other is not None and formatted:
        # A short citation: the first author and "et al.", as for three or more listed authors.
        return Text(formatted[0], other)
    if others:
        return Text(Text(", ").join(formatted), " ", Tag("em", ET_AL))
    return sphinx_template.join(**kwargs)[formatted].format_data(data)


@dataclass
class CoursePersonStyle(PersonStyle):
    """Person names in citations, reading a trailing ``others`` as "et al."."""

    def names(self, role: str, full: bool):
        return _cite_names(
            role=role,
            sep=self.sep,
            sep2=self.sep2,
            last_sep=self.last_sep,
            other=None if full else self.other,
        )

    def author_or_editor_or_title(self, full: bool):
        return _cite_author_or_editor_or_title(
            sep=self.sep,
            sep2=self.sep2,
            last_sep=self.last_sep,
            other=None if full else self.other,
        )


@sphinx_template.node
def _cite_author_or_editor_or_title(children, data, **kwargs):
    assert not children
    return first_of[
        optional[_cite_names("author", **kwargs)],
        optional[_cite_names("editor", **kwargs)],
        tag("em")[field("title")],
    ].format_data(data)


@dataclass
class CourseAuthorYearStyle(AuthorYearReferenceStyle):
    """sphinxcontrib-bibtex's author-year citations with :class:`CoursePersonStyle`."""

    person: PersonStyle = dataclasses.field(default_factory=CoursePersonStyle)


def setup(app: Any) -> dict[str, Any]:
    pybtex.plugin.register_plugin("pybtex.style.formatting", "course", CourseStyle)
    sphinxcontrib.bibtex.plugin.register_plugin(
        "sphinxcontrib.bibtex.style.referencing", "course_author_year", CourseAuthorYearStyle
    )
    return {"parallel_read_safe": True, "parallel_write_safe": True}

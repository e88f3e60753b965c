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

Authoring notes (what was or was not verified in a stored record) belong in ``annote``, which
neither style prints. The ``note`` field is printed, so ``course`` also leaves out any sentence
of it that reads as an authoring note (`AUTHORING`), in case one is added there: a reader sees
the PMID and the trial's name, not how the course checked them. An entry whose authors could not
be confirmed has no ``author`` field: the list prints it from its title, and the text cites it
by its ``shorttitle``. tests/test_references.py builds a page with every entry.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.database import Entry
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
# The words of an authoring note: how the course checked a source, not what the source is.
AUTHORING = re.compile(
    r"verif|not seen|stored|\bread\b|checked|cut off|not quoted|confirm|as given by|not shown",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.])\s+(?=[A-Z(])")


def reader_note(note: str) -> str:
    """The sentences of a ``note`` field that are for readers, not authoring notes.

    >>> reader_note("PMID: 8950879. Verified in the stored abstract: 2027 women")
    'PMID: 8950879.'
    >>> reader_note("Read in the stored label: a boxed warning")
    ''
    """
    return " ".join(s for s in _SENTENCE.split(note.strip()) if not AUTHORING.search(s))


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
    """pybtex's ``plain`` style, with ``... and others`` written ``..., et al.``, authoring notes
    left out of ``note``, and no author line for an entry without authors."""

    def format_names(self, role, as_sentence=True):
        formatted = _names_et_al(role, sep=", ", sep2=" and ", last_sep=", and ")
        return optional[sentence[formatted]] if as_sentence else formatted

    def format_entry(self, label, entry, bib_data=None):
        note = entry.fields.get("note")
        if note is not None and reader_note(note) != note.strip():
            fields = {k: v for k, v in entry.fields.items() if k.lower() != "note"}
            if reader_note(note):
                fields["note"] = reader_note(note).rstrip(".")
            shown = Entry(entry.type, fields=fields, persons=entry.persons)
            shown.key = entry.key
            entry = shown
        return super().format_entry(label, entry, bib_data=bib_data)


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
        optional[tag("em")[field("shorttitle")]],
        tag("em")[field("title")],
    ].format_data(data)


@dataclass
class CourseAuthorYearStyle(AuthorYearReferenceStyle):
    """sphinxcontrib-bibtex's author-year citations with :class:`CoursePersonStyle`."""

    person: PersonStyle = dataclasses.field(default_factory=CoursePersonStyle)


#: The pybtex plugins sphinxcontrib-bibtex looks up by name again for every citation it resolves
#: (the plain-text backend) and every citation role (the docutils one): each look-up of an
#: installed plugin reads the entry points of every installed distribution (pybtex.plugin), more
#: than a third of the book's Sphinx time. Registered at start-up as the very classes those
#: entry points name, they are found in pybtex's own table of runtime plugins instead.
LOOKED_UP_PLUGINS = (("pybtex.backends", "plaintext"), ("pybtex.backends", "docutils"))


def setup(app: Any) -> dict[str, Any]:
    for group, name in LOOKED_UP_PLUGINS:
        plugin = pybtex.plugin.find_plugin(group, name)
        pybtex.plugin.register_plugin(group, name, plugin, force=True)
    pybtex.plugin.register_plugin("pybtex.style.formatting", "course", CourseStyle)
    sphinxcontrib.bibtex.plugin.register_plugin(
        "sphinxcontrib.bibtex.style.referencing", "course_author_year", CourseAuthorYearStyle
    )
    return {"parallel_read_safe": True, "parallel_write_safe": True}

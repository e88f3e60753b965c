"""coursebook: the Hormones and Bone book's own code (not the learners' package, bonelab).

As a Sphinx extension (``sphinx.extra_extensions`` in _config.yml) it loads, each module one job:

- :mod:`coursebook.chapters`: chapter frames and the instructor guide's tables and citation;
- :mod:`coursebook.evidence`: evidence labels, the claims register and computed numbers;
- :mod:`coursebook.coursemap`: the course map;
- :mod:`coursebook.glossary`: definitions as tooltips on glossary links;
- :mod:`coursebook.references`: one citation style ("et al.") in the text and the References;
- :mod:`coursebook.editions`: the learner, student and print editions;
- :mod:`coursebook.quiz`: multiple-choice questions that explain every option;
- :mod:`coursebook.article`: the page presenting the source article, from its two tables;
- :mod:`coursebook.markup`: repairs to the HTML that upstream packages write, each naming its fault;
- :mod:`coursebook.sidebar`: which pages are notebooks, for the sidebar's "Notebook" label;
- :mod:`coursebook.explorable`: figures the reader changes on the page, from bonelab's grids;
- :mod:`coursebook.mathrender`: math rendered at build time (KaTeX), its styles in the build;
- :mod:`coursebook.exec_report`: the notebooks' build report in words, not emoji;
- :mod:`coursebook.figures`: figures too wide for a phone's column scroll at a legible size;
- :mod:`coursebook.themestyles`: the theme's stylesheet cut to the rules the site uses.

They share :mod:`coursebook.model`, the course read from the table of contents. The tools run
with ``python -m coursebook.NAME`` (the Makefile's targets): ``print_edition``, ``bench``,
``serve``, ``axe_report``, ``install_cell``, ``theme_assets`` (the icon font subset),
``validators`` (the Nu HTML Checker and HTML_CodeSniffer on a built site);
:mod:`coursebook.build` holds the build command, read from the Makefile.
"""

from __future__ import annotations

from typing import Any

from bonelab import __version__

EXTENSIONS = (
    "chapters",
    "evidence",
    "coursemap",
    "glossary",
    "references",
    "editions",
    "quiz",
    "article",
    "markup",
    "sidebar",
    "repository",
    "download",
    "explorable",
    "mathrender",
    "exec_report",
    "figures",
    "themestyles",
)


def setup(app: Any) -> dict[str, Any]:
    for name in EXTENSIONS:
        app.setup_extension(f"coursebook.{name}")
    app.add_css_file("course.css")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}

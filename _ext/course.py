"""The course's own Sphinx directives and small HTML improvements.

- ``{chapter-frame}``: renders a chapter's learning objectives, prerequisites and times from its
  front matter, so those facts are written once (the instructor guide reads the same front
  matter).
- ``{evidence} ID``: an evidence label on a contested claim, for the label row ``ID`` of the
  claims register (``data/claims.csv``); the level and the claim come from that row, which
  :mod:`bonelab.evidence` checks against the rubric. ``{evidence-label}`ID``` shows the level
  inline; ``{evidence-rubric}`` renders the rubric and ``{claims-register}`` the whole register.
- ``{computed}`KEY```: a number the course computes (:mod:`bonelab.results`), never typed by hand.
- Glossary links get the term's definition as a tooltip (``title``), so a reader can check a term
  on hover without leaving the page.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

EVIDENCE_LEVELS = ("well supported", "mixed", "weak", "contradicted")
TIERS = ("fundamentals", "intermediate", "academic", "reflection")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def toc_files(root: Path) -> list[str]:
    """Every page of the book in reading order (the root page first), as listed in _toc.yml."""
    toc = yaml.safe_load((Path(root) / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", []):
        for chapter in part.get("chapters", []):
            files.append(chapter["file"])
            files += [section["file"] for section in chapter.get("sections", [])]
    return files


def front_matter(path: Path) -> dict[str, Any]:
    """The YAML front matter of a MyST page ({} when it has none)."""
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        return {}
    data = yaml.safe_load(match.group(1)) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: front matter is not a mapping")
    return data


def check_chapter_meta(meta: dict[str, Any]) -> list[str]:
    """What is wrong with a chapter's front matter (empty when it is complete)."""
    problems = []
    if meta.get("tier") not in TIERS:
        problems.append(f"tier must be one of {', '.join(TIERS)}, got {meta.get('tier')!r}")
    for key in ("reading_minutes", "notebook_minutes"):
        value = meta.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(f"{key} must be a whole number of minutes, got {value!r}")
    objectives = meta.get("objectives")
    if not isinstance(objectives, list) or not objectives or not all(
        isinstance(o, str) and o.strip() for o in objectives
    ):
        problems.append("objectives must be a non-empty list of sentences")
    prerequisites = meta.get("prerequisites", [])
    if not isinstance(prerequisites, list) or not all(isinstance(p, str) for p in prerequisites):
        problems.append("prerequisites must be a list of page paths")
    if meta.get("notebook_minutes") and not meta.get("notebook"):
        problems.append("notebook_minutes is set but no notebook is named")
    return problems


class ChapterFrame(SphinxDirective):
    """Objectives, prerequisites and time for the current chapter, from its front matter."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        path = Path(self.env.doc2path(self.env.docname))
        meta = front_matter(path)
        problems = check_chapter_meta(meta)
        if problems:
            raise self.error(f"chapter front matter of {path.name}: " + "; ".join(problems))
        reading, notebook_minutes = meta["reading_minutes"], meta["notebook_minutes"]
        time = f"about {reading} min reading"
        if notebook_minutes:
            time += f" and {notebook_minutes} min in the notebook"
        lines = [f"**Time:** {time}.", ""]
        prerequisites = meta.get("prerequisites", [])
        if prerequisites:
            links = ", ".join(f"{{doc}}`/{p}`" for p in prerequisites)
            lines += [f"**Read first:** {links}.", ""]
        else:
            lines += ["**Read first:** nothing; this is a starting point.", ""]
        if meta.get("notebook"):
            lines += [f"**Notebook:** {{doc}}`/{meta['notebook']}`.", ""]
        lines += ["**By the end of this chapter you can:**", ""]
        lines += [f"- {objective.strip()}" for objective in meta["objectives"]]
        frame = nodes.admonition(classes=["chapter-frame"])
        frame += nodes.title(text="Before you start")
        self.state.nested_parse(StringList(lines, source=str(path)), self.content_offset, frame)
        return [frame]


def _register(app: Sphinx) -> Any:
    """The claims register, checked against the rubric (bonelab.evidence), loaded once per change."""
    from bonelab.evidence import register

    path = Path(app.srcdir) / "data" / "claims.csv"
    stamp = path.stat().st_mtime_ns
    cached = getattr(app, "_course_register", None)
    if cached is None or cached[0] != stamp:
        frame = register(Path(app.srcdir) / "data").set_index("id", drop=False)
        app._course_register = (stamp, frame)
    return app._course_register[1]


def _note_register(env: Any) -> None:
    # Pages that show register rows are rebuilt when the register changes.
    env.note_dependency(str(Path(env.srcdir) / "data" / "claims.csv"))


def _note_results(env: Any) -> None:
    # Pages that show computed numbers are rebuilt when the code computing them changes.
    package = Path(env.srcdir) / "bonelab"
    for path in sorted(package.rglob("*.py")):
        env.note_dependency(str(path))
    env.note_dependency(str(Path(env.srcdir) / "data" / "datapackage.json"))


def _label_row(app: Sphinx, claim_id: str) -> Any:
    """The register's label row ``claim_id``, or a ValueError saying what is wrong."""
    frame = _register(app)
    if claim_id not in frame.index:
        import difflib

        close = difflib.get_close_matches(claim_id, list(frame.index), n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise ValueError(f"no row {claim_id!r} in data/claims.csv{hint}")
    row = frame.loc[claim_id]
    if row["label"] is None or row["label"] != row["label"]:
        raise ValueError(f"row {claim_id!r} of data/claims.csv is a finding, not a label row")
    return row


def _register_link(claim_id: str, text: str, classes: list[str]) -> addnodes.pending_xref:
    """A link to the claim's entry on the register page (a target made by {claims-register})."""
    ref = addnodes.pending_xref(
        "", refdomain="std", reftype="ref", reftarget=f"claim-{claim_id}", refexplicit=True,
        refwarn=True,
    )
    ref += nodes.inline(text, text, classes=classes)
    return ref


class Evidence(SphinxDirective):
    """An evidence label for a claim of the register: the level and claim come from its row.

    The body gives the reason, with its citations. The label itself is written once, in
    data/claims.csv, where bonelab.evidence checks it against the rubric.
    """

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        argument = " ".join(self.arguments[0].split())
        if argument.lower() in EVIDENCE_LEVELS:
            raise self.error(
                f"name the claim's row of data/claims.csv, not a level: {{evidence}} <id>, "
                f"got {argument!r}"
            )
        _note_register(self.env)
        try:
            row = _label_row(self.env.app, argument)
        except ValueError as err:
            raise self.error(str(err)) from None
        if not self.content:
            raise self.error("an evidence label needs its reason and citation in the body")
        level = row["label"]
        box = nodes.admonition(classes=["evidence", "evidence-" + level.replace(" ", "-")])
        box += nodes.title(text=f"Evidence: {level}")
        claim = nodes.paragraph()
        claim += nodes.strong(text="Claim: ")
        claim += nodes.Text(row["claim"] + " ")
        claim += _register_link(argument, "(register entry)", ["evidence-register-link"])
        box += claim
        self.state.nested_parse(self.content, self.content_offset, box)
        return [box]


def evidence_label_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{evidence-label}`id```: the label of a register row, linked to its entry."""
    env = inliner.document.settings.env
    _note_register(env)
    try:
        row = _label_row(env.app, text.strip())
    except ValueError as err:
        message = inliner.reporter.error(str(err), line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    level = row["label"]
    return [_register_link(text.strip(), level, ["evidence-label", "evidence-" + level.replace(" ", "-")])], []


def computed_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{computed}`key```: a number computed by bonelab.results, shown as it declares."""
    from bonelab import results

    key = text.strip()
    _note_results(inliner.document.settings.env)
    try:
        shown = results.display(key)
    except KeyError as err:
        message = inliner.reporter.error(str(err.args[0]), line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    return [nodes.inline(shown, shown, classes=["computed"])], []


class EvidenceRubric(SphinxDirective):
    """The four evidence labels and their rules, rendered from bonelab.evidence (written once)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from bonelab.evidence import rubric

        listing = nodes.definition_list(classes=["evidence-rubric"])
        for level in rubric().values():
            item = nodes.definition_list_item()
            item += nodes.term(text=level.name)
            definition = nodes.definition()
            definition += nodes.paragraph(text=level.meaning)
            rule = nodes.paragraph()
            rule += nodes.emphasis(text="Rule checked by the build: ")
            rule += nodes.Text(level.rule)
            definition += rule
            item += definition
            listing += item
        return [listing]


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>#!|~$&^])")


def _escape(text: str) -> str:
    """Plain text as MyST source that renders as exactly that text."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", " ".join(str(text).split()))


class ClaimsRegister(SphinxDirective):
    """The whole claims register, grouped by the page that states each claim, in book order."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        _note_register(self.env)
        frame = _register(self.env.app)
        order = [doc for doc in toc_files(Path(self.env.srcdir))]
        unknown = sorted(set(frame["chapter"]) - set(order))
        if unknown:
            raise self.error(f"data/claims.csv names pages that are not in _toc.yml: {', '.join(unknown)}")
        lines: list[str] = []
        for chapter in order:
            rows = frame[frame["chapter"] == chapter]
            if rows.empty:
                continue
            # A tilde fence: a backtick fence's info string may not contain backticks.
            lines += [f"~~~{{rubric}} {{doc}}`/{chapter}`", "~~~", ""]
            for _, row in rows.iterrows():
                lines += [f"(claim-{row['id']})=", ""]
                if row["label"] == row["label"] and row["label"] is not None:
                    basis = [e.strip() for e in str(row["basis"]).split(";")]
                    groups = []
                    for sign, word in (("+", "supported by"), ("-", "against it")):
                        links = [f"{{ref}}`{e[1:]} <claim-{e[1:]}>`" for e in basis if e[0] == sign]
                        if links:
                            groups.append(f"{word}: {', '.join(links)}")
                    lines.append(
                        f"**{_escape(row['claim'])}** Label: **{row['label']}**; "
                        f"{'; '.join(groups)}. `{row['id']}`"
                    )
                else:
                    design = row["design"] + (f", {row['quality']}" if row["quality"] else "")
                    lines.append(
                        f"**{_escape(row['claim'])}** {{cite:p}}`{row['source']}`, "
                        f"{_escape(row['location'])}: {_escape(row['source_says'])} "
                        f"({_escape(design)}.) `{row['id']}`"
                    )
                lines.append("")
        container = nodes.container(classes=["claims-register"])
        self.state.nested_parse(StringList(lines, source="data/claims.csv"), self.content_offset, container)
        return [container]


def _first_sentence(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def collect_definitions(app: Sphinx, doctree: nodes.document) -> None:
    """Remember each glossary term's first sentence, for tooltips on links to it."""
    store = app.env.__dict__.setdefault("course_term_definitions", {})
    for glossary in doctree.findall(lambda n: isinstance(n, nodes.Element) and "glossary" in n.get("classes", [])):
        for item in glossary.findall(nodes.definition_list_item):
            terms = [t for t in item.findall(nodes.term)]
            definition = next(iter(item.findall(nodes.definition)), None)
            if not terms or definition is None:
                continue
            store[terms[0].astext().strip().lower()] = (
                app.env.docname,
                _first_sentence(definition.astext()),
            )


def purge_definitions(app: Sphinx, env: Any, docname: str) -> None:
    store = env.__dict__.get("course_term_definitions", {})
    for term in [t for t, (doc, _) in store.items() if doc == docname]:
        del store[term]


def merge_definitions(app: Sphinx, env: Any, docnames: set[str], other: Any) -> None:
    env.__dict__.setdefault("course_term_definitions", {}).update(
        other.__dict__.get("course_term_definitions", {})
    )


def add_term_tooltips(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    store = app.env.__dict__.get("course_term_definitions", {})
    for ref in doctree.findall(nodes.reference):
        inline = next(iter(ref.findall(nodes.inline)), None)
        if inline is None or "std-term" not in inline.get("classes", []):
            continue
        anchor = ref.get("refuri", "").rsplit("#term-", 1)
        if len(anchor) != 2:
            continue
        # Sphinx makes the anchor from the term with spaces turned into hyphens.
        for term, (_, sentence) in store.items():
            if nodes.make_id("term-" + term) == nodes.make_id("term-" + anchor[1]):
                ref["reftitle"] = sentence
                break


def slim_theme_stylesheet(app: Sphinx, exception: Exception | None) -> None:
    """After an HTML build, drop the rules of icons no page uses from the theme's stylesheet.

    The stylesheet blocks the first paint of every page; its 1,900 per-icon rules are a third of
    it. The trimming lives in tools/theme_assets.py.
    """
    if exception is not None or app.builder.format != "html":
        return
    import sys

    tools = str(Path(app.srcdir) / "tools")
    if tools not in sys.path:
        sys.path.insert(0, tools)
    import theme_assets

    theme_assets.slim_built_stylesheet(Path(app.outdir))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("chapter-frame", ChapterFrame)
    app.add_directive("evidence", Evidence)
    app.add_directive("evidence-rubric", EvidenceRubric)
    app.add_directive("claims-register", ClaimsRegister)
    app.add_role("evidence-label", evidence_label_role)
    app.add_role("computed", computed_role)
    app.connect("doctree-read", collect_definitions)
    app.connect("env-purge-doc", purge_definitions)
    app.connect("env-merge-info", merge_definitions)
    app.connect("doctree-resolved", add_term_tooltips)
    app.add_css_file("course.css")
    app.connect("build-finished", slim_theme_stylesheet)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}

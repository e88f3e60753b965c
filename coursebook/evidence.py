"""Evidence labels, the claims register and computed numbers: each written once, in its source.

- ``{evidence} CLAIM-ID``: an evidence label on a contested claim; the level and the claim come
  from the claim's row of the register (data/claims.csv, checked against the rubric by
  bonelab.evidence). The body gives the reason, with its citations.
- ``{evidence-label}`CLAIM-ID```: the label of a register row, inline, linked to its entry.
- ``{computed}`KEY```: a number computed by bonelab.results, shown as it declares.
- ``{evidence-rubric}``: the four labels and their rules, from bonelab.evidence.
- ``{claims-register}``: the whole register, grouped by the page that states each claim, in
  book order.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

import bonelab
from coursebook.model import toc_files

EVIDENCE_LEVELS = ("well supported", "mixed", "weak", "contradicted")


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
    package = Path(bonelab.__file__).parent
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
        "",
        refdomain="std",
        reftype="ref",
        reftarget=f"claim-{claim_id}",
        refexplicit=True,
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
    return [
        _register_link(
            text.strip(), level, ["evidence-label", "evidence-" + level.replace(" ", "-")]
        )
    ], []


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
        toc = getattr(self.env.config, "external_toc_path", "_toc.yml")
        order = toc_files(Path(self.env.srcdir, toc))
        unknown = sorted(set(frame["chapter"]) - set(order))
        if unknown:
            raise self.error(
                f"data/claims.csv names pages that are not in _toc.yml: {', '.join(unknown)}"
            )
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
        self.state.nested_parse(
            StringList(lines, source="data/claims.csv"), self.content_offset, container
        )
        return [container]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("evidence", Evidence)
    app.add_directive("evidence-rubric", EvidenceRubric)
    app.add_directive("claims-register", ClaimsRegister)
    app.add_role("evidence-label", evidence_label_role)
    app.add_role("computed", computed_role)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

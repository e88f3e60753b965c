"""Multiple-choice questions that explain every option: the ``{quiz}`` directive.

One block per question, in MyST::

    ```{quiz}
    What did the 2014 review of randomized trials find for bone density?

    - [ ] A significant gain at the spine.

      The review found no significant effect on bone density {cite}`elraiyah2014`.

    - [x] No significant effect.

      Pooled, the trials showed no change that chance could not explain {cite}`elraiyah2014`.
    ```

The paragraph just before the list is the question (any paragraphs above it are context, shown
above the question); the list holds the options, ``[x]`` marking the one right answer and
``[ ]`` the others; the indented paragraphs under an option explain why it is right or wrong
(the page itself writes "Correct." or "Incorrect." before them).
Options and explanations are ordinary MyST: ``{term}``, ``{cite}``, ``{computed}`` all work.
A block without a question, with fewer than two options, without exactly one ``[x]`` or with an
option that has no explanation is an error (and the build, run with ``-W``, fails).

In the page, the question is a ``<fieldset>`` whose ``<legend>`` is the question, with one native
radio button per option (keyboard: Tab into the group, arrow keys to choose). In the learner
edition a ``<details>`` element after it holds every option's verdict and explanation, so the
page works without JavaScript; _static/quiz.js (loaded only on pages with a question) hides it
until the reader has chosen, then shows the chosen option's verdict and explanation in a live
region (``role="status"``, read out by screen readers) and marks the option right or wrong in
words, not only in colour. The student and print editions (coursebook.editions) leave the
answers and explanations out while the page is parsed, so neither the page nor the search index
holds them; the question and its options stay.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from coursebook.editions import edition

STATIC = Path(__file__).resolve().parent / "static"
MARKER = re.compile(r"^\[( |x|X)\]\s*")
LETTERS = "ABCDEFGHIJ"


class quiz(nodes.General, nodes.Element):
    """One question: ``<div class="quiz">``."""


class quiz_fieldset(nodes.General, nodes.Element):
    """The question and its options: ``<fieldset>``."""


class quiz_question(nodes.General, nodes.TextElement):
    """The question itself: ``<legend>`` (inline content only)."""


class quiz_choice(nodes.General, nodes.TextElement):
    """One option: a radio button and its label (inline content only)."""


class quiz_answers(nodes.General, nodes.Element):
    """Learner edition: the live region, then every option's verdict in a ``<details>``."""


class quiz_explanation(nodes.General, nodes.Element):
    """Why one option is right or wrong."""


class Quiz(SphinxDirective):
    has_content = True
    option_spec = {"label": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        parsed = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, parsed)
        lists = [
            i for i, child in enumerate(parsed.children) if isinstance(child, nodes.bullet_list)
        ]
        if not lists:
            raise self.error("quiz: no list of options (one '- [x]' and at least one '- [ ]')")
        at = lists[-1]
        stem, items = parsed.children[:at], parsed.children[at]
        after = parsed.children[at + 1 :]
        if after:
            raise self.error("quiz: nothing may follow the list of options")
        if not stem or not isinstance(stem[-1], nodes.paragraph):
            raise self.error("quiz: the question (a paragraph) must come just before the options")

        serial = self.env.new_serialno("quiz")
        ident = nodes.make_id(self.options.get("label") or f"quiz-{serial + 1}")
        block = quiz(ids=[ident], classes=["quiz"])
        block.extend(node.deepcopy() for node in stem[:-1])
        fieldset = quiz_fieldset()
        question = quiz_question("", "", *[c.deepcopy() for c in stem[-1].children])
        fieldset += question
        explanations = []
        right = 0
        for number, item in enumerate(items.children, start=1):
            head = item.children[0] if item.children else None
            inline = list(head.children) if isinstance(head, nodes.paragraph) else []
            # The parser may split "[x] text" into several text nodes: join the leading ones.
            lead = 0
            while lead < len(inline) and isinstance(inline[lead], nodes.Text):
                lead += 1
            leading = "".join(c.astext() for c in inline[:lead])
            match = MARKER.match(leading)
            if match is None:
                raise self.error(f"quiz: option {number} does not start with '[x]' or '[ ]'")
            if len(item.children) < 2:
                raise self.error(f"quiz: option {number} has no explanation under it")
            correct = match.group(1) != " "
            right += correct
            letter = LETTERS[number - 1] if number <= len(LETTERS) else str(number)
            rest = nodes.Text(leading[match.end() :])
            choice = quiz_choice(
                "", "", rest, *[c.deepcopy() for c in inline[lead:]], number=number, letter=letter
            )
            choice["input_id"] = f"{ident}-{number}"
            choice["group"] = ident
            fieldset += choice
            explanation = quiz_explanation(number=number, letter=letter, correct=correct)
            explanation.extend(c.deepcopy() for c in item.children[1:])
            explanations.append(explanation)
        if len(explanations) < 2:
            raise self.error("quiz: a question needs at least two options")
        if right != 1:
            raise self.error(f"quiz: exactly one option must be marked '[x]' (found {right})")
        block += fieldset
        if edition() == "learner":
            answers = quiz_answers()
            answers.extend(explanations)
            block += answers
        self.set_source_info(block)
        return [block]


# ---- HTML -----------------------------------------------------------------------------------


def visit_quiz(self: Any, node: quiz) -> None:
    self.body.append(self.starttag(node, "div", CLASS="quiz"))


def depart_quiz(self: Any, node: quiz) -> None:
    self.body.append("</div>\n")


def visit_fieldset(self: Any, node: quiz_fieldset) -> None:
    self.body.append('<fieldset class="quiz-fieldset">\n')


def depart_fieldset(self: Any, node: quiz_fieldset) -> None:
    self.body.append("</fieldset>\n")


def visit_question(self: Any, node: quiz_question) -> None:
    self.body.append('<legend class="quiz-question">')


def depart_question(self: Any, node: quiz_question) -> None:
    self.body.append("</legend>\n")


def visit_choice(self: Any, node: quiz_choice) -> None:
    ident, group = node["input_id"], node["group"]
    self.body.append(
        f'<div class="quiz-choice" data-choice="{node["number"]}">'
        f'<input type="radio" id="{ident}" name="{group}" value="{node["number"]}">'
        f'<label for="{ident}"><span class="quiz-letter">{node["letter"]}.</span> '
    )


def depart_choice(self: Any, node: quiz_choice) -> None:
    self.body.append('</label><span class="quiz-mark"></span></div>\n')


def visit_answers(self: Any, node: quiz_answers) -> None:
    self.body.append(
        '<div class="quiz-feedback" role="status"></div>\n'
        '<details class="quiz-answers"><summary>Answer and why each option is right or wrong'
        "</summary>\n"
    )


def depart_answers(self: Any, node: quiz_answers) -> None:
    self.body.append("</details>\n")


def visit_explanation(self: Any, node: quiz_explanation) -> None:
    correct = "true" if node["correct"] else "false"
    verdict = "Correct." if node["correct"] else "Incorrect."
    self.body.append(
        f'<div class="quiz-explanation" data-choice="{node["number"]}" data-correct="{correct}">'
        f'<p class="quiz-verdict"><span class="quiz-letter">{node["letter"]}.</span> '
        f"<strong>{verdict}</strong></p>\n"
    )


def depart_explanation(self: Any, node: quiz_explanation) -> None:
    self.body.append("</div>\n")


def add_quiz_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """The stylesheet on every page with a question; the script only where it has answers."""
    if doctree is None or not any(True for _ in doctree.findall(quiz)):
        return
    app.add_css_file("quiz.css")
    if any(True for _ in doctree.findall(quiz_answers)):
        app.add_js_file("quiz.js", loading_method="defer")


def add_static_path(app: Sphinx, config: Any) -> None:
    path = str(STATIC)
    if path not in config.html_static_path:
        config.html_static_path.append(path)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("quiz", Quiz)
    for node, visit, depart in (
        (quiz, visit_quiz, depart_quiz),
        (quiz_fieldset, visit_fieldset, depart_fieldset),
        (quiz_question, visit_question, depart_question),
        (quiz_choice, visit_choice, depart_choice),
        (quiz_answers, visit_answers, depart_answers),
        (quiz_explanation, visit_explanation, depart_explanation),
    ):
        app.add_node(node, html=(visit, depart))
    app.connect("config-inited", add_static_path)
    app.connect("html-page-context", add_quiz_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

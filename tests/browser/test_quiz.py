"""The multiple-choice questions ({quiz}, coursebook/quiz.py) in Chromium.

A reader who picks an option sees at once whether it is right and why, by mouse or by keyboard
alone, with the verdict in a live region that screen readers announce; without JavaScript every
verdict and explanation is still there, folded in a <details>; on a phone and in dark mode the
question fits and stays clean for axe.
"""

from __future__ import annotations

import pytest
from browsing import (  # noqa: F401 (desktop, server, site: fixtures)
    PHONE,
    desktop,
    first_page_with,
    server,
    settle,
    site,
)

from coursebook.browser import AXE, AXE_TAGS, BLOCKING_IMPACTS, describe

QUIZ = ".quiz:has(.quiz-answers)"


@pytest.fixture(scope="module")
def quiz_page(site):  # noqa: F811
    name = first_page_with(site, ".quiz .quiz-answers")
    assert name, "no page has a question with answers"
    return name


def explanation_text(quiz, number: str) -> str:
    """The explanation of one option as the page holds it, without its verdict line."""
    return quiz.locator(f'.quiz-explanation[data-choice="{number}"]').evaluate(
        "e => [...e.children].slice(1).map(c => c.textContent).join(' ').replace(/\\s+/g, ' ').trim()"
    )


def options(quiz) -> tuple[str, list[str]]:
    """The number of the right option and the numbers of the wrong ones."""
    right = quiz.locator('.quiz-explanation[data-correct="true"]').get_attribute("data-choice")
    wrong = quiz.locator('.quiz-explanation[data-correct="false"]').evaluate_all(
        "es => es.map(e => e.dataset.choice)"
    )
    return right, wrong


def feedback_text(quiz) -> str:
    return " ".join(quiz.locator(".quiz-feedback").inner_text().split())


def test_a_wrong_pick_shows_its_explanation_then_the_right_one(desktop, server, quiz_page):
    page = desktop.new_page()
    page.goto(server.url + quiz_page, wait_until="load")
    quiz = page.locator(QUIZ).first
    answers = quiz.locator(".quiz-answers")
    answers.wait_for(state="hidden")  # nothing given away before the reader chooses
    assert quiz.locator(".quiz-feedback").get_attribute("role") == "status"
    assert feedback_text(quiz) == ""
    right, wrong = options(quiz)
    assert wrong, "a question with no wrong option"

    quiz.locator(f'.quiz-choice[data-choice="{wrong[0]}"] label').click()
    chosen = quiz.locator(f'.quiz-choice[data-choice="{wrong[0]}"]')
    assert chosen.locator("input").is_checked()
    assert "quiz-wrong" in chosen.get_attribute("class")
    assert chosen.locator(".quiz-mark").inner_text() == "Incorrect"
    text = feedback_text(quiz)
    assert text.startswith(f"{chr(64 + int(wrong[0]))}. Incorrect.")
    assert explanation_text(quiz, wrong[0]) in text
    assert quiz.locator(".quiz-feedback").get_attribute("data-state") == "wrong"
    answers.wait_for(state="visible")  # now every option's explanation can be read

    quiz.locator(f'.quiz-choice[data-choice="{right}"] label').click()
    text = feedback_text(quiz)
    assert text.startswith(f"{chr(64 + int(right))}. Correct.")
    assert explanation_text(quiz, right) in text
    assert "quiz-right" in quiz.locator(f'.quiz-choice[data-choice="{right}"]').get_attribute(
        "class"
    )
    # the earlier, wrong pick is no longer marked
    assert chosen.locator(".quiz-mark").inner_text() == ""
    assert "quiz-wrong" not in chosen.get_attribute("class")
    page.close()


def test_keyboard_alone_answers_a_question(desktop, server, quiz_page):
    page = desktop.new_page()
    page.goto(server.url + quiz_page, wait_until="load")
    quiz = page.locator(QUIZ).first
    first = quiz.locator("input[type=radio]").first.get_attribute("id")
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == first:
            break
    else:
        pytest.fail("Tab never reached the first option of the first question")
    page.keyboard.press("Space")
    assert quiz.locator(f"#{first}").is_checked()
    text = feedback_text(quiz)
    assert text.startswith("A. Correct.") or text.startswith("A. Incorrect.")
    page.keyboard.press("ArrowDown")  # arrow keys move the choice within the group
    second = quiz.locator("input[type=radio]").nth(1)
    assert second.is_checked()
    assert feedback_text(quiz).startswith("B. ")
    assert explanation_text(quiz, "2") in feedback_text(quiz)
    # Tab leaves the group, passes the links in the feedback and reaches the folded
    # explanations; Enter opens them
    quiz_id = quiz.get_attribute("id")
    for _ in range(10):
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "id => document.getElementById(id).contains(document.activeElement)", quiz_id
        )
        assert inside, "Tab left the question before reaching its explanations"
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    else:
        pytest.fail("Tab never reached the question's explanations")
    page.keyboard.press("Enter")
    assert quiz.locator(".quiz-answers").evaluate("d => d.open")
    assert quiz.locator('.quiz-explanation[data-choice="1"]').is_visible()
    page.close()


def test_without_javascript_the_answers_are_folded_in_the_page(browser, server, quiz_page):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(server.url + quiz_page, wait_until="load")
    quiz = page.locator(QUIZ).first
    assert quiz.locator("legend").inner_text().strip()
    summary = quiz.locator(".quiz-answers summary")
    summary.wait_for(state="visible")
    explanation = quiz.locator(".quiz-explanation").first
    assert not explanation.is_visible()
    summary.click()
    explanation.wait_for(state="visible")
    verdicts = quiz.locator(".quiz-verdict").all_inner_texts()
    assert sum("Correct." in v for v in verdicts) == 1
    assert all(("Correct." in v) != ("Incorrect." in v) for v in verdicts)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_answered_question_on_a_phone_is_clean_for_axe(browser, server, quiz_page, scheme):
    """At 390 px in both colour modes, after a wrong and a right pick: no sideways scrolling,
    the question within the screen, and no serious axe finding in the answered questions."""
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        color_scheme=scheme,
    )
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.goto(server.url + quiz_page, wait_until="load")
    settle(page)
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    quiz = page.locator(QUIZ).first
    right, wrong = options(quiz)
    quiz.locator(f'.quiz-choice[data-choice="{wrong[0]}"] label').tap()
    assert "quiz-wrong" in quiz.locator(f'.quiz-choice[data-choice="{wrong[0]}"]').get_attribute(
        "class"
    )
    second = page.locator(QUIZ).nth(1)
    if second.count():
        r2, _ = options(second)
        second.locator(f'.quiz-choice[data-choice="{r2}"] label').tap()
    quiz.locator(".quiz-answers summary").click()
    box = quiz.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page is {widths[0]} px wide on a {widths[1]} px phone"
    # The whole page is checked before any answer by test_a11y.py; here, the questions in the
    # states that only an answer brings (marked options, feedback, open explanations).
    violations = page.evaluate(
        """async (tags) => {
            const result = await axe.run({include: [[".quiz"]]}, {
                runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html.slice(0, 200),
                                          summary: n.failureSummary}))}));
        }""",
        AXE_TAGS,
    )
    violations = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    context.close()
    assert not violations, describe(violations)


def test_student_page_prints_as_an_answer_free_handout(browser, server, site, quiz_page):  # noqa: F811
    """The student edition inside the site (student/), printed: the chapter and its questions,
    no navigation, no answer."""
    assert (site / "student" / quiz_page).is_file(), "no student edition in the site"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server.url + "student/" + quiz_page, wait_until="load")
    page.emulate_media(media="print")
    assert page.locator("h1").first.is_visible()
    assert page.locator(".quiz legend").first.is_visible()
    assert page.locator(".quiz-choice").first.is_visible()
    assert page.locator(".bd-sidebar-primary").first.is_hidden()
    assert page.locator(".quiz-answers, .quiz-explanation, .solution").count() == 0
    assert "quiz.js" not in page.content()
    context.close()

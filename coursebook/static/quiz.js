/* Multiple-choice questions (coursebook/quiz.py): feedback on the option the reader picks.
   Without this script the page still works: every verdict and explanation is in the question's
   <details> element. With it, that element waits until the reader has chosen; then the chosen
   option's verdict and explanation appear in the live region (role="status", so screen readers
   read them out) and the option is marked right or wrong in words. Native radio buttons, so
   the keyboard works as everywhere else (Tab into the group, arrow keys to choose). */
(function () {
  "use strict";
  function setUp(quiz) {
    var answers = quiz.querySelector(".quiz-answers");
    var feedback = quiz.querySelector(".quiz-feedback");
    if (!answers || !feedback) return;
    answers.hidden = true;
    quiz.addEventListener("change", function (event) {
      var input = event.target;
      if (!input || input.type !== "radio") return;
      var explanation = answers.querySelector(
        '.quiz-explanation[data-choice="' + input.value + '"]'
      );
      if (!explanation) return;
      var right = explanation.getAttribute("data-correct") === "true";
      quiz.querySelectorAll(".quiz-choice").forEach(function (choice) {
        choice.classList.remove("quiz-right", "quiz-wrong");
        choice.querySelector(".quiz-mark").textContent = "";
      });
      var chosen = input.closest(".quiz-choice");
      chosen.classList.add(right ? "quiz-right" : "quiz-wrong");
      chosen.querySelector(".quiz-mark").textContent = right ? "Correct" : "Incorrect";
      var copy = explanation.cloneNode(true);
      copy.querySelectorAll("[id]").forEach(function (element) {
        element.removeAttribute("id");
      });
      feedback.setAttribute("data-state", right ? "right" : "wrong");
      feedback.replaceChildren.apply(feedback, Array.prototype.slice.call(copy.childNodes));
      answers.hidden = false;
    });
  }
  function start() {
    document.querySelectorAll(".quiz").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

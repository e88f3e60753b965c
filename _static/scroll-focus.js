/* A displayed equation wider than the screen scrolls sideways inside its own box. A box that
   scrolls must be reachable from the keyboard (WCAG 2.1.1; axe: scrollable-region-focusable),
   so each such equation becomes focusable once MathJax has drawn it, and again after a resize.
   The theme does the same for wide tables and code; MathJax output it leaves alone.
   _templates/layout.html loads this file only on pages with math. */
(function () {
  "use strict";
  function markScrollable() {
    document.querySelectorAll('mjx-container[display="true"]').forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        if (!box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
      } else if (box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
      }
    });
  }
  function whenTypeset() {
    var startup = window.MathJax && window.MathJax.startup;
    if (startup && startup.promise) startup.promise.then(markScrollable);
    else markScrollable();
  }
  var timer;
  window.addEventListener("load", whenTypeset);
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(markScrollable, 200);
  });
})();

/* A displayed equation wider than the screen scrolls sideways inside its own box (div.math),
   never the page. A box that scrolls must be reachable from the keyboard (WCAG 2.1.1; axe:
   scrollable-region-focusable), so each such equation becomes focusable, and again after a
   resize or once KaTeX's fonts have loaded (they change its width). The theme does the same
   for wide tables and code. The equations are rendered while the book is built (KaTeX), so
   this is the only script a page with math gets for them.
   _templates/layout.html loads this file only on pages with math. */
(function () {
  "use strict";
  function markScrollable() {
    document.querySelectorAll("div.math").forEach(function (box) {
      var wide = box.scrollWidth > box.clientWidth + 1;
      box.classList.toggle("is-scrollable", wide);
      if (wide) {
        if (!box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
      } else if (box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
      }
    });
  }
  var timer;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markScrollable);
  } else {
    markScrollable();
  }
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(markScrollable);
  window.addEventListener("load", markScrollable);
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(markScrollable, 200);
  });
})();

/* Glossary terms on touch and keyboard (coursebook/glossary.py).
 *
 * The build writes each glossary term as a link to its entry, with the definition's first
 * sentence in its title (a hover tooltip, and all there is without this script). Here each such
 * link becomes a toggletip: a button with the term's text that shows the definition in place, in
 * a box that follows the button in reading order (and is drawn next to it on the screen, above
 * any box that scrolls), and the link to the glossary entry inside it.
 * Tap, click, Enter or Space toggle it; Escape, a tap elsewhere or opening another closes it.
 * Nothing is fetched.
 */
(() => {
  "use strict";
  let count = 0;
  let open = null;

  function close(tip, focusButton) {
    if (!tip) return;
    tip.button.setAttribute("aria-expanded", "false");
    tip.box.hidden = true;
    if (focusButton) tip.button.focus();
    if (open === tip) open = null;
  }

  // The box is placed against the window (position: fixed), not against the sentence: a term
  // inside a box that scrolls (a wide table on a phone, whose scroll box clips whatever sticks
  // out of it) still shows its whole definition. Just below the term, or above it when there is
  // no room below; never past the window's edges nor under the page's header; drawn over the
  // theme's "Back to top" button; it follows the term as the page or the table scrolls, and
  // waits, unseen, while the term is scrolled out of sight (behind the header or off the window).
  const margin = 8;
  const gap = 4;

  function place(tip) {
    const { button, box } = tip;
    const lines = button.getClientRects();
    if (!lines.length) return;
    const first = lines[0];
    const last = lines[lines.length - 1];
    box.style.left = "0px";
    box.style.top = "0px";
    // An ancestor with a transform would be the fixed box's frame: measure where 0, 0 lands.
    const origin = box.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const height = window.innerHeight;
    const header = document.querySelector(".bd-header");
    const ceiling = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
    let left = Math.min(first.left, width - margin - origin.width);
    left = Math.max(margin, left);
    let top = last.bottom + gap;
    if (
      top + origin.height > height - margin &&
      first.top - gap - origin.height >= ceiling + margin
    ) {
      top = first.top - gap - origin.height;
    }
    box.style.visibility = last.bottom <= ceiling || first.top >= height ? "hidden" : "";
    box.style.left = `${left - origin.left}px`;
    box.style.top = `${top - origin.top}px`;
  }

  let pending = false;
  function follow() {
    if (!open || pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (open) place(open);
    });
  }

  function show(tip) {
    if (open && open !== tip) close(open, false);
    tip.button.setAttribute("aria-expanded", "true");
    tip.box.hidden = false;
    open = tip;
    place(tip);
  }

  function upgrade(link) {
    const definition = link.getAttribute("title");
    if (!definition) return;
    const term = link.textContent.trim();
    const id = `term-tip-${++count}`;

    const wrapper = document.createElement("span");
    wrapper.className = "term-tip";

    const button = document.createElement("button");
    button.type = "button";
    button.className = "term-tip__button";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", id);
    // The term as written in the sentence (e.g. a plural), so the sentence still reads on.
    button.append(...link.childNodes);

    const box = document.createElement("span");
    box.className = "term-tip__box";
    box.id = id;
    box.hidden = true;
    const text = document.createElement("span");
    text.className = "term-tip__text";
    text.textContent = definition;
    const more = document.createElement("a");
    more.className = "term-tip__link";
    more.href = link.getAttribute("href");
    more.textContent = `Glossary: ${term}`;
    box.append(text, " ", more);

    link.replaceWith(wrapper);
    wrapper.append(button, box);

    const tip = { button, box };
    button.addEventListener("click", (event) => {
      event.preventDefault();
      if (button.getAttribute("aria-expanded") === "true") close(tip, false);
      else show(tip);
    });
    wrapper.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && open === tip) {
        event.stopPropagation();
        close(tip, true);
      }
    });
  }

  function init() {
    document
      .querySelectorAll("article a.reference.internal[title]")
      .forEach((link) => {
        if (link.querySelector("span.std-term")) upgrade(link);
      });
    document.addEventListener("click", (event) => {
      if (open && !event.target.closest(".term-tip")) close(open, false);
    });
    // Any scroll (the page's, or a table's: capture sees both) and a resize move the open box.
    document.addEventListener("scroll", follow, { capture: true, passive: true });
    window.addEventListener("resize", follow);
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && open) close(open, open.box.contains(document.activeElement) || open.button === document.activeElement);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

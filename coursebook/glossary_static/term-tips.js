/* Glossary terms on touch and keyboard (coursebook/glossary.py).
 *
 * The build writes each glossary term as a link to its entry, with the definition's first
 * sentence in its title (a hover tooltip, and all there is without this script). Here each such
 * link becomes a toggletip: a button with the term's text that shows the definition in place, in
 * a box that follows the button in reading order, and the link to the glossary entry inside it.
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
    tip.box.style.left = "";
    if (focusButton) tip.button.focus();
    if (open === tip) open = null;
  }

  function show(tip) {
    if (open && open !== tip) close(open, false);
    tip.button.setAttribute("aria-expanded", "true");
    tip.box.hidden = false;
    open = tip;
    // Keep the box inside the window (a term near the right edge of a phone's screen).
    const margin = 8;
    const rect = tip.box.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    if (rect.right > width - margin) {
      tip.box.style.left = `${Math.min(0, width - margin - rect.right)}px`;
    }
    if (tip.box.getBoundingClientRect().left < margin) {
      tip.box.style.left = `${parseFloat(tip.box.style.left || "0") + margin - tip.box.getBoundingClientRect().left}px`;
    }
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
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && open) close(open, open.box.contains(document.activeElement) || open.button === document.activeElement);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

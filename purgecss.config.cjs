// PurgeCSS (npm, pinned in package.json) cuts pydata-sphinx-theme's stylesheet to the rules the
// built site can use: coursebook/themestyles.py runs it after each build, with every page and
// every script in _static as its content, and writes the result as a new file beside the
// theme's (which stays as it ships). Why: pydata/pydata-sphinx-theme#2379.
//
// A selector is kept when each of its class names, ids, tags and attributes occurs as a word in
// a page or a script (so classes that a script adds by name, such as Bootstrap's `show` and
// `collapsing` or the theme's `pst-squeeze`, are kept because the script names them). The
// safelist holds what the theme switches at run time under a name that no page or script spells
// out whole: the colour mode (html[data-theme], html[data-mode], Bootstrap's data-bs-theme),
// and Bootstrap's positioned components (tooltips, dropdown menus, popovers: data-bs-popper and
// data-popper-placement, set by Popper).
// PurgeCSS 8.0.0 also drops every selector made of pseudo-classes alone (it finds no class, tag or
// id of it in the content, so never counts it as used), and with it the theme's focus ring for
// every element, `:focus-visible { outline: ... }`: the first pattern keeps those.
module.exports = {
  safelist: {
    standard: [
      /^::?[a-z-]+$/,
      /^show$/,
      /^showing$/,
      /^collapsing$/,
      /^collapse$/,
      /^fade$/,
      /^active$/,
    ],
    greedy: [
      /data-theme/,
      /data-mode/,
      /data-bs-theme/,
      /data-bs-popper/,
      /data-popper-placement/,
      /^tooltip/,
      /^bs-tooltip/,
      /^dropdown/,
      /^search-button/,
      /^pst-/,
      /^bd-search/,
    ],
  },
};

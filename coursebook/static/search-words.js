/* Search highlights the words of the query, not its letters.
 *
 * Sphinx 7.4's search (searchtools.js) splits the query at every character that is not a letter
 * or digit and highlights each piece wherever it occurs, inside any word: "T-score" became "t"
 * and "score", and every letter t of every result and of the page opened from it was marked
 * (the splitting is sphinx-doc/sphinx#12400: "-" is always a separator).
 * Here the terms to highlight are the query's own words, as typed (hyphens kept, punctuation
 * around them dropped), at least two characters long, without Sphinx's stop words or the words
 * excluded with "-". Which pages are found does not change. Loaded on the search page only
 * (_templates/search.html), after searchtools.js and before the search runs. It sits in
 * coursebook/static, not in _static, whose every script Jupyter Book links on every page.
 */
"use strict";
(() => {
  if (typeof Search === "undefined" || typeof Search._parseQuery !== "function") return;
  const parseQuery = Search._parseQuery;
  const ignored = typeof stopwords === "undefined" ? [] : stopwords;
  Search._parseQuery = (query) => {
    const parsed = parseQuery(query);
    const words = new Set(
      query
        .toLowerCase()
        .split(/\s+/)
        .filter((word) => !word.startsWith("-"))
        .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
        .filter((word) => word.length > 1 && !ignored.includes(word)),
    );
    parsed[3] = words; // the highlight terms: [query, search, excluded, highlight, object terms]
    localStorage.setItem("sphinx_highlight_terms", [...words].join(" "));
    return parsed;
  };
})();

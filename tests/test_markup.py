"""The repairs of upstream markup (coursebook/markup.py) on the exact markup each upstream writes."""

from __future__ import annotations

from coursebook.markup import lazy_images, redirect_page, repair_body


def test_exercise_and_solution_ids_become_unique():
    body = (
        '<section id="exercise-content"><p>1</p></section>'
        '<section id="solution-content"><p>1</p></section>'
        '<section id="exercise-content"><p>2</p></section>'
    )
    assert repair_body(body) == (
        '<section id="exercise-content-1"><p>1</p></section>'
        '<section id="solution-content-1"><p>1</p></section>'
        '<section id="exercise-content-2"><p>2</p></section>'
    )


def test_hidden_cell_labels_become_spans_and_lose_the_mismatched_name():
    body = (
        '<details class="admonition hide above-input">\n'
        '<summary aria-label="Toggle hidden content">\n'
        '<p class="collapsed admonition-title">Show code cell source</p>\n'
        '<p class="expanded admonition-title">Hide code cell source</p>\n'
        "</summary>\n"
    )
    assert repair_body(body) == (
        '<details class="admonition hide above-input">\n'
        "<summary>\n"
        '<span class="collapsed admonition-title">Show code cell source</span>\n'
        '<span class="expanded admonition-title">Hide code cell source</span>\n'
        "</summary>\n"
    )


def test_other_paragraphs_and_sections_are_left_alone():
    body = '<section id="results"><p class="admonition-title">Note</p></section>'
    assert repair_body(body) == body


def test_bibliography_entries_become_list_items():
    body = '<div class="citation" id="id1" role="doc-biblioentry">'
    assert repair_body(body) == '<div role="listitem" class="citation" id="id1">'


def test_only_images_after_the_first_load_lazily():
    body = '<img src="a.png"/><p>text</p><img src="b.png"/><img loading="eager" src="c.png"/>'
    assert lazy_images(body) == (
        '<img src="a.png"/><p>text</p><img loading="lazy" src="b.png"/>'
        '<img loading="eager" src="c.png"/>'
    )


def test_redirect_page_is_complete_and_escaped():
    page = redirect_page("Hormones & Bone", "book/intro.html")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<title>Hormones &amp; Bone</title>" in page
    assert '<meta http-equiv="refresh" content="0; url=book/intro.html">' in page
    assert '<a href="book/intro.html">Hormones &amp; Bone</a>' in page

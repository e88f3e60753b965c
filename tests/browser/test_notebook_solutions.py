"""A notebook page's worked solution in Chromium: folded until the reader opens it, like the
chapters' solutions (coursebook/editions.py, NotebookSolutions), and absent from the student
edition's copy of the page."""

from __future__ import annotations

from browsing import desktop, first_page_with, server, site  # noqa: F401 (fixtures)


def test_notebook_solution_is_folded_until_opened(desktop, server, site):  # noqa: F811
    name = first_page_with(site, "div.notebook-solution.dropdown")
    assert name and name.startswith("notebooks/"), "no notebook page folds its solution"
    page = desktop.new_page()
    page.goto(server.url + name, wait_until="load")
    box = page.locator("div.notebook-solution.dropdown").first
    content = box.locator(":scope > :not(.admonition-title)").first
    button = box.locator("button.toggle-button")
    content.wait_for(state="hidden")
    assert button.get_attribute("aria-expanded") == "false"
    box.locator(".admonition-title").click()
    content.wait_for(state="visible")
    assert button.get_attribute("aria-expanded") == "true"
    assert "Solution" in content.inner_text()
    page.goto(server.url + "student/" + name, wait_until="load")
    assert page.locator("div.notebook-solution").count() == 0
    assert page.locator("article h1").first.is_visible()
    page.close()

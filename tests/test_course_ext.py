"""The course's Sphinx directives and roles, on a tiny book built from the real data and bibliography.

Each case builds a one-page project with the course extension under -W, so a label that names no
register row, or a computed key that does not exist, must fail the build with a message that says
which.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bonelab import results

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = """id,chapter,claim,source,location,source_says,design,quality,label,basis
p-cells,index,"Cells respond to the hormone",rickard2002,abstract,"Induction in cell lines",cell study,,,
p-weak,index,"The hormone builds bone in people",,,,,,weak,+p-cells
"""
CONF = """
extensions = ["myst_parser", "sphinxcontrib.bibtex", "coursebook.evidence"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["references.bib"]
exclude_patterns = ["_build"]
"""


def build(tmp_path: Path, page: str) -> tuple[int, str, str]:
    """Build ``page`` as the index of a one-page project; return (exit code, log, html)."""
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    for path in (ROOT / "data").iterdir():
        if path.name != "claims.csv":
            shutil.copy(path, project / "data" / path.name)
    (project / "data" / "claims.csv").write_text(CLAIMS, encoding="utf-8")
    shutil.copy(ROOT / "references.bib", project / "references.bib")
    (project / "_toc.yml").write_text("root: index\n", encoding="utf-8")
    (project / "conf.py").write_text(CONF, encoding="utf-8")
    (project / "index.md").write_text(page + "\n\n```{bibliography}\n```\n", encoding="utf-8")
    sphinx = Path(sys.executable).with_name("sphinx-build")
    run = subprocess.run(
        [str(sphinx), "-W", "-n", "-q", "-b", "html", str(project), str(project / "_build")],
        capture_output=True,
        text=True,
    )
    html_file = project / "_build" / "index.html"
    html = html_file.read_text(encoding="utf-8") if html_file.is_file() else ""
    return run.returncode, run.stdout + run.stderr, html


def test_labels_numbers_and_register_render_from_their_one_source(tmp_path):
    page = """# Test

```{evidence} p-weak
Only cell lines so far {cite}`rickard2002`.
```

Label {evidence-label}`p-weak`; osteoblasts {computed}`komarova.steady.osteoblasts`.

## What the labels mean

```{evidence-rubric}
```

```{claims-register}
```
"""
    code, log, html = build(tmp_path, page)
    assert code == 0, log
    assert "Evidence: weak" in html
    assert "The hormone builds bone in people" in html  # the claim, from the register row
    assert (
        '<span class="computed">' + results.display("komarova.steady.osteoblasts") + "</span>"
        in html
    )
    assert 'href="#claim-p-weak"' in html and 'id="claim-p-weak"' in html
    assert 'id="claim-p-cells"' in html and "Induction in cell lines" in html
    assert "Rule checked by the build" in html and "contradicted" in html


@pytest.mark.parametrize(
    "page, message",
    [
        ("```{evidence} p-missing\nBecause.\n```", "no row 'p-missing'"),
        ("```{evidence} p-cells\nBecause.\n```", "is a finding, not a label row"),
        ("```{evidence} weak\nBecause.\n```", "name the claim's row"),
        ("Shown {evidence-label}`p-wek`.", "did you mean p-weak"),
        ("A number {computed}`komarova.steady.osteoblast`.", "did you mean"),
    ],
)
def test_a_label_or_number_that_names_nothing_fails_the_build(tmp_path, page, message):
    code, log, _ = build(tmp_path, "# Test\n\n" + page)
    assert code != 0
    assert message in log

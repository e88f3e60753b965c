"""Make the course's subset of the theme's icon font (a tool, run by hand; never by the build).

The theme ships all of Font Awesome twice: a 1.45 MB script that turns <i class="fa-..."> into
SVG, and a 156 KB web font. The course's layout drops the script (_templates/layout.html); this
tool cuts the few glyphs the site uses from the theme's font (about 3 KB) and embeds them in
_static/course.css as a data: URL, so icons cost no request of their own. Its unicode-range
lists its glyphs, so an icon outside it still comes from the theme's full font instead of
vanishing. The theme's own stylesheet is left as the theme ships it; pages link the subset of it
that coursebook/themestyles.py writes into the build, which keeps the rules of the icons in use.

Which icons: every `fa-NAME` class in the built pages and in the theme's scripts, and every
glyph the theme's stylesheets use outside the per-icon list (admonitions, dropdowns, navigation).
tests/browser/test_assets.py fails when these files are out of date (a page uses an icon they
lack, or the theme was upgraded): then build the book and run

    .venv/bin/python -m coursebook.theme_assets [--site _build/html]

Font Awesome Free: fonts SIL OFL 1.1, CSS MIT (the licence notices are kept).
"""

from __future__ import annotations

import argparse
import base64
import io
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COURSE_CSS = ROOT / "_static" / "course.css"
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_PUA = re.compile(r"\\(f[0-9a-f]{3}|e[0-9a-f]{3})\b", re.I)
_FA_CLASS = re.compile(r"\bfa-([a-z0-9-]+)")
_FONT_FACE = re.compile(r"(/\* icon-font \*/.*?@font-face\s*\{)(.*?)(\})", re.S)


def theme_dir() -> Path:
    import pydata_sphinx_theme

    return Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"


def theme_version() -> str:
    import pydata_sphinx_theme

    return pydata_sphinx_theme.__version__


def original_theme_css() -> str:
    return (theme_dir() / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")


def icon_classes(css: str) -> dict[str, int]:
    """Font Awesome class name -> codepoint, from the theme's per-icon rules."""
    classes = {}
    for selectors, body in _RULE.findall(css):
        names = [
            re.match(r"^\.fa-([a-z0-9-]+):{1,2}before$", s.strip()) for s in selectors.split(",")
        ]
        points = _PUA.findall(body)
        if points and all(names):
            for match in names:
                classes[match.group(1)] = int(points[0], 16)
    return classes


def other_codepoints(css_texts: list[str]) -> set[int]:
    """Codepoints used by rules that are not per-icon rules (admonition titles, toggles...)."""
    points: set[int] = set()
    for css in css_texts:
        css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
        for selectors, body in _RULE.findall(css):
            if all(
                re.match(r"^\.fa-[a-z0-9-]+:{1,2}before$", s.strip()) for s in selectors.split(",")
            ):
                continue
            points.update(int(p, 16) for p in _PUA.findall(body))
            points.update(ord(c) for c in body if 0xE000 <= ord(c) <= 0xF8FF)
    return points


def used_classes(site: Path) -> set[str]:
    """fa- class names in the built pages and in the scripts that pages run."""
    names: set[str] = set()
    for page in site.rglob("*.html"):
        if "_static" in page.parts:
            continue
        for attr in re.findall(
            r'class="([^"]*)"', page.read_text(encoding="utf-8", errors="replace")
        ):
            names.update(_FA_CLASS.findall(attr))
    for script in site.joinpath("_static").rglob("*.js"):
        if "mathjax" in script.parts or script.name == "fontawesome.js":
            continue
        names.update(_FA_CLASS.findall(script.read_text(encoding="utf-8", errors="replace")))
    return names


def site_css_texts(site: Path) -> list[str]:
    skip = {"course.css", "pydata-sphinx-theme.css"}
    return [original_theme_css()] + [
        p.read_text(encoding="utf-8", errors="replace")
        for p in site.joinpath("_static").rglob("*.css")
        if p.name not in skip and "mathjax" not in p.parts
    ]


def needed(site: Path) -> tuple[set[str], set[int]]:
    """(icon class names to keep, codepoints the font must hold)."""
    classes = icon_classes(original_theme_css())
    names = {n for n in used_classes(site) if n in classes}
    points = other_codepoints(site_css_texts(site)) | {classes[n] for n in names}
    return names, points


def subset_font(points: set[int]) -> tuple[bytes, set[int]]:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff"  # zlib; woff2 would need brotli, which the environment lacks
    options.layout_features = []
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright and licence names
    options.notdef_outline = True
    source = theme_dir() / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.ttf"
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(points))
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    data = out.getvalue()
    return data, set(TTFont(io.BytesIO(data)).getBestCmap())


def font_face_body(data: bytes, points: set[int]) -> str:
    ranges = ", ".join(f"U+{p:04X}" for p in sorted(points))
    return (
        '\n  font-family: "Font Awesome 6 Free";\n  font-style: normal;\n  font-weight: 900;\n'
        "  font-display: block;\n"
        f'  src: url("data:font/woff;base64,{base64.b64encode(data).decode()}") format("woff");\n'
        f"  unicode-range: {ranges};\n"
    )


def embedded_font(css: str) -> tuple[bytes, set[int]]:
    """The icon font embedded in course.css and its unicode-range."""
    match = _FONT_FACE.search(css)
    if not match:
        return b"", set()
    data = re.search(r"base64,([A-Za-z0-9+/=]+)", match.group(2))
    ranges = re.search(r"unicode-range:([^;]*);", match.group(2))
    points = (
        {int(p, 16) for p in re.findall(r"U\+([0-9A-F]+)", ranges.group(1))} if ranges else set()
    )
    return (base64.b64decode(data.group(1)) if data else b""), points


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"{args.site} is not a built site: build the book first")
    names, points = needed(args.site)
    data, held = subset_font(points)  # brand icons (GitHub, GitLab) are in another font
    css = COURSE_CSS.read_text(encoding="utf-8")
    new, count = _FONT_FACE.subn(
        lambda m: m.group(1) + font_face_body(data, held) + m.group(3), css
    )
    if count != 1:
        raise SystemExit(f"{COURSE_CSS} needs one '/* icon-font */' comment before an @font-face")
    COURSE_CSS.write_text(new, encoding="utf-8")
    print(f"icon font: {len(held)} glyphs, {len(data)} bytes, in {COURSE_CSS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

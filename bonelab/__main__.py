"""``python -m bonelab check``: what this environment has, and what it is missing.

Prints the Python version, the versions of the packages the notebooks need (and of jupyter-book,
which only building the book needs), and every data table with whether it loads. Ends with one
line that says clearly what is missing, and exits with status 1 when anything the notebooks need
is missing or broken, 0 when all is well. The whole report is plain text, made to be pasted into
a question to an instructor or an issue.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import os
import platform
import re
import sys
from pathlib import Path

MINIMUM_PYTHON = (3, 11)
# (import name, distribution name): what the notebooks import.
REQUIRED = (
    ("numpy", "numpy"),
    ("pandas", "pandas"),
    ("scipy", "scipy"),
    ("matplotlib", "matplotlib"),
)
# Needed only to build the book, not to run a notebook.
OPTIONAL = (("jupyter_book", "jupyter-book"),)

# How to make the environment, printed whenever something is missing (the student guide says
# the same at more length).
SETUP = """\
To set up the course's environment: in the course's folder (the download from the student
guide, Running the notebooks; or a clone of the repository), run
    python3 -m venv .venv
    .venv/bin/python -m pip install -r requirements.txt
(in a clone: binder/requirements.txt; on Windows: .venv\\Scripts\\python), then check again
with: .venv/bin/python -m bonelab check"""

USAGE = """usage: python -m bonelab check

  check   print Python, package versions and the data tables found; exit 1 if anything the
          notebooks need is missing"""


def _pins() -> dict[str, str]:
    """Exact versions pinned in the repository's requirements.txt (when it is a checkout)."""
    path = Path(__file__).resolve().parent.parent / "requirements.txt"
    pins = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"^\s*([A-Za-z0-9_.-]+)\s*==\s*([^\s;#]+)", line)
            if match:
                pins[match.group(1).lower().replace("_", "-")] = match.group(2)
    return pins


def _version(module: str, distribution: str) -> str | None:
    """The installed version, or None when the package cannot be imported."""
    try:
        imported = importlib.import_module(module)
    except Exception:  # a broken install is as good as a missing one for a learner
        return None
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return str(getattr(imported, "__version__", "unknown version"))


def check(out=None) -> int:
    """Print the report; return the exit status (0 when nothing needed is missing)."""
    out = out or sys.stdout
    missing: list[str] = []

    def say(text: str = "") -> None:
        print(text, file=out)

    say("Hormones and Bone: environment check")
    say()
    version = ".".join(str(v) for v in sys.version_info[:3])
    python_ok = sys.version_info[:2] >= MINIMUM_PYTHON
    say(f"Python       {version} ({platform.python_implementation()}, {sys.executable})")
    if not python_ok:
        wanted = ".".join(map(str, MINIMUM_PYTHON))
        say(f"             MISSING: the course needs Python {wanted} or newer")
        missing.append(f"Python {wanted}+")

    import bonelab

    say(f"bonelab      {bonelab.__version__} ({Path(bonelab.__file__).resolve().parent})")
    # Installed (from a wheel, the folder, or in editable mode), bonelab has its tables as a
    # subpackage; found only as a folder beside the working directory, it does not.
    if importlib.util.find_spec("bonelab.datafiles") is None:
        say("             MISSING: not installed in this Python, only found in this folder")
        missing.append("bonelab installed in this Python")
    say(f"platform     {platform.platform()}")
    say()
    pins = _pins()
    say("Packages the notebooks need:")
    for module, distribution in REQUIRED:
        found = _version(module, distribution)
        pin = pins.get(distribution)
        if found is None:
            say(f"  {distribution:13s}MISSING (install it: python -m pip install {distribution})")
            missing.append(distribution)
        else:
            note = "" if pin in (None, found) else f"  (the course pins {pin}; this may still work)"
            say(f"  {distribution:13s}{found}{note}")
    say("Only needed to build the book:")
    for module, distribution in OPTIONAL:
        found = _version(module, distribution)
        say(f"  {distribution:13s}{found or 'not installed (not needed to run the notebooks)'}")
    say()

    try:
        from bonelab import data
    except Exception as err:  # pandas missing, for example: reported above
        say(f"Data tables: cannot be checked ({type(err).__name__}: {err})")
        missing.append("the data tables (see above)")
    else:
        folder = data.default_data_dir()
        source = " (from BONELAB_DATA)" if os.environ.get("BONELAB_DATA") else ""
        say(f"Data tables in {folder}{source}:")
        try:
            names = data.tables(folder)
        except Exception as err:
            say(f"  MISSING: {err}")
            missing.append(f"the data descriptor in {folder}")
        else:
            broken = []
            for name in names:
                try:
                    frame = data.load(name, folder)
                except Exception as err:
                    say(f"  {name:24s}PROBLEM: {err}")
                    broken.append(name)
                else:
                    rows = "row" if len(frame) == 1 else "rows"
                    say(f"  {name:24s}ok, {len(frame)} {rows}")
            say(f"  {len(names) - len(broken)} of {len(names)} tables load")
            missing += [f"table {name}" for name in broken]
    say()
    if missing:
        say("MISSING: " + ", ".join(missing) + ".")
        say(
            "Fix the lines marked MISSING or PROBLEM above, or paste this whole report into "
            "your question."
        )
        say(SETUP)
        return 1
    say("All set: everything the notebooks need is here.")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["check"]:
        return check()
    if args in ([], ["-h"], ["--help"]):
        print(USAGE)
        return 0 if args else 2
    print(f"unknown command: {' '.join(args)}\n{USAGE}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())

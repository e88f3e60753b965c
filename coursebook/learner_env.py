"""The learners' environment, made from the site's download exactly as the student guide says.

    python -m coursebook.learner_env FOLDER

unpacks the download (coursebook.download) into ``FOLDER/hormones-and-bone``, outside the
repository, and runs the guide's two steps there: ``python -m venv .venv``, then ``.venv``'s own
pip installs ``requirements.txt`` (binder/requirements.txt: the pins and bonelab from the
folder). It then registers that environment's Python as a Jupyter kernel, ``bonelab-learner``,
in ``FOLDER/jupyter`` (found through ``JUPYTER_PATH``), with a fresh home folder, so that a
notebook run on it sees nothing of this machine's Python or Jupyter set-up.

`make test` makes it while the book builds (the install mostly waits on the network and the
disk) and runs nbval on this kernel: one run of each notebook then shows both that its saved
outputs are what it prints and that the learners' environment alone runs it.
tests/test_package.py checks the environment holds exactly the pinned packages, and makes it
itself when run alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from coursebook import download

KERNEL = "bonelab-learner"
PYTHON = sys.executable


def clean_env(home: Path) -> dict[str, str]:
    """This process's environment without what would reach into the repository or this
    machine's set-up: no BONELAB_DATA or PYTHONPATH, a home folder of its own, Jupyter's
    standard folders, and bytecode written as on a learner's computer (a machine that sets
    PYTHONDONTWRITEBYTECODE would otherwise recompile numpy, pandas, scipy and matplotlib in
    every kernel: half of each notebook's time)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("BONELAB_DATA", "PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "JUPYTER_PATH")
    }
    return env | {"HOME": str(home), "JUPYTER_PLATFORM_DIRS": "1"}


def run(command: list[str], cwd: Path, env: dict[str, str]) -> None:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed (exit {result.returncode}) in {cwd}:\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )


def create(folder: Path) -> Path:
    """The download unpacked in ``folder`` with its ``.venv`` made as the guide says, and the
    kernel registered; the course folder."""
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(download.write_archive(folder / download.ARCHIVE)) as archive:
        archive.extractall(folder)
    course = folder / download.FOLDER
    env = clean_env(folder / "home")
    # The guide's two steps (--no-compile only spares compiling every installed file: the
    # kernels write bytecode for what they import).
    run([PYTHON, "-m", "venv", ".venv"], course, env)
    python = course / ".venv" / "bin" / "python"
    # pip's cache of downloaded wheels stays this user's (the fresh home would empty it and
    # download every wheel again on every run); what it installs is the same file either way.
    cache = subprocess.run(
        [PYTHON, "-m", "pip", "cache", "dir"], capture_output=True, text=True, check=True
    ).stdout.strip()
    run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-compile", "-r", "requirements.txt"],
        course,
        env | {"PIP_CACHE_DIR": cache},
    )
    spec = kernel_dir(course)
    spec.mkdir(parents=True, exist_ok=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "Python 3 (the learners' environment)",
                "language": "python",
                # Set for the kernel whatever the process that starts it has (an empty
                # PYTHONPATH, PYTHONDONTWRITEBYTECODE or BONELAB_DATA is as good as none).
                "env": {
                    "HOME": env["HOME"],
                    "JUPYTER_PLATFORM_DIRS": "1",
                    "BONELAB_DATA": "",
                    "PYTHONPATH": "",
                    "PYTHONDONTWRITEBYTECODE": "",
                },
                "metadata": {"debugger": False},
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    return course


def jupyter_path(course: Path) -> Path:
    """The folder to put on JUPYTER_PATH for Jupyter to find the kernel: beside the course
    folder, holding that kernel alone (the environment's own share/jupyter also holds
    JupyterLab's extensions, which another JupyterLab would then load)."""
    return Path(course).parent / "jupyter"


def kernel_dir(course: Path) -> Path:
    return jupyter_path(course) / "kernels" / KERNEL


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    course = create(Path(sys.argv[1]))
    print(f"The learners' environment is in {course / '.venv'} (Jupyter kernel {KERNEL})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

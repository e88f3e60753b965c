"""The course's data tables, shipped inside the bonelab package as ``bonelab.datafiles``.

This folder stays at the top of the repository (every page and notebook names ``data/...``),
and pyproject.toml maps it into the package: ``pip install`` of the repository, or of a wheel
built from it, installs every ``*.csv`` and ``datapackage.json`` here as package data, which
:mod:`bonelab.data` reads with :mod:`importlib.resources`. This file only makes the folder a
package; it holds no code.
"""

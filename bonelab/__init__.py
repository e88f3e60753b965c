"""bonelab: the small Python package behind the Hormones and Bone course.

- :mod:`bonelab.data`: load the course's tables, checked against their descriptor
  (the checks: :mod:`bonelab.validation`).
- :mod:`bonelab.stats`: T-scores, WHO classes, absolute risks, percent changes.
- :mod:`bonelab.models`: the published remodeling models (Komarova 2003, Lemaire 2004).
- :mod:`bonelab.plot`: one accessible figure style and the plots the notebooks share.
- :mod:`bonelab.tables`: one accessible way to show a table (caption, header scope, units).
"""

__version__ = "0.1.0"

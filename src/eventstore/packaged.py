"""The files eventstore reads at run time besides its code: the Alembic history and the
named queries, found through ``importlib.resources``.

In the repository they are top-level folders (``alembic/``, ``queries/``), where
``alembic.ini``, the ``alembic`` command and the tests read them. The wheel carries them
inside the package, as ``eventstore/_alembic`` and ``eventstore/_queries`` (the
``force-include`` table of pyproject.toml), and that copy is what an installed
eventstore reads. Only a source checkout, whose package folder (``src/eventstore``)
carries no copy, reads the repository's folders beside ``src/``; an editable install is
one.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Literal

from eventstore.errors import ConfigurationError

Folder = Literal["alembic", "queries"]


def folder(name: Folder) -> Path:
    """The folder ``name``: the package's copy where it has one, else the checkout's;
    ConfigurationError when neither exists (an installation without its data files)."""
    package = resources.files("eventstore")
    packaged = package / f"_{name}"
    if packaged.is_dir():
        # A real folder: Alembic and the query reader need paths, and a wheel installs
        # as files (a zipped package is not supported).
        return Path(str(packaged))
    checkout = Path(str(package)).parents[1] / name
    if checkout.is_dir():
        return checkout
    raise ConfigurationError(
        f"eventstore's {name} files are missing: not in {packaged} nor in {checkout}; "
        "reinstall eventstore"
    )

"""eventstore: news articles in, a normalized SQL database of who said what happened when out."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eventstore.store import Readers, Store

__version__ = "0.1.0"

__all__ = ["Readers", "Store", "__version__"]


def __getattr__(name: str) -> Any:
    """``Store`` and ``Readers``, imported when first asked for: extraction, which imports
    this package, must not pull in the database layer."""
    if name in {"Store", "Readers"}:
        return getattr(import_module("eventstore.store"), name)
    raise AttributeError(f"module 'eventstore' has no attribute {name!r}")

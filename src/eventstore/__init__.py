"""eventstore: news articles in, a normalized SQL database of who said what happened when out."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]

"""The result of an evaluation: docs/gold.md's figures, each with its counts and its misses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# docs/gold.md's "Figures" table, in its order.
FIGURE_NAMES = (
    "claim_recall",
    "claim_precision",
    "event_recall",
    "event_precision",
    "attribution",
    "dates",
    "merge_recall",
    "merge_precision",
    "experts_recall",
    "experts_precision",
    "affiliations",
    "sources_recall",
    "item_sources",
    "outlets",
    "provenance",
)


@dataclass(frozen=True)
class Figure:
    """One figure: ``numerator`` of ``denominator`` counted things are right.

    ``misses`` says, one readable line each, which of the counted things are wrong.
    """

    name: str
    numerator: int
    denominator: int
    misses: tuple[str, ...] = ()

    @property
    def value(self) -> float | None:
        """The figure in [0, 1]; None when nothing was counted."""
        return self.numerator / self.denominator if self.denominator else None

    def as_dict(self) -> dict[str, Any]:
        """The figure as JSON-ready data."""
        return {
            "value": self.value,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "misses": list(self.misses),
        }


def figure(name: str, total: int, misses: list[str]) -> Figure:
    """A figure over ``total`` counted things of which ``misses`` are wrong."""
    return Figure(name, total - len(misses), total, tuple(misses))


@dataclass(frozen=True)
class Scores:
    """Every figure of one evaluation, and what it was run on."""

    gold_files: tuple[str, ...]
    articles: int
    articles_loaded: int
    figures: tuple[Figure, ...]

    def __getitem__(self, name: str) -> Figure:
        """The figure called ``name``."""
        for one in self.figures:
            if one.name == name:
                return one
        raise KeyError(name)

    @property
    def values(self) -> dict[str, float | None]:
        """Each figure's value, by name."""
        return {one.name: one.value for one in self.figures}

    def as_dict(self) -> dict[str, Any]:
        """The whole evaluation as JSON-ready data."""
        return {
            "gold_files": list(self.gold_files),
            "articles": {"named": self.articles, "loaded": self.articles_loaded},
            "figures": {one.name: one.as_dict() for one in self.figures},
        }

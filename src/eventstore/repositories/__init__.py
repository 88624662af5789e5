"""Repositories: typed, named queries over a Session the caller owns.

Each returns frozen pydantic models from ``eventstore.models``; no ORM object, Session,
Select or Result leaves this package, and none of them commits or closes the Session.
"""

from eventstore.repositories.articles import ArticleRepository
from eventstore.repositories.changes import ChangeRepository
from eventstore.repositories.claims import ClaimRepository
from eventstore.repositories.events import EventRepository
from eventstore.repositories.experts import ExpertRepository
from eventstore.repositories.runs import RejectRepository, RunRepository
from eventstore.repositories.sources import SourceRepository
from eventstore.repositories.stats import StatsRepository

__all__ = [
    "ArticleRepository",
    "ChangeRepository",
    "ClaimRepository",
    "EventRepository",
    "ExpertRepository",
    "RejectRepository",
    "RunRepository",
    "SourceRepository",
    "StatsRepository",
]

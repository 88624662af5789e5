"""Repositories: typed, named queries over a Session the caller owns.

Each returns frozen pydantic models from ``eventstore.models``; no ORM object, Session,
Select or Result leaves this package.
"""

from eventstore.repositories.runs import RunRepository

__all__ = ["RunRepository"]

"""Gold files (docs/gold.md): read and validate one YAML file into frozen models.

A malformed file is refused with one line naming the file, the place in it and what is
wrong (``GoldFileError``, exit 65); a path that does not exist gets ``GoldFileMissing``
(exit 66). Checks that need the articles themselves (an anchor occurs exactly once in
its article) run when the gold is scored, in ``evaluate.lines``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from eventstore.errors import EventstoreError
from eventstore.vocabulary import ClaimKind, DatePrecision

_ANY_OF = "any_of"
_NULL_OR = "null_or"


class GoldFileError(EventstoreError):
    """A gold file is not valid YAML, not in the format of docs/gold.md, or disagrees with the
    articles it names; the message is one line."""

    exit_code = 65


class GoldFileMissing(GoldFileError):
    """A gold file named on the command line does not exist."""

    exit_code = 66


class _Strict(BaseModel):
    """Frozen, and an unknown key is an error (a misspelt key would otherwise be lost)."""

    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


class GoldMention(_Strict):
    """One mention: the article (external_id) and an anchor phrase inside one of its lines."""

    article: str
    anchor: str

    @field_validator("anchor")
    @classmethod
    def _one_line(cls, anchor: str) -> str:
        if not anchor.strip():
            raise ValueError("an anchor must not be empty")
        if "\n" in anchor:
            raise ValueError("an anchor must lie inside one line")
        return anchor


def _allowed(value: Any) -> tuple[Any, ...]:
    """A date field's accepted values: a plain value, ``{any_of: [...]}`` or
    ``{null_or: [...]}`` (unknown is right, and so is any listed value)."""
    if not isinstance(value, dict):
        return (value,)
    if len(value) == 1 and isinstance(value.get(_ANY_OF), list):
        return tuple(value[_ANY_OF])
    if len(value) == 1 and isinstance(value.get(_NULL_OR), list):
        return (None, *value[_NULL_OR])
    raise ValueError("expected a value, {any_of: [...]} or {null_or: [...]}")


class GoldDate(_Strict):
    """The date an event row must carry; each field lists its accepted values.

    A missing year, month or day means unknown (NULL); a missing qualifier is not checked.
    """

    precision: tuple[DatePrecision, ...]
    year: tuple[int | None, ...] = (None,)
    month: tuple[int | None, ...] = (None,)
    day: tuple[int | None, ...] = (None,)
    qualifier: tuple[str | None, ...] | None = None

    @field_validator("precision", "year", "month", "day", "qualifier", mode="before")
    @classmethod
    def _values(cls, value: Any) -> tuple[Any, ...]:
        return _allowed(value)


class GoldItem(_Strict):
    """A claim or an event a correct load holds, with the lines that mention it."""

    id: str
    expert: str | None = None
    speaker: str | None = None  # the seed gold's name for the expert of an `either` line
    kind: ClaimKind | None = None
    either: bool = False
    same_as: str | None = None
    may_merge_with: tuple[str, ...] = ()
    date: GoldDate | None = None
    sources: tuple[str, ...] = ()
    optional_sources: tuple[str, ...] = ()
    mentions: tuple[GoldMention, ...]
    optional_mentions: tuple[GoldMention, ...] = ()

    @field_validator("may_merge_with", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @property
    def speaker_name(self) -> str | None:
        """The expert the claim (or an `either` line loaded as a claim) belongs to."""
        return self.expert or self.speaker


class GoldArticle(BaseModel):
    """What the gold says about one article; only the outlet is scored."""

    model_config = ConfigDict(frozen=True, extra="allow", coerce_numbers_to_str=True)

    outlet: str | None = None


class GoldExpert(_Strict):
    """A required expert."""

    name: str
    affiliation: str | None = None
    role_words: tuple[str, ...] = ()


class GoldSources(_Strict):
    """Sources that must exist, and sources that may."""

    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()


class GoldFile(_Strict):
    """One gold file, validated."""

    path: str
    articles: Mapping[str, GoldArticle]
    experts: tuple[GoldExpert, ...] = ()
    optional_experts: tuple[str, ...] = ()
    claims: tuple[GoldItem, ...] = ()
    events: tuple[GoldItem, ...] = ()
    sources: GoldSources = GoldSources()
    not_items: tuple[GoldMention, ...] = ()

    @field_validator("experts", "optional_experts", "claims", "events", "not_items", mode="before")
    @classmethod
    def _null_is_empty(cls, value: Any) -> Any:
        return () if value is None else value


def read_gold_file(path: Path) -> GoldFile:
    """Read and validate one gold file; raise GoldFileError with a one-line reason."""
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise GoldFileError(f"gold file {path}: expected a mapping with an `articles` key")
    try:
        gold = GoldFile.model_validate({**data, "path": str(path)})
    except ValidationError as exc:
        raise GoldFileError(f"gold file {path}: {_first_problem(exc, data)}") from None
    problem = _consistency_problem(gold)
    if problem:
        raise GoldFileError(f"gold file {path}: {problem}")
    return gold


def _load_yaml(path: Path) -> Any:
    # PyYAML is a development dependency of the package; say so instead of a traceback.
    try:
        import yaml  # noqa: PLC0415
    except ImportError:  # pragma: no cover - installed wherever the tests run
        raise GoldFileError("reading gold files needs PyYAML: pip install pyyaml") from None
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise GoldFileMissing(f"gold file {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(f"gold file {path}: cannot be read: {exc}") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise GoldFileError(f"gold file {path}: not valid YAML: {problem}{where}") from None


def _first_problem(exc: ValidationError, data: dict[str, Any]) -> str:
    errors = exc.errors()
    first = errors[0]
    where = _place(first["loc"], data)
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first['msg']}{more}"


def _place(loc: tuple[int | str, ...], data: Any) -> str:
    """``claims[3] (katkov-lede).mentions[0].anchor``: the item's id helps find it."""
    parts: list[str] = []
    node = data
    for step in loc:
        parts.append(f"[{step}]" if isinstance(step, int) else f".{step}")
        node = node[step] if _indexable(node, step) else None
        if isinstance(step, int) and isinstance(node, dict) and isinstance(node.get("id"), str):
            parts.append(f" ({node['id']})")
    return "".join(parts).lstrip(".") or "top level"


def _indexable(node: Any, step: int | str) -> bool:
    if isinstance(node, list) and isinstance(step, int):
        return 0 <= step < len(node)
    return isinstance(node, dict) and step in node


def _consistency_problem(gold: GoldFile) -> str | None:
    """What no single field shows: duplicate ids, unknown articles, claims without expert."""
    seen: set[str] = set()
    for section, items in (("claims", gold.claims), ("events", gold.events)):
        for item in items:
            if item.id in seen:
                return f"{section}: item id {item.id!r} is used twice"
            seen.add(item.id)
            if section == "claims" and not item.speaker_name:
                return f"claims: {item.id}: no `expert`"
            if not item.mentions and not item.optional_mentions:
                return f"{section}: {item.id}: no mentions and no optional_mentions"
            for mention in (*item.mentions, *item.optional_mentions):
                if mention.article not in gold.articles:
                    return (
                        f"{section}: {item.id}: article {mention.article!r} is not under `articles`"
                    )
    for mention in gold.not_items:
        if mention.article not in gold.articles:
            return f"not_items: article {mention.article!r} is not under `articles`"
    return None

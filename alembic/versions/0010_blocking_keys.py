"""Blocking keys for the events and claims already stored: b:, n: and q: keys.

The loader now looks candidates up by rare keys scoped to an event's date block or a
claim's expert and kind (``eventstore.load.blocking``): ``b:`` MinHash bands of a
wording's words, and for events dated to the day ``n:`` their distinctive names and
``q:`` their counts; a key carried by more than 16 rows is full and not used. This
revision files those keys for every stored event (from its summary) and claim (from its
text), in id order, stopping each key at 17 rows as the loader does, so stored rows keep
being found. Keys of the earlier wordings a row absorbed are not recomputed (their
``f:`` keys still find exact repeats); new loads add them as wordings recur.

The functions are a frozen copy of ``eventstore.normalize.match_text``,
``eventstore.load.similarity`` (names and counts) and ``eventstore.load.blocking`` as of
this revision (a revision never imports live code). On PostgreSQL the comments of the
key columns say which keys there are (under ``SET lock_timeout``). Downgrade deletes the
keys and restores the comments.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

import hashlib
import re
import struct
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCK_TIMEOUT = "10s"
CHUNK = 5_000
KEY_COMMENTS = (
    "f:, h: or t: and a hash of a normalized wording, its first or last words.",
    "f:, h:, t: (a hash of a normalized wording, its first or last words) or b:, n:, q: "
    "(a MinHash band, name or count of a wording, scoped; at most 17 rows per key).",
)
CAPPED = ("b:", "n:", "q:")
CAP = 16
BANDS = 8
EVENT_ROWS = 2
CLAIM_ROWS = 3


def upgrade() -> None:
    _comment_keys(*KEY_COMMENTS)
    if context.is_offline_mode():
        return  # offline SQL cannot hash text
    _insert("event_keys", "event_id", _capped(_event_keys()))
    _insert("claim_keys", "claim_id", _capped(_claim_keys()))


def downgrade() -> None:
    for table in ("claim_keys", "event_keys"):
        op.execute(
            f"DELETE FROM {table} WHERE "
            + " OR ".join(f"key LIKE '{prefix}%'" for prefix in CAPPED)
        )
    _comment_keys(*reversed(KEY_COMMENTS))


def _comment_keys(old: str, new: str) -> None:
    if op.get_context().dialect.name != "postgresql":
        return  # SQLite keeps no comments
    op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
    for table in ("event_keys", "claim_keys"):
        op.alter_column(
            table,
            "key",
            existing_type=sa.String(length=34),
            existing_nullable=False,
            comment=new,
            existing_comment=old,
        )
    op.execute("RESET lock_timeout")


def _event_keys() -> Iterator[tuple[str, int, frozenset[str]]]:
    """(scope, event id, keys) of every stored event, by date block, in id order."""
    query = sa.text(
        "SELECT id, summary, date_precision, month, day FROM events "
        "ORDER BY date_precision, month, day, id"
    )
    for row_id, summary, precision, month, day in op.get_bind().execute(query).all():
        block = "unknown" if precision == "unknown" else f"{precision}:{month}:{day}"
        norm = _match_text(summary)
        keys = _band_keys(norm, block, EVENT_ROWS) | _related_keys(norm, summary, block)
        yield block, row_id, keys


def _claim_keys() -> Iterator[tuple[str, int, frozenset[str]]]:
    """(scope, claim id, keys) of every stored claim, by expert and kind, in id order."""
    query = sa.text("SELECT id, text, expert_id, kind FROM claims ORDER BY expert_id, kind, id")
    for row_id, text, expert_id, kind in op.get_bind().execute(query).all():
        scope = f"{expert_id}:{kind}"
        yield scope, row_id, _band_keys(_match_text(text), scope, CLAIM_ROWS)


def _capped(keyed: Iterator[tuple[str, int, frozenset[str]]]) -> Iterator[tuple[int, str]]:
    """(row id, key) with at most CAP + 1 rows per key (keys never cross a scope, so
    counting within one at a time is enough)."""
    counts: Counter[str] = Counter()
    current = None
    for scope, row_id, keys in keyed:
        if scope != current:
            counts, current = Counter(), scope
        for key in sorted(keys):
            if counts[key] <= CAP:
                counts[key] += 1
                yield row_id, key


def _insert(table: str, parent: str, rows: Iterator[tuple[int, str]]) -> None:
    statement = sa.text(f"INSERT INTO {table} ({parent}, key) VALUES (:parent, :key)")
    batch: list[dict[str, object]] = []
    for row_id, key in rows:
        batch.append({"parent": row_id, "key": key})
        if len(batch) == CHUNK:
            op.get_bind().execute(statement, batch)
            batch = []
    if batch:
        op.get_bind().execute(statement, batch)


# -- frozen copy of eventstore.normalize.match_text as of this revision ---------------------

_NON_WORD = re.compile(r"[\W_]+")


def _fold(text: str) -> str:
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text.lower()).strip()


_FRAMES = re.compile(
    r"^(?:(?:earlier|later|subsequently|previously|meanwhile|also|reportedly|then)\s+)*"
    r"(?:(?:it\s+(?:became|was|has\s+been|is)\s+(?:known|reported|announced|revealed|learned)"
    r"|(?:local\s+|western\s+|russian\s+|ukrainian\s+)?media\s+(?:reported|wrote|said)"
    r"|reports\s+(?:said|say)|sources\s+(?:said|say))\s+(?:that\s+)?)?"
)
_SYNONYMS = {
    "munition": "ammunition",
    "munitions": "ammunition",
    "ammo": "ammunition",
    "is": "be",
    "was": "be",
    "are": "be",
    "were": "be",
    "been": "be",
    "has": "have",
    "had": "have",
    "the": "",
    "a": "",
    "an": "",
    "travelled": "traveled",
    "defence": "defense",
    "dprk": "north korea",
}
_COUNTRY_CODES = {
    "united states": "us",
    "united kingdom": "uk",
    "great britain": "uk",
    "britain": "uk",
    "european union": "eu",
}
# One pass over the text replaces every phrase above (longest first).
_REPLACEMENTS = {**_SYNONYMS, **_COUNTRY_CODES}
_REPLACE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _REPLACEMENTS), key=len, reverse=True)) + r")\b"
)


def _match_text(text: str) -> str:
    folded = _REPLACE.sub(_replacement, _FRAMES.sub("", _fold(text)))
    return " ".join(folded.split())


def _replacement(match: re.Match[str]) -> str:
    return _REPLACEMENTS[match.group()]


# -- frozen copy of eventstore.load.similarity (names, counts) as of this revision ----------

_NUMBER = re.compile(r"\d[\d,.]*")
_COMMON_NAMES = frozenset(
    """russia russian russians ukraine ukrainian ukrainians us u.s usa america american north
    south korea korean koreans kyiv moscow washington the on in at a an it this that he she
    they but and after before earlier later january february march april may june july august
    september october november december monday tuesday wednesday thursday friday saturday
    sunday president minister ministry defense defence foreign west western europe european
    eu nato un""".split()
)
_CAPITALIZED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]+")
_CAPITALIZED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]+")
_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}\b)")
_PARTS = re.compile(r"\b(\d[\d,]*)\s+(?:[a-z-]+\s+){1,2}and\s+(\d[\d,]*)(?=\s+[a-z])")


def _totalled(text: str) -> str:
    """The wording with each pair of counts replaced by their sum ("158 missiles and
    drones" and "122 missiles and 36 drones" both count 158)."""

    def total(match: re.Match[str]) -> str:
        first, second = (int(part.replace(",", "")) for part in match.groups())
        return str(first + second)

    return _PARTS.sub(total, _THOUSANDS.sub("", text))


def counts_of(text: str) -> frozenset[str]:
    """Every count two same-day reports of ``text``'s happening could share: its own and
    the totals of its pairs of counts (see ``_numbers_agree``)."""
    return frozenset(_quantities(text) | _quantities(_totalled(text)))


def _names_of(text: str) -> frozenset[str]:
    words = (_fold(word) for word in _CAPITALIZED.findall(text))
    return frozenset(word for word in words if word not in _COMMON_NAMES and len(word) > 2)


def _totalled(text: str) -> str:
    def total(match: re.Match[str]) -> str:
        first, second = (int(part.replace(",", "")) for part in match.groups())
        return str(first + second)

    return _PARTS.sub(total, _THOUSANDS.sub("", text))


def _quantities(text: str) -> set[str]:
    joined = _THOUSANDS.sub("", text)
    return {n for n in _NUMBER.findall(joined) if len(n.strip(".,")) > 2}


def _counts_of(text: str) -> frozenset[str]:
    return frozenset(_quantities(text) | _quantities(_totalled(text)))


# -- frozen copy of eventstore.load.blocking as of this revision ---------------------------

_COMMON = frozenset(
    "of to in on at by for from with and or but as be have that this it its not will would "
    "he she they we you i his her their our said says say".split()
)


def _hash(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _word_hashes(word: str) -> tuple[int, ...]:
    values = BANDS * CLAIM_ROWS
    return struct.unpack(f"<{values}I", hashlib.shake_128(word.encode()).digest(4 * values))


def _signature(norm: str) -> tuple[int, ...]:
    words = set(norm.split())
    words = (words - _COMMON) or words or {""}
    return tuple(min(column) for column in zip(*map(_word_hashes, sorted(words)), strict=True))


def _band_keys(norm: str, scope: str, rows: int) -> frozenset[str]:
    signature = _signature(norm)
    bands = (
        f"{band}:" + ",".join(map(str, signature[band * rows : (band + 1) * rows]))
        for band in range(BANDS)
    )
    return frozenset(f"b:{_hash(f'{scope}|{band}')}" for band in bands)


def _related_keys(norm: str, text: str, block: str) -> frozenset[str]:
    if not block.startswith("day:"):
        return frozenset()
    names = {f"n:{_hash(f'{block}|{name}')}" for name in _names_of(text)}
    return frozenset(names | {f"q:{_hash(f'{block}|{count}')}" for count in _counts_of(norm)})

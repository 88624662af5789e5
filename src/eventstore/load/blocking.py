"""Blocking keys: the rare, scoped keys by which resolution looks candidates up.

A mention is compared only with stored rows sharing one of its blocking keys, and a key
carried by more than ``CAP`` rows is not used for lookup at all, so the candidates per
mention stay bounded however large the store grows:

- ``b:`` MinHash bands of the normal form's words (``normalize.match_text``): two
  wordings a rewording apart share a band with high probability, unrelated ones rarely.
- ``n:`` and ``q:`` (events dated to the day): the distinctive names and the counts of a
  wording, which same-day reports worded apart share (``similarity.same_day_related``).
- the whole key (``f:``, ``normalize.wording_key``, filed as well): an exact repeat.

Event keys are scoped to the date block (precision, month and day: the only events a
dated one is compared with), claim keys to the expert and kind. Keys are stored in
``event_keys`` / ``claim_keys`` beside the ``f:`` keys; the writer stops adding rows to a
key once it is full (``CAP`` + 1 rows), so reading a key is bounded too.

Like ``normalize``, these outputs are stored: revision 0010 filled them for the rows
stored before it with a frozen copy of this module's functions, and
``tests/test_normalize.py`` fails when the two drift apart.
"""

from __future__ import annotations

import hashlib
import struct
from functools import lru_cache

import numpy

from eventstore.extract import DateReading
from eventstore.load.similarity import counts_of, names_of
from eventstore.normalize import claim_wording_key, stored_key, wording_key

# A key carried by more than CAP stored rows says too little to look candidates up by.
CAP = 16
# MinHash: BANDS bands of rows values each. Two event wordings whose words have a Jaccard
# similarity of 0.6 meet in a band of EVENT_ROWS with probability 1 - (1 - 0.6**2)**8 =
# 0.97. An expert's statements share words (up to half of them: the benchmark corpus
# says so of its generator), so claim bands are narrower: 0.33 meets 1 - (1 - 0.33**3)**8
# = 0.25 of the time, a repeat reworded (0.8) 0.997.
BANDS = 8
EVENT_ROWS = 2
CLAIM_ROWS = 3
# Words too common to tell wordings apart: left out of the MinHash.
_COMMON = frozenset(
    "of to in on at by for from with and or but as be have that this it its not will would "
    "he she they we you i his her their our said says say".split()
)
# Prefixes of the keys that are capped (not ``f:``: every row files its own whole keys).
CAPPED = ("b:", "n:", "q:")
_BAND, _NAME, _COUNT = (stored_key(f"{prefix}{'0' * 32}")[:1] for prefix in CAPPED)
_CAPPED_KINDS = frozenset(kind[0] for kind in (_BAND, _NAME, _COUNT))


def _key(kind: bytes, text: str) -> bytes:
    """A key of ``kind`` (its stored byte) hashing ``text``, in the stored form
    (``normalize.stored_key``): the digest itself, not its hex converted back."""
    return kind + hashlib.blake2b(text.encode(), digest_size=16).digest()


# The caches serve one batch (candidates, resolution and the writer key the same wordings);
# a word's hashes are kept as their digest, a quarter of the memory of 24 Python ints.
_WORD_COLUMNS = BANDS * CLAIM_ROWS
_WORD_VALUES = struct.Struct(f"<{_WORD_COLUMNS}I")


@lru_cache(maxsize=32_768)
def _word_digest(word: str) -> bytes:
    """BANDS x CLAIM_ROWS independent 32-bit hashes of a word, as one digest."""
    return hashlib.shake_128(word.encode()).digest(_WORD_VALUES.size)


@lru_cache(maxsize=8_192)
def _signature(norm: str) -> tuple[int, ...]:
    """The MinHash signature of a normal form's words (common words left out, unless that
    leaves none): the least of each of the words' values, taken by numpy over their
    digests (12 us a wording where unpacking them into Python ints took 46)."""
    words = set(norm.split())
    words = (words - _COMMON) or words or {""}
    digests = b"".join([_word_digest(word) for word in words])
    values = numpy.frombuffer(digests, dtype="<u4").reshape(len(words), _WORD_COLUMNS)
    return tuple(values.min(axis=0).tolist())


# Every band of ``rows`` values ("0:v,v,v", "1:v,v,v", ...) written by one format and
# split: the same text as joining each band's values (5.4 -> 1.6 us a wording).
_BAND_FORMATS = {
    rows: "|".join(f"{band}:" + ",".join(["%d"] * rows) for band in range(BANDS))
    for rows in (EVENT_ROWS, CLAIM_ROWS)
}


def bands(norm: str, rows: int) -> tuple[str, ...]:
    """The BANDS bands of ``rows`` values of a normal form's MinHash signature."""
    return tuple((_BAND_FORMATS[rows] % _signature(norm)[: BANDS * rows]).split("|"))


def date_block(precision: str, month: int | None, day: int | None) -> str:
    """The date block of an event: what ``known`` compares dated events within."""
    return "unknown" if precision == "unknown" else f"{precision}:{month}:{day}"


@lru_cache(maxsize=8_192)
def band_keys(norm: str, scope: str, rows: int) -> frozenset[bytes]:
    """The ``b:`` keys of a normal form within a scope (a date block; an expert and kind)."""
    return frozenset([_key(_BAND, f"{scope}|{band}") for band in bands(norm, rows)])


def event_band_keys(norm: str, block: str) -> frozenset[bytes]:
    """The ``b:`` keys of an event wording in its date block."""
    return band_keys(norm, block, EVENT_ROWS)


def claim_band_keys(norm: str, expert_id: int, kind: str) -> frozenset[bytes]:
    """The ``b:`` keys of a claim wording of an expert (id) and kind."""
    return band_keys(norm, f"{expert_id}:{kind}", CLAIM_ROWS)


@lru_cache(maxsize=8_192)
def related_keys(norm: str, text: str, block: str) -> frozenset[bytes]:
    """The ``n:`` and ``q:`` keys of an event dated to the day: its distinctive names
    (of ``text``, which keeps their capitals) and its counts, within its date block."""
    if not block.startswith("day:"):
        return frozenset()
    names = {_key(_NAME, f"{block}|{name}") for name in names_of(text)}
    return frozenset(names | {_key(_COUNT, f"{block}|{count}") for count in counts_of(norm)})


def event_blocking_keys(norm: str, text: str, block: str) -> frozenset[bytes]:
    """Every capped key of an event wording (``norm`` of ``text``) in its date block."""
    return event_band_keys(norm, block) | related_keys(norm, text, block)


def capped(key: bytes) -> bool:
    """Whether ``key`` is one the cap applies to (the writer stops at CAP + 1 rows)."""
    return key[0] in _CAPPED_KINDS


def event_lookup_keys(norm: str, text: str, reading: DateReading) -> frozenset[bytes]:
    """The keys an event mention looks candidates up by: its whole key (any date: the
    date is checked after) and its blocking keys."""
    return _event_lookup_keys(norm, text, date_block(reading.precision, reading.month, reading.day))


# The lookup keys of a wording are asked for by candidates and by resolution, and a
# claim's whole key by the writer too: kept for a batch (about 1,200 wordings), they are
# hashed and united once, not two to four times (``band_keys`` was called 86,517 times
# per 2,500 articles at 7,500 stored, now 42,087).
@lru_cache(maxsize=8_192)
def _event_lookup_keys(norm: str, text: str, block: str) -> frozenset[bytes]:
    return event_blocking_keys(norm, text, block) | {wording_key(norm)}


@lru_cache(maxsize=8_192)
def claim_lookup_keys(norm: str, expert_id: int, kind: str) -> frozenset[bytes]:
    """The keys a claim mention of an expert (id, or a stand-in) looks candidates up by."""
    whole = claim_wording_key(norm, expert_id, kind)
    return claim_band_keys(norm, expert_id, kind) | {whole}

"""Normalization: every function whose output is stored as a key, under one version.

Extraction keys people and sources with these (``experts.key``, ``sources.key``),
resolution matches and stores wordings by them (``event_keys``, ``claim_keys``,
``claims.text_key``, ``experts.skeleton``), evaluation compares names with them. "Kim Jong
Un" and "Kim Jong-un" share a key; so do "The New York Times" and "the New York Times",
"US" and "United States", "munitions were delivered" and "ammunition was delivered".

A change to any output here changes keys that stores already hold, so rows stop finding
their own earlier wordings. Such a change bumps ``NORMALIZATION_VERSION`` and comes with
a new Alembic revision that recomputes the stored keys from a frozen copy of the new
functions (a migration never imports this module: its meaning must not move under it).
``tests/test_normalize.py`` fails when the functions drift from the frozen copies the
landed revisions ran.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

NORMALIZATION_VERSION = 1
"""Bumped with every change to a stored key; a new revision then recomputes the keys."""

_NON_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation to spaces, spaces collapsed."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text.lower()).strip()


# People ----------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """Key of a person's name: case, accents, hyphens and spelling variants folded."""
    tokens = fold(name).split()
    return " ".join(_fold_transliteration(token) for token in tokens)


def _fold_transliteration(token: str) -> str:
    # Zelenskyy / Zelenskiy / Zelensky, Dmitriy / Dmitry: one spelling.
    token = re.sub(r"(?:yy|iy|ij|yi)$", "y", token)
    return re.sub(r"(.)\1+", r"\1", token)


# Digraphs of transliteration, read as one sound ("Kharkiv", "Shoigu", "Zhdanov").
_DIGRAPHS = tuple(
    pair.split(":")
    for pair in "shch:s sch:s sh:s ch:c zh:z kh:k th:t ph:f ts:c tz:c x:ks w:v".split()
)
_VOWELS = re.compile(r"[aeiouy]")


def surname_skeleton(name: str) -> str | None:
    """The skeleton of the last word of a name ("Kuleba" and "Dmytro Kuleba": "klb")."""
    tokens = fold(name).split()
    skeleton = name_skeleton(f"x {tokens[-1]}") if tokens else None
    return skeleton.split()[-1] if skeleton else None


@lru_cache(maxsize=65536)
def name_skeleton(name: str) -> str | None:
    """The consonants of a person's full name, transliteration folded: one skeleton for
    "Kirill" and "Kyrylo" Budanov, "Anthony" and "Antony" Blinken, "Andrii" and "Andriy",
    "Serhiy" and "Sergei", "Oleksandr" and "Alexander". A name ending in "a" keeps it
    ("Zelensky" is not "Zelenska"). None for a single word, which says too little."""
    tokens = fold(name).replace("-", " ").split()
    if len(tokens) < 2:
        return None
    skeletons = []
    for token in tokens:
        word = token
        for digraph, sound in _DIGRAPHS:
            word = word.replace(digraph, sound)
        word = word.replace("g", "h")  # Ukrainian h is Russian g: Halushchenko / Galushchenko
        consonants = re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", word))
        if not consonants:
            return None
        skeletons.append(consonants + ("a" if token.endswith("a") else ""))
    return " ".join(skeletons)


# Sources ---------------------------------------------------------------------------

_SOURCE_ALIASES = (
    (re.compile(r"\b(?:united states of america|united states|u s a|u s|usa)\b"), "us"),
    (re.compile(r"\b(?:united kingdom|great britain|britain|u k)\b"), "uk"),
    (re.compile(r"\b(?:united nations|u n)\b"), "un"),
    (re.compile(r"\b(?:european union|e u)\b"), "eu"),
    (re.compile(r"\bdefence\b"), "defense"),
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


@lru_cache(maxsize=65536)
def source_key(name: str) -> str:
    """Key of a source's name: case and a leading 'the' dropped, aliases folded."""
    key = _LEADING_ARTICLE.sub("", fold(name.replace(".", " ").replace("’s", "").replace("'s", "")))
    for pattern, replacement in _SOURCE_ALIASES:
        key = pattern.sub(replacement, key)
    return " ".join(key.split())


# Wordings of events and claims -----------------------------------------------------

# Reports of one event differ in frame ("it became known that" / "media reported that"),
# tense ("was ready" / "is ready"), synonyms ("munitions" / "ammunition"): the normal form
# drops or folds them.
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


@lru_cache(maxsize=262_144)
def match_text(text: str) -> str:
    """The normal form two wordings are compared in."""
    folded = _REPLACE.sub(_replacement, _FRAMES.sub("", fold(text)))
    return " ".join(folded.split())


def _replacement(match: re.Match[str]) -> str:
    return _REPLACEMENTS[match.group()]


# How many words of the normal form make its head and its tail key.
KEY_WORDS = 6


@dataclass(frozen=True, slots=True)
class MatchKeys:
    """Indexed hashes of a normal form: the whole (exact matches), its first and its last
    words (candidates for fuzzy matches: a rewording rarely changes both ends)."""

    full: str
    head: str
    tail: str


def _hash(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


@lru_cache(maxsize=262_144)
def match_keys(norm: str) -> MatchKeys:
    """The keys of a normal form (see ``match_text``)."""
    words = norm.split()
    return MatchKeys(
        _hash(norm), _hash(" ".join(words[:KEY_WORDS])), _hash(" ".join(words[-KEY_WORDS:]))
    )


@lru_cache(maxsize=262_144)
def key_set(norm: str) -> frozenset[str]:
    """The matching keys of a normal form, as stored in event_keys (claims: claim_key_set)."""
    keys = match_keys(norm)
    return frozenset({f"f:{keys.full}", f"h:{keys.head}", f"t:{keys.tail}"})


@lru_cache(maxsize=262_144)
def claim_key_set(norm: str, expert_id: int, kind: str) -> frozenset[str]:
    """The matching keys of a claim (as stored in claim_keys): those of its normal form,
    scoped to its speaker and kind, the only claims it is ever compared with.

    Many people open statements alike: unscoped, one head key was shared by the claims
    of every expert, and each batch fetched them all only to pass them over.
    """
    scope = f"{expert_id}:{kind}:"
    return frozenset(key[:2] + _hash(scope + key[2:]) for key in key_set(norm))


def wording_key(norm: str) -> bytes:
    """The whole key of a normal form (``f:`` of ``key_set``), in its stored form
    (``stored_key``): the one key of it that event_keys files since revision 0012 (no
    lookup read the ``h:`` and ``t:`` keys).

    Not cached, nor through ``match_keys``'s cache: one hash costs about a microsecond,
    and a cache of 262,144 wordings' keys held some 100 MB in a long load."""
    return _WHOLE + _digest(norm)


@lru_cache(maxsize=8_192)
def claim_wording_key(norm: str, expert_id: int, kind: str) -> bytes:
    """The whole key of a claim's normal form, scoped to its expert and kind (``f:`` of
    ``claim_key_set``), in its stored form: the one key of it that claim_keys files since
    revision 0012.

    Cached for one batch's wordings (about 600 claims; resolution and the writer ask for
    it again): two hashes each time were 58,000 calls per 2,500 articles."""
    return _WHOLE + _digest(f"{expert_id}:{kind}:" + _hash(norm))


# How a matching key is stored (revision 0013): the kind of key as one byte, then the 16
# bytes of its hash, a 17-byte binary value instead of 34 characters ("b:" and 32 hex
# digits). The loader builds its keys in this form from the start (``wording_key``,
# ``blocking``): the hash's digest, never its hex, so nothing is converted on the way to
# and from the store; the text form (``key_set``, ``claim_key_set``, the revisions' frozen
# copies) is one-to-one with it (``stored_key``, ``key_text``). 64-bit keys would be
# smaller still, but a whole (f:) key decides an exact match (``known.Known.worded``):
# two wordings colliding in 64 bits would be taken for one, so the whole hash is kept.
KEY_KINDS = ("f:", "b:", "n:", "q:")
_KIND_BYTES = {kind: bytes([number]) for number, kind in enumerate(KEY_KINDS)}
_WHOLE = _KIND_BYTES["f:"]


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


def stored_key(key: str) -> bytes:
    """The stored form of a matching key in text form (``f:``, ``b:``, ``n:`` or ``q:``
    and a hash)."""
    return _KIND_BYTES[key[:2]] + bytes.fromhex(key[2:])


def key_text(stored: bytes) -> str:
    """The text form of a stored matching key (the inverse of ``stored_key``)."""
    return KEY_KINDS[stored[0]] + stored[1:].hex()


def text_order(keys: Iterable[bytes]) -> list[bytes]:
    """Stored-form keys in the order of their text forms (``b:`` < ``f:`` < ``n:`` <
    ``q:``, then the hash: the digests' order is their hex's). Key rows are inserted in
    this order, so their ids stay those the text keys gave."""
    ordered = sorted(keys)
    if not ordered or ordered[0][0] != _WHOLE[0]:  # no whole key: the two orders agree
        return ordered
    wholes = bisect_left(ordered, _KIND_BYTES["b:"])
    bands = bisect_left(ordered, _KIND_BYTES["n:"], wholes)
    return ordered[wholes:bands] + ordered[:wholes] + ordered[bands:]


def whole_key(keys: frozenset[str]) -> str:
    """The key of the whole normal form among a wording's keys (``key_set`` or
    ``claim_key_set``): two wordings share it only when their normal forms are equal."""
    return next(key for key in keys if key.startswith("f:"))


def text_key(text: str) -> str:
    """A short stable hash of the normal form (for exact matches through an index)."""
    return _hash(match_text(text))

"""Frozen for revision 0003: the matching keys as 0003 computed them. Never change it.

Alembic revision 0003 (alembic/versions/0003_claim_and_event_keys.py, landed, never
edited) fills event_keys and claim_keys of the rows already stored with
``match_text``, ``key_set`` and ``claim_key_set`` imported from here. This module is
those three functions and their helpers (``fold`` included) as they were when 0003
landed, so that 0003 means the same on every store whatever matching becomes.

The loader, resolution and evaluation use ``eventstore.normalize`` (the live keys,
under ``NORMALIZATION_VERSION``) and ``eventstore.load.similarity`` (fuzzy matching);
besides 0003, only revision 0012's downgrade imports this module (it refiles the ``h:``
and ``t:`` keys 0012 deleted). ``tests/test_normalize.py`` checks that its keys still
equal the live ones: when they differ on purpose, a new revision must recompute the
stored keys.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+")
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
_REPLACEMENTS = {**_SYNONYMS, **_COUNTRY_CODES}
_REPLACE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _REPLACEMENTS), key=len, reverse=True)) + r")\b"
)
KEY_WORDS = 6


def _fold(text: str) -> str:
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text.lower()).strip()


def match_text(text: str) -> str:
    """The normal form of a wording, as 0003 computed it."""
    folded = _REPLACE.sub(_replacement, _FRAMES.sub("", _fold(text)))
    return " ".join(folded.split())


def _replacement(match: re.Match[str]) -> str:
    return _REPLACEMENTS[match.group()]


def _hash(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def key_set(norm: str) -> frozenset[str]:
    """The event_keys of a normal form, as 0003 computed them."""
    words = norm.split()
    head, tail = " ".join(words[:KEY_WORDS]), " ".join(words[-KEY_WORDS:])
    return frozenset({f"f:{_hash(norm)}", f"h:{_hash(head)}", f"t:{_hash(tail)}"})


def claim_key_set(norm: str, expert_id: int, kind: str) -> frozenset[str]:
    """The claim_keys of a normal form, as 0003 computed them."""
    scope = f"{expert_id}:{kind}:"
    return frozenset(key[:2] + _hash(scope + key[2:]) for key in key_set(norm))

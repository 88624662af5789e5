"""Making what eventstore prints safe: passwords out of URLs, log lines and error messages;
control characters of file names and stored text escaped."""

from __future__ import annotations

import re

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError


def parse_url(url: str | URL) -> URL:
    """Parse ``url`` as SQLAlchemy does, but take a password holding an unencoded ``@``
    whole: the host is what follows the last ``@`` (SQLAlchemy's stops at the first, and
    would print the rest of the password as part of the host)."""
    parsed = make_url(url)
    if not parsed.host or "@" not in parsed.host:
        return parsed
    rest, _, host = parsed.host.rpartition("@")
    if parsed.password is None:
        return parsed.set(username=f"{parsed.username or ''}@{rest}", host=host)
    return parsed.set(password=f"{parsed.password}@{rest}", host=host)


# Query parameters libpq (and so psycopg) reads a secret from.
_SECRET_PARAMETERS = frozenset({"password", "sslpassword"})


def is_secret(parameter: str) -> bool:
    """True for a URL query parameter that holds a password."""
    return parameter.lower() in _SECRET_PARAMETERS


def mask_url(url: str | URL) -> str:
    """Render ``url`` for humans, its password (user information and query string)
    replaced by ``***``."""
    try:
        rendered = parse_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return mask_text(str(url))
    return _QUERY_SECRET.sub(r"\g<head>***", rendered)


_QUERY_SECRET = re.compile(r"(?P<head>[?&](?:ssl)?password=)[^&#]*", re.I)


# The password of a URL runs from the ':' after the user name to the last '@' before the
# host, which ends at '/', '?', '#' or a space: an unencoded '@' in it is masked too.
# A scheme starts where no scheme character precedes it: tried from every letter of a long
# word, the match took quadratic time (a 1 MB word, minutes).
_USERINFO_PASSWORD = re.compile(
    r"(?<![a-z0-9+.-])(?P<head>[a-z][a-z0-9+.-]*://[^:/@\s]*:)"
    r"[^\s/?#]*(?=@[^@\s/?#]*(?:[/?#\s]|$))",
    re.I,
)
_KEYWORD_PASSWORD = re.compile(r"(?P<head>\bpassword\s*=\s*)('[^']*'|\S+)", re.I)


def mask_text(text: str, *secrets: str | None) -> str:
    """Remove passwords from free text: URL user-info, ``password=...`` pairs, given secrets."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    text = _USERINFO_PASSWORD.sub(r"\g<head>***", text)
    return _KEYWORD_PASSWORD.sub(r"\g<head>***", text)


# C0 and C1 controls, DEL, the line and paragraph separators, the bidirectional marks,
# embeddings, overrides and isolates (they reorder what a terminal shows), and unpaired
# surrogates (a file name that is not UTF-8 decodes to U+DC80..U+DCFF).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_controls(text: str, *, keep: str = "") -> str:
    """``text`` safe to print: control characters (but those in ``keep``) as ``\\n``,
    ``\\x1b``, ``\\u202e``; a byte of a non-UTF-8 file name as ``\\xe9``."""

    def escaped(match: re.Match[str]) -> str:
        char = match.group()
        if char in keep:
            return char
        code = ord(char)
        if char in _NAMED:
            return _NAMED[char]
        if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's escape of a byte that is not UTF-8
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"

    return _UNSAFE.sub(escaped, text)

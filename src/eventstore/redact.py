"""Passwords out of everything eventstore prints: URLs, log lines, error messages."""

from __future__ import annotations

import re

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError


def mask_url(url: str | URL) -> str:
    """Render ``url`` for humans, its password replaced by ``***``."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return mask_text(str(url))


_USERINFO_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^:/@\s]*:)[^@\s]*(?=@)", re.I)
_KEYWORD_PASSWORD = re.compile(r"(?P<head>\bpassword\s*=\s*)('[^']*'|\S+)", re.I)


def mask_text(text: str, *secrets: str | None) -> str:
    """Remove passwords from free text: URL user-info, ``password=...`` pairs, given secrets."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    text = _USERINFO_PASSWORD.sub(r"\g<head>***", text)
    return _KEYWORD_PASSWORD.sub(r"\g<head>***", text)

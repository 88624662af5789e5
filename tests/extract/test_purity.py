"""Extraction never imports the database layer (DESIGN.md: each arrow is a boundary)."""

from __future__ import annotations

import subprocess
import sys


def test_extract_imports_no_database_code() -> None:
    probe = (
        "import sys, eventstore.extract; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy' "
        "or m in {'eventstore.db', 'eventstore.schema'} or m.startswith('eventstore.load')); "
        "print(bad)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"

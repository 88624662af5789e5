"""``python -m eventstore``: the same entry point as the ``eventstore`` command."""

from eventstore.cli import main

main()

"""The store as the read-only commands open it: the live directory, or its snapshot while an
ingest holds the directory (one process at a time may open it)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime, timezone
from pathlib import Path

import click

from .display_time import moment_shown
from .i18n import Lang, message
from .store import Store, open_store_for_reading


@contextmanager
def store_to_read(location: str | None, lang: Lang, engine: str | None = None,
                  user: str | None = None) -> Iterator[Store]:
    """The store at `location` (a remote one's engine as `engine` sets, its client `user`),
    closed afterwards; says on stderr, in `lang`, when it is the snapshot because another
    process is writing the store."""
    store, snapshot = open_store_for_reading(location, engine, user)
    with closing(store):
        if snapshot is not None:
            click.echo(message("store.read_snapshot", lang, time=_taken_at(snapshot, lang)),
                       err=True)
        yield store


def _taken_at(snapshot: Path, lang: Lang) -> str:
    """When a snapshot was made (its directory's time), to the second in the display zone, the
    zone said (clause 1; checker/display_time.py)."""
    return moment_shown(datetime.fromtimestamp(snapshot.stat().st_mtime, timezone.utc), lang,
                        seconds=True)

"""RocksDB's info logs in a store directory, kept to the newest few (docs/store.md).

RocksDB writes what it does to `LOG` in the store directory and, each time the directory is
opened for writing, first renames the one before to `LOG.old.<microseconds since 1970>`: every
`bcic clusters` or `history` on the live store left one (some 137 KB), and so does an open that
then finds another process holding the store, once per retry of a waiting writer. A read-only
open writes no log at all. pyoxigraph offers none of RocksDB's options, so the store prunes
after each open for writing instead.
"""

from __future__ import annotations

import os
import re
from contextlib import suppress
from pathlib import Path

KEPT_INFO_LOGS = 5  # rotated info logs kept in a store directory, the newest by their time stamp
# RocksDB's name for a rotated info log in the database's own directory (its InfoLogFileName).
_ROTATED_LOG = re.compile(r"LOG\.old\.(?P<micros>[0-9]+)")


def prune_info_logs(store_dir: Path, keep: int = KEPT_INFO_LOGS) -> None:
    """Delete the rotated info logs of a store directory but the newest `keep`. Only files named
    as RocksDB names them (`LOG.old.<digits>`), never `LOG` itself nor anything else; a log that
    cannot be deleted (a read-only directory, no permission, another process's prune) stays,
    without a word: nobody's command fails for a log."""
    with suppress(OSError):
        with os.scandir(store_dir) as entries:
            rotated = [(int(match["micros"]), entry.name) for entry in entries
                       if (match := _ROTATED_LOG.fullmatch(entry.name))
                       and entry.is_file(follow_symlinks=False)]
        for _, name in sorted(rotated, reverse=True)[keep:]:
            with suppress(OSError):
                (store_dir / name).unlink()

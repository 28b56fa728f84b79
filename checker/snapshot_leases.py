"""Leases on query snapshots: a snapshot a reader holds open is never deleted under it.

A reader that keeps a snapshot open (a server's pages, web/data.py) holds a shared `flock` on the
snapshot's lease file, `<snapshot>.lease` beside it, for as long as it reads it. Pruning
(`query_runner._prune`) takes an exclusive lock without waiting and leaves a snapshot whose lock
it cannot get: a later prune removes it once its last reader has let go. A `flock` belongs to the
open file, so a lease holds against a prune in another thread of the same process (a server's own
write) as against another process (`bcic ingest` publishing beside a running server).
"""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

LEASE_SUFFIX = ".lease"


class SnapshotLease:
    """A shared lock that keeps one snapshot directory from being pruned until `release()`."""

    def __init__(self, snapshot: Path, descriptor: int) -> None:
        self.snapshot = snapshot
        self._descriptor: int | None = descriptor

    def release(self) -> None:
        """Let the snapshot be pruned again (a second call does nothing)."""
        if self._descriptor is not None:
            os.close(self._descriptor)  # closing the file drops its lock
            self._descriptor = None


def lease_file(snapshot: Path) -> Path:
    """The file whose lock guards `snapshot`: beside it, never inside the store's own files."""
    return snapshot.with_name(snapshot.name + LEASE_SUFFIX)


def take_lease(snapshot: Path) -> SnapshotLease | None:
    """A lease on `snapshot`, waiting while a prune is removing it; None when it has been
    removed (the caller reads the current snapshot again)."""
    descriptor = os.open(lease_file(snapshot), os.O_RDONLY | os.O_CREAT, 0o644)
    fcntl.flock(descriptor, fcntl.LOCK_SH)
    if not snapshot.is_dir():  # pruned before our lock: the file is a stray one now
        lease_file(snapshot).unlink(missing_ok=True)
        os.close(descriptor)
        return None
    return SnapshotLease(snapshot, descriptor)


def remove_unless_leased(snapshot: Path) -> bool:
    """Remove `snapshot` and its lease file unless a reader holds a lease on it; whether it was
    removed."""
    try:
        descriptor = os.open(lease_file(snapshot), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return False
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # in use: a later prune removes it
        shutil.rmtree(snapshot, ignore_errors=True)
        lease_file(snapshot).unlink(missing_ok=True)
        return True
    finally:
        os.close(descriptor)

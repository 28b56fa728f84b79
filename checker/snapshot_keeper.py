"""Which query snapshot a server may read: never one it cannot tell matches the live store.

A `<store>-snapshots/current` left from before the server started may be older or newer than the
store: a store restored from a backup, or a process killed between a committed write and its
refresh, leaves one holding revisions the store does not. So a server trusts only a snapshot it
made from the live store itself, or one a writer published after it started (`bcic ingest`
refreshes it after each write). It makes one at start; while it cannot (another process holds the
store), every read is refused as "not readable yet" (503) and the next one, at most every
RETRY_SECONDS, tries again. The store is never reported empty while it cannot be read.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from .errors import CheckerError, InputError, NoAnswerError, StoreLockedError
from .query_runner import SupportsBackup, current_snapshot, refresh_snapshot
from .store.location import holds_store
from .os_reasons import os_reason

RETRY_SECONDS = 1.0  # a read while no snapshot can be trusted tries to make one this often


class SnapshotKeeper:
    """The snapshots of the store directory `store_dir` in `snapshot_dir`, as a server reads
    them; failures the operator must see go to `logger`, never to a client."""

    def __init__(self, store_dir: Path, snapshot_dir: Path, logger: logging.Logger) -> None:
        self.store_dir = store_dir
        self.snapshot_dir = snapshot_dir
        self._logger = logger
        self._lock = threading.Lock()
        self._left_before = current_snapshot(snapshot_dir)  # not to be trusted as it is
        self._trusted = False
        self._stale = False  # the store holds a write the trusted snapshot misses
        self._next_try = 0.0
        self._refusal_logged = False  # once until a snapshot is made: retries are frequent

    def start(self) -> None:
        """Make a fresh snapshot when the store exists. While another process holds it, reads
        answer "not readable yet" until one is made; a store that cannot be read at all (damaged)
        or snapshots that cannot be written are errors now, so the server does not start."""
        if not holds_store(self.store_dir):
            return
        try:
            self._refresh()
        except StoreLockedError as error:
            self._refused(error)

    def current(self) -> Path | None:
        """The snapshot to read now, or None when there is no store (nothing stored yet);
        NoAnswerError "not readable yet" while no snapshot can be trusted."""
        with self._lock:
            link = current_snapshot(self.snapshot_dir)
            if link is not None and (self._trusted or link != self._left_before):
                self._trusted = True  # ours, or published by a writer since we started
                if self._stale and self._may_try():
                    link = self._try_refresh() or link  # else the older one, as documented
                return link
            if not holds_store(self.store_dir):
                return None
            if not self._may_try():
                raise NoAnswerError.of("error.store.not_ready")
            if (made := self._try_refresh()) is None:
                raise NoAnswerError.of("error.store.not_ready")
            return made

    def readable(self) -> None:
        """Return when there is a snapshot to query: NoAnswerError otherwise, "nothing stored
        yet" when there is no store (a snapshot left without one is not read either)."""
        if self.current() is None:
            raise NoAnswerError.of("error.store.nothing_stored")

    def publish(self, store: SupportsBackup) -> None:
        """Make a snapshot of the open store after this server's write. When that fails (a full
        disk), the write stays stored: the failure is logged, the older snapshot still read, and
        a later read tries again."""
        try:
            refresh_snapshot(store, self.snapshot_dir)
        except (CheckerError, OSError) as error:
            self._logger.warning("a write was stored, but no query snapshot could be made of it "
                                 "(%s): pages show the store as before it until one is made",
                                 _said(error))
            with self._lock:
                self._stale = True
            return
        with self._lock:
            self._trusted, self._stale = True, False

    def _may_try(self) -> bool:
        """Whether RETRY_SECONDS have passed since the last snapshot that could not be made."""
        return time.monotonic() >= self._next_try

    def _try_refresh(self) -> Path | None:
        """A fresh snapshot from the live directory, or None (logged) when none can be made."""
        try:
            return self._refresh()
        except CheckerError as error:
            self._refused(error)
            return None

    def _refresh(self) -> Path:
        """A fresh snapshot of the live directory, now the current one; InputError when the
        snapshot directory cannot be written, the store's own errors as they are."""
        try:
            made = refresh_snapshot(self.store_dir, self.snapshot_dir)
        except OSError as error:  # the snapshot directory: the store's own errors are ours
            raise InputError.of("error.snapshot.cannot_write", path=self.snapshot_dir,
                                reason=os_reason(error)) from None
        self._trusted, self._stale, self._refusal_logged = True, False, False
        return made

    def _refused(self, error: CheckerError) -> None:
        """Note a snapshot that could not be made: tried again after RETRY_SECONDS, logged once
        until one is made."""
        self._next_try = time.monotonic() + RETRY_SECONDS
        if self._refusal_logged:
            return
        self._refusal_logged = True
        self._logger.warning("no query snapshot can be made of %s now (%s): tried again on a "
                             "later request; until one is made, a store never read since start "
                             "answers 503", self.store_dir, error.message)


def _said(error: CheckerError | OSError) -> str:
    return error.message if isinstance(error, CheckerError) else str(error)

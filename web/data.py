"""The stores the pages read and write, opened per configuration.

Pages read the embedded store's current query snapshot in this process (read-only, reopened when
ingest publishes a new one), so the web app never holds the live store that `bcic ingest`
writes; only a snapshot known to match the live store (checker/snapshot_keeper.py), else 503.
Each request reads one snapshot from its first read to its end, lent to it: a newer one published
meanwhile is read by later requests, and the older one is closed (and may be pruned:
checker/snapshot_leases.py) only when its last request is done.
A write (a revision stored with a token) opens the live store for its own duration and
publishes a new snapshot after it. The app's writes take turns: RocksDB's lock on a directory is
the process's, so a second thread opening it would be refused at once, as if another process
held it. A remote SPARQL store is read and written directly (its writers take turns on the
server: docs/store.md).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TypeVar

from flask import Flask, current_app, g

from checker.errors import CheckerError, NoAnswerError, NotFlushedError
from checker.ingest import store_submission
from checker.loading import SubmissionFile
from checker.i18n import Phrase, phrase
from checker.query_runner import snapshot_dir_for
from checker.report import Report
from checker.errors import StoreLockedError
from checker.snapshot_keeper import SnapshotKeeper
from checker.snapshot_leases import SnapshotLease, take_lease
from checker.store import Store, engine_setting, open_configured_store, writer_lock_wait
from checker.store.credentials import Credentials, store_credentials
from checker.store.base import RevisionInfo
from checker.store.location import holds_store
from checker.store.oxigraph_store import OxigraphStore
from checker.store.summary import needs_reindex
from checker.validation_limits import check_within

from .submissions import validation_limits

_READER = "bcic.reader"
_LENT = "bcic_read_store"  # in flask.g: the store lent to this request (read_store)
_WRITER = "bcic.writer"
# What pages computed from one snapshot, kept with it (the least recently used dropped beyond
# this many): a snapshot never changes, and a new one starts empty. Each is one page's data, so
# the bound keeps the server's memory bounded too, whatever query strings clients send.
MEMO_SIZE = 64
T = TypeVar("T")


class _Opened:
    """One store opened for reading, the requests reading it now, and the lease that keeps its
    snapshot from being pruned (None: a remote store, or no store yet)."""

    def __init__(self, snapshot: Path | None, store: Store,
                 lease: SnapshotLease | None) -> None:
        self.snapshot = snapshot
        self.store = store
        self.lease = lease
        self.users = 0
        self.retired = False  # a newer snapshot is read now: close when the last user is done
        self.memo: OrderedDict[Hashable, object] = OrderedDict()  # SnapshotReader.remembered
        self.running: dict[Hashable, threading.Event] = {}  # computed now, set when done

    def close(self) -> None:
        """Close the store and let its snapshot be pruned."""
        self.store.close()
        if self.lease is not None:
            self.lease.release()


class SnapshotReader:
    """Read-only stores over the current snapshot, one per snapshot, lent to each request for
    its whole duration (`acquire`/`release`): a snapshot replaced by a newer one is closed when
    its last request is done, never under one (`snapshots`: None for a remote store, read
    directly and never replaced)."""

    def __init__(self, store_location: str, snapshots: SnapshotKeeper | None, engine: str,
                 credentials: Credentials | None = None) -> None:
        self.store_location = store_location
        self.snapshots = snapshots
        self.engine = engine  # a remote store's engine setting (checker/store/engine.py)
        self.credentials = credentials  # a remote store's user (checker/store/credentials.py)
        self._lock = threading.Lock()
        self._opened: _Opened | None = None

    def acquire(self) -> _Opened:
        """The store to read now, lent until `release`: an empty in-memory one while there is
        no store at all; NoAnswerError (503, no path: the log says why) while no snapshot can
        be trusted. The current snapshot is looked up under the lock that replaces the open
        store: looked up before it, a request that found the snapshot before a write could
        take the lock after another had opened the newer one, and open the older one again in
        its place (its pages' results lost, and two more opens)."""
        with self._lock:
            if self.snapshots is None:
                if self._opened is None:
                    self._opened = _Opened(None, open_live(self, lock_wait=0.0), None)
            else:
                snapshot = self.snapshots.current()
                if self._opened is None or self._opened.snapshot != snapshot:
                    self._replace(self._open(snapshot))
            assert self._opened is not None
            self._opened.users += 1
            return self._opened

    def release(self, opened: _Opened) -> None:
        """A request is done with a store `acquire` lent it: a replaced snapshot's store is
        closed when this was its last user."""
        with self._lock:
            opened.users -= 1
            done = opened.retired and opened.users == 0
        if done:
            opened.close()

    def remembered(self, opened: _Opened, key: Hashable, compute: Callable[[Store], T]) -> T:
        """`compute(opened.store)`, kept under `key` with the snapshot `opened` reads (at most
        MEMO_SIZE results); computed each time on a remote store, which may change under the
        app. Requests asking for one key at once share one computation: the first computes, the
        others wait for its result (one that failed is computed again by the next, so that each
        request gets its error in its own language)."""
        if self.snapshots is None:
            return compute(opened.store)
        while True:
            with self._lock:
                if key in opened.memo:
                    opened.memo.move_to_end(key)
                    return opened.memo[key]  # type: ignore[return-value]
                running = opened.running.get(key)
                if running is None:
                    running = opened.running[key] = threading.Event()
                    break
            running.wait()  # another request computes it: then read it from the memo
        try:
            value = compute(opened.store)
            with self._lock:
                opened.memo[key] = value
                while len(opened.memo) > MEMO_SIZE:
                    opened.memo.popitem(last=False)
        finally:
            with self._lock:
                del opened.running[key]
            running.set()
        return value

    def _open(self, snapshot: Path | None) -> _Opened:
        """A snapshot opened with a lease on it; NoAnswerError "not readable yet" when it was
        pruned before the lease (a reader that waited through several writes): the next read
        opens the newer one."""
        if snapshot is None:
            return _Opened(None, _opened_snapshot(None), None)
        lease = take_lease(snapshot)
        if lease is None:
            raise NoAnswerError.of("error.store.not_ready")
        try:
            return _Opened(snapshot, _opened_snapshot(snapshot), lease)
        except BaseException:
            lease.release()
            raise

    def _replace(self, opened: _Opened) -> None:
        """Make `opened` the store new requests read (under the lock); the one before is
        closed now if no request reads it, else by its last one."""
        before, self._opened = self._opened, opened
        if before is not None:
            before.retired = True
            if before.users == 0:
                before.close()

    def close(self) -> None:
        """Close the store held open, if any (when the app stops)."""
        with self._lock:
            if self._opened is not None:
                self._opened.close()
                self._opened = None


class StoreWriter:
    """The live store as this app writes it: one write at a time in the process, each waiting
    up to `lock_wait` seconds for the writes before it and for another process that holds the
    store (BCIC_STORE_LOCK_WAIT, as `bcic ingest` waits)."""

    def __init__(self, reader: SnapshotReader, lock_wait: float) -> None:
        self.reader = reader
        self.lock_wait = lock_wait
        self._turn = threading.Lock()

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The live store for one write, closed after it; publishes a snapshot for the readers
        when the write was stored (also when only its flush failed: NotFlushedError, said
        without the store's words). StoreLockedError (503) when it stayed busy, NoAnswerError
        when it cannot be opened otherwise, without its path: the server's log says where."""
        deadline = time.monotonic() + self.lock_wait
        if not self._turn.acquire(timeout=self.lock_wait):
            raise StoreLockedError.of("error.store.busy", seconds=f"{self.lock_wait:g}")
        try:
            store = self._open(max(0.0, deadline - time.monotonic()))
            try:
                yield store
            except NotFlushedError as error:  # stored: say so, without the store's paths
                current_app.logger.error("%s", error.message)
                self._publish(store)
                raise NotFlushedError(phrase("error.store.not_flushed", written=error.written,
                                             detail=phrase("error.store.see_log")),
                                      error.written) from None
            else:
                self._publish(store)
            finally:
                store.close()
        finally:
            self._turn.release()

    def _publish(self, store: Store) -> None:
        """A snapshot of a directory store for the readers, after a write (a failure is logged
        and tried again on a later read: checker/snapshot_keeper.py)."""
        if self.reader.snapshots is not None:
            assert isinstance(store, OxigraphStore)
            self.reader.snapshots.publish(store)

    def _open(self, lock_wait: float) -> Store:
        try:
            return open_live(self.reader, lock_wait)
        except StoreLockedError as error:
            current_app.logger.warning("a write waited %g s for the store: %s", self.lock_wait,
                                       error.message)
            raise StoreLockedError.of("error.store.busy",
                                      seconds=f"{self.lock_wait:g}") from None
        except CheckerError as error:
            if self.reader.snapshots is None:
                raise  # a remote store: what its server answered, as before
            current_app.logger.error("a write could not open the store: %s", error.message)
            raise NoAnswerError.of("error.store.cannot_write_now") from None


def store_upload(files: Sequence[SubmissionFile],
                 submitter: str | None) -> tuple[RevisionInfo, Report]:
    """Validate an upload within the app's limits (in a child process), then store it as its
    cluster's next revision: validated before the live store is opened, so a bad one creates no
    store and validation holds no lock."""
    checked = check_within(files, validation_limits())
    with write_store() as store:
        return store_submission(store, checked, submitter=submitter), checked.report


def open_live(reader: SnapshotReader, lock_wait: float) -> Store:
    """The live store the reader names: a directory, or a remote store with the reader's engine
    setting and credentials; waiting `lock_wait` seconds for a directory another process holds
    or, to write, for a remote store's turn."""
    credentials = reader.credentials
    return open_configured_store(reader.store_location, engine=reader.engine, lock_wait=lock_wait,
                                 user=credentials.user if credentials else None,
                                 password=credentials.password if credentials else None)


def is_remote(location: str) -> bool:
    """Whether a store location names a SPARQL server rather than a directory."""
    return location.startswith(("http://", "https://"))


def install_reader(app: Flask) -> None:
    """Attach the snapshot reader and the store's writer to the app (done by the factory), and
    make a fresh snapshot of a directory store; InputError for an unknown BCIC_STORE_ENGINE, a
    bad BCIC_STORE_LOCK_WAIT, a remote store's user without a password (or the reverse), or
    snapshots that cannot be written, and NoAnswerError for a damaged store, so that the app
    never starts with them."""
    location = str(app.config["BCIC_STORE"])
    engine = engine_setting(app.config["BCIC_STORE_ENGINE"])
    credentials = (store_credentials(app.config["BCIC_STORE_USER"],
                                     app.config["BCIC_STORE_PASSWORD"])
                   if is_remote(location) else None)
    snapshots = None
    if not is_remote(location):
        snapshots = SnapshotKeeper(
            Path(location), Path(app.config["BCIC_SNAPSHOT"] or snapshot_dir_for(location)),
            app.logger)
    reader = SnapshotReader(location, snapshots, engine, credentials)
    app.extensions[_READER] = reader
    app.teardown_appcontext(_give_back)
    app.extensions[_WRITER] = StoreWriter(reader,
                                          writer_lock_wait(app.config["BCIC_STORE_LOCK_WAIT"]))
    if snapshots is not None:
        snapshots.start()


def snapshot_keeper(app: Flask) -> SnapshotKeeper | None:
    """The snapshots an app on a directory store reads (None on a remote store)."""
    reader: SnapshotReader = app.extensions[_READER]
    return reader.snapshots


def start_notes(app: Flask) -> list[Phrase]:
    """What the operator should hear as the app starts: no store at its directory yet (a
    mistyped location?), a remote store that cannot be read (a server down or set up otherwise
    than docs/store.md asks), or a store whose summary graph needs `bcic reindex`."""
    reader: SnapshotReader = app.extensions[_READER]
    location = reader.store_location
    if reader.snapshots is not None and not holds_store(Path(location)):
        return [phrase("serve.no_store", path=location)]
    try:
        with app.app_context():
            outdated = summary_outdated()
    except CheckerError as error:
        if reader.snapshots is None:  # a remote store: its pages and /healthz answer 503
            return [phrase("serve.remote_unreadable", error=error)]
        return []  # a directory store's snapshot not readable yet: the log says why
    return [phrase("serve.needs_reindex", location=location)] if outdated else []


def _opened_snapshot(snapshot: Path | None) -> Store:
    """A snapshot opened read-only (an empty store for none); NoAnswerError, the cause logged,
    when it cannot be opened."""
    if snapshot is None:
        return OxigraphStore(None)
    try:
        return OxigraphStore(snapshot, read_only=True)
    except CheckerError as error:
        current_app.logger.error("the query snapshot cannot be opened: %s", error.message)
        raise NoAnswerError.of("error.store.not_ready") from None


def read_store() -> Store:
    """The store pages read, for the current app: the same one for the whole request (app
    context), lent until it ends, so a write publishing a snapshot meanwhile closes nothing the
    request reads; it reads the store as of its first read."""
    return _lent().store


def read_snapshot() -> str | None:
    """The name of the snapshot this request reads, the same from its first read to its end; None
    on a remote store, which may change under the app."""
    reader: SnapshotReader = current_app.extensions[_READER]
    if reader.snapshots is None:
        return None
    return str(_lent().snapshot)


def remembered(key: Hashable, compute: Callable[[Store], T]) -> T:
    """`compute(store)` on the store pages read, kept per snapshot (SnapshotReader.remembered)."""
    reader: SnapshotReader = current_app.extensions[_READER]
    return reader.remembered(_lent(), key, compute)


def _lent() -> _Opened:
    """The store lent to this request (app context), borrowed on its first read."""
    lent: _Opened | None = g.get(_LENT)
    if lent is None:
        reader: SnapshotReader = current_app.extensions[_READER]
        lent = reader.acquire()
        setattr(g, _LENT, lent)
    return lent


def _give_back(_error: BaseException | None) -> None:
    """Return the store the ending app context read, if it read one (a teardown)."""
    lent: _Opened | None = g.pop(_LENT, None)
    if lent is not None:
        reader: SnapshotReader = current_app.extensions[_READER]
        reader.release(lent)


def summary_outdated() -> bool:
    """Whether the store pages read now holds a summary graph of another version
    (`needs_reindex`, what `bcic serve` warns of): asked once per snapshot, which never changes
    (`remembered`); each time of a remote store, which may be reindexed under the app."""
    return remembered("summary_outdated", needs_reindex)


def write_store() -> AbstractContextManager[Store]:
    """The live store for one write of the current app (`StoreWriter.store`)."""
    writer: StoreWriter = current_app.extensions[_WRITER]
    return writer.store()

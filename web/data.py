"""The stores the pages read and write, opened per configuration.

Pages read the embedded store's current query snapshot in this process (read-only, reopened when
ingest publishes a new one), so the web app never holds the live store that `bcic ingest`
writes. A write (a revision stored with a token) opens the live store for its own duration and
publishes a new snapshot after it. A remote SPARQL store is read and written directly.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from flask import Flask, current_app

from checker.errors import InputError
from checker.ingest import store_submission
from checker.iri_policy import iri_problem
from checker.loading import SubmissionFile
from checker.query_runner import current_snapshot, refresh_snapshot, snapshot_dir_for
from checker.report import Report
from checker.store import Store, engine_setting, open_configured_store
from checker.store.base import RevisionInfo
from checker.store.oxigraph_store import OxigraphStore
from checker.validation_limits import check_within

from .submissions import validation_limits

_READER = "bcic.reader"


class SnapshotReader:
    """A read-only store over the current snapshot, reopened when the snapshot changes."""

    def __init__(self, store_location: str, snapshot_dir: Path, engine: str) -> None:
        self.store_location = store_location
        self.snapshot_dir = snapshot_dir
        self.engine = engine  # a remote store's engine setting (checker/store/engine.py)
        self._lock = threading.Lock()
        self._opened: tuple[Path | None, Store] | None = None

    def store(self) -> Store:
        """The store to read now (an empty in-memory one before the first snapshot)."""
        if is_remote(self.store_location):
            return self._remote()
        snapshot = current_snapshot(self.snapshot_dir)
        with self._lock:
            if self._opened is None or self._opened[0] != snapshot:
                if self._opened is not None:
                    self._opened[1].close()
                opened = (OxigraphStore(snapshot, read_only=True) if snapshot is not None
                          else OxigraphStore(None))
                self._opened = (snapshot, opened)
            return self._opened[1]

    def _remote(self) -> Store:
        with self._lock:
            if self._opened is None:
                self._opened = (None, open_configured_store(self.store_location,
                                                            engine=self.engine))
            return self._opened[1]

    def close(self) -> None:
        """Close the store held open, if any."""
        with self._lock:
            if self._opened is not None:
                self._opened[1].close()
                self._opened = None


def store_upload(files: Sequence[SubmissionFile],
                 submitter: str | None) -> tuple[RevisionInfo, Report]:
    """Validate an upload within the app's limits (in a child process), then store it as its
    cluster's next revision: validated before the live store is opened, so a bad one creates no
    store and validation holds no lock."""
    checked = check_within(files, validation_limits())
    with write_store() as store:
        return store_submission(store, checked, submitter=submitter), checked.report


def public_sparql_url(value: object) -> str | None:
    """BCIC_PUBLIC_SPARQL_URL as the app uses it: None when not given, else an absolute http(s)
    URL with a host and no user name or password (it is shown to anyone); InputError, so that
    the app never starts with another value."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    parts = urlsplit(text)
    if "@" in parts.netloc:  # refused, and never repeated: a password would reach the logs
        raise InputError.of("error.sparql.public_url", value=urlunsplit(parts._replace(
            netloc="…@" + parts.netloc.rsplit("@", 1)[1])))
    if (parts.scheme not in ("http", "https") or not parts.hostname or parts.fragment
            or iri_problem(text) is not None):
        raise InputError.of("error.sparql.public_url", value=str(value))
    return text


def is_remote(location: str) -> bool:
    """Whether a store location names a SPARQL server rather than a directory."""
    return location.startswith(("http://", "https://"))


def install_reader(app: Flask) -> None:
    """Attach the snapshot reader to the app (done by the factory); InputError for an unknown
    BCIC_STORE_ENGINE, so that the app never starts with it."""
    location = str(app.config["BCIC_STORE"])
    snapshot_dir = Path(app.config["BCIC_SNAPSHOT"] or snapshot_dir_for(location))
    engine = engine_setting(app.config["BCIC_STORE_ENGINE"])
    app.extensions[_READER] = SnapshotReader(location, snapshot_dir, engine)


def read_store() -> Store:
    """The store pages read, for the current app."""
    reader: SnapshotReader = current_app.extensions[_READER]
    return reader.store()


@contextmanager
def write_store() -> Iterator[Store]:
    """The live store, opened for one write and closed after it; publishes a snapshot for the
    readers when the write succeeded. Raises StoreError (503) while another process writes."""
    reader: SnapshotReader = current_app.extensions[_READER]
    store = open_configured_store(reader.store_location, engine=reader.engine)
    try:
        yield store
        if isinstance(store, OxigraphStore) and store.path is not None:
            refresh_snapshot(store, reader.snapshot_dir)
    finally:
        store.close()

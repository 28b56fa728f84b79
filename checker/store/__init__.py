"""The knowledge-graph store: backends registered by name, opened from options or a location.

`open_store("oxigraph", path=...)` opens the embedded store; `open_store("sparql",
query_endpoint=..., update_endpoint=...)` a remote SPARQL 1.1 server. `open_configured_store`
turns one location string (a directory or an endpoint URL) into the right one.
"""

from __future__ import annotations

import errno
import importlib
import inspect
import os
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError, StoreError, StoreLockedError
from ..os_reasons import reason_of_number
from ..query_runner import current_snapshot, snapshot_dir_for
from .base import (
    ONTOLOGY_GRAPH,
    PROVENANCE_GRAPH,
    SHAPES_GRAPH,
    SUMMARY_GRAPH,
    RevisionInfo,
    RevisionRecord,
    SourceFile,
    Store,
    cluster_key,
    report_graph_iri,
    submission_graph_iri,
)
from .credentials import store_credentials
from .engine import ENGINE_ENV, engine_setting
from .location import (check_store_directory, checked_endpoint, is_url, on_read_only_mount,
                       writable)

__all__ = [
    "DEFAULT_LOCATION", "ENGINE_ENV", "ONTOLOGY_GRAPH", "PROVENANCE_GRAPH", "SHAPES_GRAPH",
    "SUMMARY_GRAPH",
    "RevisionInfo",
    "RevisionRecord", "SourceFile", "Store", "cluster_key", "engine_setting",
    "open_configured_store", "open_store",
    "open_store_for_writing", "writer_lock_wait",
    "register_backend", "report_graph_iri", "store_location", "submission_graph_iri",
]

DEFAULT_LOCATION = Path("var") / "store"  # relative to the current directory
STORE_ENV = "BCIC_STORE"
UPDATE_ENV = "BCIC_STORE_UPDATE"
LOCK_WAIT_ENV = "BCIC_STORE_LOCK_WAIT"
DEFAULT_LOCK_WAIT = 30.0

Backend = Callable[..., Store]
# Factories are looked up when a store is opened, so a backend's imports (HTTP clients, SPARQL
# result parsers) cost nothing to those who never use it.
_BACKENDS: dict[str, Callable[[], Backend]] = {}


def register_backend(name: str, loader: Callable[[], Backend]) -> None:
    """Register a backend by name: `loader()` returns the callable that opens it."""
    _BACKENDS[name] = loader


def open_store(name: str = "oxigraph", **options: object) -> Store:
    """Open the store backend `name` with its options (docs/store.md)."""
    if name not in _BACKENDS:
        raise InputError.of("error.store.unknown_backend", name=name,
                            known=", ".join(sorted(_BACKENDS)))
    backend = _BACKENDS[name]()
    try:
        inspect.signature(backend).bind(**options)
    except TypeError as error:
        raise InputError.of("error.store.bad_options", name=name, detail=error) from None
    return backend(**options)


def open_configured_store(location: str | None = None, *, create: bool = True,
                          lock_wait: float = 0.0, engine: str | None = None,
                          user: str | None = None, password: str | None = None) -> Store:
    """Open the store at a location: an http(s) SPARQL endpoint, else a directory.

    None means the environment's BCIC_STORE, else var/store under the current directory. A remote
    store's updates go to BCIC_STORE_UPDATE when set, else to the same URL; its server's engine
    is `engine`, else BCIC_STORE_ENGINE, else told by its Server header (`engine_setting`: an
    unknown one is refused first, for a directory too); its client is `user` with `password`,
    else BCIC_STORE_USER with BCIC_STORE_PASSWORD, unless the URL names one (`user:password@`;
    checker/store/credentials.py). A missing directory is created, unless
    `create` is false (readers). A directory another process holds is retried for `lock_wait`
    seconds, and a remote store's writer waits as long for its turn (docs/store.md, "Writers at
    once"). Refused as `store_location` refuses.
    """
    engine = engine_setting(engine)
    location = store_location(location, create=create)
    if is_url(location):
        update = checked_endpoint(os.environ.get(UPDATE_ENV) or location)
        credentials = store_credentials(user, password)
        return open_store("sparql", query_endpoint=location, update_endpoint=update,
                          engine=engine, lock_wait=lock_wait,
                          username=credentials.user if credentials else None,
                          password=credentials.password if credentials else None)
    return open_store("oxigraph", path=Path(location), create=create, lock_wait=lock_wait)


def open_store_for_writing(location: str | None = None, *, create: bool = True,
                           engine: str | None = None, user: str | None = None) -> Store:
    """`open_configured_store` for a command that writes: a directory another process holds
    (a reader, for a moment), or a remote store's turn another writer holds, is waited for, up
    to BCIC_STORE_LOCK_WAIT seconds (default 30)."""
    return open_configured_store(location, create=create, lock_wait=writer_lock_wait(),
                                 engine=engine, user=user)


def writer_lock_wait(value: object = None) -> float:
    """The seconds a writer waits for the store (a non-negative number): `value` when given (the
    web app's setting), else BCIC_STORE_LOCK_WAIT, else 30; InputError otherwise."""
    text = str(os.environ.get(LOCK_WAIT_ENV, "") if value is None else value).strip()
    if not text:
        return DEFAULT_LOCK_WAIT
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise InputError.of("error.store.bad_lock_wait", name=LOCK_WAIT_ENV, value=text)
    return seconds


def open_store_for_reading(location: str | None = None, engine: str | None = None,
                           user: str | None = None) -> tuple[Store, Path | None]:
    """Open the store at a location to read it, never creating one. A directory another process
    holds (an ingest writing it: one process at a time may open it) is read through its latest
    query snapshot instead, read-only, as the web app's queries are; one on a read-only mount (a
    backup's, a replica's), where nothing can be writing it, is opened read-only. Returns the store, and the snapshot directory when one was used."""
    engine = engine_setting(engine)
    where = store_location(location, create=False)
    if not is_url(where) and on_read_only_mount(Path(where)):
        return open_store("oxigraph", path=Path(where), read_only=True), None
    if not is_url(where) and Path(where).is_dir() and not writable(Path(where)):
        # Its owner may be writing it: a reader takes the store's lock too, which needs
        # write permission in the directory (only a read-only mount is read without it).
        raise InputError.of("error.store.not_readable_here", path=where,
                            reason=reason_of_number(errno.EACCES))
    try:
        return open_configured_store(location, create=False, engine=engine, user=user), None
    except StoreLockedError:
        snapshot = current_snapshot(snapshot_dir_for(store_location(location, create=False)))
        if snapshot is None:
            raise
        return open_store("oxigraph", path=snapshot, read_only=True), snapshot


def store_location(location: str | None = None, *, create: bool = True) -> str:
    """The location `open_configured_store` opens, checked without opening or creating anything:
    InputError for an empty location, a URL other than http(s) with a host, a file, a directory
    that holds no store unless `create`, and with `create` one that holds other files."""
    if location is not None and not location.strip():
        raise InputError.of("error.store_location_empty")
    location = location or os.environ.get(STORE_ENV) or str(DEFAULT_LOCATION)
    if is_url(location):
        return checked_endpoint(location)
    check_store_directory(Path(location), create=create)
    return location


def _oxigraph() -> Backend:
    from .oxigraph_store import OxigraphStore

    return OxigraphStore


def _sparql() -> Backend:
    try:
        module = importlib.import_module("checker.store.sparql_store")
    except ModuleNotFoundError as error:
        if error.name != "checker.store.sparql_store":
            raise
        raise StoreError("the remote SPARQL store backend is not installed "
                         "(checker/store/sparql_store.py is missing)") from None
    backend = getattr(module, "open_sparql_store", None) or getattr(module, "SparqlStore", None)
    if backend is None:
        raise StoreError("checker.store.sparql_store defines no open_sparql_store")
    return backend  # type: ignore[no-any-return]


register_backend("oxigraph", _oxigraph)
register_backend("sparql", _sparql)

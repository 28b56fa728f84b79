"""Where a store is, checked before anything is opened or created: the URL of a SPARQL endpoint
(http or https only), or a directory for the embedded store (docs/store.md)."""

from __future__ import annotations

import os
import re
import urllib.parse
from pathlib import Path

from ..errors import InputError

# Any `scheme://` is a URL, so a typo such as htps:// is refused instead of becoming a directory.
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
# RocksDB, under every pyoxigraph store and snapshot, writes this file when it creates one.
_STORE_MARKER = "CURRENT"


def is_url(location: str) -> bool:
    """Whether a location is written as a URL (`scheme://…`), whatever its scheme."""
    return _URL.match(location) is not None


def checked_endpoint(url: str) -> str:
    """The URL of a SPARQL endpoint; InputError unless it is http(s) with a host."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 — read for its check: a malformed port raises ValueError
    except ValueError:
        raise InputError.of("error.endpoint_url", url=url) from None
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise InputError.of("error.endpoint_url", url=url)
    return url


def holds_store(path: Path) -> bool:
    """Whether a directory holds a store (RocksDB's CURRENT file is in it)."""
    return (path / _STORE_MARKER).is_file()


def writable(path: Path) -> bool:
    """Whether this process may write in a directory: not on a read-only mount, and permitted."""
    return os.access(path, os.W_OK)


def on_read_only_mount(path: Path) -> bool:
    """Whether the file system holding an existing directory is mounted read-only."""
    return bool(os.statvfs(path).f_flag & os.ST_RDONLY)


def check_store_directory(path: Path, *, create: bool) -> None:
    """Refuse (InputError) a path that is a file, or holds no store: readers never create one,
    not even in an empty directory; writers create one only in a new or empty directory (a
    mistyped location must not fill a folder of documents with database files)."""
    if path.exists() and not path.is_dir():
        raise InputError.of("error.store_is_a_file", path=path)
    if holds_store(path):
        return
    if not create:
        raise InputError.of("error.no_store", path=path)
    if path.is_dir() and any(path.iterdir()):
        raise InputError.of("error.store_among_other_files", path=path)

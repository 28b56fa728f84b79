"""Stored revisions by cluster and number: find them, delete one (CLI and web share these)."""

from __future__ import annotations

import re

from rdflib import URIRef

from .errors import NotFoundError
from .store.base import RevisionInfo, Store, cluster_key
from .store.guard import checked_iri

_KEY = re.compile(r"[0-9a-f]{16}")


def is_cluster_key(name: str) -> bool:
    """Whether `name` is written as a cluster's 16-hex key (as in /clusters/<key>)."""
    return _KEY.fullmatch(name) is not None


def find_cluster(store: Store, name: str) -> URIRef:
    """The stored cluster named by its IRI or its 16-hex key (as in /clusters/<key>)."""
    if is_cluster_key(name):
        for info in store.revisions():
            if cluster_key(info.cluster) == name:
                return info.cluster
        raise NotFoundError.of("error.revision.no_cluster_key", key=name)
    cluster = checked_iri(name)
    if not store.revisions(cluster):
        raise NotFoundError.of("error.revision.none_stored", cluster=cluster)
    return cluster


def revision_info(store: Store, cluster: URIRef, number: int) -> RevisionInfo:
    """What the provenance says of one stored revision; NotFoundError when it is not stored."""
    for info in store.revisions(cluster):
        if info.number == number:
            return info
    raise NotFoundError.of("error.revision.not_stored", number=number, cluster=cluster)


def delete_revision(store: Store, cluster: URIRef, number: int, *,
                    deleted_by: str | None = None) -> RevisionInfo:
    """Delete one revision (graphs and provenance, atomically; its number is never reused) and
    return what it was; NotFoundError, with nothing changed, when it is not stored."""
    info = revision_info(store, cluster, number)
    if not store.delete_revision(cluster, number, deleted_by=deleted_by):
        raise NotFoundError.of("error.revision.not_stored", number=number, cluster=cluster)
    return info

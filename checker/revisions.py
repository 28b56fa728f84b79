"""Stored revisions by cluster and number: find them, delete one (CLI and web share these)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import unquote

from rdflib import URIRef
from rdflib.term import Node

from .display_time import moment_in_zone, moment_shown
from .errors import InputError, NotFoundError
from .deletion_reason import deletion_reason
from .given_text import Asker
from .i18n import Lang, Listed, Localized, message, phrase
from .store.base import RevisionInfo, Store, cluster_key
from .store.deletion import every_tombstone_query, tombstone_query, tombstones_query
from .store.guard import checked_iri

# A key is read in either case (3149DCB7… as 3149dcb7…); it is written in lower case.
_KEY = re.compile(r"[0-9a-f]{16}", re.IGNORECASE)
_NEAREST = 3  # the stored clusters or revision numbers a refusal names
# How alike in spelling a stored cluster's IRI or key must be to be named: IRIs share a long
# start (https://example.org/cluster/), which alone makes difflib's usual 0.6 of any two.
_NEAR = 0.85


def is_cluster_key(name: str) -> bool:
    """Whether `name` is written as a cluster's 16-hex key (as in /clusters/<key>), in either
    case."""
    return _KEY.fullmatch(name) is not None


def as_key_or_iri(name: str) -> str:
    """`name` as bcic writes it: a key in lower case, an IRI as it is."""
    return name.lower() if is_cluster_key(name) else name


def cluster_named(name: str) -> str:
    """`name` as a command reads a cluster (`as_key_or_iri`); one that is neither a key nor an
    absolute IRI but is one percent-decoded (`https%3A%2F%2Fexample.org%2Fcluster%2Fdehua`,
    pasted from a URL's query string) as the key or IRI it encodes. An IRI is taken as written
    (RDF compares IRIs character by character): only a text that is no IRI is decoded."""
    name = as_key_or_iri(name)
    if is_cluster_key(name) or _is_absolute_iri(name):
        return name
    decoded = as_key_or_iri(unquote(name))
    return decoded if is_cluster_key(decoded) or _is_absolute_iri(decoded) else name


def _is_absolute_iri(name: str) -> bool:
    """Whether `name` is an absolute IRI the store can hold."""
    try:
        checked_iri(name)
    except InputError:
        return False
    return True


def find_cluster(store: Store, name: str) -> URIRef:
    """The stored cluster named by its IRI or its 16-hex key in either case (as in
    /clusters/<key>), percent-encoded or not (`cluster_named`)."""
    name = cluster_named(name)
    if is_cluster_key(name):
        for info in store.revisions():
            if cluster_key(info.cluster) == name:
                return info.cluster
        raise NotFoundError.of("error.revision.no_cluster_key", key=name,
                               nearest=nearest_clusters(store, name))
    cluster = checked_iri(name)
    if not store.revisions(cluster):
        raise NotFoundError.of("error.revision.none_stored", cluster=cluster,
                               nearest=nearest_clusters(store, name))
    return cluster


def nearest_spellings(given: str, spelled: Callable[[str], Iterable[str]]) -> list[str]:
    """The clusters nearest in spelling to `given` as written and percent-decoded
    (`https%3A%2F%2F…`, `%36%39bf…`), a key in either case: each form compared with the
    clusters written as it is written (`spelled(form)`: keys for a key, IRIs for an IRI)."""
    close: list[str] = []
    for form in dict.fromkeys(as_key_or_iri(f) for f in (given, unquote(given))):
        close += difflib.get_close_matches(form, list(dict.fromkeys(spelled(form))),
                                           n=_NEAREST, cutoff=_NEAR)
    return list(dict.fromkeys(close))[:_NEAREST]


def nearest_clusters(store: Store, name: str) -> Localized | str:
    """"; the stored clusters nearest in spelling: <…>" naming them as `name` is written (by
    16-hex key or by IRI), decoded or not; "" when none is near."""
    clusters = dict.fromkeys(info.cluster for info in store.revisions())
    close = nearest_spellings(name, lambda form: (
        cluster_key(c) if is_cluster_key(form) else str(c) for c in clusters))
    if not close:
        return ""
    return phrase("error.revision.nearest_clusters", names=_listed(
        [n if is_cluster_key(n) else f"<{n}>" for n in close]))


def _listed(names: list[str]) -> Listed:
    """Names alike in every language, listed as each lists them (、 in Chinese, commas)."""
    return Listed(tuple({"zh": n, "en": n} for n in names), {"zh": "、", "en": ", "})


def revision_info(store: Store, cluster: URIRef, number: int) -> RevisionInfo:
    """What the provenance says of one stored revision; NotFoundError, naming the stored
    revisions nearest in number, when it is not stored, and when and by whom it was deleted
    when it was (its tombstone)."""
    stored = store.revisions(cluster)
    for info in stored:
        if info.number == number:
            return info
    nearest = sorted(sorted((i.number for i in stored), key=lambda n: abs(n - number))[:_NEAREST])
    numbers = _listed([str(n) for n in nearest])
    if (deleted := _deletion(store, cluster, number)) is not None:
        raise NotFoundError.of(
            "error.revision.deleted", number=number, cluster=cluster,
            date=moment_in_zone(deleted.deleted),
            by=phrase("error.revision.deleted_by", name=deleted.by) if deleted.by else "",
            reason=phrase("error.revision.deleted_reason", reason=" ".join(deleted.reason.split()))
            if deleted.reason else phrase("store.history.no_deletion_reason"),
            nearest=phrase("error.revision.nearest_numbers", numbers=numbers) if nearest else "")
    if not nearest:
        raise NotFoundError.of("error.revision.not_stored", number=number, cluster=cluster)
    raise NotFoundError.of("error.revision.not_stored_nearest", number=number, cluster=cluster,
                           numbers=numbers)


def _deletion(store: Store, cluster: URIRef, number: int) -> DeletedRevision | None:
    """When the revision was deleted (the tombstone's xsd:dateTime) and, where known, by whom
    and why; None when it was never deleted."""
    rows = store.select(tombstone_query(cluster, number))
    if not rows or rows[0].get("deleted") is None:
        return None
    return _deleted(number, rows[0])


def _deleted(number: int, row: Mapping[str, Node]) -> DeletedRevision:
    """The deleted revision a tombstone query's row describes (?deleted, ?by, ?reason)."""
    by, reason = row.get("by"), row.get("reason")
    return DeletedRevision(
        number, datetime.fromisoformat(str(row["deleted"]).replace("Z", "+00:00")),
        str(by) if by is not None else None, str(reason) if reason is not None else None)


@dataclass(frozen=True)
class DeletedRevision:
    """A deleted revision as its tombstone keeps it: its number (never given again), when it
    was deleted and, where known, by whom and why (None: a deletion made before reasons were
    kept, or through the store alone)."""

    number: int
    deleted: datetime
    by: str | None
    reason: str | None = None


def deleted_revisions(store: Store, cluster: URIRef) -> list[DeletedRevision]:
    """Every deleted revision of the cluster, by number: the gaps in its numbering explained."""
    found: dict[int, DeletedRevision] = {}
    for row in store.select(tombstones_query(cluster)):
        number = int(str(row["number"]))
        found.setdefault(number, _deleted(number, row))
    return sorted(found.values(), key=lambda d: d.number)


def deletions_after(store: Store, latest: Mapping[URIRef, int]
                    ) -> dict[URIRef, tuple[DeletedRevision, ...]]:
    """For each cluster of `latest` (its latest stored revision's number), the deleted
    revisions numbered after it, by number, in one query: its latest verdict is then not the
    last one a revision was given (clusters without any are left out)."""
    found: dict[URIRef, dict[int, DeletedRevision]] = {}
    for row in store.select(every_tombstone_query()):
        cluster, number = row["cluster"], int(str(row["number"]))
        if isinstance(cluster, URIRef) and number > latest.get(cluster, number):
            found.setdefault(cluster, {}).setdefault(number, _deleted(number, row))
    return {cluster: tuple(sorted(deleted.values(), key=lambda d: d.number))
            for cluster, deleted in found.items()}


def deletion_said(deleted: DeletedRevision, lang: Lang) -> str:
    """"deleted on 2026-12-01 01:05 (UTC+08:00) by 评价员乙: its number is not given again", the
    time in the display zone (checker/display_time.py): the line a history gives in the deleted
    revision's place."""
    by = message("error.revision.deleted_by", lang, name=deleted.by) if deleted.by else ""
    return message("store.history.deleted", lang, date=moment_shown(deleted.deleted, lang), by=by)


def deletion_reason_said(deleted: DeletedRevision, lang: Lang) -> str:
    """"reason: …" as the evaluator gave it (its lines kept), or "no reason recorded" for a
    deletion made before reasons were kept: the words under a deleted revision's line."""
    if deleted.reason is None:
        return message("store.history.no_deletion_reason", lang)
    return message("store.history.deletion_reason", lang, reason=deleted.reason)


def delete_revision(store: Store, cluster: URIRef, number: int, *, reason: str | None,
                    deleted_by: str | None = None,
                    asked_by: Asker = "cli") -> RevisionInfo:
    """Delete one revision (graphs and provenance, atomically; its number is never reused),
    keeping who deleted it and why with its tombstone, and return what it was; InputError,
    with nothing changed, for a reason missing or one a judgement's rationale could not be
    (`deletion_reason`; `asked_by`: where it is given), NotFoundError when the revision is not
    stored."""
    reason = deletion_reason(reason, asked_by)
    info = revision_info(store, cluster, number)
    if not store.delete_revision(cluster, number, deleted_by=deleted_by, reason=reason):
        raise NotFoundError.of("error.revision.not_stored", number=number, cluster=cluster)
    return info

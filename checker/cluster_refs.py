"""A cluster a benchmark parameter names (`cluster`, `focus`, `benchmark` of the benchmark and
cluster pages and their API), by its 16-hex key or by its IRI, as the named queries take it (9.3.2
c) benchmark comparisons, d) comparisons with competitors). One that names none of the clusters
that may be compared is refused (HTTP 404) naming the parameter, the value and the known clusters
nearest in spelling, as a stored cluster asked for by the CLI is (checker/revisions.py); `bcic
benchmark` takes its clusters the same way."""

from __future__ import annotations

from collections.abc import Sequence

from .cluster_dashboard import ClusterRef
from .errors import NotFoundError
from .i18n import Listed, Localized, phrase
from .revisions import cluster_named, is_cluster_key, nearest_spellings


def names_cluster(ref: ClusterRef, given: str) -> bool:
    """Whether `given` is the cluster's key (in either case) or its IRI, percent-encoded or not,
    as every command reads a cluster (checker/revisions.py, `cluster_named`)."""
    return cluster_named(given) in (ref.key, str(ref.iri))


def as_given(ref: ClusterRef, given: str) -> str:
    """The cluster written as `given` is written: its key for a key, else its IRI."""
    return ref.key if is_cluster_key(given) else str(ref.iri)


def named_cluster(choices: Sequence[ClusterRef], given: str, name: str, *,
                  stored_only: bool = False) -> ClusterRef:
    """The cluster among `choices` whose key or IRI is `given`, percent-encoded or not, as the CLI
    reads it (`names_cluster`); NotFoundError naming parameter
    `name`, the value, and the choices nearest to it, written as it is written. `stored_only`:
    the choices are the stored clusters only (`cluster` and `focus`, whose selectors offer
    them), and the refusal says so, as a benchmark a submission declares is not one of them."""
    found = next((ref for ref in choices if names_cluster(ref, given)), None)
    if found is None:
        key = "error.benchmark.unstored_cluster" if stored_only else \
            "error.benchmark.unknown_cluster"
        raise NotFoundError.of(key, name=name, given=given, nearest=_nearest(choices, given))
    return found


def stored_cluster_named(stored: Sequence[ClusterRef], given: str) -> ClusterRef:
    """The stored cluster whose key (in either case) or IRI is `given`, percent-encoded or not,
    as every command takes a cluster (checker/revisions.py, `cluster_named`) and `bcic
    benchmark` takes it; NotFoundError (exit 2) naming the stored clusters nearest to it,
    written as it is written (9.3.2 c) d))."""
    found = next((ref for ref in stored if names_cluster(ref, given)), None)
    if found is None:
        raise NotFoundError.of("error.benchmark.not_stored", cluster=given,
                               nearest=_nearest(stored, given, none_near=""))
    return found


def _nearest(choices: Sequence[ClusterRef], given: str,
             none_near: Localized | str | None = None) -> Localized | str:
    """"; the nearest known: …" naming the choices nearest in spelling, `given` read as written
    and percent-decoded (checker/revisions.py); `none_near` when none is near (by default, the
    list's address)."""
    close = nearest_spellings(given, lambda form: (as_given(ref, form) for ref in choices))
    if not close:
        return phrase("error.benchmark.none_near") if none_near is None else none_near
    return phrase("error.benchmark.nearest_clusters", names=Listed(
        tuple({"zh": n, "en": n} for n in close), {"zh": "、", "en": ", "}))

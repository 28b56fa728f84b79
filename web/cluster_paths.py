"""A cluster named in a URL's path (`/clusters/<key>/…`, `/api/clusters/<key>/…`) as the CLI reads
a cluster (checker/revisions.py, `find_cluster`): a key or an IRI left percent-encoded
(`/clusters/%2536%2539bf…`, `/clusters/https%253A%252F%252F…`, what a link encoded twice leaves
once the path is decoded) is redirected (308, the method and body kept) to the path of the stored
cluster's key, so that pages and the API accept the forms the CLI accepts and keep one address per
cluster; one naming no stored cluster is refused (404) as the CLI refuses it, naming the nearest."""

from __future__ import annotations

from flask import Response, redirect, request, url_for

from checker.revisions import as_key_or_iri, cluster_named, find_cluster, is_cluster_key
from checker.store.base import cluster_key

from .data import read_store

KEY_ARGUMENT = "key"  # the path's part that names a cluster, in every route that takes one


def canonical_cluster_path() -> Response | None:
    """A redirect to the path naming the cluster by its key, for a path naming a stored cluster
    in a percent-encoded form the CLI reads; NotFoundError (404) naming the nearest stored, as
    the CLI's, for one naming none; None for anything else (a key in either case, which the
    route reads, or a text that is no cluster's name at all, which it refuses)."""
    given = (request.view_args or {}).get(KEY_ARGUMENT)
    if (not isinstance(given, str) or request.endpoint is None or is_cluster_key(given)
            or cluster_named(given) == as_key_or_iri(given)):
        return None
    key = cluster_key(find_cluster(read_store(), given))
    query = request.query_string.decode("latin-1")
    target = url_for(request.endpoint, **{**request.view_args, KEY_ARGUMENT: key})
    return redirect(f"{target}?{query}" if query else target, 308)

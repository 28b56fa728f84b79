"""ETags and conditional requests of the answers read from the store: `/sparql`,
`/api/queries/<name>`, the stored clusters `/api/clusters` and `/api/clusters/<key>`, and their
comparison `/api/benchmark` (9.3.2).

An answer is fixed by the data it was read from, a published snapshot of the store, which never
changes (on a remote store: the whole answer the server gave), by what serves it (the rulebook,
bcic's version, the endpoint's limits) and by the request (its URL, the format chosen, the
language of a named query's description). Its ETag is a digest of all of them, so it changes
whenever the store publishes a new snapshot, the rulebook or a limit changes. GET and HEAD carry
it (RFC 9110, 9.3.2: HEAD's header fields are GET's), with `Cache-Control: no-cache`: a cache
may keep the answer but asks again, with the tag, before reusing it. POSTs are never given one
(a POST's answer is not kept by caches, RFC 9110 9.3.3).

`If-None-Match` is evaluated only where the answer without it would be 2xx (RFC 9110, 13.2.1),
and then answered 304 with no body (13.1.2, 15.4.5):

- a tag is compared before the query runs, from the snapshot the workers read now, once the
  request's parameters (and a named query's page token and summary graph) are checked, before it
  waits for a worker or a place in the queue. The tag names an answer this server gave, as 200,
  to this very request read from that snapshot under those limits: whatever a query's answer
  depends on is the same, so the answer would be too. Whether an IRI is named in the store is
  such a thing, so a named query's IRI parameters need no look-up to honour a tag; the time a
  run takes is not, so a tag is honoured while a run might time out under load: the client holds
  the answer it names;
- `*` ("any answer you have") names none, so it is honoured only once the answer is known, after
  the run: a refused parameter, an IRI nothing names, a stale page token or a timeout is answered
  as without it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from flask import Response, current_app, request

from checker import __version__
from checker.rulebook import load_rulebook

from .data import read_snapshot
from .i18n import request_language

READS = ("GET", "HEAD")
NO_CACHE = "no-cache"  # kept by caches, but revalidated with the tag before each reuse


def running_rulebook_digest() -> str:
    """The digest of the rulebook the app serves now (a reload replaces it)."""
    return load_rulebook().digest


def answer_etag(read_from: str, media_type: str, lang: str = "", limits: str = "") -> str | None:
    """The ETag of the answer to this GET or HEAD read from the data `read_from` names, in
    `media_type` and `lang` (empty: an answer whose words do not depend on it), under the
    endpoint's `limits` (their text); None for another method."""
    if request.method not in READS:
        return None
    parts = (read_from, running_rulebook_digest(), __version__,
             str(current_app.config["BCIC_SPARQL_ROW_LIMIT"]), limits, request.url_root,
             request.path, request.query_string.decode("latin-1"), media_type, lang)
    return '"' + hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32] + '"'


def names_a_tag() -> bool:
    """Whether the request's If-None-Match names tags (not `*`, nor none)."""
    return bool(request.if_none_match) and not request.if_none_match.star_tag


def unchanged_before_run(*tags: str | None) -> Response | None:
    """The 304 when the request's If-None-Match names one of `tags` itself (`*` waits for the
    answer: see the module), else None."""
    if not names_a_tag():
        return None
    return next((_not_modified(tag) for tag in tags
                 if tag is not None and request.if_none_match.contains_weak(tag.strip('"'))),
                None)


def answered(response: Response, tag: str | None) -> Response:
    """The 304 when the request's If-None-Match names `tag` or is `*`, now that the answer is
    known; else `response` with its ETag, when it has one."""
    if tag is not None and request.if_none_match.contains_weak(tag.strip('"')):
        return _not_modified(tag)
    if tag is not None:
        response.headers["ETag"] = tag
        response.headers["Cache-Control"] = NO_CACHE
    return response


def tagged_json(answer: Callable[[], Response]) -> Response:
    """The JSON answer `answer` computes from the store this request reads, with its ETag (of
    the snapshot read, the request and its language, which labels and order follow): on a
    directory store honoured before anything is computed; on a remote store, which may change
    under the app, the tag of the whole answer, honoured once it is known."""
    snapshot, media_type, lang = read_snapshot(), "application/json", request_language()
    if snapshot is not None and (unchanged := unchanged_before_run(
            answer_etag(snapshot, media_type, lang))) is not None:
        return unchanged
    response = answer()
    read_from = snapshot if snapshot is not None else response.get_data(as_text=True)
    return answered(response, answer_etag(read_from, media_type, lang))


def _not_modified(tag: str) -> Response:
    """The 304: no body, the ETag and Cache-Control repeated (RFC 9110 15.4.5)."""
    response = Response(status=304)
    response.headers["ETag"] = tag
    response.headers["Cache-Control"] = NO_CACHE
    return response

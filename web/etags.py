"""ETags and conditional GETs of the query answers: `/sparql` and `/api/queries/<name>`.

An answer is fixed by the data it was read from, a published snapshot of the store, which never
changes (on a remote store: the whole answer the server gave), by what serves it (the rulebook,
bcic's version, the row limit) and by the request (its URL, the format chosen, the language of a
named query's description). Its ETag is a digest of all of them, so it changes whenever the store
publishes a new snapshot or the rulebook changes. A GET whose `If-None-Match` names it is
answered 304 with no body (RFC 9110, 13.1.2 and 15.4.5): on a directory store before the query
runs, from the snapshot the workers read now. POSTs are never given one (a POST's answer is not
kept by caches, RFC 9110 9.3.3).
"""

from __future__ import annotations

import hashlib

from flask import Response, current_app, request

from checker import __version__
from checker.rulebook import load_rulebook


def running_rulebook_digest() -> str:
    """The digest of the rulebook the app serves now (a reload replaces it)."""
    return load_rulebook().digest


def answer_etag(read_from: str, media_type: str, lang: str = "") -> str | None:
    """The ETag of the answer to this GET read from the data `read_from` names, in `media_type`
    and `lang` (empty: an answer whose words do not depend on it); None for another method."""
    if request.method != "GET":
        return None
    parts = (read_from, running_rulebook_digest(), __version__,
             str(current_app.config["BCIC_SPARQL_ROW_LIMIT"]), request.url_root, request.path,
             request.query_string.decode("latin-1"), media_type, lang)
    return '"' + hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32] + '"'


def not_modified(tag: str | None) -> Response | None:
    """The 304 answer (no body, the ETag repeated) when the request's If-None-Match names `tag`
    (or is `*`), else None."""
    if tag is None or not request.if_none_match.contains_weak(tag.strip('"')):
        return None
    response = Response(status=304)
    response.headers["ETag"] = tag
    return response


def tagged(response: Response, tag: str | None) -> Response:
    """`response` with its ETag, when it has one."""
    if tag is not None:
        response.headers["ETag"] = tag
    return response

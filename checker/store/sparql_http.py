"""HTTP for the remote store: SPARQL 1.1 Protocol queries and updates, with errors as ours.

Plain urllib, no SPARQLWrapper: one request path for queries and updates, so every failure —
refused connection, time-out, HTTP status, a server's partial answer — becomes one
`SparqlEndpointError` naming the endpoint and the status. HTTP digest and basic authentication
are both offered when credentials are given (Virtuoso's /sparql-auth asks for digest); the
endpoints' URLs hold no `user:password@` here (checker/store/credentials.py takes it out).
"""

from __future__ import annotations

import errno
import http.client
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import timezone
from email.message import Message
from email.utils import parsedate_to_datetime

from ..errors import NoAnswerError, StoreError
from ..i18n import Joined, Localized, Phrase, phrase
from .guard import QueryDataset
from .redirects import KeptRedirects, RedirectNotFollowed
from .server_words import server_words

_DETAIL_CHARS = 300
# How much of an error's body is read for the server's words: an HTML page's style sheet, or a
# JSON envelope's trace, may come before or beside them; more is not read.
ERROR_BODY_BYTES = 256 * 1024
# A server started read-only says so (the Oxigraph server's `serve-read-only`: HTTP 403 "The
# server is read-only"): then no user or password would help.
_READ_ONLY = re.compile(r"read[- ]only", re.IGNORECASE)
# Statuses of an update sent where no update is taken: not understood as a query (400), no such
# address (404), not POST (405), not application/sparql-update (415; the Oxigraph server's /query).
_NOT_AN_UPDATE_ENDPOINT = (400, 404, 405, 415)
# How a connection broke once it was made, in the order to test them (RemoteDisconnected is a
# ConnectionResetError too): the message's words for each.
_BROKEN: tuple[tuple[type[BaseException], str], ...] = (
    (http.client.RemoteDisconnected, "error.remote.how_closed"),
    (ConnectionResetError, "error.remote.how_reset"),
    (BrokenPipeError, "error.remote.how_broken_pipe"),
    (ConnectionAbortedError, "error.remote.how_aborted"),
    (http.client.IncompleteRead, "error.remote.how_cut"),
)


class SparqlEndpointError(NoAnswerError):
    """A SPARQL server could not be reached, timed out, refused a request or failed on it;
    `answer_lost` when the request may have reached the server, and been applied, though no
    answer came (the connection broke, or the time ran out, after it was sent)."""

    def __init__(self, message: Localized, endpoint: str, status: int | None = None, *,
                 answer_lost: bool = False) -> None:
        super().__init__(message)
        self.endpoint = endpoint
        self.status = status
        self.answer_lost = answer_lost


class SparqlDeadlockError(SparqlEndpointError):
    """Virtuoso gave up the request as deadlocked with another (SR172) and rolled it back: it may
    be sent again."""


class SparqlQueryRefusedError(SparqlEndpointError):
    """The endpoint refused the query it was sent as bad (HTTP 400): the user's input, when
    the user wrote the query (`bcic query --endpoint`)."""

    exit_code = 2
    http_status = 400


@dataclass(frozen=True)
class Response:
    """A successful answer: its body, media type (without parameters), headers and status."""

    body: bytes
    media_type: str
    headers: Message
    status: int


class SparqlClient:
    """Sends SPARQL Protocol requests to one query and one update endpoint."""

    def __init__(self, query_endpoint: str, update_endpoint: str | None,
                 graph_store_endpoint: str | None, username: str | None, password: str | None,
                 timeout: float) -> None:
        self.query_endpoint = query_endpoint
        self.update_endpoint = update_endpoint
        self.timeout = timeout
        self.server: str | None = None  # the Server header of the last answer
        self._with_credentials = username is not None
        handlers: list[urllib.request.BaseHandler] = []
        if username is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            endpoints = [e for e in (query_endpoint, update_endpoint, graph_store_endpoint) if e]
            passwords.add_password(None, endpoints, username, password or "")
            # Digest runs first (handler_order 490); basic answers servers that ask for basic.
            handlers += [urllib.request.HTTPDigestAuthHandler(passwords),
                         urllib.request.HTTPBasicAuthHandler(passwords)]
        self._opener = urllib.request.build_opener(*handlers, KeptRedirects())

    def query(self, text: str, accept: str, dataset: QueryDataset | None = None) -> Response:
        """POST a query as an HTML form (no URL length limit) and return the answer; the
        dataset it names, if any, goes along as the protocol's `default-graph-uri` and
        `named-graph-uri` (docs/store.md, "The server's default graph")."""
        fields = [("query", text)]
        if dataset is not None:
            fields += [("default-graph-uri", iri) for iri in dataset.default_graphs]
            fields += [("named-graph-uri", iri) for iri in dataset.named_graphs]
        body = urllib.parse.urlencode(fields).encode("ascii")
        return self._post(self.query_endpoint, body, "application/x-www-form-urlencoded",
                          accept)

    def update(self, text: str) -> Response:
        """POST an update as application/sparql-update (UTF-8)."""
        if not self.update_endpoint:
            shown = shown_endpoint(self.query_endpoint)
            raise StoreError.of("error.remote.no_update_endpoint", endpoint=shown)
        return self._post(self.update_endpoint, text.encode("utf-8"),
                          "application/sparql-update; charset=UTF-8", "*/*", update=True)

    def get(self, endpoint: str, params: dict[str, str], accept: str) -> Response:
        """GET a resource, such as a graph of the Graph Store Protocol (`?graph=`)."""
        separator = "&" if "?" in endpoint else "?"
        url = endpoint + separator + urllib.parse.urlencode(params)
        return self._send(urllib.request.Request(url, headers={"Accept": accept}), endpoint)

    def _post(self, endpoint: str, body: bytes, content_type: str, accept: str,
              update: bool = False) -> Response:
        request = urllib.request.Request(endpoint, data=body, method="POST", headers={
            "Content-Type": content_type, "Accept": accept})
        return self._send(request, endpoint, update)

    def _send(self, request: urllib.request.Request, endpoint: str,
              update: bool = False) -> Response:
        """Send a request (an update when `update`); its answer, or SparqlEndpointError
        (SparqlDeadlockError when Virtuoso gave it up as deadlocked)."""
        deadlocked = "error.remote.deadlock" if update else "error.remote.deadlock_query"
        shown = shown_endpoint(endpoint)
        try:
            with self._opener.open(request, timeout=self.timeout) as answer:
                data = answer.read()
                headers = answer.headers
                status = answer.status
        except RedirectNotFollowed as moved:
            raise SparqlEndpointError(redirect_failure(shown, moved), shown,
                                      moved.status) from None
        except urllib.error.HTTPError as error:
            self.server = error.headers.get("Server") if error.headers else None
            body = error_body(error)
            # Virtuoso sends a deadlock as 500 "Virtuoso 40001 Error SR172: Transaction
            # deadlocked" too, not only as X-SQL-Message on a 200 (seen under load).
            if error.code == 500 and b"SR172" in body:
                raise SparqlDeadlockError(phrase(deadlocked, endpoint=shown), shown,
                                          error.code) from None
            raise SparqlEndpointError(http_failure(
                shown, error.code, error.reason, body, self._with_credentials,
                charset=error_charset(error), retry_after=error_retry_after(error),
                refused_update=update,
                at_query_endpoint=self.update_endpoint == self.query_endpoint),
                shown, error.code) from None
        except urllib.error.URLError as error:
            raise SparqlEndpointError(network_failure(shown, error.reason, self.timeout), shown,
                                      answer_lost=answer_lost(error.reason)) from None
        except (TimeoutError, OSError, http.client.HTTPException) as error:
            raise SparqlEndpointError(network_failure(shown, error, self.timeout), shown,
                                      answer_lost=answer_lost(error)) from None
        self.server = headers.get("Server")
        if "SR172" in headers.get("X-SQL-Message", ""):  # Virtuoso: "Transaction deadlocked"
            raise SparqlDeadlockError(phrase(deadlocked, endpoint=shown), shown, 200)
        # Virtuoso's "anytime" queries stop at MaxQueryExecutionTime and send what they have,
        # with status 200: a partial answer must never pass for a whole one.
        if headers.get("X-SQL-State"):
            raise SparqlEndpointError(phrase(
                "error.remote.partial", endpoint=shown, state=headers.get("X-SQL-State"),
                detail=headers.get("X-SQL-Message", "").strip()), shown, 200)
        media_type = (headers.get_content_type() if headers.get("Content-Type") else "")
        return Response(data, media_type, headers, status)


def network_failure(shown: str, reason: object, timeout: float) -> Phrase:
    """A one-line message for an endpoint that could not be reached, did not answer in time, or
    whose connection broke before its answer came: in bcic's words, with the system's (in
    English) in parentheses."""
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return phrase("error.remote.timeout", endpoint=shown, seconds=timeout)
    if isinstance(reason, ConnectionRefusedError):
        return phrase("error.remote.refused", endpoint=shown)
    if isinstance(reason, socket.gaierror):
        return phrase("error.remote.unknown_host", endpoint=shown, reason=reason)
    if isinstance(reason, OSError) and reason.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return phrase("error.remote.no_route", endpoint=shown, reason=reason)
    how = next((key for kind, key in _BROKEN if isinstance(reason, kind)), None)
    if how is not None:
        return phrase("error.remote.connection_lost", endpoint=shown, how=phrase(how),
                      reason=reason)
    return phrase("error.remote.unreachable", endpoint=shown, reason=reason)


def answer_lost(reason: object) -> bool:
    """Whether a request that failed for `reason` may have reached the server, and been applied,
    though no answer came: its connection broke or its time ran out; not a refused connection or
    an unknown host, where nothing was sent."""
    return isinstance(reason, (TimeoutError, socket.timeout, http.client.HTTPException,
                               *(kind for kind, _ in _BROKEN)))


def redirect_failure(shown: str, moved: RedirectNotFollowed) -> Phrase:
    """A one-line message for a redirect bcic did not follow, saying where it led."""
    if moved.why is None:
        return phrase("error.remote.redirected", endpoint=shown, status=moved.status,
                      location=shown_endpoint(moved.location))
    return phrase("error.remote.redirect_not_followed", endpoint=shown, status=moved.status,
                  location=shown_endpoint(moved.location), why=phrase(moved.why))


def error_body(error: urllib.error.HTTPError) -> bytes:
    """The start of an HTTP error's body (the server's own words), empty when unreadable."""
    try:
        return error.read(ERROR_BODY_BYTES) if error.fp is not None else b""
    except (OSError, http.client.HTTPException):
        return b""


def error_charset(error: urllib.error.HTTPError) -> str | None:
    """The charset an HTTP error's Content-Type declares, if any (RFC 9110 §8.3.2)."""
    return error.headers.get_content_charset() if error.headers else None


def error_retry_after(error: urllib.error.HTTPError) -> str | None:
    """An HTTP error's Retry-After (a 503's or a 429's), if any."""
    return error.headers.get("Retry-After") if error.headers else None


def _retry_hint(retry_after: str | None) -> Phrase | None:
    """When the server asks to be asked again (RFC 9110 §10.2.3: a number of seconds or an
    HTTP date, said in UTC); None for no Retry-After or one that is neither."""
    value = (retry_after or "").strip()
    if value.isdigit():
        return phrase("error.remote.hint_retry_seconds", seconds=int(value))
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:  # RFC 9110 §5.6.7: an HTTP date is in GMT
        moment = moment.replace(tzinfo=timezone.utc)
    return phrase("error.remote.hint_retry_date",
                  date=moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"))


def http_failure(shown: str, status: int | None, reason: str, raw: bytes,
                 credentials: bool | None = None, *, charset: str | None = None,
                 refused_update: bool = False, at_query_endpoint: bool = False,
                 retry_after: str | None = None) -> Phrase:
    """A one-line message: endpoint, status, the server's own words, when to ask again (its
    `retry_after`, the Retry-After of a 503 or a 429), and a hint when known: for
    401 and 403, whether the store's credentials were refused (`credentials` True), or none were
    given (False; None: an endpoint that bcic never sends any, `bcic query --endpoint`); for a
    `refused_update`, that the server is read-only, or that the update endpoint may be wrong (the
    query endpoint's address when `at_query_endpoint`: BCIC_STORE_UPDATE unset). The body `raw`
    is read in `charset`, the one its answer declared."""
    # Virtuoso echoes the whole request after "SPARQL query:"
    detail = server_words(raw.split(b"SPARQL query:", 1)[0], _DETAIL_CHARS, charset)
    hints = []
    read_only = refused_update and _READ_ONLY.search(detail) is not None
    if read_only:
        hints.append(phrase("error.remote.hint_read_only_server"))
    elif refused_update and at_query_endpoint and status in _NOT_AN_UPDATE_ENDPOINT:
        hints.append(phrase("error.remote.hint_update_at_query_endpoint"))
    elif refused_update and status in _NOT_AN_UPDATE_ENDPOINT and status != 400:
        # A 400 there may be the update's own fault: no hint then.
        hints.append(phrase("error.remote.hint_update_endpoint"))
    if status in (401, 403) and not read_only:
        hints.append(phrase({None: "error.remote.hint_credentials",
                             False: "error.remote.hint_no_credentials",
                             True: "error.remote.hint_credentials_refused"}[credentials]))
    if "SR186" in detail:  # Virtuoso: "No permission to execute procedure"
        hints.append(phrase("error.remote.hint_update_permission"))
    if "not translated to an accurate SQL text" in detail:
        # With `define sql:big-data-const 1`, Virtuoso 7.2 reports any failure of an INSERT DATA
        # this way, including its transaction being rolled back.
        hints.append(phrase("error.remote.hint_large_insert"))
    if (retry := _retry_hint(retry_after)) is not None:
        hints.append(retry)
    return phrase("error.remote.http_detail" if detail else "error.remote.http", endpoint=shown,
                  status=status, reason=reason, detail=detail, hints=Joined(tuple(hints)))


def shown_endpoint(endpoint: str) -> str:
    """The endpoint as shown in messages: without any user:password@ part."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.username is None and parts.password is None:
        return endpoint
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))

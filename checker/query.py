"""Run a user's SPARQL query on the store, or on a partner's endpoint, into one result shape."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from http import HTTPStatus
from pathlib import Path

import pyoxigraph
from rdflib import Graph, URIRef
from rdflib.term import Node

from SPARQLWrapper import (ASK, CONSTRUCT, DESCRIBE, JSON, POST, SELECT, TURTLE, URLENCODED,
                           SPARQLWrapper)

from . import __version__
from .errors import InputError, QueryRefusedError
from .i18n import Lang, in_every_language, phrase
from .loading.rdfterms import from_oxigraph
from .sparql_service import TRUNCATED_HEADER, is_update, refuse_update
from .sparql_syntax import names_an_update, text_refusal
from .store.base import Store
from .store.guard import QueryDataset, QueryForm, QueryInfo, check_query, inspect_query
from .store.location import checked_endpoint
from .store.redirects import KeptRedirects, RedirectNotFollowed
from .store.sparql_http import (SparqlEndpointError, SparqlQueryRefusedError, error_body,
                                error_charset, error_retry_after, http_failure, network_failure,
                                redirect_failure, shown_endpoint)

MAX_RESPONSE_BYTES = 50_000_000
REMOTE_TIMEOUT_SECONDS = 60
TRIPLE_VARIABLES = ("subject", "predicate", "object")  # how graph results are tabulated
# A QUERY_OR_FILE argument ending so is a file name, never query text (no query ends so).
QUERY_FILE_SUFFIXES = (".rq", ".sparql", ".txt")
_SAME_WORDS = 80  # how much of bcic's parser's words, found in a refusal, means it said them
_RESULTS_ACCEPT = "application/sparql-results+json, application/json;q=0.9"
_GRAPH_ACCEPT = "text/turtle, application/n-triples;q=0.9"
# The query forms SPARQLWrapper reads in a text (its own reading, by keyword), as ours.
_WRAPPER_FORMS = {SELECT: QueryForm.SELECT, ASK: QueryForm.ASK, CONSTRUCT: QueryForm.CONSTRUCT,
                  DESCRIBE: QueryForm.DESCRIBE}
_GRAPH_MEDIA_TYPES = {"text/turtle": pyoxigraph.RdfFormat.TURTLE,
                      "application/n-triples": pyoxigraph.RdfFormat.N_TRIPLES,
                      "text/plain": pyoxigraph.RdfFormat.N_TRIPLES}


@dataclass(frozen=True)
class QueryResult:
    """A query's answer: a boolean (ASK), or rows over `variables` (SELECT, and CONSTRUCT or
    DESCRIBE as subject/predicate/object rows, with the graph itself in `graph`). A SELECT's
    rows on the local store come one by one as the engine gives them, readable once, while the
    store is open (`run_query`)."""

    form: QueryForm
    variables: tuple[str, ...] = ()
    rows: Iterable[dict[str, Node]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    truncated: bool = False  # the endpoint said it sent only the first rows (TRUNCATED_HEADER)


def run_query(store: Store, text: str) -> QueryResult:
    """Run a query on the store (guarded: SERVICE and the like are refused); a SELECT's rows
    are read from the store as they are written out, so read them before the store closes."""
    info = _guarded(check_query, text)
    if info.form is QueryForm.SELECT:
        return QueryResult(info.form, info.variables, store.select_rows(text))
    if info.form is QueryForm.ASK:
        return QueryResult(info.form, boolean=store.ask(text))
    return _graph_result(info.form, store.construct(text))


def run_remote_query(endpoint: str, text: str, lang: Lang | None = None) -> QueryResult:
    """Send a query to a SPARQL 1.1 endpoint the user chose, through SPARQLWrapper, and read its
    answer safely; a failure is one line naming the endpoint and keeping the server's own words,
    as the remote store says it: a SparqlQueryRefusedError (exit 2) when the endpoint refused the
    query as bad (400), else a SparqlEndpointError (exit 4). The result is `truncated` when the
    endpoint says so (a bcic endpoint's row limit). The dataset the query names (FROM, FROM
    NAMED) goes along as the protocol's parameters too, as the remote store sends it (docs/store.md,
    "The server's default graph"); `lang`, as Accept-Language, asks a server that speaks it to
    say its errors in it."""
    shown = shown_endpoint(checked_endpoint(endpoint))
    form, dataset, unread = _remote_reading(text)
    graph_form = form in (QueryForm.CONSTRUCT, QueryForm.DESCRIBE)
    try:
        body, media_type, truncated = _ask(endpoint, text, graph_form, dataset, shown, lang)
    except SparqlQueryRefusedError as refused:
        if unread is None or _already_said(unread, refused):
            raise
        # a typo, most likely: bcic's parser says where, which the server may not
        raise SparqlQueryRefusedError(phrase("error.remote.refused_unread", refused=refused,
                                             unread=unread), shown, refused.status) from None
    try:
        if graph_form:
            result = _graph_result(form, _parse_graph(body, media_type))
        else:
            result = _solutions(form, pyoxigraph.parse_query_results(
                body, pyoxigraph.QueryResultsFormat.JSON))
    except (SyntaxError, ValueError) as error:
        raise SparqlEndpointError(phrase("error.remote.unreadable_answer", endpoint=shown,
                                         detail=error), shown, 200) from None
    return replace(result, truncated=truncated)


def _already_said(unread: QueryRefusedError, refused: SparqlQueryRefusedError) -> bool:
    """Whether the endpoint's refusal already says what bcic's parser says, in any language (as
    bcic's own endpoint does): then it is said once. The start is compared: the server's words
    may be cut."""
    said = refused.text("en")
    return any(own[:_SAME_WORDS] in said for own in in_every_language(unread).values())


def _guarded(check: Callable[[str], QueryInfo], text: str) -> QueryInfo:
    """`check(text)`, with an update refused as such (read-only), not as a query that does not
    parse, in the words the SPARQL endpoint uses."""
    try:
        return check(text)
    except QueryRefusedError:
        if is_update(text):
            raise refuse_update() from None
        raise


def _remote_reading(
        text: str) -> tuple[QueryForm, QueryDataset | None, QueryRefusedError | None]:
    """A partner's query's form, the dataset it names, and bcic's parser's error when it cannot
    read it. Such text, which the partner's server may read (a vendor's extension, such as
    Virtuoso's `DEFINE`), goes as it is, with the form SPARQLWrapper reads in it and no dataset
    parameters, for the endpoint to judge; an update, text that is not characters and text
    SPARQLWrapper reads as no query form are refused as before."""
    try:
        info = _guarded(inspect_query, text)
    except QueryRefusedError as unread:
        if names_an_update(text):  # however SPARQLWrapper reads its form: never sent
            raise refuse_update() from None
        form = None if text_refusal(text) is not None else _wrapper_form(text)
        if form is None:
            raise
        return form, None, unread
    return info.form, info.dataset, None


def _wrapper_form(text: str) -> QueryForm | None:
    """The query form SPARQLWrapper reads in the text (SELECT when it finds no keyword), None
    for an update's keyword."""
    wrapper = SPARQLWrapper("http://127.0.0.1/")
    with warnings.catch_warnings(action="ignore"):  # its "unknown query type": SELECT
        wrapper.setQuery(text)
    return _WRAPPER_FORMS.get(wrapper.queryType)


def _ask(endpoint: str, text: str, graph_form: bool, dataset: QueryDataset | None,
         shown: str, lang: Lang | None) -> tuple[bytes, str, bool]:
    """POST the query as a form SPARQLWrapper makes, with the dataset it names as the protocol's
    `default-graph-uri` and `named-graph-uri`: the answer's body, its media type, and whether
    the endpoint says it cut the rows. bcic's opener sends it, not SPARQLWrapper's urlopen: a
    307 or 308 is followed with the query, a POST's 301-303 is said, not followed as a GET
    without it (checker/store/redirects.py), and an error's body is read with its charset."""
    wrapper = SPARQLWrapper(endpoint, agent=f"bcic/{__version__}")
    with warnings.catch_warnings(action="ignore"):  # its "unknown query type": the form is ours
        wrapper.setQuery(text)
    if dataset is not None:
        for iri in dataset.default_graphs:
            wrapper.addParameter("default-graph-uri", iri)
        for iri in dataset.named_graphs:
            wrapper.addParameter("named-graph-uri", iri)
    wrapper.setMethod(POST)
    wrapper.setRequestMethod(URLENCODED)
    wrapper.setReturnFormat(TURTLE if graph_form else JSON)
    wrapper.addCustomHttpHeader("Accept", _GRAPH_ACCEPT if graph_form else _RESULTS_ACCEPT)
    if lang is not None:
        wrapper.addCustomHttpHeader("Accept-Language", lang)
    opener = urllib.request.build_opener(KeptRedirects())
    try:
        # SPARQLWrapper's own request (its _createRequest, stable across 2.x, pyproject's pin)
        with opener.open(wrapper._createRequest(), timeout=REMOTE_TIMEOUT_SECONDS) as response:
            body = response.read(MAX_RESPONSE_BYTES + 1)
            media_type = response.headers.get_content_type() if response.headers else ""
            truncated = bool(response.headers) and (
                response.headers.get(TRUNCATED_HEADER, "").strip().lower() == "true")
    except RedirectNotFollowed as moved:
        raise SparqlEndpointError(redirect_failure(shown, moved), shown, moved.status) from None
    except urllib.error.HTTPError as error:
        refused = SparqlQueryRefusedError if error.code == 400 else SparqlEndpointError
        raise refused(http_failure(shown, error.code, _reason(error), error_body(error),
                                   charset=error_charset(error),
                                   retry_after=error_retry_after(error)),
                      shown, error.code) from None
    except urllib.error.URLError as error:
        raise SparqlEndpointError(network_failure(shown, error.reason, REMOTE_TIMEOUT_SECONDS),
                                  shown) from None
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise SparqlEndpointError(network_failure(shown, error, REMOTE_TIMEOUT_SECONDS),
                                  shown) from None
    if len(body) > MAX_RESPONSE_BYTES:
        raise SparqlEndpointError(phrase("error.remote.too_large", endpoint=shown,
                                         limit=MAX_RESPONSE_BYTES), shown, 200)
    return body, media_type, truncated


def _reason(error: urllib.error.HTTPError) -> str:
    """The status's reason phrase as RFC 9110 writes it (Werkzeug sends "BAD REQUEST"), else the
    server's."""
    try:
        return HTTPStatus(error.code).phrase
    except ValueError:
        return str(error.reason)


def read_query_argument(value: str) -> str:
    """The query text of a QUERY_OR_FILE argument: the contents of the file it names, else itself.

    An argument naming a directory, or ending in one of QUERY_FILE_SUFFIXES without naming a
    file, was meant as a file: InputError. So is an empty query (`''` would name the current
    directory).
    """
    text = _text_or_file(value) if value.strip() else value
    if not text.strip():
        raise InputError.of("error.sparql.empty_query")
    return text


def _text_or_file(value: str) -> str:
    """The contents of the file `value` names, else `value` itself."""
    path = _existing_path(value)
    if path is not None and path.is_dir():
        raise InputError.of("error.is_directory", path=value)
    if path is not None:
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError.of("error.cannot_read", path=value, reason=error) from None
    if value.lower().endswith(QUERY_FILE_SUFFIXES):
        raise InputError.of("error.no_such_file", path=value)
    return value


def _existing_path(value: str) -> Path | None:
    """The file or directory `value` names, None when it names none or cannot be a path at all
    (a query text longer than a file name may be)."""
    if "\n" in value:
        return None
    path = Path(value)
    try:
        return path if path.is_file() or path.is_dir() else None
    except (OSError, ValueError):
        return None


def _graph_result(form: QueryForm, graph: Graph) -> QueryResult:
    rows = [dict(zip(TRIPLE_VARIABLES, triple)) for triple in sorted(graph)]
    return QueryResult(form, TRIPLE_VARIABLES, rows, graph=graph)


def _parse_graph(body: bytes, media_type: str) -> Graph:
    """Parse an RDF answer with pyoxigraph (never fetching anything) into an rdflib graph."""
    rdf_format = _GRAPH_MEDIA_TYPES.get(media_type, pyoxigraph.RdfFormat.TURTLE)
    graph = Graph()
    for quad in pyoxigraph.parse(body, rdf_format):
        graph.add((from_oxigraph(quad.subject), URIRef(quad.predicate.value),
                   from_oxigraph(quad.object)))
    return graph


def _solutions(form: QueryForm,
               parsed: pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean) -> QueryResult:
    if isinstance(parsed, pyoxigraph.QueryBoolean):
        return QueryResult(form, boolean=bool(parsed))
    names = tuple(v.value for v in parsed.variables)
    rows = [{name: from_oxigraph(solution[name]) for name in names
             if solution[name] is not None} for solution in parsed]
    return QueryResult(form, names, rows)

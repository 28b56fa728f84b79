"""The public SPARQL 1.1 Protocol endpoint, /sparql: a thin client of checker/sparql_service.py.

GET `?query=`, POST form-encoded `query=`, or POST `application/sparql-query`; optional
`default-graph-uri` / `named-graph-uri` (repeatable) and `format=` (or `output=`) overriding
`Accept`. A GET without a query answers the service description. Updates are refused (403).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import UnsupportedMediaType

from checker.errors import QueryRefusedError
from checker.query_api import example_queries
from checker.sparql_service import (
    TRUNCATED_HEADER,
    ResultFormat,
    format_for,
    formats_for,
    graph_iris,
    media_types_for,
    not_acceptable,
    prepare_query,
    refuse_update,
    service_description,
)
from checker.store.guard import QueryForm

from . import query_service
from .data import read_store
from .i18n import request_language

bp = Blueprint("sparql", __name__)

QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


@dataclass(frozen=True)
class ProtocolRequest:
    """What a protocol request asks: the query (None: describe the service), dataset, formats."""

    query: str | None
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None
    formats: tuple[str, ...]


@bp.get("/sparql/editor")
def editor() -> str:
    """The SPARQL editor page (YASGUI) against /sparql, with the named queries as examples."""
    revisions = read_store().revisions()
    # A stored cluster fills the required `cluster` parameters, so every example answers.
    defaults = {"cluster": str(revisions[0].cluster)} if revisions else {}
    config = {"endpoint": url_for("sparql.endpoint", _external=True),
              "queries": example_queries(request_language(), defaults)}
    return render_template("sparql_editor.html", config=config)


def _prefers_html() -> bool:
    """Whether a query-less GET comes from a browser: one that names text/html and ranks it
    above every format of the service description (`*/*` alone, as curl sends, is not one)."""
    accept = request.accept_mimetypes
    if "text/html" not in accept.values():
        return False
    return accept.best_match(["text/html", *media_types_for(None)]) == "text/html"


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    """Answer a SPARQL query, or describe the service when there is none."""
    service = query_service(current_app)
    asked = read_protocol_request()
    if asked.query is None:
        if request.method == "GET" and _prefers_html():
            return redirect(url_for("sparql.editor"), code=303)  # a person: the editor
        chosen = negotiate(None, asked.formats)
        body = service_description(request.base_url, service.limits, chosen)
        return _response(body, chosen)
    prepared = prepare_query(asked.query, service.limits)
    answer = service.execute(prepared, negotiate(prepared.form, asked.formats),
                             asked.default_graphs, asked.named_graphs)
    response = _response(answer.body, answer.format)
    if answer.truncated:
        response.headers[TRUNCATED_HEADER] = "true"
    return response


def read_protocol_request() -> ProtocolRequest:
    """Read the query and its options from a GET, a form POST or a direct POST."""
    fields: MultiDict[str, str] = request.args
    queries: list[str] = []
    if request.method == "POST":
        if request.mimetype == UPDATE_TYPE:
            raise refuse_update()
        if request.mimetype == QUERY_TYPE:
            queries.append(_utf8(request.get_data()))
        elif request.mimetype in FORM_TYPES:
            fields = request.values  # the body's fields, then the URL's
        else:
            raise UnsupportedMediaType(f"send the query as {QUERY_TYPE} or as a form field "
                                       f"`query` ({FORM_TYPES[0]}), not {request.mimetype!r}")
    if "update" in fields:
        raise refuse_update()
    queries += fields.getlist("query")
    if len(queries) > 1:
        raise QueryRefusedError("send one query per request")
    if request.method == "POST" and not queries:
        raise QueryRefusedError("a POST must carry a query")
    default_graphs = graph_iris(fields.getlist("default-graph-uri"), "default-graph-uri")
    named_graphs = graph_iris(fields.getlist("named-graph-uri"), "named-graph-uri")
    dataset_given = bool(default_graphs or named_graphs)
    return ProtocolRequest(queries[0] if queries else None,
                           default_graphs if dataset_given else None,
                           named_graphs if dataset_given else None,
                           tuple(fields.getlist("format") + fields.getlist("output")))


def negotiate(form: QueryForm | None, formats: tuple[str, ...]) -> ResultFormat:
    """The format to answer in: the first known `format=` value, else the best Accept match."""
    for wanted in formats:
        chosen = format_for(form, wanted)
        if chosen is not None:
            return chosen
    if formats:
        raise not_acceptable(form, formats[0])
    if not request.accept_mimetypes:  # no Accept header: anything goes, so the default
        return formats_for(form)[0]
    best = request.accept_mimetypes.best_match(media_types_for(form))
    chosen = format_for(form, best) if best else None
    if chosen is None:
        raise not_acceptable(form, request.headers.get("Accept", ""))
    return chosen


def _response(body: bytes, result_format: ResultFormat) -> Response:
    response = Response(body, content_type=result_format.content_type)
    response.vary.add("Accept")
    return response


def _utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise QueryRefusedError(f"the query is not UTF-8 text: {error}") from None

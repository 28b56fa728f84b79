"""The public SPARQL 1.1 Protocol endpoint, /sparql: a thin client of checker/sparql_service.py.

GET `?query=`, POST form-encoded `query=`, or POST `application/sparql-query`; optional
`default-graph-uri` / `named-graph-uri` (repeatable) and `format=` (or `output=`) overriding
`Accept`. A GET without a query answers the service description. Updates are refused (403).
On a remote store (BCIC_STORE a server's URL) this app answers no queries (503): the editor page
and the service description send people and partners to that server's public endpoint, when
BCIC_PUBLIC_SPARQL_URL names it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import UnsupportedMediaType

from checker.errors import NotAcceptableError, QueryRefusedError, StoreError
from checker.i18n import Lang
from checker.query_api import example_queries
from checker.sparql_service import (
    TRUNCATED_HEADER,
    ResultFormat,
    SparqlService,
    content_type,
    format_for,
    graph_iris,
    media_types_for,
    not_acceptable,
    prepare_query,
    refuse_update,
)
from checker.service_description import remote_service_description, service_description
from checker.store.guard import QueryForm

from . import query_service
from .data import is_remote, read_store
from .etags import READS, answer_etag, answered, names_a_tag, unchanged_before_run
from .i18n import request_language, ui
from .negotiation import Choice, choose
from .proxy import external_url
from .strings.sparql import YASGUI_TEXTS

bp = Blueprint("sparql", __name__)

QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
ENDPOINT_PATH = "/sparql"


@dataclass(frozen=True)
class ProtocolRequest:
    """What a protocol request asks: the query (None: describe the service), dataset, formats."""

    query: str | None
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None
    formats: tuple[str, ...]


@bp.get("/sparql/editor")
def editor() -> str:
    """The SPARQL editor page (YASGUI) against /sparql, with the named queries as examples; on a
    remote store, a page saying where queries go instead."""
    if _remote():
        return render_template("sparql_remote.html",
                               endpoint=current_app.config["BCIC_PUBLIC_SPARQL_URL"])
    revisions = read_store().revisions()
    # A stored cluster fills the required `cluster` parameters, so every example answers.
    defaults = {"cluster": str(revisions[0].cluster)} if revisions else {}
    config = {"endpoint": external_url("sparql.endpoint"),
              "queries": example_queries(request_language(), defaults),
              "labels": _editor_labels()}
    return render_template("sparql_editor.html", config=config)


def _editor_labels() -> dict[str, Any]:
    """YASGUI's texts in the page's language: what its configuration reaches (the tab name, the
    results table's DataTables `language`, the error renderer's), and the table of its other texts
    the editor script swaps in (web/README.md, "The SPARQL editor's own texts")."""
    return {"tabName": ui("sparql.yasgui.tab"),
            "table": {"info": ui("sparql.yasgui.info"),
                      "infoEmpty": ui("sparql.yasgui.info_empty"),
                      "infoFiltered": ui("sparql.yasgui.info_filtered"),
                      "zeroRecords": ui("sparql.yasgui.zero_records"),
                      "emptyTable": ui("sparql.yasgui.empty_table"),
                      "aria": {"orderable": ui("sparql.yasgui.aria.orderable"),
                               "orderableReverse": ui("sparql.yasgui.aria.orderable_reverse"),
                               "orderableRemove": ui("sparql.yasgui.aria.orderable_remove"),
                               "paginate": {name: ui(f"sparql.yasgui.aria.{name}")
                                            for name in ("first", "previous", "next", "last")}}},
            "error": {"refused": ui("sparql.yasgui.error.refused"),
                      "failed": ui("sparql.yasgui.error.failed")},
            "chip": {"rows": ui("sparql.yasgui.chip.rows"),
                     "rowsTime": ui("sparql.yasgui.chip.rows_time"),
                     "time": ui("sparql.yasgui.chip.time")},
            "fields": {"endpoint": ui("sparql.field.endpoint"), "query": ui("sparql.field.query")},
            "texts": yasgui_texts(request_language())}


def yasgui_texts(lang: Lang) -> dict[str, str]:
    """YASGUI's own English texts mapped to `lang`'s, those that differ (none in English); a
    `{plugin}` text once per result view, with the view's name in each language."""
    views = [YASGUI_TEXTS[f"sparql.yasgui.text.{name}"] for name in ("table", "response")]
    pairs: dict[str, str] = {}
    for texts in YASGUI_TEXTS.values():
        if "{plugin}" not in texts["en"]:
            pairs[texts["en"]] = texts[lang]
            continue
        for view in views:
            pairs[texts["en"].format(plugin=view["en"])] = texts[lang].format(plugin=view[lang])
    return {english: text for english, text in pairs.items() if english != text}


def _prefers_html() -> bool:
    """Whether a query-less GET comes from a browser: one whose Accept prefers text/html to every
    format of the service description (HTML comes last on a tie, so `*/*` alone, as curl sends,
    gets the description)."""
    chosen = choose(_accept(), {**media_types_for(None), None: ("text/html",)})
    return chosen is not None and chosen.offer is None


@bp.route(ENDPOINT_PATH, methods=["GET", "POST"])
def endpoint() -> Response:
    """Answer a SPARQL query, or describe the service when there is none."""
    if _remote():
        return _remote_endpoint()
    service = query_service(current_app)
    asked = read_protocol_request()
    if asked.query is None:
        if request.method in READS and _prefers_html():
            return redirect(url_for("sparql.editor"), code=303)  # a person: the editor
        chosen = negotiate(None, asked.formats)
        body = service_description(external_url("sparql.endpoint"), service.limits,
                                   chosen.offer)
        return _response(body, chosen.media_type)
    if (unchanged := _unchanged(service, asked)) is not None:
        return unchanged  # before taking a worker or a place in the queue: nothing runs
    with service.public_request():  # a share of the workers and the server's threads
        prepared = prepare_query(asked.query, service.limits)
        chosen = negotiate(prepared.form, asked.formats)
        answer = service.execute(prepared, chosen.offer, asked.default_graphs,
                                 asked.named_graphs)
    response = _response(answer.body, chosen.media_type)
    if answer.truncated:
        response.headers[TRUNCATED_HEADER] = "true"
    assert answer.snapshot is not None  # a worker's answer names the snapshot it read
    return answered(response, answer_etag(answer.snapshot, chosen.media_type,
                                          limits=repr(service.limits)))


def _unchanged(service: SparqlService, asked: ProtocolRequest) -> Response | None:
    """The 304 for a GET or HEAD whose If-None-Match names the tag this request's answer has
    when read from the snapshot the workers read now (web/etags.py), found without parsing the
    query: the tag of each format the request would be answered in, were the query of a form
    answered with results (SELECT, ASK) or with a graph (CONSTRUCT, DESCRIBE). A tag is only
    ever given to an answer of this very URL, the query in it, so the one that matches is of
    the query's own form. None otherwise: the request goes on and is checked as ever."""
    if not names_a_tag() or (current := service.current_snapshot()) is None:
        return None
    tags = []
    for form in (QueryForm.SELECT, QueryForm.CONSTRUCT):
        try:
            chosen = negotiate(form, asked.formats)
        except NotAcceptableError:
            continue  # no answer of that form was given: its 406 comes after the parse
        tags.append(answer_etag(current, chosen.media_type, limits=repr(service.limits)))
    return unchanged_before_run(*tags)


def _remote() -> bool:
    """Whether the app reads a remote SPARQL server, whose own endpoint answers the queries."""
    return is_remote(str(current_app.config["BCIC_STORE"]))


def _remote_endpoint() -> Response:
    """/sparql on a remote store: a browser asking for the description goes to the editor page,
    which says where queries go; a program gets the description of the remote server's public
    endpoint when BCIC_PUBLIC_SPARQL_URL names it; a query, or a description nobody may be
    pointed to, is refused (503) saying so. An update is refused (403) as ever."""
    asked = read_protocol_request()
    public: str | None = current_app.config["BCIC_PUBLIC_SPARQL_URL"]
    if asked.query is None and request.method in READS:
        if _prefers_html():
            return redirect(url_for("sparql.editor"), code=303)
        if public is not None:
            chosen = negotiate(None, asked.formats)
            return _response(remote_service_description(public, chosen.offer),
                             chosen.media_type)
    if public is None:
        raise StoreError.of("error.sparql.remote_store")
    raise StoreError.of("error.sparql.remote_store_at", endpoint=public)


def read_protocol_request() -> ProtocolRequest:
    """Read the query and its options from a GET, a form POST or a direct POST."""
    # The URL's fields are percent-encoded UTF-8 (SPARQL 1.1 Protocol 2.1.1); werkzeug would keep
    # an escape that is not (%FF) as the three characters and run a query nobody sent.
    _utf8_form(request.query_string)
    fields: MultiDict[str, str] = request.args
    queries: list[str] = []
    if request.method == "POST":
        if request.mimetype == UPDATE_TYPE:
            raise refuse_update()
        if request.mimetype == QUERY_TYPE:
            queries.append(_utf8(request.get_data()))
        elif request.mimetype in FORM_TYPES:
            if request.mimetype == FORM_TYPES[0]:
                _utf8_form(request.get_data(cache=True))  # kept for the form parser after it
            fields = request.values  # the body's fields, then the URL's
        else:
            raise UnsupportedMediaType(ui("sparql.error.media_type", query_type=QUERY_TYPE,
                                          form_type=FORM_TYPES[0], given=request.mimetype))
    if "update" in fields:
        raise refuse_update()
    queries += fields.getlist("query")
    if len(queries) > 1:
        raise QueryRefusedError.of("error.sparql.one_query")
    if request.method == "POST" and not queries:
        raise QueryRefusedError.of("error.sparql.post_without_query")
    default_graphs = graph_iris(fields.getlist("default-graph-uri"), "default-graph-uri")
    named_graphs = graph_iris(fields.getlist("named-graph-uri"), "named-graph-uri")
    dataset_given = bool(default_graphs or named_graphs)
    return ProtocolRequest(queries[0] if queries else None,
                           default_graphs if dataset_given else None,
                           named_graphs if dataset_given else None,
                           tuple(fields.getlist("format") + fields.getlist("output")))


def negotiate(form: QueryForm | None, formats: tuple[str, ...]) -> Choice[ResultFormat]:
    """The format to answer in and its label: the first known `format=` value (labelled with its
    main media type), else the format the Accept header ranks best (web/negotiation.py)."""
    for wanted in formats:
        named = format_for(form, wanted)
        if named is not None:
            return Choice(named, named.media_type)
    if formats:
        raise not_acceptable(form, formats[0])
    chosen = choose(_accept(), media_types_for(form))
    if chosen is None:
        raise not_acceptable(form, _accept())
    return chosen


def _accept() -> str:
    return request.headers.get("Accept", "")


def _response(body: bytes, media_type: str) -> Response:
    return Response(body, content_type=content_type(media_type))


@bp.after_app_request
def _vary(response: Response) -> Response:
    """Every answer of /sparql depends on Accept (RFC 7231 section 7.1.4): the format, the 303 to
    the editor for browsers, the 406; errors included, so no cache hands one client's to another.
    By path, not endpoint: a method the URL lacks (405) matches no endpoint, nor this blueprint."""
    if request.path == ENDPOINT_PATH:
        response.vary.add("Accept")
    return response


def _utf8_form(data: bytes) -> None:
    """Refuse form-encoded fields (a URL's query string, a form body) that are not UTF-8, in
    their bytes or their %-escapes, as a direct POST's query is refused: werkzeug would drop a
    body's field, leaving "a POST must carry a query", and keep a URL's bad escape as text."""
    try:
        parse_qsl(_utf8(data), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError as error:
        raise QueryRefusedError.of("error.sparql.not_utf8", detail=error) from None


def _utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise QueryRefusedError.of("error.sparql.not_utf8", detail=error) from None

"""JSON API for partner systems: the named queries of the library (`/api/queries`), the rule
reload (`/api/rules/reload`, maintainer token) and the OpenAPI document of the whole API."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import NotAcceptable

from checker.queries import Page, list_queries, values_given_once
from checker.query_api import (answer_named_query, answer_named_query_on, named_request_data,
                               query_catalogue, split_page)
from checker.rulebook_document import reload_rules, rules_to_reload

from . import answer_cache, query_service
from .auth import require_role
from .data import is_remote, read_store, summary_outdated, write_store
from .etags import answer_etag, answered, unchanged_before_run
from .i18n import request_language, ui
from .negotiation import choose, media_ranges
from .openapi import openapi_document, operations_by_tag
from .logs import rules_reloaded
from .proxy import external_root, external_url
from .submissions import submitter

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/docs")
def docs() -> str:
    """The API's human documentation, from its OpenAPI document."""
    document = openapi_document(external_root())
    return render_template("api_docs.html", document=document,
                           operations=operations_by_tag(document))


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 document of every JSON endpoint and the SPARQL protocol."""
    return jsonify(openapi_document(external_root()))


@bp.post("/rules/reload")
def reload_rules_from_files() -> Response:
    """Reload the store's rule graphs from the rule files (maintainer token)."""
    record = require_role("maintainer")
    rulebook = rules_to_reload()  # 400 naming each mistake in the files; the store untouched
    with write_store() as store:
        document = reload_rules(store, rulebook)
    rules_reloaded(document.version, submitter(record))
    return jsonify({"ok": True, "rulebook_version": document.version,
                    "rulebook_digest": document.digest,
                    "requirements": len(document.provisions),
                    "shapes": document.summary.shapes,
                    "ontology_triples": len(document.ontology),
                    "shapes_triples": len(document.shapes_graph)})


# The answers that are JSON only, whatever the client accepts: partners asking for CSV or XML are
# told so (406) and sent to /sparql, never handed JSON they would read as CSV. A browser, whose
# Accept puts a page first, gets the JSON, which it shows.
_JSON_ONLY = frozenset({"api.queries", "api.named_query"})
_PAGES = ("text/html", "application/xhtml+xml")
_JSON = "application/json"


@bp.before_request
def _refuse_what_is_not_json() -> None:
    """406 for a JSON-only answer asked for with an Accept header that refuses JSON and is no
    browser's; an unknown query is left to be 404."""
    if request.endpoint not in _JSON_ONLY or not _a_query_asked():
        return
    accept = request.headers.get("Accept", "")
    if choose(accept, {"json": ("application/json",)}) is None and not _browser_first(accept):
        raise NotAcceptable(ui("api.error.json_only", asked=accept))


def _a_query_asked() -> bool:
    """Whether the request names a known named query, or lists them."""
    name = (request.view_args or {}).get("name")
    return name is None or name in {q.name for q in list_queries()}


def _browser_first(accept: str) -> bool:
    """Whether the Accept header's first choice is a page, as a browser's is, and JSON is not
    refused outright (application/json;q=0)."""
    ranges = media_ranges(accept)
    if any(r.quality == 0 and r.matches("application/json") and r.precedence[1] for r in ranges):
        return False
    best = max(ranges, key=lambda r: (r.quality, r.precedence), default=None)
    return best is not None and best.quality > 0 and best.precedence[1] and any(
        best.matches(page) for page in _PAGES)


@bp.after_request
def _vary(response: Response) -> Response:
    """The JSON-only answers depend on Accept (406 or not)."""
    if request.endpoint in _JSON_ONLY:
        response.vary.add("Accept")
    return response


@bp.get("/queries")
def queries() -> Response:
    """The named queries with their parameters."""
    return jsonify({"queries": query_catalogue(request_language())})


@bp.get("/queries/<name>")
def named_query(name: str) -> Response:
    """Run one named query; its parameters, `lang` (the language), the page (`offset`,
    `limit`) and the token of the data its first page was read from (`snapshot`, as `next`
    gives it) come in the query string, each at most once. 503 when it reads a summary graph
    that needs `bcic reindex`; 409 when the token names data that has changed since."""
    lang = request_language()
    given = values_given_once(request.args.items(multi=True))
    values, page, token = split_page({k: v for k, v in given.items() if k != "lang"},
                                     int(current_app.config["BCIC_SPARQL_ROW_LIMIT"]))

    def link(other: Page, read_from: str | None) -> str:
        """The URL of another page of this answer: the same query string but its page, and
        the token of the data to read it from (none: the first page, to start again)."""
        kept = {k: v for k, v in given.items() if k != "snapshot"}
        return external_url("api.named_query", name=name, **{
            **kept, "offset": str(other.offset), "limit": str(other.limit),
            **({"snapshot": read_from} if read_from is not None else {})})

    remote = is_remote(str(current_app.config["BCIC_STORE"]))
    if remote:
        answer = answer_named_query_on(read_store(), name, values, page, lang,
                                       summary_outdated, link, token)
    else:
        service = query_service(current_app)
        current = named_request_data(service, name, values, page, summary_outdated, link, token)
        if current is not None and (unchanged := unchanged_before_run(
                answer_etag(current, _JSON, lang))) is not None:
            return unchanged  # the request checked, the client's copy still holds: no run
        answer = answer_named_query(service, answer_cache(current_app), name, values, page,
                                    lang, summary_outdated, link, token)
    return answered(Response(answer.body, mimetype=_JSON),
                    answer_etag(answer.read_from, _JSON, lang))

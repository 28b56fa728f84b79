"""JSON API for partner systems: the named queries of the library (`/api/queries`)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from checker.i18n import DEFAULT_LANG, LANGUAGES, Lang
from checker.query_api import answer_named_query, query_catalogue

from . import query_service

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/docs")
def docs() -> str:
    """The API's human documentation, from its OpenAPI document."""
    return render_template("api_docs.html")


@bp.get("/queries")
def queries() -> Response:
    """The named queries with their parameters."""
    return jsonify({"queries": query_catalogue(request_language())})


@bp.get("/queries/<name>")
def named_query(name: str) -> Response:
    """Run one named query; parameters come as query-string values (`lang` chooses the language)."""
    values = {k: v for k, v in request.args.items() if k != "lang"}
    document = answer_named_query(query_service(current_app), name, values, request_language())
    return jsonify(document)


def request_language() -> Lang:
    """`?lang=` when given, else the best of zh and en in Accept-Language, else the default."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked  # type: ignore[return-value]
    best = request.accept_languages.best_match(LANGUAGES, default=DEFAULT_LANG)
    return best  # type: ignore[return-value]

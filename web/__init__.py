"""The bcic web app: `create_app()` builds it (Flask's app factory, as in the flaskr tutorial).

Configuration comes in layers, each overriding the one before: the defaults below, the instance
file `instance/config.py`, `BCIC_*` environment variables (JSON values are parsed: `BCIC_SPARQL_
TIMEOUT=2`, `BCIC_SPARQL_ALLOWED_SERVICES='["https://query.wikidata.org/sparql"]'`), and the
test dict. Serve it with a production WSGI server, e.g.
`waitress-serve --threads 8 --call web:create_app`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from flask import Flask, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from checker.errors import CheckerError, InputError, StoreError
from checker.query_runner import current_snapshot, refresh_snapshot, snapshot_dir_for
from checker.sparql_service import TRUNCATED_HEADER, SparqlLimits, SparqlService
from checker.store import DEFAULT_LOCATION

SPARQL_EXTENSION = "bcic.sparql"

DEFAULTS: dict[str, Any] = {
    "BCIC_STORE": str(DEFAULT_LOCATION),  # the live store directory, written by ingest
    "BCIC_SNAPSHOT": None,  # where query snapshots live; None: beside the store, "<name>-snapshots"
    "BCIC_SPARQL_TIMEOUT": 10.0,  # seconds a query may run before its worker is killed
    "BCIC_SPARQL_ROW_LIMIT": 10_000,  # rows (or triples) returned at most; more are cut, flagged
    "BCIC_SPARQL_WORKERS": 2,  # query worker processes: queries that can run at once
    "BCIC_SPARQL_MAX_QUERY_BYTES": 64 * 1024,
    "BCIC_SPARQL_ALLOWED_SERVICES": [],  # SERVICE endpoints a query may call; none by default
    "BCIC_CORS_ORIGIN": "*",  # partner systems query from browsers on other origins
    "MAX_CONTENT_LENGTH": 256 * 1024,  # request bodies beyond this get 413
}


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: configuration, the query service over the store's snapshot, blueprints."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.update(_environment())
    if test_config is not None:
        app.config.from_mapping(test_config)

    app.extensions[SPARQL_EXTENSION] = _sparql_service(app)
    from . import api, sparql

    app.register_blueprint(sparql.bp)
    app.register_blueprint(api.bp)
    app.register_error_handler(CheckerError, _checker_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _internal_error)
    app.after_request(_cors)
    return app


def query_service(app: Flask) -> SparqlService:
    """The app's query service (tests close it with `.close()`)."""
    service: SparqlService = app.extensions[SPARQL_EXTENSION]
    return service


def _environment() -> dict[str, Any]:
    """The BCIC_* environment variables, JSON-decoded where they are JSON."""
    values: dict[str, Any] = {}
    for name, text in os.environ.items():
        if name.startswith("BCIC_"):
            try:
                values[name] = json.loads(text)
            except ValueError:
                values[name] = text
    return values


def _sparql_service(app: Flask) -> SparqlService:
    """Open the query service on the snapshot; make a first snapshot if there is none yet."""
    config = app.config
    store = str(config["BCIC_STORE"])
    if store.startswith(("http://", "https://")):
        raise InputError("BCIC_STORE names a remote SPARQL server: query it directly; this "
                         "endpoint serves the embedded store")
    snapshot_dir = Path(config["BCIC_SNAPSHOT"] or snapshot_dir_for(store))
    if current_snapshot(snapshot_dir) is None and Path(store).is_dir():
        try:
            refresh_snapshot(store, snapshot_dir)
        except StoreError as error:  # e.g. ingest holds the store: queries get 503 until then
            app.logger.warning("no query snapshot yet: %s", error.message)
    services = config["BCIC_SPARQL_ALLOWED_SERVICES"]
    if isinstance(services, str):
        services = services.replace(",", " ").split()
    limits = SparqlLimits(
        timeout=float(config["BCIC_SPARQL_TIMEOUT"]),
        row_limit=int(config["BCIC_SPARQL_ROW_LIMIT"]),
        workers=int(config["BCIC_SPARQL_WORKERS"]),
        max_query_bytes=int(config["BCIC_SPARQL_MAX_QUERY_BYTES"]),
        allowed_services=tuple(services),
    )
    service = SparqlService(snapshot_dir, limits)
    if not app.testing:
        service.runner.start()  # a production server answers its first query warm
    return service


def _error_body(status: int, kind: str, message: str) -> tuple[Response, int]:
    """The one error envelope of the app."""
    return jsonify({"ok": False, "status": status, "error": kind, "message": message}), status


def _checker_error(error: CheckerError) -> tuple[Response, int]:
    return _error_body(error.http_status, type(error).__name__, error.message)


def _http_error(error: HTTPException) -> tuple[Response, int]:
    status = error.code or 500
    response, _ = _error_body(status, type(error).__name__, error.description or error.name)
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response, status


def _internal_error(error: Exception) -> tuple[Response, int]:
    """Anything unexpected: logged with its traceback here, never sent to the client."""
    if isinstance(error, HTTPException):
        return _http_error(error)
    current_app.logger.exception("internal error on %s %s", request.method, request.path)
    return _error_body(500, "InternalError", "internal error; the server's log has the details")


def _cors(response: Response) -> Response:
    """CORS headers on every answer (errors too) so partner systems' browsers can read them."""
    response.headers["Access-Control-Allow-Origin"] = current_app.config["BCIC_CORS_ORIGIN"]
    response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
    response.headers["Access-Control-Expose-Headers"] = TRUNCATED_HEADER
    response.headers["Access-Control-Max-Age"] = "86400"
    return response

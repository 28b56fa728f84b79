"""`/healthz`: whether this server can answer from its store, for load balancers and
supervisors. 200 when the store (an embedded store's query snapshot, or a remote SPARQL server)
answers a read; 503 otherwise, saying so without a path (the server's log says what failed)."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, current_app, jsonify
from werkzeug.exceptions import ServiceUnavailable

from checker.query_runner import current_snapshot, snapshot_dir_for

from .data import is_remote, read_store
from .i18n import ui

bp = Blueprint("health", __name__)
_PROBE = "ASK { ?s ?p ?o }"


@bp.get("/healthz")
def health() -> Response:
    """200 `{"ok": true, "status": 200, "store": "readable"}` when the store answers a read,
    else 503 in the error envelope; never kept by a cache."""
    config = current_app.config
    location = str(config["BCIC_STORE"])
    if not is_remote(location) and current_snapshot(
            Path(config["BCIC_SNAPSHOT"] or snapshot_dir_for(location))) is None:
        current_app.logger.warning("health check: no query snapshot of %s yet", location)
        raise ServiceUnavailable(ui("health.error.no_snapshot"))
    try:
        read_store().ask(_PROBE)
    except Exception as error:  # whatever the store raises, the answer is "not ready"
        current_app.logger.warning("health check: the store %s cannot be read: %r", location,
                                   error)
        raise ServiceUnavailable(ui("health.error.unreadable")) from None
    response = jsonify({"ok": True, "status": 200, "store": "readable"})
    response.cache_control.no_store = True
    return response

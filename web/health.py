"""`/healthz`: whether this server can answer from its store, for load balancers and
supervisors. 200 when the store (an embedded store's query snapshot, or a remote SPARQL server)
answers a read (`Store.check_readable`: on a remote store, the check that its server's default
graph is the union of its graphs, asked afresh each time); 503 otherwise, saying so without a
path (the server's log says what failed).

`bcic serve --health-port` answers it on a port of its own too, with a request thread of its
own (web/serving.py): there it never waits behind the pages that hold the main port's threads,
and it answers nothing else."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

from flask import Blueprint, Response, current_app, jsonify, request
from werkzeug.exceptions import NotFound, ServiceUnavailable

from checker.query_runner import current_snapshot, snapshot_dir_for

from .data import is_remote, read_store
from .i18n import ui

bp = Blueprint("health", __name__)
_HEALTH_ONLY = "bcic.health_only"  # set on the requests of the health port


def health_only(app: WSGIApplication) -> WSGIApplication:
    """The app as the health port serves it: `/healthz`, and a 404 for any other path."""
    def answer(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        environ[_HEALTH_ONLY] = True
        return app(environ, start_response)
    return answer


@bp.before_app_request
def refuse_on_health_port() -> None:
    """On the health port only `/healthz` is answered: pages there would take its thread."""
    if request.environ.get(_HEALTH_ONLY) and request.endpoint != "health.health":
        raise NotFound(ui("health.error.health_port_only"))


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
        read_store().check_readable()
    except Exception as error:  # whatever the store raises, the answer is "not ready"
        current_app.logger.warning("health check: the store %s cannot be read: %r", location,
                                   error)
        raise ServiceUnavailable(ui("health.error.unreadable")) from None
    response = jsonify({"ok": True, "status": 200, "store": "readable"})
    response.cache_control.no_store = True
    return response

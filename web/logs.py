"""What the app logs for its operator, through Python's logging (route it as any other):

- `bcic.access`: a line per request, at INFO: client, method, path with the names of its query
  parameters but never their values (a query string may carry a query or a token), status and
  duration. Off with BCIC_ACCESS_LOG=false, or by the logger's level.
- `bcic.events`: refused requests (an error answer of the checker: a query refused, out of time,
  an upload too large), failed authentication (the token's public id at most, never the token),
  revisions stored and deleted (cluster, number, who), rule graphs reloaded, a token file the
  app cannot read, each query worker replaced (which, by which, why) and each line a query worker
  wrote to its stderr (the engine's words when it aborts), at WARNING, control characters escaped
  (checker/worker_output.py).

Every value a client chose is quoted before it is logged, so that no request can write a line.
Other libraries log values a client chose as they are (rdflib a malformed IRI, line breaks and
all), so the app also escapes the control characters of every record's message (`\x0a`) in the
handlers logging has when it is created (`EscapedControls`).
"""

from __future__ import annotations

import logging
import re
import time
from urllib.parse import quote

from flask import Flask, Response, g, request
from rdflib import URIRef

from checker.render.cells import printable

ACCESS = logging.getLogger("bcic.access")
EVENTS = logging.getLogger("bcic.events")
_PATH_SAFE = "/:@!$&'()*+,;=-._~"
_TOKEN_ID = re.compile(r"bcic_([0-9a-f]{8})_")
_LOGGED_MESSAGE = 300  # characters of an error message kept in its log line


class EscapedControls(logging.Filter):
    """Writes a record's message with its control characters and line separators escaped
    (`\x0a`, `\u2028`), whichever logger wrote it (rdflib, pyshacl, pyoxigraph, werkzeug,
    waitress): none can start a line of its own in the log. A traceback stays as it is."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Escape the message in place (every handler after this one sees it escaped)."""
        message = record.getMessage()
        shown = printable(message)
        if shown != message:
            record.msg, record.args = shown, None
        return True


def install_logging(app: Flask) -> None:
    """Escape control characters in what the handlers of the root logger and of the app's own
    logger write; log every request of `app` to `bcic.access` (unless BCIC_ACCESS_LOG is off):
    the clock starts before any other of the app's before-request functions."""
    for handler in (*logging.getLogger().handlers, *app.logger.handlers):
        if not any(isinstance(f, EscapedControls) for f in handler.filters):
            handler.addFilter(EscapedControls())
    if not app.config["BCIC_ACCESS_LOG"]:
        return
    app.before_request_funcs.setdefault(None, []).insert(0, _start_clock)
    app.after_request(_log_request)


def _start_clock() -> None:
    g.bcic_started = time.perf_counter()


def _log_request(response: Response) -> Response:
    started = g.get("bcic_started")
    took = f"{(time.perf_counter() - started) * 1000:.1f} ms" if started is not None else "-"
    ACCESS.info("%s %s %s %d %s", request.remote_addr or "-", request.method, logged_path(),
                response.status_code, took)
    return response


def logged_path() -> str:
    """The request's path as logged: %-escaped, under the app's prefix, followed by the names
    of its query parameters without their values (`/sparql?query&format`)."""
    path = quote(request.script_root + request.path, safe=_PATH_SAFE)
    names = dict.fromkeys(request.args.keys())
    if names:
        path += "?" + "&".join(quote(name, safe="") for name in names)
    return path


def refused(status: int, kind: str, message: str) -> None:
    """An error of the checker answered to a client (a query refused or stopped, an upload too
    large, a store busy): its status, class and the start of its message."""
    level = logging.WARNING if status >= 500 else logging.INFO
    EVENTS.log(level, "%s %s answered %d %s: %r", request.method, logged_path(), status, kind,
               message[:_LOGGED_MESSAGE])


def authentication_refused(reason: str, token: str | None) -> None:
    """A write refused for its token: none, unknown, or of another role. Only the token's public
    id is logged (the part `bcic token list` shows), never the token."""
    shape = _TOKEN_ID.match(token or "")
    given = (f"token id {shape.group(1)}" if shape else "a token not made by bcic" if token
             else "no token")
    EVENTS.warning("%s %s refused (%s): %s", request.method, logged_path(), given, reason)


def revision_stored(cluster: URIRef, number: int, submitter: str) -> None:
    """A revision this app stored."""
    EVENTS.info("stored revision %d of <%s> for %r", number, cluster, submitter)


def revision_deleted(cluster: URIRef, number: int, deleted_by: str) -> None:
    """A revision this app deleted."""
    EVENTS.info("deleted revision %d of <%s> for %r", number, cluster, deleted_by)


def judgement_stored(cluster: URIRef, number: int, provision: str, judged_by: str) -> None:
    """An evaluator's judgement this app stored (docs/model.md, decision 20)."""
    EVENTS.info("stored a judgement of %s in revision %d of <%s> for %r", provision, number,
                cluster, judged_by)


def rules_reloaded(version: str, maintainer: str) -> None:
    """The store's rule graphs replaced by this app."""
    EVENTS.info("reloaded the rule graphs (rulebook %s) for %r", version, maintainer)


def token_file_unreadable(path: object, detail: str) -> None:
    """The token file could not be read: every write is refused until the operator mends it."""
    EVENTS.error("the token file %s cannot be read, so every write is refused: %s", path, detail)

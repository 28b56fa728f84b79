"""The bcic web app: `create_app()` builds it (Flask's app factory, as in the flaskr tutorial).

Configuration comes in layers, each overriding the one before: the defaults below, the instance
file `instance/config.py`, `BCIC_*` environment variables (text, read as numbers, switches or
lists where the setting is one: `BCIC_SPARQL_TIMEOUT=2`, `BCIC_SPARQL_ALLOWED_SERVICES=
'["https://query.wikidata.org/sparql"]'`), and the test dict; every setting is checked before the
app starts (web/settings.py). Serve it with a production WSGI server, e.g.
`waitress-serve --threads 8 --call web:create_app`, or `bcic serve`.
"""

from __future__ import annotations

import os
import re
import secrets
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

from flask import Flask, Response, current_app, jsonify, render_template, request, send_from_directory
from flask_wtf.csrf import CSRFError, CSRFProtect
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound
from werkzeug.routing import Map

from checker.answer_cache import AnswerCache
from checker.errors import AnswerChangedError, CheckerError, StoreError
from checker.render.html import chinese_marked, css_string
from checker.rule_problems import refuse_rule_problems
from checker.rulebook import load_rulebook
from checker.rulebook_document import load_rulebook_document
from checker.sparql_service import TRUNCATED_HEADER, SparqlLimits, SparqlService
from checker.store import DEFAULT_LOCATION
from checker.notation import (is_part, listed, provision_notation, provisions_listed,
                              without_notation)
from checker.tokens import kept_secret, secret_key_file_for
from checker.validation_limits import ValidationSlots
from checker.verdicts import rate_text, verdict_text
from checker.display_time import day_shown, moment_shown

from .cluster_paths import canonical_cluster_path
from .data import install_reader, is_remote, snapshot_keeper
from .display_zone import install_display_zone
from .errors import NotFoundNearby, error_detail
from .audience import is_api_request
from .i18n import (check_api_language, language_link, pick, remember_language, request_language, ui,
                   ui_count, unknown_language)
from .logs import EVENTS, install_logging, refused
from .proxy import behind_proxy, vary_with_host
from .query_string import refuse_undecodable_parameters
from .settings import check_settings
from .submissions import VALIDATION_SLOTS, refuse_encoded_body, upload_limit

SPARQL_EXTENSION = "bcic.sparql"
ANSWERS_EXTENSION = "bcic.answers"  # named queries' whole answers, kept for their pages
# The blueprints, by audience; each module defines `bp` (pages and the JSON API behind them).
BLUEPRINTS = ("evaluation", "clusters", "rulebook", "sparql", "api", "evaluation_api", "health")
# The blueprints whose answers machine clients read (the protocol, bearer-token clients): no forms,
# and a 304 of theirs carries none of the headers meant for pages.
MACHINE_BLUEPRINTS = ("sparql", "api", "evaluation_api")
# Front-end packages from the npm registry (web/package.json), installed by `make install`
# into web/node_modules and served read-only under /vendor/<name>/.
NODE_MODULES = Path(__file__).resolve().parent / "node_modules"
VENDOR_DIRS = {"yasgui": NODE_MODULES / "@zazuko" / "yasgui" / "build",
               "chart.js": NODE_MODULES / "chart.js" / "dist"}
csrf = CSRFProtect()
_RAW_BYTE = re.compile("[\x80-\xff]")  # a byte beyond ASCII in a WSGI string (PEP 3333: latin-1)
_CODE_SPAN = re.compile(r"`([^`\n]+)`")

DEFAULTS: dict[str, Any] = {
    "BCIC_STORE": str(DEFAULT_LOCATION),  # the live store directory, written by ingest
    "BCIC_SNAPSHOT": None,  # where query snapshots live; None: beside the store, "<name>-snapshots"
    "BCIC_STORE_ENGINE": "auto",  # a remote store's engine: auto (Server header), virtuoso, generic
    # The public address of a remote store's SPARQL endpoint, named to people and partners where
    # this app's /sparql answers no queries; None: named nowhere (BCIC_STORE may be internal).
    "BCIC_PUBLIC_SPARQL_URL": None,
    "BCIC_STORE_LOCK_WAIT": 30.0,  # seconds a write waits for the store (earlier writes, ingest)
    "BCIC_STORE_USER": None,  # a remote store's user (HTTP digest or basic), with its password:
    "BCIC_STORE_PASSWORD": None,  # from the environment or instance/config.py, never a commit
    "BCIC_SPARQL_TIMEOUT": 10.0,  # seconds a query may run before its worker is killed
    "BCIC_SPARQL_MEMORY_MIB": 1024,  # MiB a query may take in its worker; then the worker ends
    "BCIC_SPARQL_ROW_LIMIT": 10_000,  # rows (or triples) returned at most; more are cut, flagged
    "BCIC_SPARQL_WORKERS": 3,  # query worker processes: queries that can run at once
    "BCIC_SPARQL_RESERVED_WORKERS": 1,  # of them, kept from /sparql for the named-query API
    "BCIC_SPARQL_WAITING": 2,  # /sparql queries that may wait for a worker; more: 503 at once
    "BCIC_SPARQL_MAX_QUERY_BYTES": 64 * 1024,
    "BCIC_SPARQL_ALLOWED_SERVICES": [],  # SERVICE endpoints a query may call; none by default
    "BCIC_CORS_ORIGIN": "*",  # partner systems query from browsers on other origins; "": no CORS
    # Behind a reverse proxy: the URL people reach the app at (https://host/prefix), else how
    # many proxies in front to believe about it (X-Forwarded-*); 0 and None: the request's Host.
    "BCIC_PUBLIC_URL": None,
    "BCIC_TRUSTED_PROXIES": 0,
    "BCIC_ACCESS_LOG": True,  # a line per request to the `bcic.access` logger (web/logs.py)
    "MAX_CONTENT_LENGTH": 8 * 1024 * 1024,  # request bodies beyond this get 413 (uploads)
    # An upload's validation, run in a child process: statements read at most (the synthetic
    # cluster of 10,000 members holds 73,719), MiB it may take beyond the server's, seconds.
    "BCIC_MAX_TRIPLES": 250_000,
    "BCIC_VALIDATION_MEMORY_MIB": 1024,
    "BCIC_VALIDATION_TIMEOUT": 60.0,
    # Uploads validated at once, each in its child (which may take the memory limit); a further
    # one waits for a slot up to BCIC_VALIDATION_TIMEOUT seconds, then 503.
    "BCIC_VALIDATIONS_AT_ONCE": 2,
    "BCIC_TOKENS": None,  # token file; None: beside the store, "<store>-tokens.json"
    "BCIC_FRESH_REPORTS": 32,  # reports of unstored validations kept for their pages
    "BCIC_TIME_ZONE": None,  # the IANA zone times are shown in (Asia/Shanghai); None: UTC
    "SECRET_KEY": None,  # signs CSRF tokens: BCIC_SECRET_KEY, else kept in <store>-secret-key
    "WTF_CSRF_TIME_LIMIT": 3600 * 8,
}


class _ExactPaths(Map):
    """A URL map that keeps repeated slashes: werkzeug would answer `/static//x` with a redirect
    to an absolute URL built from the request's Host header, which a shared cache could keep."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, merge_slashes=False, **kwargs)


class _App(Flask):
    url_map_class = _ExactPaths


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: configuration, the query service over the store's snapshot, blueprints."""
    app = _App(__name__, instance_relative_config=True)
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.update(_environment())
    if test_config is not None:
        app.config.from_mapping(test_config)
    check_settings(app.config)  # InputError naming a bad one: the app does not start
    refuse_rule_problems(load_rulebook())  # nor does it on rule files with mistakes
    app.config["SECRET_KEY"] = (app.config["SECRET_KEY"] or app.config.get("BCIC_SECRET_KEY")
                                or _kept_secret(app))

    install_reader(app)  # makes a fresh snapshot of a directory store
    app.extensions[SPARQL_EXTENSION] = _sparql_service(app)
    app.extensions[ANSWERS_EXTENSION] = AnswerCache()
    if not app.testing:
        _start_building_rulebook_document()
    app.extensions[VALIDATION_SLOTS] = ValidationSlots(
        int(app.config["BCIC_VALIDATIONS_AT_ONCE"]), float(app.config["BCIC_VALIDATION_TIMEOUT"]))
    install_logging(app)
    install_display_zone(app)
    app.before_request(refuse_encoded_body)  # before CSRF reads a form out of the body
    app.before_request(canonical_cluster_path)  # before CSRF: the form is posted again there
    csrf.init_app(app)
    for name in BLUEPRINTS:
        module = __import__(f"{__name__}.{name}", fromlist=["bp"])
        app.register_blueprint(module.bp)
    for exempt in MACHINE_BLUEPRINTS:  # protocol, bearer-token clients: no forms
        csrf.exempt(app.blueprints[exempt])
    app.add_url_rule("/vendor/<package>/<path:filename>", "vendor", _vendor_file)
    app.add_url_rule("/favicon.ico", "favicon", _favicon)
    app.context_processor(_template_globals)
    app.add_template_filter(code_spans)
    app.add_template_filter(engine_marked)
    app.add_template_filter(chinese_marked)
    app.add_template_filter(css_string)  # a report page's running header for print
    app.before_request(refuse_undecodable_parameters)
    app.before_request(check_api_language)
    app.register_error_handler(CheckerError, _checker_error)
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _internal_error)
    app.after_request(_cors)
    app.after_request(_security_headers)
    app.after_request(_redirect_body)
    app.after_request(remember_language)
    app.after_request(vary_with_host)
    app.wsgi_app = _escaped_query_string(behind_proxy(  # type: ignore[method-assign]
        app.wsgi_app, app.config["BCIC_PUBLIC_URL"], app.config["BCIC_TRUSTED_PROXIES"]))
    return app


def _escaped_query_string(wsgi_app: WSGIApplication) -> WSGIApplication:
    """The app behind URLs whose query string may hold raw bytes beyond ASCII (browsers escape
    them, curl may not), for a server that passes them on as PEP 3333 says (waitress and gunicorn
    refuse such a request line with 400 before any app runs: web/README.md, /sparql): they reach
    it %-escaped, as a browser sends them. werkzeug's
    `request.args` fails on raw bytes that are not UTF-8, even in the error handler asked to say
    so; escaped, they are refused where it matters (/sparql: 400, not UTF-8)."""
    def escaped(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        query: str = environ.get("QUERY_STRING", "")
        if not query.isascii():
            environ["QUERY_STRING"] = _RAW_BYTE.sub(lambda raw: f"%{ord(raw.group()):02X}", query)
        return wsgi_app(environ, start_response)
    return escaped


def query_service(app: Flask) -> SparqlService:
    """The app's query service (tests close it with `.close()`)."""
    service: SparqlService | None = app.extensions[SPARQL_EXTENSION]
    if service is None:
        raise StoreError.of("error.sparql.remote_store")
    return service


def answer_cache(app: Flask) -> AnswerCache:
    """The named queries' answers the app keeps for their pages (checker/answer_cache.py)."""
    answers: AnswerCache = app.extensions[ANSWERS_EXTENSION]
    return answers


def _kept_secret(app: Flask) -> str:
    """The key signing forms when BCIC_SECRET_KEY is not set: one kept beside the token file, so
    that open forms survive a restart; one for this process only if that file cannot be made."""
    path = secret_key_file_for(str(app.config["BCIC_STORE"]))
    try:
        return kept_secret(path)
    except OSError as error:
        app.logger.warning("BCIC_SECRET_KEY is not set and %s cannot be kept (%s): forms signed "
                           "now expire with this process", path, error)
        return secrets.token_hex(32)


def _template_globals() -> dict[str, Any]:
    """What every template may use: the language, UI strings, label picking, verdicts and rates
    as people read them; a provision's notation, its label without it (to show the number once:
    `notation(id)` then `short_label(id, labels)`), provisions and labels listed as the language
    lists them (`4.2.1 a)、4.2.1 b)`, `government, industry organisation`), the colon that ends a
    label in that language and a count's wording (`1 clause shown`, `2 clauses shown`)."""
    lang = request_language()
    return {"lang": lang, "ui": ui, "ui_count": ui_count, "pick": pick,
            "language_link": language_link, "colon": ui("punct.colon"),
            "nav_current": nav_current,
            # this app's own /sparql answers queries only on an embedded store
            "sparql_editor": not is_remote(str(current_app.config["BCIC_STORE"])),
            "unknown_language": unknown_language(),
            "verdict_text": lambda conforms, rate: verdict_text(conforms, rate, lang),
            "rate_text": lambda rate: rate_text(rate, lang),
            "moment_shown": lambda moment, seconds=False: moment_shown(moment, lang,
                                                                       seconds=seconds),
            "day_shown": day_shown,
            "notation": lambda requirement_id: provision_notation(requirement_id, lang),
            "is_part": is_part,
            "provisions": lambda requirement_ids: provisions_listed(requirement_ids, lang),
            "labels_listed": lambda labels: listed((pick(each) for each in labels), lang),
            "short_label": lambda requirement_id, labels: without_notation(requirement_id,
                                                                           pick(labels))}


def nav_current(*endpoints: str) -> Markup:
    """` aria-current="page"` for a navigation link to the page shown (one of `endpoints`: the
    validate form comes back from its POST too), so that the navigation says where the reader
    is; else nothing."""
    return Markup(' aria-current="page"') if request.endpoint in endpoints else Markup("")


def engine_marked(text: str, words: str | None) -> Markup:
    """An error's `text` for a page (code spans as code) with the engine's own `words` in it,
    English as the parser wrote them, marked `lang="en"` (the text itself says they are the
    parser's), so that a Chinese page's reader and screen reader take them for English."""
    if not words or words not in text:
        return code_spans(text)
    before, _, after = text.partition(words)
    return Markup("").join((code_spans(before), Markup('<span lang="en">'), escape(words),
                            Markup("</span>"), code_spans(after)))


def code_spans(text: str) -> Markup:
    """`text` for a page: escaped, its Markdown code spans (`bcic reindex`, as messages and the
    OpenAPI document write commands and parameters) as <code> elements, so that no page shows a
    backtick."""
    return Markup(_CODE_SPAN.sub(r"<code>\1</code>", str(escape(text))))


def _favicon() -> Response:
    """The site's icon where browsers look for it unasked (pages name it in <link rel="icon">;
    an answer with no page, a JSON document or an error, gets it from here): the SVG."""
    return send_from_directory(Path(__file__).resolve().parent / "static", "favicon.svg",
                               mimetype="image/svg+xml", max_age=86400)


def _vendor_file(package: str, filename: str) -> Response:
    """A file of an installed front-end package (only the packages listed in VENDOR_DIRS)."""
    folder = VENDOR_DIRS.get(package)
    if folder is None:
        raise NotFound(ui("error.vendor.unknown", package=package))
    if not folder.is_dir():
        raise NotFound(ui("error.vendor.missing", package=package))
    return send_from_directory(folder, filename, max_age=86400)


def _environment() -> dict[str, str]:
    """The BCIC_* environment variables as text: a secret or a password of digits stays text;
    `check_settings` reads the numbers, switches and lists among them."""
    return {name: text for name, text in os.environ.items() if name.startswith("BCIC_")}


def _sparql_service(app: Flask) -> SparqlService | None:
    """Open the query service on the snapshots the app trusts (`snapshot_keeper`)."""
    config = app.config
    snapshots = snapshot_keeper(app)
    if snapshots is None:
        return None  # partners query the remote server itself
    services = config["BCIC_SPARQL_ALLOWED_SERVICES"]
    if isinstance(services, str):
        services = services.replace(",", " ").split()
    limits = SparqlLimits(
        timeout=float(config["BCIC_SPARQL_TIMEOUT"]),
        memory_mib=int(config["BCIC_SPARQL_MEMORY_MIB"]),
        row_limit=int(config["BCIC_SPARQL_ROW_LIMIT"]),
        workers=int(config["BCIC_SPARQL_WORKERS"]),
        reserved_workers=int(config["BCIC_SPARQL_RESERVED_WORKERS"]),
        waiting=int(config["BCIC_SPARQL_WAITING"]),
        max_query_bytes=int(config["BCIC_SPARQL_MAX_QUERY_BYTES"]),
        allowed_services=tuple(services),
    )
    service = SparqlService(snapshots.snapshot_dir, limits, ready=snapshots.readable,
                            logger=EVENTS)
    if not app.testing:
        service.runner.start()  # a production server answers its first query warm
    return service


def _start_building_rulebook_document() -> None:
    """Build the /rulebook pages' document in a thread as the server starts, so that their first
    visitors do not wait for it (1–2 s, several on a busy machine)."""
    def build() -> None:
        try:
            load_rulebook_document()
        except Exception:  # the first page that asks builds it again and says what is wrong
            EVENTS.exception("the rulebook document could not be built at start")
    threading.Thread(target=build, name="rulebook-document", daemon=True).start()


def _error_body(status: int, kind: str, message: str,
                links: tuple[tuple[str, str], ...] = ()) -> tuple[Response, int]:
    """The one error envelope of the app: an HTML page for people, JSON for programs. Off the
    API and the protocol endpoint, Accept chooses which: the answer says so to caches (`Vary:
    Accept`, RFC 9110 §12.5.5). The page links `links`, the pages nearest to the one asked."""
    envelope = {"ok": False, "status": status, "error": kind, "message": message}
    if request.path.startswith(("/api/", "/sparql")):
        return jsonify(envelope), status
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    response = _error_page(status, message, links) if best == "text/html" else jsonify(envelope)
    response.vary.add("Accept")
    return response, status


def _error_page(status: int, detail: str, links: tuple[tuple[str, str], ...] = ()) -> Response:
    """The error page: the status, a sentence in the page's language, the detail, the pages
    nearest to the one asked; no trace."""
    key = f"error.{status}"
    from .strings import STRINGS

    if status == 413:
        summary = ui(key, limit=upload_limit())
    else:
        summary = ui(key) if key in STRINGS else ""
    html = render_template("error.html", status=status, summary=summary,
                           detail=detail if detail != summary else "", links=links)
    return Response(html, status=status, mimetype="text/html")


def _csrf_error(error: CSRFError) -> tuple[Response, int]:
    return _error_body(400, "CSRFError", error_detail(error))


def _checker_error(error: CheckerError) -> tuple[Response, int]:
    refused(error.http_status, type(error).__name__, error.message)
    response, status = _error_body(error.http_status, type(error).__name__, error_detail(error))
    if error.retry_after is not None:
        response.headers["Retry-After"] = str(error.retry_after)
    if isinstance(error, AnswerChangedError):  # where to start again, for programs
        response.headers["Link"] = f'<{error.first_page}>; rel="first"'
    return response, status


def _http_error(error: HTTPException) -> tuple[Response, int]:
    status = error.code or 500
    response, _ = _error_body(status, type(error).__name__, error_detail(error),
                              error.links if isinstance(error, NotFoundNearby) else ())
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        response.headers["Allow"] = ", ".join(error.valid_methods)
    for name, value in error.get_headers():
        if name == "WWW-Authenticate":
            response.headers[name] = value
    return response, status


def _internal_error(error: Exception) -> tuple[Response, int]:
    """Anything unexpected: logged with its traceback here, never sent to the client."""
    if isinstance(error, HTTPException):
        return _http_error(error)
    current_app.logger.exception("internal error on %s %s", request.method, request.path)
    return _error_body(500, "InternalError", ui("error.500"))


def _cors(response: Response) -> Response:
    """CORS headers on every answer (errors too) so partner systems' browsers can read them;
    none when BCIC_CORS_ORIGIN is empty (CORS off: browsers keep other origins' pages out)."""
    origin = current_app.config["BCIC_CORS_ORIGIN"]
    if not origin:
        return response
    response.headers["Access-Control-Allow-Origin"] = origin
    # Link: where a page that came too late for its answer starts again (a 409 of the API);
    # ETag: what a query answer's If-None-Match names (web/etags.py).
    response.headers["Access-Control-Expose-Headers"] = f"{TRUNCATED_HEADER}, Link, ETag"
    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
        _answer_preflight(response)
    return response


def _answer_preflight(response: Response) -> None:
    """Tell a browser's preflight what it may send: the path's own methods (Flask's automatic
    OPTIONS answer lists them in `Allow`; an unknown path has none) and the headers it asked for.

    Echoing the asked headers is safe because no answer allows credentials: a page on another
    origin sends no cookie, so whatever header it adds, a bearer token included, it could send
    from any other client too.
    """
    if response.allow:
        response.headers["Access-Control-Allow-Methods"] = ", ".join(sorted(response.allow))
    asked = request.headers.get("Access-Control-Request-Headers")
    if asked:
        response.headers["Access-Control-Allow-Headers"] = asked
        response.vary.add("Access-Control-Request-Headers")
    response.headers["Access-Control-Max-Age"] = "86400"


def _redirect_body(response: Response) -> Response:
    """A redirect's page in the request's language, not Werkzeug's English one: shown by a
    browser that does not follow it, or by a client that prints what it got."""
    location = response.headers.get("Location")
    if 300 <= response.status_code < 400 and location and response.mimetype == "text/html":
        lang = request_language()
        response.set_data(f'<!doctype html>\n<html lang="{lang}"><title>{escape(ui("redirect.title"))}'
                          f'</title><p>{escape(ui("redirect.body"))} <a href="{escape(location)}">'
                          f"{escape(location)}</a></p></html>\n")
    return response


def _security_headers(response: Response) -> Response:
    """Headers that keep a page's content from being run or framed elsewhere; none on a 304 of a
    machine client's answer (the API, /sparql), which carries only what guides caches (RFC 9110
    15.4.5: ETag, Cache-Control, Vary …), a cache keeping the fields of the 200 it stored."""
    if response.status_code == 304 and (request.blueprint in MACHINE_BLUEPRINTS
                                        or is_api_request()):  # /api/benchmark too
        return response
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if response.mimetype == "text/html":
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'")
    return response

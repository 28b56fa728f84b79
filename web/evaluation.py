"""Pages for evaluators and cultivation bodies: the clusters, submit and validate, report pages.

A validation not stored is kept in memory for a while (`submissions.FreshReports`) under a random
id, so its page at /validations/<id> can offer downloads; a stored revision's page reads the
report that was stored (checker.report_reader), never validating again.
"""

from __future__ import annotations

import re

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from rdflib import URIRef
from flask_wtf.csrf import CSRFError
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException, NotFound, RequestEntityTooLarge

from checker.errors import CheckerError
from checker.history import cluster_overview
from checker.i18n import message
from checker.render.outline import report_outline
from checker.render.text import RATE_COLUMNS, percent, rate_cells
from checker.report import Report, Status
from checker.report_reader import read_report
from checker.revisions import delete_revision, find_cluster, revision_info
from checker.shacl import Severity
from checker.store.base import RevisionInfo, Store, cluster_key
from checker.loading import SubmissionTooLargeError
from checker.validation_limits import (ValidationBusyError, ValidationMemoryError,
                                       ValidationTimeoutError, validate_within)

from . import csrf
from .auth import require_role
from .data import read_store, store_upload, write_store
from .errors import error_detail
from .i18n import request_language, ui
from .logs import revision_deleted, revision_stored
from .report_view import DOWNLOADS, parse_filters, report_download
from .strings import STRINGS
from .submissions import (ACCEPTED_EXTENSIONS, form_submission, fresh_reports, submitter,
                          upload_limit, validation_limits)

bp = Blueprint("evaluation", __name__)
_KEY = re.compile(r"[0-9a-f]{16}")
# A submission beyond what the app validates (web/README.md, Limits): not the upload size limit.
_LIMIT_ERRORS = (SubmissionTooLargeError, ValidationMemoryError, ValidationTimeoutError)


@bp.get("/")
def home() -> str:
    """The stored clusters with their latest verdict, conformance rate and revision date."""
    clusters = sorted(cluster_overview(read_store()), key=lambda c: str(c.cluster))
    return render_template("home.html", clusters=clusters, key=cluster_key)


@bp.get("/validate")
def validate_form() -> str:
    """The form: upload files or paste Turtle; optionally store as a new revision (token)."""
    return render_template("validate.html", extensions=ACCEPTED_EXTENSIONS,
                           upload_limit=upload_limit(), pasted="")


@bp.post("/validate")
@csrf.exempt  # checked below, so that a refused form comes back filled in, not as an error page
def validate_submit() -> Response | tuple[str, int, dict[str, str]]:
    """Validate the submission and show its report; with "store" and an evaluator token, store
    it as its cluster's next revision first. Any error re-shows the form, nothing stored: a
    CSRF failure and a body over MAX_CONTENT_LENGTH (413) too."""
    try:
        form = _checked_form()
        record = require_role("evaluator", "auth.error.no_token.store") \
            if form.get("store") else None
        files = form_submission()
        if record is None:
            report_id = fresh_reports().keep(validate_within(files, validation_limits()))
            return redirect(url_for(".validation_report", report_id=report_id), 303)
        info, _report = store_upload(files, submitter(record))
        revision_stored(info.cluster, info.number, submitter(record))
        return redirect(url_for(".revision_report", key=cluster_key(info.cluster),
                                number=info.number), 303)
    except (CheckerError, HTTPException) as error:
        return _form_error(error)


@bp.get("/validations/<report_id>")
def validation_report(report_id: str) -> Response | str:
    """The report of a validation that was not stored (while it is kept), or a download of it."""
    report = fresh_reports().get(report_id)
    if report is None:
        raise NotFound(ui("report.error.not_kept", report_id=report_id))
    return _report_response(report, f"bcic-validation-{report_id[:8]}", revision=None)


@bp.get("/clusters/<key>/revisions/<int:number>")
def revision_report(key: str, number: int) -> Response | str:
    """The stored report of one revision of a cluster, or a download of it."""
    store = read_store()
    cluster = stored_cluster(store, key)
    info = revision_info(store, cluster, number)
    report = read_report(store, cluster, number)
    return _report_response(report, f"bcic-report-{key}-{number}", revision=info)


@bp.post("/clusters/<key>/revisions/<int:number>/delete")
def delete_revision_form(key: str, number: int) -> Response:
    """Delete a revision from its page (evaluator token); then the cluster's page, or the
    clusters when it was the last. Its number is never given again."""
    record = require_role("evaluator", "auth.error.no_token.page")
    with write_store() as store:
        cluster = stored_cluster(store, key)
        delete_revision(store, cluster, number, deleted_by=submitter(record))
        remaining = store.revisions(cluster)
    revision_deleted(cluster, number, submitter(record))
    if remaining:
        return redirect(url_for("clusters.cluster", key=key), 303)
    return redirect(url_for(".home"), 303)


def stored_cluster(store: Store, key: str) -> URIRef:
    """The stored cluster whose URL key is `key`; 404 for anything else."""
    if not _KEY.fullmatch(key):
        raise NotFound(ui("report.error.not_a_key", key=key))
    return find_cluster(store, key)


def _report_response(report: Report, name: str, revision: RevisionInfo | None) -> Response | str:
    """The report page, filtered by `?status=` and `?severity=`; `?format=` downloads it."""
    lang = request_language()
    fmt = request.args.get("format")
    if fmt:
        return report_download(report, fmt, lang, name)
    filters = parse_filters(request.args)
    return render_template(
        "report.html", page=report_outline(report, lang, filters, rulebook=True), filters=filters,
        t=lambda key, **values: message(key, lang, **values),
        revision=revision, key=cluster_key, downloads=DOWNLOADS, percent=percent,
        rate_columns=RATE_COLUMNS, rate_cells=rate_cells,
        statuses=[s.value for s in Status], severities=[s.value for s in Severity])


def _form_error(error: CheckerError | HTTPException) -> tuple[str, int, dict[str, str]]:
    """The form again, with what went wrong (in the page's language) and its status."""
    if isinstance(error, CheckerError):
        status = error.http_status
        headers: dict[str, str] = {}
    else:
        status = error.code or 400
        headers = {k: v for k, v in error.get_headers() if k == "WWW-Authenticate"}
    kind = ("csrf" if isinstance(error, CSRFError) else "busy"
            if isinstance(error, ValidationBusyError)
            else "limit" if isinstance(error, _LIMIT_ERRORS) else status)
    keys = [k for k in (f"validate.error.{kind}", f"error.{status}") if k in STRINGS]
    summary = ui(keys[0], limit=upload_limit()) if keys else ui("validate.failed")
    received = _received_form()
    html = render_template("validate.html", extensions=ACCEPTED_EXTENSIONS,
                           upload_limit=upload_limit(), pasted=received.get("text", ""),
                           error_status=status, error_summary=summary,
                           error_detail=error_detail(error),
                           storing=bool(received.get("store")))
    return html, status, headers


def _checked_form() -> MultiDict[str, str]:
    """The form, read (413 when over MAX_CONTENT_LENGTH) and its CSRF token checked, as the app
    checks every other form's (unless WTF_CSRF_ENABLED is off)."""
    form = request.form
    if current_app.config["WTF_CSRF_ENABLED"]:
        csrf.protect()
    return form


def _received_form() -> MultiDict[str, str]:
    """The form's fields as received; none when the body was refused unread (413)."""
    try:
        return request.form
    except RequestEntityTooLarge:
        return MultiDict()

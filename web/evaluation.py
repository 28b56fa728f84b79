"""Pages for evaluators and cultivation bodies: the clusters, submit and validate, report pages.

A validation not stored is kept in memory for a while (`submissions.FreshReports`) under a random
id, so its page at /validations/<id> can offer downloads; a stored revision's page reads the
report that was stored (checker.report_reader), never validating again.
"""

from __future__ import annotations

from pathlib import PurePath

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from rdflib import URIRef
from flask_wtf.csrf import CSRFError
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import (BadRequest, Forbidden, HTTPException, NotFound,
                                 RequestEntityTooLarge, Unauthorized)

from checker.cluster_list import cluster_page, in_list_order, read_list_request
from checker.errors import CheckerError, InputError
from checker.history import (ClusterSummary, cluster_overview, later_deletions_note,
                             mixed_rulebooks_note)
from checker.i18n import Lang, Localized, message
from checker.judging import judge
from checker.lead_ins import items_judged_instead
from checker.render.outline import report_outline
from checker.render.text import RATE_COLUMNS, percent, rate_cells
from checker.report import Report, Status
from checker.report_reader import read_report
from checker.queries import Page
from checker.recheck import stored_submission, with_stored_judgements
from checker.rechecked_note import recheck_note
from checker.revisions import (delete_revision, find_cluster, is_cluster_key,
                               nearest_clusters, revision_info)
from checker.rule_lookup import provision_asked
from checker.shacl import Severity
from checker.store.base import RevisionInfo, Store, cluster_key
from checker.stored_rulebooks import StoredRulebook, texts_rulebook
from checker.loading import SubmissionParseError, SubmissionTooLargeError
from checker.loading.formats import ACCEPTED_EXTENSIONS
from checker.validation_limits import (ValidationBusyError, ValidationMemoryError,
                                       ValidationTimeoutError, recheck_within, validate_within)

from . import csrf
from .auth import require_role
from .data import read_store, remembered, store_upload, summary_outdated, write_store
from .errors import error_detail
from .i18n import request_language, ui
from .logs import judgement_stored, revision_deleted, revision_stored
from .report_view import DOWNLOADS, parse_filters, report_download
from .strings import STRINGS
from .submissions import (PASTED_NAME, form_submission, fresh_reports,
                          submitter, upload_limit, validation_limits)

bp = Blueprint("evaluation", __name__)
# A submission beyond what the app validates (web/README.md, Limits): not the upload size limit.
_LIMIT_ERRORS = (SubmissionTooLargeError, ValidationMemoryError, ValidationTimeoutError)
_Answer = tuple[Response | str, int, dict[str, str]]  # a page, its status and its headers


@bp.get("/")
def home() -> str:
    """A page of the stored clusters (`?q=` filters them by label or IRI, `?offset=&limit=`
    choose the page) with their latest verdict, conformance rate and revision date, and the
    revisions deleted after it."""
    text, page = read_list_request(request.args.items(multi=True))
    overview = remembered("cluster_overview", cluster_overview)
    shown = cluster_page(clusters_in_order(overview), text, page)
    following, preceding = shown.following(), shown.preceding()
    return render_template("home.html", shown=shown, key=cluster_key,
                           next_url=_home_page(following) if following else None,
                           previous_url=_home_page(preceding) if preceding else None,
                           first_url=_home_page(Page(0, page.limit)),
                           mixed_note=mixed_rulebooks_note(overview, request_language()),
                           deleted_after=lambda c: later_deletions_note(c, request_language()),
                           needs_reindex=summary_outdated())


def clusters_in_order(overview: list[ClusterSummary]) -> list[ClusterSummary]:
    """The stored clusters (`overview`, of the snapshot read now) in list order for the
    request's language, sorted once per snapshot and language."""
    lang = request_language()
    return remembered(("clusters_in_order", lang), lambda _store: in_list_order(overview, lang))


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
        record = require_role("evaluator", "auth.error.no_token.store",
                              refused="auth.error.refused.store", box=ui("validate.store_box")) \
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
    kept = fresh_reports().get(report_id)
    if kept is None:
        raise NotFound(ui("report.error.not_kept", report_id=report_id))
    rechecked = kept.rechecked  # a recheck's downloads say which revision it checked again
    name = (f"bcic-recheck-{rechecked.key}-{rechecked.number}" if rechecked
            else f"bcic-validation-{report_id[:8]}")
    return _report_response(kept, name, revision=None)


@bp.get("/clusters/<key>/revisions/<int:number>")
def revision_report(key: str, number: int) -> Response | str:
    """The stored report of one revision of a cluster, or a download of it."""
    return _revision_page(key, number)


@bp.post("/clusters/<key>/revisions/<int:number>/delete")
def delete_revision_form(key: str, number: int) -> Response | _Answer:
    """Delete a revision from its page (evaluator token), with the evaluator's reason; then the
    cluster's page, or the clusters when it was the last. Its number is never given again. A
    missing, refused or other role's token brings the revision's page back, saying so at its
    token field; a reason missing or refused (checker/revisions.py), at the reason's field, the
    reason given kept in it."""
    reason = request.form.get("reason", "")
    try:
        record = require_role("evaluator", "auth.error.no_token.page",
                              refused="auth.error.refused.page")
        with write_store() as store:
            cluster = stored_cluster(store, key)
            delete_revision(store, cluster, number, reason=reason, deleted_by=submitter(record),
                            asked_by="form")
            remaining = store.revisions(cluster)
    except (Unauthorized, Forbidden, InputError) as error:
        refused = isinstance(error, InputError)
        headers = {} if refused else {k: v for k, v in error.get_headers()
                                      if k == "WWW-Authenticate"}
        page = _revision_page(key, number, delete_error=error_detail(error),
                              delete_error_at="reason" if refused else "token",
                              delete_reason=reason)
        status = error.http_status if isinstance(error, InputError) else error.code or 401
        return page, status, headers
    revision_deleted(cluster, number, submitter(record))
    if remaining:
        return redirect(url_for("clusters.cluster", key=key), 303)
    return redirect(url_for(".home"), 303)


@bp.post("/clusters/<key>/revisions/<int:number>/judgements")
def judge_form(key: str, number: int) -> Response | _Answer:
    """Record the evaluator's judgement of a provision awaiting review from the revision's page
    (evaluator token; docs/model.md, decision 20); then the page again, at that provision. A
    refused one brings the page back, saying why at the provision's form."""
    provision = request.form.get("provision", "")
    try:
        record = require_role("evaluator", "auth.error.no_token.judge",
                              refused="auth.error.refused.judge")
        met = _judged_met(request.form.get("judgement"))
        with write_store() as store:
            cluster = stored_cluster(store, key)
            judgement = judge(store, cluster, number, provision, met=met,
                              note=request.form.get("note"),
                              note_lang=_note_lang(request.form.get("note_lang")),
                              by=submitter(record), asked_by="form")
    except (Unauthorized, Forbidden, BadRequest, CheckerError) as error:
        status = error.http_status if isinstance(error, CheckerError) else error.code or 401
        at = provision_asked(provision) or provision  # the row whose form was sent
        page = _revision_page(key, number, judge_error=(at, error_detail(error)))
        return page, status, {}
    judgement_stored(cluster, number, judgement.requirement_id, submitter(record))
    return redirect(url_for(".revision_report", key=key, number=number,
                            _anchor=f"req-{judgement.requirement_id}"), 303)


def _judged_met(value: str | None) -> bool:
    """Whether the form's judgement says met (`met`) or not met (`not_met`); 400, nothing
    stored, for a judgement missing or of another value."""
    if value not in ("met", "not_met"):
        raise BadRequest(ui("report.error.judgement_missing"))
    return value == "met"


def _note_lang(value: str | None) -> Lang:
    """The rationale's language as the form's choice says it (the page's unless changed); the
    page's when the form sends no choice of the two."""
    return "en" if value == "en" else "zh" if value == "zh" else request_language()


@bp.post("/clusters/<key>/revisions/<int:number>/recheck")
def recheck_revision_form(key: str, number: int) -> Response:
    """Validate a stored revision's submission again under the running rulebook, within the
    upload limits, its judgements applied, storing nothing; its report is shown apart, as an unstored validation's."""
    store = read_store()
    info, data = stored_submission(store, stored_cluster(store, key), number)
    report_id = fresh_reports().keep(
        with_stored_judgements(store, recheck_within(info, data, validation_limits())))
    return redirect(url_for(".validation_report", report_id=report_id), 303)


def stored_cluster(store: Store, key: str) -> URIRef:
    """The stored cluster whose URL key is `key` (in either case); 404 for anything else, a
    path that names nothing (RFC 9110 §15.5.5), as the tests and OpenAPI have it."""
    if not is_cluster_key(key):  # "%36%39bf…" left encoded: the stored key meant is named
        nearest = nearest_clusters(store, key)
        raise NotFound(ui("report.error.not_a_key", key=key, nearest=nearest.text(
            request_language()) if isinstance(nearest, Localized) else nearest))
    return find_cluster(store, key)


def _revision_page(key: str, number: int, delete_error: str | None = None,
                   judge_error: tuple[str, str] | None = None, delete_error_at: str = "token",
                   delete_reason: str = "") -> Response | str:
    """A stored revision's report page (or download); `delete_error`: why its delete form was
    refused, shown at the form's field `delete_error_at` (token or reason), the reason given
    (`delete_reason`) kept in its field; `judge_error`: the provision whose judgement form was
    refused, and why."""
    store = read_store()
    cluster = stored_cluster(store, key)
    info = revision_info(store, cluster, number)
    report = read_report(store, cluster, number)
    page_error = None  # a refused judgement of a provision the page has no form for (posted by hand)
    if judge_error is not None and not _has_form(report, judge_error[0]):
        page_error, judge_error = judge_error[1], None
    return _report_response(report, f"bcic-report-{key}-{number}", revision=info,
                            delete_error=delete_error, judge_error=judge_error,
                            page_error=page_error, text_archive=texts_rulebook(store, report),
                            delete_error_at=delete_error_at, delete_reason=delete_reason)


def _has_form(report: Report, rid: str) -> bool:
    """Whether the report page shows a judgement form at provision `rid` (as the outline says:
    awaiting review or judged, and not a lead-in whose items are judged instead)."""
    outcome = next((o for o in report.outcomes if o.requirement.id == rid), None)
    return outcome is not None and (outcome.status is Status.MANUAL_REVIEW
                                    or outcome.judgement is not None) and not (
        items_judged_instead(report, outcome))


def _report_response(report: Report, name: str, revision: RevisionInfo | None,
                     delete_error: str | None = None,
                     text_archive: StoredRulebook | None = None,
                     judge_error: tuple[str, str] | None = None,
                     page_error: str | None = None, delete_error_at: str = "token",
                     delete_reason: str = "") -> Response | str:
    """The report page, filtered by `?status=` and `?severity=`; `?format=` downloads it;
    `text_archive`: the stored rulebook that states the texts a stored report lacks; the
    delete form's refusal as `_revision_page` says."""
    lang = request_language()
    fmt = request.args.get("format")
    if fmt:
        return report_download(report, fmt, lang, name)
    filters = parse_filters(request.args)
    return render_template(
        "report.html", page=report_outline(report, lang, filters, rulebook=True), filters=filters,
        t=lambda key, **values: message(key, lang, **values),
        revision=revision, delete_error=delete_error, text_archive=text_archive,
        delete_error_at=delete_error_at, delete_reason=delete_reason,
        judge_error=judge_error, page_error=page_error,
        rechecked=report.rechecked, recheck_note=recheck_note(report, lang),
        key=cluster_key, downloads=DOWNLOADS,
        percent=percent, rate_columns=RATE_COLUMNS, rate_cells=rate_cells,
        statuses=[s.value for s in Status], severities=[s.value for s in Severity])


def _home_page(page: Page) -> str:
    """The home page's address for another page of the same list: the filter, page size and
    language asked for kept."""
    kept = {k: v for k, v in request.args.items() if k != "offset"}
    return url_for(".home", **kept, **({"offset": page.offset} if page.offset else {}))


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
    detail = error_detail(error)
    html = render_template("validate.html", extensions=ACCEPTED_EXTENSIONS,
                           upload_limit=upload_limit(), pasted=received.get("text", ""),
                           error_status=status, error_summary=summary, error_detail=detail,
                           engine_words=error.engine_words
                           if isinstance(error, SubmissionParseError) else None,
                           error_fields=_fields_in_error(kind, detail, received),
                           storing=bool(received.get("store")))
    return html, status, headers


def _fields_in_error(kind: str | int, detail: str, received: MultiDict[str, str]) -> set[str]:
    """The validate form's fields (`files`, `text`, `token`) an error is about, to mark them
    invalid and tie them to it: the token for 401 and 403; for a submission that could not be
    read, the pasted text or the files the message names, else whichever was given, else both
    (nothing was); none for an error about the whole form (expired, too large, server busy)."""
    if kind in (401, 403):
        return {"token"}
    if kind not in (400, 415, "limit"):
        return set()
    uploads = [PurePath(u.filename).name for u in request.files.getlist("files") if u.filename]
    named = {"text"} if PASTED_NAME in detail else set()
    if any(name in detail for name in uploads):
        named.add("files")
    given = {"text"} if received.get("text", "").strip() else set()
    if uploads:
        given.add("files")
    return named or given or {"files", "text"}


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

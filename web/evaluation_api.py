"""JSON API of the evaluation area: stored clusters and their reports, validate, store, judge,
delete.

Bearer-token clients, so no CSRF (the app exempts this blueprint). A submission is the request
body, its syntax named by Content-Type (415 for any other); errors use the app's JSON envelope.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request, url_for

from checker.benchmark_json import deleted_revisions_document
from checker.cluster_list import cluster_page, read_list_request
from checker.history import cluster_history, cluster_overview
from checker.judgement_list import judgements_document, revision_judgements
from checker.judgements import event_document
from checker.judging import judge, judgement_body
from checker.queries import Page
from checker.render import report_format
from checker.render.json_ import report_document
from checker.report import Report
from checker.report_reader import read_report
from checker.deletion_reason import deletion_body, deletion_reason
from checker.revisions import delete_revision
from checker.store.base import RevisionInfo, cluster_key
from checker.timestamps import xsd_datetime
from checker.recheck import stored_submission, with_stored_judgements
from checker.validation_limits import recheck_within, validate_within
from checker.verdicts import rate_document

from .auth import require_role
from .data import read_store, remembered, store_upload, write_store
from .etags import tagged_json
from .evaluation import clusters_in_order, stored_cluster
from .i18n import pick, request_language
from .logs import judgement_stored, revision_deleted, revision_stored
from .proxy import external_url
from .report_view import report_download
from .submissions import body_submission, submitter, validation_limits

bp = Blueprint("evaluation_api", __name__, url_prefix="/api")


@bp.get("/clusters")
def clusters() -> Response:
    """A page of the stored clusters with their latest revision, in the home page's order and
    filter (`q`, `offset`, `limit`): `count` clusters in all, `next` the page after it; with an
    ETag (web/etags.py)."""
    text, page = read_list_request(request.args.items(multi=True))
    return tagged_json(lambda: _clusters_list(text, page))


def _clusters_list(text: str, page: Page) -> Response:
    """The page of the list `clusters` answers."""
    shown = cluster_page(clusters_in_order(remembered("cluster_overview", cluster_overview)),
                         text, page)
    following = shown.following()
    return jsonify({"count": shown.matched, "offset": page.offset, "limit": page.limit,
                    "next": _clusters_page(following) if following else None,
                    "clusters": [{
                        "key": cluster_key(s.cluster),
                        "cluster": str(s.cluster),
                        "label": pick(s.labels) or None,
                        "revisions": s.revisions,
                        "latest": _revision(s.latest),
                        "deleted_after_latest": deleted_revisions_document(s.deleted_after),
                        "url": url_for(".cluster", key=cluster_key(s.cluster)),
                    } for s in shown.clusters]})


@bp.get("/clusters/<key>")
def cluster(key: str) -> Response:
    """One stored cluster with every revision, what each closed and opened, and the evaluator's
    judgements of each (superseded ones too); with an ETag (web/etags.py)."""
    return tagged_json(lambda: _cluster_detail(key))


def _cluster_detail(key: str) -> Response:
    """The cluster `cluster` answers (404 when none has the key)."""
    store, lang = read_store(), request_language()
    subject = stored_cluster(store, key)
    changes = {c.number: c for c in cluster_history(store, subject)}
    summary = next(s for s in cluster_overview(store) if s.cluster == subject)
    revisions = []
    for info in store.revisions(subject):
        change = changes.get(info.number)
        revisions.append({**_revision(info),
                          "closed": list(change.closed) if change else [],
                          "opened": list(change.opened) if change else [],
                          "rulebook_changed_from": change.rulebook_before if change else None,
                          "rulebook_changed_from_digest":
                              change.digest_before if change else None,
                          "judgements": [event_document(j, lang) for j in
                                         (change.judgements if change else ())]})
    return jsonify({"key": key, "cluster": str(subject), "label": pick(summary.labels) or None,
                    "revisions": revisions})


@bp.get("/clusters/<key>/revisions/<int:number>/report")
def report(key: str, number: int) -> Response:
    """The stored report of a revision: JSON, or `?format=ttl|html|text` (`?lang=` zh|en)."""
    fmt, store = _asked_format(), read_store()
    found = read_report(store, stored_cluster(store, key), number)  # 404 when not stored
    return _report(found, fmt, f"bcic-report-{key}-{number}")


@bp.post("/clusters/<key>/revisions/<int:number>/recheck")
def recheck(key: str, number: int) -> Response:
    """A stored revision's submission validated again under the running rulebook, its
    judgements applied where it still leaves the provision to the evaluator, storing
    nothing: the report as JSON (or `?format=`); the stored report stays the revision's."""
    fmt, store = _asked_format(), read_store()
    info, data = stored_submission(store, stored_cluster(store, key), number)
    return _report(with_stored_judgements(store, recheck_within(info, data,
                                                                validation_limits())), fmt,
                   f"bcic-recheck-{key}-{number}")


@bp.post("/validate")
def validate() -> Response:
    """Validate the body as a submission, store nothing; the report as JSON (or `?format=`)."""
    fmt = _asked_format()  # refused before the validation, which takes a slot and seconds
    return _report(validate_within([body_submission()], validation_limits()), fmt,
                   "bcic-validation")


@bp.post("/clusters/revisions")
def store_revision() -> tuple[Response, int, dict[str, str]]:
    """Validate the body and store it as its cluster's next revision (evaluator token): 201."""
    record = require_role("evaluator")
    info, stored = store_upload([body_submission()], submitter(record))
    revision_stored(info.cluster, info.number, submitter(record))
    location = url_for(".report", key=cluster_key(info.cluster), number=info.number)
    document = {"ok": True, **_revision(info), "key": cluster_key(info.cluster),
                "cluster": str(info.cluster), "label": pick(stored.cluster_label) or None}
    return jsonify(document), 201, {"Location": location}


@bp.post("/clusters/<key>/revisions/<int:number>/judgements")
def judgements(key: str, number: int) -> tuple[Response, int, dict[str, str]]:
    """Record the evaluator's judgement of a provision the revision's report leaves to them
    (evaluator token; docs/model.md, decision 20): 201, `Location` the report that counts it."""
    record = require_role("evaluator")
    body = judgement_body(request.get_json(silent=True, force=True), request_language())
    with write_store() as store:
        cluster = stored_cluster(store, key)
        judgement = judge(store, cluster, number, body.provision, met=body.met, note=body.note,
                          note_lang=body.note_lang, by=submitter(record), asked_by="api")
    judgement_stored(cluster, number, judgement.requirement_id, submitter(record))
    location = url_for(".report", key=key, number=number)
    event = event_document(judgement, request_language())  # as the list will give it
    return jsonify({"ok": True, "key": key, "number": number,
                    **{name: event[name] for name in ("provision", "met", "by", "date", "note",
                                                      "note_lang")},
                    "report": location}), 201, {"Location": location}


@bp.get("/clusters/<key>/revisions/<int:number>/judgements")
def judgement_events(key: str, number: int) -> Response:
    """Every judgement of a stored revision, oldest first, superseded ones too (decision 20);
    404 when the revision is not stored."""
    store = read_store()
    cluster = stored_cluster(store, key)
    found = revision_judgements(store, cluster, number)  # 404 when not stored
    return jsonify(judgements_document(cluster, number, found, request_language()))


@bp.delete("/clusters/<key>/revisions/<int:number>")
def delete(key: str, number: int) -> Response:
    """Delete a revision (evaluator token) for the reason its JSON body gives (`{"reason":
    "…"}`, required): its graphs and provenance go, the reason stays with its tombstone; its
    number stays taken."""
    record = require_role("evaluator")
    reason = deletion_reason(deletion_body(request.get_data()), "api")  # 400 before the store
    with write_store() as store:
        info = delete_revision(store, stored_cluster(store, key), number, reason=reason,
                               deleted_by=submitter(record), asked_by="api")
    revision_deleted(info.cluster, info.number, submitter(record))
    return jsonify({"ok": True, "deleted": {"key": key, "cluster": str(info.cluster),
                                            "number": info.number, "reason": reason}})


def _asked_format() -> str:
    """`?format=` (json when not given), checked: an unknown one is 400 before any work."""
    return report_format(request.args.get("format", "json")).name


def _report(found: Report, fmt: str, name: str) -> Response:
    """A report as JSON, or rendered in the checked format `fmt`."""
    lang = request_language()
    if fmt != "json":
        return report_download(found, fmt, lang, name)
    return jsonify(report_document(found, lang))


def _clusters_page(page: Page) -> str:
    """The URL of another page of the list: the same query string but its page."""
    return external_url(".clusters", **{**request.args.to_dict(), "offset": str(page.offset),
                                        "limit": str(page.limit)})


def _revision(info: RevisionInfo) -> dict[str, Any]:
    """A revision's provenance as JSON, with the URLs of its report."""
    key = cluster_key(info.cluster)
    return {
        "number": info.number,
        "generated": xsd_datetime(info.generated),
        "conforms": info.conforms,
        **rate_document(info.rate),
        "rulebook_version": info.rulebook_version,
        "rulebook_digest": info.rulebook_digest,
        "submitter": info.submitter,
        "files": [{"name": f.name, "sha256": f.sha256} for f in info.files],
        "report": url_for("evaluation_api.report", key=key, number=info.number),
        "page": url_for("evaluation.revision_report", key=key, number=info.number),
    }

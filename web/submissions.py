"""Submissions as requests bring them (form uploads, pasted text, an API body), and the fresh
reports of validations that were not stored, kept a while so their pages can offer downloads."""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from pathlib import PurePath

from flask import current_app, request
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

from checker.loading import SUBMISSION_FORMATS, SubmissionFile
from checker.loading.formats import refuse_unread_extension, resolve_format
from checker.report import Report
from checker.tokens import TokenRecord
from checker.validation_limits import ValidationLimits

from .i18n import ui

PASTED_NAME = "pasted.ttl"  # what error messages call the textarea's text (file:line:col)
BODY_NAME = "request-body"
ACCEPTED_MEDIA_TYPES = tuple(f.media_type for f in SUBMISSION_FORMATS.values())
_FRESH = "bcic.fresh_reports"


def form_submission() -> list[SubmissionFile]:
    """The uploaded files (format from the extension; none: from the content) and the pasted
    Turtle of the validate form; 415 for a file of another kind (the loader's words,
    `refuse_unread_extension`), 400 when nothing was given."""
    files = []
    for upload in request.files.getlist("files"):
        if not upload.filename:
            continue  # the browser sends an empty part when no file was chosen
        name = PurePath(upload.filename).name
        refuse_unread_extension(name)
        files.append(SubmissionFile(name, upload.read()))
    pasted = request.form.get("text", "")
    if pasted.strip():
        files.append(SubmissionFile(PASTED_NAME, pasted.encode("utf-8"), "turtle"))
    if not files:
        raise BadRequest(ui("validate.error.nothing_given"))
    return files


def body_submission() -> SubmissionFile:
    """The request body as one file in the syntax its Content-Type names; 415 for any other."""
    media_type = request.mimetype
    if media_type not in ACCEPTED_MEDIA_TYPES:
        given = repr(media_type) if media_type else ui("validate.error.no_body_type")
        raise UnsupportedMediaType(ui("validate.error.body_type", given=given,
                                      accepted=", ".join(ACCEPTED_MEDIA_TYPES)))
    name = resolve_format(media_type)
    data = request.get_data(cache=False)
    if not data.strip():
        raise BadRequest(ui("validate.error.empty_body"))
    return SubmissionFile(BODY_NAME + SUBMISSION_FORMATS[name].extensions[0], data, name)


def refuse_encoded_body() -> None:
    """415 for a request body sent compressed (Content-Encoding other than identity): the app
    reads bodies as they come, and would otherwise take gzip's bytes for badly encoded text."""
    encoding = request.headers.get("Content-Encoding", "").strip()
    if encoding and encoding.lower() != "identity":
        raise UnsupportedMediaType(ui("request.error.content_encoding", encoding=encoding))


def upload_limit() -> str:
    """The app's request size limit (MAX_CONTENT_LENGTH) for people: "8 MiB", "64 KiB", and
    under a KiB in bytes ("1000 B"), never rounded down to 0."""
    limit = int(current_app.config["MAX_CONTENT_LENGTH"])
    if limit >= 1024 * 1024:
        return f"{limit / 1024 / 1024:.0f} MiB"
    return f"{limit // 1024} KiB" if limit >= 1024 else f"{limit} B"


VALIDATION_SLOTS = "bcic.validation_slots"  # the app's ValidationSlots, made by create_app


def validation_limits() -> ValidationLimits:
    """What one validation of an upload may take: BCIC_MAX_TRIPLES statements,
    BCIC_VALIDATION_MEMORY_MIB beyond the server's memory, BCIC_VALIDATION_TIMEOUT seconds, in
    one of the app's BCIC_VALIDATIONS_AT_ONCE slots."""
    config = current_app.config
    return ValidationLimits(max_triples=int(config["BCIC_MAX_TRIPLES"]),
                            memory_mib=int(config["BCIC_VALIDATION_MEMORY_MIB"]),
                            seconds=float(config["BCIC_VALIDATION_TIMEOUT"]),
                            slots=current_app.extensions[VALIDATION_SLOTS])


def submitter(record: TokenRecord) -> str:
    """Who stored a revision, for its provenance: the token's label, else its id."""
    return record.label or f"token {record.id}"


class FreshReports:
    """The latest validations' reports by a random id, the oldest forgotten first (an LRU), an
    upload's or a recheck's (which says the stored revision it validated again)."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._reports: OrderedDict[str, Report] = OrderedDict()
        self._lock = threading.Lock()

    def keep(self, report: Report) -> str:
        """Keep a report and return its new id."""
        report_id = secrets.token_urlsafe(12)
        with self._lock:
            self._reports[report_id] = report
            while len(self._reports) > self.capacity:
                self._reports.popitem(last=False)
        return report_id

    def get(self, report_id: str) -> Report | None:
        """What is kept under `report_id`, if it is still kept."""
        with self._lock:
            kept = self._reports.get(report_id)
            if kept is not None:
                self._reports.move_to_end(report_id)
            return kept


def fresh_reports() -> FreshReports:
    """The app's fresh reports (BCIC_FRESH_REPORTS of them, 32 by default)."""
    capacity = int(current_app.config.get("BCIC_FRESH_REPORTS", 32))
    kept: FreshReports = current_app.extensions.setdefault(_FRESH, FreshReports(capacity))
    return kept

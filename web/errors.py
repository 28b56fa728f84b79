"""What an error says to the client, in the request's language: the app's error handler and the
validate form both say it this way."""

from __future__ import annotations

from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, NotFound

from checker.errors import CheckerError

from .i18n import request_language, ui
from .strings import STRINGS
from .submissions import upload_limit

# flask-wtf's reasons for refusing a form, by their English text (flask_wtf/csrf.py).
_CSRF_REASONS = {
    "The CSRF token is missing.": "error.csrf.missing",
    "The CSRF session token is missing.": "error.csrf.session_missing",
    "The CSRF token has expired.": "error.csrf.expired",
    "The CSRF token is invalid.": "error.csrf.invalid",
    "The CSRF tokens do not match.": "error.csrf.mismatch",
    "The referrer header is missing.": "error.csrf.no_referrer",
    "The referrer does not match the host.": "error.csrf.foreign_referrer",
}


class NotFoundNearby(NotFound):
    """A 404 whose page links the pages nearest to the one asked, each `(name, href)`."""

    def __init__(self, description: str, links: tuple[tuple[str, str], ...]) -> None:
        super().__init__(description)
        self.links = links


def error_detail(error: CheckerError | HTTPException) -> str:
    """What went wrong, in the request's language."""
    if isinstance(error, CheckerError):
        return error.text(request_language())
    if isinstance(error, CSRFError):
        return _csrf_detail(error)
    return _http_detail(error)


def _http_detail(error: HTTPException) -> str:
    """werkzeug's own English description (one the raiser did not give) becomes this app's
    sentence for the status, and 413 names the app's limit. A description this app gave is kept:
    it is already in the request's language (`ui`)."""
    status = error.code or 500
    key = f"error.detail.{status}"
    if status == 413:
        return ui(key, limit=upload_limit())
    if error.description == type(error).description and key in STRINGS:
        return ui(key)
    return error.description or error.name


def _csrf_detail(error: CSRFError) -> str:
    """Why the form was refused: the page's sentence, then flask-wtf's reason (translated when
    known, as it is otherwise)."""
    reason = error.description or ""
    known = _CSRF_REASONS.get(reason)
    return ui("error.csrf.detail", summary=ui("error.csrf"), reason=ui(known) if known else reason)

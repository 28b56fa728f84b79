"""Why a revision is deleted (docs/store.md): required, kept with the deletion's tombstone and
shown wherever the deleted revision is listed; given as `bcic delete-revision --reason`, the
report page's field or the API's JSON body `{"reason": "…"}`, and checked alike."""

from __future__ import annotations

import json
from typing import Any

from .errors import InputError
from .given_text import Asker, checked_text, given_field


def deletion_reason(reason: str | None, asked_by: Asker) -> str:
    """Why a revision is deleted, trimmed, its line breaks line feeds: required, since an
    evaluator deleting a revision of another party's assessment says why; refused as a
    judgement's rationale is, in the same words (checker/given_text.py, `checked_text`): over
    NOTE_LIMIT characters, or holding a control character other than tab and line feed, a line
    or paragraph separator or a bidirectional control. InputError names where it was given."""
    text = checked_text(reason, "deletion", asked_by)
    if not text:
        raise InputError.of("error.deletion.no_reason", field=given_field("deletion", asked_by))
    return text


def deletion_body(body: bytes) -> str | None:
    """The reason a DELETE's JSON body gives (`{"reason": "…"}`; None: no body, or no reason,
    which `deletion_reason` refuses); InputError (400) for a body that is no JSON or of another
    shape."""
    if not body.strip():
        return None
    try:
        document: Any = json.loads(body)
    except ValueError:  # not JSON, or not UTF-8
        raise InputError.of("error.deletion.bad_body") from None
    if (not isinstance(document, dict) or set(document) - {"reason"}
            or not isinstance(document.get("reason"), (str, type(None)))):
        raise InputError.of("error.deletion.bad_body")
    return document.get("reason")

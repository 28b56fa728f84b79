"""A page's query string is UTF-8 text, %-escaped (RFC 3986 §2.5): a parameter whose escapes
are not, such as `?q=%FF`, is a 400 naming the parameter and the escape, never read as the
replacement character werkzeug leaves. /sparql refuses such a query in its own words
(web/sparql.py)."""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from flask import request
from werkzeug.exceptions import BadRequest

from .i18n import ui

_OWN_CHECK = frozenset({"sparql"})


def refuse_undecodable_parameters() -> None:
    """400 for the first parameter of the query string whose name or value is not UTF-8."""
    if request.blueprint in _OWN_CHECK:
        return
    for field in request.query_string.split(b"&"):
        name, _, value = field.partition(b"=")
        for part in (name, value):
            escape = _first_bad_escape(part)
            if escape is not None:
                shown = unquote_to_bytes(name.replace(b"+", b" ")).decode("utf-8", "replace")
                raise BadRequest(ui("error.param.not_utf8", name=shown, escape=escape))


def _first_bad_escape(part: bytes) -> str | None:
    """The %-escape (`%FF`) where `part` stops being UTF-8 once unescaped; None when it is."""
    raw = unquote_to_bytes(part.replace(b"+", b" "))
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return "".join(f"%{byte:02X}" for byte in raw[error.start:error.end])
    return None

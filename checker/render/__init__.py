"""Report formats by short name and media type: choosing an output is a dictionary lookup.

The CLI's `--format` and the web app's `Accept` negotiation both read `REPORT_FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..errors import InputError
from ..i18n import Lang
from ..report import Report
from .html import render_html
from .json_ import render_json
from .text import render_text
from .turtle import render_turtle


@dataclass(frozen=True)
class ReportFormat:
    """One way to write a report: its short name, media type, file extension and renderer."""

    name: str
    media_type: str
    extension: str
    render: Callable[[Report, Lang], str]


REPORT_FORMATS: dict[str, ReportFormat] = {f.name: f for f in (
    ReportFormat("text", "text/plain", "txt", render_text),
    ReportFormat("json", "application/json", "json", render_json),
    ReportFormat("ttl", "text/turtle", "ttl", render_turtle),
    ReportFormat("html", "text/html", "html", render_html),
)}

_BY_MEDIA_TYPE = {f.media_type: f for f in REPORT_FORMATS.values()}


def format_for_media_type(media_type: str) -> ReportFormat | None:
    """The format for a media type such as `text/turtle; charset=utf-8`, None when unknown."""
    return _BY_MEDIA_TYPE.get(media_type.split(";", 1)[0].strip().lower())


def report_format(fmt: str) -> ReportFormat:
    """The format named `fmt`; an unknown name is an input error (asked before any work)."""
    try:
        return REPORT_FORMATS[fmt]
    except KeyError:
        known = ", ".join(REPORT_FORMATS)
        raise InputError.of("error.report.unknown_format", fmt=fmt, known=known) from None


def render_report(report: Report, fmt: str, lang: Lang, rulebook_url: str | None = None) -> str:
    """Render `report` in the format named `fmt`; an unknown name is an input error. The HTML
    report links its provisions to the rulebook pages under `rulebook_url` when given (a server
    serving the report knows where they are); the other formats name provisions by id."""
    chosen = report_format(fmt)
    if chosen.render is render_html:
        return render_html(report, lang, rulebook_url)
    return chosen.render(report, lang)

"""A report page's filters from the query string, and the report as a download (checker.render)."""

from __future__ import annotations

from collections.abc import Mapping

from flask import Response
from werkzeug.exceptions import BadRequest

from checker.i18n import Lang
from checker.render import REPORT_FORMATS, render_report
from checker.render.outline import Filters
from checker.report import Report, Status
from checker.shacl import Severity

from .i18n import ui
from .proxy import external_url

DOWNLOADS = ("html", "json", "ttl")  # offered on the page; every REPORT_FORMATS name is served


def parse_filters(args: Mapping[str, str]) -> Filters:
    """`?status=` and `?severity=` (empty: all); 400 naming the accepted values otherwise."""
    return Filters(_choice(args, "status", Status), _choice(args, "severity", Severity))


def _choice(args: Mapping[str, str], name: str,
            kind: type[Status] | type[Severity]) -> Status | Severity | None:
    value = args.get(name, "")
    if not value:
        return None
    try:
        return kind(value)
    except ValueError:
        accepted = ", ".join(item.value for item in kind)
        raise BadRequest(ui("report.error.filter", name=name, value=value,
                            accepted=accepted)) from None


def report_download(report: Report, fmt: str, lang: Lang, name: str) -> Response:
    """The report rendered in `fmt` as an attachment `name.<lang>.<extension>` (400 for other
    formats), so that the zh and en downloads of one report do not overwrite each other; the HTML
    one links its provisions to this server's rulebook pages."""
    rulebook = external_url("rulebook.index") + "/"
    text = render_report(report, fmt, lang, rulebook_url=rulebook)
    chosen = REPORT_FORMATS[fmt]
    response = Response(text, mimetype=chosen.media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.{lang}.{chosen.extension}"'
    return response

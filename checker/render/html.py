"""The HTML report: one self-contained page rendered by Jinja2 with autoescaping."""

from __future__ import annotations

import functools

import jinja2

from ..i18n import Lang, message
from ..report import Report, Status
from .outline import report_outline
from .text import files_with_digests, percent


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("checker", "templates"),
        autoescape=True,  # every string of the submission reaches the page escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(report: Report, lang: Lang) -> str:
    """The report as one HTML page, no external assets and no scripts."""
    template = _environment().get_template("report.html")
    return template.render(
        lang=lang,
        t=lambda key, **values: message(key, lang, **values),
        percent=percent,
        files=files_with_digests(report),
        statuses=[s.value for s in Status],
        page=report_outline(report, lang),
    )

"""The HTML report: one self-contained page rendered by Jinja2 with autoescaping."""

from __future__ import annotations

import functools
import re

import jinja2
from markupsafe import Markup, escape

from ..display_time import day_shown, moment_shown
from ..i18n import Lang, message
from ..report import Report, Status
from .outline import report_outline
from .naming import pick
from .text import RATE_COLUMNS, percent


@functools.cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("checker", "templates"),
        autoescape=True,  # every string of the submission reaches the page escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["css_string"] = css_string
    environment.filters["chinese_marked"] = chinese_marked
    return environment


# A run of Chinese in an English text: the standard's title 《品牌培育 产业集群》, a quoted term.
_CHINESE_RUN = re.compile(r"[《「“]?[\u3400-\u9fff]+(?:[ \u3000、]*[\u3400-\u9fff]+)*[》」”]?")


def chinese_marked(text: str, lang: Lang) -> Markup:
    """`text` escaped for a page in `lang`; in an English page, its runs of Chinese (the
    standard's title) marked `lang="zh"`, so that a screen reader reads them as Chinese."""
    escaped = str(escape(text))
    if lang == "zh":
        return Markup(escaped)
    return Markup(_CHINESE_RUN.sub(lambda m: f'<span lang="zh">{m.group(0)}</span>', escaped))


def css_string(text: str) -> Markup:
    """`text` as a quoted CSS string for a stylesheet: every character but ASCII letters, digits
    and spaces written as a CSS escape (`\\5fb7 `), so no quote, backslash, `<` or line break of a
    submitted label can end the string, the rule or the style element. Safe by construction,
    hence Markup: HTML escaping would put `&#34;` into the CSS."""
    escaped = "".join(ch if ch.isascii() and (ch.isalnum() or ch == " ") else f"\\{ord(ch):x} "
                      for ch in text)
    return Markup(f'"{escaped}"')


def render_html(report: Report, lang: Lang, rulebook_url: str | None = None) -> str:
    """The report as one HTML page, no external assets and no scripts. With `rulebook_url` (a
    bcic server's rulebook, `https://host/rulebook/`), each provision links to its page there
    and the hints point there; without it (the CLI without BCIC_PUBLIC_URL knows no server) they
    point to the rulebook by the command that shows the provision (`bcic rules show 4.2.2`)."""
    template = _environment().get_template("report.html")
    return template.render(
        lang=lang,
        rulebook_url=rulebook_url,
        t=lambda key, **values: message(key, lang, **values),
        percent=percent,
        rate_columns=RATE_COLUMNS,
        page_header=_page_header(report, lang),
        page_date=day_shown(report.created).isoformat(),
        moment_shown=moment_shown,
        statuses=[s.value for s in Status],
        page=report_outline(report, lang, rulebook=rulebook_url is not None),
    )


def _page_header(report: Report, lang: Lang) -> str:
    """What every printed page says at its top, and the page's title: the report's title, the
    cluster and, for a stored revision, its number."""
    cluster = (pick(report.cluster_label, lang) or report.cluster
               or message("report.no_cluster", lang))
    header = f"{message('report.title', lang)} — {cluster}"
    if report.revision is not None:
        header += f" — {message('report.revision.header', lang, number=report.revision.number)}"
    return header

"""`bcic report`: a stored revision's report, its evaluator's judgements applied, as the web
app's downloads give it (checker/stored_report.py)."""

from __future__ import annotations

from pathlib import Path

import click

from .cli_reading import store_to_read
from .cli_store import _store_options, report_output_options
from .cli_output import echo_text, write_file
from .cli_validate import LANG_META_KEY
from .i18n import Lang
from .public_url import served_rulebook_url
from .render import render_report
from .shacl import Severity
from .stored_report import stored_report


@click.command("report")
@click.argument("cluster")
@click.option("--revision", "number", type=click.IntRange(min=1),
              help="The revision (default: the latest) / 修订版（默认最新版）.")
@report_output_options
@_store_options
@click.pass_context
def report_command(ctx: click.Context, cluster: str, number: int | None, fmt: str,
                   output: Path | None, location: str | None, engine: str | None,
                   user: str | None, lang: Lang) -> None:
    """Print the stored report of a revision (default: the latest) of CLUSTER (IRI or 16-hex
    key), the evaluator's judgements applied, as the web app's downloads give it /
    输出已存储修订版的报告（已计入评价人员的判定），与网页下载的内容相同。

    Exit codes / 退出码: 0 conforms 符合, 1 gaps 有差距, 2 no such cluster or revision (the
    nearest named) or bad input 无此集群或修订版（列出最接近的）或输入有误, 3 internal 内部错误,
    4 the store could not answer 存储未能应答.
    """
    ctx.meta[LANG_META_KEY] = lang
    rulebook = served_rulebook_url(fmt)
    with store_to_read(location, lang, engine, user) as store:
        report = stored_report(store, cluster, number)
    text = render_report(report, fmt, lang, rulebook_url=rulebook)
    if output is not None:
        write_file(output, text)
    else:  # byte for byte the download, a line end added only where it has none
        echo_text(text, nl=not text.endswith("\n"))
    ctx.exit(1 if report.fails(Severity.VIOLATION) else 0)

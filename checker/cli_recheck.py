"""`bcic recheck`: a stored revision validated again under the running rulebook (checker/recheck.py)."""

from __future__ import annotations

from pathlib import Path

import click

from .cli_reading import store_to_read
from .cli_store import _store_options, report_output_options
from .cli_validate import LANG_META_KEY, emit
from .i18n import Lang, message
from .recheck import recheck_revision
from .public_url import served_rulebook_url
from .render import render_report
from .revisions import find_cluster
from .shacl import Severity


@click.command("recheck")
@click.argument("cluster")
@click.argument("number", type=click.IntRange(min=1), required=False)
@click.option("--revision", "revision", type=click.IntRange(min=1),
              help="The revision (default: the latest), as report, judge and judgements take it; "
                   "NUMBER is the same, kept for older scripts / 修订版（默认最新版）.")
@report_output_options
@_store_options
@click.pass_context
def recheck_command(ctx: click.Context, cluster: str, number: int | None,
                    revision: int | None, fmt: str, output: Path | None, location: str | None,
                    engine: str | None, user: str | None, lang: Lang) -> None:
    """Validate revision --revision N (default: the latest) of a stored CLUSTER (IRI or 16-hex
    key) again under the running rulebook, storing nothing; NUMBER after CLUSTER is the same as
    --revision, not to be given with it / 按现行规则库重新验证已存储的版本（不存储）；CLUSTER 后的
    NUMBER 与 --revision 相同，二者只给其一。

    The stored report stays the revision's verdict; this one says what the same submission gets
    under the rules now / 已存储的报告仍是该版本的结论。

    Exit codes / 退出码: 0 conforms 符合, 1 gaps 有差距, 2 no such revision or bad input
    无此版本或输入有误, 3 internal 内部错误, 4 the store could not answer 存储未能应答.
    """
    ctx.meta[LANG_META_KEY] = lang
    if number is not None and revision is not None:
        raise click.UsageError(message("store.recheck.revision_twice", lang), ctx)
    number = revision or number
    rulebook = served_rulebook_url(fmt)
    with store_to_read(location, lang, engine, user) as store:
        recheck = recheck_revision(store, find_cluster(store, cluster), number)
    emit(render_report(recheck.report, fmt, lang, rulebook_url=rulebook), output)
    ctx.exit(1 if recheck.report.fails(Severity.VIOLATION) else 0)

"""`bcic judgements`: the evaluator's judgements of a stored revision (clause 1; docs/model.md,
decision 20), as the judgements API lists them (checker/judgement_list.py)."""

from __future__ import annotations

import json

import click

from .cli_output import echo_text
from .cli_reading import store_to_read
from .cli_store import _store_options, judgement_lines
from .cli_validate import LANG_META_KEY
from .i18n import Lang, counted, message
from .judgement_list import judgements_document, revision_judgements
from .revisions import find_cluster


@click.command("judgements")
@click.argument("cluster")
@click.option("--revision", "number", type=click.IntRange(min=1),
              help="The revision (default: the latest) / 修订版（默认最新版）.")
@click.option("--all", "everything", is_flag=True,
              help="Also the judgements a later one superseded, marked so / "
                   "同时列出已被后来判定取代的判定（注明已被取代）.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format / 输出格式.")
@_store_options
@click.pass_context
def judgements_command(ctx: click.Context, cluster: str, number: int | None, everything: bool,
                       fmt: str, location: str | None, engine: str | None, user: str | None,
                       lang: Lang) -> None:
    """List the evaluator's judgements of a stored revision (default: the latest) of CLUSTER
    (IRI or 16-hex key): per provision, met or not, by whom, when, whether recorded from the
    command line, the rationale; --all adds the superseded ones /
    列出已存储修订版的评价人员判定：逐条款的判定结果、判定人、时间、是否经命令行记录及理由。

    Exit codes / 退出码: 0 listed 已列出, 2 no such cluster or revision (the nearest named)
    无此集群或修订版（列出最接近的）, 3 internal 内部错误, 4 the store could not answer 存储未能应答.
    """
    ctx.meta[LANG_META_KEY] = lang
    with store_to_read(location, lang, engine, user) as store:
        subject = find_cluster(store, cluster)
        number = number or store.revisions(subject)[-1].number
        found = revision_judgements(store, subject, number)
    shown = found if everything else [j for j in found if j.current]
    if fmt == "json":
        document = judgements_document(subject, number, shown, lang)
        echo_text(json.dumps(document, ensure_ascii=False, indent=2))
        return
    echo_text(message("store.judgements.heading", lang, number=number, cluster=subject))
    if not shown:
        echo_text("  " + message("store.judgements.none", lang))
    for judgement in shown:
        for line in judgement_lines(judgement, lang, "  "):
            echo_text(line)
    if hidden := len(found) - len(shown):
        echo_text(counted("store.judgements.superseded_hidden", hidden, lang))

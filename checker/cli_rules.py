"""`bcic rules`: the rulebook's traceability matrix and the proof of its fixtures."""

from __future__ import annotations

import json
import sys
from contextlib import closing

import click

from . import __version__
from .cli_output import echo_text
from .cli_store import store_engine_option, store_user_option
from .cli_validate import LANG_META_KEY
from .coverage import (BaseFailure, CoverageRow, FixtureProof, base_failures, conforming_base,
                       coverage_matrix, prove_fixtures)
from .cli_lang import lang_option
from .i18n import Lang, message
from .proof_said import base_failure_line, gap_lines, proof_failure_line, proof_summary
from .provision_sheet import provision_sheet, sheet_document
from .ingest import publish_for_queries
from .render.provision_text import sheet_lines
from .render.text import width
from .rulebook import Level, load_rulebook, rule_files, rules_digest, short_digest
from .rule_lookup import find_sheet, proof_scope
from .rule_places import places_in
from .rule_problems import problems_of, problems_said
from .rulebook_document import load_rulebook_document, reload_rules, rules_to_reload
from .store import open_store_for_writing


@click.group("rules")
def rules_group() -> None:
    """Maintain the rulebook / 规则库维护.

    \b
    A new rulebook version / 发布新版规则库 (README, "Making a new rulebook version"):
    edit ontology/ and shapes/ (`bcic rules show ID` shows a provision, its shapes and where
    they are written); teach the generator (checker/synthetic) every new rule, since the proof
    starts from its conforming base (`bcic rules coverage --prove --only ID` proves one
    provision's or one shape's fixtures); `bcic rules coverage --prove` must exit 0; set
    the version in four places: checker/__init__.py, owl:versionInfo and owl:versionIRI of
    ontology/bcic.ttl, and the header line of each shapes file; `bcic rules version` prints the
    version and the digest of the rule files that every report records.
    编辑 ontology/ 与 shapes/；把每条新规则教给生成器（checker/synthetic）；`bcic rules coverage
    --prove` 须以 0 退出；在四处设置版本：checker/__init__.py、ontology/bcic.ttl 的 owl:versionInfo
    与 owl:versionIRI、每个形状文件的首行说明；`bcic rules version` 打印版本及规则文件摘要。
    """


@rules_group.command("coverage")
@lang_option()
@click.option("--prove", is_flag=True,
              help="Also validate every fixture pair (slow) / 同时运行每个形状的正反例验证.")
@click.option("--only", metavar="ID_OR_SHAPE", multiple=True,
              help="One provision (9.2.3, 8.3.4 —2; a lead-in with its list items) or checking "
                   "shape (shp:MeasurementPeriod): its row, and with --prove its fixture pairs "
                   "only; may be given more than once / 仅限一条规定（引导语连同其列项）或一个检查形状，"
                   "可多次给出.")
@click.pass_context
def coverage_command(ctx: click.Context, lang: Lang, prove: bool, only: tuple[str, ...]) -> None:
    """Print requirement → shapes → fixtures; exit 1 on a gap, a proof failure or a mistake in
    the rule files / 打印要求—形状—正反例对照表；有缺口、验证失败或规则文件有误时退出码为 1.

    \b
    Mistakes, among them / 规则文件错误，其中包括: a bcic:checksRequirement naming no catalogued
    provision; a shape with a target or severity naming none; a bcic:, ind: or req: term the
    ontology does not define; a checking shape without one zh and one en sh:message, or one not
    citing its clause; a severity other than its provision's level asks; a provision id the
    notation cannot show. The full list: README, `bcic rules coverage`.
    bcic:checksRequirement 指向未编目的规定；形状的目标或严重程度未指向任何规定；本体未定义的
    bcic:、ind: 或 req: 术语；检查形状缺少中文或英文 sh:message，或未引用其条款；严重程度与规定
    的级别不符；编号法无法表示的规定编号。完整列表见 README 中的 `bcic rules coverage`。

    \b
    --only: the provision's row and its shapes' fixture pairs, with those of its list items and
    parts (4.2.1: a)–i)); a shape: its provision's row and its own pair; given more than once,
    all of them. The conforming base is still validated once, against every rule, and the
    mistakes are still those of all the rule files. An unknown one: exit 2.
    --only：该规定的行及其形状的正反例，连同其列项和部分的（4.2.1：a)–i)）；一个形状：其规定的行
    及其自身的正反例；多次给出时为全部。符合的基础数据仍对所有规则验证一次，错误仍在全部规则文件中
    查找。未知时退出码为 2。
    """
    ctx.meta[LANG_META_KEY] = lang
    rulebook = load_rulebook()
    scope = proof_scope(rulebook, only) if only else None
    problems = problems_of(rulebook)
    rows = [row for row in coverage_matrix(rulebook)
            if scope is None or row.requirement.id in scope.requirement_ids]
    for row in rows:
        click.echo(_row_line(row, lang))
    gaps = [row for row in rows if row.gap]
    base: tuple[BaseFailure, ...] = ()
    failed: list[FixtureProof] = []
    shapes = list(scope.shapes) if scope is not None else sorted(rulebook.shape_requirements)
    if prove:
        conforming = conforming_base()
        base = base_failures(rulebook, conforming)
        with click.progressbar(prove_fixtures(rulebook, conforming, shapes), length=len(shapes),
                               label=message("rules.proving", lang),
                               file=sys.stderr) as proofs:
            failed = [p for p in proofs if not p.ok]
    click.echo(message("rules.summary", lang, requirements=len(rows),
                       shapes=len(shapes), gaps=len(gaps),
                       manual_only=sum(row.manual_only for row in rows)))
    if prove:
        click.echo(proof_summary(shapes, base, failed, lang))
    click.echo(message("rules.identity", lang, version=rulebook.version,
                       digest=short_digest(rulebook.digest)))
    places = places_in(rulebook.shape_requirements, rulebook.texts, "shapes")
    lines = [line for row in gaps for line in gap_lines(row, lang, places)]
    lines += [base_failure_line(failure, lang, places) for failure in base]
    lines += [proof_failure_line(proof, lang, places) for proof in failed]
    for line in lines:
        click.echo("  " + line, err=True)
    if problems:
        click.echo(problems_said(problems, rulebook.texts).text(lang), err=True)
    ctx.exit(1 if gaps or base or failed or problems else 0)


@rules_group.command("show")
@click.argument("provision", metavar="ID")
@lang_option()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format / 输出格式.")
@click.pass_context
def show_command(ctx: click.Context, provision: str, lang: Lang, fmt: str) -> None:
    """Show one provision: its text, level, items, the shapes that check it (target, severity,
    messages, fixture, file and line), its review prompt and its hint / 显示一条规定及其检查方式.

    ID as the standard numbers it (9.2.3, 6.2 d), 8.3.4 —2, 6.1.2.2 [may]), or by id (8.3.4-2),
    IRI or req: name; or a shape (shp:CrisisSources, its IRI or local name): the provision it
    expresses, the shape marked ◀. JSON gives every text in zh and en (keys: docs/rules-show.md).

    A mistake in the rule files (as `bcic rules coverage` names it) in the provision or its
    shapes is said on the sheet; the exit status stays 0: the sheet only reads the files /
    规则文件中与该规定或其形状有关的错误会列在页中，退出码仍为 0.

    Exit codes / 退出码: 0 shown 已显示, 2 no such provision or shape 无此规定或形状 (with the
    nearest), 3 internal 内部错误.
    """
    ctx.meta[LANG_META_KEY] = lang
    rulebook = load_rulebook()
    asked = find_sheet(rulebook, provision)
    sheet = provision_sheet(load_rulebook_document(), asked.requirement_id, asked=asked.shape,
                            marked=asked.marked, problems=problems_of(rulebook))
    if fmt == "json":
        echo_text(json.dumps(sheet_document(sheet), ensure_ascii=False, indent=2))
    else:
        for line in sheet_lines(sheet, lang):
            click.echo(line)


@rules_group.command("version")
@lang_option()
@click.pass_context
def version_command(ctx: click.Context, lang: Lang) -> None:
    """Print the rulebook's version and the digest of its files / 打印规则库版本与规则文件摘要.

    The digest (SHA-256 over every file of ontology/ and shapes/ the rulebook reads) changes
    with any edit; every report and stored revision records it beside the version.
    """
    ctx.meta[LANG_META_KEY] = lang
    files = rule_files()
    digest = rules_digest(files)
    click.echo(message("rules.identity", lang, version=__version__, digest=short_digest(digest)))
    click.echo(message("rules.digest", lang, digest=digest, files=len(files)))


@rules_group.command("reload")
@click.option("--store", "location", envvar="BCIC_STORE", metavar="LOCATION",
              help="Store directory or SPARQL endpoint URL (default var/store) / "
                   "存储目录或 SPARQL 端点.")
@store_engine_option
@store_user_option
@lang_option()
@click.pass_context
def reload_command(ctx: click.Context, location: str | None, engine: str | None,
                   user: str | None, lang: Lang) -> None:
    """Replace the store's rule graphs with the rule files / 用规则文件替换存储中的规则图.

    The web app's POST /api/rules/reload (maintainer token) does the same. Rule files with a
    mistake `bcic rules coverage` names are refused, each listed, and nothing changes /
    规则文件有 `bcic rules coverage` 所列错误时拒绝加载并逐条列出，存储不作任何改动.

    Exit codes / 退出码: 0 reloaded 已重新加载, 2 bad input 输入有误, 3 internal 内部错误, 4 the store could not answer 存储未能应答.
    """
    ctx.meta[LANG_META_KEY] = lang
    rulebook = rules_to_reload()  # mistakes in the files: refused before a store is opened
    with closing(open_store_for_writing(location, engine=engine, user=user)) as store:
        document = reload_rules(store, rulebook)
        publish_for_queries(store)
    click.echo(message("rules.reloaded", lang, version=document.version,
                       digest=short_digest(document.digest),
                       requirements=len(document.provisions), shapes=document.summary.shapes))


def _row_line(row: CoverageRow, lang: Lang) -> str:
    r = row.requirement
    kinds = sorted({f.kind if f else "NO FIXTURE" for _shape, f in row.fixtures})
    levels = {level: message(f"report.level.{level.value}", lang) for level in Level}
    column = max(width(name) for name in levels.values())  # 资料性 takes six terminal columns
    level = levels[r.level]
    parts = [f"{r.id:<12}", level + " " * (column - width(level)),
             message("rules.shapes", lang, n=len(row.fixtures))]
    if kinds:
        parts.append("[" + ", ".join(kinds) + "]")
    if row.manual_review:
        parts.append(message("rules.manual_only" if row.manual_only else "rules.manual", lang))
    if row.deciding_items:  # informative items decide nothing (9.3.2 a)–d), 9.4.1 a)–c))
        parts.append(message("rules.items", lang, items=" ".join(row.deciding_items)))
    if row.gap:
        parts.append(message("rules.gap_mark", lang))
    return "  ".join(parts)

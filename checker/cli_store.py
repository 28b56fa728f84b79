"""`bcic ingest`, `clusters`, `history`, `query`: the knowledge-graph store on the command line."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, closing, contextmanager
from gettext import gettext as _
from pathlib import Path
from typing import TypeVar

import click
from rdflib.term import Node

from .cli_output import after_a_change, echo_text, write_stdout
from .cli_reading import store_to_read
from .benchmark_json import stored_history_document
from .cli_validate import LANG_META_KEY
from .display_time import moment_shown
from .judgements import Judgement, event_said
from .judging import judge
from .notation import provisions_listed
from .verdicts import rate_text, verdict_text
from .cluster_list import in_list_order
from .errors import InputError
from .history import (ClusterSummary, RevisionChange, cluster_history, cluster_overview,
                      later_deletions_note, mixed_rulebooks_note)
from .rulebook_names import rulebook_change_said
from .cli_lang import lang_option
from .given_text import given_field
from .i18n import Lang, counted, message, phrase
from .ingest import NoClusterError, ingest_at, publish_for_queries
from .output_spool import OutputSpool
from .queries import (Page, bind, check_summary_for, get_query, list_queries, result_columns,
                      stream_named_query, values_given_once)
from .queries.named_iris import known_or_refused
from .query import QueryResult, read_query_argument, run_query, run_remote_query
from .query_runner import QueryTimeoutError
from .render import REPORT_FORMATS
from .render.cells import printable
from .render.text import provision_titles
from .render.results import CHUNK_ROWS, RESULT_FORMATS, aligned_table, write_results
from .revisions import (DeletedRevision, delete_revision, deleted_revisions,
                        deletion_reason_said, deletion_said, find_cluster)
from .store import ENGINE_ENV, open_store_for_writing
from .store.base import RevisionInfo
from .store.guard import QueryForm, checked_iri
from .store.summary import needs_reindex
from .stoppable import stoppable

F = TypeVar("F", bound=Callable[..., object])


_lang_option = lang_option()


DEFAULT_QUERY_TIMEOUT = 300.0
MAX_QUERY_TIMEOUT = 1_000_000.0  # about 11.6 days: far inside what the watcher's select() takes


class _Seconds(click.FloatRange):
    """A number of seconds from 0 to `max`: click's FloatRange lets NaN through (it compares
    false with both ends), and a NaN or a deadline past the platform's clock would kill the
    watcher of checker/stoppable.py, leaving no limit and Ctrl-C dead."""

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> float:
        seconds: float = super().convert(value, param, ctx)
        if math.isnan(seconds):
            self.fail(_("{value} is not in the range {range}.").format(
                value=seconds, range=self._describe_range()), param, ctx)
        return seconds


_timeout_option = click.option(
    "--timeout", type=_Seconds(min=0, max=MAX_QUERY_TIMEOUT), default=DEFAULT_QUERY_TIMEOUT,
    show_default=True,
    help=f"Seconds a query on the local store may work (evaluating it and making its rows), 0 "
         f"for no limit, at most {MAX_QUERY_TIMEOUT:.0f} (Ctrl-C stops it anyway); waiting for a "
         f"slow reader of the output, such as a pager, does not count / 本地存储上查询本身（求值"
         f"并生成结果行）的时间上限（秒，0 为不限，最大 {MAX_QUERY_TIMEOUT:.0f}）；等待输出的读取"
         f"方（如分页程序）的时间不计在内.")


def _time_limit(seconds: float, lang: Lang, spool: OutputSpool,
                named: str | None = None) -> AbstractContextManager[None]:
    """`stoppable` for a query on the local store writing into `spool`: `seconds` (0: none),
    then the time-limit error (the named query `named`'s, whose text cannot change), after a
    note that the output above is incomplete when some of the spool reached stdout."""
    def timed_out() -> tuple[str, int]:
        error = (QueryTimeoutError.of("error.query.timeout_named", name=named, seconds=seconds)
                 if named else QueryTimeoutError.of("error.query.timeout", seconds=seconds))
        text = message("error.checker", lang, message=error.text(lang))
        if spool.halt():
            text = message("query.output_incomplete", lang) + "\n" + text
        return text, error.exit_code
    return stoppable(seconds or None, timed_out)


@contextmanager
def _answer_out(lang: Lang) -> Iterator[OutputSpool]:
    """A spool for an answer's text, which a thread writes to stdout as it comes, at the
    reader's pace (checker/output_spool.py): a `_time_limit` inside the block bounds the
    query's work, not that pace, and the query lets its store go once its rows are made. The
    rest is written when the block ends, Ctrl-C still stopping it (exit 130). After an error
    (stdout or the spool failing too: OutputError, exit 4), what was spooled is written, then,
    when any was, a note on stderr that the output above is incomplete; the error keeps its
    exit code (the reader gone: exit 141, nobody to tell)."""
    spool = OutputSpool(write_stdout)
    try:
        yield spool
        with _time_limit(0, lang, spool):
            spool.finish()
    except BrokenPipeError:
        spool.halt()
        raise
    except Exception:
        with _time_limit(0, lang, spool):
            stopped = spool.drain()
        if isinstance(stopped, BrokenPipeError):
            raise stopped from None
        if spool.halt():
            click.echo(message("query.output_incomplete", lang), err=True)
        raise


store_engine_option = click.option(
    "--store-engine", "engine", envvar=ENGINE_ENV, metavar="auto|virtuoso|generic",
    help="The remote store's SPARQL engine: auto (its Server header says), virtuoso or generic "
         "(default auto) / 远程存储的 SPARQL 引擎.")

store_user_option = click.option(
    "--store-user", "user", metavar="NAME",
    help="The remote store's user (default BCIC_STORE_USER); its password is read from "
         "BCIC_STORE_PASSWORD, never the command line / 远程存储的用户（密码取自 "
         "BCIC_STORE_PASSWORD）.")


def _store_options(command: F) -> F:
    """The options every store command shares: where the store is, its server's engine and
    user, and the output language."""
    command = click.option(
        "--store", "location", envvar="BCIC_STORE", metavar="LOCATION",
        help="Store directory or SPARQL endpoint URL (default var/store) / 存储目录或 SPARQL 端点.",
    )(command)
    return _lang_option(store_engine_option(store_user_option(command)))



def report_output_options(command: F) -> F:
    """The options of a command that prints a stored revision's report: its format and the
    file to write it to (default: standard output)."""
    command = click.option("--output", type=click.Path(path_type=Path),
                           help="Write the report here / 报告输出位置.")(command)
    return click.option("--format", "fmt", type=click.Choice(sorted(REPORT_FORMATS)),
                        default="text", show_default=True,
                        help="Report format / 报告格式.")(command)


@click.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--cluster", help="The cluster's IRI, for a submission that names none (one that "
              "does must name this one) / 提交材料未指明时的集群 IRI.")
@click.option("--submitter", help="Who submitted it, for the provenance / 提交者.")
@_store_options
@click.pass_context
def ingest_command(ctx: click.Context, files: tuple[Path, ...], cluster: str | None,
                   submitter: str | None, location: str | None, engine: str | None,
                   user: str | None, lang: Lang) -> None:
    """Validate a submission (all FILES together) and store it as its cluster's next revision /
    验证并存储集群提交材料。

    Exit codes / 退出码: 0 stored 已存储 (whatever the verdict 不论结论), 2 bad input 输入有误,
    3 internal 内部错误, 4 the store could not answer 存储未能应答.
    """
    ctx.meta[LANG_META_KEY] = lang
    subject = checked_iri(cluster) if cluster else None
    try:
        info = ingest_at(location, list(files), cluster=subject, submitter=submitter,
                         engine=engine, user=user)
    except NoClusterError as error:
        raise InputError.of("error.no_cluster.option", problem=error) from None
    with after_a_change(phrase("store.ingest.stored", number=info.number, cluster=info.cluster)):
        echo_text(message("store.ingest.stored", lang, number=info.number, cluster=info.cluster))
        echo_text(message("store.ingest.verdict", lang,
                          verdict=verdict_text(info.conforms, info.rate, lang),
                          rate=rate_text(info.rate, lang)))
        if not info.conforms:
            echo_text(message("store.ingest.gaps_stored", lang))


@click.command("reindex")
@_store_options
@click.pass_context
def reindex_command(ctx: click.Context, location: str | None, engine: str | None,
                    user: str | None, lang: Lang) -> None:
    """Rebuild the summary graph the named queries read (docs/store.md) / 重建摘要图。

    Ingest does it by itself when the summary is missing or outdated; run this for a store that
    gets no new submission. 入库时会自动重建；对不再入库的存储可手动运行。

    Exit codes / 退出码: 0 rebuilt 已重建, 2 no store or bad input 无存储或输入有误,
    3 internal 内部错误, 4 the store could not answer 存储未能应答.
    """
    ctx.meta[LANG_META_KEY] = lang
    with closing(open_store_for_writing(location, create=False, engine=engine,
                                        user=user)) as store:
        store.rebuild_summary()
        publish_for_queries(store)
        revisions = len(store.revisions())
    click.echo(message("store.reindex.done", lang, revisions=revisions))


@click.command("clusters")
@_store_options
@click.pass_context
def clusters_command(ctx: click.Context, location: str | None, engine: str | None,
                     user: str | None, lang: Lang) -> None:
    """List the stored clusters and their latest verdicts, saying of a cluster whose latest
    revisions were deleted that its verdict is the newest remaining one's / 列出已存储的产业集群。

    Exit codes / 退出码: 0 listed 已列出, 2 no store or bad input 无存储或输入有误,
    3 internal 内部错误, 4 the store could not answer 存储未能应答.
    """
    ctx.meta[LANG_META_KEY] = lang
    with store_to_read(location, lang, engine, user) as store:
        summaries = in_list_order(cluster_overview(store), lang)  # the home page's order
    if not summaries:
        click.echo(message("store.clusters.none", lang))
        return
    lines = list(aligned_table(_cluster_rows(summaries, lang), lang))
    lines += [message("store.clusters.deleted_after_line", lang, cluster=s.cluster, note=note)
              for s in summaries if (note := later_deletions_note(s, lang))]
    if note := mixed_rulebooks_note(summaries, lang):
        lines.append(note)
    echo_text("".join(line + "\n" for line in lines), nl=False)  # exit 4 on a full disk


@click.command("history")
@click.argument("cluster")
@click.option("--titles", is_flag=True,
              help="Each closed or opened provision on a line of its own, with its title / "
                   "逐行列出已解决或新出现的条款及其标题.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format: text, or JSON as the history API gives "
              "it / 输出格式：文本，或与历史 API 相同的 JSON.")
@_store_options
@click.pass_context
def history_command(ctx: click.Context, cluster: str, titles: bool, fmt: str,
                    location: str | None, engine: str | None, user: str | None,
                    lang: Lang) -> None:
    """Show a cluster's revisions and the clauses each closed or opened; CLUSTER is its IRI or
    16-hex key; --format json gives the document of GET /api/clusters/<key>/history /
    显示集群各版本的变化（集群 IRI 或 16 位键）；--format json 给出与历史 API 相同的文档。

    Exit codes / 退出码: 0 shown 已显示, 2 no such cluster or bad input 无此集群或输入有误,
    3 internal 内部错误, 4 the store could not answer 存储未能应答.
    """
    ctx.meta[LANG_META_KEY] = lang
    with store_to_read(location, lang, engine, user) as store:
        subject = find_cluster(store, cluster)
        if fmt == "json":
            document = stored_history_document(store, subject)
        else:
            changes = cluster_history(store, subject)
            deleted = deleted_revisions(store, subject)
    if fmt == "json":
        echo_text(json.dumps(document, ensure_ascii=False, indent=2))
        return
    titled = provision_titles if titles else None
    echo_text("".join(line + "\n" for line in _history_lines(changes, deleted, lang, titled)),
              nl=False)


_format_option = click.option(
    "--format", "fmt", type=click.Choice(sorted(RESULT_FORMATS)), default="table",
    show_default=True,
    help=f"Result format: SPARQL JSON, CSV, or a table whose columns fit its first "
         f"{CHUNK_ROWS:,} rows (a wider cell after them widens its own line only); all are "
         f"written as the rows come / 结果格式：JSON、CSV 或表格（列宽按前 {CHUNK_ROWS} 行对齐，"
         f"其后较宽的单元格只加宽其所在行），均边查询边输出.")


@click.command("query")
@click.argument("query")
@click.option("--endpoint", metavar="URL",
              help="Ask this SPARQL endpoint instead of the store / 改为查询此 SPARQL 端点.")
@_format_option
@_timeout_option
@_store_options
@click.pass_context
def query_command(ctx: click.Context, query: str, endpoint: str | None, fmt: str,
                  timeout: float, location: str | None, engine: str | None, user: str | None,
                  lang: Lang) -> None:
    """Run a SPARQL SELECT, ASK or CONSTRUCT: QUERY is its text or a file holding it (a name
    ending in .rq, .sparql or .txt is always a file) / 运行 SPARQL 查询（文本或文件）。

    The store's default graph is the union of all its graphs; SERVICE is refused.
    存储的默认图为所有命名图的并集；不允许 SERVICE。

    Exit codes / 退出码: 0 answered 已应答, 2 bad query or input 查询或输入有误, 3 internal
    内部错误, 4 the store or endpoint could not answer, the query ran out of time, or its output
    could not be written or held (a full disk) 存储或端点未能应答、查询超时，或输出无法写入或暂存（磁盘已满）.
    """
    ctx.meta[LANG_META_KEY] = lang
    text = read_query_argument(query)
    if endpoint:
        result = run_remote_query(endpoint, text, lang)
        with _answer_out(lang) as spool:
            written = write_results(result, fmt, lang, spool.write)
        if result.truncated:
            click.echo(counted("query.truncated", written, lang), err=True)
        return
    with _answer_out(lang) as spool:
        with store_to_read(location, lang, engine, user) as store, _time_limit(timeout, lang,
                                                                                spool):
            # a SELECT's rows are read from the store as they are spooled
            write_results(run_query(store, text), fmt, lang, spool.write)


_param_option = click.option(
    "--param", "params", multiple=True, metavar="NAME=VALUE",
    help="A parameter of the named query (repeatable) / 命名查询的参数（可重复）.")


@click.group("queries")
def queries_group() -> None:
    """The library of named queries (checker/queries) / 命名查询库."""


@queries_group.command("list")
@_lang_option
def queries_list_command(lang: Lang) -> None:
    """List the named queries and their parameters / 列出命名查询及其参数。"""
    for named in list_queries():
        clause = f"  [{named.clause}]" if named.clause else ""
        click.echo(f"{named.name}  {named.title[lang]}{clause}")
        for param in named.params:
            usage = f"{param.name}=<{param.kind.value}>"
            click.echo(f"    {usage if param.required else f'[{usage}]'}  {param.label[lang]}")


@queries_group.command("show")
@click.argument("name")
@_param_option
@_lang_option
@click.pass_context
def queries_show_command(ctx: click.Context, name: str, params: tuple[str, ...],
                         lang: Lang) -> None:
    """Print a named query, with the parameters given bound / 打印命名查询（代入所给参数）。"""
    ctx.meta[LANG_META_KEY] = lang
    click.echo(bind(get_query(name), _param_values(params)), nl=False)


@queries_group.command("run")
@click.argument("name")
@_param_option
@_format_option
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
              help="Leave out this many rows of the answer, in its order, first / "
                   "先跳过答案中（按其顺序）的这么多行.")
@click.option("--limit", type=click.IntRange(min=1),
              help="Give at most this many rows (default: all) / 至多给出这么多行（默认全部）.")
@_timeout_option
@_store_options
@click.pass_context
def queries_run_command(ctx: click.Context, name: str, params: tuple[str, ...], fmt: str,
                        offset: int, limit: int | None, timeout: float, location: str | None,
                        engine: str | None, user: str | None, lang: Lang) -> None:
    """Run a named query on the store / 在存储上运行命名查询。

    Exit codes / 退出码: 0 answered 已应答, 2 bad parameter or input 参数或输入有误, 3 internal
    内部错误, 4 the store could not answer, the query ran out of time, its output could not be
    written or held (a full disk), or it reads a summary graph that needs `bcic reindex`
    存储未能应答、查询超时、输出无法写入或暂存（磁盘已满），或查询读取的摘要图需先运行 `bcic reindex`.
    """
    ctx.meta[LANG_META_KEY] = lang
    values = _param_values(params)
    bind(get_query(name), values)  # refuse bad parameters before the store is opened
    versions: set[str] = set()
    with _answer_out(lang) as spool:
        with store_to_read(location, lang, engine, user) as store, _time_limit(timeout, lang,
                                                                                spool, name):
            # Refused as the API refuses it: rows missing from an answer would go unseen.
            check_summary_for([name], lambda: needs_reindex(store))
            rows = stream_named_query(store, name, values, Page(offset, limit))
            if offset == 0:  # no rows from an IRI nothing names would read as "no data"
                rows = known_or_refused(store, get_query(name), values, rows)
            write_results(QueryResult(QueryForm.SELECT, result_columns(name),
                                      _noting_versions(rows, versions)), fmt, lang,
                          spool.write, named=True)
    if len(versions) > 1:  # on stderr: the results stay machine-readable
        click.echo(message("query.mixed_rulebooks", lang, versions=", ".join(sorted(versions))),
                   err=True)


def _noting_versions(rows: Iterable[dict[str, Node]], seen: set[str]) -> Iterator[dict[str, Node]]:
    """The rows, each as it passes adding its `rulebookVersion`, if it has one, to `seen`."""
    for row in rows:
        if "rulebookVersion" in row:
            seen.add(str(row["rulebookVersion"]))
        yield row


def _param_values(params: tuple[str, ...]) -> dict[str, str]:
    """NAME=VALUE options as a mapping; InputError (exit 2) for a malformed or repeated one."""
    pairs: list[tuple[str, str]] = []
    for param in params:
        name, equals, value = param.partition("=")
        if not equals or not name:
            raise InputError.of("query.not_name_value", given=param)
        pairs.append((name, value))
    return values_given_once(pairs)


@click.command("delete-revision")
@click.argument("cluster")
@click.argument("number", type=click.IntRange(min=1))
@click.option("--reason", help="Why it is deleted (required), kept with the deletion and shown "
              "in the cluster's history / 删除理由（必填），随删除记录保存并显示在集群历史中.")
@click.option("--by", "deleted_by", help="Who deletes it, for the provenance / 删除者.")
@_store_options
@click.pass_context
def delete_revision_command(ctx: click.Context, cluster: str, number: int, reason: str | None,
                            deleted_by: str | None, location: str | None, engine: str | None,
                            user: str | None, lang: Lang) -> None:
    """Delete revision NUMBER of CLUSTER (IRI or 16-hex key): its submission, report, the
    evaluator's judgements and provenance; the number is never given again, and --reason says
    why / 删除某产业集群的一个版本（含评价人员的判定；版本号不再复用），--reason 说明理由。

    Exit codes / 退出码: 0 deleted 已删除, 2 no such revision, no reason or bad input
    无此版本、未给出理由或输入有误, 3 internal 内部错误, 4 the store could not answer 存储未能应答.
    """
    ctx.meta[LANG_META_KEY] = lang
    if reason is None or not reason.strip():  # before the store is opened
        raise click.UsageError(message("error.deletion.no_reason", lang,
                                       field=given_field("deletion", "cli")), ctx)
    with closing(open_store_for_writing(location, create=False, engine=engine,
                                        user=user)) as store:
        info = delete_revision(store, find_cluster(store, cluster), number, reason=reason,
                               deleted_by=deleted_by)
        publish_for_queries(store)
    deleted = phrase("store.delete.deleted", number=info.number, cluster=info.cluster)
    with after_a_change(deleted):
        echo_text(deleted.text(lang))


@click.command("judge")
@click.argument("cluster")
@click.argument("provision")
@click.option("--met", is_flag=True,
              help="The evaluator's judgement: met / 评价人员的判定：满足.")
@click.option("--not-met", is_flag=True, help="The evaluator's judgement: not met, which needs "
              "--note / 评价人员的判定：不满足（须给出 --note）.")
@click.option("--revision", "number", type=click.IntRange(min=1),
              help="The revision judged (default: the latest) / 所判定的修订版（默认最新版）.")
@click.option("--note", help="The rationale, required for --not-met / 判定理由（不满足时必填）.")
@click.option("--note-lang", type=click.Choice(["zh", "en"]),
              help="The rationale's language (default: --lang's) / 理由所用语言（默认与 --lang 相同）.")
@click.option("--by", "judged_by", help="Who judges, recorded as given, the judgement said to "
              "come from the command line / 判定人（按所给名称记录，并注明经命令行记录）.")
@_store_options
@click.pass_context
def judge_command(ctx: click.Context, cluster: str, provision: str, met: bool, not_met: bool,
                  number: int | None, note: str | None, note_lang: Lang | None,
                  judged_by: str | None, location: str | None, engine: str | None,
                  user: str | None, lang: Lang) -> None:
    """Record the evaluator's judgement of PROVISION (an id such as 6.1) of a stored revision of
    CLUSTER (IRI or 16-hex key), one its report leaves to the evaluator (待人工评审); a later
    judgement supersedes it / 记录评价人员对已存储修订版中待人工评审条款的判定。

    Exit codes / 退出码: 0 stored 已存储, 2 no such cluster, revision or provision, a provision
    not awaiting review, or bad input 无此集群、版本或条款，条款并非待人工评审，或输入有误,
    3 internal 内部错误, 4 the store could not answer 存储未能应答.
    """
    ctx.meta[LANG_META_KEY] = lang
    if met == not_met:  # neither, or both (click would take the last)
        raise click.UsageError(message("store.judge.met_and_not_met" if met
                                       else "store.judge.met_needed", lang), ctx)
    with closing(open_store_for_writing(location, create=False, engine=engine,
                                        user=user)) as store:
        subject = find_cluster(store, cluster)
        number = number or store.revisions(subject)[-1].number
        judgement = judge(store, subject, number, provision, met=met, note=note,
                          note_lang=note_lang or lang, by=judged_by)
        publish_for_queries(store)
    stored = phrase("store.judge.stored", number=number, cluster=subject)
    with after_a_change(stored):
        echo_text(stored.text(lang))
        for line in judgement_lines(judgement, lang, ""):
            echo_text(line)


def judgement_lines(judgement: Judgement, lang: Lang, indent: str) -> Iterator[str]:
    """"6.1 judged not met by X on 2025-03-04 10:00 (UTC): rationale" at `indent` ("(superseded)"
    before it when a later one supersedes it), a rationale's further lines two spaces further
    in (`bcic judge`, `history`, `judgements`)."""
    yield from _indented(event_said(judgement, lang), indent)


def _indented(text: str, indent: str) -> Iterator[str]:
    """`text`'s first line at `indent`, its further lines (a rationale's, a deletion reason's)
    two spaces further in, each printable on a terminal."""
    first, *more = text.replace("\r\n", "\n").split("\n")
    yield indent + printable(first)
    yield from (f"{indent}  {printable(line)}" for line in more)


STORE_COMMANDS = (ingest_command, reindex_command, clusters_command, history_command,
                  query_command, queries_group, delete_revision_command, judge_command)


def _cluster_rows(summaries: list[ClusterSummary], lang: Lang) -> list[list[str]]:
    header = [message(f"store.column.{key}", lang)
              for key in ("cluster", "label", "revisions", "verdict", "rate", "rulebook",
                          "date")]
    rows = [header]
    for summary in summaries:
        latest: RevisionInfo = summary.latest
        label = summary.labels.get(lang) or summary.labels.get("") or next(
            iter(summary.labels.values()), "")
        rows.append([str(summary.cluster), label, str(summary.revisions),
                     verdict_text(latest.conforms, latest.rate, lang),
                     rate_text(latest.rate, lang), latest.rulebook_version,
                     moment_shown(latest.generated, lang)])
    return rows


def _history_lines(changes: list[RevisionChange], deleted: list[DeletedRevision], lang: Lang,
                   titled: Callable[[tuple[str, ...], Lang], list[str]] | None) -> Iterator[str]:
    """Each revision's line, then the provisions it closed and opened: listed on one line, or
    one per line with `titled`'s words for each; a deleted revision's line in its place, when
    and by whom it was deleted (the gap in the numbering explained)."""
    for change in sorted([*changes, *deleted], key=lambda entry: entry.number):
        if isinstance(change, DeletedRevision):
            yield "  ".join((message("store.revision", lang, number=change.number),
                             deletion_said(change, lang)))
            yield from _indented(deletion_reason_said(change, lang), "    ")
            continue
        yield "  ".join((message("store.revision", lang, number=change.number),
                         moment_shown(change.generated, lang),
                         verdict_text(change.conforms, change.rate, lang),
                         rate_text(change.rate, lang),
                         message("store.history.rulebook", lang,
                                 version=change.rulebook_version)))
        if change.rulebook_before is not None:
            yield "    " + rulebook_change_said(change.rulebook_before, change.digest_before,
                                                 change.rulebook_version, change.rulebook_digest,
                                                 lang)
        for key, ids in (("closed", change.closed), ("opened", change.opened)):
            yield from _changed_lines(key, ids, lang, titled)
        for judgement in change.judgements:  # the evaluator's, as events of the revision
            yield from judgement_lines(judgement, lang, "    ")


def _changed_lines(key: str, ids: tuple[str, ...], lang: Lang,
                   titled: Callable[[tuple[str, ...], Lang], list[str]] | None) -> Iterator[str]:
    """The provisions a revision closed or opened (`key`), as `_history_lines` lists them."""
    if titled is None or not ids:
        yield "    " + message(f"store.history.{key}", lang,
                               ids=provisions_listed(ids, lang) or message("report.none", lang))
        return
    yield "    " + message(f"store.history.{key}", lang, ids="").rstrip()
    yield from (f"      {line}" for line in titled(ids, lang))

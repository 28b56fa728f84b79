"""`bcic benchmark`: stored clusters side by side on 9.1.4 indicators in one year (9.3.2 c) d)),
the same comparison as the web app's benchmark page and `/api/benchmark`: a value another
cluster's submission states is marked, and a note under the table names that cluster."""

from __future__ import annotations

import json

import click
from rdflib import URIRef

from .benchmark_json import benchmark_document
from .benchmarking import LeafScore
from .cli_output import echo_text
from .cli_reading import store_to_read
from .cli_store import _store_options
from .cli_validate import LANG_META_KEY
from .cluster_dashboard import BenchmarkTable, SourceNotes, benchmark_table, stored_ref
from .cluster_refs import stored_cluster_named
from .cluster_revisions import stored_clusters
from .cluster_choices import told_apart
from .cluster_list import name_in
from .errors import InputError
from .i18n import Lang, message
from .indicator_scheme import Indicator, indicator_scheme
from .own_benchmark import check_named_once
from .render.cells import table_cell
from .render.results import aligned_table
from .revisions import cluster_named

_TEXT = {
    "indicator_column": {"en": "Indicator", "zh": "指标"},
    "told_apart": {"en": "{name} — {where}", "zh": "{name}（{where}）"},
    "year": {"en": "Year {year}; score = value ÷ best of these clusters in the same unit × 100 "
                   "(docs/model.md, 8)",
             "zh": "{year} 年；得分 = 数值 ÷ 这些集群中同一单位的最好值 × 100（docs/model.md 第 8 条）"},
    "no_data": {"en": "These clusters state no actual values.", "zh": "这些产业集群没有指标实际值。"},
    "source_mark": {"en": "†", "zh": "※"},
    "source_note": {"en": "{mark} stated in the latest submission of {cluster}, not in that of "
                          "the cluster it belongs to (9.3.2 c) d))",
                    "zh": "{mark} 数值来自“{cluster}”的最新提交，而非其所属集群自己的提交（9.3.2 c) d)）"},
}


@click.command("benchmark")
@click.argument("clusters", nargs=-1, required=True)
@click.option("--indicator", "codes", multiple=True, metavar="CODE",
              help="A 9.1.4 indicator code such as b.1.1 (repeatable; default all) / 指标编号.")
@click.option("--group", "group_codes", multiple=True, metavar="CODE",
              help="Every indicator of a 9.1.4 group such as b.1 (repeatable) / 指标组编号.")
@click.option("--year", type=click.IntRange(1000, 9999),
              help="The year (default: the latest any of them states) / 年份.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format / 输出格式.")
@_store_options
@click.pass_context
def benchmark_command(ctx: click.Context, clusters: tuple[str, ...], codes: tuple[str, ...],
                      group_codes: tuple[str, ...], year: int | None, fmt: str,
                      location: str | None, engine: str | None, user: str | None,
                      lang: Lang) -> None:
    """Compare stored CLUSTERS (each an IRI or key) on 9.1.4 indicators in one year /
    对标比较已存储的产业集群（IRI 或键）。

    Exit codes / 退出码: 0 shown 已显示, 2 bad input 输入有误, 3 internal 内部错误, 4 the store could not answer 存储未能应答.
    """
    ctx.meta[LANG_META_KEY] = lang
    indicators = _indicators(codes, group_codes)
    check_named_once([cluster_named(text) for text in clusters])  # before the store is read
    with store_to_read(location, lang, engine, user) as store:
        stored = stored_clusters(store)
        known = [stored_ref(s) for s in stored]
        refs = [stored_cluster_named(known, text) for text in clusters]
        check_named_once([str(ref.iri) for ref in refs])  # one by its key, then by its IRI
        table = benchmark_table(store, refs, indicators, year, stored=stored)
    if fmt == "json":
        echo_text(json.dumps(benchmark_document(table), ensure_ascii=False, indent=2))
    else:
        for line in _lines(table, lang):
            click.echo(line)


def _indicators(codes: tuple[str, ...], group_codes: tuple[str, ...]) -> list[Indicator]:
    """The indicators the codes and groups name, in code order (all of them when none)."""
    scheme = indicator_scheme()
    chosen = set()
    for code in codes:
        if scheme.indicator(code) is None:
            raise InputError.of("error.benchmark.indicator", code=code)
        chosen.add(code)
    for code in group_codes:
        group = scheme.group(code)
        if group is None:
            raise InputError.of("error.benchmark.group", code=code)
        chosen.update(i.code for i in group.indicators)
    return [i for i in scheme.indicators if not chosen or i.code in chosen]


def _lines(table: BenchmarkTable, lang: Lang) -> list[str]:
    if table.year is None:
        return [_TEXT["no_data"][lang]]
    # clusters that share a name, told apart by the end of their IRI, as the web pages do
    apart = told_apart(table.clusters, (), lang)
    header = [_TEXT["indicator_column"][lang]] + [
        _TEXT["told_apart"][lang].format(name=name_in(c.labels, c.iri, lang), where=apart[c.iri])
        if c.iri in apart else name_in(c.labels, c.iri, lang) for c in table.clusters]
    rows = [header]
    for leaf in table.leaves:
        rows.append([f"{leaf.indicator.code} {leaf.indicator.labels.get(lang, '')}",
                     *(_cell(leaf, c.iri, lang, table.notes) for c in table.clusters)])
    notes = [_TEXT["source_note"][lang].format(mark=_mark(n, lang), cluster=table_cell(
        c.labels.get(lang) or c.labels.get("en") or str(c.iri))[0])  # submitted text
        for n, c in enumerate(table.notes.clusters, start=1)]
    return [_TEXT["year"][lang].format(year=table.year), *aligned_table(rows, lang), *notes]


def _cell(leaf: LeafScore, cluster: URIRef, lang: Lang, notes: SourceNotes) -> str:
    """A cluster's value with its unit and the mark of the note naming the cluster whose
    submission states it when that is another's, then its score, or why it has none when its
    unit is not the others'."""
    value, score = leaf.values[cluster], leaf.scores[cluster]
    if value is None and cluster in leaf.levels:
        return _level_cell(leaf, cluster, lang)
    if value is None:
        return "—"
    stated = f"{value.normalize():f} {leaf.units[cluster] or ''}".strip()
    source = leaf.reported_by(cluster)
    if source is not None:
        stated += f" {_mark(notes.number(source), lang)}"
    if cluster in leaf.other_unit:
        return f"{stated} — {message('benchmark.other_unit', lang)}"
    return stated + (f" ({score:.1f})" if score is not None else "")


def _level_cell(leaf: LeafScore, cluster: URIRef, lang: Lang) -> str:
    """A level of a rating scale by its name, and its place by rank against the first cluster's
    (「高一级」, "one level above"; a level of another scale not comparable: decision 24)."""
    rated = leaf.levels[cluster]
    name = table_cell(rated.labels.get(lang) or rated.labels.get("en") or rated.labels.get("zh")
                      or str(rated.level))[0]  # submitted text
    compared = leaf.level_comparison(cluster)
    return name if compared is None else f"{name} ({compared[lang]})"


def _mark(number: int, lang: Lang) -> str:
    """The mark of a value's note, as under the table."""
    return f"{_TEXT['source_mark'][lang]}{number}"

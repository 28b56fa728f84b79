"""Pages and API about stored clusters: one cluster's revisions and charts, benchmarking (9.3.2, 9.4).

The figures, scores and comparisons come from `checker.cluster_dashboard` (how different units
share one chart axis: `checker.benchmarking`); the views here only parse the request and render.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for
from rdflib import URIRef
from werkzeug.exceptions import BadRequest

from checker.benchmark_json import (benchmark_document, history_document, indicators_document,
                                    report_page)
from checker.benchmarking import COMPARISON_QUERIES
from checker.cluster_choices import (Offered, benchmark_options, comparison_options,
                                     offered_clusters, told_apart)
from checker.cluster_dashboard import (
    DEFAULT_COMPARED,
    ClusterRef,
    IndicatorPanel,
    benchmark_table,
    comparable_clusters,
    comparisons_for,
    default_benchmark,
    default_comparison,
    indicator_panel,
    stored_ref,
)
from checker.cluster_revisions import history_rows, stored_clusters
from checker.judgements import event_said
from checker.history import ClusterSummary
from checker.indicator_scheme import Indicator, indicator_scheme
from checker.notation import listed
from checker.queries import check_summary_for
from checker.revisions import deletion_reason_said, deletion_said
from checker.store.base import Store

from .cluster_charts import bars_chart, radar_chart, series_chart
from .cluster_params import (
    benchmark_param,
    cluster_in_path,
    compared_clusters_param,
    filter_param,
    focus_param,
    indicators_param,
    year_param,
)
from .data import remembered, summary_outdated
from .etags import tagged_json
from .evaluation import clusters_in_order
from .i18n import pick, request_language, ui

bp = Blueprint("clusters", __name__)
# The columns each comparison of 9.3.2 a)–d) shows (named-query result variables), each a number
# (True) or a unit: a target and its actual value, a value and the previous one, are only paired in
# one unit, while a peer's value may be in another unit than the cluster's, beside it with its own.
# A level of a rating scale gets no number: its name stands in the number's column (the level's
# column of LEVEL_COLUMNS), and `levelComparison` says in the page's language how many levels it
# stands above or below the target, the year before or the peer's (docs/model.md, decision 24).
COMPARISON_COLUMNS = {
    "targets": (("target", True), ("actual", True), ("gap", True), ("unit", False),
                ("levelComparison", False)),
    "history": (("value", True), ("previous", True), ("change", True), ("unit", False),
                ("levelComparison", False)),
    "benchmark": (("value", True), ("unit", False), ("benchmarkValue", True),
                  ("benchmarkUnit", False), ("difference", True), ("levelComparison", False)),
    "competitors": (("value", True), ("unit", False), ("competitorValue", True),
                    ("competitorUnit", False), ("difference", True), ("levelComparison", False)),
}
LEVEL_COLUMNS = {"target": "targetLevel", "actual": "actualLevel", "value": "level",
                 "previous": "previousLevel", "benchmarkValue": "benchmarkLevel",
                 "competitorValue": "competitorLevel"}


@bp.get("/clusters/<key>")
def cluster(key: str) -> str:
    """One cluster: revisions, what each closed and opened, indicator charts (with the notice
    of an outdated summary: its revisions' rates and comparisons are read from it), and a
    benchmark selector of bounded length, narrowed by `?q=`."""
    summary = cluster_in_path(_stored(), key)
    panel, comparable = _panel(summary)
    offered = _offered(besides=summary.cluster)
    choices = benchmark_options(offered, comparable, panel.benchmark, summary.cluster)
    compared = [panel.cluster] + ([panel.benchmark] if panel.benchmark else [])
    apart = told_apart([*choices, *compared], _stored(), request_language())
    names = _names(compared, apart)
    rows = remembered(("history", summary.cluster),
                      lambda store: history_rows(store, summary.cluster))
    return render_template(
        "cluster.html", summary=summary, rows=rows,
        report_url=_report_url, scheme=indicator_scheme(), panel=panel, offered=offered,
        choices=choices, apart=apart,
        decimal_text=decimal_text,
        rulebook_changed=lambda entry: entry.rulebook_change(request_language()),
        judgement_event=lambda judgement: event_said(judgement, request_language()),
        deletion_said=lambda deleted: deletion_said(deleted, request_language()),
        deletion_reason=lambda deleted: deletion_reason_said(deleted, request_language()),
        radar_chart=radar_chart(panel.radar, names),
        rated_out=_indicators_listed(panel.rated),
        rated_compared=url_for("clusters.benchmark", cluster=[c.key for c in compared],
                               focus=panel.cluster.key, year=panel.radar.year,
                               indicator=[i.code for i in panel.rated]) + "#side-by-side",
        series_chart=series_chart(panel.series, panel.years, panel.cluster.iri,
                                  panel.series_notes),
        needs_reindex=summary_outdated())


@bp.get("/api/clusters/<key>/history")
def history_api(key: str) -> Response:
    """A cluster's revisions with provenance and the requirements each closed and opened, and
    its deleted revisions (when, by whom, why): the document `bcic history --format json`
    prints."""
    summary = cluster_in_path(_stored(), key)
    rows = remembered(("history", summary.cluster),
                      lambda store: history_rows(store, summary.cluster))
    return jsonify(history_document(stored_ref(summary), rows,
                                    lambda number: _report_url(key, number)))


@bp.get("/api/clusters/<key>/indicators")
def indicators_api(key: str) -> Response:
    """A cluster's values by indicator and year, its targets, and the group radar."""
    panel, _ = _panel(cluster_in_path(_stored(), key))
    return jsonify(indicators_document(panel))


@bp.get("/benchmark")
def benchmark() -> str:
    """Compare clusters' indicators side by side, and one cluster's four comparisons (9.3.2);
    the form's cluster selectors are of bounded length, narrowed by `?q=`."""
    if not _stored():
        return render_template("benchmark.html", refs=[])
    view = _benchmark_view(by_default=True)
    table = view["table"]
    offered = _offered()
    options = comparison_options(offered, view["focus"], view["chosen"], view["comparable"],
                                 view["benchmark"])
    # the options, and the clusters compared, each shown with the end of its IRI where it shares
    # its name: in the table's headers and the chart's legend as in the selectors
    apart = told_apart([*(c for shown in options.values() for c in shown), *table.clusters,
                        view["focus"]], _stored(), request_language())
    chart = bars_chart(table.leaves, [c.iri for c in table.clusters],
                       _names(table.clusters, apart), table.notes)
    api_url = url_for("clusters.benchmark_api", cluster=[c.key for c in view["chosen"]],
                      indicator=[i.code for i in view["indicators"]], year=table.year,
                      focus=view["focus"].key)
    return render_template("benchmark.html", scheme=indicator_scheme(), bars_chart=chart,
                           columns=COMPARISON_COLUMNS, level_columns=LEVEL_COLUMNS,
                           rated_out=_indicators_listed(table.rated_indicators()),
                           decimal_text=decimal_text,
                           api_url=api_url, needs_reindex=summary_outdated(),
                           default_size=DEFAULT_COMPARED, offered=offered, options=options,
                           apart=apart, **view)


@bp.get("/api/benchmark")
def benchmark_api() -> Response:
    """Clusters side by side on indicators in a year, and the four comparisons of one of them,
    with an ETag as the stored clusters' (web/etags.py); 503 while the comparisons' summary graph
    needs `bcic reindex`, as the named queries'."""
    check_summary_for(COMPARISON_QUERIES, summary_outdated)
    return tagged_json(_benchmark_answer)


def _benchmark_answer() -> Response:
    """The comparison `benchmark_api` answers."""
    view = _benchmark_view(by_default=False)
    return jsonify(benchmark_document(view["table"], view["comparisons"], view["focus"]))


def _stored() -> list[ClusterSummary]:
    """The stored clusters of the snapshot read now (read once per snapshot)."""
    return remembered("stored_clusters", stored_clusters)


def _offered(besides: URIRef | None = None) -> Offered:
    """The stored clusters the request's `?q=` keeps, in list order, for the selectors; never
    `besides`, the page's own cluster."""
    return offered_clusters(clusters_in_order(_stored()), filter_param(), besides=besides)


def _asked() -> tuple[tuple[str, str], ...]:
    """The request's query parameters in the order given, but `lang` and `q`: what a page's
    data depends on besides the snapshot and the path (the language only changes how it is
    shown, the filter only which clusters the selectors offer)."""
    return tuple((name, value) for name, value in request.args.items(multi=True)
                 if name not in ("lang", "q"))


def _panel(summary: ClusterSummary) -> tuple[IndicatorPanel, list[ClusterRef]]:
    """The cluster's indicator panel for the request's benchmark, year and indicators, and the
    clusters it may be compared with (computed once per snapshot and request parameters)."""
    return remembered(("panel", summary.cluster, _asked()),
                      lambda store: _new_panel(store, _stored(), summary))


def _new_panel(store: Store, stored: list[ClusterSummary],
               summary: ClusterSummary) -> tuple[IndicatorPanel, list[ClusterRef]]:
    """The cluster's indicator panel, computed from the store."""
    choices = comparable_clusters(store, stored, summary.cluster)
    benchmark = benchmark_param(choices, default_benchmark(choices), stored_ref(summary))
    scheme = indicator_scheme()
    panel = indicator_panel(store, stored_ref(summary), benchmark, indicators_param(scheme),
                            year_param(), scheme, stored=stored)
    return panel, choices


def _benchmark_view(*, by_default: bool) -> dict[str, Any]:
    """The benchmark page's data for the request (computed once per snapshot and request
    parameters; requests for the same at once share one computation)."""
    return remembered(("benchmark", by_default, _asked()),
                      lambda store: _new_benchmark_view(store, _stored(), by_default=by_default))


def _new_benchmark_view(store: Store, stored: list[ClusterSummary], *,
                        by_default: bool) -> dict[str, Any]:
    """The benchmark page's clusters, indicators, year, focus cluster and its comparisons.

    The page starts from the focus cluster with its declared benchmark and competitors, then
    the first stored clusters (`default_comparison`); the API asks for at least one `cluster`."""
    refs = [stored_ref(s) for s in stored]
    asked = compared_clusters_param(refs)
    if not asked and not by_default:
        raise BadRequest(ui("clusters.error.no_clusters"))
    focus = focus_param(refs) or (asked or refs)[0]
    declared = comparable_clusters(store, stored, focus.iri)
    chosen = asked or default_comparison(focus, declared, refs)
    scheme = indicator_scheme()
    indicators = indicators_param(scheme) or list(scheme.indicators)
    table = benchmark_table(store, chosen, indicators, year_param(), stored=stored)
    benchmark = benchmark_param(declared, None, focus)
    comparisons = comparisons_for(store, focus, benchmark, indicators, table.year)
    return {"refs": refs, "table": table, "chosen": chosen, "chosen_by_default": not asked,
            "indicators": indicators, "focus": focus, "benchmark": benchmark,
            "comparisons": comparisons, "comparable": declared}


def decimal_text(value: object) -> str:
    """A figure as written plainly (41.6, 72, 0.25; never 1E+2); a dash when there is none."""
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def _names(clusters: list[ClusterRef] | tuple[ClusterRef, ...],
           apart: dict[URIRef, str] | None = None) -> dict[URIRef, str]:
    """Each cluster's name in the request's language, with the end of its IRI where `apart`
    (checker/cluster_choices.py, told_apart) has one."""
    names = {c.iri: pick(c.labels) or str(c.iri) for c in clusters}
    return {iri: ui("cluster.form.told_apart", name=name, where=apart[iri])
            if apart and iri in apart else name for iri, name in names.items()}


def _indicators_listed(indicators: Sequence[Indicator]) -> str:
    """Indicators by code and name in the request's language, listed as its language lists."""
    return listed((f"{i.code} {pick(i.labels)}" for i in indicators), request_language())


def _report_url(key: str, number: int) -> str:
    """The report page of one revision (built by the evaluation blueprint)."""
    if "evaluation.revision_report" in current_app.view_functions:
        return url_for("evaluation.revision_report", key=key, number=number)
    return report_page(key, number)

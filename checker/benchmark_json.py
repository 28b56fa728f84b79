"""JSON documents of a cluster's history, its indicators and a benchmark (the web API's bodies).

Labels are given in both languages ({"zh": …, "en": …}); numbers are JSON numbers (decimal values
as floats, relative scores rounded to 0.1); a missing value is null. A scored indicator gives the
unit its values are compared in (`compared_unit`) and the clusters whose value is in a unit the
others do not share (`not_comparable`: no score; docs/model.md, decision 8). Every value names the
cluster whose submission states it (`sources`: the cluster's own, or another cluster's that reports
it as a benchmark's or a competitor's figure, 9.3.2 c) d)), and `stated_by` names, with their
labels, the clusters whose submissions state a value given for another cluster. A cluster rated
at a level of a rating scale (9.2.3) has a null value and its level under `levels`, with its rank
and scale and, for every cluster but the first, its place against the first cluster's level by rank
(`compared_with_first`: `steps`, null for a level of another scale, and the words in zh and en),
and `level_ranking` orders the clusters so rated scale by scale, best first by rank (docs/model.md,
decision 24).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from .benchmarking import Comparison, LeafScore, Radar
from rdflib import URIRef

from .cluster_dashboard import (BenchmarkTable, ClusterRef, IndicatorPanel, SeriesLine,
                                SourceNotes, stored_ref)
from .cluster_revisions import RequirementRef, RevisionEntry, history_rows
from .history import cluster_overview
from .indicator_scheme import Indicator
from .revisions import DeletedRevision
from .store.base import Store
from .timestamps import xsd_datetime
from .verdicts import rate_document

ReportUrl = Callable[[int], str]


def cluster_document(cluster: ClusterRef) -> dict[str, Any]:
    """A cluster's IRI, URL key and labels."""
    return {"iri": str(cluster.iri), "key": cluster.key, "labels": dict(cluster.labels),
            "stored": cluster.stored}


def report_page(key: str, number: int) -> str:
    """The path of a revision's report page in the web app, from its root: what a history
    document read without the app (`bcic history --format json`) links."""
    return f"/clusters/{key}/revisions/{number}"


def deleted_revisions_document(deleted: Sequence[DeletedRevision]) -> list[dict[str, Any]]:
    """Deleted revisions as their tombstones keep them: number, when, by whom and why (`reason`
    null for a deletion made before reasons were kept)."""
    return [{"number": d.number, "deleted": xsd_datetime(d.deleted), "deleted_by": d.by,
             "reason": d.reason} for d in deleted]


def history_document(cluster: ClusterRef, rows: Sequence[RevisionEntry | DeletedRevision],
                     report_url: ReportUrl | None = None) -> dict[str, Any]:
    """Every revision with its provenance and the requirements it closed and opened (9.4), and
    every deleted revision, when, by whom and why it was deleted (its number is never given
    again; `reason` null for a deletion made before reasons were kept);
    `rows` as `cluster_revisions.history_rows` gives them, `report_url` the link of each
    revision's report (by default its page's path, `report_page`): the document of
    `GET /api/clusters/{key}/history` and of `bcic history --format json`."""
    link = report_url or (lambda number: report_page(cluster.key, number))
    entries = [row for row in rows if isinstance(row, RevisionEntry)]
    deleted = [row for row in rows if isinstance(row, DeletedRevision)]
    return {"cluster": cluster_document(cluster),
            "deleted_revisions": deleted_revisions_document(deleted), "revisions": [{
        "number": e.info.number,
        "generated": xsd_datetime(e.info.generated),
        "conforms": e.info.conforms,
        **rate_document(e.info.rate),
        "rulebook_version": e.info.rulebook_version,
        "rulebook_digest": e.info.rulebook_digest,
        # The revision before was judged under this other rulebook (by version, or by digest
        # under the same version): what this one closed and opened may come from the rules, not
        # the submission (null: same rulebook, or the first).
        "rulebook_changed_from": e.rulebook_before,
        "rulebook_changed_from_digest": e.digest_before,
        "submitter": e.info.submitter,
        "files": [{"name": f.name, "sha256": f.sha256} for f in e.info.files],
        "closed": [_requirement(r) for r in e.closed],
        "opened": [_requirement(r) for r in e.opened],
        "report": link(e.info.number),
    } for e in entries]}


def stored_history_document(store: Store, cluster: URIRef) -> dict[str, Any]:
    """`history_document` of a stored cluster, read from `store`, its reports linked by their
    pages' paths."""
    summary = next(s for s in cluster_overview(store) if s.cluster == cluster)
    return history_document(stored_ref(summary), history_rows(store, cluster))


def indicators_document(panel: IndicatorPanel) -> dict[str, Any]:
    """Every indicator's actual and target values by year, and the group radar."""
    return {
        "cluster": cluster_document(panel.cluster),
        "indicators": [_series(line) for line in panel.all_series],
        "benchmark": cluster_document(panel.benchmark) if panel.benchmark else None,
        "peers": [{"iri": str(p.iri), "role": p.role, "labels": p.labels} for p in panel.peers],
        "radar": radar_document(panel.radar),
        "rated": [i.code for i in panel.rated],
        "stated_by": _stated_by(panel.all_notes),
    }


def radar_document(radar: Radar) -> dict[str, Any]:
    """The radar: per 9.1.4 group, each cluster's mean relative score and the leaves behind it."""
    return {"year": radar.year, "clusters": [str(c) for c in radar.clusters], "groups": [{
        "code": g.group.code, "labels": g.group.labels, "counted": g.counted,
        "scores": {str(c): _score(s) for c, s in g.scores.items()},
        "leaves": [_leaf(leaf) for leaf in g.leaves],
    } for g in radar.groups]}


def benchmark_document(table: BenchmarkTable,
                       comparisons: Sequence[Comparison] = (),
                       focus: ClusterRef | None = None) -> dict[str, Any]:
    """Clusters side by side on the chosen indicators, and the four 9.3.2 comparisons of one."""
    return {
        "year": table.year,
        "clusters": [cluster_document(c) for c in table.clusters],
        "indicators": [_leaf(leaf) for leaf in table.leaves],
        "stated_by": _stated_by(table.notes),
        "focus": cluster_document(focus) if focus else None,
        "comparisons": {c.key: {"query": c.query, "clause": c.clause,
                                "rows": [{k: _number(v) for k, v in row.items()} for row in c.rows]}
                        for c in comparisons},
    }


def _indicator(indicator: Indicator) -> dict[str, Any]:
    return {"code": indicator.code, "iri": str(indicator.iri), "labels": indicator.labels,
            "group": indicator.group}


def _series(line: SeriesLine) -> dict[str, Any]:
    return {**_indicator(line.indicator), "unit": line.unit,
            "actual": {str(y): float(v) for y, v in line.actual.items()},
            "target": {str(y): float(v) for y, v in line.target.items()},
            "sources": {"actual": {str(y): str(s) for y, s in line.actual_sources.items()},
                        "target": {str(y): str(s) for y, s in line.target_sources.items()}}}


def _leaf(leaf: LeafScore) -> dict[str, Any]:
    return {**_indicator(leaf.indicator),
            "compared_unit": leaf.unit,
            "values": {str(c): _number(v) for c, v in leaf.values.items()},
            "units": {str(c): u for c, u in leaf.units.items()},
            "scores": {str(c): _score(s) for c, s in leaf.scores.items()},
            "not_comparable": [str(c) for c in leaf.values if c in leaf.other_unit],
            "sources": {str(c): str(s) if s is not None else None
                        for c, s in leaf.sources.items()},
            "levels": {str(c): {"iri": str(r.level), "labels": r.labels, "rank": r.rank,
                                "scale": str(r.scale) if r.scale is not None else None,
                                "source": str(r.source),
                                "compared_with_first": leaf.level_comparison(c)}
                       for c, r in leaf.levels.items()},
            "level_ranking": [str(c) for c in leaf.level_ranking()]}


def _stated_by(notes: SourceNotes) -> list[dict[str, Any]]:
    """The clusters whose submissions state values given for another cluster, with labels."""
    return [cluster_document(c) for c in notes.clusters]


def _requirement(requirement: RequirementRef) -> dict[str, Any]:
    return {"id": requirement.id, "labels": requirement.labels}


def _score(score: float | None) -> float | None:
    return round(score, 1) if score is not None else None


def _number(value: object) -> object:
    return float(value) if isinstance(value, Decimal) else value

"""Chart.js configurations (plain JSON) for the cluster and benchmark pages, in the page's language.

The pages put each configuration in a `<script type="application/json">` block and
`static/charts.js` hands it to Chart.js: no inline script, as the Content-Security-Policy wants.
A value another cluster's submission states carries, in its dataset's `bcicNotes`, the note its
table gives it, which `charts.js` adds to the point's tooltip.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rdflib import URIRef

from checker.benchmarking import LeafScore, Radar
from checker.cluster_dashboard import SeriesLine, SourceNotes

from .i18n import pick, ui

# Colour-blind-safe hues (Okabe–Ito) for up to eight clusters or series.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000")


def radar_chart(radar: Radar, names: Mapping[URIRef, str]) -> dict[str, Any]:
    """A radar with one axis per 9.1.4 group and one dataset per cluster (scores 0–100)."""
    datasets = [_dataset(names[c], n, [_round(g.scores[c]) for g in radar.groups], fill=True)
                for n, c in enumerate(radar.clusters)]
    return {"type": "radar",
            "data": {"labels": [f"{g.group.code} {pick(g.group.labels)}" for g in radar.groups],
                     "datasets": datasets},
            "options": {"spanGaps": False, "scales": {"r": {"min": 0, "max": 100}},
                        "plugins": {"title": {"display": True,
                                              "text": ui("cluster.radar.axis")}}}}


def series_chart(series: Sequence[SeriesLine], years: Sequence[int], cluster: URIRef,
                 notes: SourceNotes) -> dict[str, Any]:
    """Lines by year: each indicator's actual values (solid) and targets (dashed) of the
    cluster, a value another cluster's submission states with its note."""
    datasets = []
    for n, line in enumerate(series):
        name = f"{line.indicator.code} {pick(line.indicator.labels)}"
        unit = f" ({line.unit})" if line.unit else ""
        actual = _dataset(name + unit, n, [_float(line.actual.get(y)) for y in years])
        datasets.append(_noted(actual, [_note(notes, line.actual_sources.get(y), cluster)
                                        for y in years]))
        if line.target:
            target = _dataset(f"{name} — {ui('cluster.series.target')}{unit}", n,
                              [_float(line.target.get(y)) for y in years])
            target["borderDash"] = [6, 4]
            datasets.append(_noted(target, [_note(notes, line.target_sources.get(y), cluster)
                                            for y in years]))
    return {"type": "line", "data": {"labels": [str(y) for y in years], "datasets": datasets},
            "options": {"spanGaps": True, "plugins": {"title": {
                "display": True, "text": ui("cluster.series.axis")}}}}


def bars_chart(leaves: Sequence[LeafScore], clusters: Sequence[URIRef],
               names: Mapping[URIRef, str], notes: SourceNotes) -> dict[str, Any]:
    """Grouped bars: per indicator, each cluster's score relative to the best of them in the unit
    compared, named under the bars; a value in another unit has none; a value another cluster's
    submission states has its note."""
    datasets = [_noted(_dataset(names[c], n, [_round(leaf.scores[c]) for leaf in leaves],
                                bars=True),
                       [_note(notes, leaf.sources[c], c) for leaf in leaves])
                for n, c in enumerate(clusters)]
    return {"type": "bar",
            "data": {"labels": [f"{leaf.indicator.code} {pick(leaf.indicator.labels)}"
                                + (f" ({leaf.unit})" if leaf.unit else "")
                                for leaf in leaves], "datasets": datasets},
            "options": {"scales": {"y": {"min": 0, "max": 100}}, "plugins": {"title": {
                "display": True, "text": ui("benchmark.chart.axis")}}}}


def _dataset(label: str, n: int, data: list[float | None], *, fill: bool = False,
             bars: bool = False) -> dict[str, Any]:
    colour = PALETTE[n % len(PALETTE)]
    return {"label": label, "data": data, "borderColor": colour,
            "backgroundColor": colour if bars else colour + ("33" if fill else "00"),
            "fill": fill}


def _note(notes: SourceNotes, source: URIRef | None, about: URIRef) -> str | None:
    """The note of a value of `about` stated by another cluster's submission, as its table
    words it (mark and number first); None for the cluster's own value or no value."""
    if source is None or source == about:
        return None
    number = notes.number(source)
    by = notes.clusters[number - 1]
    return (f"{ui('cluster.source.symbol')}{number} "
            f"{ui('cluster.source.note', cluster=pick(by.labels) or str(by.iri))}")


def _noted(dataset: dict[str, Any], notes: list[str | None]) -> dict[str, Any]:
    """The dataset with the notes of its points, when any has one."""
    if any(notes):
        dataset["bcicNotes"] = notes
    return dataset


def _round(score: float | None) -> float | None:
    return round(score, 1) if score is not None else None


def _float(value: object) -> float | None:
    return float(value) if value is not None else None  # type: ignore[arg-type]

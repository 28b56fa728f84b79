"""Every named query is standard SPARQL 1.1 that rdflib's own engine also runs (the benchmark's
third column, bench/knowledge_graph.py): on the three samples it gives as many rows as Oxigraph,
and the same rows where rdflib reads the query as Oxigraph does. rdflib cannot order an unbound
value against a bound one in an ORDER BY expression (`TypeError`), which the tie-break keys of
the comparisons once made it do."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset
from rdflib.term import Node

from bench.knowledge_graph import rdflib_copy
from checker.queries import bind, get_query, list_queries
from checker.loading.rdfterms import from_oxigraph

DEHUA = "https://example.org/cluster/dehua/cluster"
DATANG = "https://example.org/cluster/datang/cluster"
VALUES = {"indicators-vs-targets": {"cluster": DEHUA}, "indicators-vs-history": {"cluster": DEHUA},
          "indicators-vs-benchmark": {"cluster": DEHUA, "benchmark": DATANG},
          "indicators-vs-competitors": {"cluster": DEHUA}, "indicator-trends": {}}


@pytest.fixture(scope="module")
def copies(sample_store: Path) -> tuple[pyoxigraph.Store, Dataset]:
    """The samples' store, read only, and its rdflib copy."""
    raw = pyoxigraph.Store.read_only(str(sample_store))
    return raw, rdflib_copy(raw)[0]


def _rows(solutions: object, names: list[str]) -> list[tuple[Node | None, ...]]:
    return [tuple(row[name] for name in names) for row in solutions]  # type: ignore[attr-defined]


# rdflib leaves the clusters' names of indicator-trends unbound (their OPTIONAL over the summary
# graph); the other columns agree.
READ_OTHERWISE = {"indicator-trends": {"clusterLabelZh", "clusterLabelEn"}}


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_rdflib_gives_oxigraphs_rows_in_its_order(
        name: str, copies: tuple[pyoxigraph.Store, Dataset]) -> None:
    raw, dataset = copies
    text = bind(get_query(name), VALUES.get(name, {}))
    solutions = raw.query(text, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables
             if v.value not in READ_OTHERWISE.get(name, set())]
    expected = [tuple(None if value is None else from_oxigraph(value) for value in row)
                for row in _rows(solutions, names)]
    assert expected or name == "indicators-vs-competitors"  # no sample's competitor submitted
    assert _rows(dataset.query(text), names) == expected

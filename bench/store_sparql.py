"""Remote store speed: revisions written to and read from a real Virtuoso, and query latency.

Starts its own Virtuoso (tests/virtuoso.py, the tests' settings: 10,000-row result cap) on
loopback ports. Run with `.venv/bin/python -m bench.store_sparql` from the repository root
after `make system-packages`.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from rdflib import Graph, URIRef

from checker.paths import EXAMPLES_DIR, PROJECT_ROOT
from checker.render.turtle import report_graph
from checker.rulebook import load_rulebook
from checker.store.base import (
    RevisionInfo,
    RevisionRecord,
    SourceFile,
    report_graph_iri,
    submission_graph_iri,
)
from checker.store.provenance import provenance_graph
from checker.store.sparql_store import SparqlStore, _insert_data
from checker.synthetic import generate_cluster
from checker.validation import validate_graph
from tests.virtuoso import VirtuosoServer

from .environment import describe

RESULTS = PROJECT_ROOT / "bench" / "results" / "store_sparql.md"
LATENCY_RUNS = 50


def revisions(data: Graph, count: int) -> list[RevisionRecord]:
    """Revisions 1..count of the data as ingest writes them: data, real report, provenance."""
    report = validate_graph(data)
    assert report.cluster is not None
    cluster, found = URIRef(report.cluster), []
    for number in range(1, count + 1):
        info = RevisionInfo(cluster, number, submission_graph_iri(cluster, number),
                            report_graph_iri(cluster, number), report.conforms,
                            report.overall, report.rulebook_version, report.created,
                            "bench", (SourceFile("bench.ttl", "0" * 64),))
        found.append(RevisionRecord(cluster, number, data, report_graph(report),
                                    provenance_graph(info, number - 1 if number > 1 else None)))
    return found


def seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def write_case(store: SparqlStore, name: str, data: Graph, repeat: int) -> str:
    """One table row: sizes, client-side text time, whole write time, read time (medians)."""
    records = revisions(data, repeat)
    first = records[0]
    graphs = ((first.submission_graph, first.submission), (first.report_graph, first.report))
    text = "".join(_insert_data(graphs))
    build = statistics.median(seconds(lambda: _insert_data(graphs)) for _ in range(repeat))
    write = statistics.median(seconds(lambda r=r: store.add_revision(r)) for r in records)
    read = statistics.median(seconds(lambda r=r: store.named_graph(r.submission_graph))
                             for r in records)
    triples = len(first.submission) + len(first.report) + len(first.provenance)
    return (f"| {name} | {triples:,} | {len(text.encode()) / 1e6:.2f} | {build:.2f} | "
            f"{write:.2f} | {read:.2f} |")


def latency(run: Callable[[], object]) -> float:
    """Median milliseconds of LATENCY_RUNS calls (one unmeasured call first)."""
    run()
    return statistics.median(seconds(run) for _ in range(LATENCY_RUNS)) * 1000


def main() -> None:
    """Start a Virtuoso, measure, print and write the tables."""
    load_rulebook()
    with tempfile.TemporaryDirectory() as directory, VirtuosoServer(Path(directory)) as server:
        store = SparqlStore(server.endpoint, server.endpoint)
        started = seconds(lambda: store.ask("ASK {}"))
        lines = ["# Remote store benchmark (Virtuoso)", "",
                 f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC with "
                 f"`python -m bench.store_sparql`.", "", *describe(),
                 f"- server: {(store._client.server or '?').strip()}, tests/virtuoso.py settings "
                 f"(ResultSetMaxRows {server.max_rows:,}, NumberOfBuffers {server.buffers:,})",
                 "", "Write = `add_revision` (ASK, building the text, one INSERT DATA); read = "
                 "`named_graph` of the submission (a count, then pages of 10,000 triples).", "",
                 "| revision | triples | update MB | build text (s) | write (s) | read (s) |",
                 "| --- | ---: | ---: | ---: | ---: | ---: |"]
        sample = Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl")
        for name, data, repeat in (
                ("typical (dehua-ceramics.ttl)", sample, 5),
                ("10,000 members, 5 years", generate_cluster(10_000, 5, gaps=0.1), 3)):
            lines.append(write_case(store, name, data, repeat))
            print(lines[-1], flush=True)
        cluster = "https://w3id.org/bcic/ontology#IndustrialCluster"
        query = f"SELECT ?c WHERE {{ ?c a <{cluster}> }} LIMIT 10"
        lines += ["", f"Latency, median of {LATENCY_RUNS} calls (first ASK after start: "
                  f"{started * 1000:.0f} ms):", "", "| call | ms |", "| --- | ---: |",
                  f"| `select` (guard parses the query, then HTTP) | {latency(lambda: store.select(query)):.1f} |",  # noqa: E501
                  f"| the same SELECT without the guard | {latency(lambda: store._select(query)):.1f} |",  # noqa: E501
                  f"| `ask(\"ASK {{}}\")` | {latency(lambda: store.ask('ASK {}')):.1f} |",
                  f"| `revisions()` of all clusters | {latency(store.revisions):.1f} |"]
    print("\n".join(lines[-6:]))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {RESULTS.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()

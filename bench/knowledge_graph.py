"""Knowledge-graph benchmark: ingest throughput, and named-query latency on three engines.

One directory Oxigraph store grows from 0 to 1,000 generated clusters, ingested once and in order
with the real `ingest_files` (read, validate, store). Each file is also validated alone
(`validate_files`) just before or after its ingest (alternately, so neither always runs on a warm
cache), which gives ingest time ÷ validation time on the very same files.

The clusters are `generate_cluster(members=10, years=5, seed=i, cluster_id=f"c{i}")`, every odd one
with gaps=0.1, each declaring the next cluster its benchmark and the one after its competitor, as
in bench/named_queries.py. After 10, 100 and 1,000 clusters every named query is timed, with the
parameters of bench/named_queries.py (cluster c0, `indicator-trends` for `code=b.1.1`):
(a) the bound text on the store's own pyoxigraph.Store (`use_default_graph_as_union=True`, every
    solution read), medians of warm runs;
(b) the same named query through `/api/queries/<name>` of the web app (`create_app`) served by a
    real waitress server on 127.0.0.1, in a thread of this process, answering from the store's
    snapshot (refreshed after each step) in its query worker processes;
(c) rdflib's SPARQL engine on an in-memory rdflib Dataset (default_union=True) holding the same
    quads, copied from the store (copy time reported, not counted), stopped after 30 s.
Run with `python -m bench.knowledge_graph` (about 25 minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import gc
import json
import signal
import statistics
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path
from types import FrameType

import pyoxigraph
import waitress
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Identifier

from checker.ingest import ingest_files, publish_for_queries
from checker.loading.rdfterms import from_oxigraph
from checker.namespaces import BCIC
from checker.paths import PROJECT_ROOT
from checker.queries import bind, get_query, list_queries
from checker.query_runner import snapshot_dir_for
from checker.store import open_store
from checker.store.guard import inspect_query
from checker.store.oxigraph_store import OxigraphStore
from checker.synthetic import generate_cluster, to_turtle
from checker.validation import validate_files
from web import create_app, query_service

from .environment import describe
from .named_queries import REPEAT, Params, _cluster, median_ms

RESULTS = PROJECT_ROOT / "bench" / "results" / "knowledge_graph.md"
CHECKPOINTS = (10, 100, 1_000)
RDFLIB_TIMEOUT = 30.0  # seconds one rdflib run may take before it is stopped
RDFLIB_BUDGET = 45.0  # seconds of warm rdflib runs per query and size, at least one run
TARGET_ENDPOINT_RATIO = 1.5
TARGET_MS = 100.0


def cluster_graph(i: int, total: int) -> Graph:
    """Cluster c{i}: odd ones with gaps, the next two clusters declared as its peers."""
    graph = generate_cluster(members=10, years=5, seed=i, gaps=0.1 if i % 2 else 0.0,
                             cluster_id=f"c{i}")
    graph.add((_cluster(i), BCIC.benchmarkCluster, _cluster((i + 1) % total)))
    graph.add((_cluster(i), BCIC.competitorCluster, _cluster((i + 2) % total)))
    return graph


def query_params() -> Params:
    """The parameters bench/named_queries.py gives its synthetic store."""
    c0 = str(_cluster(0))
    return {"indicators-vs-targets": {"cluster": c0}, "indicators-vs-history": {"cluster": c0},
            "indicators-vs-benchmark": {"cluster": c0},
            "indicators-vs-competitors": {"cluster": c0}, "indicator-trends": {"code": "b.1.1"}}


# --- ingest ---------------------------------------------------------------------------------

@dataclass
class IngestStep:
    """Ingest and validation figures of the clusters added in one step."""

    first: int
    last: int
    triples: int = 0  # triples of the submission files
    ingest: float = 0.0
    validation: float = 0.0
    quads_before: int = 0
    quads_after: int = 0
    snapshot: float = 0.0  # seconds of publish_for_queries after the step
    ingest_times: list[float] = field(default_factory=list)

    @property
    def clusters(self) -> int:
        return self.last - self.first


def ingest_step(store: OxigraphStore, folder: Path, first: int, last: int,
                total: int) -> IngestStep:
    """Generate (untimed), validate alone and ingest clusters first..last-1."""
    raw = _raw(store)
    step = IngestStep(first, last, quads_before=len(raw))
    for i in range(first, last):
        graph = cluster_graph(i, total)
        path = folder / f"c{i}.ttl"
        path.write_text(to_turtle(graph), encoding="utf-8")
        step.triples += len(graph)
        timed: list[tuple[str, Callable[[], object]]] = [
            ("validation", lambda: validate_files([path])),
            ("ingest", lambda: ingest_files(store, [path]))]
        for what, run in timed if i % 2 == 0 else reversed(timed):
            start = time.perf_counter()
            run()
            seconds = time.perf_counter() - start
            if what == "ingest":
                step.ingest += seconds
                step.ingest_times.append(seconds)
            else:
                step.validation += seconds
    step.quads_after = len(raw)
    start = time.perf_counter()
    publish_for_queries(store)
    step.snapshot = time.perf_counter() - start
    return step


def ingest_rows(steps: list[IngestStep]) -> list[str]:
    lines = ["| clusters | submission triples | quads stored | ingest s | clusters/s | "
             "triples/s | quads/s | median s per cluster | validation alone s | "
             "ingest ÷ validation |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]

    def row(name: str, clusters: int, triples: int, quads: int, ingest: float,
            validation: float, times: list[float]) -> str:
        return (f"| {name} | {triples:,} | {quads:,} | {ingest:.1f} | {clusters / ingest:.2f} | "
                f"{triples / ingest:,.0f} | {quads / ingest:,.0f} | {statistics.median(times):.3f} "
                f"| {validation:.1f} | {ingest / validation:.2f}× |")

    for s in steps:
        lines.append(row(f"{s.first + 1:,}–{s.last:,}", s.clusters, s.triples,
                         s.quads_after - s.quads_before, s.ingest, s.validation, s.ingest_times))
    lines.append(row(f"**all {steps[-1].last:,}**", steps[-1].last, sum(s.triples for s in steps),
                     steps[-1].quads_after - steps[0].quads_before, sum(s.ingest for s in steps),
                     sum(s.validation for s in steps),
                     [t for s in steps for t in s.ingest_times]))
    return lines


# --- the three ways to run a query ----------------------------------------------------------

def _raw(store: OxigraphStore) -> pyoxigraph.Store:
    """The pyoxigraph.Store inside the OxigraphStore (no public accessor: a benchmark's liberty)."""
    raw = store._store
    assert raw is not None
    return raw


def oxigraph_run(store: OxigraphStore, text: str) -> Callable[[], int]:
    raw = _raw(store)

    def run() -> int:
        solutions = raw.query(text, use_default_graph_as_union=True)
        assert isinstance(solutions, pyoxigraph.QuerySolutions)
        return sum(1 for _ in solutions)
    return run


class EndpointError(Exception):
    """The endpoint answered with an error status."""


def endpoint_run(base: str, name: str, values: dict[str, str]) -> Callable[[], int]:
    url = f"{base}/api/queries/{name}"
    if values:
        url += "?" + urllib.parse.urlencode(values)

    def run() -> int:
        try:
            with urllib.request.urlopen(url, timeout=120) as answer:
                document = json.load(answer)
        except urllib.error.HTTPError as error:
            raise EndpointError(f"HTTP {error.code}: {error.read()[:200]!r}") from None
        if document.get("truncated"):
            raise EndpointError("truncated by the row limit")
        return len(document["rows"])
    return run


class _Stopped(BaseException):
    """Raised by the alarm inside a slow rdflib run (BaseException: no `except Exception` in
    rdflib's evaluator swallows it)."""


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _Stopped


def rdflib_once(dataset: Dataset, text: str) -> tuple[float, int] | None:
    """Seconds and rows of one rdflib run, or None when it ran past RDFLIB_TIMEOUT.

    rdflib evaluates in pure Python, so a SIGALRM handler (main thread) interrupts it.
    """
    previous = signal.signal(signal.SIGALRM, _alarm)
    start = time.perf_counter()
    try:
        signal.setitimer(signal.ITIMER_REAL, RDFLIB_TIMEOUT)
        rows = sum(1 for _ in dataset.query(text))
    except _Stopped:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    seconds = time.perf_counter() - start
    return (seconds, rows) if seconds <= RDFLIB_TIMEOUT else None


def rdflib_median(dataset: Dataset, text: str) -> tuple[float | None, int, int | None]:
    """(median ms of warm runs or None if stopped, warm runs made, rows)."""
    first = rdflib_once(dataset, text)
    if first is None:
        return None, 0, None
    runs = max(1, min(REPEAT, int(RDFLIB_BUDGET / max(first[0], 1e-6))))
    times = []
    for _ in range(runs):
        once = rdflib_once(dataset, text)
        if once is None:
            return None, len(times), first[1]
        times.append(once[0])
    return statistics.median(times) * 1000, runs, first[1]


def rdflib_copy(store: OxigraphStore) -> tuple[Dataset, float, int]:
    """An rdflib Dataset (union default graph) with every quad of the store, the copy's seconds."""
    start = time.perf_counter()
    gc.disable()  # millions of new objects: no collections while they are made
    dataset = Dataset(default_union=True)
    memo: dict[object, Identifier] = {}
    contexts: dict[str, Graph] = {}

    def term(node: object) -> Identifier:
        found = memo.get(node)
        if found is None:
            found = memo[node] = from_oxigraph(node)
        return found

    def quads() -> Iterator[tuple[Identifier, Identifier, Identifier, Graph]]:
        for quad in _raw(store).quads_for_pattern(None, None, None, None):
            graph_name = quad.graph_name
            assert isinstance(graph_name, pyoxigraph.NamedNode)  # every quad is in a named graph
            context = contexts.get(graph_name.value)
            if context is None:
                context = contexts[graph_name.value] = dataset.graph(URIRef(graph_name.value))
            yield term(quad.subject), term(quad.predicate), term(quad.object), context

    dataset.addN(quads())
    count = len(memo)
    del memo
    gc.enable()
    gc.freeze()  # the loaded data is never garbage: keep it out of every later collection
    return dataset, time.perf_counter() - start, count


# --- the endpoint ---------------------------------------------------------------------------

class Endpoint:
    """The web app under waitress on a free loopback port, in a daemon thread."""

    def __init__(self, store_dir: Path) -> None:
        self.app = create_app({"BCIC_STORE": str(store_dir),
                               "BCIC_SNAPSHOT": str(snapshot_dir_for(store_dir)),
                               "BCIC_SPARQL_TIMEOUT": 60.0})
        self.server = waitress.create_server(self.app, host="127.0.0.1", port=0, threads=4)
        self.base = f"http://127.0.0.1:{self.server.effective_port}"  # type: ignore[union-attr]
        self.thread = threading.Thread(target=self.server.run, name="waitress", daemon=True)
        self.thread.start()

    def close(self) -> None:
        query_service(self.app).close()
        self.server.close()
        self.server.task_dispatcher.shutdown()


# --- one checkpoint -------------------------------------------------------------------------

@dataclass
class QueryFigures:
    name: str
    rows: int
    oxigraph_ms: float
    endpoint_ms: float | None
    endpoint_rows: int | None
    endpoint_error: str | None
    rdflib_ms: float | None
    rdflib_runs: int
    rdflib_rows: int | None


def measure(store: OxigraphStore, endpoint: Endpoint, dataset: Dataset,
            params: Params) -> list[QueryFigures]:
    figures = []
    for query in list_queries():
        values = dict(params.get(query.name, {}))
        text = bind(query, values)
        oxigraph_ms, rows = median_ms(oxigraph_run(store, text))
        assert isinstance(rows, int)
        endpoint_ms = endpoint_rows = error = None
        try:
            endpoint_ms, answer = median_ms(endpoint_run(endpoint.base, query.name, values))
            assert isinstance(answer, int)
            endpoint_rows = answer
        except EndpointError as failure:
            error = str(failure)
        rdflib_ms, runs, rdflib_rows = rdflib_median(dataset, text)
        figures.append(QueryFigures(query.name, rows, oxigraph_ms, endpoint_ms, endpoint_rows,
                                    error, rdflib_ms, runs, rdflib_rows))
        print(f"  {figures[-1]}", flush=True)
    return figures


def query_rows(figures: list[QueryFigures]) -> list[str]:
    lines = ["| query | rows | (a) pyoxigraph ms | (b) endpoint ms | b ÷ a | (c) rdflib ms | "
             "c ÷ a | same rows |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for f in figures:
        endpoint = f"error: {f.endpoint_error}" if f.endpoint_ms is None else f"{f.endpoint_ms:.1f}"
        ratio = "—" if f.endpoint_ms is None else f"{f.endpoint_ms / f.oxigraph_ms:.1f}×"
        if f.rdflib_ms is None:
            rdflib, rdflib_ratio = f"> {RDFLIB_TIMEOUT:.0f} s", "—"
        else:
            rdflib = f"{f.rdflib_ms:,.1f}" + ("" if f.rdflib_runs == REPEAT
                                              else f" ({f.rdflib_runs} run{'s' * (f.rdflib_runs > 1)})")
            rdflib_ratio = f"{f.rdflib_ms / f.oxigraph_ms:,.0f}×"
        differ = [f"endpoint {f.endpoint_rows}" for _ in [0] if f.endpoint_rows is not None
                  and f.endpoint_rows != f.rows]
        differ += [f"rdflib {f.rdflib_rows}" for _ in [0] if f.rdflib_rows is not None
                   and f.rdflib_rows != f.rows]
        lines.append(f"| `{f.name}` | {f.rows:,} | {f.oxigraph_ms:.1f} | {endpoint} | {ratio} | "
                     f"{rdflib} | {rdflib_ratio} | {'NO: ' + ', '.join(differ) if differ else 'yes'} |")
    return lines


@dataclass
class Checkpoint:
    clusters: int
    quads: int
    rdflib_copy: float
    rdflib_terms: int
    figures: list[QueryFigures]


# --- the report -----------------------------------------------------------------------------

def verdict(steps: list[IngestStep], checkpoints: list[Checkpoint]) -> list[str]:
    """The "against the targets" paragraph, from the figures."""
    ingest = sum(s.ingest for s in steps)
    validation = sum(s.validation for s in steps)
    ratio = ingest / validation
    lines = ["## Against the targets", ""]
    lines.append(
        f"- **Ingest no slower than validation: {'met' if ratio <= 1.0 else 'not met'}.** "
        f"Ingesting {steps[-1].last:,} clusters took {ratio:.2f}× the time of validating the same "
        f"files ({ingest:.0f} s against {validation:.0f} s; "
        f"{steps[-1].last / ingest:.2f} clusters/s, "
        f"{sum(s.triples for s in steps) / ingest:,.0f} submission triples/s). Per step: "
        + ", ".join(f"{s.first + 1:,}–{s.last:,}: {s.ingest / s.validation:.2f}×" for s in steps)
        + f"; the part that is not validation is {(ingest - validation) / steps[-1].last:.3f} s "
          "a cluster (report graph, provenance, revision lookup, the store write).")
    last = checkpoints[-1]
    slow = [f for f in last.figures if f.oxigraph_ms >= TARGET_MS]
    worst = max(last.figures, key=lambda f: f.oxigraph_ms)
    lines.append(
        f"- **Named queries under {TARGET_MS:.0f} ms median at {last.clusters:,} clusters on the "
        f"embedded store: {'met' if not slow else 'not met'}.** "
        + (f"Slowest: `{worst.name}` at {worst.oxigraph_ms:.1f} ms."
           if not slow else "Over the target: " + ", ".join(
               f"`{f.name}` {f.oxigraph_ms:,.1f} ms" for f in slow) + ".")
        + " Through the endpoint: " + _endpoint_under(last) + ".")
    for checkpoint in checkpoints:
        over = [f for f in checkpoint.figures if f.endpoint_ms is None
                or f.endpoint_ms / f.oxigraph_ms >= TARGET_ENDPOINT_RATIO]
        ratios = [f.endpoint_ms / f.oxigraph_ms for f in checkpoint.figures
                  if f.endpoint_ms is not None]
        extra = [f.endpoint_ms - f.oxigraph_ms for f in checkpoint.figures
                 if f.endpoint_ms is not None]
        lines.append(
            f"- **Endpoint overhead under {TARGET_ENDPOINT_RATIO}× at {checkpoint.clusters:,} "
            f"clusters: {'met' if not over else 'not met'}** "
            f"({len(checkpoint.figures) - len(over)} of {len(checkpoint.figures)} queries under "
            f"it; ratios {min(ratios):.1f}× to {max(ratios):.1f}×, median "
            f"{statistics.median(ratios):.1f}×; the endpoint adds {min(extra):.1f} to "
            f"{max(extra):.1f} ms, median {statistics.median(extra):.1f} ms).")
    stopped = [f.name for f in last.figures if f.rdflib_ms is None]
    rdflib_ratios = [f.rdflib_ms / f.oxigraph_ms for f in last.figures if f.rdflib_ms is not None]
    lines.append(
        f"- rdflib (no target, for comparison) at {last.clusters:,} clusters: "
        + (f"{len(stopped)} of {len(last.figures)} queries stopped after {RDFLIB_TIMEOUT:.0f} s "
           f"({', '.join(f'`{n}`' for n in stopped)}); " if stopped else "")
        + (f"the others {min(rdflib_ratios):,.0f}× to {max(rdflib_ratios):,.0f}× slower than "
           "pyoxigraph." if rdflib_ratios else "none finished."))
    return lines


def _endpoint_under(checkpoint: Checkpoint) -> str:
    under = [f for f in checkpoint.figures if f.endpoint_ms is not None
             and f.endpoint_ms < TARGET_MS]
    slowest = max((f for f in checkpoint.figures if f.endpoint_ms is not None),
                  key=lambda f: f.endpoint_ms or 0.0)
    return (f"{len(under)} of {len(checkpoint.figures)} under {TARGET_MS:.0f} ms, slowest "
            f"`{slowest.name}` at {slowest.endpoint_ms:.1f} ms")


def guard_parse_rows(params: Params) -> list[str]:
    """What the query guard's rdflib parse costs when its cache does not have the text."""
    lines = ["| query | guard parse ms (uncached) |", "| --- | ---: |"]
    for query in list_queries():
        text = bind(query, params.get(query.name, {}))
        ms, _ = median_ms(lambda: inspect_query.__wrapped__(text))
        lines.append(f"| `{query.name}` | {ms:.1f} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoints", type=lambda s: tuple(int(x) for x in s.split(",")),
                        default=CHECKPOINTS, help="comma-separated store sizes (a trial run)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    checkpoints: tuple[int, ...] = args.checkpoints
    total = checkpoints[-1]
    params = query_params()
    for name in params:
        get_query(name)  # a renamed query fails here, not after the ingest
    started = time.perf_counter()
    steps: list[IngestStep] = []
    results: list[Checkpoint] = []
    with tempfile.TemporaryDirectory(prefix="bcic-bench-kg-") as folder:
        root = Path(folder)
        (root / "files").mkdir()
        store_dir = root / "store"
        store = open_store("oxigraph", path=store_dir)
        assert isinstance(store, OxigraphStore)
        endpoint: Endpoint | None = None
        try:
            done = 0
            for size in checkpoints:
                print(f"ingesting clusters {done + 1}–{size}", flush=True)
                steps.append(ingest_step(store, root / "files", done, size, total))
                done = size
                print(f"  {steps[-1].ingest:.1f} s ingest, {steps[-1].validation:.1f} s "
                      f"validation, {steps[-1].quads_after:,} quads", flush=True)
                if endpoint is None:
                    endpoint = Endpoint(store_dir)
                dataset, copy_seconds, terms = rdflib_copy(store)
                print(f"  rdflib copy {copy_seconds:.0f} s", flush=True)
                results.append(Checkpoint(size, steps[-1].quads_after, copy_seconds, terms,
                                          measure(store, endpoint, dataset, params)))
                gc.unfreeze()
                del dataset
                gc.collect()
        finally:
            if endpoint is not None:
                endpoint.close()
            store.close()
    elapsed = time.perf_counter() - started

    lines = ["# Knowledge-graph benchmark", "",
             f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC with "
             f"`python -m bench.knowledge_graph` ({elapsed / 60:.0f} min in all).", "",
             *describe(), f"- Flask {version('flask')}, waitress {version('waitress')}", "",
             "Clusters: `generate_cluster(members=10, years=5, seed=i, cluster_id=f\"c{i}\")`, "
             "every odd one with gaps=0.1, each declaring cluster i+1 its benchmark and i+2 its "
             f"competitor (modulo {total:,}), written to Turtle files and ingested in order into "
             "one directory Oxigraph store.", "",
             "## Ingest throughput", "",
             "Real `ingest_files` (read, parse, validate, report graph, provenance, revision "
             "number, one `Store.extend`) per file, beside `validate_files` (read, parse, "
             "validate) on the same file, run alternately first and second. Generating the "
             "files is not timed; neither is the snapshot refresh for the endpoint "
             "(`publish_for_queries`, after each step: "
             + ", ".join(f"{s.snapshot:.2f} s" for s in steps) + "). Triples are those of the "
             "submission files; quads are what the store gained (submission, report, "
             "provenance; the rule graphs with the first cluster).", "",
             *ingest_rows(steps), ""]
    params_text = "; ".join(f"`{name}` {', '.join(f'{k}={v}' for k, v in values.items())}"
                            for name, values in params.items())
    lines += ["## Named-query latency", "",
              f"Medians of {REPEAT} warm runs (one unmeasured run first), parameters: "
              f"{params_text}; the other queries have none.", "",
              "- (a) pyoxigraph: `bind(query, values)` run with the store's own "
              "`pyoxigraph.Store.query(text, use_default_graph_as_union=True)` on the live "
              "directory store, every solution read; no guard.",
              "- (b) endpoint: `GET /api/queries/<name>?…` with urllib (a new connection each "
              "time) to the web app (`create_app`) under a real waitress server (4 threads) on "
              "127.0.0.1 in a thread of the benchmark process. It binds, passes the query guard "
              "(its rdflib parse is cached by text, so warm runs skip it; the uncached cost is "
              "below), runs the query in one of the app's 2 query worker processes on the "
              "snapshot, serialises SPARQL JSON, and the app turns it into its JSON document.",
              f"- (c) rdflib: `Dataset(default_union=True).query(text)` on the same quads in "
              f"memory, every row read. Medians of {REPEAT} warm runs, fewer (as many as fit "
              f"in {RDFLIB_BUDGET:.0f} s, at least one; the number in brackets) for slow "
              f"queries; a run is stopped after {RDFLIB_TIMEOUT:.0f} s (SIGALRM) and written "
              f"\"> {RDFLIB_TIMEOUT:.0f} s\". The copy from the store is not timed in the "
              "queries; garbage collection is frozen after it.", ""]
    for checkpoint in results:
        lines += [f"### {checkpoint.clusters:,} clusters ({checkpoint.quads:,} quads; rdflib copy "
                  f"{checkpoint.rdflib_copy:.0f} s, {checkpoint.rdflib_terms:,} distinct terms)",
                  "", *query_rows(checkpoint.figures), ""]
    lines += ["### The guard's parse, when its cache misses", "",
              "Every query the endpoint (and `Store.select`) runs is first parsed by rdflib "
              "(`checker.store.guard.inspect_query`, cached by text). A partner's first call with "
              "new parameter values pays this on top of (b):", "",
              *guard_parse_rows(params), ""]
    lines += verdict(steps, results)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"written to {args.output}")


if __name__ == "__main__":
    main()

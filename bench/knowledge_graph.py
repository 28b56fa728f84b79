"""Knowledge-graph benchmark: ingest throughput, and named-query latency on three engines.

One directory Oxigraph store grows from 0 to 1,000 generated clusters, ingested once and in order
with the real `ingest_files` (read, validate, store); the Turtle files are generated beforehand,
untimed. Each file is also validated alone (`validate_files`) just before or just after its ingest
(alternately), which gives ingest time ÷ validation time on the very same files.

The clusters are `generate_cluster(members=10, years=5, seed=i, cluster_id=f"c{i}")`, every odd one
with gaps=0.1, each declaring the next cluster its benchmark and the one after its competitor, as
in bench/named_queries.py. After 10, 100 and 1,000 clusters every named query is timed, with the
parameters of bench/named_queries.py (cluster c0, `indicator-trends` for `code=b.1.1`):
(a) the bound text on the store's own pyoxigraph.Store (`use_default_graph_as_union=True`, every
    solution read);
(b) the named query through `/api/queries/<name>` of the web app (`create_app`) under a real
    waitress server on 127.0.0.1, in a thread of this process, which answers from the store's
    snapshot (refreshed after each step) in its query worker processes, with the answers it
    keeps for later pages turned off so that each request runs its query: with a new connection
    per request, and (b') over one kept-alive connection, as a client with a connection pool;
(c) rdflib's SPARQL engine on an in-memory rdflib Dataset (default_union=True) holding the same
    quads, copied from the snapshot (copy not timed) in a spawned process of its own after (a)
    and (b) are timed, so that the copy's millions of objects never share a heap with them; a
    run stopped after 10 s and not tried again at a larger size (nor is the copy made once every
    query has been stopped).
Run with `python -m bench.knowledge_graph` (about 20 minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import gc
import http.client
import json
import multiprocessing
import os
import resource
import signal
import statistics
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path
from types import FrameType

import pyoxigraph
import waitress
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Identifier

from checker.answer_cache import AnswerCache
from checker.ingest import ingest_files, publish_for_queries
from checker.loading.rdfterms import from_oxigraph
from checker.namespaces import BCIC
from checker.paths import PROJECT_ROOT
from checker.queries import bind, get_query, list_queries
from checker.shacl import default_processes
from checker.query_runner import current_snapshot, snapshot_dir_for
from checker.store import RevisionRecord, open_store
from checker.store.base import MakeRecord
from checker.store.guard import inspect_query
from checker.store.oxigraph_store import OxigraphStore
from checker.synthetic import generate_cluster, to_turtle
from checker.validation import validate_files
from web import ANSWERS_EXTENSION, create_app, query_service

from .answer_pages import PageFigures, page_figures, page_rows
from .environment import describe
from .named_queries import REPEAT, Params, _cluster, median_ms
from .timing import OTHERS_SHARE, SAMPLE_SECONDS, alternating

RESULTS = PROJECT_ROOT / "bench" / "results" / "knowledge_graph.md"
CHECKPOINTS = (10, 100, 1_000)
RDFLIB_TIMEOUT = 10.0  # seconds one rdflib run may take before it is stopped
RDFLIB_ALONE = 2.0  # a first rdflib run this slow is the figure (1 run): rdflib keeps no warm state
RDFLIB_BUDGET = 15.0  # otherwise warm runs, as many as fit in this (at most REPEAT, at least 1)
SLOW_RUN = 0.5  # seconds: a first pyoxigraph or endpoint run this slow is followed by SLOW_REPEAT
SLOW_REPEAT = 3  # samples instead of REPEAT, to keep the whole benchmark near 20 minutes
SAMPLING_BUDGET = 60.0  # seconds for the samples of one query's four ways (then disturbed count)
TARGET_ENDPOINT_RATIO = 1.5
TARGET_MS = 100.0
def cluster_graph(i: int, total: int) -> Graph:
    """Cluster c{i}: odd ones with gaps, the next two clusters declared as its peers."""
    graph = generate_cluster(members=10, years=5, seed=i, gaps=0.1 if i % 2 else 0.0,
                             cluster_id=f"c{i}")
    graph.add((_cluster(i), BCIC.benchmarkCluster, _cluster((i + 1) % total)))
    graph.add((_cluster(i), BCIC.competitorCluster, _cluster((i + 2) % total)))
    return graph


def write_cluster_file(folder: Path, i: int, total: int) -> int:
    """Write c{i}.ttl into the folder; its number of triples."""
    graph = cluster_graph(i, total)
    (folder / f"c{i}.ttl").write_text(to_turtle(graph), encoding="utf-8")
    return len(graph)


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
    write: float = 0.0  # of `ingest`, the seconds spent in Store.add_revision (the store write)
    ingest_times: list[float] = field(default_factory=list)
    # CPU seconds (user + system) of this process, its threads and its reaped children
    ingest_cpu: float = 0.0
    validation_cpu: float = 0.0
    write_cpu: float = 0.0

    @property
    def clusters(self) -> int:
        return self.last - self.first


def cpu_seconds() -> float:
    """CPU time so far of this process (all its threads, RocksDB's among them) and of its
    children that have ended and been waited for (the validation's forked workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class TimedWrites:
    """The store, with the time its add_next_revision calls take added up (everything else
    passes): the numbering queries and the write."""

    def __init__(self, store: OxigraphStore) -> None:
        self.store = store
        self.seconds = 0.0
        self.cpu = 0.0

    def __getattr__(self, name: str) -> object:
        return getattr(self.store, name)

    def add_next_revision(self, cluster: URIRef, make: MakeRecord) -> RevisionRecord:
        start, start_cpu = time.perf_counter(), cpu_seconds()
        try:
            return self.store.add_next_revision(cluster, make)
        finally:
            self.seconds += time.perf_counter() - start
            self.cpu += cpu_seconds() - start_cpu


def ingest_step(store: OxigraphStore, folder: Path, first: int, last: int,
                triples: list[int]) -> IngestStep:
    """Validate alone and ingest clusters first..last-1, then refresh the endpoint's snapshot."""
    raw = _raw(store)
    step = IngestStep(first, last, triples=sum(triples[first:last]), quads_before=len(raw))
    writes = TimedWrites(store)
    for i in range(first, last):
        path = folder / f"c{i}.ttl"
        timed: list[tuple[str, Callable[[], object]]] = [
            ("validation", lambda: validate_files([path])),
            ("ingest", lambda: ingest_files(writes, [path]))]  # type: ignore[arg-type]
        for what, run in timed if i % 2 == 0 else reversed(timed):
            start, start_cpu = time.perf_counter(), cpu_seconds()
            run()
            seconds, cpu = time.perf_counter() - start, cpu_seconds() - start_cpu
            if what == "ingest":
                step.ingest += seconds
                step.ingest_cpu += cpu
                step.ingest_times.append(seconds)
            else:
                step.validation += seconds
                step.validation_cpu += cpu
    step.quads_after = len(raw)
    step.write = writes.seconds
    step.write_cpu = writes.cpu
    start = time.perf_counter()
    publish_for_queries(store)
    step.snapshot = time.perf_counter() - start
    return step


def ingest_rows(steps: list[IngestStep]) -> list[str]:
    lines = ["| clusters | submission triples | quads stored | ingest s | clusters/s | "
             "triples/s | quads/s | median s a cluster | of which store write s | "
             "validation alone s | ingest ÷ validation | CPU s: ingest | of which store write "
             "| validation alone |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
             "| ---: | ---: |"]

    def row(name: str, clusters: int, triples: int, quads: int, steps: list[IngestStep],
            times: list[float]) -> str:
        ingest, validation = sum(s.ingest for s in steps), sum(s.validation for s in steps)
        return (f"| {name} | {triples:,} | {quads:,} | {ingest:.1f} | {clusters / ingest:.2f} | "
                f"{triples / ingest:,.0f} | {quads / ingest:,.0f} | {statistics.median(times):.3f} "
                f"| {sum(s.write for s in steps):.1f} | {validation:.1f} "
                f"| {ingest / validation:.2f}× | {sum(s.ingest_cpu for s in steps):.1f} "
                f"| {sum(s.write_cpu for s in steps):.1f} "
                f"| {sum(s.validation_cpu for s in steps):.1f} |")

    for s in steps:
        lines.append(row(f"{s.first + 1:,}–{s.last:,}", s.clusters, s.triples,
                         s.quads_after - s.quads_before, [s], s.ingest_times))
    lines.append(row(f"**all {steps[-1].last:,}**", steps[-1].last, sum(s.triples for s in steps),
                     steps[-1].quads_after - steps[0].quads_before, steps,
                     [t for s in steps for t in s.ingest_times]))
    return lines


# --- the ways to run a query ----------------------------------------------------------------

def _raw(store: OxigraphStore) -> pyoxigraph.Store:
    """The pyoxigraph.Store inside the OxigraphStore (no public accessor: a benchmark's liberty)."""
    raw = store._store
    assert raw is not None
    return raw


def oxigraph_run(store: OxigraphStore, text: str) -> Callable[[], int]:
    return pyoxigraph_run(_raw(store), text)


def pyoxigraph_run(raw: pyoxigraph.Store, text: str) -> Callable[[], int]:
    """The query on a pyoxigraph store, default graph the union, every solution read."""

    def run() -> int:
        solutions = raw.query(text, use_default_graph_as_union=True)
        assert isinstance(solutions, pyoxigraph.QuerySolutions)
        return sum(1 for _ in solutions)
    return run


class EndpointError(Exception):
    """The endpoint answered with an error status, or cut the answer."""


def _fetch(request: urllib.request.Request | str) -> dict:  # type: ignore[type-arg]
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            if answer.headers.get("X-BCIC-Truncated"):
                raise EndpointError("truncated by the row limit")
            document: dict = json.load(answer)  # type: ignore[type-arg]
            return document
    except urllib.error.HTTPError as error:
        raise EndpointError(f"HTTP {error.code}: {error.read()[:200]!r}") from None


def _api_path(name: str, values: dict[str, str]) -> str:
    return f"/api/queries/{name}" + ("?" + urllib.parse.urlencode(values) if values else "")


def _rows(document: dict) -> int:  # type: ignore[type-arg]
    if document.get("truncated"):
        raise EndpointError("truncated by the row limit")
    return len(document["rows"])


def api_run(base: str, name: str, values: dict[str, str]) -> Callable[[], int]:
    """GET /api/queries/<name>?values on a new connection; the number of rows."""
    url = base + _api_path(name, values)
    return lambda: _rows(_fetch(url))


def api_run_kept_alive(connection: http.client.HTTPConnection, name: str,
                       values: dict[str, str]) -> Callable[[], int]:
    """The same GET over one kept-alive HTTP/1.1 connection; the number of rows."""
    path = _api_path(name, values)

    def run() -> int:
        try:
            connection.request("GET", path)
            answer = connection.getresponse()
        except (http.client.RemoteDisconnected, ConnectionError):
            connection.close()  # the server closed an idle connection: open a new one
            connection.request("GET", path)
            answer = connection.getresponse()
        body = answer.read()
        if answer.status != 200:
            raise EndpointError(f"HTTP {answer.status}: {body[:200]!r}")
        if answer.getheader("X-BCIC-Truncated"):
            raise EndpointError("truncated by the row limit")
        return _rows(json.loads(body))
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


@dataclass
class RdflibFigure:
    ms: float | None  # None: stopped, or not tried
    runs: int
    rows: int | None
    tried: bool = True


def rdflib_median(dataset: Dataset, text: str) -> RdflibFigure:
    """The first run alone when it is slow (≥ RDFLIB_ALONE), else the median of warm runs."""
    first = rdflib_once(dataset, text)
    if first is None:
        return RdflibFigure(None, 0, None)
    if first[0] >= RDFLIB_ALONE:
        return RdflibFigure(first[0] * 1000, 1, first[1])
    runs = max(1, min(REPEAT, int(RDFLIB_BUDGET / max(first[0], 1e-6))))
    times = []
    for _ in range(runs):
        once = rdflib_once(dataset, text)
        if once is None:
            return RdflibFigure(None, len(times), first[1])
        times.append(once[0])
    return RdflibFigure(statistics.median(times) * 1000, runs, first[1])


def rdflib_copy(raw: pyoxigraph.Store) -> tuple[Dataset, float, int]:
    """An rdflib Dataset (union default graph) with every quad of the store, the copy's seconds,
    and the number of distinct terms (each made once and shared)."""
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
        for quad in raw.quads_for_pattern(None, None, None, None):
            graph_name = quad.graph_name
            assert isinstance(graph_name, pyoxigraph.NamedNode)  # every quad is in a named graph
            context = contexts.get(graph_name.value)
            if context is None:
                context = contexts[graph_name.value] = dataset.graph(URIRef(graph_name.value))
            yield term(quad.subject), term(quad.predicate), term(quad.object), context

    dataset.addN(quads())
    count = len(memo)
    memo.clear()
    gc.enable()
    gc.freeze()  # the loaded data is never garbage: keep it out of every later collection
    return dataset, time.perf_counter() - start, count


@dataclass
class RdflibRound:
    """What the rdflib side measured at one checkpoint."""

    figures: dict[str, RdflibFigure]
    copy_seconds: float
    terms: int


def rdflib_round(snapshot: Path, texts: dict[str, str]) -> RdflibRound:
    """Copy the snapshot into rdflib and time each query on it: run in a process of its own, so
    that millions of rdflib objects never share a heap with the pyoxigraph timings."""
    dataset, seconds, terms = rdflib_copy(pyoxigraph.Store.read_only(str(snapshot)))
    return RdflibRound({name: rdflib_median(dataset, text) for name, text in texts.items()},
                       seconds, terms)


def time_rdflib(snapshot: Path, figures: list[QueryFigures], params: Params,
                skip_rdflib: set[str]) -> RdflibRound | None:
    """Fill in the rdflib figure of every query not yet stopped at a smaller size (in a spawned
    process); None when every query had been, and no copy was made."""
    texts = {f.name: bind(get_query(f.name), dict(params.get(f.name, {})))
             for f in figures if f.name not in skip_rdflib}
    if not texts:
        return None
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) \
            as pool:
        measured = pool.submit(rdflib_round, snapshot, texts).result()
    for figure in figures:
        found = measured.figures.get(figure.name)
        if found is not None:
            figure.rdflib = found
            if found.ms is None:
                skip_rdflib.add(figure.name)
    print(f"  rdflib copy {measured.copy_seconds:.0f} s", flush=True)
    return measured


# --- the endpoint ---------------------------------------------------------------------------

class Endpoint:
    """The web app under waitress on a free loopback port, in a daemon thread."""

    def __init__(self, store_dir: Path, keep_answers: bool = False) -> None:
        self.snapshot_dir = snapshot_dir_for(store_dir)
        self.app = create_app({"BCIC_STORE": str(store_dir),
                               "BCIC_SNAPSHOT": str(self.snapshot_dir),
                               "BCIC_SPARQL_TIMEOUT": 60.0})
        # Unless asked, it keeps no answer, so every request runs its query: a page cut from a
        # kept answer (checker/answer_cache.py) would time the cache, not the endpoint's work on
        # the query (bench/answer_pages.py times the pages of a kept answer).
        self.answers = AnswerCache() if keep_answers else AnswerCache(rows=0, size=0)
        self.app.extensions[ANSWERS_EXTENSION] = self.answers
        self.server = waitress.create_server(self.app, host="127.0.0.1", port=0, threads=4)
        port = self.server.effective_port  # type: ignore[union-attr]
        self.base = f"http://127.0.0.1:{port}"
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.thread = threading.Thread(target=self.server.run, name="waitress", daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.connection.close()
        query_service(self.app).close()
        self.server.close()
        self.server.task_dispatcher.shutdown()


def pages_at(store: OxigraphStore, store_dir: Path, endpoint: Endpoint,
             figures: list[QueryFigures], params: Params) -> list[PageFigures]:
    """The pages of each named query's answer (bench/answer_pages.py), from a second endpoint
    that keeps answers, beside `endpoint`, which keeps none, both on a snapshot published for
    the second (an app trusts none made before it started, as in `main`)."""
    kept = Endpoint(store_dir, keep_answers=True)
    publish_for_queries(store)
    try:
        return page_figures(kept.base, endpoint.base, kept.answers,
                            [(f.name, dict(params.get(f.name, {})), f.rows) for f in figures])
    finally:
        kept.close()


# --- one checkpoint -------------------------------------------------------------------------

@dataclass
class Timed:
    ms: float | None
    rows: int | None
    error: str | None = None
    runs: int = REPEAT  # samples taken
    disturbed: int = 0  # disturbed samples the median had to use (too few quiet ones in time)


def timed_together(runs: list[Callable[[], int]]) -> list[Timed]:
    """Each run once (its rows, or its error), then `bench.timing.alternating`: the runs take
    turns, sample after sample, and a sample other work on the machine disturbed is set aside
    and taken again, so that the medians compare the ways under the same, quiet conditions."""
    firsts: list[int | EndpointError] = []
    slow = False
    for run in runs:
        start = time.perf_counter()
        try:
            firsts.append(run())
        except EndpointError as failure:
            firsts.append(failure)
        slow = slow or time.perf_counter() - start >= SLOW_RUN
    working = {i: run for i, (run, first) in enumerate(zip(runs, firsts))
               if not isinstance(first, EndpointError)}
    samples = SLOW_REPEAT if slow else REPEAT
    timings = alternating(working, samples, SAMPLING_BUDGET) if working else {}
    return [Timed(None, None, str(first)) if isinstance(first, EndpointError) else
            Timed(timings[i].seconds * 1000, first, runs=samples,
                  disturbed=0 if timings[i].kept >= samples else timings[i].disturbed)
            for i, first in enumerate(firsts)]


@dataclass
class QueryFigures:
    name: str
    oxigraph: Timed
    snapshot: Timed
    api: Timed
    kept_alive: Timed
    rdflib: RdflibFigure

    @property
    def rows(self) -> int:
        assert self.oxigraph.rows is not None
        return self.oxigraph.rows

    def ratio(self, other: Timed, base: Timed | None = None) -> float | None:
        """other ÷ (a), or ÷ `base` when given."""
        base = base or self.oxigraph
        assert base.ms is not None
        return None if other.ms is None else other.ms / base.ms

    def correct(self, other: Timed) -> bool:
        return other.rows == self.rows


def measure(store: OxigraphStore, endpoint: Endpoint, params: Params) -> list[QueryFigures]:
    """(a), (a'), (b) and (b') of every named query; rdflib's figures come later (time_rdflib)."""
    figures = []
    endpoint.connection.close()  # a fresh kept-alive connection for each checkpoint
    snapshot = pyoxigraph.Store.read_only(str(current_snapshot(endpoint.snapshot_dir)))
    for query in list_queries():
        values = dict(params.get(query.name, {}))
        text = bind(query, values)
        oxigraph, on_snapshot, api, kept_alive = timed_together([
            oxigraph_run(store, text), pyoxigraph_run(snapshot, text),
            api_run(endpoint.base, query.name, values),
            api_run_kept_alive(endpoint.connection, query.name, values)])
        figures.append(QueryFigures(query.name, oxigraph, on_snapshot, api, kept_alive,
                                    RdflibFigure(None, 0, None, tried=False)))
        print(f"  {figures[-1]}", flush=True)
    return figures


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.1f}"


def _runs(runs: int) -> str:
    return "" if runs == REPEAT else f" ({runs} run{'s' * (runs > 1)})"


def _timed(timed: Timed) -> str:
    """A median in ms, with its samples when not REPEAT and the disturbed ones it used."""
    if timed.error:
        return f"error: {timed.error}"
    notes = [] if timed.runs == REPEAT else [f"{timed.runs} samples"]
    if timed.disturbed:
        notes.append(f"{timed.disturbed} disturbed")
    return _ms(timed.ms) + (f" ({', '.join(notes)})" if notes else "")


def _times(value: float | None) -> str:
    return "—" if value is None else f"{value:,.2f}×" if value < 10 else f"{value:,.0f}×"


def query_rows(figures: list[QueryFigures]) -> list[str]:
    lines = ["| query | rows | (a) pyoxigraph ms | (a') on the snapshot ms | (b) endpoint ms | "
             "b ÷ a' | (b') kept alive ms | b' ÷ a' | (c) rdflib ms | c ÷ a | rows differ |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for f in figures:
        if f.rdflib.ms is None:
            rdflib = f"> {RDFLIB_TIMEOUT:.0f} s" + ("" if f.rdflib.tried else " (not run)")
            rdflib_ratio = "—"
        else:
            rdflib = _ms(f.rdflib.ms) + _runs(f.rdflib.runs)
            rdflib_ratio = _times(f.rdflib.ms / (f.oxigraph.ms or 1e-9))
        differ = [f"endpoint {f.api.rows:,}"] if f.api.rows not in (None, f.rows) else []
        if f.snapshot.rows not in (None, f.rows):
            differ.append(f"snapshot {f.snapshot.rows:,}")
        if f.kept_alive.rows not in (None, f.rows, f.api.rows):
            differ.append(f"kept alive {f.kept_alive.rows:,}")
        if f.rdflib.rows is not None and f.rdflib.rows != f.rows:
            differ.append(f"rdflib {f.rdflib.rows:,}")
        differs = f"**{', '.join(differ)}**" if differ else "—"
        lines.append(f"| `{f.name}` | {f.rows:,} | {_timed(f.oxigraph)} | {_timed(f.snapshot)} "
                     f"| {_timed(f.api)} | {_times(f.ratio(f.api, f.snapshot))} "
                     f"| {_timed(f.kept_alive)} "
                     f"| {_times(f.ratio(f.kept_alive, f.snapshot))} "
                     f"| {rdflib} | {rdflib_ratio} | {differs} |")
    return lines


@dataclass
class Checkpoint:
    clusters: int
    quads: int
    rdflib_copy: float | None  # None: not copied, every query had been stopped before
    rdflib_terms: int
    figures: list[QueryFigures]
    load: float  # the 1-minute load average when the queries had been timed


# --- the report -----------------------------------------------------------------------------

def verdict(steps: list[IngestStep], checkpoints: list[Checkpoint]) -> list[str]:
    """The "against the targets" paragraph, from the figures."""
    ingest = sum(s.ingest for s in steps)
    validation = sum(s.validation for s in steps)
    ratio = ingest / validation
    lines = ["## Against the targets", ""]
    write = sum(s.write for s in steps)
    ingest_cpu = sum(s.ingest_cpu for s in steps)
    write_cpu = sum(s.write_cpu for s in steps)
    validation_cpu = sum(s.validation_cpu for s in steps)
    cores = len(os.sched_getaffinity(0))
    clusters = steps[-1].last
    lines.append(
        f"- **Ingest no slower than validation: {'met' if ratio <= 1.0 else 'not met'}.** "
        f"Ingesting the {clusters:,} clusters took {ratio:.2f}× the time of validating the "
        f"same files alone ({ingest:.0f} s against {validation:.0f} s; "
        f"{clusters / ingest:.2f} clusters/s, "
        f"{sum(s.triples for s in steps) / ingest:,.0f} submission triples/s, "
        f"{(steps[-1].quads_after - steps[0].quads_before) / ingest:,.0f} stored quads/s). "
        "By step: "
        + ", ".join(f"{s.first + 1:,}–{s.last:,} {s.ingest / s.validation:.2f}×" for s in steps)
        + f". What ingest adds to validation is {(ingest - validation) / clusters:.3f} s a "
          f"cluster, of which {write / clusters:.3f} s the store write (`add_revision`: the "
          "revision's terms converted for pyoxigraph, one transaction of about "
          f"{(steps[-1].quads_after - steps[0].quads_before) / clusters:,.0f} quads, then "
          "RocksDB's buffers flushed to disk); the rest is "
          "the report graph, provenance and summary blocks and the revision lookup. Both sides "
          f"validate the same files with the same code and the same {default_processes()} "
          "process(es) (validation's default, one per core), alternately first and second; "
          "ingest then writes from this process. The write is work validation does not do, "
          "so with the same cores ingest cannot take less than validation plus the write; "
          "overlapping the write with the next file's validation would only take a core the "
          "validation of that file (or of files in parallel, `bcic validate --each`) uses. "
          f"In CPU time: ingest {ingest_cpu / clusters:.3f} s a cluster, of which the store "
          f"write {write_cpu / clusters:.3f} s, against {validation_cpu / clusters:.3f} s for "
          f"validation alone (the write is {write_cpu / validation_cpu:.0%} of validation's "
          f"CPU time). Spread perfectly over the {cores} cores, ingest would still take "
          f"{ingest_cpu / cores / clusters:.3f} s a cluster, "
          + ("more than" if ingest_cpu / cores > validation else "no more than")
          + f" validation's {validation / clusters:.3f} s: "
          + ("no scheduling of the same work (a pipeline, a pool of workers) reaches "
             "validation's rate on this machine." if ingest_cpu / cores > validation else
             "a pipeline that keeps both cores busy could reach validation's rate."))
    last = checkpoints[-1]
    slow = [f for f in last.figures if (f.oxigraph.ms or 0) >= TARGET_MS]
    worst = max(last.figures, key=lambda f: f.oxigraph.ms or 0)
    lines.append(
        f"- **Named queries under {TARGET_MS:.0f} ms median at {last.clusters:,} clusters on the "
        f"embedded store: {'met' if not slow else 'not met'}** "
        + (f"(slowest `{worst.name}`, {_ms(worst.oxigraph.ms)} ms)." if not slow else
           f"for {len(slow)} of {len(last.figures)}: " + ", ".join(
               f"`{f.name}` {_ms(f.oxigraph.ms)} ms ({f.rows:,} rows)" for f in slow)
           + f"; the other {len(last.figures) - len(slow)} are under it. Each row of an answer "
             "has its IRIs and labels read from disk (some µs each), whatever the plan; "
             "`indicator-trends` takes `cluster`, `fromYear` and `toYear` to narrow it.")
        + " Through the endpoint: " + _under(last, "api") + ".")
    lines.append("- The endpoint's own work is a few ms a request whatever the query (HTTP and "
                 "Flask, the round trip to a worker process, the rows' values written as JSON "
                 "by the worker in proportion to the rows), so a query that takes a few ms on the "
                 "store cannot stay within 1.5× of it:")
    for checkpoint in checkpoints:
        lines.append(f"- **Endpoint overhead under {TARGET_ENDPOINT_RATIO}× at "
                     f"{checkpoint.clusters:,} clusters: {_overhead_verdict(checkpoint, 'api')}"
                     f" Over a kept-alive connection (b'): "
                     f"{_overhead_verdict(checkpoint, 'kept_alive')}")
    stopped = [f.name for f in last.figures if f.rdflib.ms is None]
    ratios = [f.rdflib.ms / (f.oxigraph.ms or 1e-9) for f in last.figures
              if f.rdflib.ms is not None]
    lines.append(
        f"- rdflib (no target; for comparison) at {last.clusters:,} clusters: "
        + (f"{len(stopped)} of {len(last.figures)} queries over {RDFLIB_TIMEOUT:.0f} s"
           + ("; " if ratios else ".") if stopped else "")
        + (f"{('the other' if len(ratios) == 1 else 'the others') if stopped else 'all'} " + (
            f"{_times(min(ratios))} to {_times(max(ratios))}" if len(ratios) > 1
            else _times(ratios[0])) + " the pyoxigraph time." if ratios else "")
        + " Where rdflib finished, its rows agree with pyoxigraph's"
        + ("." if all(f.rdflib.rows in (None, f.rows) for c in checkpoints for f in c.figures)
           else " except where the tables say otherwise."))
    return lines


def _under(checkpoint: Checkpoint, column: str) -> str:
    measured = [f for f in checkpoint.figures if getattr(f, column).ms is not None]
    under = [f for f in measured if getattr(f, column).ms < TARGET_MS]
    slowest = max(measured, key=lambda f: getattr(f, column).ms)
    return (f"{len(under)} of {len(checkpoint.figures)} under {TARGET_MS:.0f} ms, slowest "
            f"`{slowest.name}` at {_ms(getattr(slowest, column).ms)} ms")


def _overhead_verdict(checkpoint: Checkpoint, column: str) -> str:
    """The endpoint's time against the same query in this process on the same snapshot (a')."""
    figures = checkpoint.figures
    good = [f for f in figures if f.correct(getattr(f, column))]
    ratios = [f.ratio(getattr(f, column), f.snapshot) or 0.0 for f in good]
    extra = [(getattr(f, column).ms or 0.0) - (f.snapshot.ms or 0.0) for f in good]
    over = [f"`{f.name}` {_times(f.ratio(getattr(f, column), f.snapshot))} "
            f"({_ms(f.snapshot.ms)} ms on the snapshot)"
            for f in good if (f.ratio(getattr(f, column), f.snapshot) or 0.0)
            >= TARGET_ENDPOINT_RATIO]
    met = len(good) == len(figures) and not over
    text = f"{'met' if met else 'not met'}.** " if column == "api" else (
        f"{'met' if met else 'not met'}: ")
    text += f"{len(good) - len(over)} of {len(figures)} under it"
    if len(good) < len(figures):
        text += f", {len(figures) - len(good)} answered with other rows than (a)"
    if over:
        text += "; over it: " + ", ".join(over)
    if ratios:
        text += (f". Ratios {_times(min(ratios))} to {_times(max(ratios))} (median "
                 f"{_times(statistics.median(ratios))}); the endpoint adds {min(extra):+.1f} to "
                 f"{max(extra):+.1f} ms (median {statistics.median(extra):+.1f} ms)")
    if column == "api":
        plain = [f.ratio(f.api) or 0.0 for f in good]
        if plain:
            text += (f"; against the live store (a) instead, {_times(min(plain))} to "
                     f"{_times(max(plain))}")
    return text + "."


def guard_parse_rows(params: Params) -> list[str]:
    """What the query guard's rdflib parse costs when its cache does not have the text."""
    lines = ["| query | guard parse ms (uncached) |", "| --- | ---: |"]
    for query in list_queries():
        text = bind(query, params.get(query.name, {}))
        ms, _ = median_ms(lambda: inspect_query.__wrapped__(text))
        lines.append(f"| `{query.name}` | {ms:.1f} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--checkpoints", type=lambda s: tuple(int(x) for x in s.split(",")),
                        default=CHECKPOINTS, help="comma-separated store sizes (for a trial run)")
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
    skip_rdflib: set[str] = set()
    loads = [os.getloadavg()[0]]  # other work on the machine shows here
    with tempfile.TemporaryDirectory(prefix="bcic-bench-kg-") as folder:
        root = Path(folder)
        files = root / "files"
        files.mkdir()
        print(f"generating {total:,} cluster files", flush=True)
        with ProcessPoolExecutor(max_workers=2) as pool:  # before any thread or store exists
            triples = list(pool.map(write_cluster_file, [files] * total, range(total),
                                    [total] * total, chunksize=25))
        generated = time.perf_counter() - started
        store_dir = root / "store"
        store = open_store("oxigraph", path=store_dir)
        assert isinstance(store, OxigraphStore)
        endpoint: Endpoint | None = None
        try:
            done = 0
            for size in checkpoints:
                print(f"ingesting clusters {done + 1}–{size}", flush=True)
                steps.append(ingest_step(store, files, done, size, triples))
                done = size
                print(f"  {steps[-1].ingest:.1f} s ingest (of which {steps[-1].write:.1f} s "
                      f"store write), {steps[-1].validation:.1f} s validation, "
                      f"{steps[-1].quads_after:,} quads", flush=True)
                loads.append(os.getloadavg()[0])
                if endpoint is None:
                    # Started while this process holds the store, the app trusts no snapshot
                    # made before it (checker/snapshot_keeper.py): the writer publishes one for
                    # it, as `bcic ingest` does after each write.
                    endpoint = Endpoint(store_dir)
                    publish_for_queries(store)
                figures = measure(store, endpoint, params)
                loads.append(os.getloadavg()[0])
                snapshot = current_snapshot(endpoint.snapshot_dir)
                assert snapshot is not None
                rdflib = time_rdflib(snapshot, figures, params, skip_rdflib)
                results.append(Checkpoint(size, steps[-1].quads_after,
                                          rdflib.copy_seconds if rdflib else None,
                                          rdflib.terms if rdflib else 0, figures, loads[-1]))
            assert endpoint is not None
            print(f"pages of the answers at {total:,} clusters", flush=True)
            pages = pages_at(store, store_dir, endpoint, results[-1].figures, params)
        finally:
            if endpoint is not None:
                endpoint.close()
            store.close()
    guard = guard_parse_rows(params)
    elapsed = time.perf_counter() - started

    lines = ["# Knowledge-graph benchmark", "",
             f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC with "
             f"`python -m bench.knowledge_graph` ({elapsed / 60:.0f} min in all, of which "
             f"{generated / 60:.0f} generating the files).", "",
             *describe(), f"- Flask {version('flask')}, waitress {version('waitress')}",
             "- load average (1 min) at the start, after each ingest step and after each "
             "checkpoint's queries: " + ", ".join(f"{load:.2f}" for load in loads)
             + (" — the 2 cores were shared with other work during the run, so figures carry "
                "its noise" if max(loads) > 1.2 else ""), "",
             "Clusters: `generate_cluster(members=10, years=5, seed=i, cluster_id=f\"c{i}\")`, "
             "every odd one with gaps=0.1, each declaring cluster i+1 its benchmark and i+2 its "
             f"competitor (modulo {total:,}), written to Turtle files and ingested in order into "
             "one directory Oxigraph store, which grows from 0 to "
             f"{total:,} clusters; queries are timed after "
             + ", ".join(f"{c:,}" for c in checkpoints) + ".", "",
             "## Ingest throughput", "",
             "Real `ingest_files` (read, parse, validate, report graph, provenance, revision "
             "number, one `Store.extend` with the summary block, then `Store.flush()`) on each "
             "file, beside "
             "`validate_files` (read, parse, validate) on the same file, alternately first and "
             f"second, both validating with {default_processes()} process(es) (the default: one "
             "per core), the same on both sides. \"Of which store write\": the "
             "time ingest spent in `Store.add_revision` (measured by a wrapper around the "
             "store). \"CPU s\": user and system time of this process (all its threads, "
             "RocksDB's background flushes among them) and of the validation's forked workers, "
             "summed over the same runs; unlike the seconds, it does not shrink when work runs "
             "on both cores at once, so it bounds what any scheduling of the same work could "
             "reach. Not timed: generating the files, and refreshing the endpoint's snapshot "
             "after each step (`publish_for_queries`: "
             + ", ".join(f"{s.snapshot:.2f} s" for s in steps)
             + "). Triples are those of the submission files; quads are what the store gained "
             "(submission, report, provenance and summary; the rule graphs come with the first "
             "cluster).", "",
             *ingest_rows(steps), ""]
    params_text = "; ".join(f"`{name}` {', '.join(f'{k}={v}' for k, v in values.items())}"
                            for name, values in params.items())
    lines += ["## Named-query latency", "",
              f"Medians of {REPEAT} samples after one unmeasured run (`bench.timing."
              f"alternating`): a sample repeats a run for at least {SAMPLE_SECONDS} s and gives "
              f"the mean run; when a first run takes {SLOW_RUN} s or more, {SLOW_REPEAT} samples "
              f"(\"({SLOW_REPEAT} samples)\"). The four ways (a), (a'), (b), (b') of running a "
              "query take turns, sample after sample. A sample during which processes other than "
              "this one and its descendants (the query workers) took more than "
              f"{OTHERS_SHARE:.0%} of a core is set aside and taken again; after "
              f"{SAMPLING_BUDGET:.0f} s the disturbed ones count too, and the figure says how "
              "many it used. Parameters: "
              f"{params_text}; the other queries have none.", "",
              "- (a) pyoxigraph: the bound text (`bind`) run by the store's own "
              "`pyoxigraph.Store.query(text, use_default_graph_as_union=True)` on the live "
              "directory store, every solution read; no guard, no conversion to rdflib terms.",
              "- (b) endpoint: `GET /api/queries/<name>?…` with urllib (a new connection each "
              "time) to the web app (`create_app`) under a real waitress server (4 threads) on "
              "127.0.0.1 in a thread of the benchmark process. The app binds the values, "
              "checks the query by its template's guard analysis (made once; binding adds no "
              "pattern), runs it in one of its 2 query worker processes on the snapshot, which "
              "caps the rows and writes their plain values as JSON, which the API splices "
              "into its own JSON document unparsed. The app's kept answers "
              "(`checker/answer_cache.py`, from which it cuts the pages of an answer read "
              "before) are turned off, so every request runs its query. (b') the same over one kept-alive HTTP/1.1 "
              "connection (`http.client`), as a client with a connection pool sees it.",
              "- (a') the bound text on the endpoint's current snapshot (`Store.backup` of the "
              "live store, opened read-only in this process), like (a). The live store, just "
              "written, and its snapshot answer at different speeds (memtables against files), "
              "so the endpoint's overhead is (b) ÷ (a'): same files, same query, the endpoint's "
              "own work (HTTP, Flask, the worker round trip, serialising) on top.",
              f"- (c) rdflib: `Dataset(default_union=True).query(text)` on the same quads in "
              f"memory, every row read. A first run over {RDFLIB_ALONE:.0f} s is the figure "
              f"(1 run: rdflib keeps no state between runs that would make a second one "
              f"faster); otherwise up to {REPEAT} warm runs, as many as fit in "
              f"{RDFLIB_BUDGET:.0f} s (the number in brackets when fewer). A run is stopped "
              f"after {RDFLIB_TIMEOUT:.0f} s (SIGALRM): "
              f"\"> {RDFLIB_TIMEOUT:.0f} s\"; \"(not run)\" means it was stopped at a smaller "
              "size already (and once every query has been, the copy is not made). The copy, from "
              "the snapshot, is not timed; it is made in a spawned process of its own after "
              "(a), (a'), (b) and (b') were timed, and garbage collection is frozen after it.",
              "- rows: from (a); the last column names any other answer with a different "
              "number of rows.", ""]
    for checkpoint in results:
        copy = ("no rdflib copy" if checkpoint.rdflib_copy is None else
                f"rdflib copy {checkpoint.rdflib_copy:.0f} s, {checkpoint.rdflib_terms:,} "
                "distinct terms")
        lines += [f"### {checkpoint.clusters:,} clusters ({checkpoint.quads:,} quads; {copy}; "
                  f"load average {checkpoint.load:.2f})",
                  "", *query_rows(checkpoint.figures), ""]
    lines += ["### The guard's parse, when its cache misses", "",
              "A query sent to `/sparql` (or to `Store.select`) is parsed by rdflib first "
              "(`checker.store.guard.inspect_query`, cached by text), once per distinct text. "
              "The named-query API does not pay it per set of values: it reuses its template's "
              "analysis, parsed once per process. What one parse of each template costs:", "",
              *guard, ""]
    lines += page_rows(pages, total)
    lines += verdict(steps, results)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"written to {args.output}")


if __name__ == "__main__":
    main()

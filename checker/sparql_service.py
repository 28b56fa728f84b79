"""The public SPARQL query service: what is checked, how results are written, what is promised.

Everything here is independent of HTTP; web/sparql.py only reads the request, calls `prepare` and
`execute` and copies the answer out. A query is checked before any parser or engine sees it
(size), then by checker/store/guard.py (nesting, a real parse, SERVICE), and only then sent to a
worker process (checker/query_runner.py) with a time limit and a row cap.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pyoxigraph
from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.algebra import translatePrologue
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Prologue
from rdflib.term import Variable

from .errors import CheckerError, NotAcceptableError, QueryRefusedError
from .i18n import phrase
from .forking import WorkerError, WorkerTimeoutError, can_fork, run_in_child
from .memory_limit import MIB
from .query_runner import QueryBusyError, QueryRunner, current_snapshot
from .query_worker import VALUES_JSON, VALUES_LINES, QueryJob, ResultKind
from .store.guard import QueryForm, QueryInfo, inspect_query, parsed_query, parsed_update

TRUNCATED_HEADER = "X-BCIC-Truncated"
FORMATS_NS = "http://www.w3.org/ns/formats/"


class UpdateRefusedError(CheckerError):
    """A SPARQL update was sent to the read-only endpoint: nothing was changed."""

    exit_code = 2
    http_status = 403


class QueryTooLargeError(QueryRefusedError):
    """The query text is longer than the configured limit."""

    http_status = 413


class OwnQueryError(CheckerError):
    """A named query's template, the app's own text, could not be analysed: a fault of the
    server, never of the request that asked for it (500, exit 3)."""


@dataclass(frozen=True)
class ResultFormat:
    """An output format: short name, media type (first = preferred), pyoxigraph member, W3C IRI."""

    name: str
    media_types: tuple[str, ...]
    engine_name: str  # a QueryResultsFormat or RdfFormat member name
    iri: str
    aliases: tuple[str, ...] = ()

    @property
    def media_type(self) -> str:
        """The media type the response is labelled with."""
        return self.media_types[0]


# SELECT and ASK results; the first is the default.
RESULT_FORMATS = (
    ResultFormat("json", ("application/sparql-results+json", "application/json"), "JSON",
                 FORMATS_NS + "SPARQL_Results_JSON", ("srj",)),
    ResultFormat("xml", ("application/sparql-results+xml", "application/xml", "text/xml"), "XML",
                 FORMATS_NS + "SPARQL_Results_XML", ("srx",)),
    ResultFormat("csv", ("text/csv",), "CSV", FORMATS_NS + "SPARQL_Results_CSV"),
    ResultFormat("tsv", ("text/tab-separated-values",), "TSV", FORMATS_NS + "SPARQL_Results_TSV"),
)
# CONSTRUCT and DESCRIBE results (and the service description); the first is the default.
GRAPH_FORMATS = (
    ResultFormat("turtle", ("text/turtle", "application/x-turtle", "application/turtle"),
                 "TURTLE", FORMATS_NS + "Turtle", ("ttl", "n3", "text/n3")),
    ResultFormat("ntriples", ("application/n-triples", "text/plain"), "N_TRIPLES",
                 FORMATS_NS + "N-Triples", ("nt", "n-triples")),
    ResultFormat("jsonld", ("application/ld+json", "application/json"), "JSON_LD",
                 FORMATS_NS + "JSON-LD", ("json-ld", "json")),
    ResultFormat("rdfxml", ("application/rdf+xml", "application/xml", "text/xml"), "RDF_XML",
                 FORMATS_NS + "RDF_XML", ("rdf", "xml", "rdf+xml")),
)

# SELECT results as plain values, for the named-query API (checker/query_api.py); not offered to
# SPARQL clients, so not among RESULT_FORMATS.
PLAIN_VALUES = ResultFormat("values", ("application/json",), VALUES_JSON, "")
# The same a row a line, for the named-query API to keep (checker/answer_cache.py).
PLAIN_LINES = ResultFormat("lines", ("application/x-ndjson",), VALUES_LINES, "")


def formats_for(form: QueryForm | None) -> tuple[ResultFormat, ...]:
    """The formats a query form can be answered in (None: the service description's)."""
    return RESULT_FORMATS if form in (QueryForm.SELECT, QueryForm.ASK) else GRAPH_FORMATS


def media_types_for(form: QueryForm | None) -> dict[ResultFormat, tuple[str, ...]]:
    """Each format of the form, the preferred first, with its media types (for negotiation)."""
    return {f: f.media_types for f in formats_for(form)}


def content_type(media_type: str) -> str:
    """The Content-Type of an answer labelled `media_type`: every format is written in UTF-8,
    which text types say (other types are UTF-8 by their definition or say it inside)."""
    return f"{media_type}; charset=utf-8" if media_type.startswith("text/") else media_type


def format_for(form: QueryForm | None, wanted: str) -> ResultFormat | None:
    """The format a short name, alias or media type names for this form, if any."""
    key = wanted.split(";")[0].strip().lower()
    for candidate in formats_for(form):
        if key == candidate.name or key in candidate.aliases or key in candidate.media_types:
            return candidate
    return None


def not_acceptable(form: QueryForm | None, asked: str) -> NotAcceptableError:
    """The 406 for a format the form cannot be answered in."""
    what = form.value if form is not None else phrase("error.sparql.service_description")
    offered = ", ".join(f"{f.name} ({f.media_type})" for f in formats_for(form))
    return NotAcceptableError.of("error.sparql.not_acceptable", what=what, asked=asked,
                                 offered=offered)


@dataclass(frozen=True)
class SparqlLimits:
    """What the endpoint allows: query size, time, memory, rows, workers (and how many of them are
    kept for the app's named queries), public queries let wait, federated endpoints."""

    timeout: float = 10.0
    memory_mib: int = 1024  # what a query may take in its worker beyond the open snapshot
    row_limit: int = 10_000
    workers: int = 3
    reserved_workers: int = 1
    waiting: int = 2
    max_query_bytes: int = 64 * 1024
    allowed_services: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PreparedQuery:
    """A query that passed every check, with what the engine must know about it."""

    text: str
    info: QueryInfo
    has_dataset: bool  # FROM / FROM NAMED present

    @property
    def form(self) -> QueryForm:
        """SELECT, ASK, CONSTRUCT or DESCRIBE."""
        return self.info.form


@dataclass(frozen=True)
class SparqlAnswer:
    """A serialised answer: the bytes, their format, how many rows, whether rows were cut, and
    the name of the snapshot it was read from."""

    body: bytes
    format: ResultFormat
    kind: ResultKind
    rows: int
    truncated: bool
    snapshot: str | None


def prepare_query(text: str, limits: SparqlLimits) -> PreparedQuery:
    """Check a query for the public endpoint: size, nesting, syntax, form, SERVICE; run nothing."""
    if len(text.encode("utf-8")) > limits.max_query_bytes:
        raise QueryTooLargeError.of("error.sparql.too_long", limit=limits.max_query_bytes)
    if not text.strip():
        raise QueryRefusedError.of("error.sparql.empty")
    info, has_dataset, services = analyse_within(text, limits.timeout)
    refused = [s for s in services if s not in limits.allowed_services]
    if refused:
        key = "service_not_allowed" if limits.allowed_services else "service_refused"
        raise QueryRefusedError.of(f"error.sparql.{key}", endpoint=refused[0])
    return PreparedQuery(text, info, has_dataset)


def prepare_bound_query(name: str, template: str, bound: str,
                        limits: SparqlLimits) -> PreparedQuery:
    """Check the named query `name` bound with validated values (checker.queries.bind) for the
    endpoint.

    Binding writes only checked terms in place of `UNDEF` on VALUES lines and takes out the lines
    left unbound: it adds no pattern, no SERVICE, no dataset and no nesting, so the template's
    analysis (`template_analysis`: once per process) holds for the bound text, and each new set
    of values costs no parse of its own.
    """
    if len(bound.encode("utf-8")) > limits.max_query_bytes:
        raise QueryTooLargeError.of("error.sparql.too_long", limit=limits.max_query_bytes)
    info, has_dataset, _services = template_analysis(name, template)
    return PreparedQuery(bound, info, has_dataset)


def refuse_update() -> UpdateRefusedError:
    """The error for any SPARQL update sent to the endpoint."""
    return UpdateRefusedError.of("error.sparql.read_only")


def graph_iris(values: list[str], parameter: str) -> tuple[str, ...]:
    """Check the IRIs of a `default-graph-uri` / `named-graph-uri` parameter; each once, as a
    graph named twice is still one graph of the dataset (pyoxigraph would match its triples
    twice)."""
    for value in values:
        try:
            pyoxigraph.NamedNode(value)
        except ValueError:
            raise QueryRefusedError.of("error.sparql.graph_iri", parameter=parameter,
                                       value=value) from None
    return tuple(dict.fromkeys(values))


class SparqlService:
    """Runs prepared queries against the snapshots in `snapshot_dir`, within `limits`, once
    `ready()` (if given) returns; its workers' stderr and replacements are logged to `logger`
    (the runner's own logger when None)."""

    def __init__(self, snapshot_dir: str | Path, limits: SparqlLimits,
                 ready: Callable[[], None] | None = None,
                 logger: logging.Logger | None = None) -> None:
        self.limits = limits
        self.snapshot_dir = Path(snapshot_dir)
        self._ready = ready  # raises while the snapshots must not be read (snapshot_keeper.py)
        if limits.waiting < 0:
            raise CheckerError.of("error.sparql.runner_settings")
        self.runner = QueryRunner(snapshot_dir, workers=limits.workers, timeout=limits.timeout,
                                  reserved=limits.reserved_workers,
                                  memory=limits.memory_mib * MIB, logger=logger)
        self.public_limit = self.runner.public_workers + limits.waiting
        self._public = threading.BoundedSemaphore(self.public_limit)

    @contextmanager
    def public_request(self) -> Iterator[None]:
        """Admit one public query, its parse and its run, or refuse it at once (503) when the
        public share's workers are busy and `waiting` more already wait: each holds one of the
        server's request threads, which the app's pages and named queries need too."""
        if not self._public.acquire(blocking=False):
            raise QueryBusyError.of("error.sparql.queue_full", limit=self.public_limit)
        try:
            yield
        finally:
            self._public.release()

    def execute(self, query: PreparedQuery, result_format: ResultFormat,
                default_graphs: tuple[str, ...] | None = None,
                named_graphs: tuple[str, ...] | None = None, *,
                reserved: bool = False, row_limit: int | None = None) -> SparqlAnswer:
        """Run a prepared query and return its serialised result, capped at the endpoint's row
        limit or at `row_limit` when lower (a page of a named query); `reserved`: a query of
        the app's own (a named query), which may use the workers kept from public queries and
        is capped at its `row_limit` whatever the endpoint's (a whole answer kept for its
        pages: checker/answer_cache.py)."""
        if result_format not in formats_for(query.form) and not (
                result_format in (PLAIN_VALUES, PLAIN_LINES)
                and query.form is QueryForm.SELECT):
            raise not_acceptable(query.form, result_format.name)
        cap = (self.limits.row_limit if row_limit is None
               else row_limit if reserved else min(row_limit, self.limits.row_limit))
        job = QueryJob(query.text, result_format.engine_name, cap, default_graphs, named_graphs,
                       query.has_dataset)
        if self._ready is not None:
            self._ready()
        done = self.runner.run(job, reserved=reserved)
        return SparqlAnswer(done.body, result_format, done.kind, done.rows, done.truncated,
                            done.snapshot)

    def current_snapshot(self) -> str | None:
        """The name of the snapshot the workers read now (None before the first), once
        `ready()` lets it be read."""
        if self._ready is not None:
            self._ready()
        current = current_snapshot(self.snapshot_dir)
        return current.name if current is not None else None

    def close(self) -> None:
        """Stop the worker processes."""
        self.runner.close()


_MAY_NAME_A_DATASET = re.compile("from", re.IGNORECASE)  # a shortcut only: FROM needs the word


Analysis = tuple[QueryInfo, bool, tuple[str, ...]]
ANALYSES_KEPT = 256  # analyses cached by text: dashboards repeat their queries
_analyses: OrderedDict[str, Analysis] = OrderedDict()
_analyses_lock = threading.Lock()


def analyse_within(text: str, seconds: float) -> Analysis:
    """`_analyse` for text from outside, in a forked child stopped after `seconds`.

    rdflib's parser takes seconds for long expressions or lists (an `IN` list of 3,000 numbers)
    or a few hundred triple patterns, and recurses deeply: in the server's own process that would
    hold a thread and the interpreter lock without any limit. Each text is analysed once;
    analyses are kept by text (ANALYSES_KEPT).
    """
    with _analyses_lock:
        if text in _analyses:
            _analyses.move_to_end(text)
            return _analyses[text]
    analysis = _analyse_in_child(text, seconds) if can_fork() else _analyse(text)
    with _analyses_lock:
        _analyses[text] = analysis
        while len(_analyses) > ANALYSES_KEPT:
            _analyses.popitem(last=False)
    return analysis


# The named queries' templates: the app's own fixed text, a few of them, each analysed once per
# process (its refusal too: the text never changes, nor does its verdict), kept apart from the
# public queries' analyses above, which public queries push out.
_templates: dict[str, Analysis | CheckerError] = {}
_templates_lock = threading.Lock()


def template_analysis(name: str, text: str) -> Analysis:
    """`_analyse` for the template `text` of the named query `name`, trusted text: in this
    process, with no time limit (the public endpoint's parse limit is for text from outside; a
    template takes 0.2–1.6 s on a loaded machine), once per process and text. OwnQueryError when
    the guard refuses the template or it calls another server: the server's fault, not the
    request's."""
    with _templates_lock:  # one parse at a time anyway (guard.parsed_query): none twice
        if text not in _templates:
            try:
                analysis = _analyse(text)
            except CheckerError as refusal:
                _templates[text] = refusal
            else:
                services = analysis[2]
                _templates[text] = (QueryRefusedError.of("error.sparql.service_refused",
                                                         endpoint=services[0])
                                    if services else analysis)
        kept = _templates[text]
    if isinstance(kept, CheckerError):
        raise OwnQueryError.of("error.sparql.own_query", name=name, reason=kept)
    return kept


def _analyse_in_child(text: str, seconds: float) -> Analysis:
    try:
        outcome = run_in_child(partial(_analysis_or_refusal, text), seconds=seconds)
    except WorkerTimeoutError:
        raise QueryRefusedError.of("error.sparql.parse_timeout", seconds=seconds) from None
    except WorkerError as error:
        raise QueryRefusedError.of("error.sparql.parser_failed", reason=error) from None
    if isinstance(outcome, CheckerError):
        raise outcome
    return outcome


def _analysis_or_refusal(text: str) -> Analysis | CheckerError:
    """In the child: the analysis, or the refusal as a value (its class and its translations
    travel back)."""
    try:
        return _analyse(text)
    except CheckerError as refusal:
        return refusal


def _analyse(text: str) -> Analysis:
    """The guard's verdict on a query, whether it has FROM clauses, and its SERVICE IRIs."""
    try:
        info = inspect_query(text)
    except QueryRefusedError:
        if is_update(text):
            raise refuse_update() from None
        raise
    if not info.uses_service and not _MAY_NAME_A_DATASET.search(text):
        return info, False, ()
    # The guard says what the query is; the dataset and the SERVICE IRIs need the tree itself.
    tree = parsed_query(text)
    # CompValue.get returns the key itself for a missing key: test membership instead.
    has_dataset = "datasetClause" in tree[1]
    prologue = translatePrologue(tree[0], None)
    services = tuple(_service_endpoint(node.get("term"), prologue)
                     for node in _service_nodes(tree))
    return info, has_dataset, services


def _service_endpoint(term: object, prologue: Prologue) -> str:
    """A SERVICE pattern's endpoint as an absolute IRI (a prefixed name or an IRI relative to
    BASE resolved as the engine would), or `?name` for a variable."""
    if isinstance(term, Variable):
        return f"?{term}"
    return str(prologue.absolutize(term))


def _service_nodes(tree: object) -> list[CompValue]:
    """Every SERVICE pattern of a parse tree (iterative: trees may be deep)."""
    found: list[CompValue] = []
    stack: list[object] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                found.append(node)
            stack.extend(node.values())
        elif isinstance(node, (ParseResults, list, tuple)):
            stack.extend(node)
    return found


def is_update(text: str) -> bool:
    """Whether the text is a SPARQL update with at least one operation."""
    try:
        return "request" in parsed_update(text)
    except (ParseException, RecursionError, ValueError):  # ValueError: an escape of no character
        return False

"""Named SPARQL queries: one `.rq` file each, with a header saying what it answers (README.md).

Parameters are never pasted into query text as the user typed them. Each one is validated for its
kind (an absolute http/https/urn IRI, an integer, a single-line string), turned into an RDF term,
written with rdflib's `n3()`, and put in place of the `UNDEF` of the query's own placeholder line
`VALUES ?name { UNDEF }`. The same text therefore runs unbound (the placeholder matches anything) in
any SPARQL tool, and bound through `bind` here; it works on every store backend because only the
query text changes.

A query may also have a text written for one engine, `NAME.ENGINE.rq` beside `NAME.rq` (README.md,
"Texts per engine"): the same answer, in the form that engine runs fast. `run_named_query` takes
the text of the store's `query_engine`, else the standard one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import lru_cache
from importlib import resources

from rdflib import Literal, URIRef
from rdflib.term import Node

from ..errors import CheckerError, InputError, NotFoundError, SummaryOutdatedError
from ..i18n import LANGUAGES, Lang, Listed
from ..iri_policy import iri_problem
from ..own_benchmark import check_other_cluster
from ..store.base import SUMMARY_GRAPH, Store
from ..store.summary import ACTUAL_VALUES_ROOT
from ..store.guard import OwnQuery, QueryForm, check_query, inspect_query
from .columns import ColumnKind, QueryColumn, parse_column

__all__ = ["ENGINE_PROLOGUES", "MOST_PAGE_NUMBER", "PAGE_PARAMS", "ColumnKind", "NamedQuery",
           "Page", "QueryColumn",
           "ParamKind", "QueryParam", "bind", "build_library", "check_summary_for", "checked_text", "get_query",
           "list_queries", "paged", "read_page", "reads_summary", "result_columns", "run_named_query",
           "stream_named_query", "values_given_once"]

_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_HEADER_LINE = re.compile(r"#\s?(?P<key>[a-z]+(?:@[a-z]+)?):\s*(?P<value>.*?)\s*")
_PARAM = re.compile(r'(?P<name>[A-Za-z][A-Za-z0-9_]*) (?P<kind>iri|literal|integer) '
                    r'(?P<need>required|optional) @en "(?P<en>[^"]+)" @zh "(?P<zh>[^"]+)"')
# A placeholder is a whole line of its own: `bind` writes the value in place of its UNDEF, or
# takes the whole line out when the parameter has none.
_PLACEHOLDER = re.compile(r"^(?P<indent>[ \t]*)VALUES \?(?P<name>[A-Za-z][A-Za-z0-9_]*) "
                          r"\{ UNDEF \}[ \t]*(?:\n|\Z)", re.MULTILINE)
# `# benchmark: NAME of NAME`: the first parameter is the second's benchmark (9.3.2 c)).
_BENCHMARK = re.compile(r"(?P<benchmark>[A-Za-z][A-Za-z0-9_]*) of (?P<cluster>[A-Za-z][A-Za-z0-9_]*)")
_INTEGER = re.compile(r"[+-]?[0-9]+")
MAX_INTEGER_DIGITS = 18  # so that every value fits a signed 64-bit integer, whatever the store
MOST_PAGE_NUMBER = 10 ** MAX_INTEGER_DIGITS - 1  # the largest offset or limit of a page
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_VALUE_LENGTH = 2000
# The engines a query may have a text of its own for, and what goes before that text on them.
# Virtuoso joins in the order the text gives (its own pragma, not SPARQL): an engine text is
# written in the order it should run, and Virtuoso's estimates, which differ from one server to
# the next, no longer choose the plan (README.md, "Texts per engine").
ENGINE_PROLOGUES: Mapping[str, str] = {"virtuoso": 'define sql:select-option "order"\n'}
# The names that choose a page of an answer rather than bind a variable (README.md, "Pages"),
# `snapshot` the token of the data a first page was read from: no query may have a parameter of
# these names.
PAGE_PARAMS = ("offset", "limit", "snapshot")


class ParamKind(Enum):
    """What a parameter's value is, which decides how it is checked and written."""

    IRI = "iri"
    LITERAL = "literal"
    INTEGER = "integer"


@dataclass(frozen=True)
class QueryParam:
    """One parameter of a named query: bound to the query variable of the same name."""

    name: str
    kind: ParamKind
    required: bool
    label: Mapping[Lang, str]


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library: its name (the file's stem), header and SPARQL text."""

    name: str
    title: Mapping[Lang, str]
    description: Mapping[Lang, str]
    clause: str | None
    params: tuple[QueryParam, ...]
    text: str
    variants: Mapping[str, str] = field(default_factory=dict)  # engine -> its own text
    # (benchmark, cluster): parameters never given one value, a cluster is not its own benchmark
    benchmark_of: tuple[str, str] | None = None
    columns: tuple[QueryColumn, ...] = ()  # its result variables, as its header describes them

    def text_for(self, engine: str | None) -> str:
        """The SPARQL text run on `engine`: its own text when it has one, else the standard."""
        return self.variants.get(engine or "", self.text)


def list_queries() -> tuple[NamedQuery, ...]:
    """Every named query, by name."""
    return tuple(_library().values())


def get_query(name: str) -> NamedQuery:
    """The named query `name`; NotFoundError when there is none."""
    library = _library()
    if name not in library:
        raise NotFoundError.of("query.unknown", name=name, known=", ".join(library))
    return library[name]


def values_given_once(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """(name, value) pairs as parameter values; InputError for a name given twice, which would
    leave the value to use unsaid."""
    values: dict[str, str] = {}
    for name, value in pairs:
        if name in values:
            raise _refused("repeated_param", name=name)
        values[name] = value
    return values


def bind(query: NamedQuery, values: Mapping[str, str], *, keep_placeholders: bool = False,
         engine: str | None = None) -> str:
    """The query's text (for `engine`: its own text after the engine's prologue, when it has one)
    with each given parameter's validated term in its placeholders, and the placeholders of the
    others taken out (unless `keep_placeholders`, for a text to edit).

    A `VALUES ?x { UNDEF }` line joins as the empty solution, so taking it out changes no answer
    (SPARQL 1.1, 18.2.4.3), and Virtuoso 7 answers wrongly with one before a subquery or beside
    another VALUES (?x unbound, or no rows). Raises InputError for an unknown parameter, a missing
    required one or an invalid value.
    """
    _check_names(query, values)
    terms = {p.name: _term(p, values[p.name]) for p in query.params if values.get(p.name)}
    if query.benchmark_of is not None:
        benchmark, cluster = query.benchmark_of
        if benchmark in terms and cluster in terms:
            check_other_cluster(values[cluster], values[benchmark], benchmark)

    def substitute(match: re.Match[str]) -> str:
        term = terms.get(match["name"])
        if term is None:
            return match[0] if keep_placeholders else ""
        return f"{match['indent']}VALUES ?{match['name']} {{ {term} }}\n"

    prologue = ENGINE_PROLOGUES[engine] if engine in query.variants else ""
    # One pass over the trusted text: an inserted term is never scanned again.
    return prologue + _PLACEHOLDER.sub(substitute, query.text_for(engine))


@dataclass(frozen=True)
class Page:
    """Which rows of an answer: the `limit` rows (None: all) after the first `offset`, in the
    query's own order (every named query orders its rows totally, so pages neither overlap nor
    skip a row)."""

    offset: int = 0
    limit: int | None = None

    def following(self) -> Page:
        """The page after this one, of the same size."""
        assert self.limit is not None
        return Page(self.offset + self.limit, self.limit)


def read_page(offset: str | None, limit: str | None, cap: int | None = None) -> Page:
    """The page that `offset` and `limit` (texts, as given; None: not given) ask for, `limit`
    at most `cap` (and `cap` when not given); InputError for a value that is no whole number,
    a negative one, one over MOST_PAGE_NUMBER, a limit of 0 or one above the cap."""
    start = _page_number("offset", offset, 0) if offset is not None else 0
    size = _page_number("limit", limit, 1, cap) if limit is not None else cap
    return Page(start, size)


def paged(text: str, page: Page, extra: int = 0) -> str:
    """A named query's (bound) text asking for the rows of `page` only, and `extra` more (one
    more tells whether another page follows). Every named query ends with its ORDER BY and
    has no LIMIT or OFFSET of its own (a test checks), so the clauses go after it: only
    numbers are added, no pattern, and the guard's analysis of the template still holds."""
    if page.offset == 0 and page.limit is None:
        return text
    clauses = [f"OFFSET {page.offset}"] if page.offset else []
    if page.limit is not None:
        clauses.append(f"LIMIT {page.limit + extra}")
    return text.rstrip("\n") + "\n" + " ".join(clauses) + "\n"


def run_named_query(store: Store, name: str, values: Mapping[str, str],
                    page: Page = Page(), extra: int = 0) -> list[dict[str, Node]]:
    """Bind and run a named query on the store, in the text for the store's engine, the rows of
    `page` and `extra` more; rows map result variables to terms.

    The template is guarded (parsed once, cached); binding writes only checked terms in place of
    `UNDEF`, takes unbound placeholders out and puts the engine's fixed prologue first, adding no
    pattern, so the bound text runs as an OwnQuery, unparsed.
    """
    rows = store.select(_bound_for(store, name, values, page, extra))
    return rows[page.offset:_end(page, extra)] if store.remote else rows


def stream_named_query(store: Store, name: str, values: Mapping[str, str],
                       page: Page = Page()) -> Iterator[dict[str, Node]]:
    """`run_named_query`'s rows one by one, as the store gives them: none are kept, so a large
    answer is written out in memory that does not grow with it."""
    rows = store.select_rows(_bound_for(store, name, values, page, 0))
    return itertools.islice(rows, page.offset, _end(page, 0)) if store.remote else rows


def _bound_for(store: Store, name: str, values: Mapping[str, str], page: Page,
               extra: int) -> OwnQuery:
    """The named query bound to `values` for the store's engine, asking the embedded store for
    `page` only. A remote store is sent the whole query, and the page cut from its answer, which
    it sends whole anyway: Virtuoso refuses a sorted answer whose OFFSET and LIMIT reach past its
    MaxSortedTopRows (10,000 rows unless its operator raised it; error SR353)."""
    query = get_query(name)
    engine = store.query_engine
    check_query(query.text_for(engine), QueryForm.SELECT)
    bound = bind(query, values, engine=engine)
    return OwnQuery(bound if store.remote else paged(bound, page, extra))


def _end(page: Page, extra: int) -> int | None:
    """The index past the last row of `page` and `extra` more (None: to the end)."""
    return None if page.limit is None else page.offset + page.limit + extra


@lru_cache(maxsize=None)
def result_columns(name: str) -> tuple[str, ...]:
    """The result variables of a named query, in the order its SELECT gives them."""
    return inspect_query(get_query(name).text).variables


@lru_cache(maxsize=None)
def reads_summary(name: str) -> bool:
    """Whether a named query reads the summary graphs (docs/store.md: the summary graph or an
    actual-values graph): its answer lacks rows or is wrong on a store whose summary another
    version of bcic wrote, until `bcic reindex`. Told from the IRIs its parsed text names (the
    guard's parse, cached: running the query reuses it), so that no file has to say it; an
    engine's text gives the same answer, from the same graphs (a test compares them)."""
    return any(iri == str(SUMMARY_GRAPH) or iri.startswith(ACTUAL_VALUES_ROOT)
               for iri in inspect_query(get_query(name).text).iris)


def check_summary_for(names: Iterable[str], needs_reindex: Callable[[], bool]) -> None:
    """SummaryOutdatedError (exit 4, 503) naming the named queries among `names` that read the
    summary graphs, when there are any and `needs_reindex()` (asked only then) says the store's
    summary was written by another version: their answers would miss rows or be wrong."""
    readers = [name for name in names if reads_summary(name)]
    if readers and needs_reindex():
        raise SummaryOutdatedError.of(
            f"error.store.needs_reindex.{'one' if len(readers) == 1 else 'other'}",
            queries=Listed(tuple({"en": n, "zh": n} for n in readers),
                           {"en": ", ", "zh": "、"}))


def _check_names(query: NamedQuery, values: Mapping[str, str]) -> None:
    """InputError unless each name in `values` is a parameter and each required one has a value."""
    unknown = ", ".join(sorted(set(values) - {p.name for p in query.params}))
    if unknown and not query.params:
        raise _refused("takes_no_params", query=query.name, names=unknown)
    if unknown:
        raise _refused("unknown_params", query=query.name, names=unknown,
                       known=", ".join(p.name for p in query.params))
    missing = ", ".join(p.name for p in query.params if p.required and not values.get(p.name))
    if missing:
        raise _refused("missing_params", query=query.name, names=missing)


def _page_number(name: str, value: str, least: int, cap: int | None = None) -> int:
    """A page's offset or limit as a whole number from `least` to `cap` (a limit's: the row
    limit) or else MOST_PAGE_NUMBER; InputError naming the bound a number crosses."""
    if not value.isascii() or not value.isdigit():
        raise _refused("page_not_number", name=name, value=value, least=least)
    # Counted in digits first: int() refuses a text of thousands of them.
    number = int(value) if len(value.lstrip("0")) <= MAX_INTEGER_DIGITS else None
    if cap is not None and (number is None or number > cap):
        raise _refused("limit_over_cap", value=value, cap=cap)
    if number is None:
        raise _refused("page_too_large", name=name, value=value, most=MOST_PAGE_NUMBER)
    if number < least:
        raise _refused("page_not_number", name=name, value=value, least=least)
    return number


def _term(param: QueryParam, value: str) -> str:
    """The value as SPARQL term text, or InputError when it is not a valid value of its kind."""
    if len(value) > MAX_VALUE_LENGTH:
        raise _refused("value_too_long", name=param.name, limit=MAX_VALUE_LENGTH)
    if param.kind is ParamKind.IRI:
        return checked_query_iri(value, param.name).n3()
    if param.kind is ParamKind.INTEGER:
        return _integer_term(value, param.name)
    return Literal(checked_text(value, param.name)).n3()


def _integer_term(value: str, name: str) -> str:
    """A decimal integer of at most MAX_INTEGER_DIGITS digits as a term, else InputError."""
    if not _INTEGER.fullmatch(value):
        raise _refused("not_integer", name=name, value=value)
    digits = len(value.lstrip("+-"))
    if digits > MAX_INTEGER_DIGITS:
        raise _refused("too_many_digits", name=name, value=value, digits=digits,
                       limit=MAX_INTEGER_DIGITS)
    return Literal(int(value)).n3()


def checked_text(value: str, name: str) -> str:
    """The value of parameter `name`, a text of one line: InputError when it holds a control
    character (a line feed, a NUL), which no label holds and no page shows."""
    if _CONTROL.search(value):
        raise _refused("control_character", name=name)
    return value


def checked_query_iri(value: str, name: str = "iri") -> URIRef:
    """An absolute http, https or urn IRI with no character SPARQL or Turtle would misread."""
    if (problem := iri_problem(value)) is not None:
        raise _refused("iri", name=name, problem=problem)
    return URIRef(value)


def _refused(key: str, /, **values: object) -> InputError:
    """An InputError saying the catalogue's message `query.<key>`."""
    return InputError.of(f"query.{key}", **values)


@lru_cache(maxsize=1)
def _library() -> dict[str, NamedQuery]:
    return build_library({f.name[:-3]: f.read_text(encoding="utf-8")
                          for f in resources.files(__name__).iterdir() if f.name.endswith(".rq")})


def build_library(texts: Mapping[str, str]) -> dict[str, NamedQuery]:
    """The named queries of the files' texts by stem (`name` for `name.rq`, `name.engine` for an
    engine's text of it), by name; CheckerError for a malformed file or a stray engine text."""
    queries = {stem: parse_named_query(stem, text) for stem, text in sorted(texts.items())
               if "." not in stem}
    for stem, text in texts.items():
        if "." in stem:
            name, engine = stem.split(".", 1)
            query = _main_of(stem, queries.get(name), engine)
            _check_placeholders(stem, text, query.params)
            queries[name] = replace(query, variants={**query.variants, engine: text})
    return queries


def _main_of(stem: str, query: NamedQuery | None, engine: str) -> NamedQuery:
    """The standard query an engine's text `stem.rq` belongs to; CheckerError when there is none
    or the engine is not one of ENGINE_PROLOGUES."""
    if engine not in ENGINE_PROLOGUES:
        raise _malformed(stem, f"'{engine}' is not an engine a query may have its own text for "
                               f"({', '.join(ENGINE_PROLOGUES)})")
    if query is None:
        raise _malformed(stem, f"no {stem.split('.')[0]}.rq beside it")
    return query


def parse_named_query(name: str, text: str) -> NamedQuery:
    """Read a `.rq` file's header (README.md) into a NamedQuery; CheckerError if it is malformed."""
    if not _NAME.fullmatch(name):
        raise _malformed(name, "the file name is not lower-case words joined by '-'")
    fields: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER_LINE.fullmatch(line)
        if match is None:
            raise _malformed(name, f"header line not 'key: value': {line!r}")
        fields.setdefault(match["key"], []).append(match["value"])
    allowed = {"clause", "param", "benchmark", "column"} | {
        f"{k}@{lang}" for k in ("title", "description") for lang in LANGUAGES}
    if extra := sorted(set(fields) - allowed):
        raise _malformed(name, f"unknown header key(s) {', '.join(extra)}")
    title, description = (_by_language(name, fields, key) for key in ("title", "description"))
    if any(len(fields.get(key, [])) > 1 for key in ("clause", "benchmark")) or any(
            len(fields[f"title@{lang}"]) > 1 for lang in LANGUAGES):
        raise _malformed(name, "title, clause and benchmark are given once")
    params = tuple(_param(name, line) for line in fields.get("param", []))
    if reserved := sorted({p.name for p in params} & {*PAGE_PARAMS, "lang"}):
        raise _malformed(name, f"parameter name(s) {', '.join(reserved)} choose a page or the "
                               f"language; give the parameter another name")
    _check_placeholders(name, text, params)
    clause = fields.get("clause", [None])[0]
    return NamedQuery(name, title, description, clause, params, text,
                      benchmark_of=_benchmark_of(name, fields.get("benchmark"), params),
                      columns=_columns(name, fields.get("column", [])))


def _columns(name: str, lines: list[str]) -> tuple[QueryColumn, ...]:
    """The `# column:` lines as columns; CheckerError for a malformed or repeated one."""
    columns = []
    for line in lines:
        column = parse_column(line)
        if column is None:
            raise _malformed(name, f"column not 'NAME iri|string|integer|number|boolean "
                                   f"@en \"…\" @zh \"…\"': {line!r}")
        columns.append(column)
    if len({c.name for c in columns}) != len(columns):
        raise _malformed(name, "a column is described twice")
    return tuple(columns)


def _benchmark_of(name: str, lines: list[str] | None,
                  params: tuple[QueryParam, ...]) -> tuple[str, str] | None:
    """The `# benchmark: NAME of NAME` pair, two IRI parameters of the query; None without one."""
    if lines is None:
        return None
    match = _BENCHMARK.fullmatch(lines[0])
    iris = {p.name for p in params if p.kind is ParamKind.IRI}
    if match is None or not {match["benchmark"], match["cluster"]} <= iris:
        raise _malformed(name, f"benchmark not 'NAME of NAME', two iri parameters: {lines[0]!r}")
    return match["benchmark"], match["cluster"]


def _by_language(name: str, fields: Mapping[str, list[str]], key: str) -> dict[Lang, str]:
    found: dict[Lang, str] = {}
    for lang in LANGUAGES:
        lines = fields.get(f"{key}@{lang}")
        if not lines or not all(lines):
            raise _malformed(name, f"no {key}@{lang}")
        found[lang] = " ".join(lines)  # a long description may go on over several lines
    return found


def _param(name: str, line: str) -> QueryParam:
    match = _PARAM.fullmatch(line)
    if match is None:
        raise _malformed(name, f"param not 'NAME iri|literal|integer required|optional "
                               f"@en \"…\" @zh \"…\"': {line!r}")
    return QueryParam(match["name"], ParamKind(match["kind"]), match["need"] == "required",
                      {"en": match["en"], "zh": match["zh"]})


def _check_placeholders(name: str, text: str, params: tuple[QueryParam, ...]) -> None:
    """Every parameter has a placeholder line, and every placeholder belongs to a parameter."""
    declared = {p.name for p in params}
    placed = {m["name"] for m in _PLACEHOLDER.finditer(text)}
    if len(declared) != len(params):
        raise _malformed(name, "a parameter is declared twice")
    if declared - placed:
        raise _malformed(name, f"no 'VALUES ?x {{ UNDEF }}' line for {sorted(declared - placed)}")
    if placed - declared:
        raise _malformed(name, f"placeholder(s) without a param line: {sorted(placed - declared)}")


def _malformed(name: str, problem: str) -> CheckerError:
    return CheckerError(f"named query {name}.rq: {problem}")

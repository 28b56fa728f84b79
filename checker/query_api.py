"""Named queries over HTTP: describe the library and answer one query as a JSON document."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from rdflib import Literal
from rdflib.term import Node

from .answer_cache import AnswerCache
from .errors import AnswerChangedError, InputError
from .i18n import Lang, phrase
from .json_values import JsonValue, json_value
from .queries import (PAGE_PARAMS, NamedQuery, Page, bind, check_summary_for, get_query,
                      list_queries, paged, read_page, result_columns, run_named_query)
from .queries.named_codes import check_codes_known
from .queries.named_iris import (KNOWN_IRI_TEMPLATE, check_iris_known, iri_values,
                                 known_iri_query, unknown_iri)
from .query_runner import QueryTimeoutError
from .sparql_service import (PLAIN_LINES, PLAIN_VALUES, RESULT_FORMATS, PreparedQuery,
                             SparqlService, prepare_bound_query)
from .store import Store

# The URL of a page of the answer, with the token of the data to read it from (None: none).
PageLink = Callable[[Page, str | None], str]
_TOKEN = re.compile(r"[0-9a-f]{16}")


@dataclass(frozen=True)
class NamedAnswer:
    """A named query's JSON document and the token of the data it was read from (`page_token`:
    of a snapshot, or of a remote store's whole answer)."""

    body: bytes
    read_from: str


def describe_query(query: NamedQuery, lang: Lang) -> dict[str, Any]:
    """A named query's title, description, clause and parameters, in `lang`."""
    return {
        "name": query.name,
        "title": query.title[lang],
        "description": query.description[lang],
        "clause": query.clause,
        "params": [{"name": p.name, "kind": p.kind.value, "required": p.required,
                    "label": p.label[lang]} for p in query.params],
    }


def query_catalogue(lang: Lang) -> list[dict[str, Any]]:
    """Every named query, described in `lang`."""
    return [describe_query(q, lang) for q in list_queries()]


def split_page(values: Mapping[str, str],
               cap: int) -> tuple[dict[str, str], Page, str | None]:
    """A named query's parameter values, the page that `offset` and `limit` among `values` ask
    for (`limit` at most `cap`, the row limit, and `cap` when not given), and the page token
    `snapshot` (None when not given); InputError for a bad `offset`, `limit` or token."""
    page = read_page(values.get("offset"), values.get("limit"), cap)
    token = values.get("snapshot")
    if token is not None and not _TOKEN.fullmatch(token):
        raise InputError.of("query.page_token", value=token)
    return {k: v for k, v in values.items() if k not in PAGE_PARAMS}, page, token


def page_token(state: str) -> str:
    """The token of the data a page was read from, which its `next` link carries: the first 16
    hex digits of the SHA-256 of `state` (a snapshot's name; a remote store's whole answer),
    which tell nothing of it."""
    return hashlib.sha256(state.encode("utf-8")).hexdigest()[:16]


def answer_named_query(service: SparqlService, answers: AnswerCache, name: str,
                       values: Mapping[str, str], page: Page, lang: Lang,
                       needs_reindex: Callable[[], bool], link: PageLink,
                       token: str | None = None) -> NamedAnswer:
    """Bind and run a named query through the guarded endpoint service (its limits, its workers,
    the reserved ones included), for the rows of `page`; a refused name or value is an
    InputError, and a query reading the summary graph while `needs_reindex()` (of the snapshot
    the workers read) is a SummaryOutdatedError. The answer is a JSON document: the query
    described in `lang`, the values, `columns`, `rows` (each a {column: value} object of the
    bound columns), the page's `offset` and `limit`, `truncated` (rows follow the page) and
    `next`, the `link` to the page after it with the token of the snapshot this page was read
    from (null when none follows). With the `token` of an earlier page, a page read from
    another snapshot is refused (AnswerChangedError): its rows would not continue that page's.

    The whole answer is asked for once per snapshot and kept in `answers`, and pages are cut
    from it (checker/answer_cache.py); a page beyond what it keeps runs the query for that page
    alone. Values are plain: IRIs as their text, literals as the JSON type of their datatype
    (checker/json_values.py: numbers, truth values, else the lexical form), not SPARQL syntax.
    The worker writes the columns and rows (PLAIN_LINES, PLAIN_VALUES); they are spliced in as
    they come, never decoded here: decoding SPARQL JSON and encoding its values again cost the
    server about 1 ms at 150 rows, more than the round trip to the worker.
    """
    query, bound, whole_query = _checked(service, name, values, needs_reindex)
    current = service.current_snapshot()
    if token is not None and current is not None:
        _same_data(token, page_token(current), page, link)  # a changed one costs no run
    key = (name, tuple(sorted(values.items())))
    kept = answers.get(current, key) if current is not None else None
    if kept is None and answers.may_hold(page):
        with _timed_out_said(name, service.limits.timeout, "query.timeout_whole"):
            whole = service.execute(whole_query, PLAIN_LINES, reserved=True,
                                    row_limit=answers.rows)
        assert whole.snapshot is not None  # a worker's answer names the snapshot it read
        kept = answers.keep(key, whole.snapshot, whole.body, whole.truncated)
    if kept is not None and (cut := kept.page(page)) is not None:
        (body, more), snapshot = cut, kept.snapshot
        empty = kept.complete and not kept.rows
    else:
        # One row past the page tells whether another follows; the worker stops there.
        prepared = prepare_bound_query(name, query.text, paged(bound, page, extra=1),
                                       service.limits)
        with _timed_out_said(name, service.limits.timeout, "query.timeout_page"):
            answer = service.execute(prepared, PLAIN_VALUES, reserved=True,
                                     row_limit=page.limit)
        assert answer.snapshot is not None
        body, more, snapshot = answer.body, answer.truncated, answer.snapshot
        empty = answer.rows == 0 and page.offset == 0
    if empty:  # asked only then: an IRI no statement names gives no rows
        _check_iris_known(service, query, values)
    read_from = page_token(snapshot)
    if token is not None:  # a write may have come between the check above and the run
        _same_data(token, read_from, page, link)
    head = _head(query, values, page, lang, more, link, read_from)
    return NamedAnswer(_merged(json.dumps(head, separators=(",", ":")).encode("ascii"), body),
                       read_from)


def named_request_data(service: SparqlService, name: str, values: Mapping[str, str], page: Page,
                       needs_reindex: Callable[[], bool], link: PageLink,
                       token: str | None = None) -> str | None:
    """What `answer_named_query` refuses before it runs anything (an unknown query, parameter or
    value, a summary graph that needs `bcic reindex`, the `token` of data that changed), refused
    here alike; the token of the snapshot the workers read now, which the answer would be read
    from (None before the first), for a conditional request answered with no run
    (web/etags.py)."""
    _checked(service, name, values, needs_reindex)
    current = service.current_snapshot()
    if current is None:
        return None
    read_from = page_token(current)
    if token is not None:
        _same_data(token, read_from, page, link)
    return read_from


def _checked(service: SparqlService, name: str, values: Mapping[str, str],
             needs_reindex: Callable[[], bool]) -> tuple[NamedQuery, str, PreparedQuery]:
    """The named query `name`, its text bound with `values` and that text prepared for the
    endpoint, once the query may be run (`check_summary_for`)."""
    query = get_query(name)
    bound = bind(query, values)
    whole_query = prepare_bound_query(name, query.text, bound, service.limits)
    check_summary_for([name], needs_reindex)
    return query, bound, whole_query


def _check_iris_known(service: SparqlService, query: NamedQuery,
                      values: Mapping[str, str]) -> None:
    """`check_iris_known` through the endpoint service's workers, which read the snapshot the
    answer was read from, or a newer one (a 9.1.4 code is checked in this process)."""
    check_codes_known(tuple(p.name for p in query.params), values)
    for name, value in iri_values(query, values):
        asked = prepare_bound_query("known-iri", KNOWN_IRI_TEMPLATE, known_iri_query(value),
                                    service.limits)
        answer = service.execute(asked, RESULT_FORMATS[0], reserved=True)
        if not json.loads(answer.body)["boolean"]:
            raise unknown_iri(name, value)


@contextmanager
def _timed_out_said(name: str, seconds: float, key: str) -> Iterator[None]:
    """A run of the named query `name` stopped by the time limit, said as the message `key`:
    the endpoint's own advice (add a LIMIT, make the query more selective) is for a query its
    client writes, which a named query's client cannot do."""
    try:
        yield
    except QueryTimeoutError:
        raise QueryTimeoutError.of(key, name=name, seconds=seconds) from None


def answer_named_query_on(store: Store, name: str, values: Mapping[str, str], page: Page,
                          lang: Lang, needs_reindex: Callable[[], bool], link: PageLink,
                          token: str | None = None) -> NamedAnswer:
    """`answer_named_query`'s document for an app that reads a remote store: the store's server
    runs the query (under its own time limit) and sends its whole answer, as it does for any
    page (checker/queries: Virtuoso refuses a sorted OFFSET past its MaxSortedTopRows), and the
    page is cut from it. A remote store has no snapshot to name, so the token is the whole
    answer's (`page_token` of its rows): a page whose answer differs from the one the token's
    page was cut from is refused (AnswerChangedError). Values are the same plain strings;
    refused as there."""
    query = get_query(name)
    bind(query, values)  # a refused value before the store is asked anything
    check_summary_for([name], needs_reindex)
    rows = run_named_query(store, name, values)
    if not rows:
        check_iris_known(store, query, values)
    read_from = page_token(_rows_text(rows))
    if token is not None:
        _same_data(token, read_from, page, link)
    end = None if page.limit is None else page.offset + page.limit
    shown = rows[page.offset:end]
    head = _head(query, values, page, lang, end is not None and len(rows) > end, link, read_from)
    plain = [{column: plain_value(value) for column, value in row.items()} for row in shown]
    return NamedAnswer(json.dumps({**head, "columns": list(result_columns(name)), "rows": plain},
                                  separators=(",", ":"), ensure_ascii=False).encode("utf-8"),
                       read_from)


def plain_value(term: Node) -> JsonValue:
    """A term as the named-query API writes it, as the worker does: a literal as the JSON type of
    its datatype, anything else as its text."""
    if isinstance(term, Literal):
        return json_value(str(term), None if term.datatype is None else str(term.datatype))
    return str(term)


def _rows_text(rows: list[dict[str, Node]]) -> str:
    """The rows as one text that differs whenever a row, its order or a term's kind, datatype
    or language does (each term in N-Triples syntax)."""
    return "\n".join(json.dumps({k: v.n3() for k, v in row.items()}, sort_keys=True,
                                 ensure_ascii=False) for row in rows)


def _same_data(token: str, read_from: str, page: Page, link: PageLink) -> None:
    """AnswerChangedError, naming the answer's first page, unless the page is read from the
    data the token names."""
    if token != read_from:
        first = link(Page(0, page.limit), None)
        raise AnswerChangedError(phrase("query.answer_changed", first=first), first)


def _head(query: NamedQuery, values: Mapping[str, str], page: Page, lang: Lang, more: bool,
          link: PageLink, read_from: str) -> dict[str, Any]:
    """The document's fields before its columns and rows."""
    return {**describe_query(query, lang), "values": dict(values), "offset": page.offset,
            "limit": page.limit, "truncated": more,
            "next": link(page.following(), read_from) if more else None}


def _merged(first: bytes, second: bytes) -> bytes:
    """Two JSON objects with distinct keys, written as one (the text of both, not parsed)."""
    assert first.startswith(b"{") and first.endswith(b"}") and first != b"{}"
    assert second.startswith(b"{") and second.endswith(b"}") and second != b"{}"
    return first[:-1] + b"," + second[1:]


def example_queries(lang: Lang, defaults: Mapping[str, str]) -> list[dict[str, Any]]:
    """Every named query described in `lang` with its SPARQL text, ready for an editor: each
    parameter named in `defaults` is bound to that value (and says so); the others stay unbound
    (their `VALUES … { UNDEF }` line matches anything), all of them when a required one has no
    default."""
    examples = []
    for query in list_queries():
        values = {p.name: defaults[p.name] for p in query.params if p.name in defaults}
        if any(p.required and p.name not in values for p in query.params):
            values = {}
        described = describe_query(query, lang)
        for param in described["params"]:
            param["default"] = values.get(param["name"])
        text = bind(query, values, keep_placeholders=True) if values else query.text
        examples.append({**described, "text": text})
    return examples

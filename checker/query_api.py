"""Named queries over HTTP: describe the library and answer one query as a JSON document."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from .i18n import Lang
from .queries import (NamedQuery, bind, check_summary_for, get_query, list_queries,
                      result_columns, run_named_query)
from .sparql_service import PLAIN_VALUES, SparqlService, prepare_bound_query
from .store import Store


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


def answer_named_query(service: SparqlService, name: str, values: Mapping[str, str],
                       lang: Lang, needs_reindex: Callable[[], bool]) -> bytes:
    """Bind and run a named query through the guarded endpoint service (its limits, its workers,
    the reserved ones included); a refused name or value is an InputError, and a query reading
    the summary graph while `needs_reindex()` (of the snapshot the workers read) is a
    SummaryOutdatedError. The answer is a JSON document: the query described in `lang`, the
    values, `columns`, `rows` (each a {column: value} object of the bound columns) and
    `truncated`.

    Values are plain strings: IRIs and literals as their text, not SPARQL syntax. The worker
    writes the columns and rows (PLAIN_VALUES); they are spliced in as they come, never decoded
    here: decoding SPARQL JSON and encoding its values again cost the server about 1 ms at 150
    rows, more than the round trip to the worker.
    """
    query = get_query(name)
    prepared = prepare_bound_query(query.text, bind(query, values), service.limits)
    check_summary_for([name], needs_reindex)
    answer = service.execute(prepared, PLAIN_VALUES, reserved=True)  # the app's own query
    head = {**describe_query(query, lang), "values": dict(values),
            "truncated": answer.truncated}
    return _merged(json.dumps(head, separators=(",", ":")).encode("ascii"), answer.body)


def answer_named_query_on(store: Store, name: str, values: Mapping[str, str], lang: Lang,
                          row_limit: int, needs_reindex: Callable[[], bool]) -> bytes:
    """`answer_named_query`'s document for an app that reads a remote store: the store's server
    runs the query (under its own time limit), and the rows past `row_limit` are dropped, which
    `truncated` says. Values are the same plain strings; refused as there."""
    query = get_query(name)
    bind(query, values)  # a refused value before the store is asked anything
    check_summary_for([name], needs_reindex)
    rows = run_named_query(store, name, values)
    head = {**describe_query(query, lang), "values": dict(values),
            "truncated": len(rows) > row_limit}
    plain = [{column: str(value) for column, value in row.items()} for row in rows[:row_limit]]
    return json.dumps({**head, "columns": list(result_columns(name)), "rows": plain},
                      separators=(",", ":"), ensure_ascii=False).encode("utf-8")


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

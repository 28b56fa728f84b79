"""Named queries over HTTP: describe the library and answer one query as a JSON document."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .i18n import Lang
from .queries import NamedQuery, bind, get_query, list_queries
from .sparql_service import RESULT_FORMATS, SparqlService, prepare_bound_query

_JSON = RESULT_FORMATS[0]


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
                       lang: Lang) -> dict[str, Any]:
    """Bind and run a named query through the guarded endpoint service (its limits, its workers).

    Values are plain strings: IRIs and literals as their text, not SPARQL syntax.
    """
    query = get_query(name)
    prepared = prepare_bound_query(query.text, bind(query, values), service.limits)
    answer = service.execute(prepared, _JSON)
    results = json.loads(answer.body)
    columns = results["head"].get("vars", [])
    rows = [{var: cell["value"] for var, cell in binding.items()}
            for binding in results["results"]["bindings"]]
    return {**describe_query(query, lang), "values": dict(values), "columns": columns,
            "rows": rows, "truncated": answer.truncated}


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
        examples.append({**described, "text": bind(query, values) if values else query.text})
    return examples

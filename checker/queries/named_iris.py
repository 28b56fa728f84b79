"""An IRI given to a named query that the store names nowhere, or a 9.1.4 code no indicator carries
(named_codes.py): refused (HTTP 404, exit 2), never answered with no rows.

Every named query matches an IRI parameter (a cluster, its benchmark, an indicator) through the
statements that name it, so one that no statement names leaves the answer empty: a partner who
mistyped a cluster's IRI would read "no rows" as "no data". The store is asked whether any
statement of any graph (a submission, a report, the rules) names the IRI as its subject or object,
and when none does the answer is refused, naming the parameter and the value. An IRI that some
statement names (a stored cluster; a peer that only a submission names, as its benchmark or
competitor, 9.3.2 c) d)) is answered as before, with no rows where the query has none for it.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Iterator, Mapping

from rdflib.term import Node

from ..errors import NotFoundError
from ..i18n import Listed, phrase
from ..indicator_scheme import indicator_scheme
from ..store.base import Store
from ..store.guard import OwnQuery
from . import NamedQuery, ParamKind, checked_query_iri
from .named_codes import check_codes_known

INDICATOR_PARAM = "indicator"  # the parameter name that takes a 9.1.4 indicator's IRI
_ASK = "ASK {{ {{ {iri} ?p ?o }} UNION {{ ?s ?p {iri} }} }}"
# The text `known_iri_query` writes with another IRI: what a guard analyses once for them all.
KNOWN_IRI_TEMPLATE = _ASK.format(iri="<urn:bcic:any>")


def iri_values(query: NamedQuery, values: Mapping[str, str]) -> list[tuple[str, str]]:
    """The IRI parameters of `query` given a value among `values`: (name, value) pairs."""
    return [(p.name, values[p.name]) for p in query.params
            if p.kind is ParamKind.IRI and values.get(p.name)]


def known_iri_query(iri: str) -> OwnQuery:
    """An ASK whether any statement names `iri` (checked as `bind` checks it) as its subject or
    object."""
    return OwnQuery(_ASK.format(iri=checked_query_iri(iri).n3()))


def unknown_iri(name: str, value: str) -> NotFoundError:
    """The error for parameter `name` given an IRI that no statement of the store names, its
    hint fit for what the parameter takes: an indicator (`indicator`) sends to the indicator
    scheme, with the indicator whose IRI is nearest, a cluster (`cluster`, `benchmark`, any
    other) to the stored clusters."""
    if name != INDICATOR_PARAM:
        return NotFoundError.of("query.unknown_iri", name=name, value=value)
    indicators = {str(i.iri): i for i in indicator_scheme().indicators}
    near = difflib.get_close_matches(value, list(indicators), 1, 0.6)
    nearest = "" if not near else phrase(
        "query.nearest_indicator", iri=near[0], code=indicators[near[0]].code,
        label=Listed((indicators[near[0]].labels,)))
    return NotFoundError.of("query.unknown_indicator", name=name, value=value, nearest=nearest)


def check_iris_known(store: Store, query: NamedQuery, values: Mapping[str, str]) -> None:
    """NotFoundError for a 9.1.4 code no indicator carries (named_codes.py), else for the first
    IRI parameter among `values` that no statement of the store names."""
    check_codes_known(tuple(p.name for p in query.params), values)
    for name, value in iri_values(query, values):
        if not store.ask(known_iri_query(value)):
            raise unknown_iri(name, value)


def known_or_refused(store: Store, query: NamedQuery, values: Mapping[str, str],
                     rows: Iterator[dict[str, Node]]) -> Iterator[dict[str, Node]]:
    """The rows of the query's whole answer, as they come; when there are none, first
    `check_iris_known` (asked only then: an answer with rows names its values)."""
    first = next(rows, None)
    if first is None:
        check_iris_known(store, query, values)
        return iter(())
    return itertools.chain([first], rows)

"""A read-only view of a data graph with a fixed set of extra triples beside it.

Validation needs the ontology's class hierarchy and concept typing beside a submission. Adding
those triples to the submission graph and taking them out again took about a fifth of the time
of validating a small submission, and changed the caller's graph meanwhile; this view leaves the
graph alone. A question that no extra triple can answer goes straight to the graph's own store;
the answers to the others (about ontology terms, asked again and again) are worked out once per
view, which makes validating through it faster than validating the merged graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import ConjunctiveGraph, Graph
from rdflib.store import Store
from rdflib.term import Node

Triple = tuple[Node, Node, Node]
_Pattern = tuple[Node | None, Node | None, Node | None]
_NO_CONTEXTS: tuple[Graph, ...] = ()


class Extra:
    """Triples to show beside any graph, indexed once by subject, predicate and object."""

    def __init__(self, triples: Iterable[Triple]) -> None:
        self.triples = tuple(dict.fromkeys(triples))
        self.by_subject: dict[Node, list[Triple]] = {}
        self.by_predicate: dict[Node, list[Triple]] = {}
        self.by_object: dict[Node, list[Triple]] = {}
        for triple in self.triples:
            self.by_subject.setdefault(triple[0], []).append(triple)
            self.by_predicate.setdefault(triple[1], []).append(triple)
            self.by_object.setdefault(triple[2], []).append(triple)

    def may_match(self, pattern: _Pattern) -> bool:
        """Whether some extra triple could match `pattern` (a test on its first bound term)."""
        subject, predicate, object_ = pattern
        if subject is not None:
            return subject in self.by_subject
        if object_ is not None:
            return object_ in self.by_object
        return predicate is None or predicate in self.by_predicate

    def matching(self, pattern: _Pattern) -> Iterator[Triple]:
        """The extra triples that match `pattern`."""
        subject, predicate, object_ = pattern
        if subject is not None:
            candidates = self.by_subject.get(subject, ())
        elif object_ is not None:
            candidates = self.by_object.get(object_, ())
        elif predicate is not None:
            candidates = self.by_predicate.get(predicate, ())
        else:
            candidates = self.triples
        return (t for t in candidates if (subject is None or t[0] == subject)
                and (predicate is None or t[1] == predicate)
                and (object_ is None or t[2] == object_))


def beside(data: Graph, extra: Extra) -> Graph:
    """A graph that reads as `data` plus `extra`; `data` must not change while it is in use.

    A Dataset or ConjunctiveGraph is read as the union of its graphs (a copy is made first).
    """
    if isinstance(data, ConjunctiveGraph):
        union = Graph()
        union.addN((s, p, o, union) for s, p, o, _graph in data.quads((None, None, None, None)))
        data = union
    view = Graph(store=_OverlayStore(data, extra), identifier=data.identifier)
    view.namespace_manager = data.namespace_manager  # prefixes in messages, as on `data`
    return view


class _OverlayStore(Store):
    """The store behind `beside`: `data`'s own store, with the extra triples it lacks."""

    context_aware = True  # pyshacl wraps every data graph in an rdflib Dataset
    graph_aware = True

    def __init__(self, data: Graph, extra: Extra) -> None:
        super().__init__()
        self._data = data
        self._store = data.store
        self._extra = extra
        self._answers: dict[_Pattern, tuple[Triple, ...]] = {}
        self._length: int | None = None

    def triples(self, triple_pattern, context=None):  # type: ignore[no-untyped-def,override]
        """The data's matches, plus the extra ones it lacks (worked out once per pattern)."""
        if not self._extra.may_match(triple_pattern):
            return self._store.triples(triple_pattern, context=self._data)
        answer = self._answers.get(triple_pattern)
        if answer is None:
            answer = self._answers[triple_pattern] = self._union(triple_pattern)
        return ((triple, iter(_NO_CONTEXTS)) for triple in answer)

    def __len__(self, context=None) -> int:  # type: ignore[no-untyped-def,override]
        if self._length is None:
            self._length = len(self._data) + sum(1 for triple in self._extra.triples
                                                 if triple not in self._data)
        return self._length

    def contexts(self, triple=None):  # type: ignore[no-untyped-def,override]
        return iter(_NO_CONTEXTS)

    def add(self, triple, context, quoted=False):  # type: ignore[no-untyped-def,override]
        raise TypeError("a graph with extra triples beside it is read-only")

    def remove(self, triple, context=None):  # type: ignore[no-untyped-def,override]
        raise TypeError("a graph with extra triples beside it is read-only")

    def _union(self, pattern: _Pattern) -> tuple[Triple, ...]:
        found = [triple for triple, _contexts in self._store.triples(pattern, context=self._data)]
        known = set(found)
        found += [triple for triple in self._extra.matching(pattern)
                  if triple not in known and triple not in self._data]
        return tuple(found)

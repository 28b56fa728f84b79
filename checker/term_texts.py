"""Which term of the ontology a text names, where a term is asked and a text is given (a listed
value, sh:in: org:role "行业内企业"; a value asked, sh:hasValue: bcic:covers "bcic:PlanPhase", or
"PlanPhase" under a JSON-LD @vocab), for a finding to say how to refer to the term instead."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rdflib import Literal, URIRef
from rdflib.term import Node


def names_term(text: str, term: Node, labels: Iterable[str] = ()) -> bool:
    """Whether a text names the term exactly: its IRI, its local name, a prefixed name ending in
    it (bcic:PlanPhase), or one of its labels."""
    if not isinstance(term, URIRef):
        return False
    written = text.strip()
    local = _local(str(term))
    return written in (str(term), local, *labels) or (
        bool(local) and written.endswith(f":{local}") and " " not in written)


def term_named(text: str, terms: Iterable[Node],
               labels: Mapping[Node, Iterable[str]]) -> Node | None:
    """The one of `terms` a text names: exactly (`names_term`), else the only one with a label
    containing it ("行业内企业" of 行业内企业角色); None where it names none, or several."""
    listed = [t for t in terms if isinstance(t, URIRef)]
    exact = [t for t in listed if names_term(text, t, labels.get(t, ()))]
    if exact:
        return exact[0] if len(exact) == 1 else None
    written = text.strip()
    within = [t for t in listed if len(written) > 1
              and any(written in label for label in labels.get(t, ()))]
    return within[0] if len(within) == 1 else None


def text_naming(term: Node, values: Iterable[Node], labels: Iterable[str] = ()) -> Literal | None:
    """The first text among `values` that names `term` exactly, None where none does."""
    names = tuple(labels)
    return next((v for v in values
                 if isinstance(v, Literal) and names_term(str(v), term, names)), None)


def _local(iri: str) -> str:
    """An IRI's local name: after its last '#' or '/'."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]

"""A submission's own prefixed names (docs/model.md decision 15): the prefixes each file declares
(Turtle's @prefix, JSON-LD context terms, RDF/XML xmlns), kept for a report to write a record the
way its file does (9.1.1: ex:body, not its full IRI), and to read a prefixed name RDF/XML's
rdf:resource left unexpanded ("ex:body") as the IRI it was meant to be."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rdflib import URIRef
from rdflib.term import Node

# A local name a prefixed name may take as it stands in Turtle and JSON-LD alike: no "/", "#",
# ":" or space, nor a "." at its end.
_LOCAL = re.compile(r"[\w-]+(?:[\w.-]*[\w-])?")
# How a namespace ends (an IRI's gen-delims): JSON-LD 1.1 takes a term ending otherwise for no
# prefix, so ex:body would not expand.
_NAMESPACE_ENDS = (":", "/", "?", "#", "[", "]", "@")
# An IRI as a prefixed name reads when nothing expanded it: a scheme that is a prefix, no "//".
_UNEXPANDED = re.compile(r"([A-Za-z][\w.-]*):([^/#?\s]+)")

Prefixes = Mapping[str, Mapping[str, str]]  # file as the report names it → prefix → namespace


def prefixed_name(iri: Node, declared: Mapping[str, str] | None) -> str | None:
    """`iri` as a prefixed name of the prefixes a file declares, the longest namespace first;
    None where none of them is its namespace."""
    text = str(iri)
    found = [(len(ns), prefix, text[len(ns):]) for prefix, ns in (declared or {}).items()
             if prefix and ns.endswith(_NAMESPACE_ENDS) and text.startswith(ns)
             and _LOCAL.fullmatch(text[len(ns):])]
    return f"{max(found)[1]}:{max(found)[2]}" if found else None


def unexpanded(value: Node | None, declared: Mapping[str, str] | None) -> URIRef | None:
    """The full IRI a value is, written as a prefixed name of a prefix the file declares that
    nothing expanded (RDF/XML's rdf:resource="ex:body" with xmlns:ex="https://…/": https://…/body);
    None for any other value."""
    if not isinstance(value, URIRef) or (written := _UNEXPANDED.fullmatch(str(value))) is None:
        return None
    namespace = (declared or {}).get(written[1])
    return URIRef(namespace + written[2]) if namespace else None


def may_be_unexpanded(value: Node | None) -> bool:
    """Whether a value reads as a prefixed name nothing expanded, whatever the file declares."""
    return isinstance(value, URIRef) and reads_prefixed(str(value))


def reads_prefixed(text: str) -> bool:
    """Whether a text reads as a prefixed name (ex:body), whatever the file declares."""
    return _UNEXPANDED.fullmatch(text) is not None


def prefixes_used(declared: Prefixes, records: Iterable[Node], written: Iterable[Node],
                  ) -> dict[str, dict[str, str]]:
    """Of the prefixes each file declares, those a report uses: a namespace of one of `records`
    (records and properties it tells how to write), a prefix one of `written` (values that may be
    prefixed names nothing expanded, texts written as one where a record is asked) is written
    with."""
    iris = [str(r) for r in records if isinstance(r, URIRef)]
    schemes = {str(w).split(":", 1)[0] for w in written if reads_prefixed(str(w))}
    kept = {file: {p: ns for p, ns in prefixes.items()
                   if p in schemes or any(iri.startswith(ns) for iri in iris)}
            for file, prefixes in declared.items()}
    return {file: prefixes for file, prefixes in kept.items() if prefixes}

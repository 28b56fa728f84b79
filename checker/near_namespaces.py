"""IRIs written under a namespace close to one of the standard's (bcic:, ind:, req:) but not it:
`http://` for `https://`, a character missing or added, another case, a trailing `/` for `#`.

No statement under such a namespace counts for any provision, and the IRIs are not of the
standard's namespaces, so checker/unknown_terms.py does not list them: a whole submission
written with `@prefix bcic: <http://w3id.org/bcic/ontology#>` would be reported as having no
cluster and no evidence, without a word why. Each such namespace is a note of the report with
the number of statements that use it and the namespace meant (docs/model.md, decision 15: a
note changes no status).

A namespace is close when, its case and an `http://` scheme aside, it is at most one character
inserted, removed or replaced away from the standard's. IRIs the rulebook itself describes (the
ontology's own IRI, `https://w3id.org/bcic/ontology`) and those under a version IRI of the
ontology (its owl:versionIRI `https://w3id.org/bcic/ontology/0.1.0`, another version, a file
under one) are not written under any namespace.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.term import Node

from .namespaces import BCIC, IND, ONTOLOGY_IRI, REQ

_NAMESPACES = (str(BCIC), str(IND), str(REQ))
# A version IRI of the ontology (owl:versionIRI in ontology/bcic.ttl) and what lies under it.
_VERSION = re.compile(re.escape(ONTOLOGY_IRI) + r"/\d+(\.\d+)*(/|#|$)")
_SEPARATORS = ("#", "/")


@dataclass(frozen=True)
class NearNamespace:
    """A namespace the submission writes IRIs under, close to one of the standard's."""

    written: str
    meant: str  # the standard's namespace it is close to
    statements: int  # how many statements use an IRI under it


def near_namespaces(data: Graph, described: Callable[[URIRef], bool]) -> tuple[NearNamespace, ...]:
    """Every namespace of `data` close to one of the standard's, with how many statements use an
    IRI under it (a statement counted once however many of its IRIs do), most used first;
    `described` tells an IRI the rulebook describes, which is none's."""
    seen: dict[Node, tuple[str, str] | None] = {}
    counts: dict[tuple[str, str], int] = {}
    for triple in data:
        found = set()
        for term in triple:
            if term not in seen:
                seen[term] = (_closest(str(term)) if isinstance(term, URIRef)
                              and not described(term) else None)
            if (near := seen[term]) is not None:
                found.add(near)
        for near in found:
            counts[near] = counts.get(near, 0) + 1
    return tuple(NearNamespace(written, meant, n) for (written, meant), n
                 in sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _closest(iri: str) -> tuple[str, str] | None:
    """The namespace the IRI is written under and the standard's it is close to, or None: the
    start of the IRI closest to a standard namespace, those ending in `#` or `/` first, then the
    shortest."""
    if iri.startswith(_NAMESPACES) or _VERSION.match(iri):
        return None
    lowered = iri.lower()
    if "w3id" not in lowered and "bcic" not in lowered:  # one change leaves one of them whole
        return None
    best: tuple[tuple[int, bool, int], str, str] | None = None
    for namespace in _NAMESPACES:
        for length in range(len(namespace) - 2, min(len(namespace) + 2, len(iri)) + 1):
            written = iri[:length]
            distance = _distance(_normal(written), namespace)
            if distance is None:
                continue
            rank = (distance, not written.endswith(_SEPARATORS), length)
            if best is None or rank < best[0]:
                best = (rank, written, namespace)
    return (best[1], best[2]) if best is not None else None


def _normal(namespace: str) -> str:
    """The namespace lower-cased, `http://` read as `https://`."""
    lowered = namespace.lower()
    return "https://" + lowered[len("http://"):] if lowered.startswith("http://") else lowered


def _distance(a: str, b: str) -> int | None:
    """0 when equal, 1 when one character inserted, removed or replaced makes them so, else None."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > 1:
        return None
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    skip_a = 1 if len(a) >= len(b) else 0
    skip_b = 1 if len(b) >= len(a) else 0
    return 1 if a[i + skip_a:] == b[i + skip_b:] else None

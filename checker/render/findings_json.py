"""Findings as JSON: what people read (sentences; `name`: a node's label in the report's
language, else in the other language, untagged or any, else its IRI shortened, a blank node with
no label an unnamed record of its class; `property`: the path in words) beside what machines match on (IRIs, SPARQL paths,
constraint components, shapes), for every node named."""

from __future__ import annotations

from typing import Any

from rdflib import BNode, Graph
from rdflib.term import Node

from ..findings import Candidate, Diagnosis, Finding, Lack
from ..shape_paths import ShapePath, path_sparql
from ..unknown_terms import Place
from .findings_view import Namer, Written, values_about, written_by

_NAMESPACES = Graph().namespace_manager  # the common W3C prefixes, for paths
_NAMESPACES.bind("bcic", "https://w3id.org/bcic/ontology#")


def findings_document(findings: tuple[Finding, ...], namer: Namer) -> list[dict[str, Any]]:
    """A requirement's findings, in the order and grouping the other formats show."""
    return [_finding(f, namer) for f in findings]


def _finding(finding: Finding, namer: Namer) -> dict[str, Any]:
    view = namer.view(finding, limit=None)
    values = values_about(finding)
    return {
        "message": view.message,
        "also": list(view.also),
        "severity": finding.severity.value,
        "missing": [_looked_from(d, namer) for d in finding.absences],
        # The terms whose records came closest, none as asked (9.2.1's indicators).
        "unmet": [_looked_from(d, namer) for d in finding.unmet],
        "missing_text": list(view.missing),
        "nodes": [_candidate(c, namer, values.get(c.node)) for c in
                  {c.node: c for d in finding.diagnoses for c in d.candidates}.values()],
        "shapes": sorted({str(d.result.source_shape) for d in finding.diagnoses}),
    }


def _looked_from(diagnosis: Diagnosis, namer: Namer) -> dict[str, Any]:
    """The term a diagnosis looked from (`code`: its 9.1.4 code, if any) and the property."""
    return {"about": node_text(diagnosis.about), "about_name": namer.name(diagnosis.about),
            "about_code": namer.codes.get(diagnosis.about) if diagnosis.about else None,
            "via": node_text(diagnosis.via)}


def _candidate(candidate: Candidate, namer: Namer, value: Node | None = None,
               record: Node | None = None, via: ShapePath | None = None) -> dict[str, Any]:
    """A node that came closest (placed as Namer.place_of places it) and what it lacks; a value
    `record` writes along `via` said as the text report says it (`written_by`)."""
    place = namer.place_of(candidate, value, record)
    return {"node": node_text(candidate.node), "name": namer.name(candidate.node),
            "code": namer.codes.get(candidate.node),  # a term's code (9.1.4's indicators)
            # A level's rank (9.2.3, bcic:levelRank): a finding lists levels best first.
            "rank": rank.rank if (rank := namer.ranks.get(candidate.node)) else None,
            # Where it is described in the submitted files (where the value the finding is about
            # is written, 6.2 d)); null when the report does not know.
            "place": _place(place),
            "lacks": [_lack(x, namer, candidate.node, written_by(candidate, x, record, via))
                      for x in candidate.lacks]}


def _lack(lack: Lack, namer: Namer, record: Node, writer: Written | None = None) -> dict[str, Any]:
    return {
        "text": namer.lack_text(lack, record, writer),
        # Where the text it finds where a record is asked is written (9.1.1); else null.
        "place": _place(namer.lack_place(lack, record)),
        "property": namer.path_of(lack.path) or None,
        "path": path_sparql(lack.path, _NAMESPACES),
        "constraint": lack.constraint,
        "expected": node_text(lack.expected),
        "expected_name": namer.name(lack.expected) if lack.expected is not None else None,
        "count": lack.count,
        "value": node_text(lack.value),
        "value_name": namer.name(lack.value) if lack.value is not None else None,
        "allowed": [{"node": node_text(v), "name": namer.name(v)} for v in lack.allowed],
        "shape": str(lack.shape),
        # As the sentence stands by them: a value written where a record is asked, not what a
        # record of the class lacks (checker/render/findings_view.py, `closest_said`).
        "closest": [_candidate(c, namer, record=record, via=lack.path)
                    for c in namer.closest_said(lack, record)],
    }


def _place(place: Place | None) -> dict[str, Any] | None:
    """A place in a submitted file, as JSON: file, line, column."""
    return {"file": place.file, "line": place.line, "column": place.column} \
        if place is not None else None


def node_text(node: Node | None) -> str | None:
    """An IRI or a literal's lexical form as a string; a blank node as `_:id`."""
    if node is None:
        return None
    return node.n3() if isinstance(node, BNode) else str(node)

"""Diagnoses as SHACL detail results (`sh:detail`), written into a report graph and read back.

Under a validation result: a detail per node of the submission that came closest (focus node:
that node; source shape: the shape it was held against, with that shape's path), and under it a
detail per thing it lacks (result path, source shape and constraint component of the property
shape that asks for it, the offending value, a message in each language), with the values that
came closest below that in turn. Where the shape reached no node, one detail says so: focus node
the standard's term, the result's own shape, path and constraint component, and the property
looked along (bcic:lookedAlong; a report stored before wrote it as an inverse result path, under
sh:MinCountConstraintComponent, which the shape need not have). Every detail names a constraint
component and path its source shape has.
Each detail has its place among its siblings (bcic:detailPosition, from 1), so a report read back
lists them as the fresh one did. What each lack expects (a value, class or datatype, a count, the
values a list allows) is not stored: it is read off its source shape (checker/shape_asks.py).
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.paths import InvPath
from rdflib.term import Node

from .diagnosis import Explainer, is_submission_node
from .findings import Candidate, Diagnosis, Lack
from .namespaces import BCIC
from .shacl import ShaclResult, shape_iri
from .shape_asks import LackMaker
from .shape_paths import read_path, write_path

LackMessages = Callable[[Lack], dict[str, str]]


def add_diagnosis(g: Graph, node: Node, diagnosis: Diagnosis, severity: Node,
                  messages: LackMessages, explainer: Explainer) -> None:
    """Write the diagnosis of the result `node` as its details."""
    result = diagnosis.result
    if diagnosis.absent and diagnosis.via is not None:
        detail = _detail(g, node, diagnosis.about, result.source_shape,  # type: ignore[arg-type]
                         result.constraint, severity)
        _add_shape_path(g, detail, result.source_shape, explainer)
        g.add((detail, BCIC.lookedAlong, diagnosis.via))
    for candidate in diagnosis.candidates:
        _add_candidate(g, node, candidate, result.constraint, severity, messages, explainer)


def _add_shape_path(g: Graph, detail: Node, shape: URIRef, explainer: Explainer) -> None:
    """The detail's result path: its source shape's own, where it has one."""
    if (path := explainer.path(shape)) is not None:
        g.add((detail, SH.resultPath, write_path(g, path)))


def _add_candidate(g: Graph, parent: Node, candidate: Candidate, constraint: str, severity: Node,
                   messages: LackMessages, explainer: Explainer) -> None:
    detail = _detail(g, parent, candidate.node, candidate.shape, constraint, severity)
    _add_shape_path(g, detail, candidate.shape, explainer)
    for lack in candidate.lacks:
        found = _detail(g, detail, candidate.node, lack.shape, lack.constraint, severity)
        if lack.path is not None:
            g.add((found, SH.resultPath, write_path(g, lack.path)))
        if lack.value is not None:
            g.add((found, SH.value, lack.value))
        for language, text in messages(lack).items():
            g.add((found, SH.resultMessage, Literal(text, lang=language)))
        for closer in lack.closest:
            _add_candidate(g, found, closer, lack.constraint, severity, messages, explainer)


def _detail(g: Graph, parent: Node, focus: Node, shape: URIRef, constraint: str,
            severity: Node) -> BNode:
    node = BNode()
    position = sum(1 for _ in g.objects(parent, SH.detail)) + 1
    g.add((parent, SH.detail, node))
    g.add((node, BCIC.detailPosition, Literal(position)))
    g.add((node, RDF.type, SH.ValidationResult))
    g.add((node, SH.focusNode, focus))
    g.add((node, SH.sourceShape, shape))
    g.add((node, SH.sourceConstraintComponent, SH[constraint]))
    g.add((node, SH.resultSeverity, severity))
    return node


def read_diagnosis(g: Graph, node: Node, result: ShaclResult, explainer: Explainer) -> Diagnosis:
    """The diagnosis written under the result `node` (none written: no node named)."""
    candidates, about, via = [], None, None
    if not is_submission_node(result.focus_node):
        about = result.focus_node
    for detail in sorted(g.objects(node, SH.detail), key=_order(g)):
        focus = g.value(detail, SH.focusNode)
        if focus is not None and not is_submission_node(focus):
            via = g.value(detail, BCIC.lookedAlong)  # type: ignore[assignment]
            if via is None:  # a report stored before: the inverse of the property looked along
                path = g.value(detail, SH.resultPath)
                inverse = read_path(g, path) if path is not None else None
                via = inverse.arg if isinstance(inverse, InvPath) else None  # type: ignore[assignment]
        elif focus is not None:
            candidates.append(_read_candidate(g, detail, focus, explainer))
    if about is not None and via is None and candidates:  # looked along as the shape does
        via = explainer.looked_along(result.source_shape)
    return Diagnosis(result, tuple(candidates), about, via)


def _read_candidate(g: Graph, detail: Node, focus: Node, explainer: Explainer) -> Candidate:
    lacks = []
    for found in sorted(g.objects(detail, SH.detail), key=_order(g)):
        shape = g.value(found, SH.sourceShape)
        constraint = str(g.value(found, SH.sourceConstraintComponent) or "").rsplit("#", 1)[-1]
        path = g.value(found, SH.resultPath)
        closest = tuple(_read_candidate(g, c, g.value(c, SH.focusNode), explainer)  # type: ignore[arg-type]
                        for c in sorted(g.objects(found, SH.detail), key=_order(g)))
        along = read_path(g, path) if path is not None else None
        lack = LackMaker(explainer, shape_iri(shape), along)
        lacks.append(lack(constraint, value=g.value(found, SH.value), closest=closest))
    return Candidate(focus, shape_iri(g.value(detail, SH.sourceShape)), tuple(lacks))


def _order(g: Graph) -> Callable[[Node], tuple[int, str, str, str]]:
    """Details in the order they were written (bcic:detailPosition); those of a report stored
    without positions by focus node, source shape, constraint."""
    def key(d: Node) -> tuple[int, str, str, str]:
        position = g.value(d, BCIC.detailPosition)
        return (int(position) if isinstance(position, Literal) else 0,
                str(g.value(d, SH.focusNode)), str(g.value(d, SH.sourceShape)),
                str(g.value(d, SH.sourceConstraintComponent)))
    return key

"""Work out, from the shapes themselves, which submission nodes a failing shape looked at and
what each lacks (checker/findings.py holds the model).

A shape's path is walked from its focus node until it reaches nodes of the submission (anything
outside the standard's namespace): the instances of a class, the records of a duty, the
specifications of an indicator. Each of those is then held against the rest of the shape
(checker/lack_finder.py) — its sh:hasValue, sh:minCount (along a path of several steps, where it
stopped), sh:maxCount, sh:class, sh:datatype, sh:in, sh:pattern, sh:languageIn, sh:node, sh:or (a
value that meets none of its shapes), sh:not and qualified value shapes, the property shapes of
those shapes in turn (down to the role of the member a duty's evidence document is attributed to,
4.2, or the Chinese name of a member of 4.1), a guarded shape's check — and the closest (the
fewest lacks) are kept (checker/closest_candidates.py).
Where no record refers to a term as the shape asks, the records of the class it asks for that
name the term through another property came closest (9.2.1's specifications).
A value that another shape asks for along the same property of the same record, and that meets
it, is there for that shape and is no near miss (the cultivation body a record's frame asks it to
name beside a member); the body is never a near miss of a member (7.4.2, 7.4.3, 7.4.4).
Constraint components not listed here are not explained (the result's message still is).
"""

from __future__ import annotations

from rdflib import RDF, RDFS, BNode, Graph, URIRef
from rdflib.namespace import SH
from rdflib.paths import InvPath
from rdflib.term import Node

from .closest_candidates import closest, in_order
from .findings import UNDESCRIBED, Candidate, Diagnosis, Lack
from .lack_finder import LackFinder
from .listing_order import ListingOrder
from .namespaces import is_bcic_term
from .shacl import ShaclResult
from .shape_guards import guarded_checks
from .shape_paths import INSTANCE_OF, ShapePath, is_type_step, joined, path_properties, path_steps


def is_submission_node(node: Node) -> bool:
    """Whether a node is the submission's own (not a term of the standard, not a literal)."""
    return isinstance(node, BNode) or (isinstance(node, URIRef) and not is_bcic_term(node))


class Explainer(LackFinder, ListingOrder):
    """The shapes, read once, to explain their results on any submission and to order them as
    the standard lists what they ask (checker/listing_order.py)."""

    def diagnose(self, data: Graph, result: ShaclResult) -> Diagnosis:
        """Explain one result on `data` (the submission with the ontology's hierarchy beside it)."""
        shape, focus = result.source_shape, result.focus_node
        if not is_submission_node(focus) and len(checks := guarded_checks(self.shapes, shape)) == 1:
            shape = checks[0]  # a term of the standard (9.2.1's indicator): its check is what failed
        path = self.path(shape)
        if is_submission_node(focus) or path is None:
            return Diagnosis(result, (self._candidate(data, focus, shape, path),))
        steps = path_steps(path)
        reached: set[Node] = {focus}
        for index, step in enumerate(steps):
            before, reached = reached, {o for n in reached for o in data.objects(n, step)}  # type: ignore[arg-type]
            nodes = [n for n in reached if is_submission_node(n)]
            if nodes or not reached:
                rest = joined(steps[index + 1:])
                found = [self._candidate(data, n, shape, rest) for n in in_order(nodes)]
                if not reached and index == len(steps) - 1:
                    found = self._named_otherwise(data, before, step, shape)
                return Diagnosis(result, closest(found), focus, _via(step))
        return Diagnosis(result, (), focus, _via(steps[-1]))

    def looked_along(self, shape: URIRef) -> URIRef | None:
        """The property along which a shape reaches the submission's records from a term of the
        standard, as `diagnose` finds it: rdf:type for the instances of a class, else the first
        step of its path (of its check, for a guarded shape) that is no walk down the class
        hierarchy (9.2.1: bcic:specifiesIndicator); for a report read back, which does not
        store it where records were found."""
        checks = guarded_checks(self.shapes, shape)
        path = self.path(checks[0] if len(checks) == 1 else shape)
        for step in path_steps(path) if path is not None else []:
            if is_type_step(step) or RDFS.subClassOf not in dict(path_properties(step)):
                return _via(step)
        return None

    def _named_otherwise(self, data: Graph, named: set[Node], step: ShapePath,
                         shape: URIRef) -> list[Candidate]:
        """Where no record refers to a node through the last step of a path (`^p`): the records
        of the class the shape asks for that name it through another property, each lacking the
        link (9.2.1: a specification naming its indicator by bcic:indicator, not
        bcic:specifiesIndicator) and what else the shape asks of it."""
        if not isinstance(step, InvPath) or not isinstance(step.arg, URIRef) or is_type_step(step):
            return []
        s = self.shapes
        qualified = s.value(shape, SH.qualifiedValueShape)
        cls = s.value(shape, SH["class"]) or (
            s.value(qualified, SH["class"]) if qualified is not None else None)
        if cls is None:
            return []
        found = []
        for node in in_order(named):
            records = {r for r, p in data.subject_predicates(node)
                       if p != step.arg and is_submission_node(r) and (r, INSTANCE_OF, cls) in data}
            for record in in_order(records):
                link = Lack(step.arg, shape, "HasValueConstraintComponent", value=node)
                rest = self.property_lacks(data, record, qualified, None, 1) \
                    if qualified is not None else ()
                found.append(Candidate(record, shape, (link, *rest)))
        return found

    def _candidate(self, data: Graph, node: Node, shape: URIRef,
                   rest: ShapePath | None) -> Candidate:
        if isinstance(node, URIRef) and next(data.predicate_objects(node), None) is None \
                and any(True for _ in self.property_lacks(data, node, shape, rest, 0)):
            # Named but described nowhere (a misspelt IRI): that, not each part it lacks, is said.
            return Candidate(node, shape, (Lack(None, shape, UNDESCRIBED),))
        return Candidate(node, shape, tuple(self.property_lacks(data, node, shape, rest, 0)))


def _via(step: ShapePath) -> URIRef | None:
    """The property a reaching step walks (backwards, in the shapes' forms)."""
    if is_type_step(step):
        return RDF.type
    properties = path_properties(step)
    return properties[-1][0] if properties else None

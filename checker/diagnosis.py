"""Work out, from the shapes themselves, which submission nodes a failing shape looked at and
what each lacks (checker/findings.py holds the model).

A shape's path is walked from its focus node until it reaches nodes of the submission (anything
outside the standard's namespace): the instances of a class, the records of a duty, the
specifications of an indicator. Each of those is then held against the rest of the shape — its
sh:hasValue, sh:minCount (along a path of several steps, where it stopped), sh:maxCount,
sh:class, sh:datatype, sh:in, sh:pattern, sh:languageIn, sh:node, sh:or (a value that meets none
of its shapes), sh:not and qualified value shapes, the property shapes of those shapes in turn
(down to the role of the member a duty's evidence document is attributed to, 4.2, or the Chinese
name of a member of 4.1), a guarded shape's check — and the closest (the fewest lacks) are kept.
Where no record refers to a term as the shape asks, the records of the class it asks for that
name the term through another property came closest (9.2.1's specifications).
A value that another shape asks for along the same property of the same record, and that meets
it, is there for that shape and is no near miss (the cultivation body that the frame asks a quality
project to name beside the member 7.4.2 asks for).
Constraint components not listed here are not explained (the result's message still is).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import PROV, SH, SKOS, XSD
from rdflib.paths import InvPath, MulPath, SequencePath
from rdflib.term import Node

from .findings import UNDESCRIBED, Candidate, Diagnosis, Lack
from .indicator_scheme import code_key
from .labels import labels_of
from .namespaces import SHP, is_bcic_term
from .rated_levels import LevelRank, best_first, level_ranks, rank_place
from .shacl import ShaclResult
from .shape_guards import guarded_checks
from .shape_order import display_order
from .shape_paths import ShapePath, is_type_step, joined, path_properties, path_steps, read_path
from .term_texts import text_naming
from .unit_attributes import unit_properties

_INSTANCE_OF = SequencePath(RDF.type, MulPath(RDFS.subClassOf, "*"))
_DEPTH = 10  # nested shapes explained below a candidate (9.2.3: level › scale › model › record › cluster)
# The properties by which the frame (shapes/provenance.ttl) asks for the body beside a member.
_FRAME_PROPERTIES = frozenset({PROV.wasAttributedTo, PROV.wasAssociatedWith})
_NOT_FOUND = 10_000  # the order of a shape whose term the provision's text does not name


def is_submission_node(node: Node) -> bool:
    """Whether a node is the submission's own (not a term of the standard, not a literal)."""
    return isinstance(node, BNode) or (isinstance(node, URIRef) and not is_bcic_term(node))


class Explainer:
    """The shapes, read once, to explain their results on any submission."""

    def __init__(self, shapes: Graph, ontology: Graph) -> None:
        self.shapes = shapes
        self.ontology = ontology
        self._paths: dict[Node, ShapePath | None] = {}
        self._qualified_along: dict[Node, list[tuple[Node, Node]]] | None = None
        self._units = unit_properties(ontology)

    def path(self, shape: Node) -> ShapePath | None:
        """The shape's sh:path, read once."""
        if shape not in self._paths:
            node = self.shapes.value(shape, SH.path)
            self._paths[shape] = read_path(self.shapes, node) if node is not None else None
        return self._paths[shape]

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
                found = [self._candidate(data, n, shape, rest) for n in _sorted(nodes)]
                if not reached and index == len(steps) - 1:
                    found = self._named_otherwise(data, before, step, shape)
                return Diagnosis(result, _closest(found), focus, _via(step))
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
        for node in _sorted(named):
            records = {r for r, p in data.subject_predicates(node)
                       if p != step.arg and is_submission_node(r) and (r, _INSTANCE_OF, cls) in data}
            for record in _sorted(records):
                link = Lack(step.arg, shape, "HasValueConstraintComponent", value=node)
                rest = self._property_lacks(data, record, qualified, None, 1) \
                    if qualified is not None else ()
                found.append(Candidate(record, shape, (link, *rest)))
        return found

    def _candidate(self, data: Graph, node: Node, shape: URIRef,
                   rest: ShapePath | None) -> Candidate:
        if isinstance(node, URIRef) and next(data.predicate_objects(node), None) is None \
                and any(True for _ in self._property_lacks(data, node, shape, rest, 0)):
            # Named but described nowhere (a misspelt IRI): that, not each part it lacks, is said.
            return Candidate(node, shape, (Lack(None, shape, UNDESCRIBED),))
        return Candidate(node, shape, tuple(self._property_lacks(data, node, shape, rest, 0)))

    def _property_lacks(self, data: Graph, node: Node, shape: Node, path: ShapePath | None,
                        depth: int) -> Iterable[Lack]:
        """What `node` lacks for `shape` whose values are reached along `path` (None: the node)."""
        values = _sorted(set(data.objects(node, path))) if path is not None else [node]  # type: ignore[arg-type]
        s = self.shapes
        lack = _LackMaker(self, _iri(shape), path)
        if path is None and isinstance(node, Literal) and s.value(shape, SH["class"]) is not None:
            # A text where a record is asked (9.1.1: a strategy by its title): that it is no
            # record is all there is to say; what a record of the class lacks is moot.
            yield lack("ClassConstraintComponent", value=node)
            return
        if (expected := s.value(shape, SH.hasValue)) is not None and expected not in values:
            # A text naming the value asked (bcic:covers "bcic:PlanPhase", 9.4.2): said to be one.
            yield lack("HasValueConstraintComponent", value=text_naming(
                expected, values, labels_of(self.ontology, expected).values()))
        if (least := s.value(shape, SH.minCount)) is not None and len(values) < int(least):
            yield lack("MinCountConstraintComponent",
                       closest=() if values else self._stopped(data, node, shape, path))
        if (most := s.value(shape, SH.maxCount)) is not None and len(values) > int(most):
            yield lack("MaxCountConstraintComponent", value=values[0] if int(most) == 0 else None,
                       closest=self._beside(data, node, shape) if int(most) == 0 else ())
        for cls in s.objects(shape, SH["class"]):
            yield from (lack("ClassConstraintComponent", value=v) for v in values
                        if (v, _INSTANCE_OF, cls) not in data)
        if (datatype := s.value(shape, SH.datatype)) is not None:
            # An ill-typed literal ("2021-02-30"^^xsd:date) is of no datatype, as pyshacl says.
            yield from (lack("DatatypeConstraintComponent", value=v) for v in values
                        if not isinstance(v, Literal) or _datatype(v) != datatype or v.ill_typed)
        if (allowed := s.value(shape, SH["in"])) is not None:
            members = set(Collection(s, allowed))
            yield from (lack("InConstraintComponent", value=v) for v in values
                        if v not in members)
        if (languages := s.value(shape, SH.languageIn)) is not None:
            ranges = [str(t) for t in Collection(s, languages)]
            yield from (lack("LanguageInConstraintComponent", value=v) for v in values
                        if not (isinstance(v, Literal) and _in_language(v.language, ranges)))
        if (kind := s.value(shape, SH.nodeKind)) is not None:
            yield from (lack("NodeKindConstraintComponent", value=v) for v in values
                        if not _of_kind(v, kind))
        if (pattern := s.value(shape, SH.pattern)) is not None:
            yield from (lack("PatternConstraintComponent", value=v) for v in values
                        if isinstance(v, BNode) or not re.search(str(pattern), str(v)))
        if depth >= _DEPTH:
            return
        if (listed := s.value(shape, SH["or"])) is not None and not guarded_checks(s, shape):
            options = list(Collection(s, listed))  # a value of none of them (9.4.1's priority)
            yield from (lack("OrConstraintComponent", value=v) for v in values
                        if all(self._fails(data, v, o, depth) for o in options))
        if (negated := s.value(shape, SH["not"])) is not None:
            yield from (lack("NotConstraintComponent", value=v) for v in values
                        if not self._fails(data, v, negated, depth))
        # A text where a record of a class is asked is said to be no record (its class lack,
        # above), and not held against what a record of the class lacks (decision 15).
        records = [v for v in values if not isinstance(v, Literal)] \
            if s.value(shape, SH["class"]) is not None else values
        # The parts of a record as the standard names them (sh:order), the others as listed.
        for inner in sorted(s.objects(shape, SH.property), key=lambda p: display_order(s, p)):
            for v in records:
                yield from self._property_lacks(data, v, inner, self.path(inner), depth + 1)
        for inner in s.objects(shape, SH.node):
            for v in records:
                found = tuple(self._property_lacks(data, v, inner, None, depth + 1))
                if path is None:  # the node itself must conform: its lacks are the shape's
                    yield from found
                elif found:
                    yield lack("NodeConstraintComponent", value=v,
                               closest=(Candidate(v, _iri(inner), found),))
        for inner in guarded_checks(s, shape):  # the guard does not hold: the check is what fails
            for v in records:
                yield from self._property_lacks(data, v, inner, self.path(inner), depth + 1)
        if (qualified := s.value(shape, SH.qualifiedValueShape)) is not None:
            claimed = self._claimed(data, node, path, qualified, values, depth)
            yield from self._qualified_lacks(data, node, lack, qualified, values, path, depth,
                                            claimed)

    def _beside(self, data: Graph, node: Node, shape: Node) -> tuple[Candidate, ...]:
        """Where a shape allows no value beside the property its targets are subjects of (9.2.3: no
        number beside a rated level): that property's values of the node, which the lack quotes,
        levels best first."""
        beside = self.shapes.value(shape, SH.targetSubjectsOf)
        if not isinstance(beside, URIRef):
            return ()
        values = set(data.objects(node, beside))
        return tuple(Candidate(v, _iri(shape), (Lack(beside, _iri(shape), "Beside"),))
                     for v in best_first(values, level_ranks(data, values)))

    def _stopped(self, data: Graph, node: Node, shape: URIRef | Node, path: ShapePath | None,
                 constraint: str = "MinCountConstraintComponent") -> tuple[Candidate, ...]:
        """Where a path of several steps reached nothing at its end: the values its first steps
        reached, each lacking the rest of it as `constraint` asks (9.2.3: an observation's
        cluster, which no cultivation body cultivates; 9.2.1: a specification's indicator, which
        no KPI system includes); none where the first step reached nothing."""
        steps = path_steps(path) if path is not None else []
        reached, walked = [node], 0
        for step in steps[:-1]:
            found = _sorted({o for n in reached for o in data.objects(n, step)})  # type: ignore[arg-type]
            if not found:
                break
            reached, walked = found, walked + 1
        if not walked:
            return ()
        expected, count = self.expectation(_iri(shape), constraint)
        rest = Lack(joined(steps[walked:]), _iri(shape), constraint, expected, count)
        return tuple(Candidate(n, _iri(shape), (rest,)) for n in reached)

    def _fails(self, data: Graph, value: Node, shape: Node, depth: int) -> bool:
        """Whether `value` lacks anything `shape` asks of it (itself, not along a path)."""
        return any(True for _lack in self._property_lacks(data, value, shape, None, depth + 1))

    def _qualified_lacks(self, data: Graph, node: Node, lack: _LackMaker, qualified: Node,
                         values: list[Node], path: ShapePath | None, depth: int,
                         claimed: set[Node]) -> Iterable[Lack]:
        held = [Candidate(v, _iri(qualified),
                          tuple(self._property_lacks(data, v, qualified, None, depth + 1)))
                for v in values]
        if path is None:  # the node itself must conform: what it lacks is what the shape asks
            yield from (x for c in held for x in c.lacks)
            return
        constraint = "QualifiedMinCountConstraintComponent"
        _expected, least = self.expectation(lack.shape, constraint)
        if sum(not c.lacks for c in held) < (least or 0):
            closest = _closest([c for c in held if c.lacks and c.node not in claimed]) if values \
                else self._stopped(data, node, lack.shape, path, constraint)
            yield lack(constraint, closest=closest)

    def _claimed(self, data: Graph, node: Node, path: ShapePath | None, qualified: Node,
                 values: list[Node], depth: int) -> set[Node]:
        """The values of `node` along `path`, a property of the frame (who made the record), that
        meet what another shape asks of a value along it for a record of its class (its
        sh:targetClass): the cultivation body the frame asks a quality project to name beside
        the member 7.4.2 asks for is there for the frame, and the body is no near miss of a
        member anywhere along the frame's properties. Along any other property a value stays a
        near miss (6.1.2.2's
        permission names the architecture's own mode, which 6.1.2.2 itself accepts)."""
        if path is None:
            return set()
        if self._qualified_along is None:
            s, self._qualified_along = self.shapes, {}
            for shape in set(s.subjects(SH.targetClass, None)):
                along, other = s.value(shape, SH.path), s.value(shape, SH.qualifiedValueShape)
                if along in _FRAME_PROPERTIES and other is not None:
                    self._qualified_along.setdefault(along, []).extend(
                        (cls, other) for cls in s.objects(shape, SH.targetClass))
        along = [(cls, other) for cls, other in self._qualified_along.get(path, [])
                 if other != qualified]
        classes = set(data.objects(node, _INSTANCE_OF)) if along else set()  # type: ignore[arg-type]
        others = {other for cls, other in along if cls in classes}
        # The body that cultivates the cluster, named for the record's frame or beside the member
        # a clause names (7.4.3, 7.4.4, which frame no body), is never a near miss of a member.
        if path in _FRAME_PROPERTIES and qualified != SHP.CultivatingBody:
            others.add(SHP.CultivatingBody)
        return {v for v in values
                if any(not self._fails(data, v, other, depth) for other in others)}

    def expectation(self, shape: URIRef, constraint: str) -> tuple[Node | None, int | None]:
        """What a shape's constraint component asks for: a value, class, datatype or language (a
        tag), and a count (both None where it asks for neither)."""
        s = self.shapes
        if constraint == "HasValueConstraintComponent":
            return s.value(shape, SH.hasValue), None
        if constraint == "MinCountConstraintComponent":
            return s.value(shape, SH["class"]), _int(s.value(shape, SH.minCount))
        if constraint == "MaxCountConstraintComponent":
            return None, _int(s.value(shape, SH.maxCount))
        if constraint == "NotConstraintComponent":  # the kind refused, by its label (9.2.3)
            return s.value(shape, SH["not"]), None
        if constraint == "QualifiedMinCountConstraintComponent":
            qualified = s.value(shape, SH.qualifiedValueShape)
            term = self.term_of(qualified) if qualified is not None else None
            if qualified is not None and s.value(qualified, RDFS.label) is not None:
                term = qualified  # a shape that says in words what it asks (shp:AssociationMember)
            if term is None and qualified is not None:  # a text in the language asked (4.1)
                term, _count = self.expectation(qualified, "LanguageInConstraintComponent")  # type: ignore[arg-type]
            return term, _int(s.value(shape, SH.qualifiedMinCount))
        if constraint == "ClassConstraintComponent":
            return s.value(shape, SH["class"]), None
        if constraint == "DatatypeConstraintComponent":
            return s.value(shape, SH.datatype), None
        if constraint == "LanguageInConstraintComponent" and \
                (languages := s.value(shape, SH.languageIn)) is not None:
            tags = list(Collection(s, languages))  # the one language asked (the shapes ask one)
            return (tags[0] if len(tags) == 1 else None), None
        return None, None

    def allowed(self, shape: URIRef, constraint: str) -> tuple[Node, ...]:
        """The values a shape's value list allows (sh:in), in its order; none for another
        constraint component or a shape with no list."""
        if constraint != "InConstraintComponent" or \
                (listed := self.shapes.value(shape, SH["in"])) is None:
            return ()
        return tuple(Collection(self.shapes, listed))

    def unit_of(self, path: ShapePath | None) -> URIRef | None:
        """Where the ontology keeps the unit of a figure reached along `path` (one property, the
        measure of a Data Cube structure: 9.2.3's bcic:observedValue), None where it keeps none."""
        return self._units.get(path) if isinstance(path, URIRef) else None

    def term_of(self, shape: Node) -> Node | None:
        """The term a node shape asks for, to name it: its sh:class, else the value or class of
        its first property shape that asks for one."""
        s = self.shapes
        found = s.value(shape, SH["class"])
        if found is not None:
            return found
        for inner in sorted(s.objects(shape, SH.property), key=str):
            for predicate in (SH.hasValue, SH["class"]):
                if (value := s.value(inner, predicate)) is not None:
                    return value
            if (nested := s.value(inner, SH.qualifiedValueShape)) is not None:
                return self.term_of(nested)
        return None

    def order(self, shape: URIRef, text: str) -> int:
        """Where the provision's text (zh) first names what `shape` asks for, so findings follow
        the order in which the standard lists the items; _NOT_FOUND when it does not. A label
        not in the text is looked for by its longest head or tail the text has (「管理人才」 in
        「研发、技术、管理、营销人才」, 「规范各环节间的关系」 in 「规范品牌各要素间、各环节间的关系」) that no
        other value of its scheme shares: 「关键的服务项目」 is found by 「关键的」, not by the
        「的服务项目」 of 「必须的服务项目」 (7.5.2)."""
        for term in self._terms_asked(shape):
            shared = self._sibling_labels(term)
            for label in sorted(labels_of(self.ontology, term).values(), key=len, reverse=True):
                for size in range(len(label), 1, -1):
                    for part in (label[:size], label[-size:]):
                        if (part == label or not any(part in other for other in shared)) \
                                and (at := text.find(part)) >= 0:
                            return at
        return _NOT_FOUND

    def _sibling_labels(self, term: Node) -> list[str]:
        """The labels of the other values of the concept schemes `term` is in."""
        o = self.ontology
        return [label for scheme in o.objects(term, SKOS.inScheme)
                for other in o.subjects(SKOS.inScheme, scheme) if other != term
                for label in labels_of(o, other).values()]

    def place(self, node: Node,
              ranks: Mapping[Node, LevelRank] | None = None) -> tuple[object, ...]:
        """Where the standard lists a node: a term with a code (9.1.4's indicators, `b.1.1`) by
        its code, before anything else; then a level of a rating scale (`ranks`) by its scale
        and rank, best first (9.2.3); then anything else by its IRI."""
        code = self.ontology.value(node, SKOS.notation)
        if code is not None:
            return (0, code_key(str(code)), "")
        if ranks is not None and node in ranks:
            return (1, rank_place(ranks[node]), str(node))
        return (2, (), str(node))

    def _terms_asked(self, shape: URIRef) -> list[Node]:
        s = self.shapes
        terms = [t for t in (s.value(shape, SH.hasValue), s.value(shape, SH["class"])) if t]
        if (qualified := s.value(shape, SH.qualifiedValueShape)) is not None:
            terms.append(self.term_of(qualified))
            terms += [p for inner in s.objects(qualified, SH.property)
                      for p, _inverse in path_properties(self.path(inner))]
        for check in guarded_checks(s, shape):
            terms += self._terms_asked(check)  # type: ignore[arg-type]
        properties = path_properties(self.path(shape))
        terms += [p for p, _inverse in reversed(properties) if p not in (RDF.type, RDFS.subClassOf)]
        terms += list(s.objects(shape, SH.targetNode)) + list(s.objects(shape, SH.targetClass))
        return [t for t in terms if t is not None]


class _LackMaker:
    """Lacks of one shape along one path, with what the shape asks for."""

    def __init__(self, explainer: Explainer, shape: URIRef, path: ShapePath | None) -> None:
        self.explainer, self.shape, self.path = explainer, shape, path

    def __call__(self, constraint: str, *, value: Node | None = None,
                 closest: tuple[Candidate, ...] = ()) -> Lack:
        expected, count = self.explainer.expectation(self.shape, constraint)
        return Lack(self.path, self.shape, constraint, expected, count, value, closest,
                    self.explainer.allowed(self.shape, constraint),
                    self.explainer.unit_of(self.path))


def _closest(candidates: list[Candidate]) -> tuple[Candidate, ...]:
    """The candidates with the fewest lacks; a text where a record is asked, which lacks only
    its class, is no nearer than any record, and comes only where no record did (9.1.1)."""
    records = [c for c in candidates if not _text_for_record(c)]
    pool = records or candidates
    if not pool:
        return ()
    fewest = min(len(c.lacks) for c in pool)
    return tuple(c for c in pool if len(c.lacks) == fewest)


def _text_for_record(candidate: Candidate) -> bool:
    """Whether a candidate is a text held against a shape that asks for a record of a class."""
    return isinstance(candidate.node, Literal) and bool(candidate.lacks) and all(
        x.constraint == "ClassConstraintComponent" and x.path is None for x in candidate.lacks)


def _via(step: ShapePath) -> URIRef | None:
    """The property a reaching step walks (backwards, in the shapes' forms)."""
    if is_type_step(step):
        return RDF.type
    properties = path_properties(step)
    return properties[-1][0] if properties else None


def _iri(node: Node) -> URIRef:
    """A shape's IRI (every shape has one, NOTES: blank-node shapes cannot be joined back)."""
    return node if isinstance(node, URIRef) else URIRef("")


def _datatype(literal: Literal) -> URIRef:
    """A literal's datatype as SHACL reads it: text without one is xsd:string, tagged text
    rdf:langString (rdflib gives None for both)."""
    if literal.datatype is not None:
        return literal.datatype
    return RDF.langString if literal.language else XSD.string


def _of_kind(node: Node, kind: Node) -> bool:
    """Whether a node is of the sh:nodeKind asked (9.2.3: a rated level is no text)."""
    kinds = {SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,),
             SH.BlankNodeOrIRI: (BNode, URIRef), SH.BlankNodeOrLiteral: (BNode, Literal),
             SH.IRIOrLiteral: (URIRef, Literal)}
    return isinstance(node, kinds.get(kind, (Node,)))  # type: ignore[arg-type]


def _in_language(tag: str | None, ranges: list[str]) -> bool:
    """Whether a language tag matches one of the ranges of sh:languageIn, as SPARQL's langMatches
    does: the range itself or a subtag of it, in any case (zh-CN and ZH are zh)."""
    tag = (tag or "").lower()
    return bool(tag) and any(tag == r.lower() or tag.startswith(r.lower() + "-") for r in ranges)


def _int(node: Node | None) -> int | None:
    return int(node) if isinstance(node, Literal) else None


def _sorted(nodes: Iterable[Node]) -> list[Node]:
    return sorted(nodes, key=lambda n: (isinstance(n, Literal), str(n)))

"""What a shape asks for, read off the shapes once: its path, the value, class, datatype, language
or count of each constraint component, the values its list allows, the term it asks for, where the
ontology keeps the unit of a figure along it; and a lack of one shape built with all of that."""

from __future__ import annotations

from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from .findings import Candidate, Lack
from .listed_values import few_listed
from .shape_paths import ShapePath, read_path
from .unit_attributes import unit_properties


class ShapeAsks:
    """The shapes (and the ontology beside them), read once, for what each shape asks."""

    def __init__(self, shapes: Graph, ontology: Graph) -> None:
        self.shapes = shapes
        self.ontology = ontology
        self._paths: dict[Node, ShapePath | None] = {}
        self._units = unit_properties(ontology)

    def asks_record(self, shape: Node) -> bool:
        """Whether a shape asks for a record: of a class (sh:class), or of one of several classes
        it names in words (sh:or of such shapes and an rdfs:label, 8.3.4 —2's shp:Party)."""
        s = self.shapes
        if s.value(shape, SH["class"]) is not None:
            return True
        listed = s.value(shape, SH["or"])
        options = list(Collection(s, listed)) if listed is not None else []
        return bool(options) and s.value(shape, RDFS.label) is not None and all(
            s.value(option, SH["class"]) is not None for option in options)

    def path(self, shape: Node) -> ShapePath | None:
        """The shape's sh:path, read once."""
        if shape not in self._paths:
            node = self.shapes.value(shape, SH.path)
            self._paths[shape] = read_path(self.shapes, node) if node is not None else None
        return self._paths[shape]

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
        if constraint == "ClassConstraintComponent":  # else records of classes it names (shp:Party)
            return s.value(shape, SH["class"]) or s.value(shape, RDFS.label) and shape, None
        if constraint == "DatatypeConstraintComponent":
            return s.value(shape, SH.datatype), None
        if constraint == "LanguageInConstraintComponent" and \
                (languages := s.value(shape, SH.languageIn)) is not None:
            tags = list(Collection(s, languages))  # the one language asked (the shapes ask one)
            return (tags[0] if len(tags) == 1 else None), None
        return None, None

    def allowed(self, shape: URIRef, constraint: str, value: Node | None = None) -> tuple[Node, ...]:
        """The values a shape's value list allows (sh:in), in its order; for a text given where a
        term of a class is asked, the few terms the ontology names for that class (7.1.2.1's
        kinds of fund, 8.2.4's forms), so the sentence offers the one the text names; none for
        another constraint component or a shape with no list."""
        if constraint == "ClassConstraintComponent" and isinstance(value, Literal) \
                and (cls := self.shapes.value(shape, SH["class"])) is not None:
            return few_listed(self.ontology, cls)
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


class LackMaker:
    """Lacks of one shape along one path, with what the shape asks for."""

    def __init__(self, asks: ShapeAsks, shape: URIRef, path: ShapePath | None) -> None:
        self.asks, self.shape, self.path = asks, shape, path

    def __call__(self, constraint: str, *, value: Node | None = None,
                 closest: tuple[Candidate, ...] = ()) -> Lack:
        expected, count = self.asks.expectation(self.shape, constraint)
        return Lack(self.path, self.shape, constraint, expected, count, value, closest,
                    self.asks.allowed(self.shape, constraint, value), self.asks.unit_of(self.path))


def _int(node: Node | None) -> int | None:
    return int(node) if isinstance(node, Literal) else None

"""Records dated before the activity they rest on: work that cannot have followed from it.

8.2.6 「对传播效果进行评价，并对传播内容和传播方式进行改进」, 6.1.1.2 「监测环境要素的变化，分析…定位的有效性」
and 9.4.1 「根据评价结果…确定持续改进的优先次序和改进方向」 ask work that rests on an evaluation, a
review or a monitoring: an improvement dated 2020 cannot rest on an evaluation of 2024. The links
are read off the checking shapes: a shape that targets a class (sh:targetClass) and asks, along
one property (prov:wasInformedBy, bcic:basedOn), itself or through its guarded check
(checker/shape_guards.py), a value of an activity class (a qualified value shape's sh:class under
bcic:ClusterActivity: an evaluation, a monitoring, a review, done at its date; a document such as a
strategy may be revised after what rests on it, and is not asked). A record of that class whose
dcterms:date is before the dcterms:date of such a value it names is a warning under the shape's
provision, naming both dates (shapes/report-date.ttl says what the check is): as a record dated
after the report (checker/dated_after.py, decision 11), a provision that would be met awaits the
evaluator and one not met keeps its status (docs/model.md, decision 28). Undated or malformed
dates are the shapes' findings, not these.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, SH
from rdflib.term import Node

from .dated_after import day_of, is_dated_after
from .i18n import LANGUAGES, message
from .namespaces import BCIC, SHP
from .notation import provision_notation
from .shacl import Severity, ShaclResult, path_text
from .shape_guards import guarded_checks

if TYPE_CHECKING:
    from .rulebook import Rulebook

ORDER_SHAPE = SHP.DateNotBeforeWhatItRestsOn
_LINKS = (PROV.wasInformedBy, BCIC.basedOn)  # the properties by which a record rests on another
_CONSTRAINT = "MinInclusiveConstraintComponent"  # the date of what it rests on is the bound


def is_date_warning(result: ShaclResult) -> bool:
    """Whether a result is a warning about a record's date (dated after the report, or before
    what it rests on), which makes a provision that would be met await the evaluator."""
    return is_dated_after(result) or result.source_shape == ORDER_SHAPE


def rest_links(shapes: Graph, ontology: Graph,
               shape_requirements: dict[URIRef, str]) -> tuple[tuple[Node, URIRef, Node, str], ...]:
    """(class, property, activity class, requirement) of each checking shape that asks a record
    of the class to rest on an activity of that class along that property (Rulebook keeps it)."""
    found = set()
    for shape, cls in shapes.subject_objects(SH.targetClass):
        if (rid := shape_requirements.get(shape)) is None:  # type: ignore[arg-type]
            continue
        for check in (shape, *guarded_checks(shapes, shape)):
            link, qualified = shapes.value(check, SH.path), shapes.value(check, SH.qualifiedValueShape)
            asked = shapes.value(qualified, SH["class"]) if qualified is not None else None
            if link in _LINKS and asked is not None and \
                    BCIC.ClusterActivity in set(ontology.transitive_objects(asked, RDFS.subClassOf)):
                found.add((cls, link, asked, rid))
    return tuple(sorted(found, key=lambda x: tuple(map(str, x))))  # type: ignore[arg-type]


def rested_on_later(view: Graph, rulebook: Rulebook) -> dict[str, list[ShaclResult]]:
    """Requirement id → a warning for each record that is evidence for it and is dated before
    an activity it rests on. `view` is the data as the shapes see it, the class hierarchy
    beside it."""
    found: dict[str, list[ShaclResult]] = {}
    path = path_text(rulebook.shapes_graph, rulebook.shapes_graph.value(ORDER_SHAPE, SH.path))
    for cls, link, asked, rid in rulebook.rest_links:
        for record, date, later in _earlier(view, cls, link, asked):
            found.setdefault(rid, []).append(ShaclResult(
                source_shape=ORDER_SHAPE, focus_node=record, path=path, value=date,
                severity=Severity.WARNING, constraint=_CONSTRAINT,
                messages={lang: message("report.earlier.date", lang, value=str(date),
                                        bound=str(later), provision=provision_notation(rid, lang))
                          for lang in LANGUAGES}))
    return found


def _earlier(view: Graph, cls: Node, link: URIRef, asked: Node) -> Iterator[tuple[Node, Node, Node]]:
    """Each record of `cls` with its date and the later date of an activity of class `asked` it
    names along `link` (the latest, where several are later)."""
    for record in sorted(set(_instances(view, cls)), key=str):
        own = [(d, day) for d in view.objects(record, DCTERMS.date) if (day := day_of(d))]
        if len(own) != 1:  # undated, or dated twice: the shapes' finding
            continue
        (date, day), = own
        later = [(after, d) for v in view.objects(record, link) if asked in _classes(view, v)
                 for d in view.objects(v, DCTERMS.date) if (after := day_of(d)) and after > day]
        if later:
            yield record, date, max(later, key=lambda pair: pair[0])[1]


def _instances(view: Graph, cls: Node) -> Iterator[Node]:
    """Instances of the class or of its subclasses."""
    for sub in view.transitive_subjects(RDFS.subClassOf, cls):
        yield from view.subjects(RDF.type, sub)


def _classes(view: Graph, node: Node) -> set[Node]:
    """The node's classes with their superclasses."""
    return {c for t in view.objects(node, RDF.type) for c in view.transitive_objects(t, RDFS.subClassOf)}

"""Records dated after the report: evidence that cannot show that the work was done.

A record shows that work was done only when it is dated by the day of the assessment: 6.2 d) asks
「对品牌战略的实施效果进行周期性评审」, 9.2.3 「定期进行绩效测量」, and a review dated 2999 or an actual
value for 2099 is none that has taken place. A validation takes the day it runs (the report's
`created`, a UTC date) and finds, in one pass over the dcterms:date triples and one over the
bcic:refYear triples,
- every record whose dcterms:date, an xsd:date or an xsd:dateTime (read in UTC), is after that day;
- every actual value (bcic:valueKind bcic:ActualValue) whose bcic:refYear, an xsd:gYear, is after
  that day's year (targets and forecasts look ahead and are never held against it).
Each is a warning (shapes/report-date.ttl says what the check is) under every provision the record
is evidence for, as the rulebook's shapes say: those whose shapes target one of its classes
(sh:targetClass, or an existence check's sh:targetNode, through the class hierarchy), and, for a
duty fulfilment and the evidence documents it generated, the duties it fulfils (bcic:fulfilsDuty,
the duty shapes' sh:targetNode). A provision that would be met but rests on such a record awaits
the evaluator; one already not met keeps its status and gains the warning
(checker/report_building.py, docs/model.md decision 11). Malformed dates and years are the shapes' findings, not these.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import DCTERMS, PROV, SH, XSD
from rdflib.term import Node

from .i18n import LANGUAGES, message
from .namespaces import BCIC, SHP
from .notation import provision_notation
from .shacl import Severity, ShaclResult, path_text

if TYPE_CHECKING:
    from .rulebook import Rulebook

DATE_SHAPE = SHP.DateNotAfterTheReport
YEAR_SHAPE = SHP.ActualYearNotAfterTheReport
# The report's day (or year) is the bound the two shapes stand for (sh:maxInclusive).
_CONSTRAINT = "MaxInclusiveConstraintComponent"
_GYEAR = re.compile(r"(-?\d{4,})(?:Z|[+-]\d{2}:\d{2})?")  # xsd:gYear's lexical form


def is_dated_after(result: ShaclResult) -> bool:
    """Whether a result is a record dated after the report (a warning of this module)."""
    return result.source_shape in (DATE_SHAPE, YEAR_SHAPE)


def dated_after(view: Graph, rulebook: Rulebook, today: date) -> dict[str, list[ShaclResult]]:
    """Requirement id → a warning for each record that is evidence for it and is dated after
    `today` (or, an actual value, for a year after its year). `view` is the data as the shapes
    see it, the class hierarchy beside it."""
    provisions = _Provisions(view, rulebook.evidence_targets)
    found: dict[str, list[ShaclResult]] = {}
    later = [(record, value, DATE_SHAPE, "report.later.date", today.isoformat())
             for record, value in view.subject_objects(DCTERMS.date)
             if (day := day_of(value)) is not None and day > today]
    later += [(record, value, YEAR_SHAPE, "report.later.year", str(today.year))
              for record, value in view.subject_objects(BCIC.refYear)
              if (year := _year(value)) is not None and year > today.year
              and (record, BCIC.valueKind, BCIC.ActualValue) in view]
    for record, value, shape, key, bound in later:
        path = path_text(rulebook.shapes_graph, rulebook.shapes_graph.value(shape, SH.path))
        for rid in sorted(provisions.of(record)):
            found.setdefault(rid, []).append(ShaclResult(
                source_shape=shape, focus_node=record, path=path, value=value,
                severity=Severity.WARNING, constraint=_CONSTRAINT,
                messages={lang: message(key, lang, value=str(value), bound=bound,
                                        provision=provision_notation(rid, lang))
                          for lang in LANGUAGES}))
    return found


def evidence_targets(shapes: Graph,
                     shape_requirements: Mapping[Node, str]) -> dict[Node, frozenset[str]]:
    """Each term a checking shape targets (a class by sh:targetClass; a class or a duty by
    sh:targetNode) → the requirements of the shapes that target it (Rulebook keeps it)."""
    found: dict[Node, set[str]] = {}
    for predicate in (SH.targetClass, SH.targetNode):
        for shape, term in shapes.subject_objects(predicate):
            if (rid := shape_requirements.get(shape)) is not None:  # a shape that checks one
                found.setdefault(term, set()).add(rid)
    return {term: frozenset(rids) for term, rids in found.items()}


class _Provisions:
    """The requirements a record is evidence for, read off the checking shapes' targets."""

    def __init__(self, view: Graph, targets: Mapping[Node, frozenset[str]]) -> None:
        self.view = view
        self.targets = targets  # a class or a duty → the requirements
        self._known: dict[Node, frozenset[str]] = {}  # by term, with its superclasses'

    def of(self, record: Node) -> set[str]:
        """Those of the record's classes and superclasses, and of the duties it fulfils."""
        terms = [*self.view.objects(record, RDF.type), *self._duties(record)]
        return set().union(*(self._of_term(term) for term in terms))

    def _of_term(self, term: Node) -> frozenset[str]:
        """A class's requirements with its superclasses' (a duty has none: its own), worked
        out once per term."""
        if term not in self._known:
            self._known[term] = frozenset(
                rid for c in self.view.transitive_objects(term, RDFS.subClassOf)
                for rid in self.targets.get(c, ()))
        return self._known[term]

    def _duties(self, record: Node) -> Iterator[Node]:
        """The duties a fulfilment fulfils; for an evidence document, those of the fulfilments
        that generated it (the duty shapes reach it by prov:generated)."""
        yield from self.view.objects(record, BCIC.fulfilsDuty)
        for activity in self.view.subjects(PROV.generated, record):
            yield from self.view.objects(activity, BCIC.fulfilsDuty)


def day_of(value: Node) -> date | None:
    """The day of an xsd:date as written, of an xsd:dateTime in UTC (one without a time zone as
    written); None for anything else or a malformed one."""
    if not isinstance(value, Literal) or value.datatype not in (XSD.date, XSD.dateTime):
        return None
    parsed = value.value
    if isinstance(parsed, datetime):
        return (parsed.astimezone(timezone.utc) if parsed.tzinfo else parsed).date()
    return parsed if isinstance(parsed, date) else None


def _year(value: Node) -> int | None:
    """The year of an xsd:gYear; None for anything else or a malformed one."""
    if not isinstance(value, Literal) or value.datatype != XSD.gYear:
        return None
    matched = _GYEAR.fullmatch(str(value))
    return int(matched.group(1)) if matched else None


"""Findings: validation results as people read them — which node of the submission came closest
to what a provision asks and what it lacks — grouped, folded and in the standard's order.

A result of an existence shape has the standard's class as its focus node, and a duty's result
the requirement (docs/evidence.md): neither is a node of the submission. Its `Diagnosis` names
the submission's nodes the shape reached instead (instances of the class, records of the duty),
the closest of them and what each lacks, or says that none exists (checker/diagnosis.py works
them out from the shapes). A requirement's findings are its diagnoses grouped by message; where
no node exists at all, the findings about that node's parts are moot and folded under it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import RDF, Literal, URIRef
from rdflib.term import Node

from .namespaces import REQ
from .prefixed_names import may_be_unexpanded
from .shacl import Severity, ShaclResult
from .shape_paths import ShapePath, path_properties
from .term_texts import written_prefixed

MIN_COUNT = "MinCountConstraintComponent"
CLASS = "ClassConstraintComponent"
# A record named but described nowhere in the submission (a misspelt IRI): its only lack.
UNDESCRIBED = "Undescribed"


@dataclass(frozen=True)
class Lack:
    """What one node lacks along one path: a value, a class, a count, or a value it should not
    have; the shape and component of the shapes graph that ask for it."""

    path: ShapePath | None  # None: the node itself (its class, its form)
    shape: URIRef
    constraint: str
    expected: Node | None = None  # the value (sh:hasValue), class or datatype asked for
    count: int | None = None  # the count asked for (min, max or qualified min)
    # A value that breaks the constraint; for a has-value lack of a shape that names no value,
    # the term the record should name along the path (9.2.1: its indicator).
    value: Node | None = None
    # The values that came closest to a qualified or a nested shape, or, where a path of several
    # steps stopped short, the values it reached, each lacking the rest of the path.
    closest: tuple[Candidate, ...] = ()
    # The values a value list allows (sh:in), in the shape's order, for the sentence to name.
    allowed: tuple[Node, ...] = ()
    # Where the ontology keeps the unit of a figure along the path (9.2.3: bcic:unitOfMeasure
    # beside bcic:observedValue, checker/unit_attributes.py), for a figure written with its unit.
    unit: URIRef | None = None


@dataclass(frozen=True)
class Candidate:
    """A node of the submission and what it lacks (nothing known: an empty tuple)."""

    node: Node
    shape: URIRef  # the shape it was held against
    lacks: tuple[Lack, ...] = ()


@dataclass(frozen=True)
class Diagnosis:
    """One validation result explained: the nodes of the submission that came closest, or, when
    the shape reached none, the standard's term it looked from (`about`) and the property it
    looked along (`via`, walked backwards: rdf:type for instances, bcic:fulfilsDuty for records)."""

    result: ShaclResult
    candidates: tuple[Candidate, ...] = ()
    about: Node | None = None
    via: URIRef | None = None

    @property
    def absent(self) -> bool:
        """Whether the shape found no node of the submission at all."""
        return self.about is not None and not self.candidates


@dataclass(frozen=True)
class Finding:
    """One message of a requirement, the diagnoses behind it, and the messages folded under it."""

    message: dict[str, str]
    severity: Severity
    diagnoses: tuple[Diagnosis, ...]
    also: tuple[dict[str, str], ...] = field(default=())
    folded: tuple[Diagnosis, ...] = field(default=())  # of the findings folded under it

    @property
    def absences(self) -> tuple[Diagnosis, ...]:
        """The diagnoses that found nothing, one per term looked from."""
        seen: dict[tuple[Node | None, URIRef | None], Diagnosis] = {}
        for d in self.diagnoses:
            if d.absent:
                seen.setdefault((d.about, d.via), d)
        return tuple(seen.values())

    @property
    def unmet(self) -> tuple[Diagnosis, ...]:
        """The diagnoses that looked from a term of the standard along a property and found
        records, none as asked, one per term looked from: which term goes without saying for
        the instances of a class, and for a duty, whose message cites its provision, but not for
        9.2.1's and 9.2.3's indicators, every one a KPI system includes."""
        seen: dict[tuple[Node | None, URIRef | None], Diagnosis] = {}
        for d in self.diagnoses:
            if d.candidates and d.about is not None and d.via not in (None, RDF.type) \
                    and not str(d.about).startswith(str(REQ)):
                seen.setdefault((d.about, d.via), d)
        return tuple(seen.values())


def arrange(diagnoses: list[Diagnosis], order: Callable[[URIRef], int],
            place: Callable[[Node], tuple[object, ...]]) -> tuple[Finding, ...]:
    """A requirement's findings: one per message, those made moot by a missing node folded under
    the finding that says it is missing, in the standard's order (`order` of a shape: where the
    provision's text names what it asks for; `place` of a focus node: where the standard lists
    it, 9.1.4's indicators by their codes)."""
    grouped: dict[tuple[tuple[str, str], ...], list[Diagnosis]] = {}
    for d in sorted(diagnoses, key=lambda d: (str(d.result.source_shape), place(d.result.focus_node),
                                              str(d.result.value))):
        grouped.setdefault(tuple(sorted(d.result.messages.items())), []).append(d)
    found = sorted((_finding(group) for group in grouped.values()),
                   key=lambda f: (not _says_missing(f), order(f.diagnoses[0].result.source_shape),
                                  f.message.get("zh", ""), f.message.get("en", "")))
    return tuple(_folded(found))


def _finding(group: list[Diagnosis]) -> Finding:
    severity = min((d.result.severity for d in group), key=list(Severity).index)
    return Finding(dict(group[0].result.messages), severity, tuple(group))


def _says_missing(finding: Finding) -> bool:
    """Whether the finding is only that some node does not exist (an existence shape)."""
    return all(d.absent and d.result.constraint == MIN_COUNT for d in finding.diagnoses)


def _folded(findings: list[Finding]) -> list[Finding]:
    """Findings less those whose every diagnosis finds no node that an earlier finding already
    finds missing: a moot one (its node does not exist, which an existence finding says) is
    dropped; others are folded under the first, so that the absence is said once."""
    kept: list[Finding] = []
    for finding in findings:
        absent = {(d.about, d.via) for d in finding.diagnoses}
        host = next((i for i, k in enumerate(kept)
                     if all(d.absent for d in finding.diagnoses)
                     and absent <= {(d.about, d.via) for d in k.absences}), None)
        if host is None:
            kept.append(finding)
            continue
        k = kept[host]
        also = k.also if _says_missing(k) else (*k.also, finding.message)  # else moot: dropped
        kept[host] = Finding(k.message, k.severity, k.diagnoses, also,
                             (*k.folded, *finding.diagnoses))
    return kept


def mentioned(findings: Iterable[Finding]) -> Iterator[Node]:
    """Every node the findings name, to label them."""
    for finding in findings:
        for d in finding.diagnoses:
            yield from (n for n in (d.about, d.via) if n is not None)
            yield from _candidates_mention(d.candidates)


def records_named(findings: Iterable[Finding]) -> Iterator[Node]:
    """Every node of the submission the findings name as a record that came closest, nested
    ones too (the values that came closest to what a record lacks)."""
    for finding in findings:
        for d in finding.diagnoses:
            yield from _candidate_nodes(d.candidates)


def values_named(findings: Iterable[Finding]) -> Iterator[tuple[Node, Node]]:
    """Every value of a record the findings are about, as (record, value), to place where it is
    written: a result's value where nothing else is said of its record (`value_of`), a text
    where a record is asked (`text_given`, and one among the values that came closest)."""
    for finding in findings:
        for d in finding.diagnoses:
            for candidate in d.candidates:
                if (value := value_of(d, candidate)) is not None:
                    yield candidate.node, value
                yield from _texts_named(candidate)


def properties_written(findings: Iterable[Finding]) -> Iterator[URIRef]:
    """The properties along which the findings find a value written where a record or a term is
    asked (`written_given`: the last step of its path), for a report to write a reference as an
    RDF/XML file does (<prov:wasAttributedTo rdf:resource="…"/>, 9.1.1)."""
    for finding in findings:
        for d in finding.diagnoses:
            yield from _properties_written(d.candidates)


def _properties_written(candidates: Iterable[Candidate]) -> Iterator[URIRef]:
    for candidate in candidates:
        for lack in candidate.lacks:
            steps = path_properties(lack.path)
            if steps and not steps[-1][1] and written_given(lack) is not None:
                yield steps[-1][0]
            yield from _properties_written(lack.closest)


def _texts_named(candidate: Candidate) -> Iterator[tuple[Node, Node]]:
    for lack in candidate.lacks:
        if (text := written_given(lack)) is not None:
            yield candidate.node, text
        for closer in lack.closest:
            if isinstance(closer.node, Literal):
                yield candidate.node, closer.node
            yield from _texts_named(closer)


def value_of(diagnosis: Diagnosis, candidate: Candidate) -> Node | None:
    """The one value a finding says a record is wrong by, to place the record where that value is
    written: the result's value where nothing else is said of the result's focus node (6.2 d): a
    record dated after the report, its date); the value every lack of the record names where all
    name the same one (9.2.3: a figure "35.2%"; a malformed date). None for a record lacking
    anything else (a value missing, two values wrong), which its description locates."""
    if candidate.lacks:
        values = {lack.value if _written_by(lack) else None for lack in candidate.lacks}
        return values.pop() if len(values) == 1 and None not in values else None
    return diagnosis.result.value if candidate.node == diagnosis.result.focus_node else None


def _written_by(lack: Lack) -> bool:
    """Whether a lack's value is one the record itself writes along one property and breaks the
    constraint by (not a has-value lack's term the record should name, not a value further on)."""
    return isinstance(lack.path, URIRef) and lack.constraint != "HasValueConstraintComponent"


def prefixed_given(lack: Lack) -> tuple[URIRef, URIRef] | None:
    """The value a lack finds written as a prefixed name nothing expanded (RDF/XML's
    rdf:resource="bcic:PolicyEnvironment", 5.1), and the term it names: the one asked (has-value)
    or one of those allowed (sh:in, 4.1's roles); None for any other lack."""
    if not isinstance(written := lack.value, URIRef):
        return None
    asked = (lack.expected,) if lack.constraint == "HasValueConstraintComponent" \
        else lack.allowed if lack.constraint == "InConstraintComponent" else ()
    meant = next((t for t in asked if written_prefixed(written, t)), None)
    return (written, meant) if isinstance(meant, URIRef) else None


def _written(prefixed: tuple[URIRef, URIRef] | None) -> URIRef | None:
    """The value as written of a prefixed name nothing expanded, if any."""
    return prefixed[0] if prefixed is not None else None


def written_given(lack: Lack) -> Node | None:
    """What a lack finds written where a record or a term is asked, for the report to place: a
    text (`text_given`), a prefixed name nothing expanded (`prefixed_given`), or a value that may
    be one where a record is asked (`unexpanded_given`)."""
    return text_given(lack) or _written(prefixed_given(lack)) or unexpanded_given(lack)


def unexpanded_given(lack: Lack) -> URIRef | None:
    """A value that reads as a prefixed name nothing expanded where a record of a class is asked
    (RDF/XML's rdf:resource="ex:body", 9.1.1): the lack's own value, or the one value that came
    closest, not of the class asked; None for any other lack. Whether a file declares its prefix
    is the report's to tell (checker/prefixed_names.py)."""
    if lack.constraint == CLASS and isinstance(lack.value, URIRef) \
            and may_be_unexpanded(lack.value):
        return lack.value
    only = lack.closest[0] if len(lack.closest) == 1 else None
    if only is not None and isinstance(node := only.node, URIRef) and may_be_unexpanded(node) \
            and any(x.constraint == CLASS and x.path is None for x in only.lacks):
        return node
    return None


def text_given(lack: Lack) -> Literal | None:
    """The text a lack finds where a record of a class is asked (9.1.1: a strategy by its
    title), the lack's own value or the one value that came closest; None for any other lack."""
    if lack.constraint == CLASS and isinstance(lack.value, Literal):
        return lack.value
    only = lack.closest[0] if len(lack.closest) == 1 else None
    if only is not None and isinstance(text := only.node, Literal) and only.lacks and all(
            x.constraint == CLASS and x.path is None for x in only.lacks):
        return text
    return None


def _candidate_nodes(candidates: tuple[Candidate, ...]) -> Iterator[Node]:
    for candidate in candidates:
        yield candidate.node
        for lack in candidate.lacks:
            yield from _candidate_nodes(lack.closest)


def _candidates_mention(candidates: tuple[Candidate, ...]) -> Iterator[Node]:
    for candidate in candidates:
        yield candidate.node
        for lack in candidate.lacks:
            yield lack.shape  # a form of value it names in words (shp:Number)
            yield from (p for p, _inverse in path_properties(lack.path))
            yield from (n for n in (lack.expected, lack.value, lack.unit) if n is not None)
            yield from lack.allowed
            yield from _candidates_mention(lack.closest)

"""Findings as sentences in the report's language: which submission record came closest and what
it lacks, every record and term named by its label (checker/findings.py holds the model).

Said for a reader who writes no RDF, as the hints are (checker/render/wording.py): a path step by
step, a value as written and what is wrong with it in words (not a year-month-day date, not a
number), a record with no label by its class, never a path's, a datatype's or a blank node's
notation. A record it points to that lacks one thing is said in the same sentence.

Here a finding is laid out: its nodes, where each is written, its absences; the words come from
term_namer.py (names), value_words.py (values, kinds, paths), value_lacks.py (what is wrong with a
value), lack_keys.py and lack_sentences.py (a lack as a sentence)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rdflib import RDF, Literal, URIRef
from rdflib.term import Node

from ..findings import Candidate, Diagnosis, Finding, Lack, value_of, written_given
from ..i18n import Lang, message
from ..prefixed_names import may_be_unexpanded
from ..report import Report
from ..shacl import Severity
from ..shape_paths import ShapePath
from ..unknown_terms import Place
from .lack_sentences import LackSayer
from .naming import pick, short_node
from .value_words import LISTED


NODES_SHOWN = 5  # nodes listed under one finding before "… and n more"
# The record that writes a value that came closest, and the path it writes it along.
Written = tuple[Node, ShapePath]


@dataclass(frozen=True)
class NodeLine:
    """A submission node as a report names it, and what it lacks."""

    name: str  # its label (the report's language first), else its shortened IRI (TermNamer.name)
    iri: str  # its shortened IRI, "" when `name` already is or it has none (a blank node)
    lacks: tuple[LackLine, ...]
    place: str = ""  # where it is described, as file:line; "" when the report does not know


@dataclass(frozen=True)
class LackLine:
    """One lack as a sentence, with the values that came closest to what is asked."""

    text: str
    closest: tuple[NodeLine, ...]


@dataclass(frozen=True)
class FindingView:
    """A finding in one language: its message, the messages folded under it, the nodes that
    do not exist, the nodes that came closest."""

    message: str
    also: tuple[str, ...]
    severity: Severity
    missing: tuple[str, ...]
    nodes: tuple[NodeLine, ...]
    more: int
    # Said above the nodes where they are levels of a rating scale, listed best first (9.2.3).
    order: str = ""


class Namer(LackSayer):
    """Names nodes and terms of one report in one language, and says what records lack."""

    def __init__(self, report: Report, lang: Lang) -> None:
        super().__init__(report, lang)
        self.places, self.ranks = report.record_places, report.ranks
        self.value_places = report.value_places

    def node_line(self, candidate: Candidate, value: Node | None = None,
                  record: Node | None = None, via: ShapePath | None = None) -> NodeLine:
        """A candidate named (beside its IRI; a blank node has none) and placed in the files
        (`place_of`), with its lacks as sentences; one `record` writes along `via` (a text that
        came closest) said as `record`'s value (`written_by`)."""
        iri = short_node(candidate.node, self.base)
        name = self.name(candidate.node)
        place = self.place_of(candidate, value, record)
        texts = [self.lack_place(x, candidate.node) for x in candidate.lacks]
        if place is not None and texts and all(p is not None and p.file == place.file
                                               for p in texts):
            # Each lack is a text where a record is asked (9.1.1), said where the text is
            # written: the record's own place, in the same file, would say the file twice.
            place = None
        return NodeLine(name, iri if iri != name else "",
                        tuple(self.lack_line(x, candidate.node, place,
                                             written_by(candidate, x, record, via))
                              for x in candidate.lacks),
                        _at(place) if place is not None else "")

    def place_of(self, candidate: Candidate, value: Node | None = None,
                 record: Node | None = None) -> Place | None:
        """Where a candidate is in the files: a text that came closest where `record` writes it;
        a record the finding is about by one value where the `value` is written (6.2 d): its later
        date; 9.2.3: a figure "35.2%"; a malformed date), which may be in another file than its
        description; else where the record is described."""
        if record is not None and isinstance(candidate.node, Literal):
            return self.value_places.get((record, candidate.node))
        if value is not None and \
                (place := self.value_places.get((candidate.node, value))) is not None:
            return place
        return self.places.get(candidate.node)

    def lack_line(self, lack: Lack, record: Node | None = None, shown: Place | None = None,
                  writer: Written | None = None) -> LackLine:
        """A lack of `record` as a sentence, with the values that came closest where the sentence
        does not already say what the one of them lacks; the place of its text unsaid where it is
        the record's, `shown` beside the record's name; said as of the value `writer` writes."""
        said, nested, _key = self.said(lack, *writer) if writer else self.said(lack, record)
        return LackLine(self._placed(said, lack, record, shown),
                        tuple(self.node_line(c, record=record, via=lack.path)
                              for c in lack.closest) if nested else ())

    def lack_text(self, lack: Lack, record: Node | None = None,
                  writer: Written | None = None) -> str:
        """What a node lacks, in words: the path, and the value, class, count or form expected;
        said as of the value `writer` writes (`written_by`)."""
        said = self.said(lack, *writer) if writer else self.said(lack, record)
        return self._placed(said[0], lack, record)

    def closest_said(self, lack: Lack, record: Node | None) -> tuple[Candidate, ...]:
        """The values that came closest as the sentence on `record`'s lack stands by them: a
        prefixed name nothing expanded where a record is asked (RDF/XML's rdf:resource="ex:body",
        9.1.1) by what it is alone, as the text and HTML reports say it, not held against what a
        record of the class asked lacks."""
        if self.unexpanded_meant(lack, record) is None:
            return lack.closest
        return tuple(replace(c, lacks=tuple(x for x in c.lacks if x.path is None))
                     for c in lack.closest)

    def lack_place(self, lack: Lack, record: Node | None) -> Place | None:
        """Where the text a lack of `record` finds where a record is asked is written (9.1.1), or
        the term it finds written as a prefixed name nothing expanded (5.1)."""
        text = written_given(lack)
        return self.value_places.get((record, text)) if text is not None and record else None

    def _placed(self, said: str, lack: Lack, record: Node | None,
                shown: Place | None = None) -> str:
        """A lack's sentence, with where its text is written when it finds a text where a record
        is asked and the report knows the place, unless that is the file and line `shown`."""
        place = self.lack_place(lack, record)
        if place is None or (shown is not None
                             and (place.file, place.line) == (shown.file, shown.line)):
            return said
        return said + message("report.lack.written_at", self.lang, place=_at(place))

    def missing(self, finding: Finding) -> tuple[str, ...]:
        """The absences of a finding, one sentence per property looked along; then the terms
        whose records came closest, none as asked (`Finding.unmet`: 9.2.1's indicators), one
        sentence per property too."""
        said = []
        for via, listed in self._by_via(finding.absences).items():
            if via == RDF.type:
                said.append(message("report.missing.instances", self.lang, about=listed))
            else:
                said.append(message("report.missing.via", self.lang, about=listed,
                                    via=self.name(via)))
        said += [message("report.missing.unmet_via", self.lang, about=listed, via=self.name(via))
                 for via, listed in self._by_via(finding.unmet).items()]
        return tuple(said)

    def _by_via(self, diagnoses: tuple[Diagnosis, ...]) -> dict[URIRef | None, str]:
        """The terms the diagnoses looked from, listed, by the property each looked along."""
        by_via: dict[URIRef | None, list[str]] = {}
        for d in diagnoses:
            by_via.setdefault(d.via, []).append(self.quoted(d.about))
        return {via: LISTED[self.lang].join(dict.fromkeys(names)) for via, names in by_via.items()}

    def view(self, finding: Finding, limit: int | None = NODES_SHOWN) -> FindingView:
        """A finding in the language; at most `limit` nodes listed (None: all)."""
        candidates = list({c.node: c for d in finding.diagnoses for c in d.candidates}.values())
        shown = candidates if limit is None else candidates[:limit]
        values = values_about(finding)
        says_missing = all(d.absent for d in finding.diagnoses) and not finding.also and all(
            d.result.constraint == "MinCountConstraintComponent" for d in finding.diagnoses)
        return FindingView(
            message=pick(finding.message, self.lang),
            also=tuple(pick(m, self.lang) for m in finding.also),
            severity=finding.severity,
            # An existence finding's message already says the node is missing: said once.
            missing=() if says_missing and len(finding.diagnoses) == 1 else self.missing(finding),
            nodes=tuple(self.node_line(c, values.get(c.node)) for c in shown),
            more=len(candidates) - len(shown),
            order=message("report.result.best_first", self.lang)
            if sum(c.node in self.ranks for c in candidates) > 1 else "",
        )


def written_by(candidate: Candidate, lack: Lack, record: Node | None,
               via: ShapePath | None) -> Written | None:
    """Whom a lack of the value itself (no path) of a candidate is said of: where the candidate
    is a value `record` writes along `via` (a text, or a prefixed name nothing expanded, where a
    record is asked: 9.1.1), that record and path, for the how-to to be written as its file
    writes one (ex:body, RDF/XML's <prov:wasAttributedTo rdf:resource="…"/>); else None."""
    written = isinstance(candidate.node, Literal) or may_be_unexpanded(candidate.node)
    return (record, via) if written and lack.path is None and record is not None \
        and via is not None else None


def values_about(finding: Finding) -> dict[Node, Node]:
    """The one value each record of a finding is about (`value_of`: 6.2 d)'s later date, 9.2.3's
    figure with its unit), to place it where that value is written."""
    return {c.node: v for d in finding.diagnoses for c in d.candidates
            if (v := value_of(d, c)) is not None}


def _at(place: Place) -> str:
    """Where a record or value is written, as file:line."""
    return f"{place.file}:{place.line}"

"""The typed conformance report: a status per requirement, rates, verdict (built from SHACL results
or stored outcomes by checker/report_building.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from rdflib import URIRef
from rdflib.term import Node

from .findings import Finding
from .guidance_model import Guidance
from .judgements import Judgement
from .rated_levels import LevelRank
from .rulebook import Layer, Level, Requirement
from .shacl import ShaclResult, Severity
from .body_roles import BodyRoles
from .unknown_terms import Place, TermNotes

class Status(Enum):
    """What the report says of one requirement."""

    MET = "met"
    NOT_MET = "not_met"
    MANUAL_REVIEW = "manual_review"
    NOT_APPLICABLE = "not_applicable"
    NOT_USED = "not_used"  # a may-level (可) provision the submission does not take up: information


@dataclass(frozen=True)
class RequirementOutcome:
    """One requirement's status, the validation results behind it (for machines) and the
    findings they make (for people: grouped, folded, in the standard's order)."""

    requirement: Requirement
    status: Status
    results: tuple[ShaclResult, ...]
    findings: tuple[Finding, ...] = ()
    guidance: Guidance | None = None  # where a report shows it (guidance_of)
    # The evaluator's judgement that made a provision the stored report left to them (待人工评审)
    # met or not met (checker/judgements.py); None: the status is the report's own.
    judgement: Judgement | None = None
    # A lead-in the stored report left pending whose list items, as judged, decide its status
    # rather than the data or its own judgement (checker/lead_ins.py): those judged not met, or,
    # its own text judged met, those still awaiting the evaluator.
    decided_by_items: tuple[str, ...] = ()

    @property
    def how_to(self) -> Guidance | None:
        """How to meet the requirement: said only when it is not met, or not used (may-level),
        by the data; a provision the evaluator judged, or a lead-in its judged items decide,
        shows that instead: the rationale is what the cluster acts on (decision 20)."""
        if self.judgement is not None or self.decided_by_items:
            return None
        return self.guidance if self.status in (Status.NOT_MET, Status.NOT_USED) else None


@dataclass(frozen=True)
class Rate:
    """Applicable shall-level requirements: how many are met, how many await manual review,
    out of how many apply. The rate is met ÷ applicable: a pending review is not met yet."""

    met: int
    total: int
    pending: int = 0

    @property
    def ratio(self) -> float:
        """The share met, pending reviews not counted; 1.0 when nothing applies."""
        return self.met / self.total if self.total else 1.0

    @property
    def not_met(self) -> int:
        """The applicable requirements neither met nor pending: the gaps."""
        return self.total - self.met - self.pending


@dataclass(frozen=True)
class StoredRevision:
    """Which stored revision a report read back from a store is (9.4's revision trail)."""

    number: int  # among its cluster's revisions, from 1
    key: str  # the cluster's 16-hex key, as in /clusters/<key>
    submitter: str | None = None  # who stored it, when the provenance names someone


@dataclass(frozen=True)
class RecheckedRevision:
    """The stored revision a report validates again, storing nothing (checker/recheck.py): which
    one, and the rulebook and verdict it was stored with."""

    cluster: str
    number: int
    key: str  # the cluster's 16-hex key, as in /clusters/<key>
    rulebook_version: str
    conforms: bool
    rate: Rate | None  # None: not summarised when it was stored
    rulebook_digest: str | None = None  # None: stored before revisions recorded it
    # The evaluator's judgements its stored verdict includes, and of them those the report
    # applies: of provisions it still leaves to the evaluator (docs/model.md, decision 20).
    judgements: int = 0
    judgements_applied: int = 0


@dataclass(frozen=True)
class Report:
    """A submission's conformance report under one rulebook version."""

    cluster: str | None
    cluster_label: dict[str, str]
    rulebook_version: str
    created: datetime
    files: tuple[str, ...]
    triples: int
    outcomes: tuple[RequirementOutcome, ...]
    conforms: bool
    overall: Rate
    by_chapter: dict[int, Rate]
    by_layer: dict[Layer, Rate]
    sha256: tuple[str, ...] = ()  # of each file's bytes, in the order of `files`, when known
    labels: Mapping[Node, Mapping[str, str]] = field(default_factory=dict)  # of nodes it names
    # The codes of the standard's terms it names that have one (9.1.4's indicators, `b.1.1`).
    codes: Mapping[Node, str] = field(default_factory=dict)
    # The scale and rank of each level of a rating scale it names, by which it lists them (9.2.3).
    ranks: Mapping[Node, LevelRank] = field(default_factory=dict)
    # The class of each blank node it names that has no label, to name it by (its labels beside).
    kinds: Mapping[Node, Node] = field(default_factory=dict)
    # IRIs of the standard's namespaces the rulebook does not define: notes that change nothing
    # above (checker/unknown_terms.py).
    term_notes: TermNotes = TermNotes()
    # Where each record its findings name is described in the submission's files, when the
    # loader can tell (checker/loading/record_places.py); none for a graph given without files.
    record_places: Mapping[Node, Place] = field(default_factory=dict)
    # Where each value its findings are about is written, by (record, value): a record's later
    # date (6.2 d)), a text where a record is asked (checker/loading/value_places.py).
    value_places: Mapping[tuple[Node, Node], Place] = field(default_factory=dict)
    revision: StoredRevision | None = None  # None: a validation, not read back from a store
    rechecked: RecheckedRevision | None = None  # the stored revision it validates again, if any
    # SHA-256 of the rule files that made it (Rulebook.digest); None for a report stored before
    # reports recorded it.
    rulebook_digest: str | None = None
    # A report read back from a store (checker/report_reader.py): the version of the running
    # rulebook, whose hints and rulebook links it shows ("": the rulebook that made it, as in a
    # fresh report), and the provisions it judged that the running rulebook no longer has.
    running_rulebook: str = ""
    not_in_rulebook: frozenset[str] = frozenset()
    # Every result of the SHACL run, as the engine gave them: the outcomes' results are these
    # less those another entails (`without_entailed`), plus bcic's own dated-after warnings. The
    # Turtle report's sh:result.
    shacl_results: tuple[ShaclResult, ...] = ()
    # The members' roles in the body that cultivates the cluster, by which 4.2's duties are set
    # aside or not (checker/body_roles.py); read back from a store, whether the body is declared
    # and the undefined roles without the roles held, and None for a report stored before reports
    # recorded them.
    body_roles: BodyRoles | None = None
    # Whether the indicator of each indicator observation its findings name is measured on a rating
    # scale, where a specification says (checker/rated_indicators.py): a value that is no number is
    # then said to be a level or not (9.2.3). Empty for a report read back from a store.
    rated: Mapping[Node, bool] = field(default_factory=dict)
    # Whether the submission's JSON-LD contexts declare the prefix xsd: (examples/bcic-context.jsonld
    # does): a finding's JSON-LD forms then write xsd:date, else the datatype's full IRI. False for
    # a submission with no JSON-LD file and for a report read back from a store.
    jsonld_xsd: bool = False
    # The record of the submission a text given where a record is asked names, by its local name
    # or a label (checker/meant_records.py, 9.1.1): text → record; a finding then says to refer
    # to that record.
    records_meant: Mapping[Node, URIRef] = field(default_factory=dict)
    # The prefixes each file declares that the report uses (checker/prefixed_names.py): file →
    # prefix → namespace; a record meant is written by its file's prefixed name (9.1.1), and a
    # prefixed name RDF/XML did not expand read as the IRI its file's xmlns makes of it.
    prefixes: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # The format the loader parsed each file in (file → short name: given, by its extension or
    # by its content), by which a finding says how to write a value as that file must; empty for
    # a graph given without files and a report stored before reports recorded it (then: by the
    # file's extension).
    formats: Mapping[str, str] = field(default_factory=dict)

    @property
    def hints_from_another_rulebook(self) -> bool:
        """Whether its hints and rulebook links come from a rulebook other than the one that
        made it (a stored report read back after the rules changed)."""
        return bool(self.running_rulebook) and self.running_rulebook != self.rulebook_version

    def outcome(self, requirement_id: str) -> RequirementOutcome:
        """The outcome of one requirement by its id."""
        return next(o for o in self.outcomes if o.requirement.id == requirement_id)

    def with_status(self, status: Status) -> tuple[RequirementOutcome, ...]:
        """The outcomes that have `status`, in clause order."""
        return tuple(o for o in self.outcomes if o.status is status)

    def manual_checklist(self) -> tuple[RequirementOutcome, ...]:
        """Every applicable requirement the evaluator must judge, whatever the shapes found."""
        return tuple(o for o in self.outcomes
                     if o.requirement.review_prompt and o.status is not Status.NOT_APPLICABLE)

    def awaiting_judgement(self) -> tuple[RequirementOutcome, ...]:
        """The checklist's items really awaiting the evaluator: those the shapes found no gap in
        (an item already not met needs new evidence first, not a judgement)."""
        return tuple(o for o in self.manual_checklist() if o.status is Status.MANUAL_REVIEW)

    def fails(self, threshold: Severity) -> bool:
        """Whether the report fails at `threshold`: always when not conformant, and for
        `Severity.WARNING` also when any should-level result was found."""
        if not self.conforms:
            return True
        worst = self.worst_severity()
        return threshold is Severity.WARNING and worst in (Severity.VIOLATION, Severity.WARNING)

    def worst_severity(self) -> Severity | None:
        """The most serious severity among the results of unmet requirements and the warnings of
        informative ones (9.3.2 c): a cluster named as its own benchmark); results behind a
        requirement that does not apply, such as a duty of a role the body lacks, do not count."""
        found = {r.severity for o in self.outcomes
                 if o.status is Status.NOT_MET or o.requirement.level is Level.INFORMATIVE
                 for r in o.results}
        return next((s for s in Severity if s in found), None)

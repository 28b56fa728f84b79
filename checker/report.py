"""The typed conformance report: a status per requirement, rates, verdict; built from SHACL results."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from enum import Enum
from typing import Any

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import ORG
from rdflib.term import Node

from .dated_after import dated_after
from .findings import Diagnosis, Finding, arrange, mentioned, records_named
from .guidance_model import Guidance, guidance_terms
from .judgements import Judgement
from .labels import collect_codes, collect_labels, cut_labels, kinds_of_unnamed
from .namespaces import BCIC
from .rated_levels import LevelRank, level_ranks
from .rulebook import SH, Layer, Level, Requirement, Rulebook
from .shacl import ShaclResult, Severity
from .unknown_terms import Locator, Place, TermNotes


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


def build_report(rulebook: Rulebook, data: Graph, results: list[ShaclResult], *,
                 files: tuple[str, ...], created: datetime,
                 cluster: URIRef | None, cluster_label: dict[str, str],
                 sha256: tuple[str, ...] = (), today: date | None = None,
                 term_notes: TermNotes = TermNotes(),
                 locate_records: Locator | None = None) -> Report:
    """Turn SHACL results into a status for every requirement of the catalogue. Records dated
    after `today` (by default the UTC day the report is `created`) are warnings under the
    provisions they are evidence for, which then await the evaluator rather than being met
    (checker/dated_after.py). The notes on unknown terms are kept beside, changing nothing, and
    where `locate_records` finds the records the findings name described."""
    by_requirement: dict[str, list[ShaclResult]] = {}
    for result in results:
        rid = rulebook.shape_requirements.get(result.source_shape)
        if rid is not None:
            by_requirement.setdefault(rid, []).append(result)
    by_requirement = {rid: without_entailed(found) for rid, found in by_requirement.items()}
    view = rulebook.engine.view(data)
    roles_present = roles_in_the_body(view)
    later = dated_after(view, rulebook, today or created.astimezone(timezone.utc).date())
    ranks = level_ranks(view)
    statuses: dict[str, Status] = {}
    # Items before their lead-ins: catalogue order reversed puts every list item first.
    for requirement in reversed(rulebook.requirements.values()):
        statuses[requirement.id] = _status(requirement, rulebook, statuses, roles_present,
                                           by_requirement.get(requirement.id, []),
                                           requirement.id in later)
    outcomes = tuple(RequirementOutcome(
        r, statuses[r.id], tuple(found := by_requirement.get(r.id, []) + later.get(r.id, [])),
        explained(rulebook, r, [rulebook.explainer.diagnose(view, x) for x in found], ranks),
        guidance_of(rulebook, r, statuses[r.id], found))
        for r in rulebook.requirements.values())
    labels, kinds, codes = names_of(rulebook, [*named_nodes(outcomes), *term_notes.suggestions],
                                    data)
    return report_from_outcomes(
        outcomes, cluster=str(cluster) if cluster is not None else None,
        cluster_label=cluster_label, rulebook_version=rulebook.version, created=created,
        files=files, triples=len(data), sha256=sha256, labels=labels, kinds=kinds, codes=codes,
        ranks=ranks, term_notes=term_notes, rulebook_digest=rulebook.digest,
        shacl_results=tuple(results),
        record_places=locate_records(_records_named(outcomes)) if locate_records else None)


def _records_named(outcomes: tuple[RequirementOutcome, ...]) -> list[URIRef]:
    """The records of the submission the findings name, each once, in order."""
    found = (n for o in outcomes for n in records_named(o.findings))
    return list(dict.fromkeys(n for n in found if isinstance(n, URIRef)))


def names_of(rulebook: Rulebook, nodes: list[Node], graph: Graph) -> tuple[
        dict[Node, dict[str, str]], dict[Node, Node], dict[Node, str]]:
    """The labels of the nodes a report names, from `graph` (the submission, or a stored report
    that wrote them) and the rulebook (the ontology's terms, the shapes' forms of value), the
    class of each blank node among them that has none, labelled too, and the codes the ontology
    gives the standard's terms among them (9.1.4's indicators)."""
    labels = collect_labels(nodes, graph, rulebook.labels_graph, rulebook.shapes_graph)
    kinds = kinds_of_unnamed(nodes, labels, graph, rulebook.labels_graph)
    return (labels | collect_labels(kinds.values(), rulebook.labels_graph), kinds,
            collect_codes(nodes, rulebook.labels_graph))


def roles_in_the_body(view: Graph) -> set[URIRef]:
    """The roles members hold in the body that cultivates the assessed cluster (4.2's duties bind
    them, docs/model.md decision 9), by the memberships the duty shapes count
    (shp:MembershipOfTheBody): an org:Membership whose org:organization is a bcic:CultivationBody
    that bcic:cultivates a cluster. A membership of another body, a benchmark's say, gives no role.
    `view` is the data as the shapes see it, the class hierarchy beside it."""
    bodies = _instances(view, BCIC.CultivationBody) & set(view.subjects(BCIC.cultivates, None))
    ours = _instances(view, ORG.Membership) & {
        membership for membership, body in view.subject_objects(ORG.organization) if body in bodies}
    return {role for membership, role in view.subject_objects(ORG.role)
            if membership in ours and isinstance(role, URIRef)}


def _instances(view: Graph, cls: URIRef) -> set[Node]:
    """The instances of `cls` or of a subclass of it, as sh:class counts them."""
    return {node for subclass in view.transitive_subjects(RDFS.subClassOf, cls)
            for node in view.subjects(RDF.type, subclass)}


def explained(rulebook: Rulebook, requirement: Requirement, diagnoses: list[Diagnosis],
              ranks: Mapping[Node, LevelRank]) -> tuple[Finding, ...]:
    """A requirement's diagnoses as findings in the order its text lists what it asks for, the
    levels of a rating scale they are about best first (`ranks`, 9.2.3)."""
    text = requirement.text.get("zh", "")
    explainer = rulebook.explainer
    return arrange(diagnoses, lambda shape: explainer.order(shape, text),
                   lambda node: explainer.place(node, ranks))


def guidance_of(rulebook: Rulebook, requirement: Requirement, status: Status,
                found: Sequence[ShaclResult] = ()) -> Guidance | None:
    """The requirement's guidance where a report shows it: how to meet it when it is not met or
    not used, the records to show when it is on the manual-review checklist; else None. A lead-in
    whose own records are all there (its existence checks gave no results, `found`) and that is
    not met through its list items alone shows none: the report names those items, whose hints say what is missing,
    not the records it has (5.3's analysis with only 5.3 —4's part lacking; decision 20 likewise)."""
    shown = status in (Status.NOT_MET, Status.NOT_USED) or (
        requirement.review_prompt is not None and status is not Status.NOT_APPLICABLE)
    guidance = rulebook.guidance.get(requirement.id) if shown else None
    if (guidance is not None and status is Status.NOT_MET and not found and not guidance.by_items
            and any(r.parent == requirement.id for r in rulebook.requirements.values())
            and _asks_existence(rulebook, requirement.id)):
        return None
    return guidance


def _asks_existence(rulebook: Rulebook, rid: str) -> bool:
    """Whether a shape of the provision targets a node (a class, a term: an existence check), so
    that its having no results says its records are there (5.3's analysis); shapes targeting only
    the instances of a class say nothing when there are none (8.1.3's designs)."""
    return any((s, SH.targetNode, None) in rulebook.shapes_graph
               for s, owner in rulebook.shape_requirements.items() if owner == rid)


def named_nodes(outcomes: tuple[RequirementOutcome, ...]) -> Iterator[Node]:
    """Every node a report names: the results', the findings' and the guidance's terms."""
    for outcome in outcomes:
        for result in outcome.results:
            yield result.focus_node
            if result.value is not None:
                yield result.value
        yield from mentioned(outcome.findings)
        if outcome.guidance is not None:
            yield from guidance_terms(outcome.guidance)


def report_from_outcomes(outcomes: tuple[RequirementOutcome, ...], *, cluster: str | None,
                         cluster_label: dict[str, str], rulebook_version: str,
                         created: datetime, files: tuple[str, ...], triples: int,
                         sha256: tuple[str, ...] = (),
                         labels: Mapping[Node, Mapping[str, str]] | None = None,
                         kinds: Mapping[Node, Node] | None = None,
                         codes: Mapping[Node, str] | None = None,
                         ranks: Mapping[Node, LevelRank] | None = None,
                         term_notes: TermNotes = TermNotes(),
                         revision: StoredRevision | None = None,
                         rulebook_digest: str | None = None,
                         shacl_results: tuple[ShaclResult, ...] = (),
                         record_places: Mapping[Node, Place] | None = None) -> Report:
    """A report over outcomes already decided (fresh, or read back from a store): the verdict
    and the rates count the shall-level requirements. Labels name things for people: each is
    cut at labels.NAME_CHARS characters, so a submission's megabyte label is not copied into every
    format and every page header. Of `ranks`, those of the levels it names are kept."""
    named = set(named_nodes(outcomes)) if ranks else set()
    return Report(
        cluster=cluster,
        cluster_label=cut_labels(cluster_label),
        rulebook_version=rulebook_version,
        created=created,
        files=files,
        triples=triples,
        **verdict_and_rates(outcomes),
        sha256=sha256,
        labels={node: cut_labels(found) for node, found in (labels or {}).items()},
        kinds=kinds or {},
        codes=codes or {},
        ranks={node: rank for node, rank in (ranks or {}).items() if node in named},
        term_notes=term_notes,
        revision=revision,
        rulebook_digest=rulebook_digest,
        shacl_results=shacl_results,
        record_places=record_places or {},
    )


def verdict_and_rates(outcomes: tuple[RequirementOutcome, ...]) -> dict[str, Any]:
    """A report's outcomes, verdict and rates (overall, by chapter, by layer) over `outcomes`:
    the verdict counts the gaps, the rates the shall-level requirements."""
    shall = [o for o in outcomes if o.requirement.level is Level.SHALL]
    return dict(
        outcomes=outcomes,
        conforms=not any(is_gap(o.requirement, o.status) for o in outcomes),
        overall=_rate(shall),
        by_chapter={c: _rate([o for o in shall if o.requirement.chapter == c])
                    for c in sorted({o.requirement.chapter for o in outcomes})},
        by_layer={layer: _rate([o for o in shall if o.requirement.layer is layer])
                  for layer in Layer})


def is_gap(requirement: Requirement, status: Status) -> bool:
    """Whether this outcome is a gap: a shall-level (应) requirement not met. Gaps alone decide
    the verdict; a may-level item not met (8.3.1, 可) is information, a pending manual review is
    the evaluator's to judge, and should-level (宜) results, of which the draft has none, fail a
    report only at the `Severity.WARNING` threshold."""
    return status is Status.NOT_MET and requirement.level is Level.SHALL


def without_entailed(results: list[ShaclResult]) -> list[ShaclResult]:
    """One requirement's results less those another entails: where a node has no value at all on
    a path (sh:minCount), a qualified count on the same node and path says nothing more."""
    empty = {(r.focus_node, r.path) for r in results if r.constraint == "MinCountConstraintComponent"}
    return [r for r in results if not (r.constraint == "QualifiedMinCountConstraintComponent"
                                       and (r.focus_node, r.path) in empty)]


def _status(requirement: Requirement, rulebook: Rulebook, known: dict[str, Status],
            roles_present: set[URIRef], results: list[ShaclResult], dated_later: bool) -> Status:
    """What the report says of a requirement, from its violations (not the warnings of records
    dated after the report: `dated_later` says whether it rests on one) and its items' status.
    One that nothing checks (no shape, no review prompt, no item that decides it: a coverage gap,
    `bcic rules coverage`) is never met: the data were not asked, so it awaits the evaluator."""
    if requirement.level is Level.INFORMATIVE:
        return Status.NOT_APPLICABLE
    if requirement.is_duty and not requirement.actors & roles_present:
        return Status.NOT_APPLICABLE  # no member of the role the duty binds (4.2)
    items = rulebook.children(requirement.id)
    children = [known[c.id] for c in items]
    if not (requirement.shapes or requirement.review_prompt
            or any(c.level is not Level.INFORMATIVE for c in items)):
        return Status.MANUAL_REVIEW
    if requirement.level is Level.MAY and results:
        return Status.NOT_USED
    if results or Status.NOT_MET in children:
        return Status.NOT_MET
    if children and all(s is Status.NOT_APPLICABLE for s in children) and not requirement.shapes:
        return Status.NOT_APPLICABLE
    if requirement.review_prompt or dated_later or Status.MANUAL_REVIEW in children:
        return Status.MANUAL_REVIEW
    return Status.MET


def _rate(outcomes: list[RequirementOutcome]) -> Rate:
    applicable = [o for o in outcomes if o.status is not Status.NOT_APPLICABLE]
    return Rate(met=sum(o.status is Status.MET for o in applicable), total=len(applicable),
                pending=sum(o.status is Status.MANUAL_REVIEW for o in applicable))

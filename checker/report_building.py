"""Building the typed conformance report from SHACL results (validation) or from stored outcomes
(a report read back): each requirement's status, findings and hint, the names a report needs,
rates and verdict (checker/report.py holds what it builds)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, timezone
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .body_roles import BodyRoles, placed, role_pairs, roles_in_the_body
from .dated_after import dated_after
from .findings import (Diagnosis, Finding, arrange, mentioned, properties_written,
                       records_named, values_named)
from .guidance_model import Guidance, guidance_terms
from .labels import collect_codes, collect_labels, cut_labels, kinds_of_unnamed
from .meant_records import records_meant, texts_asked_as_records
from .loading.formats import is_rdf_xml
from .prefixed_names import Prefixes, may_be_unexpanded, prefixes_used, reads_prefixed
from .rated_indicators import rated_observations
from .rated_levels import LevelRank, level_ranks
from .report import Rate, Report, RequirementOutcome, Status, StoredRevision
from .rested_on import rested_on_later
from .rulebook import SH, Layer, Level, Requirement, Rulebook
from .shacl import ShaclResult
from .unknown_terms import Locator, Place, TermNotes, ValueLocator


def build_report(rulebook: Rulebook, data: Graph, results: list[ShaclResult], *,
                 files: tuple[str, ...], created: datetime,
                 cluster: URIRef | None, cluster_label: dict[str, str],
                 sha256: tuple[str, ...] = (), today: date | None = None,
                 term_notes: TermNotes = TermNotes(),
                 locate_records: Locator | None = None,
                 locate_values: ValueLocator | None = None,
                 declared: Callable[[], Prefixes] | None = None,
                 formats: Mapping[str, str] | None = None) -> Report:
    """Turn SHACL results into a status for every requirement of the catalogue. Records dated
    after `today` (by default the UTC day the report is `created`), or before an activity they
    rest on, are warnings under the provisions they are evidence for, which then await the
    evaluator rather than being met (checker/dated_after.py, checker/rested_on.py). The notes on
    unknown terms are kept beside, changing nothing, and where `locate_records` finds the records
    the findings name described and `locate_values` the values they are about written; of the
    prefixes the files declare (`declared`, read only where a record meant or a value that may be
    an unexpanded prefixed name asks for them), those used; `formats` the format each file was
    parsed in."""
    by_requirement: dict[str, list[ShaclResult]] = {}
    for result in results:
        rid = rulebook.shape_requirements.get(result.source_shape)
        if rid is not None:
            by_requirement.setdefault(rid, []).append(result)
    by_requirement = {rid: without_entailed(found) for rid, found in by_requirement.items()}
    view = rulebook.engine.view(data)
    body = roles_in_the_body(view, rulebook.labels_graph)
    later = dated_after(view, rulebook, today or created.astimezone(timezone.utc).date())
    for rid, earlier in rested_on_later(view, rulebook).items():
        later.setdefault(rid, []).extend(earlier)
    ranks = level_ranks(view)
    statuses: dict[str, Status] = {}
    # Items before their lead-ins: catalogue order reversed puts every list item first.
    for requirement in reversed(rulebook.requirements.values()):
        statuses[requirement.id] = _status(requirement, rulebook, statuses, body,
                                           by_requirement.get(requirement.id, []),
                                           requirement.id in later)
    outcomes = tuple(RequirementOutcome(
        r, statuses[r.id], tuple(found := by_requirement.get(r.id, []) + later.get(r.id, [])),
        explained(rulebook, r, [rulebook.explainer.diagnose(view, x) for x in found], ranks),
        guidance_of(rulebook, r, statuses[r.id], found))
        for r in rulebook.requirements.values())
    meant = records_meant(data, view, (text for o in outcomes
                                       for text in texts_asked_as_records(o.findings)))
    labels, kinds, codes = names_of(rulebook, [*named_nodes(outcomes), *term_notes.suggestions,
                                               *meant.values(),
                                               *(u.member for u in body.unclear),
                                               *(u.nearest for u in body.unclear if u.nearest)],
                                    data)
    # The places of the records and values the findings name, and of the unclear roles, found in
    # one pass over the files each; the roles' kept with their notes.
    role_values, role_records = role_pairs(body)
    records, values = _records_named(outcomes), _values_named(outcomes)
    named_records, named_values = set(records), set(values)
    record_places = locate_records([*records, *(r for r in role_records
                                                if isinstance(r, URIRef))]) \
        if locate_records else {}
    value_places = locate_values([*values, *role_values]) if locate_values else {}
    report = report_from_outcomes(
        outcomes, cluster=str(cluster) if cluster is not None else None,
        cluster_label=cluster_label, rulebook_version=rulebook.version, created=created,
        files=files, triples=len(data), sha256=sha256, labels=labels, kinds=kinds, codes=codes,
        ranks=ranks, term_notes=term_notes, rulebook_digest=rulebook.digest,
        shacl_results=tuple(results), body_roles=placed(body, value_places, record_places),
        record_places={r: p for r, p in record_places.items() if r in named_records},
        value_places={v: p for v, p in value_places.items() if v in named_values})
    # Values that may be prefixed names nothing expanded, and texts written as one where a record
    # is asked (RDF/XML's <prov:wasAttributedTo>ex:body</…>: the IRI its xmlns makes of it).
    written = [v for v in (*records, *(v for _r, v in values)) if may_be_unexpanded(v)
               or isinstance(v, Literal) and reads_prefixed(str(v))]
    # The properties such values are written along, for an RDF/XML file's element to name each
    # by the prefix the file declares (<prov:wasAttributedTo rdf:resource="…"/>, 9.1.1).
    properties = dict.fromkeys(p for o in outcomes for p in properties_written(o.findings)) \
        if any(is_rdf_xml(p.file, formats) for p in value_places.values()) else {}
    prefixes = prefixes_used(declared(), [*meant.values(), *properties], written) \
        if declared is not None and (meant or written or properties) else {}
    return replace(report, rated=rated_observations(view, records), records_meant=meant,
                   prefixes=prefixes, formats=formats or {})


def _values_named(outcomes: tuple[RequirementOutcome, ...]) -> list[tuple[Node, Node]]:
    """The values of the submission's records (IRIs and blank nodes) the findings are about,
    each once, in order."""
    found = (pair for o in outcomes for pair in values_named(o.findings))
    return list(dict.fromkeys((r, v) for r, v in found if isinstance(r, (URIRef, BNode))))


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
                         record_places: Mapping[Node, Place] | None = None,
                         body_roles: BodyRoles | None = None,
                         value_places: Mapping[tuple[Node, Node], Place] | None = None) -> Report:
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
        body_roles=body_roles,
        value_places=value_places or {},
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
            body: BodyRoles, results: list[ShaclResult], dated_later: bool) -> Status:
    """What the report says of a requirement, from its violations (not the warnings of records
    dated after the report: `dated_later` says whether it rests on one) and its items' status.
    One that nothing checks (no shape, no review prompt, no item that decides it: a coverage gap,
    `bcic rules coverage`) is never met: the data were not asked, so it awaits the evaluator."""
    if requirement.level is Level.INFORMATIVE:
        return Status.NOT_APPLICABLE
    if requirement.is_duty and body.sets_aside(requirement.actors):
        return Status.NOT_APPLICABLE  # no member of the role the duty binds (4.2, decision 9)
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

"""The Turtle report: a SHACL validation report rebuilt from the typed model (every result of the
SHACL run, sh:conforms as SHACL defines it), bcic's verdict and EARL assertions per requirement,
and the validation that made it in PROV terms."""

from __future__ import annotations

import uuid
from decimal import Decimal

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS, XSD

from ..body_roles import Unclear
from ..diagnosis import is_submission_node
from ..findings_rdf import add_diagnosis
from ..duties import set_aside_lines
from ..i18n import LANGUAGES, Lang
from ..judgements import Judgement, add_command_line
from ..loading.formats import SUBMISSION_FORMATS
from ..lead_ins import decided_by_items_said, judgements_deciding
from ..namespaces import BCIC, REQ
from ..rechecked_note import recheck_note
from ..sign_off import sign_off_said
from ..report import Rate, Report, RequirementOutcome, Status
from ..rulebook import SH, Requirement, load_rulebook
from ..shacl import Severity, ShaclResult
from ..shape_paths import write_path
from ..store.base import agent_iri, file_entity_iri, submission_graph_iri
from ..timestamps import datetime_literal
from ..turtle_text import turtle_text
from ..unknown_terms import Place, TermUse
from .findings_view import Namer
from .guidance_view import GuidanceWriter, shown_hints
from .body_view import body_lines
from .term_notes_view import namespace_note, tag_note, term_note
from .text import sorted_results

EARL = Namespace("http://www.w3.org/ns/earl#")

_SEVERITIES = {Severity.VIOLATION: SH.Violation, Severity.WARNING: SH.Warning,
               Severity.INFO: SH.Info}
# How a note's IRI is used, as RDF says what a class, a property and any other term is.
USES = {TermUse.CLASS: RDFS.Class, TermUse.PROPERTY: RDF.Property, TermUse.VALUE: RDFS.Resource}
_OUTCOMES = {Status.MET: EARL.passed, Status.NOT_MET: EARL.failed,
             Status.MANUAL_REVIEW: EARL.cantTell, Status.NOT_APPLICABLE: EARL.inapplicable,
             Status.NOT_USED: EARL.inapplicable}

# How a note says what a member's role is (checker/body_roles.py): its class and the property
# giving the role as written.
_ROLE_NOTES = {Unclear.UNDEFINED: BCIC.UndefinedRoleNote, Unclear.NOT_A_ROLE: BCIC.UnclearRoleNote,
               Unclear.TEXT: BCIC.UnclearRoleNote, Unclear.NONE: BCIC.UnclearRoleNote}
_ROLE_GIVEN = {Unclear.UNDEFINED: BCIC.undefinedRole, Unclear.NOT_A_ROLE: BCIC.roleNotMemberRole,
               Unclear.TEXT: BCIC.roleText}


def render_turtle(report: Report, lang: Lang) -> str:
    """The report as Turtle; messages carry both languages, so `lang` changes nothing. Each
    triple is written once (checker/turtle_text.py): result paths' lists are not copied."""
    return turtle_text(report_graph(report))


def report_graph(report: Report) -> Graph:
    """The report as RDF: SHACL validation report, bcic's verdict, EARL assertions, provenance
    of the run."""
    g = Graph(bind_namespaces="none")
    for prefix, namespace in (("sh", SH), ("bcic", BCIC), ("req", REQ), ("earl", EARL),
                              ("dcterms", DCTERMS), ("prov", PROV), ("xsd", XSD), ("owl", OWL),
                              ("rdf", RDF), ("rdfs", RDFS), ("skos", SKOS)):
        g.bind(prefix, namespace)
    # Blank-node labels unique to this report, ordered so the serialiser writes the report
    # first, then the assertions and results in catalogue order.
    label = _Labeller()
    node = label("0-report")
    g.add((node, RDF.type, SH.ValidationReport))
    g.add((node, RDF.type, PROV.Entity))
    # SHACL: every result of the run is a sh:result, and sh:conforms is true iff there is none.
    # bcic's verdict (no shall-level requirement unmet) is its own property beside it.
    g.add((node, SH.conforms, Literal(not report.shacl_results)))
    g.add((node, BCIC.conformsToStandard, Literal(report.conforms)))
    g.add((node, DCTERMS.created, datetime_literal(report.created)))
    # How a finding words a value, kept for the report read back (9.2.3, decision 23): whether
    # the JSON-LD contexts declare xsd:, and which observations' indicators are rated.
    g.add((node, BCIC.jsonldDeclaresXsd, Literal(report.jsonld_xsd)))
    for observation, rated in report.rated.items():
        g.add((observation, BCIC.indicatorRated, Literal(rated)))
    g.add((node, OWL.versionInfo, Literal(report.rulebook_version)))
    if report.rulebook_digest is not None:  # what the rule files were, byte for byte
        g.add((node, BCIC.rulebookDigest, Literal(report.rulebook_digest)))
    _add_rate(g, node, report)
    if report.cluster:
        g.add((node, DCTERMS.subject, URIRef(report.cluster)))
        for language, text in report.cluster_label.items():
            g.add((URIRef(report.cluster), RDFS.label, Literal(text, lang=language or None)))
    _add_rates(g, node, report, label)
    # PROV: the report is what a validation generated; the validation used the files, and bcic
    # (the EARL assertor too) ran it.
    validation, tool = label("1-validation"), label("2-tool")
    g.add((node, PROV.wasGeneratedBy, validation))
    g.add((validation, RDF.type, PROV.Activity))
    g.add((validation, PROV.endedAtTime, datetime_literal(report.created)))
    g.add((validation, PROV.wasAssociatedWith, tool))
    digests = report.sha256 or ("",) * len(report.files)
    sources: dict[str, Node] = {}
    for index, (name, digest) in enumerate(zip(report.files, digests, strict=True)):
        # Named as the provenance graph names it, where the hash is known (docs/store.md).
        source = file_entity_iri(name, digest) if digest else label(f"1-file-{index:04d}")
        sources.setdefault(name, source)  # where a note's IRI is written
        g.add((validation, PROV.used, source))
        g.add((source, RDF.type, PROV.Entity))
        g.add((source, DCTERMS.title, Literal(name)))
        if digest:
            g.add((source, BCIC.sha256, Literal(digest)))
        if (read_as := report.formats.get(name)) is not None:  # the syntax it was parsed in
            g.add((source, DCTERMS.format, Literal(SUBMISSION_FORMATS[read_as].media_type)))
    if report.revision is not None and report.cluster:
        _add_revision(g, node, URIRef(report.cluster), report.revision.number,
                      report.revision.submitter)
    if report.rechecked is not None:  # validated again, from that revision's submission
        _add_revision(g, node, URIRef(report.rechecked.cluster), report.rechecked.number)
        for lang in LANGUAGES:
            g.add((node, RDFS.comment, Literal(recheck_note(report, lang), lang=lang)))
    for lang in LANGUAGES:  # the evaluators' sign-off (checker/sign_off.py), when judged
        if signed := sign_off_said(report, lang):
            g.add((node, RDFS.comment, Literal(signed, lang=lang)))
    for lang in LANGUAGES:  # the duties of 4.2 set aside for want of a member of their role, or not
        for line in set_aside_lines(report, lang) + body_lines(report, lang):
            g.add((node, RDFS.comment, Literal(line, lang=lang)))
    _add_body_roles(g, node, report, sources, label)
    _add_term_notes(g, node, report, sources, label)
    _add_record_places(g, node, report, sources, label)
    _add_records_meant(g, node, report, label)
    _add_prefixes(g, report, sources, label)
    g.add((tool, RDF.type, EARL.Software))
    g.add((tool, RDF.type, PROV.SoftwareAgent))
    g.add((tool, DCTERMS.title, Literal("bcic")))
    g.add((tool, DCTERMS.hasVersion, Literal(report.rulebook_version)))
    checklist = {o.requirement.id for o in report.manual_checklist()}
    namers = [Namer(report, lang) for lang in LANGUAGES]
    shown = shown_hints(report.outcomes)
    writers = [GuidanceWriter(n, shown) for n in namers]
    engine = {id(result) for result in report.shacl_results}
    earl_results: dict[str, BNode] = {}
    written: set[int] = set()
    for index, outcome in enumerate(report.outcomes):
        earl_result = earl_results[outcome.requirement.id] = label(f"3-outcome-{index:04d}")
        _add_assertion(g, report, outcome, tool, label(f"3-assertion-{index:04d}"), earl_result,
                       outcome.requirement.id in checklist)
        _add_guidance(g, earl_result, outcome, writers)
        for lang in LANGUAGES:  # a lead-in its judged items decide (checker/lead_ins.py)
            if decided := decided_by_items_said(outcome, lang):
                g.add((earl_result, RDFS.comment, Literal(decided, lang=lang)))
        diagnoses = {id(d.result): d for f in outcome.findings for d in (*f.diagnoses, *f.folded)}
        for number, result in enumerate(sorted_results(outcome.results)):
            result_node = label(f"4-result-{index:04d}-{number:04d}")
            # Each result hangs off its EARL outcome; those of the SHACL run (not bcic's
            # dated-after warnings, whose shapes never run) are the report's sh:result too.
            g.add((earl_result, RDFS.seeAlso, result_node))
            if id(result) in engine:
                g.add((node, SH.result, result_node))
                written.add(id(result))
            _add_result(g, result_node, result, outcome.requirement)
            if (diagnosis := diagnoses.get(id(result))) is not None:
                add_diagnosis(g, result_node, diagnosis, _SEVERITIES[result.severity],
                              lambda lack: {n.lang: n.lack_text(lack) for n in namers},
                              load_rulebook().explainer)
    # The results no outcome lists: those another result of their requirement entails
    # (report_building.without_entailed), and any of a shape that names no requirement.
    requirements = {o.requirement.id: o.requirement for o in report.outcomes}
    shape_requirements = load_rulebook().shape_requirements
    rest = [r for r in report.shacl_results if id(r) not in written]
    for number, result in enumerate(sorted_results(tuple(rest))):
        result_node = label(f"5-result-{number:04d}")
        g.add((node, SH.result, result_node))
        requirement = requirements.get(shape_requirements.get(result.source_shape, ""))
        if requirement is not None:
            g.add((earl_results[requirement.id], RDFS.seeAlso, result_node))
        _add_result(g, result_node, result, requirement)
    _add_labels(g, report)
    return g


def _add_guidance(g: Graph, result: BNode, outcome: RequirementOutcome,
                  writers: list[GuidanceWriter]) -> None:
    """On the EARL result: how to meet the requirement (not met, or not used), and for a
    checklist item the records the evaluator will want to see, in every language."""
    for writer in writers:
        if outcome.how_to is not None:
            g.add((result, BCIC.howToMeet, Literal(writer.how_to(outcome.how_to),
                                                   lang=writer.lang)))
        if outcome.guidance is not None and outcome.requirement.review_prompt:
            g.add((result, BCIC.reviewDocuments, Literal(writer.documents(outcome.guidance),
                                                         lang=writer.lang)))


def _add_revision(g: Graph, node: BNode, cluster: URIRef, number: int,
                  submitter: str | None = None) -> None:
    """A report of a stored revision (its stored report, or one validating it again) derives
    from that revision, described as the store's provenance graph describes it (docs/store.md):
    its cluster, number and submitter."""
    revision = submission_graph_iri(cluster, number)
    g.add((node, PROV.wasDerivedFrom, revision))
    g.add((revision, RDF.type, BCIC.Revision))
    g.add((revision, BCIC.cluster, cluster))
    g.add((revision, BCIC.revisionNumber, Literal(number, datatype=XSD.integer)))
    if submitter is not None:
        agent = agent_iri(submitter)
        g.add((revision, PROV.wasAttributedTo, agent))
        g.add((agent, RDF.type, PROV.Agent))
        g.add((agent, RDFS.label, Literal(submitter)))


def _add_body_roles(g: Graph, node: BNode, report: Report, sources: dict[str, Node],
                    label: _Labeller) -> None:
    """Why 4.2's duties are not set aside (checker/body_roles.py, docs/model.md decision 9), as a
    store reads it back (checker/report_reader.py): whether the cultivation body is declared, and
    each member whose role is not one of 4.1's as a bcic:UnclearRoleNote with the member and what
    its role is (a bcic:UndefinedRoleNote for a role the ontology does not define), and where the
    role is written (file, line, column; a file the report used). A report that
    does not know (one read back from a store that did not record it) writes neither."""
    body = report.body_roles
    if body is None:
        return
    g.add((node, BCIC.cultivationBodyDeclared, Literal(body.declared)))
    for index, unclear in enumerate(body.unclear):
        note = label(f"2-role-{index:04d}")
        g.add((node, BCIC.roleNote, note))
        g.add((note, RDF.type, _ROLE_NOTES[unclear.kind]))
        g.add((note, BCIC.roleHolder, unclear.member))
        if unclear.role is not None:
            g.add((note, _ROLE_GIVEN[unclear.kind], unclear.role))
        if unclear.nearest is not None:
            g.add((note, BCIC.nearestRole, unclear.nearest))
        if unclear.place is not None and unclear.place.file in sources:
            _add_place(g, note, unclear.place, sources)


def _add_term_notes(g: Graph, node: BNode, report: Report, sources: dict[str, Node],
                    label: _Labeller) -> None:
    """Each IRI the ontology does not define, as a bcic:UnknownTermNote of the report: the IRI,
    how it is used, the term suggested, the file (one the report used), line and column where it
    is first written, and the note in words in every language; the count of those not listed.
    Each namespace close to the standard's as a bcic:NearNamespaceNote: the namespace written,
    the one meant, how many statements use it, and the note in words; each language tag mistaken
    for a language's as a bcic:LanguageTagNote likewise."""
    namers = [Namer(report, lang) for lang in LANGUAGES]
    for index, term in enumerate(report.term_notes.terms):
        note = label(f"2-note-{index:04d}")
        g.add((node, BCIC.termNote, note))
        g.add((note, RDF.type, BCIC.UnknownTermNote))
        g.add((note, BCIC.unknownTerm, term.iri))
        g.add((note, BCIC.usedAs, USES[term.use]))
        if term.suggestion is not None:
            g.add((note, BCIC.suggestedTerm, term.suggestion))
        if term.place is not None and term.place.file in sources:
            _add_place(g, note, term.place, sources)
        for namer in namers:
            g.add((note, RDFS.comment, Literal(term_note(term, namer), lang=namer.lang)))
    if report.term_notes.more:
        g.add((node, BCIC.unlistedUnknownTerms, Literal(report.term_notes.more)))
    for index, near in enumerate(report.term_notes.namespaces):
        _add_written_meant(g, (node, BCIC.namespaceNote, label(f"2-namespace-{index:04d}")),
                           BCIC.NearNamespaceNote,
                           {BCIC.writtenNamespace: near.written, BCIC.meantNamespace: near.meant,
                            BCIC.statementCount: near.statements},
                           {lang: namespace_note(near, lang) for lang in LANGUAGES})
    for index, tag in enumerate(report.term_notes.tags):
        _add_written_meant(g, (node, BCIC.languageTagNote, label(f"2-tag-{index:04d}")),
                           BCIC.LanguageTagNote,
                           {BCIC.writtenTag: tag.written, BCIC.meantTag: tag.meant,
                            BCIC.taggedTexts: tag.statements},
                           {lang: tag_note(tag, lang) for lang in LANGUAGES})


def _add_record_places(g: Graph, node: BNode, report: Report, sources: dict[str, Node],
                       label: _Labeller) -> None:
    """Where each record the findings name is described: a bcic:RecordPlace of the report with
    the record, the file (one the report used), line and column; and where each value they are
    about is written: one with the record and the value (rdf:value) as well."""
    places = [*(((r, None), p) for r, p in report.record_places.items()),
              *report.value_places.items()]
    for index, ((record, value), place) in enumerate(places):
        if place.file not in sources:
            continue
        described = label(f"2-place-{index:04d}")
        g.add((node, BCIC.recordPlace, described))
        g.add((described, RDF.type, BCIC.RecordPlace))
        g.add((described, BCIC.record, record))
        if value is not None:
            g.add((described, RDF.value, value))
        _add_place(g, described, place, sources)


def _add_records_meant(g: Graph, node: BNode, report: Report, label: _Labeller) -> None:
    """Each text given where a record is asked that names a record of the submission
    (checker/meant_records.py, 9.1.1): a bcic:TextNamingRecord of the report with the text
    (rdf:value) and the record (bcic:namedRecord)."""
    for index, (text, record) in enumerate(report.records_meant.items()):
        meant = label(f"2-meant-{index:04d}")
        g.add((node, BCIC.textNamingRecord, meant))
        g.add((meant, RDF.type, BCIC.TextNamingRecord))
        g.add((meant, RDF.value, text))
        g.add((meant, BCIC.namedRecord, record))


def _add_prefixes(g: Graph, report: Report, sources: dict[str, Node], label: _Labeller) -> None:
    """The prefixes a submitted file declares that the report uses (checker/prefixed_names.py):
    on the file, SHACL's sh:declare of each, its sh:prefix and sh:namespace."""
    declarations = [(file, prefix, namespace) for file, prefixes in report.prefixes.items()
                    if file in sources for prefix, namespace in sorted(prefixes.items())]
    for index, (file, prefix, namespace) in enumerate(declarations):
        declared = label(f"2-prefix-{index:04d}")
        g.add((sources[file], SH.declare, declared))
        g.add((declared, SH.prefix, Literal(prefix)))
        g.add((declared, SH.namespace, Literal(namespace, datatype=XSD.anyURI)))


def _add_place(g: Graph, node: Node, place: Place, sources: dict[str, Node]) -> None:
    """A place in a submitted file (one the report used, in `sources`): file, line, column (the
    file alone where the loader cannot tell the line)."""
    g.add((node, BCIC.inFile, sources[place.file]))
    if place.line is not None and place.column is not None:
        g.add((node, BCIC.lineNumber, Literal(place.line)))
        g.add((node, BCIC.columnNumber, Literal(place.column)))


def _add_labels(g: Graph, report: Report) -> None:
    """The labels of the submission's nodes the report names (the ontology labels its terms), the
    scale and rank of each level of a rating scale among them, by which the report lists them
    (9.2.3), and the class of each blank node among them that has none, by which it names it."""
    for named, labels in report.labels.items():
        if is_submission_node(named) and (None, None, named) in g:
            for language, text in labels.items():
                g.add((named, RDFS.label, Literal(text, lang=language or None)))
    for named, rank in report.ranks.items():
        if (None, None, named) in g:
            g.add((named, BCIC.levelRank, Literal(rank.rank)))
            if rank.scale is not None:
                g.add((named, SKOS.inScheme, rank.scale))
    for named, kind in report.kinds.items():
        if (None, None, named) in g:
            g.add((named, RDF.type, kind))


def _add_rates(g: Graph, node: BNode, report: Report, label: _Labeller) -> None:
    """The rates overall, by chapter and by layer of Figure 0.1 (bcic:RateSummary)."""
    scopes: list[tuple[str, Rate, tuple[URIRef, Literal | URIRef] | None]] = [
        ("overall", report.overall, None)]
    scopes += [(f"chapter-{c}", r, (BCIC.rateChapter, Literal(c)))
               for c, r in sorted(report.by_chapter.items())]
    scopes += [(f"layer-{layer.value}", r, (BCIC.rateLayer, BCIC[f"{layer.value.title()}Layer"]))
               for layer, r in report.by_layer.items()]
    for name, rate, scope in scopes:
        summary = label(f"1-rate-{name}")
        g.add((node, BCIC.hasRate, summary))
        g.add((summary, RDF.type, BCIC.RateSummary))
        if scope is not None:
            g.add((summary, *scope))
        _add_counts(g, summary, rate)
def _add_rate(g: Graph, node: BNode, report: Report) -> None:
    """The headline rate and its counts: shall-level requirements met (pending reviews not
    counted), pending manual review, and applicable (docs/store.md, the summary graph)."""
    _add_counts(g, node, report.overall)


def _add_counts(g: Graph, node: BNode, rate: Rate) -> None:
    """A rate's counts and ratio, met ÷ applicable (1 when nothing applies)."""
    g.add((node, BCIC.metCount, Literal(rate.met)))
    g.add((node, BCIC.pendingReviewCount, Literal(rate.pending)))
    g.add((node, BCIC.applicableCount, Literal(rate.total)))
    ratio = Decimal(rate.met) / Decimal(rate.total) if rate.total else Decimal(1)
    g.add((node, BCIC.conformanceRate, Literal(ratio, datatype=XSD.decimal)))


class _Labeller:
    """Makes blank nodes whose labels share a prefix unique to one report."""

    def __init__(self) -> None:
        self._prefix = "r" + uuid.uuid4().hex[:12]

    def __call__(self, suffix: str) -> BNode:
        return BNode(f"{self._prefix}-{suffix}")


def _add_result(g: Graph, node: BNode, result: ShaclResult,
                requirement: Requirement | None) -> None:
    """A validation result, with the requirement it counts for (none: a shape naming none)."""
    g.add((node, RDF.type, SH.ValidationResult))
    g.add((node, SH.focusNode, result.focus_node))
    # SHACL: a property shape's result has sh:resultPath, whatever form its path takes.
    if (path := load_rulebook().explainer.path(result.source_shape)) is not None:
        g.add((node, SH.resultPath, write_path(g, path)))
    if result.value is not None:
        g.add((node, SH.value, result.value))
    g.add((node, SH.resultSeverity, _SEVERITIES[result.severity]))
    g.add((node, SH.sourceShape, result.source_shape))
    if result.constraint:
        g.add((node, SH.sourceConstraintComponent, SH[result.constraint]))
    for language, text in result.messages.items():
        g.add((node, SH.resultMessage, Literal(text, lang=language or None)))
    if requirement is not None:
        g.add((node, DCTERMS.references, requirement.iri))
        g.add((node, BCIC.clauseId, Literal(requirement.clause)))


def _add_assertion(g: Graph, report: Report, outcome: RequirementOutcome, tool: BNode,
                   assertion: BNode, result: BNode, manual: bool) -> None:
    requirement = outcome.requirement
    g.add((assertion, RDF.type, EARL.Assertion))
    g.add((assertion, EARL.assertedBy, tool))
    g.add((assertion, EARL.test, requirement.iri))
    g.add((requirement.iri, BCIC.normativeLevel, BCIC[requirement.level.value.title()]))
    g.add((requirement.iri, BCIC.clauseId, Literal(requirement.clause)))
    # The provision as this rulebook words and places it: a report read back under another
    # rulebook, which may have reworded, renumbered or withdrawn it, still shows what was judged.
    g.add((requirement.iri, BCIC.layer, BCIC[f"{requirement.layer.value.title()}Layer"]))
    for predicate, texts in ((RDFS.label, requirement.label),
                             (BCIC.provisionText, requirement.text)):
        for language, text in texts.items():
            g.add((requirement.iri, predicate, Literal(text, lang=language)))
    # The manual-review checklist: data showed the evidence, an evaluator must judge it (EARL's
    # semi-automatic mode), with what to judge as the result's description. A lead-in its items
    # decide as the evaluator judged them is semi-automatic too, derived from those judgements.
    deciding = judgements_deciding(report, outcome)
    g.add((assertion, EARL.mode, EARL.semiAuto if manual or deciding else EARL.automatic))
    for judgement in deciding:
        if judgement.iri is not None:  # the item's judgement, as _add_judgement states it
            g.add((assertion, PROV.wasDerivedFrom, judgement.iri))
    if manual:
        for language, text in (requirement.review_prompt or {}).items():
            g.add((result, DCTERMS.description, Literal(text, lang=language)))
    if report.cluster:
        g.add((assertion, EARL.subject, URIRef(report.cluster)))
    g.add((assertion, EARL.result, result))
    g.add((result, RDF.type, EARL.TestResult))
    # bcic's own assertion stays what the data showed; the evaluator's judgement is another.
    g.add((result, EARL.outcome, _OUTCOMES[Status.MANUAL_REVIEW if outcome.judgement
                                           else outcome.status]))
    if outcome.judgement is not None:
        _add_judgement(g, report, outcome.judgement, requirement.iri)


def _add_judgement(g: Graph, report: Report, judgement: Judgement, test: URIRef) -> None:
    """The evaluator's judgement that decided a provision the report left to them, as the
    store's judgements graph states it (docs/store.md, "Judgements")."""
    assertion = judgement.iri or BNode()
    result = BNode()
    g.add((assertion, RDF.type, EARL.Assertion))
    g.add((assertion, EARL.mode, EARL.manual))
    g.add((assertion, EARL.test, test))
    if report.revision is not None and report.cluster:
        g.add((assertion, EARL.subject, submission_graph_iri(URIRef(report.cluster),
                                                             report.revision.number)))
    if judgement.by is not None:
        agent = agent_iri(judgement.by)
        g.add((assertion, EARL.assertedBy, agent))
        g.add((agent, RDF.type, EARL.Assertor))
        g.add((agent, RDFS.label, Literal(judgement.by)))
    if judgement.from_command_line:
        add_command_line(g, assertion)
    g.add((assertion, DCTERMS.date, datetime_literal(judgement.made)))
    g.add((assertion, EARL.result, result))
    g.add((result, RDF.type, EARL.TestResult))
    g.add((result, EARL.outcome, EARL.passed if judgement.met else EARL.failed))
    for language, note in (judgement.note or {}).items():
        g.add((result, DCTERMS.description, Literal(note, lang=language or None)))


def _add_written_meant(g: Graph, link: tuple[Node, URIRef, Node], kind: URIRef,
                       values: dict[URIRef, str | int], comments: dict[str, str]) -> None:
    """A note of what the submission wrote and what it meant (a namespace, a language tag),
    linked from the report: its kind, its values as literals and its words in each language."""
    g.add(link)
    note = link[2]
    g.add((note, RDF.type, kind))
    for prop, value in values.items():
        g.add((note, prop, Literal(value)))
    for lang, words in comments.items():
        g.add((note, RDFS.comment, Literal(words, lang=lang)))

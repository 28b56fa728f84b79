"""Read a stored revision's report back into the typed `Report`, without validating again.

The report graph holds what the Turtle renderer wrote (checker/render/turtle.py): the
sh:ValidationReport with its time, rulebook version and the files its validation used (in a
report stored before, the files it used itself), one EARL assertion per
requirement, and the results with focus node, value, severity, source shape, constraint,
messages and clause, their details (the submission's nodes that came closest and what each
lacks, checker/findings_rdf.py) and the labels of those nodes, and why 4.2's duties were not set
aside (no body declared, members in roles the ontology does not define; a report stored before
reports recorded it says nothing of it). The rest comes from beside it:
the cluster's labels and the triple count from the submission graph, the revision's number and
submitter (and the files' hashes, where an older report lacks them) from its provenance, result
paths (by source shape), what each lack expects and the terms' labels from the rulebook; the
findings are grouped, folded and ordered again as a fresh report's are.

What was judged stays as stored whatever the running rulebook now says: every provision the report
has an EARL assertion for is listed, with its stored status and the level, label, text and layer
the report states (the running catalogue's where an older report states none); one the running
rulebook no longer has is kept and marked so (`Report.not_in_rulebook`). The verdict counts the
gaps by the stored levels, and the rates are the stored counts (bcic:RateSummary), computed again
only for a report stored before it stated them. Hints, review prompts and rulebook links are the
running rulebook's: the report names that rulebook's version beside its own
(`Report.running_rulebook`). The evaluator's judgements, kept in a graph of their own, are
applied: a provision the report leaves to the evaluator is met or not met as the latest
judgement of it says (`RequirementOutcome.judgement`), and counted so in the verdict and rates;
a lead-in it left pending follows its items again as validation derives it (checker/lead_ins.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV
from rdflib.term import Node

from .body_roles import BodyRoles, Unclear, UnclearRole
from .errors import NotFoundError, StoreError
from .language_tags import language_of
from .namespaces import BCIC, REQ
from .render.text import sorted_results
from .render.turtle import EARL, USES
from .findings_rdf import read_diagnosis
from .rested_on import is_date_warning
from .judged import by_the_evaluator
from .judgements import current_judgements
from .labels import by_language
from .lead_ins import with_lead_ins_derived
from .report import Rate, Report, RequirementOutcome, Status, StoredRevision
from .report_building import (explained, guidance_of, named_nodes, names_of, report_from_outcomes,
                              without_entailed)
from .rated_levels import level_ranks
from .revisions import revision_info
from .rulebook import (LAYERS_BY_IRI, LEVEL_BY_IRI, SH, Layer, Level, Requirement, Rulebook,
                       clause_sort_key, load_rulebook)
from .shacl import Severity, ShaclResult, path_text
from .store.base import Store, cluster_key, report_graph_iri, submission_graph_iri
from .store.guard import OwnQuery, checked_iri
from .store.judgements import judgements_graph_iri
from .language_notes import TagNote
from .loading.formats import resolve_format
from .near_namespaces import NearNamespace
from .unknown_terms import Place, TermNotes, UnknownTerm

_STATUSES = {EARL.passed: Status.MET, EARL.failed: Status.NOT_MET,
             EARL.cantTell: Status.MANUAL_REVIEW, EARL.inapplicable: Status.NOT_APPLICABLE}
_SEVERITIES = {SH.Violation: Severity.VIOLATION, SH.Warning: Severity.WARNING,
               SH.Info: Severity.INFO}


def read_report(store: Store, cluster: URIRef, number: int,
                rulebook: Rulebook | None = None) -> Report:
    """The report of revision `number` of `cluster` as it was stored; NotFoundError if absent."""
    rulebook = rulebook or load_rulebook()
    cluster = checked_iri(str(cluster))
    graph = store.named_graph(report_graph_iri(cluster, number))
    node = next(graph.subjects(RDF.type, SH.ValidationReport), None)
    if node is None:  # not stored: refused naming the nearest stored (or when it was deleted)
        revision_info(store, cluster, number)
        raise NotFoundError.of("error.revision.no_report", number=number, cluster=cluster)
    subject = graph.value(node, DCTERMS.subject)
    statuses, (results, engine) = _statuses(graph), _results(graph, rulebook)
    ranks = level_ranks(graph)  # of the levels it names, kept beside their labels
    judged = {rid: _stored_requirement(graph, rid, rulebook)
              for rid in sorted(statuses, key=clause_sort_key)}
    outcomes = tuple(
        RequirementOutcome(requirement, status := _read_status(requirement, statuses[rid]),
                           tuple(sorted_results([r for r, _node in results.get(rid, [])])),
                           explained(rulebook, requirement, [
                               read_diagnosis(graph, node, r, rulebook.explainer)
                               for r, node in results.get(rid, [])], ranks),
                           guidance_of(rulebook, requirement, status,
                                       [r for r, _node in results.get(rid, [])])
                           if rid in rulebook.requirements else None)
        for rid, requirement in judged.items())
    judgements = current_judgements(store.named_graph(judgements_graph_iri(cluster, number)))
    stored = {o.requirement.id: o.status for o in outcomes}
    outcomes = with_lead_ins_derived(tuple(by_the_evaluator(o, judgements) for o in outcomes),
                                     stored, rulebook)
    sources = sorted((_file_name(graph, f), str(graph.value(f, BCIC.sha256) or ""))
                     for f in _files(graph, node))
    info = revision_info(store, cluster, number)  # the provenance: who stored it, the hashes
    if not all(digest for _name, digest in sources) and [
            name for name, _digest in sources] == [f.name for f in info.files]:
        # A report stored before ingest wrote the files' hashes into it: the provenance has them
        # (both sorted by name, then hash; files of one name are told apart by nothing else).
        sources = [(f.name, f.sha256) for f in info.files]
    cluster_label, triples = _submission_facts(store, submission_graph_iri(cluster, number),
                                               URIRef(str(subject)) if subject else cluster)
    files = tuple(name for name, _digest in sources)
    notes = _term_notes(graph, node, files)
    body = _body_roles(graph, node)
    members = [n for u in body.unclear for n in (u.member, u.nearest) if n is not None] \
        if body is not None else []
    meant = _records_meant(graph, node)
    labels, kinds, codes = names_of(rulebook, [*named_nodes(outcomes), *notes.suggestions,
                                               *members, *meant.values()], graph)
    report = report_from_outcomes(
        outcomes,
        cluster=str(subject) if subject is not None else None,
        cluster_label=cluster_label,
        rulebook_version=str(graph.value(node, OWL.versionInfo) or ""),
        rulebook_digest=_text(graph.value(node, BCIC.rulebookDigest)),
        created=_datetime(graph.value(node, DCTERMS.created)),
        files=files,
        sha256=tuple(digest for _name, digest in sources) if all(d for _n, d in sources) else (),
        triples=triples,
        labels=labels,
        kinds=kinds,
        codes=codes,
        ranks=ranks,
        term_notes=notes,
        record_places=_record_places(graph, node),
        value_places=_value_places(graph, node),
        revision=StoredRevision(info.number, cluster_key(cluster), info.submitter),
        shacl_results=engine,
        body_roles=body,
    )
    return replace(report, **_judged_rates(_stored_rates(graph, node), report.outcomes, stored),
                   **_value_words(graph, node), records_meant=meant,
                   prefixes=_prefixes(graph, node),
                   formats=_formats(graph, node),
                   running_rulebook=rulebook.version,
                   not_in_rulebook=frozenset(judged) - set(rulebook.requirements))


def _value_words(graph: Graph, node: Node) -> dict[str, Any]:
    """How the report worded values (checker/render/turtle.py, 9.2.3): which observations'
    indicators are rated, and whether the JSON-LD contexts declare xsd:; none rated and xsd:
    undeclared for a report stored before it kept them, as it was then read."""
    declared = graph.value(node, BCIC.jsonldDeclaresXsd)
    return {"rated": {o: bool(r.toPython()) for o, r in graph.subject_objects(BCIC.indicatorRated)
                      if isinstance(r, Literal)},
            "jsonld_xsd": isinstance(declared, Literal) and declared.toPython() is True}


def _records_meant(graph: Graph, node: Node) -> dict[Node, URIRef]:
    """The records texts given where a record is asked name (checker/render/turtle.py, 9.1.1);
    none in a report stored before it kept them."""
    found = {}
    for meant in graph.objects(node, BCIC.textNamingRecord):
        text, record = graph.value(meant, RDF.value), graph.value(meant, BCIC.namedRecord)
        if isinstance(text, Literal) and isinstance(record, URIRef):
            found[text] = record
    return found


def _prefixes(graph: Graph, node: Node) -> dict[str, dict[str, str]]:
    """The prefixes each file declares that the report used (sh:declare on the file,
    checker/render/turtle.py); none in a report stored before it kept them."""
    found: dict[str, dict[str, str]] = {}
    for file in _files(graph, node):
        for declared in graph.objects(file, SH.declare):
            prefix, namespace = graph.value(declared, SH.prefix), graph.value(declared, SH.namespace)
            if prefix is not None and namespace is not None:
                found.setdefault(_file_name(graph, file), {})[str(prefix)] = str(namespace)
    return found


def _judged_rates(rates: dict[str, Any], outcomes: tuple[RequirementOutcome, ...],
                  stored: dict[str, Status]) -> dict[str, Any]:
    """The stored rates with the shall-level provisions the report left pending and the
    evaluator's judgements decided counted in (judged, or a lead-in following its judged items):
    no longer pending, and met when met."""
    decided = [o for o in outcomes if o.requirement.level is Level.SHALL
               and stored.get(o.requirement.id) is Status.MANUAL_REVIEW
               and o.status is not Status.MANUAL_REVIEW]

    def counted(rate: Rate, these: list[RequirementOutcome]) -> Rate:
        met = sum(o.status is Status.MET for o in these)
        return Rate(rate.met + met, rate.total, rate.pending - len(these))

    found = dict(rates)
    if "overall" in rates:
        found["overall"] = counted(rates["overall"], decided)
    for key, of in (("by_chapter", lambda o: o.requirement.chapter),
                    ("by_layer", lambda o: o.requirement.layer)):
        if key in rates:
            found[key] = {part: counted(rate, [o for o in decided if of(o) == part])
                          for part, rate in rates[key].items()}
    return found


def _stored_requirement(graph: Graph, rid: str, rulebook: Rulebook) -> Requirement:
    """A judged provision as the report states it (level, label, text, layer), the running
    catalogue giving the rest; one the running rulebook no longer has is made of what the
    report states alone, its chapter from its clause."""
    iri = REQ[rid]
    level = LEVEL_BY_IRI.get(graph.value(iri, BCIC.normativeLevel))  # type: ignore[arg-type]
    label, text = (_by_language(graph, iri, p) for p in (RDFS.label, BCIC.provisionText))
    layer = LAYERS_BY_IRI.get(graph.value(iri, BCIC.layer))  # type: ignore[arg-type]
    running = rulebook.requirements.get(rid)
    if running is not None:
        return replace(running, level=level or running.level, label=label or running.label,
                       text=text or running.text, layer=layer or running.layer)
    clause = str(graph.value(iri, BCIC.clauseId) or rid.partition("-")[0])
    return Requirement(id=rid, iri=iri, clause=clause, level=level or Level.SHALL,
                       layer=layer or Layer.PROCESS, chapter=int(clause.split(".")[0]),
                       label=label, heading={}, text=text, actors=frozenset(), parent=None,
                       is_duty=False, review_prompt=None, shapes=())


def _stored_rates(graph: Graph, node: Node) -> dict[str, Any]:
    """The rates the report states (overall, by chapter, by layer), where it states them: those
    counted when it was made, whatever the running catalogue counts now."""
    found: dict[str, Any] = {}
    if (overall := _counts(graph, node)) is not None:
        found["overall"] = overall
    chapters, layers = {}, {}
    for summary in graph.objects(node, BCIC.hasRate):
        if (rate := _counts(graph, summary)) is None:
            continue
        if (chapter := graph.value(summary, BCIC.rateChapter)) is not None:
            chapters[int(str(chapter))] = rate
        elif (layer := LAYERS_BY_IRI.get(graph.value(summary, BCIC.rateLayer))) is not None:  # type: ignore[arg-type]
            layers[layer] = rate
    if chapters:
        found["by_chapter"] = dict(sorted(chapters.items()))
    if layers:
        found["by_layer"] = {layer: layers[layer] for layer in Layer if layer in layers}
    return found


def _counts(graph: Graph, node: Node) -> Rate | None:
    """The rate whose counts `node` states (met, pending review, applicable); None without."""
    met, pending, total = (graph.value(node, p) for p in (
        BCIC.metCount, BCIC.pendingReviewCount, BCIC.applicableCount))
    if met is None or total is None:
        return None
    return Rate(int(str(met)), int(str(total)), int(str(pending)) if pending is not None else 0)


def _text(node: Node | None) -> str | None:
    """A literal's text; None when there is none (a report stored before it stated the value)."""
    return str(node) if isinstance(node, Literal) else None


def _by_language(graph: Graph, subject: URIRef, predicate: URIRef) -> dict[str, str]:
    return {o.language: str(o) for o in graph.objects(subject, predicate)
            if isinstance(o, Literal) and o.language}


def _term_notes(graph: Graph, node: Node, files: tuple[str, ...]) -> TermNotes:
    """The report's notes on unknown terms (checker/render/turtle.py): those located first, in
    the order of the report's files, lines and columns, then those with a file alone, then the
    others by IRI; and on namespaces close to the standard's, most used first (none in a report
    stored before), and on language tags mistaken for a language's, likewise."""
    uses = {iri: use for use, iri in USES.items()}
    terms = []
    for note in graph.objects(node, BCIC.termNote):
        suggestion = graph.value(note, BCIC.suggestedTerm)
        terms.append(UnknownTerm(URIRef(str(graph.value(note, BCIC.unknownTerm))),
                                 uses[graph.value(note, BCIC.usedAs)],  # type: ignore[index]
                                 URIRef(str(suggestion)) if suggestion is not None else None,
                                 _place(graph, note)))

    def written(term: UnknownTerm) -> tuple[int, int, int, int, str]:
        place = term.place  # as the loader gives them: those with a line, then a file alone
        if place is None:
            return 2, len(files), 0, 0, str(term.iri)
        return (0 if place.line is not None else 1, files.index(place.file), place.line or 0,
                place.column or 0, str(term.iri))

    more = graph.value(node, BCIC.unlistedUnknownTerms)
    namespaces = sorted((NearNamespace(str(graph.value(n, BCIC.writtenNamespace)),
                                       str(graph.value(n, BCIC.meantNamespace)),
                                       int(str(graph.value(n, BCIC.statementCount))))
                         for n in graph.objects(node, BCIC.namespaceNote)),
                        key=lambda near: (-near.statements, near.written, near.meant))
    tags = sorted((TagNote(str(graph.value(n, BCIC.writtenTag)), str(graph.value(n, BCIC.meantTag)),
                           int(str(graph.value(n, BCIC.taggedTexts))))
                   for n in graph.objects(node, BCIC.languageTagNote)),
                  key=lambda tag: (-tag.statements, tag.written))
    return TermNotes(tuple(sorted(terms, key=written)), int(str(more)) if more is not None else 0,
                     tuple(namespaces), tuple(tags))


def _body_roles(graph: Graph, node: Node) -> BodyRoles | None:
    """Why the report did not set 4.2's duties aside (checker/render/turtle.py, docs/model.md
    decision 9): whether the body is declared, and the members whose role is not one of 4.1's;
    None for a report stored before reports recorded it. The roles the members held are not
    stored: the outcomes already say which duties were set aside."""
    declared = graph.value(node, BCIC.cultivationBodyDeclared)
    if not isinstance(declared, Literal):
        return None
    unclear = [u for note in graph.objects(node, BCIC.roleNote)
               if (u := _role_note(graph, note)) is not None]
    return BodyRoles(bool(declared.toPython()),
                     unclear=tuple(sorted(unclear, key=lambda u: (u.member, str(u.role)))))


def _role_note(graph: Graph, note: Node) -> UnclearRole | None:
    """A member whose role is not one of 4.1's, and what its role is, as a note says it."""
    member = graph.value(note, BCIC.roleHolder)
    if member is None:
        return None
    place = _place(graph, note)  # none in a report stored before notes kept it
    nearest = graph.value(note, BCIC.nearestRole)
    meant = nearest if isinstance(nearest, URIRef) else None
    if isinstance(role := graph.value(note, BCIC.undefinedRole), URIRef):
        return UnclearRole(member, Unclear.UNDEFINED, role, place=place)
    if isinstance(role := graph.value(note, BCIC.roleNotMemberRole), URIRef):
        return UnclearRole(member, Unclear.NOT_A_ROLE, role, meant, place)
    if isinstance(role := graph.value(note, BCIC.roleText), Literal):
        return UnclearRole(member, Unclear.TEXT, role, meant, place)
    return UnclearRole(member, Unclear.NONE, place=place)


def _record_places(graph: Graph, node: Node) -> dict[Node, Place]:
    """Where the records the findings name are described (checker/render/turtle.py); none in a
    report stored before reports said it."""
    return {record: place for (record, value), place in _places(graph, node).items()
            if value is None}


def _value_places(graph: Graph, node: Node) -> dict[tuple[Node, Node], Place]:
    """Where the values the findings are about are written (a record place with rdf:value, as
    checker/render/turtle.py writes it); none in a report stored before reports said it."""
    return {(record, value): place for (record, value), place in _places(graph, node).items()
            if value is not None}


def _places(graph: Graph, node: Node) -> dict[tuple[Node, Node | None], Place]:
    """The report's record places, by record and value (None: the record's description)."""
    places = {}
    for described in graph.objects(node, BCIC.recordPlace):
        record, place = graph.value(described, BCIC.record), _place(graph, described)
        if record is not None and place is not None:
            places[(record, graph.value(described, RDF.value))] = place
    return places


def _place(graph: Graph, node: Node) -> Place | None:
    """The place in a submitted file a note or a record place gives (checker/render/turtle.py):
    the file alone where it gives no line; None where it gives no file."""
    file, line, column = (graph.value(node, p) for p in (BCIC.inFile, BCIC.lineNumber,
                                                         BCIC.columnNumber))
    if file is None:
        return None
    if line is None or column is None:
        return Place(_file_name(graph, file))
    return Place(_file_name(graph, file), int(str(line)), int(str(column)))


def _read_status(requirement: Requirement, status: Status) -> Status:
    """The status EARL says, where earl:inapplicable of a may-level provision means not used."""
    if status is Status.NOT_APPLICABLE and requirement.level is Level.MAY:
        return Status.NOT_USED
    return status


def _statuses(graph: Graph) -> dict[str, Status]:
    """Requirement id → status, from the EARL assertions."""
    found: dict[str, Status] = {}
    for assertion in graph.subjects(RDF.type, EARL.Assertion):
        test, result = graph.value(assertion, EARL.test), graph.value(assertion, EARL.result)
        outcome = graph.value(result, EARL.outcome) if result is not None else None
        if test is not None and outcome in _STATUSES:
            found[str(test).removeprefix(str(REQ))] = _STATUSES[outcome]  # type: ignore[index]
    return found


def _files(graph: Graph, report: Node) -> list[Node]:
    """The files judged: those the validation that generated the report used; in a report
    stored before it named its validation, those the report itself said it used."""
    return [*graph.objects(report, PROV.used),
            *(f for validation in graph.objects(report, PROV.wasGeneratedBy)
              for f in graph.objects(validation, PROV.used))]


def _formats(graph: Graph, report: Node) -> dict[str, str]:
    """The format each file was parsed in, by its media type (dcterms:format); none for a report
    stored before reports recorded it."""
    return {_file_name(graph, f): resolve_format(str(media))
            for f in _files(graph, report) if (media := graph.value(f, DCTERMS.format))}


def _file_name(graph: Graph, file: Node) -> str:
    """A file's name: its dcterms:title, as the provenance graph names it (rdfs:label in a
    report stored before)."""
    return str(graph.value(file, DCTERMS.title) or graph.value(file, RDFS.label) or "")


def _results(graph: Graph, rulebook: Rulebook) -> tuple[
        dict[str, list[tuple[ShaclResult, Node]]], tuple[ShaclResult, ...]]:
    """Requirement id → its validation results, each with its node in the graph, less those
    another entails (as a fresh report lists them); and the results of the SHACL run: every
    result but the details and bcic's dated-after warnings. A report stored before its
    sh:result held the whole run has only the results its outcomes list."""
    found: dict[str, list[tuple[ShaclResult, Node]]] = {}
    engine = []
    for node in graph.subjects(RDF.type, SH.ValidationResult):  # sh:result or rdfs:seeAlso
        if (None, SH.detail, node) in graph:
            continue  # a detail of another result (checker/findings_rdf.py)
        requirement = graph.value(node, DCTERMS.references)
        shape = graph.value(node, SH.sourceShape)
        constraint = graph.value(node, SH.sourceConstraintComponent)
        if not isinstance(shape, URIRef):
            continue
        result = ShaclResult(
            source_shape=shape,
            focus_node=graph.value(node, SH.focusNode),  # type: ignore[arg-type]
            path=_path(graph, node, shape, rulebook),
            value=graph.value(node, SH.value),
            severity=_SEVERITIES.get(graph.value(node, SH.resultSeverity),  # type: ignore[arg-type]
                                     Severity.VIOLATION),
            messages={language_of(m) or "": str(m) for m in graph.objects(node, SH.resultMessage)
                      if isinstance(m, Literal)},
            constraint=str(constraint).rsplit("#", 1)[-1] if constraint is not None else "",
        )
        if not is_date_warning(result):
            engine.append(result)
        if requirement is not None:
            found.setdefault(str(requirement).removeprefix(str(REQ)), []).append((result, node))
    for rid, pairs in found.items():
        kept = {id(r) for r in without_entailed([r for r, _node in pairs])}
        found[rid] = [(r, node) for r, node in pairs if id(r) in kept]
    return found, tuple(sorted_results(engine))


def _path(graph: Graph, node: Node, shape: URIRef, rulebook: Rulebook) -> str | None:
    """The result's path: its source shape's sh:path as validation wrote it (the stored report
    keeps only simple paths), else the stored one."""
    shapes = rulebook.shapes_graph
    path = shapes.value(shape, SH.path)
    if path is not None:
        return path_text(shapes, path)
    stored = graph.value(node, SH.resultPath)
    return str(stored) if stored is not None else None


def _submission_facts(store: Store, submission: URIRef,
                      cluster: URIRef) -> tuple[dict[str, str], int]:
    """The cluster's labels by language and the triple count of the stored submission."""
    graph, subject = checked_iri(str(submission)), checked_iri(str(cluster))
    rows = store.select(OwnQuery(f"SELECT ?label WHERE {{ GRAPH <{graph}> {{ <{subject}> "
                                 f"<{RDFS.label}> ?label }} }}"))
    labels = by_language(r["label"] for r in rows)
    counted = store.select(OwnQuery(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> "
                                    f"{{ ?s ?p ?o }} }}"))
    try:
        return labels, int(str(counted[0]["n"]))
    except (IndexError, KeyError, ValueError):
        raise StoreError.of("error.store.uncounted_graph", graph=submission) from None


def _datetime(node: Node | None) -> datetime:
    """An xsd:dateTime literal as a datetime (a trailing Z read as UTC)."""
    if node is None:
        raise StoreError.of("error.store.report_without_time")
    return datetime.fromisoformat(str(node).replace("Z", "+00:00"))

"""The summary graphs (docs/store.md): the few facts per revision that cross-cluster queries need.

Derived, never edited by hand: `summary_blocks(revision)` is what a revision adds — its block of
the summary graph and its actual values in the actual-values graphs, one graph per indicator, year
and unit — written in the same atomic call as the revision itself; `rebuild_updates` recomputes
all of them from the stored revisions, a batch of revisions per SPARQL update, for a store
written before the summary existed or under another SUMMARY_VERSION. The two must agree; the tests compare them. Like
every other graph of a revision, a block is added and never changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SH
from rdflib.term import Node

from ..dated_after import DATE_SHAPE, YEAR_SHAPE
from ..rested_on import ORDER_SHAPE
from ..lead_ins import lead_in_values
from ..namespaces import BCIC, REQ
from ..rulebook import load_rulebook
from .base import (GRAPH_ROOT, ONTOLOGY_GRAPH, PROVENANCE_GRAPH, SUMMARY_GRAPH, RevisionRecord,
                   Store, Triple)

EARL = Namespace("http://www.w3.org/ns/earl#")
# Raise it whenever the facts below change: `ensure_summary` then rebuilds stored summaries.
# 3: the rate counts (met, pending review, applicable); 4: the counts as the report states them,
# never recomputed against the running rules, and each failed provision's level and labels as
# the report states them; 5: a lead-in's judged facts follow its judged list items
# (checker/lead_ins.py); 6: not one that waits for its own record dated after the report.
SUMMARY_VERSION = "6"
# One graph per indicator, year and unit: {root}{indicator IRI, encoded}/{year}[/{unit, encoded}].
ACTUAL_VALUES_ROOT = GRAPH_ROOT + "actual-values/"
# A refYear counts when its text is a year number (xsd:gYear without a time zone, or an integer).
YEAR_TEXT = re.compile(r"-?[0-9]{4,}")


def summary_blocks(revision: RevisionRecord) -> list[tuple[URIRef, list[Triple]]]:
    """(graph name, triples) of everything derived the revision adds to the store. Plain lists,
    not rdflib graphs: a revision adds one block per indicator and year, some 150 of them, and
    an rdflib graph each cost more than the store write of their triples."""
    summary: list[Triple] = list(summary_graph(revision))
    blocks: list[tuple[URIRef, list[Triple]]] = [(SUMMARY_GRAPH, summary)]
    for name, (indicator, year, unit, values) in _actual_values(revision).items():
        summary.append((indicator, BCIC.actualValuesGraph, name))
        summary.append((name, BCIC.graphYear, Literal(year)))
        if unit is not None:
            summary.append((name, BCIC.graphUnit, unit))
        blocks.append((name, [(revision.submission_graph, BCIC.actualValue, value)
                              for value in values]))
    return blocks


def actual_values_graph_iri(indicator: URIRef, year: int, unit: Literal | None) -> URIRef:
    """The actual-values graph of one indicator, year and unit (no unit: none stated)."""
    tail = "" if unit is None else "/" + quote(str(unit), safe="")
    return URIRef(f"{ACTUAL_VALUES_ROOT}{quote(str(indicator), safe='')}/{year}{tail}")


_ActualValues = tuple[URIRef, int, Literal | None, set[Node]]


def _actual_values(revision: RevisionRecord) -> dict[URIRef, _ActualValues]:
    """The actual values the submission states about its own cluster, by actual-values graph."""
    found: dict[URIRef, _ActualValues] = {}
    for indicator, year, unit, value in _own_actual_values(revision):
        name = actual_values_graph_iri(indicator, year, unit)
        found.setdefault(name, (indicator, year, unit, set()))[3].add(value)
    return found


def _own_actual_values(revision: RevisionRecord) -> Iterator[tuple[URIRef, int, Literal | None,
                                                                   Node]]:
    """(indicator, year, unit as plain text, value) of every bcic:ActualValue observation whose
    bcic:refCluster is the revision's cluster; figures about other clusters are not theirs."""
    data = revision.submission
    for observation in data.subjects(BCIC.valueKind, BCIC.ActualValue):
        if (observation, BCIC.refCluster, revision.cluster) not in data:
            continue
        units: list[Literal | None] = [Literal(str(u)) for u in
                                       data.objects(observation, BCIC.unitOfMeasure)
                                       if not isinstance(u, BNode)] or [None]
        for indicator in data.objects(observation, BCIC.indicator):
            if not isinstance(indicator, URIRef):
                continue
            for ref_year in data.objects(observation, BCIC.refYear):
                if isinstance(ref_year, BNode) or not YEAR_TEXT.fullmatch(str(ref_year)):
                    continue
                for unit in units:
                    for value in data.objects(observation, BCIC.observedValue):
                        yield indicator, int(str(ref_year)), unit, value


def summary_graph(revision: RevisionRecord) -> Graph:
    """The summary block of one revision (its subject is the revision's submission graph IRI).

    - bcic:clusterLabel: every literal rdfs:label the submission gives its cluster;
    - bcic:crisisWarningSystemCount: how many bcic:CrisisWarningSystem nodes it holds;
    - bcic:failsRequirement: every requirement an earl:Assertion of the report records failed;
    - bcic:metCount, bcic:pendingReviewCount, bcic:applicableCount: the report's headline rate,
      as its sh:ValidationReport states them (shall-level requirements met, pending review,
      applicable; the rate is met ÷ applicable);
    - of each failed requirement (its own subject, shared by the revisions that fail it): the
      bcic:normativeLevel and rdfs:label the report states, so that a provision failed under a
      rulebook that no longer has it is still counted and named as judged.
    """
    graph = Graph(bind_namespaces="none")
    subject = revision.submission_graph
    for label in revision.submission.objects(revision.cluster, RDFS.label):
        if isinstance(label, Literal):
            graph.add((subject, BCIC.clusterLabel, label))
    systems = set(revision.submission.subjects(RDF.type, BCIC.CrisisWarningSystem))
    graph.add((subject, BCIC.crisisWarningSystemCount, Literal(len(systems))))
    for requirement in failed_requirements(revision.report):
        graph.add((subject, BCIC.failsRequirement, requirement))
        for predicate in (BCIC.normativeLevel, RDFS.label):
            for value in revision.report.objects(requirement, predicate):
                graph.add((requirement, predicate, value))
    # The headline counts only: the report's bcic:RateSummary nodes count chapters and layers too.
    for report in revision.report.subjects(RDF.type, SH.ValidationReport):
        for count in RATE_COUNTS:
            for value in revision.report.objects(report, count):
                graph.add((subject, count, value))
    return graph


# The counts behind a revision's rate, in the order a Rate takes them: met, pending, applicable.
RATE_COUNTS = (BCIC.metCount, BCIC.pendingReviewCount, BCIC.applicableCount)


def failed_requirements(report: Graph) -> set[Node]:
    """The earl:test of every earl:Assertion whose earl:result has earl:outcome earl:failed."""
    found: set[Node] = set()
    for assertion in report.subjects(RDF.type, EARL.Assertion):
        if any((result, EARL.outcome, EARL.failed) in report
               for result in report.objects(assertion, EARL.result)):
            found.update(report.objects(assertion, EARL.test))
    return found


# The rebuild (docs/store.md, "The summary graph"): the old summary removed, then the same facts
# for every stored revision, a batch of revisions per update, then the version marker. One update
# for all held every revision's facts in one transaction (1.9 GB and 111 s for 1,145 revisions);
# an update now holds REBUILD_BATCH revisions'. Stopped midway, the store has no marker of this
# version, so it still needs a reindex, which starts over. Plain SPARQL 1.1 (no BIND(EXISTS …)),
# which Virtuoso also runs. The actual-values graphs are found through the summary graph's index
# before it is dropped. The rate counts are those the report's sh:ValidationReport states, counted
# when it was made: never against the running rules, which may have dropped, renamed or added
# provisions since. A report stored before it stated them (when the rate counted a pending review
# as met, and the provenance block kept that rate as bcic:conformanceRate) gets them counted from
# its EARL outcomes, by the levels it states (else the rule graphs'); the provenance's outdated
# figure is removed. How each update is written keeps it proportional to its batch on Oxigraph,
# whose planner would otherwise read every revision's graphs for each batch: one operation per
# predicate of the requirements' statements (a VALUES of two read each report whole, 7 s a batch
# at 1,000 clusters), and the unit's OPTIONAL outside the observations' GRAPH (inside, 4 s).
REBUILD_BATCH = 50
_PREFIXES = f"""PREFIX bcic: <{BCIC}>
PREFIX earl: <{EARL}>
PREFIX rdfs: <{RDFS}>
PREFIX sh: <{SH}>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
CLEAR_SUMMARY = _PREFIXES + f"""DELETE {{ GRAPH ?values {{ ?s ?p ?o }} }}
WHERE {{
  GRAPH <{SUMMARY_GRAPH}> {{ ?indicator bcic:actualValuesGraph ?values }}
  GRAPH ?values {{ ?s ?p ?o }}
}} ;
DROP SILENT GRAPH <{SUMMARY_GRAPH}> ;
DELETE {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?revision bcic:conformanceRate ?rate }} }}
WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?revision bcic:conformanceRate ?rate }} }}
"""
# `$REVISIONS` stands for a VALUES block naming the batch's revisions (`rebuild_batch`).
_REBUILD_BATCH = _PREFIXES + f"""INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{ ?revision bcic:clusterLabel ?label }} }}
WHERE {{
  $REVISIONS
  GRAPH <{PROVENANCE_GRAPH}> {{ ?revision a bcic:Revision ; bcic:cluster ?cluster }}
  GRAPH ?revision {{ ?cluster rdfs:label ?label }}
  FILTER(isLiteral(?label))
}} ;
INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{ ?revision bcic:crisisWarningSystemCount ?systems }} }}
WHERE {{
  SELECT ?revision (COUNT(DISTINCT ?system) AS ?systems)
  WHERE {{
    $REVISIONS
    GRAPH <{PROVENANCE_GRAPH}> {{ ?revision a bcic:Revision }}
    OPTIONAL {{ GRAPH ?revision {{ ?system a bcic:CrisisWarningSystem }} }}
  }}
  GROUP BY ?revision
}} ;
INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{ ?revision bcic:failsRequirement ?requirement }} }}
WHERE {{
  $REVISIONS
  GRAPH <{PROVENANCE_GRAPH}> {{ ?revision a bcic:Revision ; bcic:reportGraph ?report }}
  GRAPH ?report {{
    ?result earl:outcome earl:failed .
    ?assertion earl:result ?result ; a earl:Assertion ; earl:test ?requirement .
  }}
}} ;
INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{ ?requirement bcic:normativeLevel ?value }} }}
WHERE {{
  $REVISIONS
  GRAPH <{PROVENANCE_GRAPH}> {{ ?revision a bcic:Revision ; bcic:reportGraph ?report }}
  GRAPH ?report {{
    ?result earl:outcome earl:failed .
    ?assertion earl:result ?result ; a earl:Assertion ; earl:test ?requirement .
    ?requirement bcic:normativeLevel ?value .
  }}
}} ;
INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{ ?requirement rdfs:label ?value }} }}
WHERE {{
  $REVISIONS
  GRAPH <{PROVENANCE_GRAPH}> {{ ?revision a bcic:Revision ; bcic:reportGraph ?report }}
  GRAPH ?report {{
    ?result earl:outcome earl:failed .
    ?assertion earl:result ?result ; a earl:Assertion ; earl:test ?requirement .
    ?requirement rdfs:label ?value .
  }}
}} ;
INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{
  ?revision bcic:metCount ?met ; bcic:pendingReviewCount ?pending ; bcic:applicableCount ?applicable
}} }}
WHERE {{
  $REVISIONS
  GRAPH <{PROVENANCE_GRAPH}> {{ ?revision a bcic:Revision ; bcic:reportGraph ?report }}
  GRAPH ?report {{
    ?validation a sh:ValidationReport ; bcic:metCount ?met ; bcic:pendingReviewCount ?pending ;
        bcic:applicableCount ?applicable .
  }}
}} ;
INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{
  ?revision bcic:metCount ?met ; bcic:pendingReviewCount ?pending ; bcic:applicableCount ?applicable
}} }}
WHERE {{
  SELECT ?revision (SUM(IF(?outcome = earl:passed, 1, 0)) AS ?met)
         (SUM(IF(?outcome = earl:cantTell, 1, 0)) AS ?pending)
         (SUM(IF(?outcome = earl:inapplicable, 0, 1)) AS ?applicable)
  WHERE {{
    $REVISIONS
    GRAPH <{PROVENANCE_GRAPH}> {{ ?revision a bcic:Revision ; bcic:reportGraph ?report }}
    FILTER NOT EXISTS {{ GRAPH ?report {{ ?validation a sh:ValidationReport ;
                                             bcic:applicableCount ?stated }} }}
    GRAPH ?report {{
      ?assertion a earl:Assertion ; earl:test ?requirement ; earl:result ?result .
      ?result earl:outcome ?outcome .
    }}
    OPTIONAL {{ GRAPH ?report {{ ?requirement bcic:normativeLevel ?statedLevel }} }}
    OPTIONAL {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?requirement bcic:normativeLevel ?ruleLevel }} }}
    FILTER(COALESCE(?statedLevel, ?ruleLevel) = bcic:Shall)
  }}
  GROUP BY ?revision
}} ;
INSERT {{
  GRAPH ?values {{ ?revision bcic:actualValue ?value }}
  GRAPH <{SUMMARY_GRAPH}> {{
    ?indicator bcic:actualValuesGraph ?values . ?values bcic:graphYear ?year ; bcic:graphUnit ?unit
  }}
}}
WHERE {{
  $REVISIONS
  GRAPH <{PROVENANCE_GRAPH}> {{ ?revision a bcic:Revision ; bcic:cluster ?cluster }}
  GRAPH ?revision {{
    ?observation bcic:valueKind bcic:ActualValue ; bcic:refCluster ?cluster ;
        bcic:indicator ?indicator ; bcic:refYear ?refYear ; bcic:observedValue ?value .
  }}
  OPTIONAL {{ GRAPH ?revision {{ ?observation bcic:unitOfMeasure ?stated FILTER(!isBlank(?stated)) }} }}
  FILTER(isIRI(?indicator) && !isBlank(?refYear) && REGEX(STR(?refYear), "^-?[0-9]{{4,}}$"))
  BIND(xsd:integer(STR(?refYear)) AS ?year)
  BIND(STR(?stated) AS ?unit)
  BIND(IRI(CONCAT("{ACTUAL_VALUES_ROOT}", ENCODE_FOR_URI(STR(?indicator)), "/", STR(?year),
                  IF(BOUND(?unit), CONCAT("/", ENCODE_FOR_URI(?unit)), ""))) AS ?values)
}}
"""
# The evaluator's judgements (checker/store/judgements.py) of a shall-level provision its report
# leaves to them (earl:cantTell, at the level the report states): the latest of each (the one no
# other dcterms:replaces) as bcic:judgedMet or bcic:judgedNotMet, and of a provision judged not
# met, its level and labels as the report states them, as for bcic:failsRequirement. Written
# afresh for the revision with each judgement, and by the rebuild: the same text.
# Full IRIs, no PREFIX: the text follows a judgement's INSERT DATA in one request, whose prologue
# is the INSERT's own.
_B, _E = f"<{BCIC}", f"<{EARL}"
_JUDGED_FACTS = f"""DELETE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?revision ?judged ?requirement }} }}
WHERE {{
  $REVISIONS
  VALUES ?judged {{ {_B}judgedMet> {_B}judgedNotMet> }}
  GRAPH <{SUMMARY_GRAPH}> {{ ?revision ?judged ?requirement }}
}} ;
INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{ ?revision ?judged ?requirement }} }}
WHERE {{
  $REVISIONS
  GRAPH <{PROVENANCE_GRAPH}> {{ ?revision a {_B}Revision> ; {_B}reportGraph> ?report }}
  GRAPH ?judgements {{
    ?assertion {_E}subject> ?revision ; {_E}mode> {_E}manual> ; {_E}test> ?requirement ;
        {_E}result> ?result .
    ?result {_E}outcome> ?outcome .
    FILTER NOT EXISTS {{ ?later <http://purl.org/dc/terms/replaces> ?assertion }}
  }}
  FILTER(STRSTARTS(STR(?judgements), "{GRAPH_ROOT}judgements/"))
  GRAPH ?report {{
    ?stored {_E}test> ?requirement ; {_E}result> ?storedResult .
    ?storedResult {_E}outcome> {_E}cantTell> .
    ?requirement {_B}normativeLevel> {_B}Shall> .
  }}
  FILTER(?outcome IN ({_E}passed>, {_E}failed>))
  BIND(IF(?outcome = {_E}passed>, {_B}judgedMet>, {_B}judgedNotMet>) AS ?judged)
}} ;
$LEAD_INS_NOT_MET
$LEAD_INS_NOT_MET
$LEAD_INS_STILL_WAITING
$LEAD_INS_MET
$LEAD_INS_STILL_WAITING
$LEAD_INS_MET
$LEAD_INS_STILL_WAITING
INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{ ?requirement {_B}normativeLevel> {_B}Shall> }} }}
WHERE {{
  $REVISIONS
  GRAPH <{SUMMARY_GRAPH}> {{ ?revision {_B}judgedNotMet> ?requirement }}
}} ;
INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{ ?requirement <{RDFS.label}> ?value }} }}
WHERE {{
  $REVISIONS
  GRAPH <{SUMMARY_GRAPH}> {{ ?revision {_B}judgedNotMet> ?requirement }}
  GRAPH <{PROVENANCE_GRAPH}> {{ ?revision {_B}reportGraph> ?report }}
  GRAPH ?report {{ ?requirement <{RDFS.label}> ?value }}
}}
"""
# The shall-level lead-in ?lead that the revision's report leaves pending (earl:cantTell).
_LEAD_PENDING_IN_REPORT = f"""  GRAPH <{PROVENANCE_GRAPH}> {{ ?revision {_B}reportGraph> ?report }}
  GRAPH ?report {{ ?stored {_E}test> ?lead ; {_E}result> [ {_E}outcome> {_E}cantTell> ] .
    ?lead {_B}normativeLevel> {_B}Shall> }}"""
# A lead-in the report leaves pending is judged not met once one of its items is (run twice: a
# lead-in of lead-ins, 9.1.4), loses a judgement of its own as met while an item still awaits
# the evaluator (5.3, 8.3.4: its own text and its items both decide), and, when it has no review
# of its own, is judged met once every item it waited for is (checker/lead_ins.py). A record
# dated after the report under the lead-in itself (checker/dated_after.py: a result of one of
# its two shapes referencing it, 8.1.3's design dated 2099), or before what it rests on
# (checker/rested_on.py), is a review of its own, for this
# revision: the lead-in then waits for its own judgement, as the report read back says.
_LEAD_INS_NOT_MET = f"""INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{ ?revision {_B}judgedNotMet> ?lead }} }}
WHERE {{
  $REVISIONS
  $LEAD_IN_ITEMS
  GRAPH <{SUMMARY_GRAPH}> {{ ?revision {_B}judgedNotMet> ?item }}
{_LEAD_PENDING_IN_REPORT}
}} ;"""
_LEAD_INS_MET = f"""INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{ ?revision {_B}judgedMet> ?lead }} }}
WHERE {{
  $REVISIONS
  $LEAD_INS_ON_ITEMS_ALONE
{_LEAD_PENDING_IN_REPORT}
  FILTER NOT EXISTS {{ GRAPH <{SUMMARY_GRAPH}> {{ ?revision {_B}judgedMet> ?lead }} }}
  FILTER NOT EXISTS {{ GRAPH <{SUMMARY_GRAPH}> {{ ?revision {_B}judgedNotMet> ?lead }} }}
  FILTER NOT EXISTS {{ GRAPH ?report {{ ?later <{DCTERMS.references}> ?lead ;
    <{SH.sourceShape}> <{DATE_SHAPE}> }} }}
  FILTER NOT EXISTS {{ GRAPH ?report {{ ?later <{DCTERMS.references}> ?lead ;
    <{SH.sourceShape}> <{YEAR_SHAPE}> }} }}
  FILTER NOT EXISTS {{ GRAPH ?report {{ ?later <{DCTERMS.references}> ?lead ;
    <{SH.sourceShape}> <{ORDER_SHAPE}> }} }}
  $LEAD_IN_ITEMS
  FILTER EXISTS {{ GRAPH <{SUMMARY_GRAPH}> {{ ?revision {_B}judgedMet> ?item }} }}
}} ;"""
# A lead-in judged met (by its own judgement, or above from one item) loses it while it is
# judged not met or one of its items still awaits the evaluator. Said apart from _LEAD_INS_MET,
# not as a FILTER NOT EXISTS holding the items' VALUES inside it, which Virtuoso 7 refuses
# ("sparp_find_qmv_of_var_or_retval(): side effect var passed"). _LEAD_INS_MET asks its item's
# judgement in FILTER EXISTS, and not its outcome in the report (only a provision the report
# leaves pending is judged): Virtuoso 7 cannot translate either as a plain pattern beside the
# items' VALUES ("SP031 … not translated to an accurate SQL text").
_LEAD_INS_STILL_WAITING = f"""DELETE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?revision {_B}judgedMet> ?lead }} }}
WHERE {{
  $REVISIONS
  $LEAD_IN_ITEMS
  GRAPH <{SUMMARY_GRAPH}> {{ ?revision {_B}judgedMet> ?lead }}
  GRAPH <{PROVENANCE_GRAPH}> {{ ?revision {_B}reportGraph> ?report }}
  {{ GRAPH <{SUMMARY_GRAPH}> {{ ?revision {_B}judgedNotMet> ?lead }} }} UNION {{
    GRAPH ?report {{ ?stored {_E}test> ?item ; {_E}result> [ {_E}outcome> {_E}cantTell> ] }}
    FILTER NOT EXISTS {{ GRAPH <{SUMMARY_GRAPH}> {{ ?revision {_B}judgedMet> ?item }} }}
  }}
}} ;"""
MARK_SUMMARY_CURRENT = _PREFIXES + f"""INSERT DATA {{
  GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> bcic:summaryVersion "{SUMMARY_VERSION}" }}
}}
"""
STORED_REVISIONS = f"""SELECT ?revision
WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?revision a <{BCIC.Revision}> }} }}
ORDER BY ?revision"""


def rebuild_batch(revisions: list[URIRef]) -> str:
    """The update writing the summary facts of `revisions` (stored revisions' graph names)."""
    named = " ".join(f"<{revision}>" for revision in revisions)
    return _REBUILD_BATCH.replace("$REVISIONS", f"VALUES ?revision {{ {named} }}")


def judged_facts_update(revisions: list[URIRef]) -> str:
    """The update giving `revisions` their judged facts afresh (_JUDGED_FACTS)."""
    named = " ".join(f"<{revision}>" for revision in revisions)
    pairs = list(lead_in_values(load_rulebook()))
    items = " ".join(f"(<{REQ[lead]}> <{REQ[item]}>)" for lead, item, _own in pairs)
    alone = ", ".join(dict.fromkeys(f"<{REQ[lead]}>" for lead, _item, own in pairs if not own))
    return (_JUDGED_FACTS.replace("$LEAD_INS_NOT_MET", _LEAD_INS_NOT_MET)
            .replace("$LEAD_INS_MET", _LEAD_INS_MET)
            .replace("$LEAD_INS_STILL_WAITING", _LEAD_INS_STILL_WAITING)
            .replace("$LEAD_IN_ITEMS", f"VALUES (?lead ?item) {{ {items} }}")
            .replace("$LEAD_INS_ON_ITEMS_ALONE", f"FILTER(?lead IN ({alone}))")
            .replace("$REVISIONS", f"VALUES ?revision {{ {named} }}"))


def rebuild_updates(revisions: list[URIRef]) -> Iterator[str]:
    """The updates of a rebuild, in order: the old summary removed, the facts of `revisions`
    (every stored revision: STORED_REVISIONS) a batch at a time, the version marker last."""
    yield CLEAR_SUMMARY
    for start in range(0, len(revisions), REBUILD_BATCH):
        yield rebuild_batch(revisions[start:start + REBUILD_BATCH])
        yield judged_facts_update(revisions[start:start + REBUILD_BATCH])
    yield MARK_SUMMARY_CURRENT


def summary_current(store: Store) -> bool:
    """Whether the store's summary graph was built under this SUMMARY_VERSION."""
    return store.ask(f'ASK {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> '
                     f'<{BCIC.summaryVersion}> "{SUMMARY_VERSION}" }} }}')


def needs_reindex(store: Store) -> bool:
    """Whether the store holds revisions under a summary graph of another version, or none:
    rates and the named queries' answers are wrong or missing until `bcic reindex`."""
    return not summary_current(store) and store.ask(
        f"ASK {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?revision a <{BCIC.Revision}> }} }}")


def ensure_summary(store: Store) -> bool:
    """Rebuild the summary graph unless it is current; whether it was rebuilt."""
    if summary_current(store):
        return False
    store.rebuild_summary()
    return True


__all__ = ["ACTUAL_VALUES_ROOT", "RATE_COUNTS", "CLEAR_SUMMARY", "MARK_SUMMARY_CURRENT", "REBUILD_BATCH", "STORED_REVISIONS", "SUMMARY_GRAPH", "SUMMARY_VERSION",
           "actual_values_graph_iri", "ensure_summary", "rebuild_batch", "rebuild_updates", "failed_requirements", "judged_facts_update", "needs_reindex",
           "summary_blocks",
           "summary_current", "summary_graph"]

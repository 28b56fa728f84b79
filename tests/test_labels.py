"""Every term the project defines is labelled, defined and traced to a clause, in zh and en; no two
terms share a label but the few docs/model.md explains."""

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import ORG, PROV, SH
from rdflib.term import Node

from checker.labels import collect_labels, labels_of
from checker.namespaces import BCIC, IND, REQ
from checker.ontology import TermKind, defined_terms, load_ontology_graph, requirement_individuals
from checker.paths import ALL_ONTOLOGY_FILES, PROJECT_ROOT
from checker.rulebook import Rulebook, load_rulebook
from checker.shape_term_problems import unlabelled_terms
from checker.shape_paths import path_properties, read_path

LANGS = ("zh", "en")

# A clause of the draft ("3.1", "5.2.1", "7.1.2.1"; "0.2" is Figure 0.1's clause), optionally
# narrowed to a provision as docs/model.md names them ("4.2.1-a", "5.3-1", "9.1.4-a-1").
CLAUSE_REF = re.compile(r"^[0-9](\.[1-9][0-9]?){0,3}(-[a-z](-[1-9][0-9]?)?|-[1-9][0-9]?)?$")


def _missing_langs(graph: Graph, term: URIRef, predicate: URIRef) -> list[str]:
    present = {o.language for o in graph.objects(term, predicate) if isinstance(o, Literal)}
    return [lang for lang in LANGS if lang not in present]


def _report(offenders: list[str]) -> str:
    return f"{len(offenders)} offender(s):\n  " + "\n  ".join(sorted(offenders))


def _terms_needing_definitions(graph: Graph) -> set[URIRef]:
    """Every term but the catalogue's entries: a provision or a section (4.2) is a clause of the
    standard, which its text or heading states."""
    terms = defined_terms(graph)
    catalogue = requirement_individuals(graph) | set(graph.subjects(RDF.type, BCIC.Section))
    wanted = set().union(*(terms[k] for k in TermKind if k is not TermKind.NAMED_INDIVIDUAL))
    return wanted | (terms[TermKind.NAMED_INDIVIDUAL] - catalogue)


def test_every_bcic_term_has_a_zh_and_an_en_label(ontology_graph: Graph) -> None:
    terms = set().union(*defined_terms(ontology_graph).values())
    assert terms, "the ontology defines no term at all"
    offenders = [
        f"{term} lacks rdfs:label @{', @'.join(missing)}"
        for term in terms
        if (missing := _missing_langs(ontology_graph, term, RDFS.label))
    ]
    assert not offenders, _report(offenders)


def test_every_bcic_class_property_and_non_requirement_individual_has_zh_and_en_definitions(
    ontology_graph: Graph,
) -> None:
    offenders = [
        f"{term} lacks skos:definition @{', @'.join(missing)}"
        for term in _terms_needing_definitions(ontology_graph)
        if (missing := _missing_langs(ontology_graph, term, SKOS.definition))
    ]
    assert not offenders, _report(offenders)


def test_every_bcic_class_property_and_non_requirement_individual_names_a_clause(
    ontology_graph: Graph,
) -> None:
    offenders = []
    for term in _terms_needing_definitions(ontology_graph):
        refs = [str(o) for o in ontology_graph.objects(term, BCIC.clauseRef)]
        if not refs:
            offenders.append(f"{term} has no bcic:clauseRef")
        offenders += [f"{term} has bcic:clauseRef {r!r}, not a clause id" for r in refs
                      if not CLAUSE_REF.match(r)]
    assert not offenders, _report(offenders)


def test_every_property_a_shape_walks_is_named_in_zh_and_en() -> None:
    """Hints and findings name the properties of the shapes' paths: “informed by”
    (prov:wasInformedBy), never “prov:wasInformedBy” (prov:wasInformedBy). rdfs:subClassOf is
    walked only to reach a class's instances and is never shown. A reused term without its
    names is a mistake of the rule files (checker/shape_term_problems.py), which refuses them."""
    rulebook = load_rulebook()
    shapes = rulebook.shapes_graph
    walked = {p for path in shapes.objects(None, SH.path)
              for p, _backwards in path_properties(read_path(shapes, path))} - {RDFS.subClassOf}
    offenders = [f"{p} is not named in {', '.join(sorted(set(LANGS) - set(names)))}"
                 for p in walked if not set(LANGS) <= set(names := labels_of(rulebook.labels_graph, p))]
    assert len(walked) > 50 and not offenders, _report(offenders)
    assert list(unlabelled_terms(rulebook)) == []


@pytest.mark.parametrize("path", ALL_ONTOLOGY_FILES, ids=lambda p: p.name)
def test_literals_carry_no_language_tag_but_zh_or_en(path: Path) -> None:
    graph = load_ontology_graph([path])
    offenders = [
        f"{s} {p} {o!r}"
        for s, p, o in graph
        if isinstance(o, Literal) and o.language is not None and o.language not in LANGS
    ]
    assert not offenders, _report(offenders)


@pytest.mark.parametrize("ref", ["0.2", "3.1", "5.2.1", "7.1.2.1", "9.1.4", "4.2.1-a", "9.1.4-a-1", "5.3-1"])
def test_clause_ref_pattern_accepts_clause_and_provision_ids(ref: str) -> None:
    assert CLAUSE_REF.match(ref)


@pytest.mark.parametrize("ref", ["", "5.2.1.", "GB/T 5.2", "5.2.1 a)", "10.1", "5..2", "A.1"])
def test_clause_ref_pattern_rejects_other_strings(ref: str) -> None:
    assert not CLAUSE_REF.match(ref)


def _shape_terms(rulebook: Rulebook) -> set[URIRef]:
    """The properties and classes the shapes use: every property of a path, every class a shape
    targets or asks for (sh:class, or a class among its values), every class their hints name
    (the records of a duty are of the domain of bcic:fulfilsDuty)."""
    shapes, ontology = rulebook.shapes_graph, rulebook.labels_graph
    terms = {p for path in shapes.objects(None, SH.path)
             for p, _inverse in path_properties(read_path(shapes, path))}
    terms |= {o for predicate in (SH["class"], SH.targetClass)
              for o in shapes.objects(None, predicate) if isinstance(o, URIRef)}
    values = [*shapes.objects(None, SH.targetNode), *shapes.objects(None, SH.hasValue),
              *(v for listed in shapes.objects(None, SH["in"]) for v in Collection(shapes, listed))]
    terms |= {v for v in values if isinstance(v, URIRef) and (v, RDF.type, OWL.Class) in ontology}
    return terms | {c for g in rulebook.guidance.values() for c in g.classes if isinstance(c, URIRef)}


# Terms that share a label in at least one language, each with why a reader cannot take one for
# the other (docs/model.md, decision 14). Any other shared label is a fault.
SHARED_LABELS: dict[frozenset[URIRef], str] = {
    frozenset({BCIC.EcoSocialEnvironment, BCIC.SocialEnvironment}):
        "社会环境 of 4.3.1's brand ecosystem and of 5.1's macro environment",
    frozenset({BCIC.EcoEconomicEnvironment, BCIC.EconomicEnvironment}):
        "经济环境 of 4.3.1's brand ecosystem and of 5.1's macro environment",
    frozenset({BCIC.EcoCulturalEnvironment, BCIC.CulturalEnvironment}):
        "文化环境 of 4.3.1's brand ecosystem and of 5.1's macro environment",
    frozenset({BCIC.EcoFinancialInstitutions, BCIC.FinancialInstitutionStakeholder}):
        "金融机构 of 4.3.1's brand ecosystem and of 7.2.5's stakeholders",
    frozenset({BCIC.EcoGovernment, BCIC.GovernmentAudience}):
        "政府 of 4.3.1's brand ecosystem and of 8.2.1's audiences",
    frozenset({BCIC.ClusterBrand, BCIC.ClusterBrandMode}):
        "集群品牌, the brand and 6.1.2.2's first architecture mode (English: cluster brand only)",
}


def _every_term(rulebook: Rulebook) -> set[Node]:
    """Every subject the ontology files name under https://w3id.org/bcic/, and the reused terms
    the shapes use, which reports name by the labels of checker/labels.py."""
    ontology = load_ontology_graph(ALL_ONTOLOGY_FILES)
    own = {s for s in ontology.subjects() if isinstance(s, URIRef)
           and s.startswith("https://w3id.org/bcic/") and (s, RDF.type, OWL.Ontology) not in ontology}
    return own | _shape_terms(rulebook)


def _shared_labels(terms: set[Node], labels: Graph, lang: str) -> dict[str, frozenset[Node]]:
    by_label: dict[str, set[Node]] = {}
    for term, named in collect_labels(terms, labels).items():
        if lang in named:
            by_label.setdefault(named[lang], set()).add(term)
    return {label: frozenset(found) for label, found in by_label.items() if len(found) > 1}


@pytest.mark.parametrize("lang", LANGS)
def test_no_two_terms_share_a_label_but_the_documented_exceptions(lang: str) -> None:
    """Reports name a term by its label (hints, findings), the rulebook an actor: two terms with
    one label read as one. 8.3.4 —1's warning system has a “responsible party”
    (bcic:responsibleParty) and, as every document, is “attributed to” the body
    (prov:wasAttributedTo): 「责任方」 named both in Chinese. A property is not its class
    (所属规范级别, bcic:normativeLevel, of a 规范级别, bcic:NormativeLevel), a role not the kind
    of organisation that holds it (行业组织角色 and 行业组织), the cluster of a revision not that of
    an observation; a concept scheme is not its class (communication forms and communication
    form)."""
    rulebook = load_rulebook()
    terms = _every_term(rulebook)
    assert {PROV.wasAttributedTo, BCIC.responsibleParty, ORG.Membership, BCIC.DutyFulfilment,
            BCIC.StandardDraft, BCIC.NormativeLevelScheme, IND.IndicatorScheme, REQ["4.1"]} <= terms
    shared = _shared_labels(terms, rulebook.labels_graph, lang)
    assert len(terms) > 600
    unexplained = [f"{label}: {sorted(found)}" for label, found in shared.items()
                   if found not in SHARED_LABELS]
    assert not unexplained, _report(unexplained)


def test_every_documented_shared_label_is_shared_and_in_docs_model_md() -> None:
    """An exception that no longer holds is dropped; docs/model.md names every one."""
    rulebook = load_rulebook()
    terms = _every_term(rulebook)
    shared = {found for lang in LANGS
              for found in _shared_labels(terms, rulebook.labels_graph, lang).values()}
    assert set(SHARED_LABELS) <= shared
    decisions = (PROJECT_ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    named = {t for pair in SHARED_LABELS for t in pair
             if f"`bcic:{t.removeprefix(str(BCIC))}`" in decisions}
    assert named == {t for pair in SHARED_LABELS for t in pair}

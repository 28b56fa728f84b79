"""The samples of examples/: well-formed, in the ontology's terms, as their headers promise."""

import json
from collections import Counter
from functools import cache
from typing import TypedDict

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG

from checker.namespaces import BASE_IRI, BCIC, REQ, is_bcic_term
from checker.paths import EXAMPLES_DIR
from tests.catalogue_counts import COUNTS, UPDATE

EXPECTED_FILE = EXAMPLES_DIR / "expected.json"
# Spelled out: a module-level rdflib XSD namespace makes pytest's collection warn.
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
XSD_GYEAR = URIRef("http://www.w3.org/2001/XMLSchema#gYear")
ROLES = (BCIC.GovernmentRole, BCIC.IndustryOrganisationRole, BCIC.ThirdPartyInstitutionRole,
         BCIC.IndustryEnterpriseRole, BCIC.SupportingEnterpriseRole)

# What each file's header promises: the fewest members per role, and the years with actual values.
PROMISES = {
    "dehua-ceramics.ttl": (2, range(2020, 2025)),
    "datang-socks.ttl": (2, range(2021, 2025)),
    "meitan-tea.ttl": (1, range(2023, 2025)),
}
EXAMPLES = sorted(PROMISES)


@cache
def example(name: str) -> Graph:
    """One example file, parsed once."""
    graph = Graph()
    graph.parse(EXAMPLES_DIR / name, format="turtle", publicID=BASE_IRI)
    return graph


class Expectation(TypedDict):
    """One entry of examples/expected.json."""

    verdict: str
    unmet_shall: list[str]


@cache
def expected() -> dict[str, Expectation]:
    """examples/expected.json."""
    entries: dict[str, Expectation] = json.loads(EXPECTED_FILE.read_text(encoding="utf-8"))
    return entries


def _defined(ontology: Graph) -> frozenset[URIRef]:
    return frozenset(s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef))


def _identifiers(ontology: Graph, level: URIRef | None = None) -> set[str]:
    return {str(ontology.value(r, DCTERMS.identifier))
            for r in ontology.subjects(BCIC.normativeLevel, level)}


def _actual_years(graph: Graph, indicator: URIRef) -> set[int]:
    return {int(str(graph.value(o, BCIC.refYear)))
            for o in graph.subjects(BCIC.indicator, indicator)
            if graph.value(o, BCIC.valueKind) == BCIC.ActualValue}


def test_the_examples_folder_holds_exactly_the_files_that_expected_json_describes() -> None:
    assert sorted(p.name for p in EXAMPLES_DIR.glob("*.ttl")) == EXAMPLES == sorted(expected())


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_bcic_term_an_example_uses_is_defined_in_the_ontology(
    name: str, ontology_graph: Graph
) -> None:
    used = {term for triple in example(name) for term in triple
            if isinstance(term, URIRef) and is_bcic_term(str(term))}
    assert used, "an example that uses no bcic term checks nothing"
    assert sorted(used - _defined(ontology_graph)) == []


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_language_tag_is_zh_or_en(name: str) -> None:
    tags = {o.language for o in example(name).objects() if isinstance(o, Literal) and o.language}
    assert tags <= {"zh", "en"}


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_role_kind_has_the_promised_number_of_members(name: str) -> None:
    graph = example(name)
    body = graph.value(predicate=RDF.type, object=BCIC.CultivationBody)
    counts = Counter(graph.value(m, ORG.role) for m in graph.subjects(ORG.organization, body))
    assert min(counts[role] for role in ROLES) >= PROMISES[name][0]


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_kpi_indicator_has_actual_values_for_every_promised_year(name: str) -> None:
    graph = example(name)
    indicators = {i for i in graph.objects(None, BCIC.includesIndicator) if isinstance(i, URIRef)}
    assert indicators
    for indicator in indicators:
        assert _actual_years(graph, indicator) >= set(PROMISES[name][1]), indicator


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_observation_is_well_formed(name: str) -> None:
    graph = example(name)
    observations = set(graph.subjects(RDF.type, BCIC.IndicatorObservation))
    assert observations
    for obs in observations:
        year, value = graph.value(obs, BCIC.refYear), graph.value(obs, BCIC.observedValue)
        assert isinstance(year, Literal) and year.datatype == XSD_GYEAR, obs
        assert isinstance(value, Literal) and value.datatype == XSD_DECIMAL, obs
        assert graph.value(obs, BCIC.valueKind) in (BCIC.ActualValue, BCIC.TargetValue), obs
        assert graph.value(obs, BCIC.unitOfMeasure) is not None, obs
        assert graph.value(obs, BCIC.indicator) is not None, obs


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_date_is_an_xsd_date(name: str) -> None:
    dates = list(example(name).objects(None, DCTERMS.date))
    assert dates and all(isinstance(d, Literal) and d.datatype == XSD_DATE for d in dates)


def test_the_mature_cluster_fulfils_every_duty_of_4_2(ontology_graph: Graph) -> None:
    graph = example("dehua-ceramics.ttl")
    duties = set(ontology_graph.subjects(RDF.type, BCIC.Duty))
    fulfilled = {graph.value(f, BCIC.fulfilsDuty)
                 for f in graph.subjects(RDF.type, BCIC.DutyFulfilment)}
    assert len(duties) == 19
    assert fulfilled == duties


def test_the_mature_cluster_measures_all_30_leaf_indicators_with_actuals_and_targets(
    ontology_graph: Graph,
) -> None:
    graph = example("dehua-ceramics.ttl")
    leaves = set(ontology_graph.subjects(RDF.type, BCIC.PerformanceIndicator))
    assert len(leaves) == 30
    assert set(graph.objects(None, BCIC.includesIndicator)) == leaves
    assert set(graph.objects(None, BCIC.specifiesIndicator)) == leaves
    targets = {(graph.value(o, BCIC.indicator), str(graph.value(o, BCIC.refYear)))
               for o in graph.subjects(BCIC.valueKind, BCIC.TargetValue)}
    assert targets == {(i, y) for i in leaves for y in ("2024", "2025")}


def test_the_mature_cluster_names_a_benchmark_and_a_competitor_cluster() -> None:
    graph = example("dehua-ceramics.ttl")
    body = graph.value(predicate=RDF.type, object=BCIC.CultivationBody)
    cluster = graph.value(body, BCIC.cultivates)
    for link in (BCIC.benchmarkCluster, BCIC.competitorCluster):
        other = graph.value(cluster, link)
        assert (other, RDF.type, BCIC.IndustrialCluster) in graph
        assert graph.value(other, RDFS.label) is not None


def test_only_the_mature_cluster_registers_a_collective_mark() -> None:
    registered = {n for n in EXAMPLES
                  if (None, RDF.type, BCIC.CollectiveBrandRegistration) in example(n)}
    assert registered == {"dehua-ceramics.ttl"}


def test_expected_json_names_only_shall_provisions_of_the_catalogue_in_sorted_order(
    ontology_graph: Graph,
) -> None:
    shall, every = _identifiers(ontology_graph, BCIC.Shall), _identifiers(ontology_graph)
    assert len(shall) == COUNTS.shall, UPDATE
    assert "9.1.3" in shall
    for name, entry in expected().items():
        unmet = entry["unmet_shall"]
        assert set(unmet) <= every, name
        assert set(unmet) <= shall, name
        assert unmet == sorted(set(unmet)), name


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_verdict_in_expected_json_follows_from_the_unmet_provisions(name: str) -> None:
    entry = expected()[name]
    assert entry["verdict"] == ("conformant" if not entry["unmet_shall"] else "nonconformant")


def test_a_missed_list_item_makes_its_lead_in_unmet_too(ontology_graph: Graph) -> None:
    for name, entry in expected().items():
        unmet = set(entry["unmet_shall"])
        for item in unmet:
            lead = ontology_graph.value(REQ[item], BCIC.partOfProvision)
            if lead is not None:
                assert str(ontology_graph.value(lead, DCTERMS.identifier)) in unmet, (name, item)


def test_the_partly_conformant_cluster_misses_the_provisions_its_header_lists() -> None:
    assert expected()["datang-socks.ttl"]["unmet_shall"] == [
        "4.2.2", "4.2.2-g", "5.2.2", "6.2", "6.2-d", "7.1.2.1", "7.2.4", "7.5.4", "8.1.3",
        "8.1.3-5", "8.2.6", "8.3.4", "8.3.4-1", "9.1.4", "9.1.4-c", "9.1.4-c-3", "9.1.4-c-4",
        "9.4.2",
    ]


def test_the_early_cluster_meets_only_what_its_header_lists(ontology_graph: Graph) -> None:
    met = {"4.1", "4.2.1-a", "4.2.1-b", "4.2.2-a", "4.2.2-c", "4.2.3-b", "5.1", "7.2.1.2",
           "9.1.2", "9.1.3"}  # 9.1.3: its KPI system holds market position and benefit level indicators
    shall = _identifiers(ontology_graph, BCIC.Shall)
    assert expected()["meitan-tea.ttl"]["unmet_shall"] == sorted(shall - met)


def test_the_readme_describes_every_example() -> None:
    readme = (EXAMPLES_DIR / "README.md").read_text(encoding="utf-8")
    assert all(name in readme for name in EXAMPLES)


"""The OWL reasoning check: the project ontology passes it, and broken ontologies fail it, under
both reasoners owlready2 ships (HermiT and Pellet: a standards body may confirm with a second)."""

from collections.abc import Callable
from pathlib import Path

import pytest

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from checker.errors import InputError, ReasonerError
from checker import reasoning
from checker.ontology import ontology_module
from checker.ontology_check import OntologyCheck
from checker.paths import ALL_ONTOLOGY_FILES, EXAMPLES_DIR
from checker.reasoning import DEFAULT_REASONER, REASONERS, Reasoner, reason, reason_over
from checker.synthetic import generate_cluster

TurtleWriter = Callable[[str, str], Path]  # the write_turtle fixture of conftest.py
OntologyChecker = Callable[[Reasoner], OntologyCheck]  # the project_ontology_check fixture
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
EX = Namespace("https://example.org/test#")
XSD_GYEAR = URIRef("http://www.w3.org/2001/XMLSchema#gYear")
SAMPLES = ("datang-socks", "dehua-ceramics", "meitan-tea")

DISJOINT_A_B = """
ex:A a owl:Class .
ex:B a owl:Class ; owl:disjointWith ex:A .
"""


each_reasoner = pytest.mark.parametrize("reasoner", REASONERS)


@each_reasoner
def test_project_ontology_is_consistent_with_no_unsatisfiable_class(
        project_ontology_check: OntologyChecker, reasoner: Reasoner) -> None:
    """The verdict over all the ontology files, of the ontology check run once per worker."""
    verdict = project_ontology_check(reasoner).verdict
    assert verdict.consistent, f"{reasoner} found the project ontology inconsistent"
    assert verdict.unsatisfiable_classes == (), (
        "unsatisfiable classes: " + ", ".join(verdict.unsatisfiable_classes)
    )
    assert verdict.ok


@pytest.mark.parametrize(("reasoner", "name"), [("hermit", "HermiT"), ("pellet", "Pellet")])
def test_consistent_small_ontology_passes(
        write_turtle: TurtleWriter, reasoner: Reasoner, name: str) -> None:
    path = write_turtle("ok.ttl", DISJOINT_A_B + "ex:x a owl:NamedIndividual, ex:A .\n")
    verdict = reason([path], reasoner=reasoner)
    assert verdict.consistent and verdict.unsatisfiable_classes == ()
    assert verdict.reasoner.startswith(name)
    assert verdict.seconds >= 0


@each_reasoner
def test_individual_in_two_disjoint_classes_makes_the_ontology_inconsistent(
    write_turtle: TurtleWriter, reasoner: Reasoner
) -> None:
    path = write_turtle("inconsistent.ttl", DISJOINT_A_B + "ex:x a owl:NamedIndividual, ex:A, ex:B .\n")
    verdict = reason([path], reasoner=reasoner)
    assert verdict.consistent is False
    assert not verdict.ok


@each_reasoner
def test_subclass_of_two_disjoint_classes_is_reported_unsatisfiable(
    write_turtle: TurtleWriter, reasoner: Reasoner
) -> None:
    """With its subclass, named in Chinese: Pellet prints the IRIs it found, which must come back
    whole."""
    path = write_turtle("unsatisfiable.ttl", DISJOINT_A_B
                        + "ex:C a owl:Class ; rdfs:subClassOf ex:A, ex:B .\n"
                        + "ex:品牌 a owl:Class ; rdfs:subClassOf ex:C .\n")
    verdict = reason([path], reasoner=reasoner)
    assert verdict.consistent is True
    assert verdict.unsatisfiable_classes == (
        "https://example.org/test#C", "https://example.org/test#品牌")
    assert not verdict.ok


@each_reasoner
def test_owl_imports_are_not_followed(write_turtle: TurtleWriter, reasoner: Reasoner) -> None:
    path = write_turtle(
        "imports.ttl",
        "<https://example.org/test> a owl:Ontology ;\n"
        "    owl:imports <https://unreachable.invalid/ontology.owl> .\n" + DISJOINT_A_B,
    )
    assert reason([path], reasoner=reasoner).ok


def test_missing_ontology_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="missing.ttl"):
        reason([tmp_path / "missing.ttl"])


@each_reasoner
def test_missing_java_is_a_reasoner_error(
    write_turtle: TurtleWriter, monkeypatch: pytest.MonkeyPatch, reasoner: Reasoner
) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(ReasonerError, match="Java") as caught:
        reason([write_turtle("ok.ttl", DISJOINT_A_B)], reasoner=reasoner)
    assert caught.value.exit_code == 3


def test_pellet_that_cannot_run_is_a_reasoner_error_with_javas_words(
        write_turtle: TurtleWriter, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Java's own message, not a verdict: a Pellet that did not run found nothing consistent."""
    monkeypatch.setattr(reasoning, "_PELLET_JARS", tmp_path)  # no jar: no pellet.Pellet class
    with pytest.raises(ReasonerError, match="Pellet failed: .*pellet.Pellet") as caught:
        reason([write_turtle("ok.ttl", DISJOINT_A_B)], reasoner="pellet")
    assert caught.value.exit_code == 3


@each_reasoner
def test_a_java_that_cannot_start_is_said_in_javas_words_alone_in_either_language(
        write_turtle: TurtleWriter, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        reasoner: Reasoner) -> None:
    """HermiT's message kept owlready2's English "Java error message is: |" before Java's own
    words, in zh too; Pellet's never had it."""
    java = tmp_path / "bin" / "java"
    java.parent.mkdir()
    java.write_text("#!/bin/sh\necho 'Error: Could not create the Java Virtual Machine.' >&2\n"
                    "exit 1\n", encoding="utf-8")
    java.chmod(0o755)
    monkeypatch.setenv("PATH", str(java.parent))
    with pytest.raises(ReasonerError) as caught:
        reason([write_turtle("ok.ttl", DISJOINT_A_B)], reasoner=reasoner)
    name = {"hermit": "HermiT", "pellet": "Pellet"}[reasoner]
    java_said = "Error: Could not create the Java Virtual Machine."
    assert caught.value.text("en") == f"{name} failed: {java_said}"
    assert caught.value.text("zh") == f"{name} 出错：{java_said}"


@each_reasoner
def test_reasoner_that_runs_past_its_timeout_is_a_reasoner_error(
        write_turtle: TurtleWriter, reasoner: Reasoner) -> None:
    with pytest.raises(ReasonerError, match="did not finish"):
        reason([write_turtle("ok.ttl", DISJOINT_A_B)], timeout=0.05, reasoner=reasoner)


def test_ontology_check_reasons_over_the_module_the_ontology_iri_serves_and_over_all_files(
        ontology_graph: Graph, project_ontology_check: OntologyChecker) -> None:
    result = project_ontology_check(DEFAULT_REASONER)
    assert result.files == ALL_ONTOLOGY_FILES
    assert result.module_verdict.ok and result.verdict.ok and result.ok
    module = ontology_module(ontology_graph)
    assert 0 < len(module) < len(ontology_graph)
    assert not any(str(s).startswith("https://w3id.org/bcic/req/") for s in module.subjects())


@each_reasoner
@pytest.mark.parametrize("types", [(PROV.Activity, PROV.Entity), (SKOS.Concept, SKOS.ConceptScheme)],
                         ids=["prov-activity-entity", "skos-concept-scheme"])
def test_the_ontology_restates_the_disjointness_prov_o_and_skos_state(
        ontology_graph: Graph, types: tuple[Node, Node], reasoner: Reasoner) -> None:
    """A tool that loads PROV-O or SKOS finds a node of both classes a clash: so does each reasoner
    on bcic's ontology alone, which re-declares those vocabularies' terms rather than import them."""
    both = Graph()
    for cls in types:
        both.add((EX.x, RDF.type, cls))
    assert reason_over(ontology_graph + both, reasoner=reasoner).consistent is False


def owl2_data(data: Graph) -> Graph:
    """The submission as OWL 2 reads it: xsd:gYear is outside OWL 2's datatype map (HermiT refuses
    such a literal), so a year is given as its text; the shapes check its datatype."""
    read = Graph()
    for s, p, o in data:
        gyear = isinstance(o, Literal) and o.datatype == XSD_GYEAR
        read.add((s, p, Literal(str(o)) if gyear else o))
    return read


@pytest.mark.parametrize("sample", SAMPLES)
def test_each_sample_submission_is_consistent_with_the_ontology(
        ontology_graph: Graph, sample: str) -> None:
    """Under PROV-O's and SKOS's axioms: bcic:basedOn, from an activity to an activity (9.4.1's
    improvement on the evaluation) or a document (8.1.3's element design on the positioning), is a
    PROV influence, not a derivation between entities, which would make those activities
    entities."""
    data = Graph().parse(EXAMPLES_DIR / f"{sample}.ttl")
    verdict = reason_over(ontology_graph + owl2_data(data), reasoner="hermit")
    assert verdict.consistent and verdict.unsatisfiable_classes == ()


def test_the_samples_together_are_consistent_with_the_ontology_under_pellet_too(
        ontology_graph: Graph) -> None:
    """Pellet confirms HermiT over the three samples in one run (a JVM each costs seconds): the
    samples are separate clusters, and what holds of them together holds of each alone."""
    data = Graph()
    for sample in SAMPLES:
        data.parse(EXAMPLES_DIR / f"{sample}.ttl")
    verdict = reason_over(ontology_graph + owl2_data(data), reasoner="pellet")
    assert verdict.consistent and verdict.unsatisfiable_classes == ()


@each_reasoner
def test_a_generated_conformant_cluster_is_consistent_with_the_ontology(
        ontology_graph: Graph, reasoner: Reasoner) -> None:
    verdict = reason_over(ontology_graph + owl2_data(generate_cluster(20, 3)), reasoner=reasoner)
    assert verdict.consistent and verdict.unsatisfiable_classes == ()

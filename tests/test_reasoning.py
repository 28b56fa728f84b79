"""The OWL reasoning check: the project ontology passes it, and broken ontologies fail it."""

from collections.abc import Callable
from pathlib import Path

import pytest

from checker.errors import InputError, ReasonerError
from checker.paths import REASONED_FILES
from checker.reasoning import reason

TurtleWriter = Callable[[str, str], Path]  # the write_turtle fixture of conftest.py

DISJOINT_A_B = """
ex:A a owl:Class .
ex:B a owl:Class ; owl:disjointWith ex:A .
"""


def test_project_ontology_is_consistent_with_no_unsatisfiable_class() -> None:
    verdict = reason(REASONED_FILES)
    assert verdict.consistent, "HermiT found the project ontology inconsistent"
    assert verdict.unsatisfiable_classes == (), (
        "unsatisfiable classes: " + ", ".join(verdict.unsatisfiable_classes)
    )
    assert verdict.ok


def test_consistent_small_ontology_passes(write_turtle: TurtleWriter) -> None:
    path = write_turtle("ok.ttl", DISJOINT_A_B + "ex:x a owl:NamedIndividual, ex:A .\n")
    verdict = reason([path])
    assert verdict.consistent and verdict.unsatisfiable_classes == ()
    assert verdict.reasoner.startswith("HermiT")
    assert verdict.seconds >= 0


def test_individual_in_two_disjoint_classes_makes_the_ontology_inconsistent(
    write_turtle: TurtleWriter,
) -> None:
    path = write_turtle("inconsistent.ttl", DISJOINT_A_B + "ex:x a owl:NamedIndividual, ex:A, ex:B .\n")
    verdict = reason([path])
    assert verdict.consistent is False
    assert not verdict.ok


def test_subclass_of_two_disjoint_classes_is_reported_unsatisfiable(
    write_turtle: TurtleWriter,
) -> None:
    path = write_turtle("unsatisfiable.ttl", DISJOINT_A_B + "ex:C a owl:Class ; rdfs:subClassOf ex:A, ex:B .\n")
    verdict = reason([path])
    assert verdict.consistent is True
    assert verdict.unsatisfiable_classes == ("https://example.org/test#C",)
    assert not verdict.ok


def test_owl_imports_are_not_followed(write_turtle: TurtleWriter) -> None:
    path = write_turtle(
        "imports.ttl",
        "<https://example.org/test> a owl:Ontology ;\n"
        "    owl:imports <https://unreachable.invalid/ontology.owl> .\n" + DISJOINT_A_B,
    )
    assert reason([path]).ok


def test_missing_ontology_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="missing.ttl"):
        reason([tmp_path / "missing.ttl"])


def test_missing_java_is_a_reasoner_error(
    write_turtle: TurtleWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(ReasonerError, match="Java") as caught:
        reason([write_turtle("ok.ttl", DISJOINT_A_B)])
    assert caught.value.exit_code == 3


def test_reasoner_that_runs_past_its_timeout_is_a_reasoner_error(write_turtle: TurtleWriter) -> None:
    with pytest.raises(ReasonerError, match="did not finish"):
        reason([write_turtle("ok.ttl", DISJOINT_A_B)], timeout=0.05)

"""The rulebook's shapes: valid SHACL, tied to the catalogue, and each proven by a fixture pair."""

from __future__ import annotations

import os

import pyshacl
import pytest
from rdflib import Graph, URIRef

from checker.report import Status
from checker.rulebook import SH, Level, load_rulebook
from checker.shacl import Severity
from checker.validation import validate_graph
from tests.shape_mutations import mutation_for

_SEVERITY_OF_LEVEL = {Level.SHALL: Severity.VIOLATION, Level.SHOULD: Severity.WARNING,
                      Level.MAY: Severity.INFO}
RULEBOOK = load_rulebook()
CHECKING_SHAPES = sorted(RULEBOOK.shape_requirements)


def test_shapes_graph_conforms_to_shacl_for_shacl() -> None:
    """The shapes graph is itself valid SHACL (pySHACL's copy of the SHACL-SHACL shapes)."""
    meta = Graph().parse(os.path.join(os.path.dirname(pyshacl.__file__), "assets",
                                      "shacl-shacl.ttl"))
    conforms, _graph, text = pyshacl.validate(RULEBOOK.shapes_graph, shacl_graph=meta)
    assert conforms, text


def test_every_checking_shape_names_a_catalogued_requirement() -> None:
    unknown = {s: r for s, r in RULEBOOK.shape_requirements.items()
               if r not in RULEBOOK.requirements}
    assert len(RULEBOOK.shape_requirements) > 100 and not unknown, unknown


def test_shape_severity_follows_the_level_of_its_requirement() -> None:
    wrong = []
    for shape, rid in RULEBOOK.shape_requirements.items():
        expected = _SEVERITY_OF_LEVEL[RULEBOOK.requirements[rid].level]
        severity = RULEBOOK.shapes_graph.value(shape, SH.severity)
        if severity != SH[expected.value.capitalize()]:
            wrong.append((str(shape), str(severity)))
    assert not wrong, wrong


def test_every_shape_has_a_message_in_zh_and_en_that_cites_its_clause() -> None:
    missing = []
    for shape, rid in RULEBOOK.shape_requirements.items():
        messages = {m.language: str(m) for m in RULEBOOK.shapes_graph.objects(shape, SH.message)}
        clause = RULEBOOK.requirements[rid].clause
        if set(messages) != {"zh", "en"} or not all(clause in m for m in messages.values()):
            missing.append(str(shape))
    assert not missing, missing


def test_every_shall_requirement_has_a_shape_items_or_a_manual_review_mark() -> None:
    shall = [r for r in RULEBOOK.requirements.values() if r.level is Level.SHALL]
    gaps = [r.id for r in shall
            if not r.shapes and not r.review_prompt and not RULEBOOK.children(r.id)]
    assert len(shall) == 119 and not gaps, gaps


def test_the_no_modal_informative_provisions_have_no_shape() -> None:
    checked = [r.id for r in RULEBOOK.requirements.values()
               if r.level is Level.INFORMATIVE and r.shapes]
    assert not checked, checked


@pytest.fixture(scope="module")
def conforming() -> Graph:
    """The smallest conforming submission the generator makes."""
    from checker.synthetic import generate_cluster
    graph = generate_cluster(members=5, years=1, seed=1)
    report = validate_graph(graph, rulebook=RULEBOOK)
    assert report.conforms and not any(o.results for o in report.outcomes
                                       if o.requirement.level is Level.SHALL)
    return graph


@pytest.mark.parametrize("shape", CHECKING_SHAPES, ids=lambda s: str(s).rsplit("/", 1)[-1])
def test_removing_the_evidence_a_shape_checks_is_reported_under_its_clause(
        shape: URIRef, conforming: Graph) -> None:
    rid = RULEBOOK.shape_requirements[shape]
    requirement = RULEBOOK.requirements[rid]
    mutated = mutation_for(RULEBOOK.shapes_graph, shape, RULEBOOK.support_graph)(conforming)
    assert len(mutated) < len(conforming) or set(mutated) != set(conforming)
    outcome = validate_graph(mutated, rulebook=RULEBOOK).outcome(rid)
    flagged = [r for r in outcome.results if r.source_shape == shape]
    assert flagged, f"{shape} did not report on its non-conforming twin"
    assert outcome.status is Status.NOT_MET
    assert {r.severity for r in flagged} == {_SEVERITY_OF_LEVEL[requirement.level]}

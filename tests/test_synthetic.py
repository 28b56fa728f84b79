"""The synthetic submission generator: deterministic, as large as asked, in the ontology's terms."""

import os
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import ORG, PROV
from rdflib.term import Node

from checker.cli import main
from checker.cli_generate import generate_command
from checker.errors import InputError
from checker.namespaces import BCIC, is_bcic_term
from checker.paths import PROJECT_ROOT
from checker.synthetic import BASE, generate_cluster, to_turtle, write_cluster

ROLES = (BCIC.GovernmentRole, BCIC.IndustryOrganisationRole, BCIC.ThirdPartyInstitutionRole,
         BCIC.IndustryEnterpriseRole, BCIC.SupportingEnterpriseRole)
LEAF_INDICATORS = 30
VALUE_KINDS = 2  # an actual and a target value per indicator and year


@cache
def cluster(members: int = 40, years: int = 3, seed: int = 0, gaps: float = 0.0) -> Graph:
    """A generated submission, built once per argument tuple."""
    return generate_cluster(members, years, seed=seed, gaps=gaps)


def _roles(graph: Graph) -> Counter[Node | None]:
    body = graph.value(predicate=RDF.type, object=BCIC.CultivationBody)
    return Counter(graph.value(m, ORG.role) for m in graph.subjects(ORG.organization, body))


def test_the_same_arguments_give_byte_identical_turtle() -> None:
    assert to_turtle(generate_cluster(25, 2, seed=7, gaps=0.2)) == \
        to_turtle(generate_cluster(25, 2, seed=7, gaps=0.2))


def test_the_turtle_does_not_depend_on_the_process_hash_seed() -> None:
    script = ("import sys; from checker.synthetic import generate_cluster, to_turtle; "
              "sys.stdout.write(to_turtle(generate_cluster(12, 2, seed=3, gaps=0.4)))")
    outputs = {
        subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, check=True,
                       capture_output=True, env={**os.environ, "PYTHONHASHSEED": hash_seed}).stdout
        for hash_seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_a_different_seed_gives_a_different_submission() -> None:
    assert to_turtle(cluster(seed=0)) != to_turtle(cluster(seed=1))


@pytest.mark.parametrize("members", [5, 40, 333])
def test_there_are_as_many_members_as_asked_with_every_role_present(members: int) -> None:
    roles = _roles(generate_cluster(members, 1))
    assert sum(roles.values()) == members
    assert set(roles) == set(ROLES)


def test_fewer_than_five_members_take_the_roles_in_order() -> None:
    assert set(_roles(generate_cluster(3, 1))) == set(ROLES[:3])


def test_enterprises_outnumber_governments_in_a_large_cluster() -> None:
    roles = _roles(generate_cluster(1000, 1))
    assert roles[BCIC.IndustryEnterpriseRole] > roles[BCIC.GovernmentRole] * 5


def test_ten_thousand_members_are_generated() -> None:
    assert sum(_roles(generate_cluster(10_000, 1)).values()) == 10_000


@pytest.mark.parametrize("years", [1, 3, 7])
def test_there_is_an_actual_and_a_target_value_per_leaf_indicator_and_year(years: int) -> None:
    graph = generate_cluster(6, years)
    observations = set(graph.subjects(RDF.type, BCIC.IndicatorObservation))
    assert len(observations) == LEAF_INDICATORS * years * VALUE_KINDS
    assert {str(graph.value(o, BCIC.refYear)) for o in observations} == \
        {str(y) for y in range(2025 - years, 2025)}


def test_without_gaps_every_duty_is_fulfilled_with_evidence(ontology_graph: Graph) -> None:
    graph = cluster()
    fulfilments = set(graph.subjects(RDF.type, BCIC.DutyFulfilment))
    assert {graph.value(f, BCIC.fulfilsDuty) for f in fulfilments} == \
        set(ontology_graph.subjects(RDF.type, BCIC.Duty))
    assert all(graph.value(f, PROV.generated) for f in fulfilments)


def test_duties_of_a_role_without_members_are_left_out() -> None:
    graph = generate_cluster(1, 1)  # a single government member
    duties = {str(graph.value(f, BCIC.fulfilsDuty)).rsplit("/", 1)[-1]
              for f in graph.subjects(RDF.type, BCIC.DutyFulfilment)}
    assert duties == {f"4.2.1-{letter}" for letter in "abcdefghi"}


def test_gaps_remove_evidence_but_keep_the_frame_and_the_observations() -> None:
    full, gapped = cluster(), cluster(gaps=0.3)
    assert set(gapped) < set(full)
    kept = set(gapped)
    frame = [t for t in full if t[1] in (ORG.organization, ORG.member, ORG.role, BCIC.cultivates)
             or t[2] in (BCIC.IndustrialCluster, BCIC.CultivationBody, BCIC.IndicatorObservation)]
    assert frame and all(t in kept for t in frame)
    assert len(set(gapped.subjects(RDF.type, BCIC.IndicatorObservation))) == \
        len(set(full.subjects(RDF.type, BCIC.IndicatorObservation)))


def test_gaps_drop_about_that_fraction_of_the_evidence_subjects() -> None:
    def evidence(graph: Graph) -> set[URIRef]:
        return {s for s, o in graph.subject_objects(RDF.type)
                if isinstance(s, URIRef) and o != BCIC.IndicatorObservation
                and "/member" not in str(s)}
    full, gapped = evidence(cluster()), evidence(cluster(gaps=0.3))
    assert 0.15 < 1 - len(gapped) / len(full) < 0.45


def test_every_bcic_term_the_generator_emits_is_defined(ontology_graph: Graph) -> None:
    defined = set(ontology_graph.subjects(RDF.type, None))
    used = {term for triple in cluster(members=12, gaps=0.0) for term in triple
            if isinstance(term, URIRef) and is_bcic_term(str(term))}
    assert used and sorted(used - defined) == []


def test_every_subject_lives_under_the_cluster_iri() -> None:
    graph = generate_cluster(8, 1, cluster_id="north-7")
    assert all(str(s).startswith(f"{BASE}north-7/") for s in graph.subjects())


@pytest.mark.parametrize(("members", "years", "gaps", "cluster_id"), [
    (0, 1, 0.0, "c0"), (5, 0, 0.0, "c0"), (5, 1, 1.5, "c0"), (5, 1, 0.0, "a/b"), (5, 1, 0.0, ""),
])
def test_impossible_arguments_are_input_errors(members: int, years: int, gaps: float,
                                               cluster_id: str) -> None:
    with pytest.raises(InputError):
        generate_cluster(members, years, gaps=gaps, cluster_id=cluster_id)


def test_write_cluster_writes_the_same_turtle_as_to_turtle(tmp_path: Path) -> None:
    path = tmp_path / "c.ttl"
    write_cluster(cluster(), path)
    assert path.read_text(encoding="utf-8") == to_turtle(cluster())


def test_generate_command_writes_the_submission_the_library_builds(runner: CliRunner,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "out.ttl"
    result = runner.invoke(generate_command, ["--members", "40", "--years", "3", "--seed", "0",
                                              "--gaps", "0", "--output", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == to_turtle(cluster())


def test_generate_command_prints_to_stdout_by_default(runner: CliRunner) -> None:
    result = runner.invoke(generate_command, ["--members", "5", "--years", "1"])
    assert result.exit_code == 0
    assert Graph().parse(data=result.output, format="turtle")


@pytest.mark.parametrize("arguments", [["--members", "0"], ["--gaps", "2"],
                                       ["--cluster-id", "no spaces"]])
def test_generate_command_rejects_bad_options_as_usage_errors(runner: CliRunner,
                                                              arguments: list[str]) -> None:
    assert runner.invoke(main, ["generate", *arguments]).exit_code == 2


def test_a_bad_cluster_id_is_said_in_chinese_when_asked(runner: CliRunner) -> None:
    result = runner.invoke(main, ["generate", "--cluster-id", "no spaces"],
                           env={"BCIC_LANG": "zh"})
    assert result.exit_code == 2
    assert "错误：集群标识只能由字母、数字、'-' 或 '_' 组成，不能是 'no spaces'" in result.output

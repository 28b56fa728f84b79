"""A rule maintainer's change is seen where it matters: `bcic rules coverage --prove` says of
each proof failure what failed and why (the conforming base the generator makes, or a fixture
pair), apart from gaps; and history, rechecks and the rulebook's version pages tell rulebooks
apart by digest when their version is the same."""

from __future__ import annotations

from dataclasses import replace
from hashlib import sha256

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS

from checker import cli_rules
from checker.cli import main
from checker.coverage import (FixtureProof, base_failures, conforming_base, prove_fixtures)
from checker.namespaces import BCIC, REQ, SHP
from checker.proof_said import proof_failure_line
from checker.rulebook import SH, Rulebook, load_rulebook

NEW_SHAPE = SHP.CommunicationImprovementDescribed
NEW_MESSAGE = {"zh": "传播改进未写明改进内容（8.2.6）",
               "en": "A communication improvement does not say what was improved (8.2.6)"}


def _with_described_improvement() -> Rulebook:
    """The running rulebook with a new shall-level shape of 8.2.6 that the generator does not
    meet: every communication improvement has a description."""
    running = load_rulebook()
    shapes = Graph()
    shapes += running.shapes_graph
    for p, o in ((BCIC.checksRequirement, REQ["8.2.6"]), (SH.targetClass, BCIC.CommunicationImprovement),
                 (SH.path, DCTERMS.description), (SH.minCount, Literal(1)),
                 (SH.severity, SH.Violation)):
        shapes.add((NEW_SHAPE, p, o))
    shapes.add((NEW_SHAPE, SH.message, Literal(NEW_MESSAGE["zh"], lang="zh")))
    shapes.add((NEW_SHAPE, SH.message, Literal(NEW_MESSAGE["en"], lang="en")))
    improved = running.requirements["8.2.6"]
    return replace(running, digest=sha256(running.digest.encode()).hexdigest(),
                   shapes_graph=shapes,
                   requirements={**running.requirements, "8.2.6": replace(
                       improved, shapes=improved.shapes + (NEW_SHAPE,))},
                   shape_requirements={**running.shape_requirements, NEW_SHAPE: "8.2.6"})


@pytest.fixture(scope="module")
def described() -> Rulebook:
    return _with_described_improvement()


def test_the_conforming_base_failing_a_new_rule_names_the_shape_the_provision_and_the_message(
        described: Rulebook) -> None:
    failures = base_failures(described, conforming_base())
    assert [(f.requirement_id, f.shape, f.messages) for f in failures] == [
        ("8.2.6", NEW_SHAPE, NEW_MESSAGE)]
    assert base_failures(load_rulebook(), conforming_base()) == ()


@pytest.fixture
def proving_two_shapes(described: Rulebook, monkeypatch: pytest.MonkeyPatch) -> Rulebook:
    """`bcic rules coverage --prove` on the changed rulebook, proving the new shape and one that
    the base meets (every shape would take minutes)."""
    monkeypatch.setattr(cli_rules, "load_rulebook", lambda: described)
    monkeypatch.setattr(cli_rules, "prove_fixtures", lambda rulebook, base, shapes: prove_fixtures(
        rulebook, base, [SHP.CommunicationImprovementExists, NEW_SHAPE]))
    return described


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_prove_says_the_generator_must_learn_a_new_rule_and_counts_no_gap_for_it(
        proving_two_shapes: Rulebook, lang: str) -> None:
    result = CliRunner().invoke(main, ["rules", "coverage", "--prove", "--lang", lang])
    assert result.exit_code == 1
    said = result.output.splitlines()
    failures = [line.strip() for line in said if line.strip().startswith(
        ("proof failed", "验证失败"))]
    assert not [line for line in said if line.strip().startswith(("gap:", "缺口："))]
    if lang == "en":
        assert "0 gap(s)" in result.output
        assert "2 proof failure(s) (1 on the conforming base, 1 fixture pair(s))" in result.output
        assert failures == [
            f"proof failed: the conforming base (the data `bcic generate --gaps 0` makes) fails "
            f"shape {NEW_SHAPE} under 8.2.6: “{NEW_MESSAGE['en']}”. The generator "
            f"(checker/synthetic) must be taught the rule: make it write what the shape asks",
            f"proof failed: shape {NEW_SHAPE} (8.2.6): its twin is the conforming base itself: "
            f"the fixture (remove-counted-values) found nothing in the base to take away, so the "
            f"base lacks what the shape looks at; the generator (checker/synthetic) must write it"]
    else:
        assert "缺口 0 处" in result.output and "验证失败 2 处（合规基准数据 1 处，正反例 1 处）" in result.output
        assert f"未通过条款 8.2.6 的形状 {NEW_SHAPE}：“{NEW_MESSAGE['zh']}”" in failures[0]
        assert "checker/synthetic" in failures[0] and "反例与合规基准数据完全相同" in failures[1]


@pytest.mark.parametrize(("proof", "en", "zh"), [
    (FixtureProof(NEW_SHAPE, "8.2.6", True, False, False, False, "remove-counted-values"),
     "its twin (the conforming base changed by the fixture remove-counted-values) did not fail it",
     "其反例（按测试例 remove-counted-values 修改后的合规基准数据）并未违反该形状"),
    (FixtureProof(NEW_SHAPE, "8.2.6", True, True, False, True, "remove-counted-values"),
     "does not give 8.2.6 the status of a provision missing", "未将 8.2.6 判为缺失时应有的状态"),
    (FixtureProof(NEW_SHAPE, "8.2.6", True, True, True, False, "remove-counted-values"),
     "another severity than the provision's level asks", "严重程度与条款级别不符"),
], ids=["silent", "status", "severity"])
def test_each_kind_of_fixture_pair_failure_says_why_in_both_languages(
        proof: FixtureProof, en: str, zh: str) -> None:
    assert not proof.ok
    assert en in proof_failure_line(proof, "en") and str(NEW_SHAPE) in proof_failure_line(proof, "en")
    assert zh in proof_failure_line(proof, "zh") and "（8.2.6）" in proof_failure_line(proof, "zh")

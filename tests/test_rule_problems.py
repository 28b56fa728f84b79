"""`bcic rules coverage` catches a maintainer's mistakes in the rule files
(checker/rule_problems.py), naming the shape and the file, and exits 1."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import cli_rules
from checker.cli import main
from checker.rule_problems import ProblemKind, RuleProblem, prefixed, rule_problems, written_at
from checker.namespaces import REQ, SHP
from checker.notation import provision_notation, renders
from checker.paths import SHAPES_DIR
from checker.rulebook import Rulebook, load_rulebook, rule_files

ORPHAN = """
shp:OrphanShapeNoReq a sh:PropertyShape ;
    sh:targetNode bcic:BrandElementDesign ;
    sh:path ( [ sh:zeroOrMorePath [ sh:inversePath rdfs:subClassOf ] ] [ sh:inversePath rdf:type ] ) ;
    sh:minCount 5 ; sh:severity sh:Violation ;
    sh:message "孤立形状"@zh , "Orphan shape"@en .
"""


@pytest.fixture(scope="module")
def shapes_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shapes with the tester's mistakes: a requirement link typed `req:8.26`, a property
    `bcic:findng` and a class `bcic:CommunicationImprovment`, a shape linked to nothing, and a
    message in Chinese only."""
    copy = tmp_path_factory.mktemp("rules") / "shapes"
    shutil.copytree(SHAPES_DIR, copy)
    ch8 = copy / "ch8-branding.ttl"
    text = ch8.read_text(encoding="utf-8")
    for old, new in (
            ("shp:CommunicationEvaluationExists a sh:PropertyShape ;\n    bcic:checksRequirement req:8.2.6 ;",
             "shp:CommunicationEvaluationExists a sh:PropertyShape ;\n    bcic:checksRequirement req:8.26 ;"),
            ("sh:path bcic:finding", "sh:path bcic:findng"),
            ("sh:targetNode bcic:CommunicationImprovement", "sh:targetNode bcic:CommunicationImprovment"),
            (' , "No brand element design in the submission (8.1.1)"@en', "")):
        assert old in text, old
        text = text.replace(old, new, 1)
    ch8.write_text(text + ORPHAN, encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def broken(shapes_dir: Path) -> Rulebook:
    return load_rulebook(shapes_dir)


def _found(rulebook: Rulebook) -> set[tuple[ProblemKind, str, str | None]]:
    return {(p.kind, prefixed(p.subject), p.suggestion) for p in rule_problems(rulebook)}


def test_the_rulebook_as_shipped_has_no_mistake() -> None:
    assert rule_problems(load_rulebook()) == []


def test_a_requirement_link_to_no_catalogued_provision_is_caught_with_the_one_meant(
        broken: Rulebook) -> None:
    """`req:8.26` turned 8.2.6's gap into "manual review" while coverage passed."""
    assert (ProblemKind.UNKNOWN_REQUIREMENT, "shp:CommunicationEvaluationExists",
            "req:8.2.6") in _found(broken)


def test_a_shape_with_a_target_and_no_requirement_is_caught(broken: Rulebook) -> None:
    """Its results were dropped by build_report without a word."""
    assert (ProblemKind.UNLINKED_SHAPE, "shp:OrphanShapeNoReq", None) in _found(broken)
    # the deactivated checks of shapes/report-date.ttl have a severity and no requirement
    assert not [p for p in rule_problems(load_rulebook())
                if p.subject in (SHP.DateNotAfterTheReport, SHP.ActualYearNotAfterTheReport)]


def test_a_misspelt_property_or_class_in_a_shape_is_caught_with_the_term_meant(
        broken: Rulebook) -> None:
    """`bcic:findng` failed every submission, even the conformant Dehua."""
    found = {p.values["term"]: p for p in rule_problems(broken)
             if p.kind is ProblemKind.UNKNOWN_TERM}
    assert set(found) == {"bcic:findng", "bcic:CommunicationImprovment"}
    assert (prefixed(found["bcic:findng"].subject), found["bcic:findng"].suggestion) == (
        "shp:CommunicationEvaluationFinding", "bcic:finding")
    assert found["bcic:CommunicationImprovment"].suggestion == "bcic:CommunicationImprovement"


def test_a_checking_shape_with_a_message_in_one_language_only_is_caught(
        broken: Rulebook) -> None:
    """An English report printed the Chinese message of 8.1.1."""
    assert [(prefixed(p.subject), p.values) for p in rule_problems(broken)
            if p.kind is ProblemKind.NO_MESSAGE] == [("shp:ElementDesignExists",
                                                      {"languages": "en"})]


def test_a_provision_id_the_notation_cannot_show_is_caught() -> None:
    """`8.2.6-improve` was shown everywhere as "8.2.6 improve)"."""
    assert [i for i in ("4.1", "4.2.1-a", "5.3-1", "9.1.4-a-1", "6.1.2.2-may") if not renders(i)] == []
    assert not renders("8.2.6-improve") and not renders("8.2.6-a-b") and not renders("8.2.6-")
    assert provision_notation("9.1.4-a-1", "en") == "9.1.4 a) —1"
    rulebook = load_rulebook()
    part = dataclasses.replace(rulebook.requirements["8.2.6"], id="8.2.6-improve",
                               iri=REQ["8.2.6-improve"], shapes=())
    split = dataclasses.replace(rulebook,
                                requirements={**rulebook.requirements, "8.2.6-improve": part})
    assert [(p.kind, p.values) for p in rule_problems(split)] == [
        (ProblemKind.BAD_ID, {"id": "8.2.6-improve"})]


def test_written_at_names_the_file_and_line_of_each_shape(shapes_dir: Path) -> None:
    problem = RuleProblem(ProblemKind.UNLINKED_SHAPE, SHP.OrphanShapeNoReq)
    lines = (shapes_dir / "ch8-branding.ttl").read_text(encoding="utf-8").splitlines()
    line = lines.index("shp:OrphanShapeNoReq a sh:PropertyShape ;") + 1
    assert written_at([problem], rule_files(shapes_dir)) == {
        SHP.OrphanShapeNoReq: f"shapes/ch8-branding.ttl:{line}"}


def test_rules_coverage_exits_1_naming_each_mistake_with_its_shape_and_file(
        runner: CliRunner, shapes_dir: Path, broken: Rulebook,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_rules, "load_rulebook", lambda: broken)
    monkeypatch.setattr(cli_rules, "rule_files", lambda: rule_files(shapes_dir))
    result = runner.invoke(main, ["rules", "coverage"])
    assert result.exit_code == 1
    errors = [line.strip() for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == len(rule_problems(broken)) == 5
    assert any(line.startswith("error: shp:CommunicationEvaluationFinding "
                               "(shapes/ch8-branding.ttl:") and line.endswith(
        "): bcic:findng (used as a property) is not a term of the ontology or the catalogue; "
        "did you mean bcic:finding?") for line in errors), errors
    assert any(line.startswith("error: shp:OrphanShapeNoReq (shapes/ch8-branding.ttl:")
               for line in errors), errors
    zh = runner.invoke(main, ["rules", "coverage", "--lang", "zh"])
    assert "bcic:checksRequirement 指向的 req:8.26 不在要求目录中；是否应为 req:8.2.6？" in zh.stderr


def test_rules_coverage_names_the_rulebook_by_version_and_digest(runner: CliRunner) -> None:
    rulebook = load_rulebook()
    result = runner.invoke(main, ["rules", "coverage"])
    assert result.exit_code == 0, result.stderr
    assert f"Rulebook {rulebook.version}, digest {rulebook.digest[:12]}\n" in result.stdout

"""A shape linked to two provisions (`two_requirements`, checker/shape_reference_problems.py) is
listed, with that mistake, under both: on each one's sheet (`bcic rules show`) and coverage row;
and each mistake of its messages is said once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import cli_rules
from checker.cli import main
from checker.coverage import coverage_matrix
from checker.ontology import load_ontology_graph
from checker.paths import ALL_ONTOLOGY_FILES
from checker.rule_problems import ProblemKind, rule_problems
from checker.rulebook import Rulebook
from checker.rulebook_document import build_rulebook_document
from tests.test_rule_problems_more import changed_rulebook, said

CH7 = "shapes/ch7-resources.ttl"
FUND_PERIOD = "shp:FundEvaluationPeriod a sh:PropertyShape ;\n    bcic:checksRequirement req:7.1.2.1 ;"
TWO = {CH7: ((FUND_PERIOD, FUND_PERIOD.replace("req:7.1.2.1 ;", "req:7.1.2.1 , req:7.1.1 ;")),)}
SHAPE = "shp:FundEvaluationPeriod"


@pytest.fixture(scope="module")
def linked_twice(tmp_path_factory: pytest.TempPathFactory) -> Rulebook:
    """shp:FundEvaluationPeriod (7.1.2.1) linked to 7.1.1 as well; its messages cite 7.1.2.1."""
    return changed_rulebook(tmp_path_factory.mktemp("two"), TWO)


@pytest.mark.parametrize("rid", ["7.1.1", "7.1.2.1"])
def test_both_provisions_sheets_list_the_shape_and_the_mistake(
        linked_twice: Rulebook, monkeypatch: pytest.MonkeyPatch, rid: str) -> None:
    """7.1.1's sheet had lost the shape, and said no rule problem."""
    document = build_rulebook_document(linked_twice, load_ontology_graph(ALL_ONTOLOGY_FILES))
    monkeypatch.setattr(cli_rules, "load_rulebook", lambda: linked_twice)
    monkeypatch.setattr(cli_rules, "load_rulebook_document", lambda: document)
    shown = json.loads(CliRunner().invoke(main, ["rules", "show", rid, "--format", "json"]).stdout)
    assert SHAPE in [shape["name"] for shape in shown["shapes"]]
    assert ("two_requirements", SHAPE) in [(p["kind"], p["subject"]) for p in shown["problems"]]


def test_both_provisions_coverage_rows_count_the_shape(linked_twice: Rulebook) -> None:
    rows = {row.requirement.id: [str(s) for s, _fixture in row.fixtures]
            for row in coverage_matrix(linked_twice)}
    assert all(any(s.endswith("/FundEvaluationPeriod") for s in rows[rid])
               for rid in ("7.1.1", "7.1.2.1"))


def test_a_message_not_citing_a_linked_clause_is_said_once_per_language(
        tmp_path: Path) -> None:
    """Two zh messages, neither citing 7.1.1: the zh line was said twice."""
    edits = {CH7: (*TWO[CH7], ('"@zh , "No periodic fund evaluation',
                               '"@zh , "又一条（7.1.2.1）"@zh , "No periodic fund evaluation'))}
    rulebook = changed_rulebook(tmp_path, edits)
    clause_lines = [line for line in said(rulebook)["en"] if "does not cite" in line]
    assert len(clause_lines) == len(set(clause_lines)) == 2, clause_lines  # zh, en: 7.1.1
    assert {p.values["clause"] for p in rule_problems(rulebook)
            if p.kind is ProblemKind.MESSAGE_CLAUSE} == {"7.1.1"}

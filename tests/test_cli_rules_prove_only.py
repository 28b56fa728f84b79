"""`bcic rules coverage --prove --only ID_OR_SHAPE`: a maintainer who changed one rule proves that
provision's shapes (or that shape) alone, from the conforming base validated once, with the same
explanations of a failure as the full proof; an unknown provision or shape exits 2."""

from __future__ import annotations

import shutil
from pathlib import Path
from collections.abc import Iterator

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph, URIRef

from checker import cli_rules
from checker.cli import main
from checker.coverage import CoverageRow, FixtureProof, prove_fixtures
from checker.i18n import Lang
from checker.namespaces import SHP
from checker.paths import SHAPES_DIR
from checker.proof_said import gap_lines
from checker.rule_places import places_in
from checker.rule_problems import rule_problems
from checker.rulebook import Rulebook, load_rulebook


@pytest.fixture
def proved(monkeypatch: pytest.MonkeyPatch) -> list[URIRef]:
    """The shapes whose fixture pairs the command proves, in order."""
    seen: list[URIRef] = []

    def proving(rulebook: Rulebook, base: Graph, shapes: list[URIRef]) -> Iterator[FixtureProof]:
        seen.extend(shapes)
        return prove_fixtures(rulebook, base, shapes)

    monkeypatch.setattr(cli_rules, "prove_fixtures", proving)
    return seen


def _coverage(*args: str) -> Result:
    return CliRunner().invoke(main, ["rules", "coverage", *args])


def test_one_provision_proves_its_own_shapes_only_and_shows_its_row(proved: list[URIRef]) -> None:
    result = _coverage("--prove", "--only", "8.3.4 —2")
    assert result.exit_code == 0, result.output
    assert proved == [SHP["CrisisMechanismFor-8.3.4-2"], SHP.CrisisSources]
    rows = [line for line in result.stdout.splitlines() if " shape(s)  " in line]
    assert len(rows) == 1 and rows[0].startswith("8.3.4-2 ")
    assert ("fixture proof: 2 of 2 shape(s) proven; 0 proof failure(s) (0 on the conforming "
            "base, 0 fixture pair(s))") in result.stdout


def test_one_shape_is_proven_alone_under_its_provisions_row(proved: list[URIRef]) -> None:
    result = _coverage("--prove", "--only", "shp:MeasurementPeriod", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert proved == [SHP.MeasurementPeriod]
    assert "正反例验证：1 个形状中已验证 1 个" in result.stdout
    assert result.stdout.splitlines()[0].startswith("9.2.3 ")


def _line_of(path: Path, opening: str) -> str:
    """`folder/file:line` of the first line of `path` that opens with `opening`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, start=1) if line.startswith(opening))
    return f"{path.parent.name}/{path.name}:{number}"


@pytest.fixture(scope="module")
def silent_finding(tmp_path_factory: pytest.TempPathFactory) -> Rulebook:
    """The rule files with one shape broken as a slip of the pen would break it: 6.2 d)'s review
    finding switched off (sh:deactivated, as a maintainer trying something leaves it), so that
    its twin, which loses every finding, fails it not. (sh:minCount 0 did it once: a rule problem
    now, checker/shape_reference_problems.py.)"""
    copy = tmp_path_factory.mktemp("rules") / "shapes"
    shutil.copytree(SHAPES_DIR, copy)
    ch6 = copy / "ch6-strategy.ttl"
    text = ch6.read_text(encoding="utf-8")
    old = "sh:targetClass bcic:StrategyReview ;\n    sh:path bcic:finding ;\n    sh:minCount 1 ;"
    assert text.count(old) == 1
    ch6.write_text(text.replace(old, old + "\n    sh:deactivated true ;"),
                   encoding="utf-8")
    broken = load_rulebook(copy)
    assert rule_problems(broken) == []  # no mistake the files could be refused for
    return broken


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_shape_whose_twin_does_not_fail_it_is_said_as_the_full_proof_says_it(
        silent_finding: Rulebook, proved: list[URIRef], monkeypatch: pytest.MonkeyPatch,
        lang: str) -> None:
    monkeypatch.setattr(cli_rules, "load_rulebook", lambda: silent_finding)
    result = _coverage("--prove", "--only", "StrategyReviewFinding", "--lang", lang)
    assert result.exit_code == 1
    assert proved == [SHP.StrategyReviewFinding]
    failures = [line.strip() for line in result.stderr.splitlines()
                if line.strip().startswith(("proof failed", "验证失败"))]
    at = _line_of(silent_finding.files[-1].parent / "ch6-strategy.ttl", "shp:StrategyReviewFinding ")
    if lang == "en":
        assert failures == [
            f"proof failed: shape shp:StrategyReviewFinding ({at}) under 6.2-d: its twin (the "
            "conforming base changed by the fixture replace-values-with-text) did not fail it: the "
            "fixture takes away something the shape does not need; fix the shape or the fixture "
            "rule (checker/fixtures.py)"]
        assert ("fixture proof: 0 of 1 shape(s) proven; 1 proof failure(s) (0 on the conforming "
                "base, 1 fixture pair(s))") in result.stdout
    else:
        assert len(failures) == 1
        assert f"条款 6.2-d 的形状 shp:StrategyReviewFinding（{at}）：" in failures[0]
        assert "并未违反该形状" in failures[0]


def test_the_provision_of_the_broken_shape_proves_its_other_shapes(
        silent_finding: Rulebook, proved: list[URIRef], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_rules, "load_rulebook", lambda: silent_finding)
    result = _coverage("--prove", "--only", "6.2 d)")
    assert result.exit_code == 1
    assert len(proved) == 8 and SHP.StrategyReviewFinding in proved
    assert "fixture proof: 7 of 8 shape(s) proven; 1 proof failure(s)" in result.stdout


def test_a_shape_the_conforming_base_fails_is_not_counted_proven(
        tmp_path: Path, proved: list[URIRef], monkeypatch: pytest.MonkeyPatch) -> None:
    """7.1.1's renewal plan asked twice: the base (one plan) fails the shape, so its twin failing
    it too proves nothing; the summary said "1 of 1 shape(s) proven" beside the failure."""
    copy = tmp_path / "shapes"
    shutil.copytree(SHAPES_DIR, copy)
    ch7 = copy / "ch7-resources.ttl"
    text = ch7.read_text(encoding="utf-8")
    old = "sh:targetNode bcic:InfrastructureRenewalPlan ;\n"
    at = text.index(old)
    text = text[:at] + text[at:].replace("sh:qualifiedMinCount 1 ;", "sh:qualifiedMinCount 2 ;", 1)
    ch7.write_text(text, encoding="utf-8")
    tightened = load_rulebook(copy)
    monkeypatch.setattr(cli_rules, "load_rulebook", lambda: tightened)
    result = _coverage("--prove", "--only", "RenewalPlanExists")
    assert result.exit_code == 1
    assert ("fixture proof: 0 of 1 shape(s) proven; 1 proof failure(s) (1 on the conforming "
            "base, 0 fixture pair(s))") in result.stdout
    at = _line_of(ch7, "shp:RenewalPlanExists ")
    assert (f"fails shape shp:RenewalPlanExists ({at}) under 7.1.1: “" in result.stderr)


@pytest.mark.parametrize(("asked", "said"), [
    ("MeasurmentPeriod", "no provision or checking shape 'MeasurmentPeriod' in rulebook "),
    ("9.2.30", "; did you mean 9.2.3, "),
    ("shp:MeasurementPeriod-Evidence", "shp:MeasurementPeriod-Evidence checks no provision by "
                                       "itself (a helper shape")])
def test_an_unknown_provision_or_shape_exits_2_before_any_proof(
        proved: list[URIRef], asked: str, said: str) -> None:
    result = _coverage("--prove", "--only", asked)
    assert result.exit_code == 2 and said in result.stderr
    assert proved == [] and result.stdout == ""
    if asked == "MeasurmentPeriod":
        assert "did you mean shp:MeasurementPeriod, " in result.stderr


def test_without_prove_only_narrows_the_matrix(proved: list[URIRef]) -> None:
    result = _coverage("--only", "req:4.2.1-a")
    assert result.exit_code == 0 and proved == []
    assert result.stdout.splitlines()[0].startswith("4.2.1-a ")
    assert "1 requirements, " in result.stdout


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "gap: 8.3.4-2: shape shp:CrisisSources ({at}) has no fixture: "),
    ("zh", "缺口：8.3.4-2：形状 shp:CrisisSources（{at}） 没有正反例：")])
def test_a_shape_without_a_fixture_is_named_with_the_file_and_line_that_describe_it(
        lang: Lang, said: str) -> None:
    rulebook = load_rulebook()
    row = CoverageRow(rulebook.requirements["8.3.4-2"], ((SHP.CrisisSources, None),), True, (), ())
    places = places_in([SHP.CrisisSources], rulebook.texts, "shapes")
    at = _line_of(SHAPES_DIR / "ch8-branding.ttl", "shp:CrisisSources ")
    assert [line[:len(said.format(at=at))] for line in gap_lines(row, lang, places)] == [
        said.format(at=at)]


@pytest.fixture
def listed(monkeypatch: pytest.MonkeyPatch) -> list[URIRef]:
    """The shapes the command would prove, in order, none of them proven (fast)."""
    seen: list[URIRef] = []

    def listing(rulebook: Rulebook, base: Graph, shapes: list[URIRef]) -> Iterator[FixtureProof]:
        seen.extend(shapes)
        return iter(())

    monkeypatch.setattr(cli_rules, "prove_fixtures", listing)
    return seen


def test_a_lead_in_proves_the_shapes_of_its_list_items(listed: list[URIRef]) -> None:
    """4.2.1 has no shape of its own: its nine items (a)–i)) are what checks it."""
    rulebook = load_rulebook()
    items = [f"4.2.1-{c}" for c in "abcdefghi"]
    result = _coverage("--prove", "--only", "4.2.1")
    assert result.exit_code == 0, result.output
    assert rulebook.requirements["4.2.1"].shapes == ()
    assert listed == [s for rid in items for s in rulebook.requirements[rid].shapes]
    assert len(listed) >= 9
    rows = [line.split()[0] for line in result.stdout.splitlines() if " shape(s)  " in line]
    assert rows == ["4.2.1", *items]
    assert f"fixture proof: {len(listed)} of {len(listed)} shape(s) proven" in result.stdout


def test_a_clause_proves_the_shapes_of_its_part_too(listed: list[URIRef]) -> None:
    """6.1.2.2 [may] is a part of 6.1.2.2, not a list item: proven with it all the same."""
    rulebook = load_rulebook()
    assert _coverage("--prove", "--only", "6.1.2.2").exit_code == 0
    assert listed == [*rulebook.requirements["6.1.2.2"].shapes,
                      *rulebook.requirements["6.1.2.2-may"].shapes]
    assert rulebook.requirements["6.1.2.2-may"].shapes


def test_only_may_be_given_more_than_once(listed: list[URIRef]) -> None:
    result = _coverage("--prove", "--only", "8.3.4 —2", "--only", "shp:MeasurementPeriod",
                       "--only", "CrisisSources")
    assert result.exit_code == 0, result.output
    assert listed == [SHP["CrisisMechanismFor-8.3.4-2"], SHP.CrisisSources, SHP.MeasurementPeriod]
    rows = [line.split()[0] for line in result.stdout.splitlines() if " shape(s)  " in line]
    assert rows == ["8.3.4-2", "9.2.3"]
    assert "2 requirements, 3 shapes, " in result.stdout


def test_one_unknown_among_several_exits_2_before_any_proof(listed: list[URIRef]) -> None:
    result = _coverage("--prove", "--only", "9.2.3", "--only", "9.2.30")
    assert result.exit_code == 2 and "; did you mean 9.2.3, " in result.stderr
    assert listed == [] and result.stdout == ""

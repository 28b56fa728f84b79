"""A rule maintainer's mistakes in how shapes name shapes and provisions, and in a provision's
chapter, that `bcic rules coverage` names with the file and line, in zh and en
(checker/shape_reference_problems.py, checker/catalogue_problems.py): each was an edit of a copy
of the rule files after which reports changed, or said nothing, without a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import cli_rules
from checker.cli import main
from checker.rule_problem import prefixed
from checker.rule_problems import ProblemKind, rule_problems
from checker.rulebook import Rulebook, load_rulebook
from tests.test_rule_problems_more import (assert_refused_as_a_rule_problem, changed_rulebook,
                                          kinds, line_of, said)

CH7 = "shapes/ch7-resources.ttl"
PERIOD_NODE = "    sh:node shp:RecurringPeriod ;\n"  # shp:FundEvaluationPeriodForm's (7.1.2.1)
FUND_FORM = "shp:FundEvaluationPeriodForm "
FUND_MESSAGE_EN = '"No periodic fund evaluation: no fund evaluation states its period (7.1.2.1)"@en'
FUND_PERIOD = "shp:FundEvaluationPeriod a sh:PropertyShape ;\n    bcic:checksRequirement req:7.1.2.1 ;"
NEW_KINDS = {"undefined_shape", "zero_min_count", "zero_qualified_min_count", "orphan_shape",
             "two_requirements", "duplicate_message", "wrong_chapter"}


def statement_line(tmp_path: Path, name: str, opening: str, statement: str) -> str:
    """`name:N`, N the first line of the copy at or after the one starting with `opening` that
    holds `statement`: where a problem at that statement points."""
    lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
    start = int(line_of(tmp_path, name, opening).rpartition(":")[2])
    return f"{name}:{next(n for n in range(start, len(lines) + 1) if statement in lines[n - 1])}"


def test_the_shipped_rulebook_has_none_of_these_mistakes() -> None:
    """shp:IsDedicatedBrandAgency (shapes/common.ttl), which no shape had used since 7.2.2.2's
    check counted instances, was such a shape: it checked nothing."""
    assert {p.kind.value for p in rule_problems(load_rulebook())} & NEW_KINDS == set()


def test_a_misspelt_helper_shape_is_caught_with_the_nearest_defined_shapes(
        tmp_path: Path) -> None:
    """`sh:node shp:RecuringPeriod`: pyshacl read it as an empty shape, so 7.1.2.1's period form
    was met by any period; only `rules coverage --prove` noticed, blaming the fixture."""
    rulebook = changed_rulebook(tmp_path, {CH7: (
        (PERIOD_NODE, PERIOD_NODE.replace("RecurringPeriod", "RecuringPeriod")),)})
    place = statement_line(tmp_path, CH7, FUND_FORM, "sh:node shp:RecuringPeriod")
    nearest = ("shp:RecurringPeriod", "shp:EvaluationPeriod", "shp:MeasurementPeriod")
    assert said(rulebook) == {
        "en": [f"error: shp:FundEvaluationPeriodForm ({place}): sh:node names "
               "shp:RecuringPeriod, a shape the shapes files define nowhere: SHACL reads it as a "
               "shape that asks nothing, which every value meets, so the check is met without a "
               f"word; did you mean {', '.join(nearest)}?"],
        "zh": [f"错误：shp:FundEvaluationPeriodForm（{place}）：sh:node 指向的 shp:RecuringPeriod "
               "在形状文件中没有定义：SHACL 会把它读作不作任何要求的形状，任何取值都符合，该检查会在无任何提示的"
               f"情况下判为满足；是否应为 {'、'.join(nearest)}？"]}  # Chinese lists with 、


UNDEFINED = ("shp:IsDte, a shape the shapes files define nowhere: SHACL reads it as a shape "
             "that asks nothing, which every value meets, so ")
UNDEFINED_ZH = "shp:IsDte 在形状文件中没有定义：SHACL 会把它读作不作任何要求的形状，任何取值都符合，"


@pytest.mark.parametrize(("written", "en", "zh"), [
    ("sh:qualifiedValueShape shp:IsDte ; sh:qualifiedMinCount 1 ;",
     f"sh:qualifiedValueShape names {UNDEFINED}every value counts towards its "
     "sh:qualifiedMinCount and sh:qualifiedMaxCount without a word",
     f"sh:qualifiedValueShape 指向的 {UNDEFINED_ZH}因此每个取值都会在无任何提示的情况下计入其 "
     "sh:qualifiedMinCount 和 sh:qualifiedMaxCount"),
    ("sh:not shp:IsDte ;", f"sh:not names {UNDEFINED}sh:not fails every value without a word",
     f"sh:not 指向的 {UNDEFINED_ZH}因此 sh:not 会在无任何提示的情况下判任何取值都不符合"),
    ("sh:or ( shp:IsDate shp:IsDte ) ;",
     f"a member of sh:or names {UNDEFINED}the whole sh:or is met by every value without a word",
     f"sh:or 的成员 {UNDEFINED_ZH}因此整个 sh:or 会在无任何提示的情况下对任何取值都判为满足"),
    ("sh:and ( shp:IsDte ) ;",
     f"a member of sh:and names {UNDEFINED}sh:and asks only what its other members ask, "
     "without a word",
     f"sh:and 的成员 {UNDEFINED_ZH}因此 sh:and 会在无任何提示的情况下只要求其他成员所要求的内容"),
    ("sh:xone ( shp:IsDte shp:IsDate ) ;",
     f"a member of sh:xone names {UNDEFINED}sh:xone fails every value that meets another of "
     "its members, and is met by every other value, without a word",
     f"sh:xone 的成员 {UNDEFINED_ZH}因此 sh:xone 会在无任何提示的情况下判符合其另一成员的取值不符合、"
     "其余取值都符合"),
    ("sh:property shp:IsDte ;", f"sh:property names {UNDEFINED}the check is met without a word",
     f"sh:property 指向的 {UNDEFINED_ZH}该检查会在无任何提示的情况下判为满足"),
], ids=["qualifiedValueShape", "not", "or", "and", "xone", "property"])
def test_every_way_of_naming_a_shape_defined_nowhere_is_caught_and_said_as_it_is_named(
        tmp_path: Path, written: str, en: str, zh: str) -> None:
    """Each was said as sh:node's "the check is met", with "(under sh:not, failed by every
    value)" after it whatever named the shape: what SHACL does with it depends on that."""
    rulebook = changed_rulebook(tmp_path, {CH7: ((PERIOD_NODE, f"{PERIOD_NODE}    {written}\n"),)})
    place = statement_line(tmp_path, CH7, FUND_FORM, written)  # the statement's line
    assert said(rulebook) == {
        "en": [f"error: shp:FundEvaluationPeriodForm ({place}): {en}; did you mean shp:IsDate, "
               "shp:IsText, shp:SaidText?"],
        "zh": [f"错误：shp:FundEvaluationPeriodForm（{place}）：{zh}；是否应为 shp:IsDate、shp:IsText、shp:SaidText？"]}


def test_a_min_count_of_zero_is_said_to_ask_nothing(tmp_path: Path) -> None:
    """`sh:minCount 0` on 7.1.2.1's fund evaluation period: a missing period was met."""
    edited = "shp:FundEvaluationPeriod-Evidence-p a sh:PropertyShape ; sh:path bcic:period ;"
    rulebook = changed_rulebook(tmp_path, {CH7: (
        (edited + " sh:minCount 1 .", edited + " sh:minCount 0 ."),)})
    place = statement_line(tmp_path, CH7, "shp:FundEvaluationPeriod-Evidence-p ", "sh:minCount 0")
    assert said(rulebook) == {
        "en": [f"error: shp:FundEvaluationPeriod-Evidence-p ({place}): sh:minCount 0 asks nothing "
               "(every node has 0 values at least): write sh:minCount 1 if a value is required, or "
               "delete it"],
        "zh": [f"错误：shp:FundEvaluationPeriod-Evidence-p（{place}）：sh:minCount 0 不作任何要求（任何节点都至少有 0 个"
               "取值）：若要求有取值，应写 sh:minCount 1，否则删去"]}


FUND_KIND = "    sh:qualifiedValueShape shp:IsFundKind ; sh:qualifiedMinCount 1 .\n"  # 7.1.2.1's


def test_a_qualified_min_count_of_zero_without_a_maximum_is_said_to_ask_nothing(
        tmp_path: Path) -> None:
    """`sh:qualifiedMinCount 0` on 7.1.2.1's brand fund kind: a fund of neither kind was met,
    as with `sh:minCount 0`, and nothing said so."""
    rulebook = changed_rulebook(tmp_path, {CH7: ((FUND_KIND, FUND_KIND.replace(" 1 .", " 0 .")),)})
    place = statement_line(tmp_path, CH7, "shp:BrandFundKind-check ", "sh:qualifiedMinCount 0")
    assert said(rulebook) == {
        "en": [f"error: shp:BrandFundKind-check ({place}): sh:qualifiedMinCount 0 without "
               "sh:qualifiedMaxCount asks nothing (every node has 0 values at least that conform "
               "to its sh:qualifiedValueShape): write sh:qualifiedMinCount 1 if such a value is "
               "required, or delete it"],
        "zh": [f"错误：shp:BrandFundKind-check（{place}）：sh:qualifiedMinCount 0 而无 sh:qualifiedMaxCount "
               "不作任何要求（任何节点都至少有 0 个符合其 sh:qualifiedValueShape 的取值）：若要求有这样的取值，"
               "应写 sh:qualifiedMinCount 1，否则删去"]}


def test_a_qualified_min_count_of_zero_under_a_maximum_asks_something(tmp_path: Path) -> None:
    """With sh:qualifiedMaxCount beside it, the maximum asks: no mistake."""
    rulebook = changed_rulebook(tmp_path, {CH7: ((FUND_KIND, FUND_KIND.replace(
        " 1 .", " 0 ; sh:qualifiedMaxCount 2 .")),)})
    assert ProblemKind.ZERO_QUALIFIED_MIN_COUNT not in kinds(rulebook)


def _chapter_edit(chapter: str) -> tuple[str, str]:
    """req:7.3.2's catalogue entry, its bcic:chapter 7 made `chapter`."""
    text = (Path(__file__).parents[1] / "ontology" / "requirements.ttl").read_text("utf-8")
    start = text.index("req:7.3.2 a bcic:Requirement")
    end = text.index("bcic:chapter 7 ;", start) + len("bcic:chapter 7 ;")
    entry = text[start:end]
    return entry, entry.replace("bcic:chapter 7 ;", f"bcic:chapter {chapter} ;")


def test_a_provision_filed_under_another_chapter_than_its_clause_is_caught(
        tmp_path: Path) -> None:
    """7.3.2 said to be in chapter 6: the coverage filed it under 6 and nothing said so."""
    rulebook = changed_rulebook(tmp_path, {"ontology/requirements.ttl": (_chapter_edit("6"),)})
    assert rulebook.requirements["7.3.2"].chapter == 6
    place = line_of(tmp_path, "ontology/requirements.ttl", "req:7.3.2 ")
    assert said(rulebook) == {
        "en": [f"error: req:7.3.2 ({place}): bcic:chapter 6, but clause 7.3.2 is in chapter 7: "
               "reports and the coverage would file it under another chapter"],
        "zh": [f"错误：req:7.3.2（{place}）：bcic:chapter 为 6，但条款 7.3.2 属于第 7 章：报告和覆盖矩阵会把它"
               "归入其他章"]}


ORPHAN = "shp:IsDedicatedBrandAgency a sh:NodeShape ; sh:class bcic:DedicatedBrandAgency .\n"
ANCHOR = "shp:IsDriveMode a sh:NodeShape ;"


def test_a_shape_with_constraints_nothing_links_or_uses_is_said_to_check_nothing(
        tmp_path: Path) -> None:
    """It was shown as a helper shape, without its file and line."""
    rulebook = changed_rulebook(tmp_path, {"shapes/common.ttl": ((ANCHOR, ORPHAN + ANCHOR),)})
    place = line_of(tmp_path, "shapes/common.ttl", "shp:IsDedicatedBrandAgency ")
    assert said(rulebook) == {
        "en": [f"error: shp:IsDedicatedBrandAgency ({place}): a shape with constraints that "
               "checks no provision (no bcic:checksRequirement) and that no shape checking one "
               "uses, however deep: it checks nothing; link it to the provision it was written "
               "for, or delete it"],
        "zh": [f"错误：shp:IsDedicatedBrandAgency（{place}）：该形状有约束，却既未以 bcic:checksRequirement "
               "指明所检查的规定，也没有任何检查规定的形状（无论经过几层）引用它：它不检查任何内容；请将它链接到为之编写的"
               "规定，或删去它"]}


@pytest.mark.parametrize("command", [["show", "shp:IsDedicatedBrandAgency"],
                                     ["coverage", "--only", "IsDedicatedBrandAgency"]])
def test_rules_show_and_coverage_only_refuse_such_a_shape_naming_the_mistake(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    """Was "checks no provision, and no shape that checks one uses it", with no place."""
    rulebook = changed_rulebook(tmp_path, {"shapes/common.ttl": ((ANCHOR, ORPHAN + ANCHOR),)})
    place = line_of(tmp_path, "shapes/common.ttl", "shp:IsDedicatedBrandAgency ")
    monkeypatch.setattr(cli_rules, "load_rulebook", lambda: rulebook)
    for lang in ("en", "zh"):
        result = CliRunner().invoke(main, ["rules", *command, "--lang", lang])
        assert result.exit_code == 2, result.stderr
        assert said(rulebook)[lang][0] in result.stderr
        assert place in result.stderr


def test_a_shape_linked_to_two_provisions_is_caught_naming_both(tmp_path: Path) -> None:
    """Its results counted for one of them, whichever the graph gave last."""
    rulebook = changed_rulebook(tmp_path, {CH7: (
        (FUND_PERIOD, FUND_PERIOD.replace("req:7.1.2.1 ;", "req:7.1.2.1 , req:7.1.2.3 ;")),
        (f"（7.1.2.1）\"@zh , {FUND_MESSAGE_EN}",  # both clauses cited: no MESSAGE_CLAUSE
         f"（7.1.2.1、7.1.2.3）\"@zh , {FUND_MESSAGE_EN[:-5]}, 7.1.2.3)\"@en"))})
    place = line_of(tmp_path, CH7, "shp:FundEvaluationPeriod ")
    lines = said(rulebook)
    assert (f"error: shp:FundEvaluationPeriod ({place}): bcic:checksRequirement names 2 "
            "provisions (req:7.1.2.1, req:7.1.2.3): a shape checks one, and its results would "
            "count for one of them only") in lines["en"]
    assert (f"错误：shp:FundEvaluationPeriod（{place}）：bcic:checksRequirement 指向 2 条规定"
            "（req:7.1.2.1、req:7.1.2.3）：一个形状只检查一条规定，其结果只会计入其中一条") in lines["zh"]


def test_two_messages_in_one_language_are_named_both(tmp_path: Path) -> None:
    """A report showed one of them; the shape was said to lack an en message it had."""
    second = '"A second message (7.1.2.1)"@en'
    rulebook = changed_rulebook(tmp_path, {CH7: (
        (FUND_MESSAGE_EN + " .", f"{FUND_MESSAGE_EN} , {second} ."),)})
    place = line_of(tmp_path, CH7, "shp:FundEvaluationPeriod ")
    messages = ("“A second message (7.1.2.1)”", "“No periodic fund evaluation: no fund "
                "evaluation states its period (7.1.2.1)”")
    assert said(rulebook) == {
        "en": [f"error: shp:FundEvaluationPeriod ({place}): 2 sh:message tagged en, where a "
               f"shape has one: a report shows one of them only: {', '.join(messages)}"],
        "zh": [f"错误：shp:FundEvaluationPeriod（{place}）：有 2 条标记为 en 的 sh:message，而一个形状只应有"
               f"一条：报告只显示其中一条：{'、'.join(messages)}"]}


def test_rules_coverage_exits_1_and_validate_refuses_on_a_shape_defined_nowhere(
        tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    rulebook: Rulebook = changed_rulebook(tmp_path, {CH7: (
        (PERIOD_NODE, PERIOD_NODE.replace("RecurringPeriod", "RecuringPeriod")),)})
    assert kinds(rulebook) == [ProblemKind.UNDEFINED_SHAPE]
    assert_refused_as_a_rule_problem(rulebook, runner, monkeypatch)


@pytest.mark.parametrize(("written", "orphans"), [
    ("shp:Active a sh:NodeShape ; sh:deactivated false ; sh:class bcic:DedicatedBrandAgency .\n",
     ["shp:Active"]),
    ("shp:SelfLoop a sh:NodeShape ; sh:class bcic:DedicatedBrandAgency ; "
     "sh:node shp:SelfLoop .\n", ["shp:SelfLoop"]),
    ("shp:Ping a sh:NodeShape ; sh:class bcic:DedicatedBrandAgency ; sh:node shp:Pong .\n"
     "shp:Pong a sh:NodeShape ; sh:class bcic:DedicatedBrandAgency ; sh:or ( shp:Ping ) .\n",
     ["shp:Ping", "shp:Pong"]),
], ids=["deactivated-false", "self-loop", "each-other"])
def test_a_shape_no_checking_shape_reaches_checks_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str,
        orphans: list[str]) -> None:
    """`sh:deactivated false` is active, and a shape used by itself or by another such shape
    only is reached from no shape that checks a provision (bcic:checksRequirement): each was
    missed, while `bcic rules show` refused it as checking nothing."""
    rulebook = changed_rulebook(tmp_path, {"shapes/common.ttl": ((ANCHOR, written + ANCHOR),)})
    problems = rule_problems(rulebook)
    assert [(p.kind, prefixed(p.subject)) for p in problems] == [
        (ProblemKind.ORPHAN_SHAPE, name) for name in orphans]
    monkeypatch.setattr(cli_rules, "load_rulebook", lambda: rulebook)
    shown = CliRunner().invoke(main, ["rules", "show", orphans[0], "--lang", "en"])
    assert shown.exit_code == 2 and said(rulebook)["en"][0] in shown.stderr


def test_only_sh_deactivated_true_exempts_an_unreached_shape(tmp_path: Path) -> None:
    written = "shp:Resting a sh:NodeShape ; sh:deactivated true ; sh:class bcic:DedicatedBrandAgency .\n"
    assert rule_problems(changed_rulebook(
        tmp_path, {"shapes/common.ttl": ((ANCHOR, written + ANCHOR),)})) == []

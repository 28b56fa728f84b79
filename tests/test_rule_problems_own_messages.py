"""Which sh:message the rule checks compare (checker/shape_reference_problems.py,
checker/rule_problems.py): each node's own, the named shape's, a nested property shape's and a
SPARQL constraint's, since SHACL gives each its message; and their language tags read as BCP 47
reads them, case aside (`@EN` is en)."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, BNode, Graph, Literal
from rdflib.namespace import SH

from checker.rule_problems import ProblemKind, rule_problems
from checker.shacl import _read_results
from tests.test_rule_problems_more import changed_rulebook, kinds

CH7 = "shapes/ch7-resources.ttl"
CH8 = "shapes/ch8-branding.ttl"
SHAPE_812 = "shp:ClusterBrandHasBrandName a sh:NodeShape ;\n"  # its messages: 8.1.2's, zh and en
SPARQL_812 = ('    sh:sparql [ a sh:SPARQLConstraint ;\n'
              '        sh:message "集群品牌名称为空（8.1.2）"@zh , "The brand name is empty (8.1.2)"@en ;\n'
              '        sh:prefixes [ sh:declare [ sh:prefix "b" ; sh:namespace '
              '"https://w3id.org/bcic/ontology#"^^xsd:anyURI ] ] ;\n'
              '        sh:select "SELECT $this WHERE { $this b:brandName \\"\\" }" ] ;\n')
NESTED_812 = ('    sh:property [ sh:path bcic:brandName ; sh:maxCount 3 ;\n'
              '        sh:message "品牌名称过多（8.1.2）"@zh , "Too many brand names (8.1.2)"@en ] ;\n')
FUND_MESSAGES = ('"未见定期实施的资金使用评价：没有一项资金使用评价说明评价周期（7.1.2.1）"@zh , '
                 '"No periodic fund evaluation: no fund evaluation states its period (7.1.2.1)"@en')


def test_a_sparql_constraints_own_messages_are_no_second_message_of_its_shape(
        tmp_path: Path) -> None:
    """8.1.2's shape with its zh and en messages and a SPARQL constraint with its own: was
    `duplicate_message` twice, and without the shape's own, `no_message`: it could never pass."""
    rulebook = changed_rulebook(tmp_path, {CH8: ((SHAPE_812, SHAPE_812 + SPARQL_812),)})
    assert rule_problems(rulebook) == []


def test_a_nested_property_shapes_own_messages_are_no_second_message_of_its_shape(
        tmp_path: Path) -> None:
    rulebook = changed_rulebook(tmp_path, {CH8: ((SHAPE_812, SHAPE_812 + NESTED_812),)})
    assert rule_problems(rulebook) == []


def test_two_messages_in_one_language_on_one_nested_node_are_still_caught(
        tmp_path: Path) -> None:
    """The nested shape's own two en messages, named under the shape that holds it (8.1.2)."""
    twice = NESTED_812.replace('"@en ]', '"@en , "And again (8.1.2)"@en ]')
    rulebook = changed_rulebook(tmp_path, {CH8: ((SHAPE_812, SHAPE_812 + twice),)})
    problems = rule_problems(rulebook)
    assert [(p.kind, str(p.subject).rsplit("/", 1)[-1], p.values["lang"], p.values["n"])
            for p in problems] == [
        (ProblemKind.DUPLICATE_MESSAGE, "ClusterBrandHasBrandName", "en", "2")]


def test_language_tags_are_read_case_aside(tmp_path: Path) -> None:
    """`@ZH , @EN` on 7.1.2.1's shape: was "no en message" (BCP 47 tags are case-insensitive)."""
    upper = FUND_MESSAGES.replace('"@zh', '"@ZH').replace('"@en', '"@EN')
    rulebook = changed_rulebook(tmp_path, {CH7: ((FUND_MESSAGES, upper),)})
    assert rule_problems(rulebook) == []


def test_zh_and_ZH_are_two_messages_in_one_language(tmp_path: Path) -> None:
    twice = FUND_MESSAGES + ' , "又一条（7.1.2.1）"@ZH'
    rulebook = changed_rulebook(tmp_path, {CH7: ((FUND_MESSAGES, twice),)})
    problems = rule_problems(rulebook)
    assert kinds(rulebook) == [ProblemKind.DUPLICATE_MESSAGE]
    assert problems[0].values["lang"] == "zh" and problems[0].values["n"] == "2"


def test_what_the_checks_read_as_en_a_report_files_under_en(tmp_path: Path) -> None:
    """`@EN` passed the checks as en, so the rulebook and a SHACL result file it under en: an
    English report printed no prompt and fell back to the Chinese message."""
    zh = '"@zh , "Judge whether the fund was set up'
    rulebook = changed_rulebook(tmp_path, {"shapes/review.ttl": (
        (zh, zh.replace('"@zh', '"@ZH')),
        ("periodic evaluations really raise the efficiency of its use.\"@en",
         "periodic evaluations really raise the efficiency of its use.\"@EN"))})
    assert rule_problems(rulebook) == []
    assert set(rulebook.requirements["7.1.2.1"].review_prompt or {}) == {"zh", "en"}
    report = Graph()
    result = BNode()
    report.add((result, RDF.type, SH.ValidationResult))
    report.add((result, SH.resultSeverity, SH.Violation))
    report.add((result, SH.resultMessage, Literal("No period (7.1.2.1)", lang="EN")))
    assert _read_results(report)[0].messages == {"en": "No period (7.1.2.1)"}

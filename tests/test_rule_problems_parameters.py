"""A rule maintainer's mistakes in SHACL's own terms and parameter values, which `bcic rules
coverage` names with the file and line, in zh and en (checker/shacl_parameter_problems.py).
Each was an edit of a copy of the rule files after which pyshacl said nothing (the check met by
every submission), failed every validation with an engine error naming no file or line, or
failed every submission."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import rule_problems as rule_problems_module
from checker.errors import CheckerError
from checker.paths import EXAMPLES_DIR
from checker.rule_problems import ProblemKind, rule_problems
from checker.rulebook import Rulebook, load_rulebook
from checker.validation import validate_files
from tests.test_rule_problems_more import (assert_refused_as_a_rule_problem, changed_rulebook,
                                          kinds, line_of, said)


CH5 = "shapes/ch5-environment.ttl"
# 5.2.3's concentration indicator, which every agglomeration analysis names: the edits below change
# its count.
CHECK = ("shp:AgglomerationIndicator a sh:PropertyShape ;\n"
         "    bcic:checksRequirement req:5.2.3 ;\n"
         "    sh:targetClass bcic:AgglomerationAnalysis ;\n    sh:path bcic:concentrationIndicator ;")
MIN_COUNT = "\n    sh:minCount 1 ;"
NEW_KINDS = {ProblemKind.SHACL_TERM, ProblemKind.NOT_RUN, ProblemKind.PARAMETER_VALUE,
             ProblemKind.CONTRADICTION}


def _count_written(tmp_path: Path, written: str) -> Rulebook:
    """The rulebook with the concentration indicator's `sh:minCount 1` written as `written`."""
    return changed_rulebook(tmp_path, {CH5: ((CHECK + MIN_COUNT, CHECK + written),)})


def _place(tmp_path: Path) -> str:
    """The line of the statement at fault: the first line written in place of the count, below
    the check's four lines (a problem names its statement's line, not its shape's)."""
    opening = line_of(tmp_path, CH5, "shp:AgglomerationIndicator ")
    file, _colon, number = opening.rpartition(":")
    return f"{file}:{int(number) + CHECK.count(chr(10)) + 1}"


def _said_of_the_check(tmp_path: Path, en: str, zh: str) -> dict[str, list[str]]:
    """The one problem of the concentration indicator's check as `said` lists it, its words given."""
    place = _place(tmp_path)
    return {"en": [f"error: shp:AgglomerationIndicator ({place}): {en}"],
            "zh": [f"错误：shp:AgglomerationIndicator（{place}）：{zh}"]}


def test_the_shipped_rulebook_has_none_of_these_mistakes() -> None:
    assert set(kinds(load_rulebook())) & NEW_KINDS == set()


def test_a_misspelt_shacl_term_is_caught_with_the_one_meant(tmp_path: Path) -> None:
    """`sh:mincount 1`: pyshacl passed over it, and an agglomeration analysis naming no
    concentration indicator met 5.2.3 (the conformant Dehua's verdict did not move)."""
    rulebook = _count_written(tmp_path, "\n    sh:mincount 1 ;")
    assert said(rulebook) == _said_of_the_check(
        tmp_path,
        en="sh:mincount is no term of SHACL (W3C SHACL 1.0): the engine passes over it, so what "
           "it was written to ask is never asked, without a word; did you mean sh:minCount?",
        zh="sh:mincount 不是 SHACL（W3C SHACL 1.0）的术语：验证引擎会忽略它，它本应提出的要求在无任何提示的"
           "情况下从未被检查；是否应为 sh:minCount？")


def test_a_misspelt_shacl_class_is_caught_too(tmp_path: Path) -> None:
    """`a sh:Propertyshape`: the shape's type, written as an object, is a term like any other."""
    rulebook = changed_rulebook(tmp_path, {CH5: (
        ("shp:AgglomerationIndicator a sh:PropertyShape ;",
         "shp:AgglomerationIndicator a sh:Propertyshape ;"),)})
    problems = [p for p in rule_problems(rulebook) if p.kind is ProblemKind.SHACL_TERM]
    assert [(p.values, p.suggestion) for p in problems] == [
        ({"term": "sh:Propertyshape"}, "sh:PropertyShape")]
    # The shape still runs (its target and path make it one): the statement alone says nothing.
    assert said(rulebook)["en"][0].endswith(
        "sh:Propertyshape is no term of SHACL (W3C SHACL 1.0): the engine knows no such class or "
        "value, so the statement that names it says nothing to it; did you mean "
        "sh:PropertyShape?")


@pytest.mark.parametrize(("written", "term", "why_en", "why_zh"), [
    ('\n    sh:js [ a sh:JSConstraint ; sh:jsFunctionName "hasPeriod" ] ;', "sh:js",
     "SHACL-JS (JavaScript extensions)", "SHACL-JS（JavaScript 扩展）"),
    ("\n    sh:rule [ a sh:TripleRule ; sh:subject sh:this ; sh:predicate bcic:period ;"
     " sh:object bcic:x ] ;", "sh:rule",
     "SHACL Advanced Features (rules, custom targets, node expressions)",
     "SHACL 高级特性（规则、自定义目标、节点表达式）"),
], ids=["js", "rule"])
def test_a_construct_of_an_extension_the_engine_does_not_run_is_caught_once(
        tmp_path: Path, written: str, term: str, why_en: str, why_zh: str) -> None:
    """Written in place of the minimum count, the indicator was never asked for: pyshacl runs
    neither extension unless told to, which bcic never does."""
    rulebook = _count_written(tmp_path, written)
    assert said(rulebook) == _said_of_the_check(
        tmp_path,
        en=f"{term} belongs to {why_en}, which this checker's SHACL engine does not run: what it "
           "asks is never asked; write it with SHACL Core's constraints or a SPARQL constraint "
           "(sh:sparql)",
        zh=f"{term} 属于 {why_zh}，本检查器的 SHACL 验证引擎不运行它：它提出的要求从未被检查；请改用 SHACL Core "
           "的约束或 SPARQL 约束（sh:sparql）表达")


def test_a_count_written_as_a_string_is_caught_before_any_validation_fails(
        tmp_path: Path) -> None:
    """`sh:minCount "1"`: every validation failed in the engine ("sh:minCount must be a literal
    with datatype xsd:integer"), naming no file or line."""
    rulebook = _count_written(tmp_path, '\n    sh:minCount "1" ;')
    assert said(rulebook) == _said_of_the_check(
        tmp_path,
        en='sh:minCount "1": SHACL takes a non-negative xsd:integer there, such as 1 (not "1", '
           "not -1); the SHACL engine refuses the shape only while validating, so every "
           "validation would fail with an error that names no file or line",
        zh='sh:minCount "1"：SHACL 要求非负的 xsd:integer 整数，如 1（不能写作 "1" 或 -1）；SHACL 验证引擎直到'
           "验证时才拒绝该形状，任何验证都会失败，而其错误不指明文件和行")


REFUSED = ("the SHACL engine refuses the shape only while validating, so every validation "
           "would fail with an error that names no file or line")
FAILS_ALL = "no value can meet it, so every submission would fail the check"
COUNT = 'a non-negative xsd:integer there, such as 1 (not "1", not -1)'
BOUND = 'a literal of its datatype there ("2020"^^xsd:gYear, 0)'
FLAGS = "the flags of XPath's fn:matches there, of which this engine applies i and m"
IRI = "an IRI there, written without quotes ({})"  # the text given, as an IRI is written
NOTHING = "the engine reads it as a shape that asks nothing, so the check is met without a word"


@pytest.mark.parametrize(("written", "property_", "value", "takes", "effect"), [
    ("\n    sh:minCount -1 ;", "sh:minCount", "-1", COUNT, REFUSED),
    ('\n    sh:minCount 1 ; sh:pattern "[" ;', "sh:pattern", '"["',
     "a regular expression there, which this engine reads with Python's re, lacking some of "
     "XPath's syntax such as \\p{Lu} (Python says: unterminated character set at position 0)",
     REFUSED),
    ("\n    sh:minCount 1 ; sh:pattern bcic:period ;", "sh:pattern", "bcic:period",
     "a string literal there, the regular expression", REFUSED),
    ('\n    sh:minCount 1 ; sh:pattern "^P" ; sh:flags "s" ;', "sh:flags", '"s"', FLAGS,
     "the engine drops the other letters without a word, so the pattern would be matched "
     "without them"),
    ('\n    sh:minCount 1 ; sh:pattern "^p" ; sh:flags "I" ;', "sh:flags", '"I"', FLAGS,
     "this engine applies it as its lower case, which XPath's flags are; another SHACL engine "
     "would refuse it"),
    ("\n    sh:minCount 1 ; sh:minInclusive bcic:period ;", "sh:minInclusive", "bcic:period",
     BOUND, REFUSED),
    ('\n    sh:minCount 1 ; sh:minInclusive "x"^^xsd:integer ;', "sh:minInclusive",
     '"x"^^xsd:integer', BOUND, FAILS_ALL),
    ("\n    sh:minCount 1 ; sh:minLength 1.5 ;", "sh:minLength", "1.5", COUNT, REFUSED),
    ("\n    sh:minCount 1 ; sh:nodeKind sh:Violation ;", "sh:nodeKind", "sh:Violation",
     "one of sh:IRI, sh:BlankNode, sh:Literal, sh:BlankNodeOrIRI, sh:BlankNodeOrLiteral, "
     "sh:IRIOrLiteral there", FAILS_ALL),
    ('\n    sh:minCount 1 ; sh:uniqueLang "yes" ;', "sh:uniqueLang", '"yes"',
     "true or false there", REFUSED),
    ('\n    sh:minCount 1 ; sh:deactivated "false" ;', "sh:deactivated", '"false"',
     "true or false there", 'the engine takes the truth of its value as Python sees it, so any '
     'text, "false" too, counts as true'),
    ('\n    sh:minCount 1 ; sh:languageIn "zh" ;', "sh:languageIn", '"zh"',
     'a list of language tags as plain strings there (("zh" "en"))', REFUSED),
    ('\n    sh:minCount 1 ; sh:languageIn ( "zh" 1 ) ;', "sh:languageIn", '( "zh" 1 )',
     'a list of language tags as plain strings there (("zh" "en"))', REFUSED),
    ('\n    sh:minCount 1 ; sh:in "P1Y" ;', "sh:in", '"P1Y"',
     "a list of the values allowed there (( bcic:A bcic:B ))", REFUSED),
    ('\n    sh:minCount 1 ; sh:class "bcic:FundEvaluation" ;', "sh:class",
     '"bcic:FundEvaluation"', IRI.format("bcic:FundEvaluation"), FAILS_ALL),
    ('\n    sh:minCount 1 ; sh:node "shp:RecurringPeriod" ;', "sh:node", '"shp:RecurringPeriod"',
     IRI.format("shp:RecurringPeriod"), NOTHING),
    ('\n    sh:minCount 1 ; sh:datatype "xsd:string" ;', "sh:datatype", '"xsd:string"',
     IRI.format("xsd:string"), FAILS_ALL),
    ('\n    sh:minCount 1 ; sh:equals "bcic:period" ;', "sh:equals", '"bcic:period"',
     IRI.format("bcic:period"), "the engine compares the values with those of no property, so "
     "every node with a value would fail the check"),
    ('\n    sh:minCount 1 ; sh:disjoint "bcic:period" ;', "sh:disjoint", '"bcic:period"',
     IRI.format("bcic:period"), "it names a property, whose values must differ from the "
     "node's; the engine compares them with those of no property, so none is shared and it "
     "asks nothing"),
    ('\n    sh:minCount 1 ; sh:lessThan "bcic:period" ;', "sh:lessThan", '"bcic:period"',
     IRI.format("bcic:period"), REFUSED),
    ('\n    sh:minCount 1 ; sh:lessThanOrEquals "bcic:period" ;', "sh:lessThanOrEquals",
     '"bcic:period"', IRI.format("bcic:period"), REFUSED),
    ('\n    sh:minCount 1 ; sh:pattern "^[a-z-[p]]+$" ;', "sh:pattern", '"^[a-z-[p]]+$"',
     "a regular expression there, which this engine reads with Python's re, where XPath's "
     "character-class subtraction (-[p]) subtracts nothing: the class takes “-” and “[” as "
     "characters, and the “]” closing the subtraction is one to match",
     "Python reads it as another pattern, so values would be matched otherwise than written, "
     "without a word"),
    ('\n    sh:minCount 1 ; sh:pattern "^[\\\\w-[\\\\d]]+$" ;', "sh:pattern",
     '"^[\\\\w-[\\\\d]]+$"', "a regular expression there, which this engine reads with "
     "Python's re, lacking some of XPath's syntax such as \\p{Lu} (Python says: bad character "
     "range \\w-[ at position 2)", REFUSED),
    ('\n    sh:minCount 1 ; sh:pattern "^\\\\p{IsBasicLatin}+$" ;', "sh:pattern",
     '"^\\\\p{IsBasicLatin}+$"', "a regular expression there, which this engine reads with "
     "Python's re, lacking XPath's \\p{IsBasicLatin} (Unicode blocks such as \\p{IsBasicLatin}, "
     "categories, the name characters \\i and \\c), so it cannot compile it", REFUSED),
    ('\n    sh:minCount 1 ; sh:pattern "^\\\\i\\\\c*$" ;', "sh:pattern", '"^\\\\i\\\\c*$"',
     "a regular expression there, which this engine reads with Python's re, lacking XPath's "
     "\\i (Unicode blocks such as \\p{IsBasicLatin}, categories, the name characters \\i and "
     "\\c), so it cannot compile it", REFUSED),
    ("\n    sh:minCount 1 ; sh:node [ sh:maxCount 1 ] ;", "sh:maxCount", "1",
     "it on property shapes only, those with an sh:path", REFUSED),
    ("\n    sh:minCount 1 ; sh:qualifiedMinCount 5 ;", "sh:qualifiedMinCount", "5",
     "it only beside an sh:qualifiedValueShape, the shape the values it counts meet", REFUSED),
    ("\n    sh:minCount 1 ; sh:ignoredProperties ( rdf:type ) ;", "sh:ignoredProperties",
     "( rdf:type )", "it only on a shape with sh:closed", REFUSED),
], ids=["negative-count", "regex", "pattern-iri", "flags", "upper-case-flag", "bound-iri",
        "ill-typed-bound", "decimal-length", "node-kind", "boolean", "deactivated-text",
        "language-text", "language-number", "in-text", "class-text", "node-text",
        "datatype-text", "equals-text", "disjoint-text", "less-than-text",
        "less-than-or-equals-text", "pattern-subtraction", "uncompiled-subtraction", "pattern-block", "pattern-name-char",
        "count-on-node-shape", "qualified-count-alone", "ignored-not-closed"])
def test_a_parameter_value_shacl_does_not_take_is_caught_with_what_it_would_do(
        tmp_path: Path, written: str, property_: str, value: str, takes: str,
        effect: str) -> None:
    """Each effect as the engine showed it with the check turned off: refused while validating
    (the count, pattern, bound IRI, boolean, list, a count on a node shape, a qualified count
    alone, sh:ignoredProperties on an open shape), every value failing (the node kind, the
    bound of no value, the class given as text), the pattern matched without its `s` flag or
    with its `I` read as `i`, the shape turned off by `sh:deactivated "false"` (pyshacl takes
    bool() of the text), the node given as text asking nothing."""
    rulebook = _count_written(tmp_path, written)
    assert said(rulebook)["en"] == [
        f"error: shp:AgglomerationIndicator ({_place(tmp_path)}): {property_} {value}: SHACL "
        f"takes {takes}; {effect}"]


def test_two_flags_on_one_pattern_are_said_to_leave_the_choice_to_the_engine(
        tmp_path: Path) -> None:
    """pyshacl takes "the first" of a set: which of `i` and `m` it applies is not said."""
    rulebook = _count_written(tmp_path, '\n    sh:minCount 1 ; sh:pattern "^p" ; sh:flags "i", "m" ;')
    assert said(rulebook)["en"] == [
        f'error: shp:AgglomerationIndicator ({_place(tmp_path)}): sh:flags "i", "m": SHACL takes '
        "one value on a shape; the engine applies one of them, which one is not said"]


def test_bounds_no_value_lies_between_are_said_to_fail_every_submission(tmp_path: Path) -> None:
    rulebook = _count_written(
        tmp_path, "\n    sh:minCount 1 ; sh:minExclusive 5 ; sh:maxExclusive 5 ;")
    assert said(rulebook) == _said_of_the_check(
        tmp_path,
        en="no value lies between sh:minExclusive 5 and sh:maxExclusive 5, so every submission "
           "would fail the check",
        zh="sh:minExclusive 5 与 sh:maxExclusive 5 之间没有任何取值，任何提交都会不满足该检查")


def test_two_counts_on_one_shape_are_caught(tmp_path: Path) -> None:
    rulebook = _count_written(tmp_path, MIN_COUNT + "\n    sh:minCount 2 ;")
    problems = rule_problems(rulebook)
    assert [(p.kind, p.values) for p in problems] == [(ProblemKind.PARAMETER_VALUE, {
        "property": "sh:minCount", "takes": "single", "effect": "refused",
        "value": ("1", "2")})]
    lines = said(rulebook)  # the values listed as each language lists them
    assert "sh:minCount 1, 2:" in lines["en"][0] and "sh:minCount 1、2" in lines["zh"][0]


def test_a_minimum_above_its_maximum_is_said_to_fail_every_submission(tmp_path: Path) -> None:
    """`sh:minCount 2 ; sh:maxCount 1` failed the conformant Dehua on 5.2.3, blaming it."""
    rulebook = _count_written(tmp_path, "\n    sh:minCount 2 ;\n    sh:maxCount 1 ;")
    assert said(rulebook) == _said_of_the_check(
        tmp_path,
        en="sh:minCount 2 is above sh:maxCount 1: no node can meet both, so every submission "
           "would fail the check",
        zh="sh:minCount 2 大于 sh:maxCount 1：没有任何节点能同时满足两者，任何提交都会不满足该检查")


def test_what_these_mistakes_did_to_a_validation_without_the_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Why each is a rule problem: were it not refused, the misspelt count would leave Dehua's
    verdict as it was, and the string count would make the engine fail."""
    shipped = validate_files([EXAMPLES_DIR / "dehua-ceramics.ttl"])
    monkeypatch.setattr(rule_problems_module, "problems_of", lambda _rulebook: ())
    misspelt = validate_files([EXAMPLES_DIR / "dehua-ceramics.ttl"],
                              rulebook=_count_written(tmp_path / "a", "\n    sh:mincount 1 ;"))
    assert (misspelt.conforms, misspelt.overall) == (shipped.conforms, shipped.overall)
    with pytest.raises(CheckerError, match="sh:minCount must be a literal with datatype"):
        validate_files([EXAMPLES_DIR / "dehua-ceramics.ttl"],
                       rulebook=_count_written(tmp_path / "b", '\n    sh:minCount "1" ;'))


def test_they_are_refused_as_every_rule_problem(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert_refused_as_a_rule_problem(_count_written(tmp_path, "\n    sh:mincount 1 ;"),
                                     CliRunner(), monkeypatch)


NODE_SHAPE = ("\nshp:QaIriText a sh:NodeShape ;\n    bcic:checksRequirement req:8.3.4-2 ;\n"
              "    sh:targetClass bcic:CrisisManagementMechanism ;\n{}"
              '    sh:severity sh:Violation ;\n'
              '    sh:message "QA（8.3.4 —2）"@zh , "QA (8.3.4 —2)"@en .\n')


@pytest.mark.parametrize(("written", "iri", "effect"), [
    ('sh:node "MonitoredCrisisSource"', "shp:MonitoredCrisisSource", NOTHING),
    ('sh:node "NoSuchShape"', "<NoSuchShape>", NOTHING),
    ('sh:datatype "http://www.w3.org/2001/XMLSchema#string"', "xsd:string",
     "no value can meet it, so every submission would fail the check"),
    ('sh:equals "bcic:hasResponseMeasure"', "bcic:hasResponseMeasure",
     "on a node shape the value compared is the focus node itself, and the engine compares it "
     "with the values of no property, so every focus node would fail the check, those with no "
     "value too")], ids=["node-name", "node-unknown", "datatype-whole-iri", "equals-node-shape"])
def test_an_iri_given_as_text_on_a_node_shape_is_said_as_turtle_writes_it(
        tmp_path: Path, written: str, iri: str, effect: str) -> None:
    """The IRI to write is valid Turtle: a shape's bare name prefixed where shp: defines it, a
    whole IRI prefixed, else in angle brackets; sh:equals on a node shape fails every focus node
    (SHACL 1.0, 4.5.1: its value is the focus node) (8.3.4 —2)."""
    rulebook = changed_rulebook(tmp_path, {"shapes/ch8-branding.ttl": ((
        "\nshp:CrisisSources ", NODE_SHAPE.format(f"    {written} ;\n")
        + "\nshp:CrisisSources "),)})
    predicate, value = written.split(" ", 1)
    assert [line.partition("): ")[2] for line in said(rulebook)["en"]] == [
        f"{predicate} {value}: SHACL takes {IRI.format(iri)}; {effect}"]
    assert len(said(rulebook)["zh"]) == 1 and f"（{iri}）" in said(rulebook)["zh"][0]

"""The rulebook's shapes: valid SHACL, tied to the catalogue, and each proven by a fixture pair."""

from __future__ import annotations

import os
import re
from dataclasses import replace

import pyshacl
import pytest
from rdflib import Graph, URIRef

from checker.coverage import (
    CoverageRow,
    base_is_clean,
    conforming_base,
    coverage_matrix,
    prove_fixtures,
)
from checker.fixtures import NoFixtureError, fixture_for
from checker.namespaces import BCIC, SHP
from checker.rule_problems import ProblemKind, rule_problems
from checker.rulebook import SH, Level, load_rulebook
from tests.catalogue_counts import COUNTS, UPDATE
RULEBOOK = load_rulebook()
CHECKING_SHAPES = sorted(RULEBOOK.shape_requirements)


def test_shapes_graph_conforms_to_shacl_for_shacl() -> None:
    """The shapes graph is itself valid SHACL (pySHACL's copy of the SHACL-SHACL shapes)."""
    meta = Graph().parse(os.path.join(os.path.dirname(pyshacl.__file__), "assets",
                                      "shacl-shacl.ttl"))
    conforms, _graph, text = pyshacl.validate(RULEBOOK.shapes_graph, shacl_graph=meta)
    assert conforms, text


def _problems(*kinds: ProblemKind) -> list[str]:
    return [f"{p.kind.value} {p.subject} {p.values}" for p in rule_problems(RULEBOOK)
            if p.kind in kinds]


def test_every_checking_shape_names_a_catalogued_requirement() -> None:
    assert len(RULEBOOK.shape_requirements) > 100
    assert _problems(ProblemKind.UNKNOWN_REQUIREMENT, ProblemKind.UNLINKED_SHAPE) == []


def test_shape_severity_follows_the_level_of_its_requirement() -> None:
    assert _problems(ProblemKind.SEVERITY) == []


def test_every_shape_has_a_message_in_zh_and_en_that_cites_its_clause() -> None:
    assert _problems(ProblemKind.NO_MESSAGE, ProblemKind.MESSAGE_CLAUSE) == []


def test_every_term_the_shapes_use_is_defined_and_every_provision_id_renders() -> None:
    assert _problems(ProblemKind.UNKNOWN_TERM, ProblemKind.BAD_ID) == []


def test_every_shall_requirement_has_a_shape_items_or_a_manual_review_mark() -> None:
    shall = [r for r in RULEBOOK.requirements.values() if r.level is Level.SHALL]
    gaps = [r.id for r in shall
            if not r.shapes and not r.review_prompt
            and not [c for c in RULEBOOK.children(r.id) if c.level is Level.SHALL]]
    assert len(shall) == COUNTS.shall, UPDATE
    assert not gaps, gaps


def test_the_no_modal_informative_provisions_have_no_shape_but_warnings_of_9_3_2() -> None:
    """An informative provision asks nothing: only 9.3.2 c) and d) have a shape, which warns of a
    cluster named as its own benchmark or competitor (docs/model.md, decision 21)."""
    checked = {r.id: {RULEBOOK.shapes_graph.value(s, SH.severity) for s in r.shapes}
               for r in RULEBOOK.requirements.values() if r.level is Level.INFORMATIVE and r.shapes}
    assert checked == {"9.3.2-c": {SH.Warning}, "9.3.2-d": {SH.Warning}}


def test_every_requirement_row_of_the_coverage_matrix_is_free_of_gaps() -> None:
    rows = coverage_matrix(RULEBOOK)
    assert len(rows) == COUNTS.provisions, UPDATE
    assert not [row.requirement.id for row in rows if row.gap]


def test_only_shall_level_items_decide_a_lead_in_in_the_coverage_matrix() -> None:
    """9.3.2 a)–d) (「常用方法包括但不限于」) and 9.4.1 a)–c) (「可能的改进方向包括」) are informative:
    never unmet, they decide nothing. 9.4.1 is checked by its own shapes; without them it would be
    a gap, not covered through its items. 4.2.1's duties (应履行的职责) do decide 4.2.1."""
    rows = {row.requirement.id: row for row in coverage_matrix(RULEBOOK)}
    informative_items = {"9.3.2": ("9.3.2-a", "9.3.2-b", "9.3.2-c", "9.3.2-d"),
                         "9.4.1": ("9.4.1-a", "9.4.1-b", "9.4.1-c")}
    for lead_in, items in informative_items.items():
        assert rows[lead_in].items == items and not rows[lead_in].deciding_items
    assert replace(rows["9.4.1"], fixtures=(), manual_review=False).gap
    assert rows["4.2.1"].deciding_items == rows["4.2.1"].items and len(rows["4.2.1"].items) == 9
    assert not rows["4.2.1"].fixtures and not rows["4.2.1"].gap


def test_a_shape_no_fixture_rule_can_read_is_a_coverage_gap() -> None:
    shapes = Graph()
    shapes += RULEBOOK.shapes_graph
    shape = URIRef("https://w3id.org/bcic/shapes/gbt-draft/Unprovable")
    shapes.add((shape, SH.targetNode, URIRef("https://w3id.org/bcic/ontology#KPISystem")))
    with pytest.raises(NoFixtureError):
        fixture_for(shapes, shape, RULEBOOK.support_graph)


@pytest.fixture(scope="module")
def base() -> Graph:
    """The conforming half of every fixture pair."""
    graph = conforming_base()
    assert base_is_clean(RULEBOOK, graph)
    return graph


@pytest.mark.parametrize("shape", CHECKING_SHAPES, ids=lambda s: str(s).rsplit("/", 1)[-1])
def test_removing_the_evidence_a_shape_checks_is_reported_under_its_clause(
        shape: URIRef, base: Graph) -> None:
    (proof,) = prove_fixtures(RULEBOOK, base, [shape])
    assert proof.twin_differs, f"{shape}'s twin is the conforming base itself"
    assert proof.twin_flagged, f"{shape} did not report on its non-conforming twin"
    assert proof.status_ok and proof.severity_ok


def test_the_9_2_3_twin_loses_the_clusters_own_actual_figures(base: Graph) -> None:
    """shp:IndicatorMeasured counts actual values of the cultivated cluster only: its twin cuts
    both the value kind and the observation's link to the cluster (bcic:refCluster)."""
    shape = SHP.IndicatorMeasured
    twin = fixture_for(RULEBOOK.shapes_graph, shape, RULEBOOK.support_graph).mutate(base)
    measured = set(base.objects(None, BCIC.includesIndicator))
    observations = {o for o in base.subjects(BCIC.valueKind, BCIC.ActualValue)
                    if base.value(o, BCIC.indicator) in measured}
    assert observations and not any((o, BCIC.refCluster, None) in twin for o in observations)
    assert not any((o, BCIC.valueKind, None) in twin for o in observations)


def _messages(shape: URIRef, lang: str) -> list[str]:
    return [str(m) for m in RULEBOOK.shapes_graph.objects(shape, SH.message)
            if getattr(m, "language", None) == lang]


# The shape of each duty that asks for an activity fulfilling it (4.2.1 i) asks that activity's
# period apart: shp:DutyPeriod-4.2.1-i and shp:DutyPeriodForm-4.2.1-i, which ask the period).
DUTY_SHAPES = [s for s, rid in RULEBOOK.shape_requirements.items()
               if RULEBOOK.requirements[rid].parent in ("4.2.1", "4.2.2", "4.2.3")
               and str(s).rsplit("/", 1)[-1].startswith("DutyFulfilled-")]


@pytest.mark.parametrize("shape", sorted(DUTY_SHAPES), ids=lambda s: str(s).rsplit("/", 1)[-1])
def test_a_duty_message_names_who_owes_it_in_the_words_of_its_clause(shape: URIRef) -> None:
    """4.2.2 binds 行业组织及其他第三方机构, not only 第三方机构: the message quotes the subject
    of the duty list's lead-in sentence (4.2.1, 4.2.2, 4.2.3) as written."""
    parent = RULEBOOK.requirements[RULEBOOK.shape_requirements[shape]].parent
    assert parent is not None
    owed_by = RULEBOOK.requirements[parent].text["zh"].split("在产业集群品牌建设中")[0]
    [message] = _messages(shape, "zh")
    assert f"未见由{owed_by}履行职责" in message


def test_english_messages_of_a_shall_level_provision_never_say_should() -> None:
    """Decision 1 renders 宜 as should, 应 as shall: 5.3 —1…—5's analyses “shall include” their
    parts, as 5.3's 「应分析」 asks (the draft has no 宜, so no message says should)."""
    said = [m for s in CHECKING_SHAPES
            if RULEBOOK.requirements[RULEBOOK.shape_requirements[s]].level is not Level.SHOULD
            for m in _messages(s, "en") if re.search(r"\bshould\b", m)]
    assert said == []


def test_english_messages_use_an_before_a_vowel() -> None:
    """"No activity by a enterprise" (4.2.3) read as broken English."""
    wrong = [m for s in CHECKING_SHAPES for m in _messages(s, "en") if re.search(r"\ba [aeio]", m)]
    assert wrong == []


def test_english_messages_give_it_a_verb_after_that_it() -> None:
    """"does not state that it simple and memorable" (8.1.3 —4) and "that it fit for every
    occasion" (8.1.3 —5) lacked their verb: after "that it" comes a verb of the third person
    (reflects, is) or a modal (shall)."""
    no_verb = re.compile(r"\bthat it (?!(?:can|may|must|shall|will)\b)[a-z]+(?<!s)\b")
    wrong = [m for s in CHECKING_SHAPES for m in _messages(s, "en") if no_verb.search(m)]
    assert wrong == []


def test_a_shall_requirement_with_only_a_manual_prompt_is_counted_apart_from_checked_ones() -> None:
    """9.1.3 once had a review prompt and no shape, and coverage counted it like a checked
    provision: a shall row with only a prompt is no gap, but it is `manual_only`."""
    requirement = RULEBOOK.requirements["9.1.3"]
    prompt_only = CoverageRow(replace(requirement, shapes=()), (), True, (), ())
    assert prompt_only.manual_only and not prompt_only.gap
    assert not CoverageRow(replace(requirement, shapes=()), (), False, (), ()).manual_only


def test_9_1_3_is_checked_from_the_data_besides_its_manual_review() -> None:
    """9.1.3: a KPI system exists and each holds market position (competitiveness) and benefit
    level (value creation) indicators; no shall-level provision is left to the evaluator alone."""
    assert set(RULEBOOK.requirements["9.1.3"].shapes) == {
        SHP["KPISystemFor-9.1.3"], SHP.KPIReflectsMarketCompetitiveness, SHP.KPIReflectsValueCreation,
        # the KPI system's frame (shapes/provenance.ttl): the body's, titled, dated
        *(SHP[f"{kind}-9.1.3-KPISystem"] for kind in ("ByBody", "Titled", "Dated", "DateWellFormed"))}
    assert RULEBOOK.requirements["9.1.3"].review_prompt
    assert [row.requirement.id for row in coverage_matrix(RULEBOOK) if row.manual_only] == []

"""Hints (如何满足) are read by a cultivation body that writes no RDF: said in plain words first, the
prefixed names after the words for those who write the RDF (checker/render/guidance_view.py). No
path notation, no datatype names, no brackets inside brackets; what the value of an ask must carry
is a sentence of its own. Checked on every hint the rulebook can give, in zh and en."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import RDFS, URIRef
from rdflib.namespace import ORG, PROV
from rdflib.paths import InvPath

from checker.guidance_model import Ask, AskKind, Evidence, Guidance
from checker.i18n import Lang
from checker.labels import collect_labels
from checker.namespaces import BCIC
from checker.paths import EXAMPLES_DIR
from checker.render.findings_view import Namer
from checker.render.guidance_view import GuidanceWriter
from checker.report import Report
from checker.rulebook import load_rulebook
from checker.shape_paths import path_properties
from checker.validation import validate_files
from tests.test_rule_problems_more import changed_rulebook

_SENTENCE_END = re.compile(r"(?<=。)|(?<=\.) (?=[A-Z])")
_QUOTED = re.compile(r"“[^”]*”")  # a label, whose own brackets (“处置（A）”, “4.2.1 c)”) are words
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")  # a datatype no shape asks for


@pytest.fixture(scope="module")
def meitan() -> Report:
    """The sample with the most gaps, 4.2's lead-ins among them."""
    return validate_files([EXAMPLES_DIR / "meitan-tea.ttl"])


def _writer(report: Report, lang: Lang, shown: dict[str, Guidance] | None = None) -> GuidanceWriter:
    """A writer that knows the label of every term the rulebook's guidance names."""
    rulebook = load_rulebook()
    terms = [t for g in rulebook.guidance.values() for t in g.terms]
    labelled = replace(report, labels={**report.labels,
                                       **collect_labels(terms, rulebook.labels_graph)})
    return GuidanceWriter(Namer(labelled, lang), shown)


def _every_hint(report: Report, lang: Lang) -> list[str]:
    """Every hint the rulebook gives, alone and beside its lead-ins', and every checklist item's
    records to see."""
    guidance = load_rulebook().guidance
    alone, beside = _writer(report, lang), _writer(report, lang, guidance)
    return [*(w.how_to(g) for w in (alone, beside) for g in guidance.values()),
            *(alone.documents(g) for g in guidance.values())]


def _bracket_depth(text: str) -> int:
    """How deep brackets nest in a text, labels left out."""
    depth = deepest = 0
    for char in _QUOTED.sub("", text):
        if char in "(（[【":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")）]】":
            depth -= 1
    return deepest


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_hint_writes_a_datatype_or_a_path_in_rdf_notation(meitan: Report, lang: Lang) -> None:
    """`xsd:date` is 年-月-日 (a year-month-day date); `^org:member` and `a › b` are steps in words."""
    hints = _every_hint(meitan, lang)
    assert len(hints) > 300
    assert not [h for h in hints if "xsd:" in h or "^" in h or "›" in h]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_hint_nests_brackets(meitan: Report, lang: Lang) -> None:
    depths = [_bracket_depth(h) for h in _every_hint(meitan, lang)]
    assert max(depths) == 1
    assert _bracket_depth("“处置（A）”（bcic:ActPhase）") == 1
    assert _bracket_depth("（其须有“角色”（org:role））") == 2


@pytest.mark.parametrize("lang, said, not_said", [
    ("zh", "指向一项“培育主体”（bcic:CultivationBody），其写明“所培育的产业集群”（bcic:cultivates）",
     ("写明“培育”", "以“培育”指向")),
    ("en", "pointing to a “cultivation body” (bcic:CultivationBody) that has “cultivated cluster” "
           "(bcic:cultivates)", ("has “cultivates”", "through “cultivates”")),
], ids=["zh", "en"])
def test_hints_name_the_cluster_the_body_cultivates_not_a_verb(
        meitan: Report, lang: Lang, said: str, not_said: tuple[str, ...]) -> None:
    """The body that cultivates this cluster (4.1, and every record the body answers for) names
    the cluster it cultivates: a hint asks for that value, said as a thing, never “其写明“培育”” /
    “that has “cultivates””, a verb with nothing after it."""
    hints = _every_hint(meitan, lang)
    assert [h for h in hints if said in h]
    assert not [h for h in hints if any(words in h for words in not_said)]


@pytest.mark.parametrize("lang, words", [
    ("zh", "写明“相关责任方”（prov:wasAssociatedWith）由一项“成员关系”（org:Membership）以“成员”"
           "（org:member）指向；"),
    ("en", "with “associated with” (prov:wasAssociatedWith) that a “membership” (org:Membership) "
           "refers to through “member” (org:member); "),
], ids=["zh", "en"])
def test_an_inverse_step_is_said_as_the_record_that_refers_to_the_value(
        meitan: Report, lang: Lang, words: str) -> None:
    """4.2.2: the member who performed the duty is the member of a membership; the membership, with
    the body and the role, is described in a sentence of its own, once for the fulfilment and its
    document alike."""
    hint = _writer(meitan, lang).how_to(load_rulebook().guidance["4.2.2"])
    assert words in hint
    (membership,) = [s for s in _SENTENCE_END.split(hint)
                     if s.startswith({"zh": "该“成员关系”写明", "en": "That “membership” has"}[lang])]
    assert "bcic:IndustryOrganisationRole" in membership and "bcic:CultivationBody" in membership


@pytest.mark.parametrize("lang, limit, longest", [("zh", 590, 260), ("en", 960, 440)])
def test_the_hint_of_4_2_2_is_a_few_short_sentences(meitan: Report, lang: Lang, limit: int,
                                                    longest: int) -> None:
    """It was one sentence of 677 characters (1,028 in English) with brackets three deep. It names
    15 terms, each with the prefixed name people writing the RDF need: with their brackets these
    take about 300 characters, said once each (the 15th: the body must be the one that cultivates
    the cluster, `bcic:cultivates`, about 25 characters more; the 16th: the member must be an
    organisation, `org:Organization`, about 40 more). The rest are words: a sentence for the fulfilment, one for
    the membership, one for the document, and the pointer. The limits leave room for a relabelled
    term, not for the membership said twice again (about 110 characters more) or the names repeated
    at every mention."""
    hint = _writer(meitan, lang, load_rulebook().guidance).how_to(load_rulebook().guidance["4.2.2"])
    sentences = [s for s in _SENTENCE_END.split(hint) if s.strip()]
    assert len(hint) < limit and len(sentences) == 4
    assert max(len(s) for s in sentences) < longest


@pytest.mark.parametrize("lang, said", [
    ("zh", "“成员”（org:member）指向一项“组织”（org:Organization），其写明“名称”（rdfs:label）；"),
    ("en", "“member” (org:member) pointing to an “organisation” (org:Organization) that has "
           "“name” (rdfs:label); "),
], ids=["zh", "en"])
def test_the_hint_of_4_1_asks_for_the_member_organisation_s_name(
        meitan: Report, lang: Lang, said: str) -> None:
    """4.1 「培育主体应明确其成员」: the member organisation is identified by a name in any language
    (shp:NamedOrganisation-name), which the hint says, with no language asked. The body's
    memberships name it (shp:MembershipHasMember asks it of every membership of the body)."""
    guidance = load_rulebook().guidance["4.1"]
    membership = next(a for e in guidance.evidence if e.cls == BCIC.CultivationBody for a in e.asks
                      if a.path == InvPath(ORG.organization) and a.then)
    member = next(a for a in membership.then if a.path == ORG.member)
    assert member.then == (Ask(RDFS.label, AskKind.ANY, ()),)
    assert said in _writer(meitan, lang).how_to(guidance)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_prefixed_name_follows_the_words_at_its_first_mention_only(
        meitan: Report, lang: Lang) -> None:
    """7.2.3 asks three documents alike, each attributed to the body, dated and titled."""
    hint = _writer(meitan, lang).how_to(load_rulebook().guidance["7.2.3"])
    label = {"zh": "“归属方”", "en": "“attributed to”"}[lang]
    assert hint.count(label) == 3 and hint.count("prov:wasAttributedTo") == 1
    assert hint.count("dcterms:date") == 1


@pytest.mark.parametrize("lang, said", [
    ("zh", "写明“优先次序”（bcic:priority）取 xsd:decimal 类型的值。"),
    ("en", "with “priority” (bcic:priority) as xsd:decimal."),
], ids=["zh", "en"])
def test_a_datatype_without_words_of_its_own_is_named_by_its_prefixed_name(
        meitan: Report, lang: Lang, said: str) -> None:
    """Dates, years and whole numbers, the datatypes the shapes ask for, are said in words; a shape
    asking another would still be read, by the datatype's name."""
    guidance = Guidance("9.4.1", "9-4-1", (Evidence(BCIC.ImprovementAction, (
        Ask(BCIC.priority, AskKind.DATATYPE, (XSD_DECIMAL,)),)),))
    assert said in _writer(meitan, lang).how_to(guidance)


@pytest.mark.parametrize("lang, said, once", [
    ("zh", "“所属集群”（bcic:refCluster）指向一项“产业集群”（bcic:IndustrialCluster），并由一项“培育主体”"
           "以“所培育的产业集群”指向它；", "“所属集群”"),
    ("en", "“cluster” (bcic:refCluster) pointing to an “industrial cluster” "
           "(bcic:IndustrialCluster), with a “cultivation body” referring to it through "
           "“cultivated cluster”; ", "“cluster”"),
], ids=["zh", "en"])
def test_the_hint_of_9_2_3_names_the_observations_cluster_once(
        meitan: Report, lang: Lang, said: str, once: str) -> None:
    """An observation names one cluster (shp:Observation-refCluster, sh:maxCount 1), the one the
    body cultivates (shp:ActualObservation-ownCluster): the hint says that cluster once, as what
    it is and what refers to it, not as two conditions on “所属集群”."""
    guidance = load_rulebook().guidance["9.2.3"]
    (cluster,) = [a for a in guidance.asks_of(BCIC.IndicatorObservation)
                  if BCIC.refCluster in (p for p, _inverse in path_properties(a.path))]
    assert (cluster.path, cluster.expected, cluster.single) == (
        BCIC.refCluster, (BCIC.IndustrialCluster,), True)
    assert cluster.then == (Ask(InvPath(BCIC.cultivates), AskKind.CLASS, (BCIC.CultivationBody,)),)
    hint = _writer(meitan, lang).how_to(guidance)
    assert said in hint and hint.count(once) == 1


# A frame shape asking the body along the property 7.4.2's member check walks (7.4.2 names who acts
# and frames no body: docs/model.md, decision 2), for a rulebook that asks both.
BODY_BESIDE_THE_ASSOCIATION = """
shp:QaByBody-7.4.2 a sh:PropertyShape ;
    bcic:checksRequirement req:7.4.2 ;
    sh:targetClass bcic:QualityImprovementProject ;
    sh:path prov:wasAssociatedWith ;
    sh:qualifiedValueShape shp:CultivatingBody ; sh:qualifiedMinCount 1 ;
    sh:severity sh:Violation ;
    sh:message "质量攻关未关联培育主体（7.4.2）"@zh , "The project names no body (7.4.2)"@en .
"""


def test_an_ask_going_on_from_a_property_of_many_values_is_not_folded_into_it(
        tmp_path: Path) -> None:
    """A project asked to name the body and, beside it, a member (prov:wasAssociatedWith has no
    sh:maxCount): the member's membership is not something the body carries, so the two asks
    stay apart. The shipped 7.4.2 asks the member alone."""
    shipped = load_rulebook().guidance["7.4.2"].asks_of(BCIC.QualityImprovementProject)
    assert ((PROV.wasAssociatedWith, False),) not in [path_properties(a.path) for a in shipped]
    both = changed_rulebook(tmp_path, {"shapes/provenance.ttl": (
        ("# 7.4.3 先进管理模式", BODY_BESIDE_THE_ASSOCIATION + "\n# 7.4.3 先进管理模式"),)})
    paths = [path_properties(a.path) for a in both.guidance["7.4.2"].asks_of(BCIC.QualityImprovementProject)]
    assert ((PROV.wasAssociatedWith, False),) in paths
    assert ((PROV.wasAssociatedWith, False), (ORG.member, True)) in paths


@pytest.mark.parametrize("lang, clause, said", [
    ("en", "7.1.2.1", "“period” (bcic:period) as a recurring interval, written as an ISO 8601 "
                      "duration of years, months, weeks or days (such as P1Y, P6M or P1Y6M) or as a "
                      "text starting with one (such as “每年”, “每隔两年”, “annual” or “every two "
                      "years”)"),
    ("zh", "7.1.2.1", "“周期”（bcic:period）为固定的间隔，即含年、月、周或日的 ISO 8601 持续时间（如 P1Y、"
                      "P6M、P1Y6M）或以固定间隔开头的文字（如“每年”“每隔两年”“一年一次”“年度”）"),
    ("en", "9.4.1", "(bcic:priority) as a rank, such as 1, or a ranking word, such as “high”"),
    ("zh", "9.4.1", "（bcic:priority）为名次（如 1）或表示等级的文字（如“高”）"),
    ("en", "5.2.3", "“concentration value” (bcic:concentrationValue) as a number"),
    ("zh", "5.2.3", "“集中度数值”（bcic:concentrationValue）为数字"),
])
def test_a_hint_says_the_form_a_value_takes_where_a_shape_asks_one(
        meitan: Report, lang: Lang, clause: str, said: str) -> None:
    """shp:RecurringPeriod, shp:UsablePriority and shp:Number (shapes/common.ttl) ask a form of
    the value's text, which their labels say; a hint that named only the property left a
    cultivation body to learn the form from the finding after submitting."""
    guidance = load_rulebook().guidance
    assert said in _writer(meitan, lang).how_to(guidance[clause])

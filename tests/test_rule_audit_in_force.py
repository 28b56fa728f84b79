"""Records in force and records kept on record (6.1.1.1, 9.1.1, 9.2.1, 9.2.3), and figures typed as
numbers (5.2.3, 9.2.3): the conformant sample (dehua-ceramics.ttl) changed in two ways, each
validated once, and what the reports say of it in zh and en."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from checker.namespaces import BCIC
from checker.render import render_report
from checker.report import Report, Status

from tests.dehua_variants import DEHUA_NS as EX
from tests.dehua_variants import DEHUA_PREFIXES as PREFIXES
from tests.dehua_variants import dehua_with, text_block

# The system of 2018, replaced in 2021 and kept on record: it lists an indicator the system in force
# dropped (“旧指标”, neither specified nor measured since) and one the system in force lists too
# (“共有指标”, for which the cluster has no specification and no value). A positioning of 2015,
# replaced by the one in force, is kept with none of the parts 6.1.1.1 asks. The concentration
# value is written as text.
KEPT_ON_RECORD = PREFIXES + """
    ex:kpi-system-2018 a bcic:KPISystem ;
        dcterms:title "德化陶瓷产业集群品牌培育关键绩效指标体系（2018版，已废止）"@zh ;
        dcterms:date "2018-05-10"^^xsd:date ;
        prov:wasAttributedTo ex:body ;
        bcic:basedOn ex:strategy ;
        prov:invalidatedAtTime "2021-05-10T00:00:00"^^xsd:dateTime ;
        bcic:includesIndicator ind:MarketShare , ex:indicator-dropped , ex:indicator-kept .
    ex:indicator-dropped a bcic:PerformanceIndicator ; rdfs:label "旧指标"@zh .
    ex:indicator-kept a bcic:PerformanceIndicator ; rdfs:label "共有指标"@zh .
    ex:kpi-system bcic:includesIndicator ex:indicator-kept .
    ex:positioning-2015 a bcic:BrandPositioning ;
        dcterms:title "德化陶瓷集群品牌定位（2015版，已被取代）"@zh ;
        dcterms:date "2015-03-01"^^xsd:date ;
        prov:wasAttributedTo ex:body ;
        prov:invalidatedAtTime "2021-01-18T00:00:00"^^xsd:dateTime ."""

# The system and the positioning in force, each marked superseded with nothing replacing them.
NONE_IN_FORCE = PREFIXES + """
    ex:kpi-system prov:invalidatedAtTime "2024-12-31T00:00:00"^^xsd:dateTime .
    ex:positioning prov:invalidatedAtTime "2024-06-30T00:00:00"^^xsd:dateTime ."""


def _kept_on_record(graph: Graph) -> None:
    graph.parse(data=KEPT_ON_RECORD, format="turtle")
    analysis = URIRef(EX + "agglomeration")
    graph.remove((analysis, BCIC.concentrationValue, None))
    graph.add((analysis, BCIC.concentrationValue, Literal("8.6")))


@pytest.fixture(scope="module")
def kept() -> Report:
    """Dehua with a superseded KPI system and positioning beside those in force."""
    return dehua_with(_kept_on_record)


@pytest.fixture(scope="module")
def none_in_force() -> Report:
    """Dehua whose only KPI system and only positioning are marked superseded."""
    return dehua_with(lambda graph: graph.parse(data=NONE_IN_FORCE, format="turtle"))


@pytest.fixture(scope="module")
def kept_text(kept: Report) -> dict[str, str]:
    """The text report on `kept`, in zh and en."""
    return {lang: render_report(kept, "text", lang) for lang in ("zh", "en")}  # type: ignore[arg-type]


@pytest.mark.parametrize("rid", ["9.2.1", "9.2.3"])
def test_an_indicator_only_a_superseded_kpi_system_lists_is_not_asked_9_2_1_or_9_2_3(
        kept: Report, rid: str) -> None:
    """9.2.1 and 9.2.3 ask a specification and a value of the indicators the body determined and
    keeps: one only the system of 2018 lists is history; one the system in force lists too is
    still asked them."""
    assert kept.outcome(rid).status is Status.NOT_MET
    for lang in ("zh", "en"):
        block = text_block(kept, rid, lang)
        assert "indicator-kept" in block, block
        assert "indicator-dropped" not in block, block


def test_a_superseded_positioning_is_asked_nothing_by_6_1_1_1(kept: Report) -> None:
    """6.1.1.1 「形成产业集群品牌的核心价值」 is asked of the positioning in force; one kept after a
    repositioning (6.1.1.2), marked superseded, is history, as 6.1 reads it."""
    assert kept.outcome("6.1.1.1").status is Status.MANUAL_REVIEW
    assert kept.outcome("6.1").status is Status.MANUAL_REVIEW


def test_a_concentration_value_written_as_text_fails_5_2_3_and_says_how_to_write_it(
        kept: Report, kept_text: dict[str, str]) -> None:
    """5.2.3 「测度产业集聚水平」: the value measured is a number of an XSD numeric datatype, as 9.2.3's
    values are (decision 23); "8.6" in quotes is text, said to be a number written as text."""
    assert kept.outcome("5.2.3").status is Status.NOT_MET
    zh, en = text_block(kept, "5.2.3", "zh"), text_block(kept, "5.2.3", "en")
    assert "“集中度数值”的取值“8.6”是以文本写出的数字：应写为数字，Turtle 中不加引号写作 8.6" in zh, zh
    assert "its “concentration value” “8.6” is a number written as text: write it as a number, 8.6 " \
           "without quotes in Turtle" in en, en
    assert "bcic:concentrationValue" in en


def test_the_9_2_1_hint_names_the_specified_indicator_once(kept_text: dict[str, str]) -> None:
    """9.2.1 「明确关键绩效指标相应的…」: the specification names each indicator a KPI system includes,
    said once, not once as what it points to and again as what a system refers to."""
    zh = kept_text["zh"].split("✘ 9.2.1 ", 1)[1].split("→ 如何满足：", 1)[1].split("\n✘", 1)[0]
    en = kept_text["en"].split("✘ 9.2.1 ", 1)[1].split("→ ", 1)[1].split("\n✘", 1)[0]
    assert zh.count("“所规范的指标”") == 1, zh
    assert "“所规范的指标”（bcic:specifiesIndicator）指向“包含指标”（bcic:includesIndicator）所指的" \
           "每一项，并由一项“关键绩效指标体系”（bcic:KPISystem）以“包含指标”指向它" in "".join(zh.split()), zh
    assert en.count("“specifies indicator”") == 1, en


def test_the_9_2_3_hint_asks_a_typed_number(kept_text: dict[str, str]) -> None:
    """9.2.3: the hint says what the finding on "35.2" written as text says, before it is made: a
    number typed as one, in Turtle and in JSON-LD (decision 23)."""
    zh = "".join(kept_text["zh"].split("✘ 9.2.3 ", 1)[1].split("\n✘", 1)[0].split())
    en = " ".join(kept_text["en"].split("✘ 9.2.3 ", 1)[1].split("\n✘", 1)[0].split())
    assert "并标明数字类型（Turtle中不加引号写作35.2；JSON-LD中写作JSON数字35.2或{\"@value\":\"35.2\"," \
           "\"@type\":\"http://www.w3.org/2001/XMLSchema#decimal\"}；加引号的\"35.2\"是文本）" in zh, zh
    assert "typed as one (35.2 without quotes in Turtle; in JSON-LD the JSON number 35.2 or " \
           "{\"@value\": \"35.2\", \"@type\": \"http://www.w3.org/2001/XMLSchema#decimal\"}; " in en, en
    assert "\"35.2\" in quotes is text)" in en


def test_a_kpi_system_superseded_alone_is_said_to_be_superseded_under_9_1_1(
        none_in_force: Report) -> None:
    """9.1.1 「确定关键绩效指标」: with the only system marked superseded none is in force, and the
    finding says since when, not only that none is found."""
    assert none_in_force.outcome("9.1.1").status is Status.NOT_MET
    zh, en = text_block(none_in_force, "9.1.1", "zh"), text_block(none_in_force, "9.1.1", "en")
    assert "未见本集群现行的关键绩效指标体系（9.1.1）" in zh
    assert "（…/kpi-system）：自“2024-12-31T00:00:00”起已被取代（“失效时间”），不是现行的" in zh, zh
    assert "No key performance indicator system of this cluster in force in the submission (9.1.1)" in en
    assert "(…/kpi-system): it is superseded since “2024-12-31T00:00:00” (its “invalidated at”), " \
           "not in force" in en, en


def test_a_positioning_superseded_alone_fails_6_1_1_1_saying_why(none_in_force: Report) -> None:
    """6.1.1.1: with the only positioning marked superseded none is in force: not met, the finding
    says so and since when; the superseded one is not asked its parts."""
    assert none_in_force.outcome("6.1.1.1").status is Status.NOT_MET
    zh, en = text_block(none_in_force, "6.1.1.1", "zh"), text_block(none_in_force, "6.1.1.1", "en")
    assert "未见本集群现行的品牌定位（6.1.1.1）" in zh
    assert "（…/positioning）：自“2024-06-30T00:00:00”起已被取代（“失效时间”），不是现行的" in zh, zh
    assert "No brand positioning of this cluster in force in the submission (6.1.1.1)" in en
    assert "it is superseded since “2024-06-30T00:00:00”" in en
    assert "未形成核心价值" not in zh and "states no core value" not in en

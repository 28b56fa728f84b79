"""Findings and hints name the right things, in the standard's order, on the conformant sample
changed as a real submission might be: 9.2.1's and 9.2.3's findings name the indicator a record
names by its label and its 9.1.4 code; a hint lists the values the ontology names for a class in
the order the standard lists them (4.3.2, 5.2.1), and says "either A or B" (of two) or "one of"
where the standard's list is closed and offers a choice (7.1.2.1 「设立集群品牌创新基金或培育专项基金」),
"such as" where it is open (5.2.1 「如」), "each of" where it asks for all its items (4.3.2's four
means)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, Graph, URIRef

from checker.namespaces import BCIC, IND
from checker.render import render_report
from checker.report import Report, Status
from checker.validation import validate_files
from tests.dehua_changes import EX, dehua, without

KPI_SYSTEM = URIRef(EX + "kpi-system")


def _validated(data: Graph, folder: Path) -> Report:
    """The report on `data` written as a submission file (so findings name records' places)."""
    path = folder / "dehua.ttl"
    data.serialize(path, format="turtle")
    return validate_files([path])


def _texts(report: Report) -> tuple[str, str, dict[str, Any]]:
    """The zh and en text reports and the en JSON report."""
    zh, en = (render_report(report, "text", lang) for lang in ("zh", "en"))
    return zh, en, json.loads(render_report(report, "json", "en"))


def _requirement(document: dict[str, Any], rid: str) -> dict[str, Any]:
    return next(r for r in document["requirements"] if r["id"] == rid)


def _only(data: Graph, cls: URIRef, kept: URIRef, along: URIRef) -> Graph:
    """`data` with every record of `cls` removed but those naming `kept` along `along`, and no
    KPI system including `kept`."""
    for record in set(data.subjects(RDF.type, cls)):
        if (record, along, kept) not in data:
            data.remove((record, None, None))
    data.remove((KPI_SYSTEM, BCIC.includesIndicator, kept))
    return data


@pytest.fixture(scope="module")
def unincluded_specification(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """(a) One measurement specification, of a.1.1 区位优势, which no KPI system includes."""
    data = _only(dehua(), BCIC.MeasurementSpecification, IND.LocationAdvantage,
                 BCIC.specifiesIndicator)
    return _validated(data, tmp_path_factory.mktemp("spec"))


@pytest.fixture(scope="module")
def unincluded_observations(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """(b) Observations of a.1.1 区位优势 only, which no KPI system includes."""
    data = _only(dehua(), BCIC.IndicatorObservation, IND.LocationAdvantage, BCIC.indicator)
    return _validated(data, tmp_path_factory.mktemp("obs"))


@pytest.mark.parametrize(("fixture", "clause", "record", "zh_property", "en_property"), [
    ("unincluded_specification", "9.2.1", "spec-LocationAdvantage", "所规范的指标",
     "specifies indicator"),
    ("unincluded_observations", "9.2.3", "obs-LocationAdvantage-2020-actual", "指标", "indicator"),
], ids=["9.2.1", "9.2.3"])
def test_a_record_of_an_indicator_no_kpi_system_includes_names_that_indicator_and_its_code(
        request: pytest.FixtureRequest, fixture: str, clause: str, record: str,
        zh_property: str, en_property: str) -> None:
    """9.2.1 「明确关键绩效指标相应的信息内涵……」, 9.2.3 「根据确定的关键绩效指标……」: the record that
    came closest is named with its place, and so is the indicator it names (label and 9.1.4
    code), which no KPI system includes."""
    report: Report = request.getfixturevalue(fixture)
    assert report.outcome(clause).status is Status.NOT_MET
    zh, en, document = _texts(report)
    [node] = [n for f in _requirement(document, clause)["findings"] for n in f["nodes"]
              if n["node"] == EX + record]
    place = f"{node['place']['file']}:{node['place']['line']}"
    assert place.endswith(".ttl:" + str(node["place"]["line"]))
    assert (f"{place}）：“{zh_property}”为“区位优势”（a.1.1）；没有“关键绩效指标体系”以“包含指标”"
            "指向它") in zh
    # Named by its label (a Chinese one in English too, decision 14) with its IRI, else by its IRI.
    named = f"…/{record} ({place})" if node["name"] == f"…/{record}" \
        else f"{node['name']} (…/{record}, {place})"
    assert (f"{named}: its “{en_property}” is “location advantage” (a.1.1); no "
            "“key performance indicator system” refers to it through “includes indicator”") in en
    [lack] = node["lacks"]
    assert "“location advantage” (a.1.1)" in lack["text"]
    [indicator] = lack["closest"]
    assert (indicator["node"], indicator["name"], indicator["code"]) == (
        str(IND.LocationAdvantage), "location advantage", "a.1.1")


def test_the_indicators_no_specification_is_of_are_named_with_their_codes(
        unincluded_specification: Report) -> None:
    """9.2.1: the indicators of the KPI system with no specification at all, each with its code,
    in 9.1.4's order."""
    zh, en, document = _texts(unincluded_specification)
    assert "提交材料中没有“所规范的指标”为“历史积淀”（a.1.2）、“文化传承”（a.1.3）、" in zh
    assert ("The submission has no record whose “specifies indicator” is “historical heritage” "
            "(a.1.2), “cultural inheritance” (a.1.3), ") in en
    missing = [m for f in _requirement(document, "9.2.1")["findings"] for m in f["missing"]]
    assert [m["about_code"] for m in missing[:3]] == ["a.1.2", "a.1.3", "a.1.4"]


@pytest.fixture(scope="module")
def incomplete_records(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """a.1.2's specification lacks its information content; c.1.3's values are all targets."""
    data = without("spec-HistoricalHeritage", BCIC.informationContent)
    for observation in set(data.subjects(BCIC.indicator, IND.ExportRate)):
        data.set((observation, BCIC.valueKind, BCIC.TargetValue))
    return _validated(data, tmp_path_factory.mktemp("incomplete"))


@pytest.mark.parametrize(("clause", "zh", "en", "code"), [
    ("9.2.1", "有记录以“所规范的指标”指向“历史积淀”（a.1.2），但均不符合要求。",
     "Records refer to “historical heritage” (a.1.2) through “specifies indicator”, but none of "
     "them meets the requirement.", "a.1.2"),
    ("9.2.3", "有记录以“指标”指向“出口率”（c.1.3），但均不符合要求。",
     "Records refer to “export rate” (c.1.3) through “indicator”, but none of them meets the "
     "requirement.", "c.1.3"),
], ids=["9.2.1", "9.2.3"])
def test_an_indicator_whose_records_fall_short_is_named(
        incomplete_records: Report, clause: str, zh: str, en: str, code: str) -> None:
    """9.2.1, 9.2.3: where an indicator the KPI system includes has records that came close, the
    finding says which indicator they are of, not only what the records lack, and that records
    of it exist (a tester read "no record refers to" above the very record that does)."""
    zh_text, en_text, document = _texts(incomplete_records)
    assert zh in zh_text and en in en_text
    [finding] = _requirement(document, clause)["findings"]
    assert en in finding["missing_text"]
    assert [u["about_code"] for u in finding["unmet"]] == [code]


@pytest.fixture(scope="module")
def hints(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """4.3.2's practice covers no kind, 5.2.1's analysis names no drive mode, 7.1.2.1's fund no
    kind."""
    data = dehua()
    for local, prop in (("synergy", BCIC.covers), ("vc-drive", BCIC.driveMode),
                        ("brand-fund", BCIC.covers)):
        data.remove((URIRef(EX + local), prop, None))
    return _validated(data, tmp_path_factory.mktemp("hints"))


def _hint(text: str, clause: str, lang: str) -> str:
    label = {"zh": "→ 如何满足：", "en": "→ How to meet it: "}[lang]
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith(
        ("✘ ", "? ")) and line.split()[1] == clause)
    return next(line for line in lines[start:] if label in line)


def _json_hint(report: Report, clause: str, lang: str) -> str:
    """The hint of a clause in the JSON report in `lang`."""
    document = json.loads(render_report(report, "json", lang))
    return str(_requirement(document, clause)["guidance"]["text"])


def _asks(document: dict[str, Any], clause: str, cls: URIRef) -> list[dict[str, Any]]:
    """The JSON asks of a requirement's guidance whose value is of `cls`."""
    asks = document["guidance_asks"]
    named = [i for e in _requirement(document, clause)["guidance"]["evidence"] for i in e["asks"]]
    return [asks[i] for i in named if asks[i]["expected"] == [str(cls)]]


def test_a_hint_asks_each_of_4_3_2s_four_means_in_its_order(hints: Report) -> None:
    """4.3.2 「借助有效的整合手段，合理规范品牌各要素间、各环节间的关系，强化各成员之间的相互协作」: the
    four means in the order the clause names them, each asked (things the members all do, not
    alternatives), none other."""
    zh, en, document = _texts(hints)
    assert ("“涵盖”（bcic:covers）为“有效的整合手段”（bcic:IntegrationMeans）、“规范品牌各要素间的关系”"
            "（bcic:ElementRelationOrdering）、“规范各环节间的关系”（bcic:StageRelationOrdering）和"
            "“强化成员间相互协作”（bcic:MemberCooperation），缺一不可") in _hint(zh, "4.3.2", "zh")
    assert ("“covers” (bcic:covers) set to each of “effective means of integration” "
            "(bcic:IntegrationMeans), “ordering relations between brand elements” "
            "(bcic:ElementRelationOrdering), “ordering relations between stages” "
            "(bcic:StageRelationOrdering) and “strengthening cooperation between members” "
            "(bcic:MemberCooperation)") in _hint(en, "4.3.2", "en")
    asks = document["guidance_asks"]
    [ask] = [asks[i] for e in _requirement(document, "4.3.2")["guidance"]["evidence"]
             for i in e["asks"] if asks[i]["path"] == "bcic:covers"]
    assert ask["expected"] == [str(BCIC[n]) for n in ("IntegrationMeans", "ElementRelationOrdering",
                                                      "StageRelationOrdering", "MemberCooperation")]


def test_a_hint_lists_5_2_1s_drive_modes_in_its_order_as_examples(hints: Report) -> None:
    """5.2.1 「如，购买者驱动型、生产者驱动型或混合型」: examples (如), in the clause's order."""
    zh, en, document = _texts(hints)
    assert ("指向一项“全球价值链驱动模式”（bcic:DriveMode），如“购买者驱动型”（bcic:BuyerDriven）、"
            "“生产者驱动型”（bcic:ProducerDriven）或“混合型”（bcic:HybridDriven）") in _hint(
                zh, "5.2.1", "zh")
    assert ("pointing to a “value-chain drive mode” (bcic:DriveMode) such as “buyer-driven” "
            "(bcic:BuyerDriven), “producer-driven” (bcic:ProducerDriven) or “hybrid” "
            "(bcic:HybridDriven)") in _hint(en, "5.2.1", "en")
    [ask] = _asks(document, "5.2.1", BCIC.DriveMode)
    assert ask["known"] == [str(BCIC[n]) for n in ("BuyerDriven", "ProducerDriven", "HybridDriven")]
    assert ask["closed"] is False


def test_a_hint_gives_7_1_2_1s_two_kinds_of_fund_as_the_only_ones(hints: Report) -> None:
    """7.1.2.1 「设立集群品牌创新基金或培育专项基金」 names exactly two kinds of fund: "either A or B"
    (A或B), not "one of A and B" (A和B之一) nor "such as" (如), in the text and JSON reports."""
    zh, en, document = _texts(hints)
    zh_said = ("“涵盖”（bcic:covers）指向一项“基金类别”（bcic:FundKind），为“集群品牌创新基金”"
               "（bcic:InnovationFund）或“培育专项基金”（bcic:SpecialCultivationFund）")
    en_said = ("“covers” (bcic:covers) pointing to a “kind of fund” (bcic:FundKind), either "
               "“cluster brand innovation fund” (bcic:InnovationFund) or “dedicated cultivation "
               "fund” (bcic:SpecialCultivationFund)")
    for zh_hint, en_hint in ((_hint(zh, "7.1.2.1", "zh"), _hint(en, "7.1.2.1", "en")),
                             (_json_hint(hints, "7.1.2.1", "zh"),
                              _requirement(document, "7.1.2.1")["guidance"]["text"])):
        assert zh_said in zh_hint and en_said in en_hint
        assert "（bcic:SpecialCultivationFund）之一" not in zh_hint and "one of" not in en_hint
        assert "如“集群品牌创新基金”" not in zh_hint and "such as “cluster brand" not in en_hint
    [ask] = _asks(document, "7.1.2.1", BCIC.FundKind)
    assert ask["closed"] is True


@pytest.fixture(scope="module")
def parts_missing(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """5.2.4's overseas buyers state no need; 8.3.4 —2's quality crisis source no monitoring
    mode."""
    data = dehua()
    data.remove((URIRef(EX + "sh-overseas-buyers"), BCIC.need, None))
    data.remove((URIRef(EX + "crisis-quality"), BCIC.monitoringMode, None))
    return _validated(data, tmp_path_factory.mktemp("parts"))


@pytest.mark.parametrize(("rid", "notation", "parts"), [
    ("5.2.4", "5.2.4", ("bcic:need", "bcic:expectation")),  # 「明确其需求和期望」
    # 「明确各类品牌危机来源、涉及的相关方，建立有效品牌危机监控模式」
    ("8.3.4-2", "8.3.4 —2", ("bcic:involvedParty", "bcic:monitoringMode")),
], ids=["5.2.4", "8.3.4-2"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_hint_names_the_parts_of_a_record_in_the_clauses_order(
        parts_missing: Report, rid: str, notation: str, parts: tuple[str, ...], lang: str) -> None:
    """What the clause asks a record to state, in the order it names them (the property shapes'
    sh:order), not in the order of their shapes' IRIs: in the text and JSON reports."""
    assert parts_missing.outcome(rid).status is Status.NOT_MET
    text = render_report(parts_missing, "text", lang)
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"  ✘ {notation} "))
    label = {"zh": "→ 如何满足：", "en": "→ How to meet it: "}[lang]
    said = next(line for line in lines[start:] if label in line)
    document = json.loads(render_report(parts_missing, "json", lang))
    form = {"zh": "（{}）", "en": " ({})"}[lang]
    for hint in (said, _requirement(document, rid)["guidance"]["text"]):
        places = [hint.find(form.format(part)) for part in parts]
        assert -1 not in places and places == sorted(places), (hint, places)

"""Which language tags name a submission's records in a report (docs/model.md, decision 14): BCP 47
tags compare without case, and a Chinese tag with a region or script (zh-CN, zh-Hans, zh-Hant)
names a record in a zh report, an English one (en-US, en-GB) in an en report, a plain `zh` or
`en` label first; in text, HTML and JSON, fresh and read back."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from checker.ingest import ingest_submission
from checker.labels import labels_of
from checker.loading import SubmissionFile
from checker.render import render_report
from checker.report_reader import read_report
from checker.store import open_store
from checker.validation import validate_submission

NODE = URIRef("https://example.org/c/body")


def _labelled(*labels: Literal) -> Graph:
    graph = Graph()
    for label in labels:
        graph.add((NODE, RDFS.label, label))
    return graph


@pytest.mark.parametrize("tag, lang", [("zh-CN", "zh"), ("zh-Hans", "zh"), ("ZH-hant", "zh"),
                                       ("ZH", "zh"), ("en-US", "en"), ("EN-gb", "en")])
def test_a_tag_with_a_region_or_script_names_a_record_in_its_language(tag: str, lang: str) -> None:
    assert labels_of(_labelled(Literal("办公室", lang=tag)), NODE) == {lang: "办公室"}


def test_a_plain_zh_label_comes_before_one_with_a_region() -> None:
    graph = _labelled(Literal("简体", lang="zh-Hans"), Literal("中文", lang="zh"),
                      Literal("大陆", lang="zh-CN"))
    assert labels_of(graph, NODE)["zh"] == "中文"


def test_a_tag_of_no_language_of_bcic_keeps_its_own_in_lower_case() -> None:
    """`CN` names no language (China's code is no language's): filed under `cn`, as BCP 47
    compares tags without case, it names no record in zh."""
    assert labels_of(_labelled(Literal("醴陵", lang="CN")), NODE) == {"cn": "醴陵"}


TEXT = """@prefix ex: <https://example.org/c/> .
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:cluster a bcic:IndustrialCluster ; rdfs:label "醴陵陶瓷产业集群"@zh-CN , "Liling ceramics"@en-US .
ex:body a bcic:CultivationBody ; bcic:cultivates ex:cluster ;
    rdfs:label "培育办公室"@zh-Hans , "Cultivation office"@EN-GB .
"""


def test_a_report_names_records_by_labels_with_a_region_or_script() -> None:
    """4.1: the body lacking members is named 培育办公室 in zh, Cultivation office in en (it was
    named by its IRI); the cluster's header likewise, in text, HTML and JSON, and read back."""
    files = [SubmissionFile("t.ttl", TEXT.encode())]
    report = validate_submission(files, processes=1)
    store = open_store("oxigraph")
    info, _fresh = ingest_submission(store, files, submitter="tests")
    for shown in (report, read_report(store, info.cluster, info.number)):
        zh, en = render_report(shown, "text", "zh"), render_report(shown, "text", "en")
        assert "培育办公室（…/body，t.ttl:5）：没有“成员关系”" in zh, zh
        assert "Cultivation office (…/body, t.ttl:5): " in en, en
        assert "产业集群    醴陵陶瓷产业集群" in zh and "Liling ceramics" in en.split("\n")[2]
        assert "培育办公室" in render_report(shown, "html", "zh")
        names = [n["name"] for r in json.loads(render_report(shown, "json", "en"))["requirements"]
                 for f in r["findings"] for n in f["nodes"]]
        assert "Cultivation office" in names


CN = """@prefix ex: <https://example.org/c/> .
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:cluster a bcic:IndustrialCluster ; rdfs:label "醴陵陶瓷产业集群"@cn , "Liling ceramics"@EN .
ex:body a bcic:CultivationBody ; bcic:cultivates ex:cluster ; rdfs:label "培育办公室"@CN .
"""
CN_ZH = "有 2 条文本标为 @cn，它不是报告所读的语言标记：是否应为 @zh？这样标记的名称只在记录没有其他名称时才用来称呼它。"
CN_EN = ("2 text(s) are tagged @cn, which names no language the reports read: did you mean @zh? "
         "A label so tagged names its record only where it has no other.")


def test_a_country_code_as_a_language_tag_is_a_note_fresh_and_read_back() -> None:
    """`@cn` (China's code, no language's) is noted with the tag meant, @zh, in text, HTML, JSON
    and the Turtle report, zh and en, and read back; a note changes no status (decision 15)."""
    files = [SubmissionFile("t.ttl", CN.encode())]
    report = validate_submission(files, processes=1)
    store = open_store("oxigraph")
    info, _fresh = ingest_submission(store, files, submitter="tests")
    back = read_report(store, info.cluster, info.number)
    assert back.term_notes.tags == report.term_notes.tags and report.term_notes.tags
    for shown in (report, back):
        zh = render_report(shown, "text", "zh")
        assert "语言标记\n  · " + CN_ZH[:30] in zh, zh
        assert CN_EN[:60] in render_report(shown, "text", "en").replace("\n    ", " ")
        assert CN_ZH in render_report(shown, "html", "zh")
        assert json.loads(render_report(shown, "json", "en"))["language_tags"] == [
            {"written": "cn", "meant": "zh", "statements": 2, "message": CN_EN}]
        assert CN_EN in render_report(shown, "ttl", "en")
    plain = validate_submission([SubmissionFile("t.ttl", CN.replace("@cn", "@zh")
                                                .replace("@CN", "@zh-CN").encode())], processes=1)
    assert plain.term_notes.tags == ()
    assert [o.status for o in plain.outcomes] == [o.status for o in report.outcomes]


ZH_ONLY = """@prefix ex: <https://example.org/c/> .
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:cluster a bcic:IndustrialCluster ; rdfs:label "醴陵陶瓷产业集群"@zh .
ex:body a bcic:CultivationBody ; bcic:cultivates ex:cluster ; rdfs:label "培育办公室"@zh .
"""


def test_a_record_labelled_only_in_zh_is_named_by_that_label_in_an_en_report_under_decision_14() -> None:
    """4.1: the body labelled only in Chinese is named 培育办公室 in an English report, the other
    language's label before its IRI (docs/evidence.md's frame), in text, HTML and JSON, fresh and
    read back."""
    files = [SubmissionFile("t.ttl", ZH_ONLY.encode())]
    report = validate_submission(files, processes=1)
    store = open_store("oxigraph")
    info, _fresh = ingest_submission(store, files, submitter="tests")
    for shown in (report, read_report(store, info.cluster, info.number)):
        en = render_report(shown, "text", "en")
        assert "培育办公室 (…/body, t.ttl:5): " in en, en
        assert "培育办公室" in render_report(shown, "html", "en")
        nodes = [n for r in json.loads(render_report(shown, "json", "en"))["requirements"]
                 for f in r["findings"] for n in f["nodes"]]
        assert {"培育办公室"} == {n["name"] for n in nodes if n["node"].endswith("/body")}, nodes

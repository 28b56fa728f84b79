"""A text written where a record is asked (checker/render/findings_view.py): the finding says a
text was given, not a record, and how to refer to one (an IRI in Turtle, {"@id": …} in JSON-LD),
with the file and line of the text, in zh and en; it does not hold the text against what a
record of that kind lacks (9.1.1: a KPI system based on 「德化陶瓷品牌培育战略」, attributed to
"ex:body" in JSON-LD)."""

from __future__ import annotations

import json

import pytest

from checker.ingest import ingest_submission
from checker.loading import SubmissionFile
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.report import Report, Status
from checker.report_reader import read_report
from checker.store import open_store
from checker.validation import validate_submission
from tests.liling_submission import LILING_HEAD

DEHUA = (EXAMPLES_DIR / "dehua-ceramics.ttl").read_text(encoding="utf-8")
# The KPI system's description (9.1.1), its last line, and what follows it.
KPI = DEHUA[DEHUA.index("ex:kpi-system a bcic:KPISystem ;"):DEHUA.index("ex:kpi-monitoring a ")]
BASED_ON = "    bcic:basedOn ex:strategy .\n"
KPI_JSONLD = """{
  "@context": {"ex": "https://example.org/cluster/dehua/",
               "bcic": "https://w3id.org/bcic/ontology#", "prov": "http://www.w3.org/ns/prov#", "dcterms": "http://purl.org/dc/terms/",
               "xsd": "http://www.w3.org/2001/XMLSchema#"},
  "@id": "ex:kpi-system", "@type": "bcic:KPISystem",
  "dcterms:title": {"@value": "德化陶瓷产业集群品牌培育关键绩效指标体系", "@language": "zh"},
  "dcterms:date": {"@value": "2021-05-10", "@type": "xsd:date"},
  "prov:wasAttributedTo": "ex:body",
  "bcic:basedOn": {"@id": "ex:strategy"}
}
"""


def _block(report: Report, lang: str) -> str:
    """The text report's lines under 9.1.1, up to its hint."""
    shown = render_report(report, "text", lang)  # type: ignore[arg-type]
    start = shown.index("✘ 9.1.1 ")
    return shown[start:shown.index("→", start)]


def test_a_title_where_the_strategy_is_asked_is_said_to_be_text_with_how_to_refer() -> None:
    assert KPI.endswith(BASED_ON + "\n")
    text = DEHUA.replace(KPI, KPI.replace(BASED_ON, '    bcic:basedOn "德化陶瓷品牌培育战略" .\n'))
    line = next(n for n, row in enumerate(text.split("\n"), 1) if "德化陶瓷品牌培育战略\" ." in row)
    report = validate_submission([SubmissionFile("dehua.ttl", text.encode())], processes=1)
    assert report.outcome("9.1.1").status is Status.NOT_MET
    zh, en = _block(report, "zh"), _block(report, "en")
    assert ("“依据”的取值“德化陶瓷品牌培育战略”（给出的是文本）不是记录，应指向一项“产业集群品牌培育战略”："
            "以 IRI 指向该记录，格式如 Turtle 中的 ex:record、JSON-LD 中的 {\"@id\": \"ex:record\"}"
            f"（仅为示例）（写于 dehua.ttl:{line}）") in zh, zh
    assert ("its “based on” “德化陶瓷品牌培育战略” (given as text) is not a record: name a "
            "“cluster brand cultivation strategy” by its IRI, as in ex:record in Turtle, "
            "{\"@id\": \"ex:record\"} in JSON-LD (an example)"
            f" (written at dehua.ttl:{line})") in en, en
    # Not held against what a strategy lacks, as if the text were one.
    assert "不是“产业集群品牌培育战略”" not in zh and "缺少属于“培育主体”的“归属方”" not in zh
    assert "is not a “cluster brand cultivation strategy”" not in en


def test_the_place_of_a_text_where_a_record_is_asked_is_said_once() -> None:
    """9.1.1: the KPI system (dehua.ttl:532) based on a title (dehua.ttl:536) is named without
    its own line, which said the file a second time; the text's line is said, in the text and
    HTML reports alike. Written in another file than the record, the text keeps both places."""
    text = DEHUA.replace(KPI, KPI.replace(BASED_ON, '    bcic:basedOn "德化陶瓷品牌培育战略" .\n'))
    rows = text.split("\n")
    described = rows.index("ex:kpi-system a bcic:KPISystem ;") + 1
    line = next(n for n, row in enumerate(rows, 1) if "德化陶瓷品牌培育战略\" ." in row)
    assert described != line
    report = validate_submission([SubmissionFile("dehua.ttl", text.encode())], processes=1)
    zh, en = _block(report, "zh"), _block(report, "en")
    assert ("德化陶瓷产业集群品牌培育关键绩效指标体系（…/kpi-system）：“依据”的取值") in zh, zh
    assert "德化陶瓷产业集群品牌培育关键绩效指标体系 (…/kpi-system): its “based on”" in en, en
    for block in (zh, en):
        assert f"dehua.ttl:{line}" in block and f"dehua.ttl:{described}" not in block, block
    html = render_report(report, "html", "zh")
    start = html.index("德化陶瓷品牌培育战略”（给出的是文本）")
    assert f'<small class="place">dehua.ttl:{described}</small>' not in html[start - 2000:start]
    assert f"（写于 dehua.ttl:{line}）" in html[start:start + 2000]
    # The text written in another file than its record: each place says something the other
    # does not, and both are said.
    turtle = DEHUA.replace(BASED_ON, "    .\n")
    assert turtle != DEHUA
    added = ("@prefix ex: <https://example.org/cluster/dehua/> .\n"
             "@prefix bcic: <https://w3id.org/bcic/ontology#> .\n\n"
             'ex:kpi-system bcic:basedOn "德化陶瓷品牌培育战略" .\n')
    described = turtle.split("\n").index("ex:kpi-system a bcic:KPISystem ;") + 1
    report = validate_submission([SubmissionFile("dehua.ttl", turtle.encode()),
                                  SubmissionFile("b.ttl", added.encode())], processes=1)
    assert f"（…/kpi-system，dehua.ttl:{described}）" in _block(report, "zh")
    en = _block(report, "en")
    assert f"(…/kpi-system, dehua.ttl:{described})" in en and "(written at b.ttl:4)" in en, en


def test_a_name_given_as_text_in_json_ld_is_shown_written_as_a_reference() -> None:
    """JSON-LD `"prov:wasAttributedTo": "ex:body"` is a text, not the body: the line says to
    write {"@id": "ex:body"} (ex:body in Turtle), where the text is written, and not that the
    body is no cultivation body."""
    turtle = DEHUA.replace(KPI, "")
    line = next(n for n, row in enumerate(KPI_JSONLD.split("\n"), 1) if "wasAttributedTo" in row)
    report = validate_submission([SubmissionFile("dehua.ttl", turtle.encode()),
                                  SubmissionFile("kpi.jsonld", KPI_JSONLD.encode())], processes=1)
    zh, en = _block(report, "zh"), _block(report, "en")
    assert ("“归属方”的取值“ex:body”（给出的是文本）不是记录，应指向一项“培育主体”：Turtle 中写作 ex:body，"
            f"JSON-LD 中写作 {{\"@id\": \"ex:body\"}}（写于 kpi.jsonld:{line}）") in zh, zh
    assert ("its “attributed to” “ex:body” (given as text) is not a record: name a “cultivation "
            "body” by its IRI, ex:body in Turtle, {\"@id\": \"ex:body\"} in JSON-LD"
            f" (written at kpi.jsonld:{line})") in en, en
    assert "不是“培育主体”" not in zh and "缺少“所培育的产业集群”" not in zh
    document = json.loads(render_report(report, "json", "en"))
    (requirement,) = [r for r in document["requirements"] if r["id"] == "9.1.1"]
    places = [lack["place"] for f in requirement["findings"] for n in f["nodes"]
              for lack in n["lacks"] if lack["place"] is not None]
    assert places == [{"file": "kpi.jsonld", "line": line,
                       "column": KPI_JSONLD.split("\n")[line - 1].index('"ex:body"') + 1}]


def test_a_member_given_as_text_is_not_also_said_to_lack_a_name() -> None:
    """4.1: `org:member "ex:gov-county"` is a text, not the organisation: the finding says so,
    and does not hold the text against what an organisation lacks (its name, shp:NamedOrganisation),
    as if it were one (docs/model.md decision 15)."""
    member = "org:member ex:gov-county ;"
    assert DEHUA.count(member) == 1
    text = DEHUA.replace(member, 'org:member "ex:gov-county" ;')
    report = validate_submission([SubmissionFile("dehua.ttl", text.encode())], processes=1)
    assert report.outcome("4.1").status is Status.NOT_MET
    for lang, given, lacks in (("zh", "“成员”的取值“ex:gov-county”（给出的是文本）不是记录", "缺少“名称”"),
                               ("en", "its “member” “ex:gov-county” (given as text) is not a record",
                                "lacks “name”")):
        shown = render_report(report, "text", lang)  # type: ignore[arg-type]
        start = shown.index("✘ 4.1 ")
        block = shown[start:shown.index("→", start)]
        assert given in block, block
        assert lacks not in block, block


def test_a_text_given_beside_a_record_is_said_too_9_4_1() -> None:
    """9.4.1: `bcic:basedOn "2024年绩效评价" , ex:eval-missing`: the record that is no evaluation
    was said, the text dropped without a word; both are said, the text as text, zh and en."""
    based = "    bcic:basedOn ex:performance-evaluation ;\n    bcic:priority 1 ;"
    assert DEHUA.count(based) == 1
    text = DEHUA.replace(based, '    bcic:basedOn "2024年绩效评价" , ex:eval-missing ;\n'
                                "    bcic:priority 1 ;")
    report = validate_submission([SubmissionFile("dehua.ttl", text.encode())], processes=1)
    assert report.outcome("9.4.1").status is Status.NOT_MET
    for lang, record, said in (
            ("zh", "…/eval-missing", "：是文本，不是记录，应指向一项“绩效分析与评价”"),
            ("en", "…/eval-missing", ": is text, not a record: name a “performance analysis and "
                                    "evaluation” by its IRI")):
        shown = render_report(report, "text", lang)  # type: ignore[arg-type]
        start = shown.index("✘ 9.4.1 ")
        block = shown[start:shown.index("→", start)]
        assert record in block, block
        assert "2024年绩效评价" in block and said in block, block


# 8.3.4 —2: a crisis source (a blank node) naming its party as a text, where an agent or a
# stakeholder is asked (shp:Party: one or the other).
PARTY = LILING_HEAD + """ex:crisis a bcic:CrisisManagementMechanism ;
    dcterms:title "机制"@zh ; dcterms:date "2024-05-01"^^xsd:date ; prov:wasAttributedTo ex:body ;
    bcic:hasCrisisSource [ a bcic:CrisisSource ;
        bcic:involvedParty "消费者" ; bcic:monitoringMode "舆情监测"@zh ] .
"""


def test_a_party_given_as_text_is_said_to_be_text_with_how_to_refer_and_where() -> None:
    """8.3.4 —2: "消费者" where an agent or a stakeholder is asked is said to be a text, not a
    record, with how to refer to one and the line it is written on, in zh and en, text, HTML
    and JSON (it was only "is not an agent … or a stakeholder", placed in JSON alone)."""
    line = next(n for n, row in enumerate(PARTY.split("\n"), 1) if '"消费者"' in row)
    report = validate_submission([SubmissionFile("t.ttl", PARTY.encode())], processes=1)
    zh, en = (render_report(report, "text", lang) for lang in ("zh", "en"))
    assert ("“涉及的相关方”的取值“消费者”（给出的是文本）不是记录，应指向一项“组织等主体或相关方”："
            "以 IRI 指向该记录，格式如 Turtle 中的 ex:record") in zh, zh
    assert f"（仅为示例）（写于 t.ttl:{line}）" in zh
    assert ("its “involved party” “消费者” (given as text) is not a record: name “an agent, such "
            "as an organisation, or a stakeholder” by its IRI") in en, en
    assert f"(an example) (written at t.ttl:{line})" in en
    assert f"（写于 t.ttl:{line}）" in render_report(report, "html", "zh")
    document = json.loads(render_report(report, "json", "en"))
    texts = [lack for r in document["requirements"] for f in r["findings"] for n in f["nodes"]
             for x in n["lacks"] for c in x["closest"] for lack in c["lacks"]
             if lack["value"] == "消费者"]
    assert texts and all(t["place"] == {"file": "t.ttl", "line": line,
                                        "column": PARTY.split("\n")[line - 1].index('"消费者"') + 1}
                         for t in texts), texts


def test_a_stored_report_reads_back_a_party_given_as_text_and_its_place() -> None:
    """8.3.4 —2: read back from the store, the report still says the party is a text, where."""
    line = next(n for n, row in enumerate(PARTY.split("\n"), 1) if '"消费者"' in row)
    store = open_store("oxigraph")
    info, _fresh = ingest_submission(store, [SubmissionFile("t.ttl", PARTY.encode())],
                                     submitter="tests")
    back = read_report(store, info.cluster, info.number)
    zh = render_report(back, "text", "zh")
    assert "“消费者”（给出的是文本）不是记录" in zh and f"（写于 t.ttl:{line}）" in zh, zh
    assert "“消费者” (given as text) is not a record" in render_report(back, "ttl", "en")


@pytest.fixture(scope="module")
def naming_the_body() -> list[tuple[str, Report, Report]]:
    """9.1.1's KPI system attributed to a text naming ex:body: by its label in Turtle, by its
    local name in a JSON-LD file whose context calls the namespace dh; each the prefixed name its
    file writes the body by, the report, and the report read back from a store."""
    turtle = DEHUA.replace(KPI, KPI.replace("prov:wasAttributedTo ex:body",
                                            'prov:wasAttributedTo "德化陶瓷产业集群品牌培育工作领导小组"'))
    jsonld = KPI_JSONLD.replace('"prov:wasAttributedTo": "ex:body"',
                                '"prov:wasAttributedTo": "body"').replace('"ex', '"dh')
    store = open_store("oxigraph")
    found = []
    for files, name in (([SubmissionFile("dehua.ttl", turtle.encode())], "ex:body"),
                        ([SubmissionFile("dehua.ttl", DEHUA.replace(KPI, "").encode()),
                          SubmissionFile("kpi.jsonld", jsonld.encode())], "dh:body")):
        info, fresh = ingest_submission(store, files)
        found.append((name, fresh, read_report(store, info.cluster, info.number)))
    return found


def test_a_text_naming_a_record_of_the_submission_is_told_to_refer_to_that_record(
        naming_the_body: list[tuple[str, Report, Report]]) -> None:
    """9.1.1: "prov:wasAttributedTo": "body" in JSON-LD (a plain string where the context reads
    none as a reference), or "body" or the body's label in Turtle, names the record ex:body by
    its local name or label: the how-to names that record, not an example, zh and en, by the
    prefixed name the file where the text is written declares (ex:body in the Turtle file, dh:body
    in a JSON-LD file whose context calls the namespace dh), not its full IRI; read back from a
    store it says the same."""
    for name, fresh, back in naming_the_body:
        for report in (fresh, back):
            zh, en = _block(report, "zh"), _block(report, "en")
            assert (f"：所指记录为“德化陶瓷产业集群品牌培育工作领导小组”（…/body），Turtle 中写作 {name}，"
                    f"JSON-LD 中写作 {{\"@id\": \"{name}\"}}") in zh, zh
            assert (f", the record “Dehua ceramics cluster brand cultivation steering group” "
                    f"(…/body) it names: {name} in Turtle, {{\"@id\": \"{name}\"}} in JSON-LD"
                    ) in en, en
            assert "ex:record" not in zh + en and "https://example.org/cluster/dehua/body" not in en


def test_the_json_closest_of_a_text_naming_a_record_is_the_text_told_the_same_under_9_1_1(
        naming_the_body: list[tuple[str, Report, Report]]) -> None:
    """9.1.1: the JSON report's values that came closest to the body asked are the text alone,
    said to be text and told the record it names by the same prefixed name as the text report
    tells it (they told the full IRI), not what ex:body lacks (it is the record meant, not a
    near miss); read back from a store, the same."""
    for name, fresh, back in naming_the_body:
        for report in (fresh, back):
            document = json.loads(render_report(report, "json", "en"))
            (requirement,) = [r for r in document["requirements"] if r["id"] == "9.1.1"]
            (lack,) = [x for f in requirement["findings"] for n in f["nodes"] for x in n["lacks"]
                       if x["path"] == "prov:wasAttributedTo"]
            (text,) = lack["closest"]
            assert text["node"] in ("body", "德化陶瓷产业集群品牌培育工作领导小组")
            assert [x["constraint"] for x in text["lacks"]] == ["ClassConstraintComponent"]
            told = f"it names: {name} in Turtle, {{\"@id\": \"{name}\"}} in JSON-LD"
            assert told in lack["text"] and told in text["lacks"][0]["text"], text["lacks"]
            assert "https://example.org/cluster/dehua/body" not in json.dumps(lack["closest"])

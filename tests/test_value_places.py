"""Where a finding about a value points (checker/loading/value_places.py): at the file and line
where the offending value is written, not where its record is first described, when the
submission spans files — a strategy review's later date added in a second file (6.2 d)), a text
given where a record is asked (9.1.1) — in text, HTML and JSON, fresh and read back."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from checker.ingest import ingest_submission
from checker.loading import SubmissionFile, load_submission
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.report import Report
from checker.report_reader import read_report
from checker.store import open_store
from checker.validation import validate_graph
from tests.liling_submission import LILING_HEAD

DEHUA = EXAMPLES_DIR / "dehua-ceramics.ttl"
TEXT = DEHUA.read_text(encoding="utf-8")
PREFIXES = "".join(line + "\n" for line in TEXT.split("\n") if line.startswith("@prefix"))
REVIEW = "https://example.org/cluster/dehua/strategy-review"
LATER = 'ex:strategy-review dcterms:date "2999-01-01"^^xsd:date .'
ADDED = PREFIXES + "\n" + LATER + "\n"
LATER_LINE = ADDED.split("\n").index(LATER) + 1
FILES = (SubmissionFile("a.ttl", DEHUA.read_bytes()), SubmissionFile("b.ttl", ADDED.encode()))


def _report(*files: SubmissionFile) -> Report:
    return validate_graph(load_submission(files), files=tuple(f.name for f in files),
                          sources=files, today=date(2026, 1, 15), processes=1)


def _review_places(document: dict) -> list[dict]:
    """The places the JSON report gives the strategy review under 6.2 d)."""
    (requirement,) = [r for r in document["requirements"] if r["id"] == "6.2-d"]
    return [n["place"] for f in requirement["findings"] for n in f["nodes"] if n["node"] == REVIEW]


def test_a_later_date_added_in_a_second_file_is_placed_where_it_is_written() -> None:
    """6.2 d): the review is described in a.ttl; its date of 2999, the value the warning is
    about, is written in b.ttl, where the warning points (it pointed at a.ttl's description)."""
    report = _report(*FILES)
    zh = render_report(report, "text", "zh")
    start = zh.index("? 6.2 d)")
    block = zh[start:zh.index("\n\n", start)]
    assert f"b.ttl:{LATER_LINE}）" in block and "a.ttl:" not in block, block
    en = render_report(report, "text", "en")
    assert f"品牌培育战略实施中期评审 (…/strategy-review, b.ttl:{LATER_LINE})" in en
    assert f'<small class="place">b.ttl:{LATER_LINE}</small>' in render_report(report, "html", "en")
    assert _review_places(json.loads(render_report(report, "json", "en"))) == [
        {"file": "b.ttl", "line": LATER_LINE, "column": LATER.index('"2999') + 1}]


def test_a_value_written_in_the_records_own_file_is_placed_on_its_line() -> None:
    """The same later date written in the review's own description: the warning points at the
    line of the date, within the description."""
    text = TEXT.replace('dcterms:date "2023-06-30"^^xsd:date',
                        'dcterms:date "2999-06-30"^^xsd:date')
    line = next(n for n, row in enumerate(text.split("\n"), 1) if '"2999-06-30"' in row)
    report = _report(SubmissionFile("dehua.ttl", text.encode()))
    assert _review_places(json.loads(render_report(report, "json", "zh")))[0]["line"] == line


def test_a_stored_report_reads_back_the_place_of_the_value() -> None:
    """The place is kept with the report (a bcic:RecordPlace naming the value) and read back."""
    store = open_store("oxigraph")
    info, fresh = ingest_submission(store, list(FILES), submitter="tests")
    back = read_report(store, info.cluster, info.number)
    assert back.value_places == fresh.value_places and back.value_places
    assert _review_places(json.loads(render_report(back, "json", "zh")))[0]["file"] == "b.ttl"


# A value written wrongly in a second file, its record described in the first (9.2.3: a figure
# with its unit; 5.1: a malformed date): the finding points where the wrong value is written.
DATANG = EXAMPLES_DIR / "datang-socks.ttl"
FIGURE = ("https://example.org/cluster/datang/", "obs-LocationAdvantage-2021-actual",
          " bcic:observedValue 80.0 ;", "bcic:observedValue", "80%")
DATE = ("https://example.org/cluster/dehua/", "macro",
        '    dcterms:date "2020-10-30"^^xsd:date ;\n', "dcterms:date", "2020/10/30")


def _second_file(sample: str, case: tuple[str, str, str, str, str], suffix: str) -> tuple[
        tuple[SubmissionFile, SubmissionFile], int]:
    """The sample with the case's value taken from its record, and a second file, Turtle or
    JSON-LD, writing it back wrongly; the line of the second file where it is written."""
    namespace, local, removed, prop, wrong = case
    taken = sample.replace(removed, "", 1)
    assert taken != sample
    if suffix == "ttl":
        declared = "".join(row + "\n" for row in sample.split("\n") if row.startswith("@prefix"))
        added = f'{declared}\nex:{local} {prop} "{wrong}" .\n'
    else:
        context = {"ex": namespace, "bcic": "https://w3id.org/bcic/ontology#",
                   "dcterms": "http://purl.org/dc/terms/"}
        added = json.dumps({"@context": context, "@id": f"ex:{local}", prop: wrong},
                           ensure_ascii=False, indent=1)
    line = next(n for n, row in enumerate(added.split("\n"), 1) if f'"{wrong}"' in row)
    return (SubmissionFile("a.ttl", taken.encode()),
            SubmissionFile(f"b.{suffix}", added.encode())), line


def _places_of(document: dict, record: str) -> list[dict]:
    """Every place the JSON report gives the record, in any requirement's findings."""
    return [n["place"] for r in document["requirements"] for f in r["findings"]
            for n in f["nodes"] if n["node"] == record]


@pytest.mark.parametrize("suffix", ["ttl", "jsonld"])
@pytest.mark.parametrize(("sample", "case"), [(DATANG, FIGURE), (DEHUA, DATE)],
                         ids=["9.2.3-figure-with-unit", "5.1-malformed-date"])
def test_a_wrong_value_in_a_second_file_is_placed_where_it_is_written(
        sample: Path, case: tuple[str, str, str, str, str], suffix: str) -> None:
    """A record described in a.ttl whose one wrong value (a figure "80%", a date "2020/10/30") is
    written in b.ttl or b.jsonld: the finding points at that line of b (it pointed at a.ttl)."""
    files, line = _second_file(sample.read_text(encoding="utf-8"), case, suffix)
    report = _report(*files)
    record = case[0] + case[1]
    places = _places_of(json.loads(render_report(report, "json", "en")), record)
    assert places and all(p["file"] == f"b.{suffix}" and p["line"] == line for p in places), places
    en = render_report(report, "text", "en")
    lines = [row for row in en.split("\n") if f"…/{case[1]}" in row]
    assert lines and all(f"b.{suffix}:{line})" in row for row in lines), lines
    assert f"b.{suffix}:{line}）" in render_report(report, "text", "zh")


# 9.2.3: a figure written with its unit, "80%", in an observation that is a blank node: in
# Turtle's `[ … ]`, or a JSON-LD object without "@id" nested in the cluster's (by @reverse).
OBSERVATION = next(row for row in DATANG.read_text(encoding="utf-8").split("\n")
                   if row.startswith("ex:obs-LocationAdvantage-2021-actual a "))
BLANK_TURTLE = ("[ a bcic:IndicatorObservation ; qb:dataSet bcic:IndicatorDataSet ;\n"
                "  bcic:refCluster ex:cluster ; bcic:indicator ind:LocationAdvantage ;\n"
                '  bcic:refYear "2021"^^xsd:gYear ; bcic:valueKind bcic:ActualValue ;\n'
                '  bcic:observedValue "80%" ;\n'
                '  bcic:unitOfMeasure "分(0-100)" ] .')
BLANK_JSON_LD = json.dumps({
    "@context": {"ex": "https://example.org/cluster/datang/",
                 "bcic": "https://w3id.org/bcic/ontology#", "ind": "https://w3id.org/bcic/indicator/",
                 "qb": "http://purl.org/linked-data/cube#",
                 "xsd": "http://www.w3.org/2001/XMLSchema#"},
    "@id": "ex:cluster",
    "@reverse": {"bcic:refCluster": {
        "@type": "bcic:IndicatorObservation", "qb:dataSet": {"@id": "bcic:IndicatorDataSet"},
        "bcic:indicator": {"@id": "ind:LocationAdvantage"},
        "bcic:refYear": {"@value": "2021", "@type": "xsd:gYear"},
        "bcic:valueKind": {"@id": "bcic:ActualValue"},
        "bcic:observedValue": "80%", "bcic:unitOfMeasure": "分(0-100)"}}},
    ensure_ascii=False, indent=1)


def _blank_observation(suffix: str) -> tuple[tuple[SubmissionFile, ...], str, int]:
    """Datang with the observation a blank node written in Turtle or JSON-LD: the files, the one
    naming the figure, and its line there."""
    datang = DATANG.read_text(encoding="utf-8")
    if suffix == "ttl":
        text = datang.replace(OBSERVATION, BLANK_TURTLE)
        files: tuple[SubmissionFile, ...] = (SubmissionFile("a.ttl", text.encode()),)
    else:
        text = BLANK_JSON_LD
        files = (SubmissionFile("a.ttl", datang.replace(OBSERVATION, "").encode()),
                 SubmissionFile("b.jsonld", text.encode()))
    line = next(n for n, row in enumerate(text.split("\n"), 1) if '"80%"' in row)
    return files, files[-1].name, line


@pytest.mark.parametrize("suffix", ["ttl", "jsonld"])
def test_a_blank_node_records_value_is_placed_on_its_own_line(suffix: str) -> None:
    """An observation without an IRI whose figure is "80%" (9.2.3): the finding points at the
    line where "80%" is written, in text, HTML and JSON, zh and en (it had no place at all)."""
    files, name, line = _blank_observation(suffix)
    report = _report(*files)
    document = json.loads(render_report(report, "json", "en"))
    places = [n["place"] for r in document["requirements"] for f in r["findings"]
              for n in f["nodes"] if n["node"].startswith("_:")
              and any(lack["value"] == "80%" for lack in n["lacks"])]
    assert places and all(p is not None and (p["file"], p["line"]) == (name, line)
                          for p in places), places
    en = [row for row in render_report(report, "text", "en").split("\n") if "“80%”" in row]
    assert en and all(f"({name}:{line})" in row for row in en), en
    zh = [row for row in render_report(report, "text", "zh").split("\n") if "“80%”" in row]
    assert zh and all(f"（{name}:{line}）" in row for row in zh), zh
    assert f'<small class="place">{name}:{line}</small>' in render_report(report, "html", "zh")


def test_a_stored_report_reads_back_the_place_of_a_blank_node_records_value() -> None:
    """The blank node's value keeps its place in the store (a bcic:RecordPlace naming the node)."""
    files, name, line = _blank_observation("ttl")
    store = open_store("oxigraph")
    info, fresh = ingest_submission(store, list(files), submitter="tests")
    back = read_report(store, info.cluster, info.number)
    assert [(p.file, p.line) for p in back.value_places.values()] == [(name, line)]
    en = [row for row in render_report(back, "text", "en").split("\n") if "“80%”" in row]
    assert en and all(f"({name}:{line})" in row for row in en), en


# Blank nodes told apart (8.3.4 —1, —3): a warning system without an IRI giving the same text as
# a named one before it, and two response measures alike but for their titles, each with an
# ill-formed date; two copied mechanisms whose identical blocks differ only in their parent.
SIBLINGS = LILING_HEAD + """ex:ws1 a bcic:CrisisWarningSystem ; dcterms:title "甲"@zh ; bcic:responsibleParty "待定" .
ex:crisis a bcic:CrisisManagementMechanism ;
    dcterms:title "机制"@zh ; dcterms:date "2024-05-01"^^xsd:date ; prov:wasAttributedTo ex:body ;
    bcic:hasWarningSystem ex:ws1 ,
        [ a bcic:CrisisWarningSystem ; dcterms:title "乙"@zh ;
          bcic:responsibleParty "待定" ] ;
    bcic:hasResponseMeasure [ a bcic:CrisisResponseMeasure ; dcterms:title "措施一"@zh ;
                              dcterms:date "2024-5-1"^^xsd:date ] ,
        [ a bcic:CrisisResponseMeasure ; dcterms:title "措施二"@zh ;
          dcterms:date "2024-5-1"^^xsd:date ] .
"""
COPIED = """ex:crisis{n} a bcic:CrisisManagementMechanism ;
    dcterms:title "机制{n}"@zh ; dcterms:date "2024-05-01"^^xsd:date ;
    prov:wasAttributedTo ex:body ;
    bcic:hasResponseMeasure [
        a bcic:CrisisResponseMeasure ;
        dcterms:title "处理措施"@zh ;
        dcterms:date "2024-5-1"^^xsd:date
    ] .
"""


def _value_lines(document: dict, value: str) -> dict[str, list[int]]:
    """Each record's name → the lines the JSON report places its findings about `value` at."""
    lines: dict[str, list[int]] = {}

    def read(node: dict) -> None:
        for lack in node["lacks"]:
            if lack["value"] == value:
                place = lack["place"] or node["place"]
                lines.setdefault(node["name"], []).append(place and place["line"])
            for closest in lack["closest"]:
                read(closest)

    for requirement in document["requirements"]:
        for finding in requirement["findings"]:
            for node in finding["nodes"]:
                read(node)
    return lines


def _line_of(text: str, *parts: str) -> int:
    """The line (from 1) of the text holding every part."""
    return next(n for n, row in enumerate(text.split("\n"), 1) if all(p in row for p in parts))


def test_blank_nodes_values_are_placed_in_their_own_node_not_at_the_first_match() -> None:
    """8.3.4: 乙's "待定" is on its own line, not on the named ex:ws1's before it; 措施二's
    ill-formed date is on its own line, not on 措施一's (both were at the first match)."""
    report = _report(SubmissionFile("t.ttl", SIBLINGS.encode()))
    document = json.loads(render_report(report, "json", "en"))
    assert set(_value_lines(document, "待定")["乙"]) == {_line_of(SIBLINGS, '"乙"') + 1}
    dates = _value_lines(document, "2024-5-1")
    assert set(dates["措施一"]) == {_line_of(SIBLINGS, '"措施一"') + 1}
    assert set(dates["措施二"]) == {_line_of(SIBLINGS, '"措施二"') + 1}
    measure = _line_of(SIBLINGS, '"措施二"') + 1
    assert f"措施二（t.ttl:{measure}）" in render_report(report, "text", "zh")
    assert f"措施二 (t.ttl:{measure})" in render_report(report, "text", "en")


def test_two_identical_blank_nodes_are_two_places_in_file_order() -> None:
    """Two mechanisms each with a copied response measure block (8.3.4 —3): the two blocks are
    two nodes, each finding placed at its own block's date, in file order (both were at the
    first)."""
    text = SIBLINGS.split("ex:ws1")[0] + COPIED.format(n=1) + "\n" + COPIED.format(n=2)
    report = _report(SubmissionFile("t.ttl", text.encode()))
    rows = text.split("\n")
    dated = [n for n, row in enumerate(rows, 1) if '"2024-5-1"' in row]
    document = json.loads(render_report(report, "json", "zh"))
    assert sorted(_value_lines(document, "2024-5-1")["处理措施"]) == dated
    zh = render_report(report, "text", "zh")
    assert all(f"处理措施（t.ttl:{line}）" in zh for line in dated), dated


def test_a_value_is_placed_in_its_own_record_not_a_later_ones_quoted_form() -> None:
    """9.2.3: obs1's year written as the number 2024 is placed on obs1's line, not on obs2's
    "2024"^^xsd:gYear written after it (the quoted form was searched first)."""
    text = (SIBLINGS.split("ex:ws1")[0].replace(
        "@prefix xsd:", "@prefix ind: <https://w3id.org/bcic/indicator/> .\n@prefix xsd:")
        + "ex:obs1 a bcic:IndicatorObservation ; bcic:refCluster ex:cluster ;\n"
        "    bcic:indicator ind:ExportRate ; bcic:valueKind bcic:ActualValue ;\n"
        '    bcic:observedValue 35.2 ; bcic:unitOfMeasure "%" ;\n'
        "    bcic:refYear 2024 .\n"
        "ex:obs2 a bcic:IndicatorObservation ; bcic:refCluster ex:cluster ;\n"
        "    bcic:indicator ind:IndustryScale ; bcic:valueKind bcic:ActualValue ;\n"
        '    bcic:observedValue 680 ; bcic:unitOfMeasure "亿元" ;\n'
        '    bcic:refYear "2024"^^xsd:gYear .\n')
    report = _report(SubmissionFile("t.ttl", text.encode()))
    line = _line_of(text, "bcic:refYear 2024 .")
    document = json.loads(render_report(report, "json", "en"))
    assert _value_lines(document, "2024") == {"…/obs1": [line]}
    assert f"…/obs1（t.ttl:{line}）" in render_report(report, "text", "zh")

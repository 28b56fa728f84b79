"""Where each record a finding names is described in the submitted files (checker/loading/
record_places.py): the report names its file and line beside its IRI, in zh and en, in text,
HTML and JSON, and a stored report says the same; Turtle, JSON-LD and RDF/XML alike."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, URIRef

from checker.loading import SUBMISSION_BASE_IRI, SubmissionFile
from checker.loading.record_places import described_at
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.validation import validate_graph, validate_submission

DATANG = EXAMPLES_DIR / "datang-socks.ttl"
KPI_SYSTEM = "https://example.org/cluster/datang/kpi-system"


def _line_of(text: str, start: str) -> int:
    """The line (from 1) of the first line of the text that begins with `start` (the sample
    describes its KPI system twice: the place is where it is first described)."""
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def test_a_record_is_placed_where_it_is_described_not_where_it_is_first_named() -> None:
    """The KPI system is named by the strategy's links before its own description: the place is
    the line that describes it, as a prefixed name or in angle brackets."""
    text = ("@prefix ex: <https://example.org/c/> .\n"
            "ex:strategy ex:uses ex:kpi ;\n"
            "    ex:also <https://example.org/c/plan> .\n"
            "\n"
            "  ex:kpi a ex:KPISystem .\n"
            "<https://example.org/c/plan> a ex:Plan .\n")
    places = described_at(text, ["https://example.org/c/kpi", "https://example.org/c/plan"],
                          {"ex": "https://example.org/c/"}, SUBMISSION_BASE_IRI)
    assert places["https://example.org/c/kpi"][1:] == (5, 3)
    assert places["https://example.org/c/plan"][1:] == (6, 1)


def test_a_record_described_nowhere_is_placed_where_it_is_first_written() -> None:
    text = "@prefix ex: <https://example.org/c/> .\nex:a ex:link ex:only-an-object .\n"
    places = described_at(text, ["https://example.org/c/only-an-object"],
                          {"ex": "https://example.org/c/"}, SUBMISSION_BASE_IRI)
    assert places["https://example.org/c/only-an-object"][1:] == (2, 14)


@pytest.mark.parametrize("lang, named", [
    # No English label: its Chinese label names it (decision 14), IRI and place beside, as in zh.
    ("en", "大唐袜业品牌培育关键绩效指标体系 (…/kpi-system, datang-socks.ttl:{line}): its “includes indicator” "
           "lacks"),
    ("zh", "大唐袜业品牌培育关键绩效指标体系（…/kpi-system，datang-socks.ttl:{line}）：“包含指标”缺少"),
])
def test_the_text_report_names_each_records_file_and_line(lang: str, named: str) -> None:
    text = DATANG.read_text(encoding="utf-8")
    report = validate_submission([SubmissionFile("datang-socks.ttl", DATANG.read_bytes())],
                                 processes=1)
    line = _line_of(text, "ex:kpi-system ")
    shown = render_report(report, "text", lang)  # type: ignore[arg-type]
    assert named.format(line=line) in shown
    html = render_report(report, "html", lang)  # type: ignore[arg-type]
    assert f'<small class="place">datang-socks.ttl:{line}</small>' in html


def test_the_json_report_gives_file_line_and_column_of_each_record() -> None:
    text = DATANG.read_text(encoding="utf-8")
    report = validate_submission([SubmissionFile("datang-socks.ttl", DATANG.read_bytes())],
                                 processes=1)
    document = json.loads(render_report(report, "json", "en"))
    nodes = [n for r in document["requirements"] for f in r["findings"] for n in f["nodes"]]
    (kpi, *_rest) = [n for n in nodes if n["node"] == KPI_SYSTEM]
    assert kpi["place"] == {"file": "datang-socks.ttl",
                            "line": _line_of(text, "ex:kpi-system "), "column": 1}
    assert all(n["place"] is not None for n in nodes if n["node"].startswith("https://"))


@pytest.mark.parametrize("fmt, name, written", [
    # Its description's "@id" has more keys after it; a reference ({"@id": …}) has none.
    ("json-ld", "datang.jsonld", f'"@id": "{KPI_SYSTEM}",'),
    ("xml", "datang.rdf", f'rdf:about="{KPI_SYSTEM}"'),
])
def test_records_of_json_ld_and_rdf_xml_are_placed_where_they_are_described(
        fmt: str, name: str, written: str) -> None:
    text = Graph().parse(DATANG).serialize(format=fmt)
    report = validate_submission([SubmissionFile(name, text.encode())], processes=1)
    line = next(n for n, row in enumerate(text.split("\n"), 1) if written in row)
    place = report.record_places[URIRef(KPI_SYSTEM)]
    assert (place.file, place.line) == (name, line)


def test_a_json_ld_record_under_a_compact_iri_is_placed_at_its_own_id() -> None:
    """The tester's user2.jsonld: `"bcic:hasPositioning": {"@id": "ex:pos"}` mentions the
    positioning before the object that describes it; the place is that object's "@id"."""
    text = ('{"@context": {"ex": "https://example.org/c/"},\n'
            ' "@graph": [\n'
            '  {"@id": "ex:strategy", "ex:has": {"@id": "ex:pos"}},\n'
            '  {\n'
            '   "@id": "ex:pos",\n'
            '   "@type": "ex:Positioning"}]}\n')
    places = described_at(text, ["https://example.org/c/pos", "https://example.org/c/strategy"],
                          {"ex": "https://example.org/c/"}, SUBMISSION_BASE_IRI)
    assert places["https://example.org/c/pos"][1:] == (5, 4)
    assert places["https://example.org/c/strategy"][1:] == (3, 4)


def test_a_record_described_in_the_second_file_is_placed_in_that_file() -> None:
    text = DATANG.read_text(encoding="utf-8")
    cut = text.index("ex:kpi-system ")
    prefixes = "".join(line + "\n" for line in text.split("\n") if line.startswith("@prefix"))
    first, second = text[:cut], prefixes + text[cut:]
    report = validate_submission([SubmissionFile("a.ttl", first.encode()),
                                  SubmissionFile("b.ttl", second.encode())], processes=1)
    place = report.record_places[URIRef(KPI_SYSTEM)]
    assert (place.file, place.line) == ("b.ttl", _line_of(second, "ex:kpi-system "))


def test_a_graph_validated_without_its_files_places_nothing() -> None:
    report = validate_graph(Graph().parse(DATANG), processes=1)
    assert report.record_places == {}
    assert ".ttl:" not in render_report(report, "text", "en").split("Manual review")[0]

"""How to refer to a record, said as the file where the value is written must write it (9.1.1,
5.1): an RDF/XML file is told the element with rdf:resource and the full IRI
(<p:wasAttributedTo rdf:resource="https://example.org/c/body"/>, its property by the file's own
xmlns prefix) of the record a text names, of a prefixed name nothing expanded, of a text written
as a prefixed name, else an example, not the Turtle and JSON-LD forms, whether the loader read the
file as RDF/XML by its extension, by the format given or by its content, in the text, HTML and
JSON reports, zh and en, fresh and read back from a store; the JSON's values that came closest say
what the text says, a prefixed name nothing expanded not held against what a cultivation body
lacks. Turtle and JSON-LD files keep their forms (tests/test_text_for_record.py)."""

from __future__ import annotations

import html
import json

import pytest

from checker.ingest import ingest_submission
from checker.loading import SubmissionFile
from checker.render import render_report
from checker.report import Report
from checker.report_reader import read_report
from checker.store import open_store
from tests.test_prefixed_datatype import WITH_EX

ATTRIBUTED = '    <prov:wasAttributedTo rdf:resource="https://example.org/c/body"/>'
# The file names PROV's namespace p: the element to write is its own.
OWN_PREFIX = WITH_EX.replace('xmlns:prov="http://www.w3.org/ns/prov#"',
                             'xmlns:p="http://www.w3.org/ns/prov#"').replace("prov:", "p:")
ELEMENT = '<p:wasAttributedTo rdf:resource="https://example.org/c/body"/>'
EXAMPLE = '<p:wasAttributedTo rdf:resource="https://example.org/record"/>'
WRITTEN = {  # how the macro analysis (5.1) names its body, where a record is asked
    "text": '    <p:wasAttributedTo>body</p:wasAttributedTo>',
    "prefixed": '    <p:wasAttributedTo rdf:resource="ex:body"/>',
    "prefixed_text": '    <p:wasAttributedTo>ex:body</p:wasAttributedTo>',
    "other_text": '    <p:wasAttributedTo>某机构</p:wasAttributedTo>',
}
# The file read as RDF/XML by its extension, else by the format given (though its name says
# Turtle) or by its content (no extension): the text "body" so written.
FILES = {"given": ("t.ttl", "application/rdf+xml"), "content": ("t", None)}
WRITTEN |= {way: WRITTEN["text"] for way in FILES}
GIVEN = {"text": "body", "prefixed": "ex:body", "prefixed_text": "ex:body", "other_text": "某机构",
         "given": "body", "content": "body"}
SAID = {  # what each says of it, zh and en, with the element
    ("text", "en"): f"the record “…/body” it names: {ELEMENT} in RDF/XML",
    ("text", "zh"): f"所指记录为“…/body”，RDF/XML 中写作 {ELEMENT}",
    ("prefixed", "en"): "(written as the prefixed name “ex:body”, which RDF/XML's rdf:resource "
                        f"does not expand: write the full IRI, {ELEMENT})",
    ("prefixed", "zh"): "（写成了前缀名“ex:body”：RDF/XML 的 rdf:resource 不展开前缀名，应写完整的 IRI："
                        f"{ELEMENT}）",
    ("prefixed_text", "en"): f", {ELEMENT} in RDF/XML",
    ("prefixed_text", "zh"): f"：RDF/XML 中写作 {ELEMENT}",
    ("other_text", "en"): f", as in {EXAMPLE} in RDF/XML (an example)",
    ("other_text", "zh"): f"：以 IRI 指向该记录，格式如 RDF/XML 中的 {EXAMPLE}（仅为示例）",
}
SAID |= {(way, lang): SAID["text", lang] for way in FILES for lang in ("zh", "en")}


@pytest.fixture(scope="module")
def reports() -> dict[tuple[str, str], Report]:
    """Each way of writing the body, validated and stored once: (way, "fresh" | "back")."""
    assert OWN_PREFIX.count(ATTRIBUTED.replace("prov:", "p:")) == 1
    store = open_store("oxigraph")
    found = {}
    for way, written in WRITTEN.items():
        text = OWN_PREFIX.replace(ATTRIBUTED.replace("prov:", "p:"), written)
        name, given = FILES.get(way, ("t.rdf", None))
        info, fresh = ingest_submission(store, [SubmissionFile(name, text.encode(), given)],
                                        submitter="tests")
        found[way, "fresh"] = fresh
        found[way, "back"] = read_report(store, info.cluster, info.number)
    return found


def _macro_lack(report: Report, lang: str) -> dict:  # type: ignore[type-arg]
    """The JSON report's lack of the macro analysis's body (5.1)."""
    document = json.loads(render_report(report, "json", lang))  # type: ignore[arg-type]
    (requirement,) = [r for r in document["requirements"] if r["id"] == "5.1"]
    (lack,) = [x for f in requirement["findings"] for n in f["nodes"] for x in n["lacks"]
               if x["path"] == "prov:wasAttributedTo"]
    return lack


@pytest.mark.parametrize("way", list(WRITTEN))
@pytest.mark.parametrize("when", ["fresh", "back"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_reference_in_rdf_xml_is_told_as_its_element_with_the_full_iri_under_9_1_1(
        reports: dict[tuple[str, str], Report], way: str, when: str, lang: str) -> None:
    report, said = reports[way, when], SAID[way, lang]
    text = render_report(report, "text", lang)  # type: ignore[arg-type]
    lines = [line for line in text.split("\n") if "…/macro" in line and "“归属方”" in line
             or "“attributed to”" in line and "…/macro" in line]
    assert lines and all(said in line for line in lines), lines
    assert said in html.unescape(render_report(report, "html", lang))  # type: ignore[arg-type]
    lack = _macro_lack(report, lang)
    assert said in lack["text"], lack["text"]
    # Not the forms of the other syntaxes, which this file cannot write.
    for line in [*lines, lack["text"]]:
        assert "Turtle" not in line and "JSON-LD 中写作" not in line and "in JSON-LD" not in line


@pytest.mark.parametrize("way", list(WRITTEN))
@pytest.mark.parametrize("when", ["fresh", "back"])
def test_the_json_values_that_came_closest_say_what_the_text_says_under_9_1_1(
        reports: dict[tuple[str, str], Report], way: str, when: str) -> None:
    """The value written (the text "body", the IRI `ex:body`) came closest: listed by what it is
    alone, told the same element, and not what a cultivation body lacks (its cultivated
    cluster), which the text and HTML reports do not say either."""
    report = reports[way, when]
    for lang in ("zh", "en"):
        lack = _macro_lack(report, lang)
        (value,) = lack["closest"]
        assert value["node"] == GIVEN[way]
        assert [x["path"] for x in value["lacks"]] == [None], value["lacks"]
        assert SAID[way, lang] in value["lacks"][0]["text"], value["lacks"][0]["text"]
    assert "所培育的产业集群" not in json.dumps(_macro_lack(report, "zh"), ensure_ascii=False)
    assert "cultivated cluster" not in json.dumps(_macro_lack(report, "en"))

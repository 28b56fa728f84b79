"""IRIs written under a namespace close to one of the standard's (checker/near_namespaces.py):
`http://` for `https://`, a character missing or added, another case, a trailing `/` for `#`.
Such a statement counts for no provision, so the report notes the namespace, how many
statements use it and the namespace meant, in every format and language, and reads it back
from the store; the IRIs the rulebook itself describes are none's."""

from __future__ import annotations

import html
import json
from functools import cache

from pathlib import Path

import pytest
from rdflib import RDFS, Graph, Literal

from checker.i18n import LANGUAGES, message
from checker.ingest import ingest_submission
from checker.loading import SubmissionFile
from checker.namespaces import BASE_IRI, BCIC, IND, REQ
from checker.near_namespaces import NearNamespace
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.render.turtle import report_graph
from checker.report import Report
from checker.report_reader import read_report
from checker.store import open_store
from checker.validation import validate_submission
from tests.report_pages import stored_and_fresh_pages

DEHUA = (EXAMPLES_DIR / "dehua-ceramics.ttl").read_text(encoding="utf-8")
BCIC_PREFIX = "@prefix bcic:    <https://w3id.org/bcic/ontology#> ."
# The tester's mistake: the whole sample with bcic: declared under http.
HTTP = DEHUA.replace(BCIC_PREFIX, "@prefix bcic:    <http://w3id.org/bcic/ontology#> .")
# Two statements beside the conformant sample, under a namespace ending in / for #.
SLASH = DEHUA + """
@prefix bcics: <https://w3id.org/bcic/ontology/> .
ex:cluster bcics:industry "陶瓷"@zh ; bcics:region "德化"@zh .
"""
NOTE = {"en": "{n} statement(s) use IRIs under <http://w3id.org/bcic/ontology#>, which is not a "
              "namespace of the standard's terms but differs only slightly from bcic: "
              "<https://w3id.org/bcic/ontology#>: did you mean that one? None of those "
              "statements counts for any provision.",
        "zh": "有 {n} 条陈述使用了 <http://w3id.org/bcic/ontology#> 下的 IRI；该命名空间不是标准术语的"
              "命名空间，但与 bcic:（<https://w3id.org/bcic/ontology#>）仅有细微差别：是否应为后者？"
              "这些陈述均不计入任何条款。"}


@cache
def _validated(text: str, name: str = "x.ttl") -> Report:
    return validate_submission([SubmissionFile(name, text.encode())], processes=1)


def _statements_under(namespace: str, text: str) -> int:
    """How many statements of the Turtle text use an IRI under the namespace."""
    graph = Graph().parse(data=text, format="turtle", publicID=BASE_IRI)
    return sum(any(str(term).startswith(namespace) for term in triple) for triple in graph)


@pytest.mark.parametrize("written, meant", [
    ("http://w3id.org/bcic/ontology#", str(BCIC)),  # http for https
    ("https://w3id.org/bcic/ontology/", str(BCIC)),  # a trailing / for #
    ("https://w3id.org/bcic/ontology", str(BCIC)),  # # missing
    ("https://w3id.org/bcic/ontologyy#", str(BCIC)),  # a character added
    ("https://w3id.org/BCIC/ontology#", str(BCIC)),  # another case
    ("https://w3id.org/bcic/indicators/", str(IND)),
    ("http://w3id.org/bcic/req/gbt-draft/", str(REQ)),
])
def test_a_namespace_close_to_the_standards_is_noted_with_its_statements(
        written: str, meant: str) -> None:
    report = _validated(f"""@prefix x: <{written}> .
<https://example.org/x/a> a x:IndustrialCluster ; x:industry "五金" .
<https://example.org/x/a> <http://www.w3.org/2000/01/rdf-schema#label> "永康" .
""")
    assert report.term_notes.namespaces == (NearNamespace(written, meant, 2),)
    assert report.term_notes.terms == ()  # not an IRI of the standard's namespaces


def test_the_ontologys_own_iri_and_other_namespaces_are_not_noted() -> None:
    report = _validated("""@prefix shp: <https://w3id.org/bcic/shapes/gbt-draft/> .
<https://example.org/x/a> <http://purl.org/dc/terms/conformsTo> <https://w3id.org/bcic/ontology> ;
    <https://example.org/own#term> shp:Nothing , <https://w3id.org/bcic/req/gbt-2020/4.1> .
""")
    assert report.term_notes.namespaces == ()


@pytest.mark.parametrize("iri", [
    "https://w3id.org/bcic/ontology/0.1.0",  # owl:versionIRI of ontology/bcic.ttl
    "https://w3id.org/bcic/ontology/0.2.0",  # another version of it
    "https://w3id.org/bcic/ontology/0.1.0/bcic.ttl",  # a file under a version
])
def test_the_ontologys_version_iris_are_not_noted(iri: str) -> None:
    """The tester's `ex:cluster dcterms:conformsTo <…/ontology/0.1.0>`: the ontology's version
    IRI is none of the standard's namespaces mistyped."""
    report = _validated(
        f"<https://example.org/x/a> <http://purl.org/dc/terms/conformsTo> <{iri}> .\n")
    assert report.term_notes.namespaces == ()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("fmt", ["text", "html", "json"])
def test_every_format_says_the_namespace_meant_and_that_no_body_is_declared(
        fmt: str, lang: str) -> None:
    """The whole sample under http: no cluster, no evidence; the report says why, and that 4.2's
    duties are not set aside for want of a member of their role (decision 9): there is no body."""
    report = _validated(HTTP)
    (near,) = report.term_notes.namespaces
    assert near.statements == _statements_under("http://w3id.org/bcic/ontology#", HTTP)
    note = NOTE[lang].format(n=near.statements)  # type: ignore[index]
    shown = render_report(report, fmt, lang)  # type: ignore[arg-type]
    if fmt == "json":
        document = json.loads(shown)
        assert document["near_namespaces"] == [
            {"written": near.written, "meant": str(BCIC), "statements": near.statements,
             "message": note}]
        assert document["duties_set_aside"] == []
        assert document["duties_not_set_aside"] == [message("report.duties_no_body", lang)]
        return
    flat = "".join(html.unescape(shown).split())  # the text report wraps lines
    assert "".join(message("report.namespaces.heading", lang).split()) in flat
    assert "".join(note.split()) in flat
    assert "".join(message("report.duties_no_body", lang).split()) in flat


def test_the_turtle_report_holds_the_note_and_the_store_reads_it_back() -> None:
    fresh = _validated(SLASH, "dehua-slash.ttl")
    near = NearNamespace("https://w3id.org/bcic/ontology/", str(BCIC), 2)
    assert fresh.term_notes.namespaces == (near,)
    graph = report_graph(fresh)
    (note,) = graph.objects(None, BCIC.namespaceNote)
    assert (graph.value(note, BCIC.writtenNamespace), graph.value(note, BCIC.meantNamespace),
            graph.value(note, BCIC.statementCount)) == (
        Literal(near.written), Literal(near.meant), Literal(2))
    assert {c.language for c in graph.objects(note, RDFS.comment)} == set(LANGUAGES)
    store = open_store("oxigraph")
    info, _report = ingest_submission(store, [SubmissionFile("dehua-slash.ttl", SLASH.encode())])
    assert read_report(store, info.cluster, info.number).term_notes.namespaces == (near,)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_web_report_pages_show_the_note(  # type: ignore[no-untyped-def]
        make_web_app, tmp_path: Path, lang: str) -> None:
    """The /validate result page and a stored revision's page, as the CLI's HTML report."""
    _client, stored, fresh = stored_and_fresh_pages(make_web_app, tmp_path, SLASH,
                                                    "dehua-slash.ttl", lang)
    note = NOTE[lang].replace("http://w3id.org/bcic/ontology#", "https://w3id.org/bcic/ontology/")
    for page in (stored, fresh):
        said = "".join(html.unescape(page.get_data(as_text=True)).split())
        assert '<sectionid="near-namespaces">' in said
        assert "".join(message("report.namespaces.heading", lang).split()) in said
        assert "".join(note.format(n=2).split()) in said

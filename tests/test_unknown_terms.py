"""A misspelt class, property or value of the standard's namespaces (`bcic:BrandFunds` for
bcic:BrandFund) is a note of the report (checker/unknown_terms.py): said in every format and
language with where it is first written and the term it likely meant, read back from the store,
shown on the web app's report pages, and never changing a status or the verdict."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS

from checker.cli import main
from checker.ingest import ingest_submission
from checker.loading import SubmissionFile
from checker.namespaces import BCIC, IND, REQ
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.render.turtle import report_graph
from checker.report import Report
from checker.report_reader import read_report
from checker.rulebook import load_rulebook
from checker.store import open_store
from checker.unknown_terms import MAX_LISTED, Place, TermNotes, TermUse, UnknownTerm
from checker.validation import validate_submission
from tests.report_pages import stored_and_fresh_pages

DEHUA = EXAMPLES_DIR / "dehua-ceramics.ttl"
# The tester's two mistakes, in the conformant sample: a class (line 578, after
# "ex:brand-fund a ") and a property (line 551, indented by four).
MISSPELT = DEHUA.read_text(encoding="utf-8").replace(
    "ex:brand-fund a bcic:BrandFund ;", "ex:brand-fund a bcic:BrandFunds ;").replace(
    '    bcic:implementationStep "2021年', '    bcic:implementationSteps "2021年')
# Terms nobody defined beside all of Dehua's evidence: nothing goes missing.
EXTRA = DEHUA.read_text(encoding="utf-8") + """
ex:cluster bcic:nickName "瓷都"@zh ; bcic:covers bcic:ResourceSharin .
ex:cluster rdfs:seeAlso ind:ExportRates .
ex:body <http://data.europa.eu/m8g/supportsRequirement> req:4.1-z .
"""
NOTES = {
    "en": ["bcic:implementationSteps (used as a property, first at dehua-typos.ttl:551:5) is not "
           "a term of the ontology. Did you mean “implementation step” "
           "(bcic:implementationStep)?",
           "bcic:BrandFunds (used as a class, first at dehua-typos.ttl:578:17) is not a term of "
           "the ontology. Did you mean “cluster brand fund” (bcic:BrandFund)?"],
    "zh": ["bcic:implementationSteps（用作属性，首次出现于 dehua-typos.ttl:551:5）不是本体中的术语。"
           "是否应为“实施步骤”（bcic:implementationStep）？",
           "bcic:BrandFunds（用作类，首次出现于 dehua-typos.ttl:578:17）不是本体中的术语。"
           "是否应为“集群品牌基金”（bcic:BrandFund）？"],
}


@cache
def _validated(name: str, text: str) -> Report:
    return validate_submission([SubmissionFile(name, text.encode())], processes=1)


def _misspelt() -> Report:
    return _validated("dehua-typos.ttl", MISSPELT)


def _notes(text: str, name: str = "x.ttl") -> TermNotes:
    return _validated(name, text).term_notes


def test_a_misspelt_class_and_property_are_noted_where_first_written_with_the_term_meant() -> None:
    assert _misspelt().term_notes == TermNotes((
        UnknownTerm(BCIC.implementationSteps, TermUse.PROPERTY, BCIC.implementationStep,
                    Place("dehua-typos.ttl", 551, 5)),
        UnknownTerm(BCIC.BrandFunds, TermUse.CLASS, BCIC.BrandFund,
                    Place("dehua-typos.ttl", 578, 17))))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["text", "html"])
def test_the_text_and_html_reports_say_each_note(fmt: str, lang: str) -> None:
    shown = render_report(_misspelt(), fmt, lang)  # type: ignore[arg-type]
    heading = {"zh": "本体未定义的术语", "en": "Terms the ontology does not define"}[lang]
    assert heading in shown
    flat = " ".join(shown.split()) if lang == "en" else "".join(shown.split())
    for note in NOTES[lang]:  # the text report wraps them
        assert (" ".join(note.split()) if lang == "en" else "".join(note.split())) in flat
    dehua = _validated("d.ttl", DEHUA.read_text())
    assert heading not in render_report(dehua, fmt, lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_json_report_gives_each_note_for_machines_and_people(lang: str) -> None:
    document = json.loads(render_report(_misspelt(), "json", lang))  # type: ignore[arg-type]
    assert document["unknown_terms"] == [
        {"term": str(BCIC.implementationSteps), "used_as": "property",
         "suggestion": str(BCIC.implementationStep), "file": "dehua-typos.ttl", "line": 551,
         "column": 5, "message": NOTES[lang][0]},
        {"term": str(BCIC.BrandFunds), "used_as": "class", "suggestion": str(BCIC.BrandFund),
         "file": "dehua-typos.ttl", "line": 578, "column": 17, "message": NOTES[lang][1]}]
    assert document["unknown_terms_more"] == 0


def test_the_turtle_report_holds_each_note_and_the_store_reads_it_back() -> None:
    graph = report_graph(_misspelt())
    (note,) = graph.subjects(BCIC.unknownTerm, BCIC.BrandFunds)
    assert (None, BCIC.termNote, note) in graph
    assert graph.value(note, BCIC.usedAs) == RDFS.Class
    assert graph.value(note, BCIC.suggestedTerm) == BCIC.BrandFund
    assert graph.value(graph.value(note, BCIC.inFile), DCTERMS.title) == Literal("dehua-typos.ttl")
    assert (graph.value(note, BCIC.lineNumber), graph.value(note, BCIC.columnNumber)) == (
        Literal(578), Literal(17))
    assert {Literal(NOTES["zh"][1], lang="zh"), Literal(NOTES["en"][1], lang="en")} == set(
        graph.objects(note, RDFS.comment))
    store = open_store("oxigraph")
    info, fresh = ingest_submission(store, [SubmissionFile("dehua-typos.ttl", MISSPELT.encode())])
    back = read_report(store, info.cluster, info.number)
    assert back.term_notes == fresh.term_notes == _misspelt().term_notes
    assert back.labels[BCIC.BrandFund] == fresh.labels[BCIC.BrandFund]  # named as it was


def test_a_note_changes_no_status_rate_or_verdict() -> None:
    dehua, extra = _validated("d.ttl", DEHUA.read_text()), _validated("d.ttl", EXTRA)
    assert len(extra.term_notes.terms) == 4 and dehua.term_notes == TermNotes()
    assert [(o.requirement.id, o.status, len(o.results)) for o in extra.outcomes] == [
        (o.requirement.id, o.status, len(o.results)) for o in dehua.outcomes]
    assert (extra.conforms, extra.overall, extra.worst_severity()) == (
        dehua.conforms, dehua.overall, dehua.worst_severity())


def test_validate_exits_0_for_a_submission_without_gaps_and_shows_its_notes(
        runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "dehua-extra.ttl"
    path.write_text(EXTRA, encoding="utf-8")
    result = runner.invoke(main, ["validate", str(path), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Terms the ontology does not define" in result.output
    assert f"bcic:nickName (used as a property, first at {path}:" in " ".join(result.output.split())


def test_values_and_terms_of_the_indicator_scheme_and_catalogue_are_checked_too() -> None:
    notes = {t.iri: (t.use, t.suggestion) for t in _notes(EXTRA).terms}
    assert notes == {BCIC.nickName: (TermUse.PROPERTY, None),
                     BCIC.ResourceSharin: (TermUse.VALUE, BCIC.ResourceSharing),
                     IND.ExportRates: (TermUse.VALUE, IND.ExportRate),
                     REQ["4.1-z"]: (TermUse.VALUE, REQ["4.1"])}


def test_a_suggestion_is_a_term_of_the_same_kind_whatever_its_case() -> None:
    notes = _notes("""@prefix bcic: <https://w3id.org/bcic/ontology#> .
<https://example.org/x/fund> a bcic:brandfund ; bcic:Covers bcic:Xyzzy .
""")
    assert {t.iri: (t.use, t.suggestion) for t in notes.terms} == {
        BCIC.brandfund: (TermUse.CLASS, BCIC.BrandFund),
        BCIC.Covers: (TermUse.PROPERTY, BCIC.covers),
        BCIC.Xyzzy: (TermUse.VALUE, None)}


@pytest.mark.parametrize("name, text, place", [
    # a prefixed name is matched whole: bcic:Foo is not the start of bcic:FooBar
    ("a.ttl", "@prefix bcic: <https://w3id.org/bcic/ontology#> .\n"
              "<https://example.org/x/a> bcic:FooBar 1 .\n"
              "<https://example.org/x/b> a bcic:Foo .\n", (3, 29)),
    ("a.nt", "<https://example.org/x/b> "
             "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
             "<https://w3id.org/bcic/ontology#Foo> .\n", (1, 77)),
    ("a.jsonld", '{"@context": {"bcic": "https://w3id.org/bcic/ontology#"},\n'
                 ' "@id": "https://example.org/x/b", "@type": "bcic:Foo"}\n', (2, 46)),
    # a JSON-LD type by the context's vocabulary
    ("a.jsonld", '{"@context": {"@vocab": "https://w3id.org/bcic/ontology#"},\n'
                 ' "@id": "https://example.org/x/b",\n "@type": "Foo"}\n', (3, 11)),
    # an RDF/XML element name, under a prefix its namespaces declare
    ("a.rdf", '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf='
              '"http://www.w3.org/1999/02/22-rdf-syntax-ns#"\n'
              '  xmlns:bcic="https://w3id.org/bcic/ontology#">\n'
              '  <bcic:Foo rdf:about="https://example.org/x/b"/>\n</rdf:RDF>\n', (4, 4)),
    # an element of the default namespace: the file, but not where in it (no line)
    ("a.rdf", '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf='
              '"http://www.w3.org/1999/02/22-rdf-syntax-ns#"\n'
              '  xmlns="https://w3id.org/bcic/ontology#">\n'
              '  <Foo rdf:about="https://example.org/x/b"/>\n</rdf:RDF>\n', ()),
])
def test_where_a_term_is_first_written_in_each_format(
        name: str, text: str, place: tuple[int, int] | tuple[()]) -> None:
    (found,) = [t for t in _notes(text, name).terms if t.iri == BCIC.Foo]
    assert found.place == Place(name, *place)


# The tester's RDF/XML beside a Turtle file: a class typo as an element name (line 4), and a
# property typo in the default namespace.
RDF_XML_TYPO = ('<?xml version="1.0"?>\n'
                '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                'xmlns:bcic="https://w3id.org/bcic/ontology#"\n'
                '         xmlns="https://w3id.org/bcic/ontology#">\n'
                '  <bcic:ValueChainDriveAnalysys rdf:about="https://example.org/x/drive">\n'
                '    <driveModes rdf:resource="https://w3id.org/bcic/ontology#BuyerDriven"/>\n'
                '  </bcic:ValueChainDriveAnalysys>\n</rdf:RDF>\n')
RDF_XML_NOTES = {
    "en": ["bcic:ValueChainDriveAnalysys (used as a class, first at x.rdf:4:4)",
           "bcic:driveModes (used as a property, in x.rdf, line unknown)"],
    "zh": ["bcic:ValueChainDriveAnalysys（用作类，首次出现于 x.rdf:4:4）",
           "bcic:driveModes（用作属性，出现于 x.rdf，行号未知）"]}


def _rdf_xml_typos() -> Report:
    return validate_submission([SubmissionFile("a.ttl", b"<https://example.org/x/a> "
                                               b"<https://example.org/p> 1 .\n"),
                                SubmissionFile("x.rdf", RDF_XML_TYPO.encode())], processes=1)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["text", "html", "json", "ttl"])
def test_an_rdf_xml_typo_names_its_file_and_line_when_found_in_every_format(
        fmt: str, lang: str) -> None:
    shown = render_report(_rdf_xml_typos(), fmt, lang)  # type: ignore[arg-type]
    flat = " ".join(shown.split()) if lang == "en" else "".join(shown.split())
    for note in RDF_XML_NOTES[lang]:
        assert (" ".join(note.split()) if lang == "en" else "".join(note.split())) in flat


def test_an_rdf_xml_typo_without_a_line_keeps_its_file_in_json_turtle_and_the_store() -> None:
    report = _rdf_xml_typos()
    assert [t.place for t in report.term_notes.terms] == [Place("x.rdf", 4, 4), Place("x.rdf")]
    document = json.loads(render_report(report, "json", "en"))
    assert [(t["file"], t["line"], t["column"]) for t in document["unknown_terms"]] == [
        ("x.rdf", 4, 4), ("x.rdf", None, None)]
    graph = report_graph(report)
    (note,) = graph.subjects(BCIC.unknownTerm, BCIC.driveModes)
    assert graph.value(graph.value(note, BCIC.inFile), DCTERMS.title) == Literal("x.rdf")
    assert graph.value(note, BCIC.lineNumber) is None
    store = open_store("oxigraph")
    info, fresh = ingest_submission(store, [SubmissionFile("a.ttl", b"<https://example.org/x/a> "
                                                           b"<https://example.org/p> 1 .\n"),
                                            SubmissionFile("x.rdf", RDF_XML_TYPO.encode())],
                                     cluster=URIRef("https://example.org/x/cluster"))
    assert [t.place for t in fresh.term_notes.terms] == [Place("x.rdf", 4, 4), Place("x.rdf")]
    assert read_report(store, info.cluster, info.number).term_notes == fresh.term_notes


def test_the_second_file_is_named_where_a_term_is_first_written_there() -> None:
    report = validate_submission([
        SubmissionFile("one.ttl", b"<https://example.org/x/a> <https://example.org/p> 1 .\n"),
        SubmissionFile("two.ttl", b"\n<https://example.org/x/a> a "
                                  b"<https://w3id.org/bcic/ontology#Foo> .\n")], processes=1)
    assert report.term_notes.terms[0].place == Place("two.ttl", 2, 29)


def test_a_submission_with_many_unknown_terms_lists_some_and_counts_the_rest() -> None:
    many = "".join(f'<https://example.org/x/a> <https://w3id.org/bcic/ontology#p{i:02d}> "{i}" .\n'
                   for i in range(MAX_LISTED + 5))
    report = _validated("many.nt", many)
    assert len(report.term_notes.terms) == MAX_LISTED and report.term_notes.more == 5
    assert "5 more IRI(s) of these namespaces that the ontology does not define are not listed." \
        in " ".join(render_report(report, "text", "en").split())
    assert json.loads(render_report(report, "json", "zh"))["unknown_terms_more"] == 5
    assert (None, BCIC.unlistedUnknownTerms, Literal(5)) in report_graph(report)


@pytest.mark.parametrize("name", ["dehua-ceramics", "datang-socks", "meitan-tea"])
def test_the_samples_use_only_terms_the_ontology_defines(name: str) -> None:
    path = EXAMPLES_DIR / f"{name}.ttl"
    assert _validated(path.name, path.read_text(encoding="utf-8")).term_notes == TermNotes()


@pytest.mark.parametrize("lang, heading", [("zh", "本体未定义的术语"),
                                           ("en", "Terms the ontology does not define")])
def test_the_web_report_pages_show_the_notes(  # type: ignore[no-untyped-def]
        make_web_app, tmp_path: Path, lang: str, heading: str) -> None:
    client, stored, fresh = stored_and_fresh_pages(make_web_app, tmp_path, MISSPELT,
                                                   "dehua-typos.ttl", lang)
    for page, name in ((stored, "dehua-typos.ttl"), (fresh, "pasted.ttl")):
        said = page.get_data(as_text=True)
        assert '<section id="unknown-terms">' in said and heading in said
        assert NOTES[lang][1].replace("dehua-typos.ttl", name) in said
    api = client.post(f"/api/validate?lang={lang}", data=MISSPELT.encode(),
                      headers={"Content-Type": "text/turtle"})
    assert [t["term"] for t in api.get_json()["unknown_terms"]] == [
        str(BCIC.implementationSteps), str(BCIC.BrandFunds)]


def test_every_term_the_ontology_files_describe_is_known() -> None:
    """The vocabulary reads the typed subjects; a term described but left untyped would be
    called unknown in every submission that uses it."""
    ontology = load_rulebook().labels_graph
    described = {s for s in ontology.subjects() if isinstance(s, URIRef)
                 and str(s).startswith((str(BCIC), str(IND), str(REQ)))}
    assert len(described) > 600 and described <= load_rulebook().vocabulary.defined


def test_the_standard_namespaces_are_the_only_ones_checked() -> None:
    notes = _notes("""@prefix shp: <https://w3id.org/bcic/shapes/gbt-draft/> .
<https://example.org/x/a> <https://example.org/own#term> shp:Nothing ;
    a <https://w3id.org/bcic/ontology> .
""")
    assert notes == TermNotes()


def test_a_misspelt_value_is_matched_first_to_the_values_allowed_where_it_stands() -> None:
    """The tester's `org:role bcic:EnterpriseRole`: the member roles are what org:role allows
    (4.1), so the note suggests one of them, never the class bcic:Enterprise whose name is as
    close; a value of a property nothing constrains is matched to the other values before any
    class."""
    notes = _notes("""@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
<https://example.org/x/m> a org:Membership ; org:role bcic:EnterpriseRole .
<https://example.org/x/a> <https://example.org/own#p> bcic:GovernmentRol .
""")
    assert {t.iri: (t.use, t.suggestion) for t in notes.terms} == {
        BCIC.EnterpriseRole: (TermUse.VALUE, BCIC.IndustryEnterpriseRole),
        BCIC.GovernmentRol: (TermUse.VALUE, BCIC.GovernmentRole)}


# Typos of reused vocabularies' terms beside their real terms (org:Membership, org:member).
REUSED_TYPOS = """@prefix ex: <https://example.org/x/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix org: <http://www.w3.org/ns/org#> .
ex:kpi prov:wasAtributedTo ex:body ; dcterms:titel "x"@zh .
ex:m a org:Membership ; org:member ex:e ; org:memberof ex:body .
"""
REUSED_NOTES = {
    "en": ["prov:wasAtributedTo (used as a property, first at r.ttl:5:8) is not a term of PROV-O. "
           "Did you mean “attributed to” (prov:wasAttributedTo)?",
           "dcterms:titel (used as a property, first at r.ttl:5:38) is not a term of DCMI "
           "Metadata Terms. Did you mean “title” (dcterms:title)?",
           "org:memberof (used as a property, first at r.ttl:6:43) is not a term of the "
           "Organization Ontology (ORG). Did you mean org:memberOf?"],
    "zh": ["prov:wasAtributedTo（用作属性，首次出现于 r.ttl:5:8）不是 PROV-O 中的术语。"
           "是否应为“归属方”（prov:wasAttributedTo）？",
           "dcterms:titel（用作属性，首次出现于 r.ttl:5:38）不是 DCMI 元数据术语中的术语。"
           "是否应为“标题”（dcterms:title）？",
           "org:memberof（用作属性，首次出现于 r.ttl:6:43）不是 ORG 组织本体中的术语。"
           "是否应为 org:memberOf？"]}


def test_typos_of_reused_vocabularies_terms_are_noted_with_the_term_meant() -> None:
    notes = _notes(REUSED_TYPOS, "r.ttl")
    assert [(t.iri, t.use, t.suggestion) for t in notes.terms] == [
        (URIRef("http://www.w3.org/ns/prov#wasAtributedTo"), TermUse.PROPERTY,
         URIRef("http://www.w3.org/ns/prov#wasAttributedTo")),
        (URIRef("http://purl.org/dc/terms/titel"), TermUse.PROPERTY,
         URIRef("http://purl.org/dc/terms/title")),
        (URIRef("http://www.w3.org/ns/org#memberof"), TermUse.PROPERTY,
         URIRef("http://www.w3.org/ns/org#memberOf"))]


def test_the_zh_json_notes_set_latin_apart_by_one_space_and_no_more() -> None:
    """「不是 PROV-O 中的术语」, but 「不是 DCMI 元数据术语中的术语」: no space after Chinese
    (the JSON message, unwrapped, as written)."""
    document = json.loads(render_report(_validated("r.ttl", REUSED_TYPOS), "json", "zh"))
    assert [t["message"] for t in document["unknown_terms"]] == REUSED_NOTES["zh"]


def test_a_class_typo_of_a_reused_vocabulary_is_matched_to_a_class() -> None:
    (note,) = _notes("@prefix org: <http://www.w3.org/ns/org#> .\n"
                     "<https://example.org/x/m> a org:membership .\n", "c.ttl").terms
    assert (note.use, note.suggestion) == (TermUse.CLASS,
                                           URIRef("http://www.w3.org/ns/org#Membership"))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["text", "html", "json", "ttl"])
def test_reused_vocabularies_typos_are_said_in_every_format(fmt: str, lang: str) -> None:
    shown = render_report(_validated("r.ttl", REUSED_TYPOS), fmt, lang)  # type: ignore[arg-type]
    if fmt == "html":
        shown = shown.replace("&#34;", '"').replace("&quot;", '"')
    flat = " ".join(shown.split()) if lang == "en" else "".join(shown.split())
    for note in REUSED_NOTES[lang]:
        assert (" ".join(note.split()) if lang == "en" else "".join(note.split())) in flat


def test_reused_vocabularies_typos_are_read_back_from_the_store() -> None:
    store = open_store("oxigraph")
    info, fresh = ingest_submission(store, [SubmissionFile("r.ttl", REUSED_TYPOS.encode())],
                                    cluster=URIRef("https://example.org/x/cluster"))
    assert len(fresh.term_notes.terms) == 3
    assert read_report(store, info.cluster, info.number).term_notes == fresh.term_notes


# RDF's and RDF Schema's own terms misspelt in Turtle, and RDF/XML's syntax attributes misspelt
# (`rdf:abut=`, read as properties of RDF's namespace), beside their legitimate uses: container
# members, collections, reification, typed and parsed literals, blank node ids.
RDF_TYPOS = ("@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
             "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
             "@prefix bcic: <https://w3id.org/bcic/ontology#> .\n"
             "<https://example.org/x/a> rdf:tpye bcic:IndustrialCluster ;\n"
             '    rdfs:lable "甲" ; rdfs:coment "乙" ; rdf:_1 "x" ; rdfs:member "y" ;\n'
             "    rdf:value ( 1 2 ) ; rdfs:seeAlso <https://example.org/x/b> .\n"
             "<https://example.org/x/b> a rdf:Seq , rdfs:Resource .\n")
RDF_XML_SYNTAX_TYPOS = (
    '<?xml version="1.0"?>\n'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"\n'
    '         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"\n'
    '         xmlns:ex="https://example.org/x/" xml:base="https://example.org/x/">\n'
    '  <rdf:Description rdf:abut="https://example.org/x/c">\n'
    '    <ex:p rdf:resourse="https://example.org/x/d"/>\n'
    '    <ex:q rdf:ID="s1" rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">3</ex:q>\n'
    '    <ex:r><rdf:Bag><rdf:li>one</rdf:li></rdf:Bag></ex:r>\n'
    '    <ex:s rdf:parseType="Collection"><rdf:Description rdf:about="e"/></ex:s>\n'
    '    <ex:t rdf:parseType="Resource"><ex:u>v</ex:u></ex:t>\n'
    '    <ex:w rdf:nodeID="n1"/>\n'
    '    <ex:x rdf:parseType="Literal"><b>x</b></ex:x>\n'
    '  </rdf:Description>\n'
    '  <rdf:Description rdf:nodeID="n1" rdf:value="v" rdfs:label="l" rdfs:comment="c"/>\n'
    '</rdf:RDF>\n')
RDF_NOTES = {
    "en": ["rdf:tpye (used as a property, first at t.ttl:4:27) is not a term of RDF. Did you mean "
           "“type” (rdf:type)?",
           "rdfs:coment (used as a property, first at t.ttl:5:22) is not a term of RDF Schema. "
           "Did you mean rdfs:comment?",
           "rdf:abut (used as a property, first at s.rdf:5:20) is not a term of RDF. Did you mean "
           "the RDF/XML attribute rdf:about?",
           "rdf:resourse (used as a property, first at s.rdf:6:11) is not a term of RDF. Did you "
           "mean the RDF/XML attribute rdf:resource?"],
    "zh": ["rdf:tpye（用作属性，首次出现于 t.ttl:4:27）不是 RDF 中的术语。是否应为“类型”（rdf:type）？",
           "rdfs:coment（用作属性，首次出现于 t.ttl:5:22）不是 RDF Schema 中的术语。"
           "是否应为 rdfs:comment？",
           "rdf:abut（用作属性，首次出现于 s.rdf:5:20）不是 RDF 中的术语。"
           "是否应为 RDF/XML 的语法属性 rdf:about？",
           "rdf:resourse（用作属性，首次出现于 s.rdf:6:11）不是 RDF 中的术语。"
           "是否应为 RDF/XML 的语法属性 rdf:resource？"]}


def _rdf_typos() -> Report:
    return validate_submission([SubmissionFile("t.ttl", RDF_TYPOS.encode()),
                                SubmissionFile("s.rdf", RDF_XML_SYNTAX_TYPOS.encode())],
                               processes=1)


def test_rdf_terms_and_rdf_xml_attributes_misspelt_are_noted_with_the_one_meant() -> None:
    """rdf:tpye gives rdf:type, and RDF/XML's rdf:abut= and rdf:resourse= (syntax attributes,
    not terms of RDF) the attributes rdf:about and rdf:resource; no legitimate term of RDF, RDF
    Schema or XML Schema, nor RDF/XML's syntax, is noted."""
    rdf, rdfs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#"
    assert [(t.iri, t.suggestion) for t in _rdf_typos().term_notes.terms] == [
        (URIRef(rdf + "tpye"), URIRef(rdf + "type")),
        (URIRef(rdfs + "lable"), URIRef(rdfs + "label")),
        (URIRef(rdfs + "coment"), URIRef(rdfs + "comment")),
        (URIRef(rdf + "abut"), URIRef(rdf + "about")),
        (URIRef(rdf + "resourse"), URIRef(rdf + "resource"))]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["text", "html", "json", "ttl"])
def test_the_rdf_xml_attribute_meant_is_said_in_every_format(fmt: str, lang: str) -> None:
    shown = render_report(_rdf_typos(), fmt, lang)  # type: ignore[arg-type]
    if fmt == "html":
        shown = shown.replace("&#34;", '"').replace("&quot;", '"')
    flat = " ".join(shown.split()) if lang == "en" else "".join(shown.split())
    for note in RDF_NOTES[lang]:
        assert (" ".join(note.split()) if lang == "en" else "".join(note.split())) in flat


# A key misspelt under a JSON-LD context's vocabulary (line 6), and a type beside it (line 5).
VOCAB_TYPO = ('{\n  "@context": {"@vocab": "https://w3id.org/bcic/ontology#",\n'
              '               "ex": "https://example.org/x/"},\n'
              '  "@id": "ex:obs",\n  "@type": "IndicatorObservation",\n'
              '  "observedValu": 35.2\n}\n')
VOCAB_NOTES = {"en": "bcic:observedValu (used as a property, first at v.jsonld:6:3)",
               "zh": "bcic:observedValu（用作属性，首次出现于 v.jsonld:6:3）"}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["text", "html", "json", "ttl"])
def test_a_key_misspelt_under_a_json_ld_vocabulary_is_placed_on_its_line(
        fmt: str, lang: str) -> None:
    """`"observedValu": 35.2` under `"@vocab"` was said to be in v.jsonld, "line unknown": its
    key's line and column are given, as for a key written with a prefix."""
    report = _validated("v.jsonld", VOCAB_TYPO)
    (note,) = report.term_notes.terms
    assert note.place == Place("v.jsonld", 6, 3)
    shown = render_report(report, fmt, lang)  # type: ignore[arg-type]
    flat = " ".join(shown.split()) if lang == "en" else "".join(shown.split())
    said = VOCAB_NOTES[lang]
    assert (" ".join(said.split()) if lang == "en" else "".join(said.split())) in flat


def test_a_term_meant_without_a_label_is_set_apart_by_spaces_in_zh() -> None:
    """「是否应为rdfs:comment？」 ran Latin into Chinese; 「是否应为 RDF/XML 的语法属性 rdf:about」
    did not: a prefixed name is set apart by spaces, a label in quotation marks is not."""
    document = json.loads(render_report(_rdf_typos(), "json", "zh"))
    messages = [t["message"] for t in document["unknown_terms"]]
    assert any(m.endswith("是否应为 rdfs:comment？") for m in messages), messages
    assert not any("是否应为rdf" in m for m in messages), messages


def test_the_terms_of_rdf_1_2_are_no_unknown_terms() -> None:
    """rdf:reifies (RDF 1.2) was said to be no term of RDF, while rdf:CompoundLiteral,
    rdf:direction and rdf:JSON passed: none is noted, nor rdf:dirLangString."""
    text = ("@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
            "<https://example.org/x/a> rdf:reifies <https://example.org/x/b> ;\n"
            "    rdf:direction \"ltr\" ; a rdf:CompoundLiteral .\n"
            "<https://example.org/x/c> a rdf:dirLangString , rdf:JSON .\n")
    assert _notes(text, "rdf12.ttl").terms == ()


# RDF/XML's node element misspelt (`<rdf:Descripton …>`), read as a node typed by a class of
# RDF's namespace.
RDF_XML_ELEMENT_TYPO = (
    '<?xml version="1.0"?>\n'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"\n'
    '         xmlns:ex="https://example.org/x/">\n'
    '  <rdf:Descripton rdf:about="https://example.org/x/c">\n'
    '    <ex:p>v</ex:p>\n'
    '  </rdf:Descripton>\n'
    '</rdf:RDF>\n')
RDF_ELEMENT_NOTES = {
    "en": "rdf:Descripton (used as a class, first at e.rdf:4:4) is not a term of RDF. Did you "
          "mean the RDF/XML element rdf:Description?",
    "zh": "rdf:Descripton（用作类，首次出现于 e.rdf:4:4）不是 RDF 中的术语。"
          "是否应为 RDF/XML 的语法元素 rdf:Description？"}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["text", "html", "json", "ttl"])
def test_the_rdf_xml_element_meant_is_said_in_every_format(fmt: str, lang: str) -> None:
    """<rdf:Descripton> gives the node element rdf:Description (no term of RDF: it had no
    suggestion), in every format and language."""
    report = validate_submission([SubmissionFile("e.rdf", RDF_XML_ELEMENT_TYPO.encode())],
                                 processes=1)
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    assert [(t.iri, t.suggestion) for t in report.term_notes.terms] == [
        (URIRef(rdf + "Descripton"), URIRef(rdf + "Description"))]
    shown = render_report(report, fmt, lang)  # type: ignore[arg-type]
    flat = " ".join(shown.split()) if lang == "en" else "".join(shown.split())
    note = RDF_ELEMENT_NOTES[lang]
    assert (" ".join(note.split()) if lang == "en" else "".join(note.split())) in flat

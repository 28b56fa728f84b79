"""A misspelt class, property or value of the standard's namespaces (`bcic:BrandFunds` for
bcic:BrandFund) is a note of the report (checker/unknown_terms.py), with where it is first
written and the term it likely meant, never changing a status or the verdict."""

from __future__ import annotations

from functools import cache

import pytest

from checker.loading import SubmissionFile
from checker.namespaces import BCIC, IND, REQ
from checker.paths import EXAMPLES_DIR
from checker.report import Report
from checker.unknown_terms import Place, TermNotes, TermUse, UnknownTerm
from checker.validation import validate_submission

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


def test_a_note_changes_no_status_rate_or_verdict() -> None:
    dehua, extra = _validated("d.ttl", DEHUA.read_text()), _validated("d.ttl", EXTRA)
    assert len(extra.term_notes.terms) == 4 and dehua.term_notes == TermNotes()
    assert [(o.requirement.id, o.status, len(o.results)) for o in extra.outcomes] == [
        (o.requirement.id, o.status, len(o.results)) for o in dehua.outcomes]
    assert (extra.conforms, extra.overall, extra.worst_severity()) == (
        dehua.conforms, dehua.overall, dehua.worst_severity())


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
    # an RDF/XML element name: the loader cannot tell where
    ("a.rdf", '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf='
              '"http://www.w3.org/1999/02/22-rdf-syntax-ns#"\n'
              '  xmlns:bcic="https://w3id.org/bcic/ontology#">\n'
              '  <bcic:Foo rdf:about="https://example.org/x/b"/>\n</rdf:RDF>\n', None),
])
def test_where_a_term_is_first_written_in_each_format(
        name: str, text: str, place: tuple[int, int] | None) -> None:
    (found,) = [t for t in _notes(text, name).terms if t.iri == BCIC.Foo]
    assert found.place == (Place(name, *place) if place else None)


def test_the_second_file_is_named_where_a_term_is_first_written_there() -> None:
    report = validate_submission([
        SubmissionFile("one.ttl", b"<https://example.org/x/a> <https://example.org/p> 1 .\n"),
        SubmissionFile("two.ttl", b"\n<https://example.org/x/a> a "
                                  b"<https://w3id.org/bcic/ontology#Foo> .\n")], processes=1)
    assert report.term_notes.terms[0].place == Place("two.ttl", 2, 29)


@pytest.mark.parametrize("name", ["dehua-ceramics", "datang-socks", "meitan-tea"])
def test_the_samples_use_only_terms_the_ontology_defines(name: str) -> None:
    path = EXAMPLES_DIR / f"{name}.ttl"
    assert _validated(path.name, path.read_text(encoding="utf-8")).term_notes == TermNotes()


def test_the_standard_namespaces_are_the_only_ones_checked() -> None:
    notes = _notes("""@prefix shp: <https://w3id.org/bcic/shapes/gbt-draft/> .
<https://example.org/x/a> <https://example.org/own#term> shp:Nothing ;
    a <https://w3id.org/bcic/ontology> .
""")
    assert notes == TermNotes()

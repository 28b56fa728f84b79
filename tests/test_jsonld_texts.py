"""A string the JSON-LD context reads as a reference (`"@type": "@id"`, as the shipped context
reads bcic:basedOn and org:role) that names no record is the text the author wrote
(checker/loading/jsonld_texts.py): the report says a text was given where a record or term is
asked (9.1.1, 4.1), with how to refer to one and where the text is written, as for Turtle; one
with a space is read so too, not refused; a reference to a record described anywhere in the
submission stays one."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import ORG

from checker.loading import (SUBMISSION_BASE_IRI, SubmissionFile, SubmissionParseError,
                             load_submission)
from checker.namespaces import BCIC
from checker.render import render_report
from checker.report import Report, Status
from checker.validation import validate_submission
from tests.test_text_for_record import DEHUA, KPI

CONTEXT = """  "@context": {"ex": "https://example.org/cluster/dehua/",
               "bcic": "https://w3id.org/bcic/ontology#", "prov": "http://www.w3.org/ns/prov#",
               "dcterms": "http://purl.org/dc/terms/", "xsd": "http://www.w3.org/2001/XMLSchema#",
               "org": "http://www.w3.org/ns/org#",
               "dcterms:date": {"@type": "xsd:date"}, "org:role": {"@type": "@id"},
               "prov:wasAttributedTo": {"@type": "@id"}, "bcic:basedOn": {"@type": "@id"}},
"""


def _kpi(based_on: str) -> str:
    """The KPI system of 9.1.1 in JSON-LD with the shipped context's reading of bcic:basedOn."""
    return ("{\n" + CONTEXT + """  "@id": "ex:kpi-system", "@type": "bcic:KPISystem",
  "dcterms:title": {"@value": "德化陶瓷产业集群品牌培育关键绩效指标体系", "@language": "zh"},
  "dcterms:date": "2021-05-10",
  "prov:wasAttributedTo": "ex:body",
  "bcic:basedOn": """ + f'"{based_on}"' + "\n}\n")


def _loaded(*files: tuple[str, str]) -> set[tuple[object, object, object]]:
    """The statements of a submission."""
    return set(load_submission([SubmissionFile(name, text.encode()) for name, text in files]))


def _block(report: Report, lang: str) -> str:
    """The text report's lines under 9.1.1, up to its hint."""
    shown = render_report(report, "text", lang)  # type: ignore[arg-type]
    start = shown.index("✘ 9.1.1 ")
    return shown[start:shown.index("→", start)]


def test_a_string_read_as_a_reference_that_names_no_record_is_loaded_as_its_text() -> None:
    membership = ('{\n' + CONTEXT + '  "@id": "ex:m0", "@type": "org:Membership",\n'
                  '  "org:role": "行业企业"\n}\n')
    loaded = _loaded(("m.jsonld", membership))
    m0 = URIRef("https://example.org/cluster/dehua/m0")
    assert (m0, ORG.role, Literal("行业企业")) in loaded
    assert not any(str(term).startswith(SUBMISSION_BASE_IRI) for t in loaded for term in t)


def test_a_relative_reference_to_a_record_described_anywhere_stays_a_reference() -> None:
    """`"@id": "strategy"` in the file, or `<strategy>` in another, describes the record."""
    described = ('{\n' + CONTEXT + '  "@graph": [{"@id": "strategy", "@type": "bcic:Strategy"},\n'
                 '   {"@id": "ex:kpi", "bcic:basedOn": "strategy"}]\n}\n')
    strategy = URIRef(SUBMISSION_BASE_IRI + "strategy")
    kpi = URIRef("https://example.org/cluster/dehua/kpi")
    assert (kpi, BCIC.basedOn, strategy) in _loaded(("k.jsonld", described))
    elsewhere = '{\n' + CONTEXT + '  "@id": "ex:kpi", "bcic:basedOn": "strategy"\n}\n'
    assert (kpi, BCIC.basedOn, strategy) in _loaded(
        ("k.jsonld", elsewhere), ("s.ttl", "<strategy> a <https://w3id.org/bcic/ontology#X> ."))
    assert (kpi, BCIC.basedOn, Literal("strategy")) in _loaded(("k.jsonld", elsewhere))


def test_a_title_where_json_ld_reads_a_reference_is_said_to_be_text_in_zh_and_en() -> None:
    """9.1.1: "bcic:basedOn": "德化陶瓷品牌培育战略" resolved to the hidden base was reported as
    an IRI under it that is no strategy and lacks an attribution; it is a text, as in Turtle."""
    kpi = _kpi("德化陶瓷品牌培育战略")
    line = next(n for n, row in enumerate(kpi.split("\n"), 1) if "basedOn\": \"" in row)
    report = validate_submission([SubmissionFile("dehua.ttl", DEHUA.replace(KPI, "").encode()),
                                  SubmissionFile("kpi.jsonld", kpi.encode())], processes=1)
    assert report.outcome("9.1.1").status is Status.NOT_MET
    zh, en = _block(report, "zh"), _block(report, "en")
    assert ("“依据”的取值“德化陶瓷品牌培育战略”（给出的是文本）不是记录，应指向一项“产业集群品牌培育战略”"
            "：以 IRI 指向该记录") in zh and f"（写于 kpi.jsonld:{line}）" in zh, zh
    assert ("its “based on” “德化陶瓷品牌培育战略” (given as text) is not a record"
            in en and f"(written at kpi.jsonld:{line})" in en), en
    for block in (zh, en):
        assert "invalid" not in block and "…/德化陶瓷品牌培育战略" not in block, block


def test_a_text_with_a_space_where_json_ld_reads_a_reference_is_no_refusal() -> None:
    """A space makes no IRI: the parser dropped the statement and the whole file was refused,
    naming no line; it is the text written, said so where it is written (9.1.1)."""
    kpi = _kpi("Dehua brand strategy 2021")
    line = next(n for n, row in enumerate(kpi.split("\n"), 1) if "basedOn\": \"" in row)
    report = validate_submission([SubmissionFile("dehua.ttl", DEHUA.replace(KPI, "").encode()),
                                  SubmissionFile("kpi.jsonld", kpi.encode())], processes=1)
    en = _block(report, "en")
    assert ("its “based on” “Dehua brand strategy 2021” (given as text) is not a record" in en
            and f"(written at kpi.jsonld:{line})" in en), en
    assert "“依据”的取值“Dehua brand strategy 2021”（给出的是文本）不是记录" in _block(report, "zh")
    # Only a value read as a reference is a text: an @id with a space names no record.
    text = '{\n' + CONTEXT + '  "@id": "ex:my kpi", "bcic:basedOn": "a b"\n}\n'
    with pytest.raises(SubmissionParseError) as refused:
        _loaded(("k.jsonld", text))
    assert "'https://example.org/cluster/dehua/my kpi' is not an absolute IRI" in str(
        refused.value)


def test_a_text_with_a_space_on_a_record_without_an_id_is_no_refusal() -> None:
    """A blank node (a JSON-LD object without "@id") whose value read as a reference has a space:
    the whole file was refused; it is the text written, as on a named record, with its line
    (9.1.1). One without a space is read as its text too."""
    kpi = _kpi("Dehua brand strategy 2021").replace('"@id": "ex:kpi-system", ', "")
    line = next(n for n, row in enumerate(kpi.split("\n"), 1) if "basedOn\": \"" in row)
    loaded = _loaded(("kpi.jsonld", kpi))
    assert any(p == BCIC.basedOn and o == Literal("Dehua brand strategy 2021")
               for _s, p, o in loaded), loaded
    report = validate_submission([SubmissionFile("dehua.ttl", DEHUA.replace(KPI, "").encode()),
                                  SubmissionFile("kpi.jsonld", kpi.encode())], processes=1)
    en = _block(report, "en")
    assert ("“based on” “Dehua brand strategy 2021” (given as text) is not a record" in en
            and f"(written at kpi.jsonld:{line})" in en), en
    one_word = _loaded(("kpi.jsonld", _kpi("strategy").replace('"@id": "ex:kpi-system", ', "")))
    assert any(p == BCIC.basedOn and o == Literal("strategy") for _s, p, o in one_word)

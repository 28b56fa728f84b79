"""How a finding says to write a value of a kind that needs its datatype, as a JSON-LD submission
reads it (checker/render/findings_view.py): the datatype as xsd:gYear where the submission's
context declares xsd: (examples/bcic-context.jsonld does), its full IRI otherwise; and a date the
context types but writes in another form ("2024/12/01") rewritten as the date it names, as the same
value typed in Turtle is — in zh and en."""

from __future__ import annotations

import pytest

from checker.loading import SubmissionFile
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.report import Report
from checker.validation import validate_submission

XSD_IRI = "http://www.w3.org/2001/XMLSchema#"
YEAR = '"bcic:refYear": "2024"'  # typed xsd:gYear by the context


def anji(*changes: tuple[str, str]) -> Report:
    """The report of examples/anji-bamboo.jsonld with each (old, new) text replaced once."""
    text = (EXAMPLES_DIR / "anji-bamboo.jsonld").read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return validate_submission([SubmissionFile("anji.jsonld", text.encode())], processes=1)


def lines_with(report: Report, lang: str, quoted: str) -> list[str]:
    """The text report's lines that quote `quoted`."""
    return [line for line in render_report(report, "text", lang).split("\n")  # type: ignore[arg-type]
            if quoted in line]


def without_xsd_prefix(text: str) -> str:
    """A JSON-LD text whose context declares no xsd: prefix, every xsd: term written in full."""
    return text.replace('"xsd": "http://www.w3.org/2001/XMLSchema#",', "").replace(
        '"xsd:', f'"{XSD_IRI}')


def test_a_year_given_as_text_under_a_context_declaring_xsd_says_xsd_gyear() -> None:
    """9.2.3: a year written {"@value": "2024"} (text: the value object drops the context's
    type) is said to be written {"@value": "2024", "@type": "xsd:gYear"}, as the context the
    submission uses declares xsd:, not with XSD's full IRI."""
    report = anji((YEAR, '"bcic:refYear": {"@value": "2024"}'))
    [en], [zh] = lines_with(report, "en", "“2024”"), lines_with(report, "zh", "“2024”")
    assert '{"@value": "2024", "@type": "xsd:gYear"} in JSON-LD' in en, en
    assert 'JSON-LD 中写作 {"@value": "2024", "@type": "xsd:gYear"}' in zh, zh
    assert XSD_IRI not in en + zh


def test_a_year_given_as_text_under_a_context_without_xsd_says_the_full_iri() -> None:
    """The same year where the context declares no xsd: prefix: xsd:gYear would not be read as
    XSD's, so the full IRI is said."""
    text = without_xsd_prefix((EXAMPLES_DIR / "anji-bamboo.jsonld").read_text(encoding="utf-8"))
    text = text.replace(YEAR, '"bcic:refYear": {"@value": "2024"}', 1)
    report = validate_submission([SubmissionFile("anji.jsonld", text.encode())], processes=1)
    [en] = lines_with(report, "en", "“2024”")
    assert f'{{"@value": "2024", "@type": "{XSD_IRI}gYear"}} in JSON-LD' in en, en


@pytest.mark.parametrize("lang, said", [
    ("en", "its “date” “2024/12/01” is not valid as a date: write it as 2024-12-01"),
    ("zh", "“日期”的取值“2024/12/01”不是有效的日期，应写为 2024-12-01")])
def test_a_date_typed_by_the_context_in_another_form_is_rewritten(lang: str, said: str) -> None:
    """4.2.1 a): "2024/12/01" under a context giving dcterms:date "@type": "xsd:date" is the
    date 2024-12-01 written otherwise: the finding says to write that date, not only an example
    of the form."""
    report = anji(('"dcterms:date": "2024-04-10"', '"dcterms:date": "2024/12/01"'))
    [line] = lines_with(report, lang, "2024/12/01")
    assert said in line, line
    assert "2021-06-30" not in line


def test_the_same_date_typed_in_turtle_is_rewritten_alike() -> None:
    """"2024/12/01"^^xsd:date in Turtle is the same RDF, and the finding says the same."""
    text = (EXAMPLES_DIR / "dehua-ceramics.ttl").read_text(encoding="utf-8")
    old = 'dcterms:date "2021-06-18"^^xsd:date'
    assert old in text
    text = text.replace(old, 'dcterms:date "2024/12/01"^^xsd:date', 1)
    report = validate_submission([SubmissionFile("dehua.ttl", text.encode())], processes=1)
    [line] = lines_with(report, "en", "2024/12/01")
    assert "its “date” “2024/12/01” is not valid as a date: write it as 2024-12-01" in line, line

"""The RDF/XML example of docs/evidence.md and docs/evidence.zh.md ("A submission in RDF/XML"):
a body writing RDF/XML copies it, so it must be a whole submission that counts as the JSON-LD
example does, with full IRIs in `rdf:resource` and `rdf:datatype` and no DOCTYPE; and both
documents list the formats the README lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.paths import PROJECT_ROOT
from checker.report import Status
from checker.unknown_terms import TermNotes
from checker.validation import validate_files

EVIDENCE_EN = PROJECT_ROOT / "docs" / "evidence.md"
EVIDENCE_ZH = PROJECT_ROOT / "docs" / "evidence.zh.md"
# The extensions the README names for submissions, each format's in both evidence documents.
FORMATS = ("Turtle", "TriG", "JSON-LD", "RDF/XML", "N-Triples", "N-Quads")


def _block(path: Path) -> str:
    """The one RDF/XML block of a document."""
    (block,) = re.findall(r"```xml\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)
    return block


@pytest.mark.parametrize("path", [EVIDENCE_EN, EVIDENCE_ZH], ids=lambda p: p.name)
def test_the_rdfxml_a_document_shows_is_a_submission_that_meets_4_1_and_5_1(
        path: Path, tmp_path: Path) -> None:
    """What a reader copies parses, in the ontology's terms, and its records count."""
    block = _block(path)
    assert "<!DOCTYPE" not in block and 'rdf:datatype="xsd:' not in block
    (submission := tmp_path / "snippet.rdf").write_text(block, encoding="utf-8")
    report = validate_files([submission])
    assert report.outcome("4.1").status is Status.MET
    assert report.outcome("5.1").status is Status.MANUAL_REVIEW
    assert report.term_notes == TermNotes()


def test_both_documents_show_the_same_rdfxml_example() -> None:
    assert _block(EVIDENCE_EN) == _block(EVIDENCE_ZH)


@pytest.mark.parametrize("path", [EVIDENCE_EN, EVIDENCE_ZH], ids=lambda p: p.name)
def test_each_evidence_document_lists_the_formats_the_readme_lists(path: Path) -> None:
    readme = " ".join((PROJECT_ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "Turtle, TriG, JSON-LD, RDF/XML, N-Triples or N-Quads" in readme
    text = path.read_text(encoding="utf-8")
    assert all(name in text for name in FORMATS), [n for n in FORMATS if n not in text]


@pytest.mark.parametrize("path", [EVIDENCE_EN, EVIDENCE_ZH], ids=lambda p: p.name)
def test_each_evidence_document_says_a_figure_with_its_unit_is_no_number(path: Path) -> None:
    """evidence.zh.md claims the content of evidence.md: the unit rule of 9.2.3's values too."""
    text = path.read_text(encoding="utf-8")
    assert '`"35.2%"`' in text and '`"3.5亿元"`' in text

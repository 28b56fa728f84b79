"""The JSON-LD example of examples/ and its @context (docs/evidence.md, docs/evidence.zh.md,
"A submission in JSON-LD"): a brand office writing JSON-LD copies the context, which bcic cannot
fetch (a submission's context is written inline), so the example must use the shipped context as
it is, validate to the figures both documents state, and coerce only what the ontology and shapes
make an IRI or a date."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import OWL, SH

from checker.paths import EXAMPLES_DIR, PROJECT_ROOT
from checker.report import Status
from checker.rulebook import load_rulebook
from checker.unknown_terms import TermNotes
from checker.validation import validate_files

CONTEXT_FILE = EXAMPLES_DIR / "bcic-context.jsonld"
EXAMPLE_FILE = EXAMPLES_DIR / "anji-bamboo.jsonld"
EVIDENCE_EN = PROJECT_ROOT / "docs" / "evidence.md"
EVIDENCE_ZH = PROJECT_ROOT / "docs" / "evidence.zh.md"
# What both documents say the example gives: met, awaiting the evaluator, not met, applicable.
FIGURES = {"met": 1, "pending": 4, "not_met": 102, "applicable": 107}
STATED = {
    EVIDENCE_EN: "1 met, 4 awaiting manual review (4.2.1 a), 5.1, 9.1.2, 9.1.3), 102 not met, "
                 "of 107 applicable",
    EVIDENCE_ZH: "满足 1 项、待人工评审 4 项（4.2.1 a)、5.1、9.1.2、9.1.3）、不满足 102 项，"
                 "适用 107 项",
}


def _json(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


@cache
def _context() -> dict[str, Any]:
    context: dict[str, Any] = _json(CONTEXT_FILE)["@context"]
    return context


def _expand(key: str) -> URIRef:
    prefix, _, local = key.partition(":")
    return URIRef(_context()[prefix] + local)


def test_the_example_uses_the_shipped_context_with_only_its_own_prefix_added() -> None:
    context = dict(_json(EXAMPLE_FILE)["@context"])
    assert context.pop("ex") == "https://example.org/cluster/anji/"
    assert context == _context()


def test_the_json_ld_example_validates_to_the_figures_the_documents_state() -> None:
    report = validate_files([EXAMPLE_FILE])
    overall = report.overall
    assert (overall.met, overall.pending, overall.not_met, overall.total) == tuple(FIGURES.values())
    pending = [o.requirement.id for o in report.with_status(Status.MANUAL_REVIEW)]
    assert pending == ["4.2.1-a", "5.1", "9.1.2", "9.1.3"]
    assert [o.requirement.id for o in report.with_status(Status.MET)] == ["4.1"]
    assert report.term_notes == TermNotes()  # every key and value is a term of the ontology
    for path, stated in STATED.items():
        assert stated in " ".join(path.read_text(encoding="utf-8").split()), path.name


def test_the_context_makes_iris_only_of_object_properties(ontology_graph: Graph) -> None:
    """A value of a key coerced to `@id` is read as an IRI: "ex:body" for prov:wasAttributedTo
    names the body, where without the coercion it is a text."""
    coerced = [key for key, value in _context().items()
               if isinstance(value, dict) and value.get("@type") == "@id"]
    assert len(coerced) > 10
    assert [key for key in coerced
            if (_expand(key), RDF.type, OWL.ObjectProperty) not in ontology_graph] == []


def test_the_context_types_only_the_dates_the_shapes_ask_so() -> None:
    shapes = load_rulebook().shapes_graph
    typed = {key: value["@type"] for key, value in _context().items()
             if isinstance(value, dict) and value.get("@type") != "@id"}
    assert typed == {"dcterms:date": "xsd:date", "bcic:refYear": "xsd:gYear"}
    for key, datatype in typed.items():
        # asked of the path's values directly or by a shape they must conform to (shp:IsDate)
        asked = {shapes.value(node, SH.datatype) for shape in shapes.subjects(SH.path, _expand(key))
                 for node in (shape, *shapes.objects(shape, SH.node))}
        assert _expand(datatype) in asked, key


@pytest.mark.parametrize("path", [EVIDENCE_EN, EVIDENCE_ZH], ids=lambda p: p.name)
def test_the_json_ld_a_document_shows_is_a_submission_that_meets_4_1_and_5_1(
        path: Path, tmp_path: Path) -> None:
    """What a reader copies from the page is whole: it parses, in the ontology's terms, and its
    records count (4.1's member, 5.1's analysis, which then awaits the evaluator)."""
    (block,) = re.findall(r"```json\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)
    (submission := tmp_path / "snippet.jsonld").write_text(block, encoding="utf-8")
    report = validate_files([submission])
    assert report.outcome("4.1").status is Status.MET
    assert report.outcome("5.1").status is Status.MANUAL_REVIEW
    assert report.term_notes == TermNotes()


def _provision_ids(text: str) -> set[str]:
    """The clause ids a document names (4.2.1, 9.1.4), with a list item's letter (6.2 d))."""
    return set(re.findall(r"(?<![\d.])[4-9](?:\.\d+)+(?: [a-i]\))?(?![\d.]?\d)", text))


def test_the_chinese_document_names_every_provision_the_english_one_names() -> None:
    english = _provision_ids(EVIDENCE_EN.read_text(encoding="utf-8"))
    assert {"4.1", "6.2 d)", "9.1.4", "8.3.4"} <= english
    assert english - _provision_ids(EVIDENCE_ZH.read_text(encoding="utf-8")) == set()


def _anchors(text: str) -> list[str]:
    return re.findall(r'<a id="([^"]+)" name="\1"></a>', text)


def test_the_chinese_document_has_the_anchors_of_the_english_one_in_its_order() -> None:
    """A hint's pointer (`docs/evidence.md#8-2-6`) finds the same row in either document."""
    english = _anchors(EVIDENCE_EN.read_text(encoding="utf-8"))
    assert len(english) > 60
    assert _anchors(EVIDENCE_ZH.read_text(encoding="utf-8")) == english


def test_each_evidence_document_links_the_other_and_the_readme_links_both() -> None:
    assert "(evidence.zh.md)" in EVIDENCE_EN.read_text(encoding="utf-8")
    assert "(evidence.md)" in EVIDENCE_ZH.read_text(encoding="utf-8")
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/evidence.md)" in readme and "(docs/evidence.zh.md)" in readme
    for text in (EVIDENCE_EN.read_text(encoding="utf-8"), EVIDENCE_ZH.read_text(encoding="utf-8")):
        assert "examples/bcic-context.jsonld" in text and "examples/anji-bamboo.jsonld" in text

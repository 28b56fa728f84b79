"""The JSON report's guidance (checker/render/guidance_json.py): each distinct ask of the evidence
is written once, under the report's `guidance_asks`, and the evidence names it by id; nothing of
the guidance is lost on the way; people's text is in words, machines' asks in SPARQL paths.
Checked on meitan-tea, the sample with the most gaps."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

from checker.guidance_model import Ask
from checker.i18n import Lang
from checker.namespaces import BCIC
from checker.paths import EXAMPLES_DIR
from checker.render.guidance_view import curie
from checker.render.json_ import render_json, report_document
from checker.report import Report
from checker.validation import validate_files


@pytest.fixture(scope="module")
def meitan() -> Report:
    return validate_files([EXAMPLES_DIR / "meitan-tea.ttl"])


@pytest.fixture(scope="module")
def document(meitan: Report) -> dict[str, Any]:
    return json.loads(render_json(meitan, "en"))


def _resolved(ask_id: str, asks: dict[str, Any]) -> dict[str, Any]:
    found = dict(asks[ask_id])
    found["then"] = [_resolved(t, asks) for t in found["then"]]
    found["options"] = [[_resolved(t, asks) for t in o] for o in found["options"]]
    return found


def _model(ask: Ask) -> dict[str, Any]:
    return {"path": curie(ask.path), "kind": ask.kind.value,
            "expected": [str(e) for e in ask.expected], "known": [str(k) for k in ask.known],
            "closed": ask.closed, "count": ask.count,
            "then": [_model(t) for t in ask.then],
            "options": [[_model(a) for a in o] for o in ask.options]}


def test_each_distinct_ask_is_written_once_and_named_by_id(document: dict[str, Any]) -> None:
    asks = document["guidance_asks"]
    written = [json.dumps(a, sort_keys=True) for a in asks.values()]
    assert len(written) == len(set(written)) > 50
    named = Counter(i for r in document["requirements"] if r["guidance"]
                    for e in r["guidance"]["evidence"] for i in e["asks"])
    named.update(t for a in asks.values() for t in a["then"])
    named.update(t for a in asks.values() for o in a["options"] for t in o)  # 9.2.3
    assert set(named) == set(asks)
    # “attributed to” a cultivation body, said of most records, is written once.
    (body,) = [i for i, a in asks.items() if a["path"] == "prov:wasAttributedTo"
               and a["expected"] == ["https://w3id.org/bcic/ontology#CultivationBody"]]
    assert named[body] > 30


def test_the_evidence_read_back_through_the_ids_is_the_guidance_of_the_report(
        meitan: Report, document: dict[str, Any]) -> None:
    asks = document["guidance_asks"]
    checked = 0
    for row in document["requirements"]:
        guidance = meitan.outcome(row["id"]).how_to
        if guidance is None:
            assert row["guidance"] is None
            continue
        assert [e["class"] for e in row["guidance"]["evidence"]] == [str(c) for c in guidance.classes]
        for said, evidence in zip(row["guidance"]["evidence"], guidance.evidence, strict=True):
            assert [_resolved(i, asks) for i in said["asks"]] == [_model(a) for a in evidence.asks]
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_text_is_in_words_and_the_asks_keep_paths_and_datatypes(meitan: Report,
                                                                    lang: Lang) -> None:
    """A hint's and a checklist item's text say no `xsd:`, `^` or `›` (tests/test_guidance_words.py);
    `guidance_asks` keeps the path and the datatype IRI for a program to act on."""
    document = json.loads(render_json(meitan, lang))
    texts = [r[key]["text"] for r in document["requirements"]
             for key in ("guidance", "review_documents") if r[key] is not None]
    assert len(texts) > 100
    assert not [t for t in texts if "xsd:" in t or "^" in t or "›" in t]
    asks = document["guidance_asks"].values()
    assert "prov:wasAssociatedWith/^org:member" in {a["path"] for a in asks}
    assert ["http://www.w3.org/2001/XMLSchema#date"] in [a["expected"] for a in asks
                                                          if a["kind"] == "datatype"]


def test_an_item_names_the_lead_in_its_hint_builds_on(document: dict[str, Any]) -> None:
    rows = {r["id"]: r for r in document["requirements"]}
    assert rows["4.2.1-c"]["guidance"]["refers_to"] == ["4.2.1"]
    assert rows["9.1.4-a-1"]["guidance"]["refers_to"] == ["9.1.4"]
    assert rows["4.2.1"]["guidance"]["refers_to"] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_json_text_is_what_the_standard_library_writes(meitan: Report, lang: Lang) -> None:
    """orjson writes the report; the text stays json.dumps's, indented by two, not ASCII-escaped."""
    expected = json.dumps(report_document(meitan, lang), ensure_ascii=False, indent=2) + "\n"
    assert render_json(meitan, lang) == expected


def test_a_class_the_ontology_names_values_of_lists_them_for_programs_and_people(
        meitan: Report) -> None:
    """7.1.2.1's kinds of fund: a submitter sees which the ontology names (a tester invented
    bcic:JointProcurement for 4.3.2, then had to look its kinds up), in the hint and in the asks."""
    document = json.loads(render_json(meitan, "en"))
    kinds = [a for a in document["guidance_asks"].values()
             if a["expected"] == [str(BCIC.FundKind)]]
    assert kinds and all(a["known"] == [str(BCIC[k]) for k in (
        "InnovationFund", "SpecialCultivationFund")] for a in kinds)
    hint = next(r for r in document["requirements"] if r["id"] == "7.1.2.1")["guidance"]["text"]
    assert ("pointing to a “kind of fund” (bcic:FundKind), either “cluster brand innovation "
            "fund” (bcic:InnovationFund) or “dedicated cultivation fund” "
            "(bcic:SpecialCultivationFund)") in hint
    # A class with no named values, or too many to list, is asked alone.
    assert all(a["known"] == [] for a in document["guidance_asks"].values()
               if a["expected"] in ([str(BCIC.CultivationBody)], [str(BCIC.PerformanceIndicator)]))

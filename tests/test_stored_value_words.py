"""A stored report says of a value what the fresh one said (9.2.3, decision 23): whether the
indicator of an observation its findings name is measured on a rating scale, and whether the
submission's JSON-LD contexts declare xsd:, are kept in the report graph (bcic:indicatorRated,
bcic:jsonldDeclaresXsd) and read back; a report stored before they were kept reads as before."""

from __future__ import annotations

import pytest
from rdflib import Graph

from checker.ingest import check_submission, store_submission
from checker.loading import SubmissionFile
from checker.namespaces import BCIC
from checker.render.turtle import report_graph
from checker.report import Report
from checker.report_reader import read_report
from checker.store import open_store
from tests.dehua_variants import dehua, text_block
from tests.test_number_as_text import anji, said
from tests.test_rating_words_by_indicator import OBSERVATION, RATING, changed, scale_named


@pytest.fixture(scope="module")
def reports() -> dict[str, tuple[Report, Report]]:
    """Each case, fresh and read back from a store: Dehua's a.1.1 rated and valued “3星” (a
    digit), Anji's export rate "35.2" as text with xsd: declared by its context."""
    store = open_store("oxigraph")
    graph = Graph()
    graph += dehua()
    changed("3星", scale_named)(graph)
    cases = {"rated": SubmissionFile("dehua.ttl", graph.serialize(format="turtle").encode()),
             "xsd": SubmissionFile("anji.jsonld", anji('"35.2"').encode())}
    found = {}
    for case, file in cases.items():
        checked = check_submission([file])
        info = store_submission(store, checked)
        found[case] = (checked.report, read_report(store, info.cluster, info.number))
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_rated_indicators_value_is_said_alike_read_back(
        reports: dict[str, tuple[Report, Report]], lang: str) -> None:
    fresh, back = reports["rated"]
    assert back.rated == fresh.rated and fresh.rated.get(OBSERVATION) is True
    assert RATING[lang] in text_block(back, "9.2.3", lang)
    assert text_block(back, "9.2.3", lang) == text_block(fresh, "9.2.3", lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_xsd_prefix_of_a_json_ld_context_is_said_alike_read_back(
        reports: dict[str, tuple[Report, Report]], lang: str) -> None:
    fresh, back = reports["xsd"]
    assert fresh.jsonld_xsd and back.jsonld_xsd
    assert said(lang, "xsd:decimal") in text_block(back, "9.2.3", lang)


def test_both_are_triples_of_the_report_graph(reports: dict[str, tuple[Report, Report]]) -> None:
    rated, xsd = (report_graph(reports[case][0]) for case in ("rated", "xsd"))
    assert (OBSERVATION, BCIC.indicatorRated, None) in rated
    assert (None, BCIC.jsonldDeclaresXsd, None) in xsd

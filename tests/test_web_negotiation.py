"""Choosing a response format from Accept (web/negotiation.py), over the endpoint's formats."""

from __future__ import annotations

import pytest

from checker.sparql_service import GRAPH_FORMATS, RESULT_FORMATS
from web.negotiation import MediaRange, choose, media_ranges

RESULTS = {f.name: f.media_types for f in RESULT_FORMATS}
GRAPHS = {f.name: f.media_types for f in GRAPH_FORMATS}


def chosen(accept: str, offers: dict[str, tuple[str, ...]]) -> tuple[str, str] | None:
    """The chosen offer's name and label, or None."""
    choice = choose(accept, offers)
    return (choice.offer, choice.media_type) if choice is not None else None


@pytest.mark.parametrize(("accept", "offers", "expected"), [
    ("application/sparql-results+json;charset=utf-8", RESULTS,
     ("json", "application/sparql-results+json")),
    ("text/turtle;charset=utf-8", GRAPHS, ("turtle", "text/turtle")),
    ("text/csv;header=present", RESULTS, ("csv", "text/csv")),
    ("text/turtle;charset=UTF-8, application/rdf+xml;q=0.5", GRAPHS, ("turtle", "text/turtle")),
], ids=["json-charset", "turtle-charset", "csv-header", "turtle-charset-over-rdfxml"])
def test_parameters_other_than_q_do_not_prevent_a_match(
        accept: str, offers: dict[str, tuple[str, ...]], expected: tuple[str, str]) -> None:
    assert chosen(accept, offers) == expected


@pytest.mark.parametrize(("accept", "offers", "expected"), [
    ("text/turtle;q=0, */*;q=0.1", GRAPHS, ("ntriples", "application/n-triples")),
    ("application/sparql-results+json;q=0, */*;q=0.1", RESULTS,
     ("xml", "application/sparql-results+xml")),
    ("application/sparql-results+json;q=0, application/sparql-results+xml;q=0, application/*",
     RESULTS, None),
], ids=["turtle", "json", "every-application-result"])
def test_q_0_on_the_main_type_refuses_the_format_under_its_aliases(
        accept: str, offers: dict[str, tuple[str, ...]], expected: tuple[str, str] | None) -> None:
    assert chosen(accept, offers) == expected


def test_a_format_matched_under_its_main_type_beats_one_matched_under_an_alias() -> None:
    # text/* covers CSV and TSV under their main types, the XML results only under text/xml.
    assert chosen("text/*", RESULTS) == ("csv", "text/csv")


@pytest.mark.parametrize(("accept", "offers", "expected"), [
    ("application/json", GRAPHS, ("jsonld", "application/json")),
    ("text/plain", GRAPHS, ("ntriples", "text/plain")),
    ("application/xml", RESULTS, ("xml", "application/xml")),
    ("text/turtle;q=0, application/x-turtle", GRAPHS, ("turtle", "application/x-turtle")),
], ids=["json-ld-as-json", "n-triples-as-text", "results-as-xml", "turtle-only-as-x-turtle"])
def test_a_format_asked_for_by_an_alias_is_labelled_with_that_alias(
        accept: str, offers: dict[str, tuple[str, ...]], expected: tuple[str, str]) -> None:
    assert chosen(accept, offers) == expected


@pytest.mark.parametrize(("accept", "expected"), [
    ("", ("json", "application/sparql-results+json")),
    ("*/*", ("json", "application/sparql-results+json")),
    ("*", ("json", "application/sparql-results+json")),
    ("text/html, */*;q=0.1", ("json", "application/sparql-results+json")),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9",
     ("xml", "application/sparql-results+xml")),
    ("TEXT/CSV", ("csv", "text/csv")),
], ids=["no-header", "anything", "bare-star", "wildcard-fallback", "q-values", "case"])
def test_a_wildcard_gets_the_servers_favourite_and_q_values_rank(
        accept: str, expected: tuple[str, str]) -> None:
    assert chosen(accept, RESULTS) == expected


@pytest.mark.parametrize("accept", ["image/png", "*/*;q=0", "text/turtle", "not-a-media-type"])
def test_nothing_acceptable_is_none(accept: str) -> None:
    assert chosen(accept, RESULTS) is None


@pytest.mark.parametrize(("accept", "expected"), [
    ("application/rdf+xml, */*", ("rdfxml", "application/rdf+xml")),
    ("text/html, */*", ("html", "text/html")),
    ("*/*", ("turtle", "text/turtle")),
], ids=["named-type", "browser", "wildcard-alone"])
def test_on_equal_quality_a_named_type_beats_the_wildcard(accept: str,
                                                          expected: tuple[str, str]) -> None:
    assert chosen(accept, {**GRAPHS, "html": ("text/html",)}) == expected


def test_the_most_specific_range_decides_even_when_a_wildcard_ranks_higher() -> None:
    # application/* is what counts for JSON and XML results, */* only for CSV and TSV.
    assert chosen("application/*;q=0.2, */*;q=0.8", RESULTS) == ("csv", "text/csv")
    # A range with a parameter is more specific than the same type without (RFC 7231 §5.3.2).
    assert chosen("text/turtle;charset=utf-8;q=0, text/turtle", GRAPHS) is None


def test_media_ranges_count_parameters_and_drop_bad_ones() -> None:
    assert media_ranges('Text/Plain; format=flowed; q=0.3, a/b;x="1;2", nonsense, c/d;q=x') == [
        MediaRange("a", "b", 1, 1), MediaRange("text", "plain", 1, 0.3)]

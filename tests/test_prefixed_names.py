"""A submission's own prefixed names (checker/prefixed_names.py): a record written by a prefix its
file declares, the longest namespace first, else not at all (9.1.1's how-to then writes the full
IRI); a prefixed name RDF/XML left unexpanded read as the IRI its file's xmlns makes of it."""

from __future__ import annotations

from rdflib import Literal, URIRef

from checker.prefixed_names import prefixed_name, prefixes_used, unexpanded

BODY = URIRef("https://example.org/cluster/dehua/body")


def test_a_record_is_written_by_its_files_prefix_the_longest_namespace_first() -> None:
    declared = {"ex": "https://example.org/", "dh": "https://example.org/cluster/dehua/"}
    assert prefixed_name(BODY, declared) == "dh:body"
    assert prefixed_name(BODY, {"ex": "https://example.org/other/"}) is None
    assert prefixed_name(BODY, None) is None
    # A namespace not ending as one does (JSON-LD 1.1 reads no prefix there): none either.
    assert prefixed_name(BODY, {"ex": "https://example.org/cluster/de"}) is None
    # A local name a prefixed name cannot carry as it stands is written in full.
    assert prefixed_name(URIRef("https://example.org/a/b#c"), {"ex": "https://example.org/"}) \
        is None


def test_an_unexpanded_prefixed_name_is_read_with_its_files_declaration_only() -> None:
    declared = {"ex": "https://example.org/c/"}
    assert unexpanded(URIRef("ex:body"), declared) == URIRef("https://example.org/c/body")
    assert unexpanded(URIRef("other:body"), declared) is None
    assert unexpanded(URIRef("https://example.org/c/body"), declared) is None
    assert unexpanded(Literal("ex:body"), declared) is None


def test_only_the_prefixes_a_report_uses_are_kept_per_file() -> None:
    declared = {"a.ttl": {"ex": "https://example.org/cluster/dehua/", "xsd": "http://x/"},
                "b.rdf": {"ex": "https://example.org/c/", "rdf": "http://r/"}}
    assert prefixes_used(declared, [BODY], [URIRef("ex:body")]) == {
        "a.ttl": {"ex": "https://example.org/cluster/dehua/"},
        "b.rdf": {"ex": "https://example.org/c/"}}
    assert prefixes_used(declared, [], []) == {}

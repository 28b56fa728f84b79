"""The query guard parses SPARQL for real: what it refuses, and what it says a query is."""

from __future__ import annotations

import subprocess
import sys

import pyoxigraph
import pytest
from rdflib import URIRef

import checker.store.guard as guard_module
from checker.errors import InputError, QueryRefusedError
from checker.store.guard import MAX_CHAIN, MAX_NESTING, OwnQuery, QueryForm, check_query, check_update, \
    checked_iri, inspect_query
from checker.store.oxigraph_store import OxigraphStore

HIDDEN_SERVICES = [
    "SELECT * WHERE { OPTIONAL { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?p ?o } } } }",
    "ASK { FILTER NOT EXISTS { SERVICE ?where { ?s ?p ?o } } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o "
    "MINUS { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } }",
    "prefix x: <http://e/> select * where { service <http://127.0.0.1:9/> { ?s x:p ?o } }",
    # In a SELECT's FILTER (NOT) EXISTS: rdflib's algebra drops these from the parse tree.
    "SELECT * WHERE { FILTER EXISTS { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } } }",
    "SELECT ?a WHERE { ?a ?b ?c FILTER NOT EXISTS { SERVICE ?e { ?a ?p ?o } } }",
    "SELECT ?a WHERE { ?a ?b ?c FILTER EXISTS { { SELECT ?a WHERE { "
    "SERVICE <http://127.0.0.1:9/> { ?a ?p ?o } } } } }",
]


@pytest.mark.parametrize("query", HIDDEN_SERVICES, ids=range(len(HIDDEN_SERVICES)))
def test_service_anywhere_in_the_parse_tree_is_refused(query: str) -> None:
    assert inspect_query(query).uses_service
    with pytest.raises(QueryRefusedError, match="SERVICE"):
        check_query(query)


SCOPED_VARIABLES = [
    ("SELECT * WHERE { ?a ?b ?c MINUS { ?a ?b ?zz } FILTER NOT EXISTS { ?a ?q ?w } }",
     ("a", "b", "c")),
    ("SELECT * WHERE { ?a ?b ?c { SELECT ?x (1 AS ?one) WHERE { ?x ?y ?z } } BIND(STR(?c) AS ?k) "
     "OPTIONAL { GRAPH ?g { ?a ?p ?o FILTER(?hidden) } } } VALUES ?v { 1 }",
     ("a", "b", "c", "x", "one", "k", "g", "p", "o", "v")),
    ("SELECT ?a (COUNT(?b) AS ?n) WHERE { ?a ?b ?c } GROUP BY ?a", ("a", "n")),
]


@pytest.mark.parametrize(("query", "expected"), SCOPED_VARIABLES,
                         ids=range(len(SCOPED_VARIABLES)))
def test_result_variables_are_those_in_scope_in_text_order(query: str, expected: tuple[str, ...],
                                                           ) -> None:
    """SPARQL 1.1 section 18.2.1: variables only inside FILTER, EXISTS or MINUS, or hidden by a
    subquery's projection, are no columns of `SELECT *`; the engine agrees (as a set)."""
    assert inspect_query(query).variables == expected
    engine = pyoxigraph.Store().query(query)
    assert isinstance(engine, pyoxigraph.QuerySolutions)
    assert {v.value for v in engine.variables} == set(expected)


def test_the_word_service_in_a_string_or_iri_is_no_service() -> None:
    query = ('SELECT ?s WHERE { ?s <http://e/SERVICE> "SERVICE <http://127.0.0.1:9/> { }" }'
             " # SERVICE in a comment")
    assert not inspect_query(query).uses_service


def test_the_iris_a_query_names_are_read_with_its_prefixes_resolved() -> None:
    info = inspect_query("PREFIX g: <https://w3id.org/bcic/graph/>\n"
                         "SELECT ?o WHERE { GRAPH g:summary { ?s <urn:x:p> ?o } }  # <urn:no>")
    assert info.iris == {"https://w3id.org/bcic/graph/", "https://w3id.org/bcic/graph/summary",
                         "urn:x:p"}  # never one in a comment or a string
    assert inspect_query('ASK { ?s ?p "<urn:in-a-string>" }').iris == frozenset()


def test_load_and_service_in_updates_are_refused_and_plain_updates_pass() -> None:
    for update in ("LOAD <http://127.0.0.1:9/data.ttl>",
                   "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"):
        with pytest.raises(QueryRefusedError):
            check_update(update)
    check_update("INSERT DATA { <http://e/a> <http://e/b> 1 }")


def test_nesting_is_counted_outside_strings_comments_and_past_iris() -> None:
    deep = "{" * (MAX_NESTING + 1)
    shallow = f'SELECT ?s WHERE {{ ?s <http://e/a#b(c)> "{deep}" }} # {deep}\n'
    assert inspect_query(shallow).form is QueryForm.SELECT
    with pytest.raises(QueryRefusedError, match="nested"):
        inspect_query("SELECT * WHERE " + "{" * 3000 + "}" * 3000)
    with pytest.raises(QueryRefusedError, match="nested"):  # parens hidden in an IRI-like token
        inspect_query("SELECT * { FILTER(?a<" + "(" * 60 + "?b" + ")" * 60 + ">?c) }")


LONG_CHAINS = {
    "UNION": "SELECT * WHERE { " + " UNION ".join(["{}"] * 7000) + " }",
    "OPTIONAL": "SELECT * WHERE { " + " ".join(["OPTIONAL {}"] * 2500) + " }",
    "path": "SELECT * WHERE { ?s " + "/".join(["<http://e/p>"] * 15000) + " ?o }",
    "operators": "SELECT * WHERE { BIND(" + " + ".join(["1"] * 9000) + " AS ?x) }",
    "chains within one another": "SELECT * WHERE { { ?s " + "|".join(["<http://e/p>"] * 900)
    + " ?o } UNION " + " UNION ".join(["{}"] * 1200) + " }",
}


@pytest.mark.parametrize("query", LONG_CHAINS.values(), ids=LONG_CHAINS.keys())
def test_long_chains_are_refused_though_shallow(query: str) -> None:
    """Shallow text whose chain of operands pyoxigraph would recurse through (it crashed near
    8,000 UNIONs) is refused; a chain the engine nests counts its operands, and nested chains add."""
    with pytest.raises(QueryRefusedError, match="chains more than"):
        inspect_query(query)
    with pytest.raises(QueryRefusedError, match="chains more than"):
        check_update("INSERT { ?s ?p ?o } WHERE { " + query.split("WHERE {", 1)[1])


def test_chains_up_to_the_limit_pass() -> None:
    union = "ASK { " + " UNION ".join(["{}"] * (MAX_CHAIN - 10)) + " }"
    assert inspect_query(union).form is QueryForm.ASK
    assert bool(pyoxigraph.Store().query(union)) is True


def test_select_variables_come_in_projection_or_first_appearance_order() -> None:
    assert inspect_query("SELECT ?b ?a (1 AS ?c) WHERE { ?a ?p ?b }").variables == ("b", "a", "c")
    assert inspect_query("SELECT * WHERE { ?z ?y ?x OPTIONAL { ?x ?q ?w } }").variables == (
        "z", "y", "x", "q", "w")


def test_bad_syntax_and_unknown_prefixes_are_refused() -> None:
    for text in ("SELEC ?s", "SELECT * WHERE { ?s ex:p ?o }", "INSERT DATA { <a:b> <a:c> 1 }"):
        with pytest.raises(QueryRefusedError):
            inspect_query(text)


def test_checked_iri_refuses_what_would_break_out_of_angle_brackets() -> None:
    assert checked_iri("https://example.org/c") == URIRef("https://example.org/c")
    for bad in ("https://e/x> } ; DROP ALL ; <y", "relative", "https://e/a b"):
        with pytest.raises(InputError):
            checked_iri(bad)


def test_the_programs_own_queries_skip_the_parse_and_text_built_on_them_does_not(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An OwnQuery runs unparsed; a plain string, even one made from an OwnQuery, is guarded."""
    parsed: list[str] = []
    real = guard_module.inspect_query
    monkeypatch.setattr(guard_module, "inspect_query",
                        lambda text: parsed.append(text) or real(text))
    store = OxigraphStore(None)
    store._call(lambda raw: raw.add(pyoxigraph.Quad(
        pyoxigraph.NamedNode("http://e/a"), pyoxigraph.NamedNode("http://e/b"),
        pyoxigraph.Literal("c"), pyoxigraph.NamedNode("http://e/g"))))
    own = OwnQuery("SELECT ?o WHERE { <http://e/a> <http://e/b> ?o }")
    assert [str(r["o"]) for r in store.select(own)] == ["c"] and parsed == []
    federated = own.replace("?o }", "?o SERVICE <http://127.0.0.1:9/> { ?o ?p ?x } }")
    assert type(federated) is str and type(f"{own}") is str
    with pytest.raises(QueryRefusedError, match="SERVICE"):
        store.select(federated)
    assert parsed == [federated]


# Eight threads inspect distinct queries at once in a fresh interpreter (rdflib's grammar not yet
# used): the benchmark page rendered by several request threads does the same.
_PARSED_AT_ONCE = """
import threading
from checker.store.guard import inspect_query
failed = []
def inspect(thread):
    for n in range(20):
        try:
            inspect_query(f"PREFIX ex: <https://example.org/> SELECT ?s (COUNT(?o) AS ?n) "
                          f"WHERE {{ ?s ex:p{thread}_{n} ?o FILTER(?o > {n}) }} GROUP BY ?s")
        except Exception as error:
            failed.append(repr(error))
threads = [threading.Thread(target=inspect, args=(t,)) for t in range(8)]
[t.start() for t in threads]
[t.join() for t in threads]
print(len(failed), failed[:1])
"""


def test_queries_inspected_by_many_threads_at_once_are_all_understood() -> None:
    """rdflib's parser is not safe in two threads at once (its first parses from several threads
    left it failing every parse after, with a TypeError from inside pyparsing): parses take
    turns."""
    answer = subprocess.run([sys.executable, "-c", _PARSED_AT_ONCE], capture_output=True,
                            text=True, timeout=300, check=True)
    assert answer.stdout.strip() == "0 []", answer.stdout

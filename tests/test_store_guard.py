"""The query guard parses SPARQL for real: what it refuses, and what it says a query is."""

from __future__ import annotations

import subprocess
import sys

import pyoxigraph
import pytest
from rdflib import URIRef

import checker.store.guard as guard_module
from checker.errors import InputError, QueryRefusedError
from checker.sparql_syntax import full_stops
from checker.store.guard import MAX_CHAIN, MAX_NESTING, MAX_TRIPLE_PATTERNS, OwnQuery, QueryForm, \
    QueryDataset, check_query, check_update, checked_iri, inspect_query
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


@pytest.mark.parametrize("query, dataset", [
    ("SELECT * WHERE { ?s ?p ?o }", None),
    ("PREFIX g: <https://example.org/g/> BASE <https://example.org/base/> "
     "ASK FROM g:a FROM <b> FROM NAMED g:c { ?s ?p ?o }",
     QueryDataset(("https://example.org/g/a", "https://example.org/base/b"),
                  ("https://example.org/g/c",))),
    ("CONSTRUCT { ?s ?p ?o } FROM NAMED <https://example.org/g/n> WHERE { GRAPH ?g { ?s ?p ?o } }",
     QueryDataset((), ("https://example.org/g/n",))),
    ("DESCRIBE <https://example.org/x> FROM <https://example.org/g/d>",
     QueryDataset(("https://example.org/g/d",), ())),
], ids=["none", "prefixed-and-relative", "named-only", "describe"])
def test_the_dataset_a_query_names_is_read_with_its_prefixes_and_base(
        query: str, dataset: QueryDataset | None) -> None:
    """What a remote store sends as the protocol's default-graph-uri and named-graph-uri."""
    assert inspect_query(query).dataset == dataset
    assert inspect_query(query).has_dataset is (dataset is not None)


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


def _basic_graph_pattern(patterns: int, depth: int = 1) -> str:
    """A SELECT whose one basic graph pattern joins `patterns` triple patterns with ".", inside
    `depth` brackets."""
    triples = " ".join(f"<x:a> <x:b> ?v{i} ." for i in range(patterns))
    return ("SELECT * WHERE " + "{ OPTIONAL " * (depth - 1) + "{ " + triples + " }"
            + " }" * (depth - 1))


def test_triple_patterns_past_the_limit_are_refused_saying_so() -> None:
    """2,000 patterns (41 KB) were "maximum recursion depth exceeded": rdflib's parser recurses
    through a basic graph pattern's chain of "."."""
    for text in (_basic_graph_pattern(2000), _basic_graph_pattern(MAX_TRIPLE_PATTERNS + 1)):
        with pytest.raises(QueryRefusedError) as refused:
            inspect_query(text)
        assert refused.value.message == (
            f"the query has more than {MAX_TRIPLE_PATTERNS} triple patterns separated by “.”, "
            "more than the query guard's parser reads; split it into smaller queries")
        assert f"超过 {MAX_TRIPLE_PATTERNS} 个" in refused.value.text("zh")
    with pytest.raises(QueryRefusedError, match="triple patterns"):
        check_update("INSERT { ?s ?p ?o } WHERE " + _basic_graph_pattern(2000).split("WHERE ")[1])


def test_triple_patterns_up_to_the_limit_parse_at_the_deepest_nesting() -> None:
    """Within the guard's own recursion limit, whatever the caller's (the CLI's is Python's
    1,000, which rdflib passed at about 80 patterns); the caller's is left as it was."""
    before = sys.getrecursionlimit()
    text = _basic_graph_pattern(MAX_TRIPLE_PATTERNS, depth=MAX_NESTING - 1)
    assert inspect_query(text).variables == tuple(f"v{i}" for i in range(MAX_TRIPLE_PATTERNS))
    assert sys.getrecursionlimit() == before


def test_full_stops_in_names_numbers_strings_and_iris_are_not_counted() -> None:
    text = ('SELECT * WHERE { ?s <http://e/a.b> "x. y." ; <http://e/c> 1.5 . ?s ex:a.b ?o . } '
            "# a comment. with. stops.")
    assert full_stops(text) == 2


def test_select_variables_come_in_projection_or_first_appearance_order() -> None:
    assert inspect_query("SELECT ?b ?a (1 AS ?c) WHERE { ?a ?p ?b }").variables == ("b", "a", "c")
    assert inspect_query("SELECT * WHERE { ?z ?y ?x OPTIONAL { ?x ?q ?w } }").variables == (
        "z", "y", "x", "q", "w")


def test_bad_syntax_and_unknown_prefixes_are_refused() -> None:
    for text in ("SELEC ?s", "SELECT * WHERE { ?s ex:p ?o }", "INSERT DATA { <a:b> <a:c> 1 }"):
        with pytest.raises(QueryRefusedError):
            inspect_query(text)


NOT_CHARACTERS = {
    "escape-past-unicode": ('SELECT * { BIND("\\U00110000" AS ?x) }', "the SPARQL query cannot be "
                            "parsed: the escape \\U00110000 at line 1, column 18 is not a character"),
    "surrogate-escape": ('ASK {\n FILTER("\\uD800" = "")\n}', "the SPARQL query cannot be "
                         "parsed: the escape \\uD800 at line 2, column 10 is not a character"),
    "escape-in-a-comment": ("ASK {} # \\U0011FFFF", "the escape \\U0011FFFF at line 1, column 10"),
    # bcic query's argument as Python hands it over: the byte 0xFF as U+DCFF (surrogateescape)
    "byte-not-utf8": ('SELECT * { BIND("\udcff" AS ?x) }', "the query is not UTF-8 text: the byte "
                      "0xFF at line 1, column 18 is not UTF-8"),
    "lone-surrogate": ('ASK { FILTER("\ud83d" = "") }', "the query is not UTF-8 text: U+D83D at "
                       "line 1, column 15 is half of a UTF-16 pair, not a character"),
}


@pytest.mark.parametrize("query, said", NOT_CHARACTERS.values(), ids=NOT_CHARACTERS.keys())
def test_text_that_is_no_characters_is_refused_with_its_place(query: str, said: str) -> None:
    """rdflib's parser raised ValueError on such an escape, pyoxigraph UnicodeEncodeError on a
    lone surrogate: `bcic query` said "Internal error" (exit 3), /sparql named a worker."""
    with pytest.raises(QueryRefusedError) as refused:
        inspect_query(query)
    assert said in refused.value.message
    with pytest.raises(QueryRefusedError) as update:
        check_update(f"INSERT {{ ?s ?p ?o }} WHERE {{ {query.split('{', 1)[1]}")
    named = refused.value.message.split(": ", 1)[1].rsplit(" at line", 1)[0]  # "the escape …"
    assert named in update.value.message


@pytest.mark.parametrize("escaped, meant", [
    ("\\u00410041", "A0041"), ("\\u00110000", "\x110000"), ("\\u4E2D\\u56FD", "中国"),
], ids=["text-after", "control-then-text", "two"])
def test_a_four_digit_escape_followed_by_hex_digits_is_read_as_sparql_reads_it(
        escaped: str, meant: str) -> None:
    """SPARQL's `\\u` takes four hex digits, then text (1.1, 19.2); rdflib alone reads eight
    when there are, refusing `\\u00410041` as the code point 0x410041. The guard lets rdflib
    see the eight-digit form, and passes what pyoxigraph, which runs the query, reads."""
    query = f'SELECT * {{ BIND("{escaped}" AS ?x) }}'
    assert inspect_query(query).variables == ("x",)
    check_update(f'INSERT DATA {{ <http://e/s> <http://e/p> "{escaped}" }}')  # no refusal
    [row] = list(pyoxigraph.Store().query(query))
    assert row["x"].value == meant


def test_escapes_of_characters_pass() -> None:
    assert inspect_query('SELECT * { BIND("\\U0001F600\\u00e9" AS ?x) }').variables == ("x",)


@pytest.mark.parametrize("query, said", [
    ("SELECT * { BIND(foo:bar(1) AS ?x) }", "the prefix foo: of “foo:bar” at line 1, column 17"),
    ("SELECT * { BIND(foo:bar(1) AS ?x) ", "the prefix foo: of “foo:bar” at line 1, column 17"),
    ("PREFIX foo: <http://e/> SELECT * { FILTER(1 +) BIND(bar:x(1) AS ?x) }",
     "unexpected “)” at line 1, column 46"),
], ids=["translated", "cut-short", "an-error-before-it"])
def test_an_undeclared_prefix_of_a_function_is_named_where_the_text_stops(query: str,
                                                                         said: str) -> None:
    """pyoxigraph says "expected ENCODE_FOR_URI" past a function's undeclared prefixed name, and
    rdflib's algebra "Unknown namespace prefix : foo", with no place; an error before the name
    is still that error."""
    with pytest.raises(QueryRefusedError) as refused:
        inspect_query(query)
    assert said in refused.value.message


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


# In a fresh interpreter (pyparsing learns each parse action's arity once per process): threads
# that parse their first queries at once, as the pages of a just-started server do.
FIRST_PARSES_AT_ONCE = """
import threading
from checker.store.guard import inspect_query
start, failures = threading.Barrier(8), []
def parse(n):
    start.wait()
    try:
        inspect_query(f"PREFIX ex: <http://e/> SELECT ?s (COUNT(?o) AS ?c) WHERE {{ ?s ex:p{n} ?o "
                      f"OPTIONAL {{ ?o ex:q ?x }} FILTER(?o > {n} && LANG(?x) = 'en') }} "
                      f"GROUP BY ?s ORDER BY DESC(?c) LIMIT {n + 1}")
    except Exception as error:
        failures.append(repr(error))
threads = [threading.Thread(target=parse, args=(n,)) for n in range(8)]
for thread in threads: thread.start()
for thread in threads: thread.join()
print(failures)
"""


def test_queries_parsed_by_threads_at_once_in_a_fresh_process_are_all_understood() -> None:
    # rdflib's pyparsing grammar raised TypeError ("Param.postParse2() missing 1 required
    # positional argument") for most of them: a 500 on pages read at once.
    done = subprocess.run([sys.executable, "-c", FIRST_PARSES_AT_ONCE], capture_output=True,
                          text=True, timeout=120, check=True)
    assert done.stdout.strip() == "[]", done.stdout

"""Inspect SPARQL text before an engine runs it: its form, its variables, and what is refused.

pyoxigraph executes SERVICE (queries) and LOAD (updates) as real HTTP requests and crashes the
process on deeply nested text (docs/NOTES). So anything the store runs for a user is first
measured for nesting, then parsed with rdflib's SPARQL parser — a real parser, never a regex on
keywords — and refused when its parse tree holds a SERVICE pattern or a LOAD operation.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

import pyoxigraph
from pyparsing import ParseException, ParseResults
from rdflib import URIRef
from rdflib.plugins.sparql.algebra import translatePrologue, translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Prologue
from rdflib.term import Variable

from ..errors import InputError, QueryRefusedError
from ..sparql_grouping import grouping_refusal
from ..sparql_syntax import full_stops, prefix_refusal, syntax_refusal, text_refusal

# rdflib's SPARQL grammar is pyparsing's, which is not safe for two threads at once: it learns how
# to call each parse action on its first call (pages first read at once failed with "TypeError:
# Param.postParse2() missing 1 required positional argument"). One parse at a time, then.
_parser_turn = threading.RLock()  # re-entrant: inspect_query holds it around parsed_query


def _fresh_parser_turn() -> None:
    """In a forked child: a lock no thread of the parent can hold (the child analyses queries)."""
    global _parser_turn
    _parser_turn = threading.RLock()


os.register_at_fork(after_in_child=_fresh_parser_turn)
MAX_NESTING = 48  # brackets of any kind; pyoxigraph crashes near 3,000, rdflib recurses deeply
# Operands along any path of the parse tree, a chain of n counting n: pyoxigraph nests a chain of
# n UNIONs, OPTIONALs, path steps or operators n levels deep and recursed out of its stack near
# 8,000 (UNION, OPTIONAL, +) on unnested, short text.
MAX_CHAIN = 2000
_CHAINS = {"GroupOrUnionGraphPattern": "graph", "GroupGraphPatternSub": "part",
           "PathAlternative": "part", "PathSequence": "part",
           "ConditionalOrExpression": "other", "ConditionalAndExpression": "other",
           "AdditiveExpression": "other", "MultiplicativeExpression": "other"}
# rdflib's parser recurses about 20 frames a bracket and 10 a triple pattern ended by "." (a
# basic graph pattern is a chain to it): 700 patterns within 47 brackets parse in 10,000 frames,
# 800 do not, and pyoxigraph took 1.3 s to answer 400 patterns on an empty store, 14 s for 800.
PARSER_RECURSION_LIMIT = 10_000
MAX_TRIPLE_PATTERNS = 500  # "." between triple patterns (and after groups), anywhere in the text
_IRI_TOKEN = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")  # SPARQL IRIREF: may hold '#' and '('
_SHORT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")  # SPARQL's four-digit code point escape
_REFUSED_NODES = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD"}


class QueryForm(Enum):
    """The four SPARQL query forms."""

    SELECT = "SELECT"
    ASK = "ASK"
    CONSTRUCT = "CONSTRUCT"
    DESCRIBE = "DESCRIBE"


_FORMS = {"SelectQuery": QueryForm.SELECT, "AskQuery": QueryForm.ASK,
          "ConstructQuery": QueryForm.CONSTRUCT, "DescribeQuery": QueryForm.DESCRIBE}


@dataclass(frozen=True)
class QueryDataset:
    """The dataset a query names: the IRIs of its FROM and of its FROM NAMED clauses, each
    resolved by its prologue (prefixes, BASE), in the order written."""

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class QueryInfo:
    """What a parsed query is: its form, its result variables (SELECT), whether it federates,
    the dataset it names (FROM / FROM NAMED; None: it names none), and the IRIs it names."""

    form: QueryForm
    variables: tuple[str, ...]
    uses_service: bool
    dataset: QueryDataset | None = None
    iris: frozenset[str] = frozenset()  # a prefixed name as its prefix declares it

    @property
    def has_dataset(self) -> bool:
        """Whether the query names its own dataset with FROM / FROM NAMED."""
        return self.dataset is not None


@lru_cache(maxsize=512)
def inspect_query(text: str) -> QueryInfo:
    """Parse a query (refusing bad syntax and deep nesting) and say what it is; nothing runs.

    Cached by text: named queries and partners' repeated queries are parsed once (an rdflib
    parse costs tens of milliseconds, more than most queries take to run). A refused text's
    message says where, by line and column, pyoxigraph's parser stops on it (sparql_syntax.py):
    rdflib's own position is where the alternative that failed began, often far before."""
    _check_text(text)
    with _parser_turn:
        return _inspected(text)


def _inspected(text: str) -> QueryInfo:
    """`inspect_query`'s work, while no other thread uses rdflib's parser."""
    _check_nesting(text)
    _check_triple_patterns(text)
    try:
        tree = parsed_query(text)
    except (ParseException, ValueError) as error:  # ValueError: an escape rdflib cannot read
        raise (syntax_refusal(text)
               or QueryRefusedError.of("error.sparql.unparsable", detail=error)) from None
    except RecursionError as error:
        raise QueryRefusedError.of("error.sparql.unparsable", detail=error) from None
    _check_chains(tree)
    if (grouping := grouping_refusal(tree, text)) is not None:  # pyoxigraph's words are its grammar's
        raise grouping
    # Read before rdflib's algebra sees the tree: translateQuery rewrites it in place, and drops
    # a SERVICE inside FILTER (NOT) EXISTS on the way.
    uses_service = any(keyword == "SERVICE" for keyword in _refused(tree))
    iris = _named_iris(tree)
    form = _FORMS[tree[1].name]
    variables: tuple[str, ...] = ()
    if form is QueryForm.SELECT:
        variables = _projection(tree[1])
        try:
            with _parser_turn, parser_recursion:
                translateQuery(tree)  # its semantic checks: unknown prefixes, misplaced aggregates…
        except RecursionError as error:
            raise QueryRefusedError.of("error.sparql.unparsable", detail=error) from None
        except Exception as error:  # rdflib's algebra raises plain exceptions
            raise (prefix_refusal(text)  # rdflib's "Unknown namespace prefix" says not where
                   or QueryRefusedError.of("error.sparql.invalid", detail=error)) from None
    return QueryInfo(form, variables, uses_service, _dataset(tree), iris)


def parsed_query(text: str) -> ParseResults:
    """rdflib's parse tree of a query, one parse at a time in the process (rdflib's grammar
    is not safe to run in two threads at once)."""
    with _parser_turn, parser_recursion:
        return parseQuery(_escapes_as_rdflib_reads(text))


def parsed_update(text: str) -> ParseResults:
    """rdflib's parse tree of an update, one parse at a time in the process."""
    with _parser_turn, parser_recursion:
        return parseUpdate(_escapes_as_rdflib_reads(text))


def _escapes_as_rdflib_reads(text: str) -> str:
    """The text with each `\\uXXXX` written `\\U0000XXXX`: rdflib reads `\\u` or `\\U`
    followed by eight hex digits as one escape, so `"\\u00410041"` (SPARQL 1.1, 19.2: "A0041")
    would be the code point 0x410041, and refused. Its eight-digit form says the same character
    to both readings."""
    return _SHORT_ESCAPE.sub(lambda escape: "\\U0000" + escape.group(1), text)


def check_query(text: str, form: QueryForm | None = None) -> QueryInfo:
    """Inspect a query for the local store: refuse SERVICE, and a form other than `form`."""
    info = inspect_query(text)
    if info.uses_service:
        raise QueryRefusedError.of("error.sparql.calls_out", keyword="SERVICE")
    if form is not None and info.form is not form and not (
            form is QueryForm.CONSTRUCT and info.form is QueryForm.DESCRIBE):
        raise QueryRefusedError.of("error.sparql.wrong_form", expected=form.value,
                                   got=info.form.value)
    return info


class OwnQuery(str):
    """Query text this program wrote itself: fixed text, and terms that passed `checked_iri` or
    were read back from the store. The stores run it without the guard's parse: its cache keys on
    the text, so every cluster's text would be parsed anew (10–60 ms each, more than the query).
    Anything built on it by concatenation or formatting is a plain `str`, guarded again."""


def guard_query(text: str, form: QueryForm) -> bool:
    """`check_query` for text from outside the program (nothing to do for an OwnQuery); whether
    the query is to run over the union of all graphs, as it does unless it names its own dataset
    with FROM / FROM NAMED."""
    return guarded_dataset(text, form) is None


def guarded_dataset(text: str, form: QueryForm) -> QueryDataset | None:
    """`check_query` for text from outside the program; the dataset the query names with FROM /
    FROM NAMED, None when it names none (an OwnQuery never does) and runs over the union."""
    return None if isinstance(text, OwnQuery) else check_query(text, form).dataset


def check_update(text: str) -> None:
    """Parse an update and refuse LOAD and SERVICE in it (both fetch from the network)."""
    _check_text(text)
    _check_nesting(text)
    _check_triple_patterns(text)
    try:
        tree = parsed_update(text)
    except (ParseException, RecursionError, ValueError) as error:
        raise QueryRefusedError.of("error.sparql.update_unparsable", detail=error) from None
    _check_chains(tree)
    for keyword in _refused(tree):
        raise QueryRefusedError.of("error.sparql.calls_out", keyword=keyword)


def checked_iri(value: str) -> URIRef:
    """An absolute IRI safe to write as <…> in SPARQL text; InputError otherwise."""
    try:
        pyoxigraph.NamedNode(value)
    except ValueError as error:
        raise InputError.of("error.sparql.not_absolute_iri", value=value, detail=error) from None
    return URIRef(value)


class _ParserRecursion:
    """While any thread parses (`with parser_recursion:`), the interpreter's recursion limit is at
    least PARSER_RECURSION_LIMIT; when none does, it is what it was. The limit is the process's,
    so the parses running at once share one raise, and the last to end sets it back."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._lock = threading.Lock()
        self._parsing = 0
        self._before = sys.getrecursionlimit()

    def __enter__(self) -> None:
        with self._lock:
            if self._parsing == 0:
                self._before = sys.getrecursionlimit()
                sys.setrecursionlimit(max(self._before, self._limit))
            self._parsing += 1

    def __exit__(self, *_: object) -> None:
        with self._lock:
            self._parsing -= 1
            if self._parsing == 0:
                sys.setrecursionlimit(self._before)


parser_recursion = _ParserRecursion(PARSER_RECURSION_LIMIT)


def _check_triple_patterns(text: str) -> None:
    """Refuse text with more than MAX_TRIPLE_PATTERNS full stops before rdflib's parser, which
    recurses through a basic graph pattern's chain of them, sees it."""
    if full_stops(text) > MAX_TRIPLE_PATTERNS:
        raise QueryRefusedError.of("error.sparql.too_many_patterns", limit=MAX_TRIPLE_PATTERNS)


def _check_text(text: str) -> None:
    """Refuse text that is not Unicode characters (sparql_syntax.text_refusal) before any parser
    sees it."""
    refusal = text_refusal(text)
    if refusal is not None:
        raise refusal


def _check_nesting(text: str) -> None:
    """Refuse text nested deeper than MAX_NESTING before any parser sees it."""
    depth = 0

    def bracket(char: str) -> None:
        nonlocal depth
        if char in "{([":
            depth += 1
            if depth > MAX_NESTING:
                raise QueryRefusedError.of("error.sparql.too_deep", limit=MAX_NESTING)
        elif char in "})]":
            depth = max(depth - 1, 0)

    index, end = 0, len(text)
    while index < end:
        char = text[index]
        if char in "\"'":
            index = _after_string(text, index)
        elif char == "<" and (iri := _IRI_TOKEN.match(text, index)):
            for inside in iri.group():  # brackets in an IRI (or what looks like one) count too
                bracket(inside)
            index = iri.end()
        elif char == "#":  # a comment: '#' in IRIs and strings is skipped with them above
            newline = text.find("\n", index)
            index = end if newline < 0 else newline
        else:
            bracket(char)
            index += 2 if char == "\\" else 1


def _check_chains(tree: object) -> None:
    """Refuse a parse tree with more than MAX_CHAIN operands along any path from its root."""
    stack: list[tuple[object, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, CompValue):
            key = _CHAINS.get(node.name)
            if key is not None and key in node:
                operands = node[key]
                depth += len(operands) if isinstance(operands, (ParseResults, list)) else 1
                if depth > MAX_CHAIN:
                    raise QueryRefusedError.of("error.sparql.too_long_chain", limit=MAX_CHAIN)
            stack.extend((child, depth) for child in node.values())
        elif isinstance(node, (ParseResults, list, tuple)):
            stack.extend((child, depth) for child in node)


def _after_string(text: str, start: int) -> int:
    """The index after the string literal opening at `start` (short or long quotes)."""
    quote = text[start] * 3 if text.startswith(text[start] * 3, start) else text[start]
    index = start + len(quote)
    while index < len(text):
        if text[index] == "\\":
            index += 2
        elif text.startswith(quote, index):
            return index + len(quote)
        else:
            index += 1
    return len(text)


def _nodes(tree: object) -> Iterator[object]:
    """Every node of a parse tree, depth first in text order (iterative: trees may be deep)."""
    stack: list[object] = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, CompValue):
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, (ParseResults, list, tuple)):
            stack.extend(reversed(list(node)))


def _refused(tree: object) -> Iterator[str]:
    """The keywords of refused operations found anywhere in the tree."""
    for node in _nodes(tree):
        if isinstance(node, CompValue) and node.name in _REFUSED_NODES:
            yield _REFUSED_NODES[node.name]


def _named_iris(tree: ParseResults) -> frozenset[str]:
    """Every IRI a query's parse tree names, its prefixes' included, a prefixed name resolved by
    its prologue (one whose prefix is undeclared left out: the algebra refuses the query)."""
    found: set[str] = set()
    try:
        prologue = translatePrologue(tree[0], None)
    except Exception:  # rdflib raises plain exceptions (a BASE it cannot take)
        return frozenset()
    for node in _nodes(tree):
        if isinstance(node, URIRef):
            found.add(str(node))
        elif isinstance(node, CompValue) and node.name == "pname":
            try:
                found.add(str(prologue.absolutize(node)))
            except Exception:  # an undeclared prefix, as rdflib says it
                continue
    return frozenset(found)


def _dataset(tree: ParseResults) -> QueryDataset | None:
    """The dataset a query's parse tree names, None without FROM / FROM NAMED; a name its
    prologue cannot resolve (an undeclared prefix) is left as written: the algebra or the server
    refuses the query."""
    if "datasetClause" not in tree[1]:
        return None
    clauses = tree[1]["datasetClause"]
    try:
        prologue = translatePrologue(tree[0], None)
    except Exception:  # rdflib raises plain exceptions (a BASE it cannot take)
        prologue = None
    graphs: dict[str, list[str]] = {"default": [], "named": []}
    for clause in clauses:
        for kind, names in graphs.items():
            if kind in clause:
                names.append(_resolved(prologue, clause[kind]))
    return QueryDataset(tuple(graphs["default"]), tuple(graphs["named"]))


def _resolved(prologue: Prologue | None, name: object) -> str:
    """An IRI or prefixed name of a query, absolute where its prologue makes it so."""
    if prologue is not None:
        try:
            return str(prologue.absolutize(name))
        except Exception:  # an undeclared prefix, as rdflib says it
            pass
    return str(name)


def _projection(select: CompValue) -> tuple[str, ...]:
    """The result variables of a SELECT (or subquery): as written, or for `*` the variables in
    scope of its WHERE clause and its trailing VALUES, in order of first appearance."""
    if "projection" in select:
        # CompValue.get answers a missing key with the key itself: test membership instead.
        return tuple(str(item["evar"] if "evar" in item else item["var"])
                     for item in select["projection"])
    in_scope = _in_scope(select["where"])
    if "valuesClause" in select:
        in_scope += _in_scope(select["valuesClause"])
    return tuple(dict.fromkeys(in_scope))


def _in_scope(pattern: object) -> list[str]:
    """The variables a pattern puts in scope (SPARQL 1.1 section 18.2.1), in text order, with
    repeats: none that occur only in a FILTER (EXISTS included) or a MINUS; of a subquery only
    its result variables; of a BIND only the one it binds."""
    found: list[str] = []
    stack: list[object] = [pattern]
    while stack:
        node = stack.pop()
        if isinstance(node, Variable):
            found.append(str(node))
        elif isinstance(node, CompValue):
            if node.name in ("Filter", "MinusGraphPattern"):
                continue
            if node.name == "SubSelect":
                found.extend(_projection(node))
            elif node.name == "Bind":
                found.append(str(node["var"]))
            else:
                stack.extend(reversed(list(node.values())))
        elif isinstance(node, (ParseResults, list, tuple)):
            stack.extend(reversed(list(node)))
    return found

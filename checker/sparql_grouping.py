"""Grouping rules of SPARQL 1.1 (§11.4, §18.2.4.1) a parse alone does not check, said in words.

rdflib's parser takes `SELECT ?s (COUNT(*) AS ?c) WHERE { ?s ?p ?o }` and pyoxigraph refuses it
only when it runs it, with its parser's list of expected tokens ("expected one of The SELECT
contains a variable that is unbound, [_]", hundreds of characters naming SPARQL 1.2 tokens). So
the guard checks the parse tree: in a query that groups (GROUP BY, or an aggregate in its SELECT,
HAVING or ORDER BY) every projected variable is grouped or aggregated, and no SELECT * is; an aggregate stands only in SELECT, HAVING and ORDER BY. Each subquery is a query of
its own, in an ASK or a CONSTRUCT too. The place named (line, column) is found in the text's
tokens, as sparql_syntax.py finds where a parse stops: the variable in its SELECT clause, the
aggregate's keyword.

An ASK or a CONSTRUCT that groups its own solutions (GROUP BY, HAVING, an aggregate in ORDER BY)
is valid SPARQL 1.1: its grammar gives both forms a solution modifier, and §11.4 restricts only
what a SELECT projects (a CONSTRUCT template's ungrouped variables are unbound). pyoxigraph
refuses it with its grammar's tokens, reading either form as a SELECT *; the guard says so in
words: the engine's limit, not the query's mistake, and the sub-SELECT that runs.
"""

from __future__ import annotations

from collections.abc import Iterator

from pyparsing import ParseResults
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Variable

from .errors import QueryRefusedError
from .sparql_syntax import token_spans
from .text_position import text_position

_SELECTS = ("SelectQuery", "SubSelect")
_AGGREGATE = "Aggregate_"  # rdflib's node names: Aggregate_Count, Aggregate_Group_Concat…
_AGGREGATE_WORDS = frozenset({"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"})
_PROJECTION_ENDS = frozenset({"{", "WHERE", "FROM"})
# The forms the engine does not group in (rdflib's node names), and the keyword of each clause
# that groups (the first word of GROUP BY and ORDER BY).
_GROUPED_ONLY_IN_SELECT = {"AskQuery": "ASK", "ConstructQuery": "CONSTRUCT"}
_CLAUSES = {"GROUP": "GROUP BY", "HAVING": "HAVING", "ORDER": "ORDER BY"}


def grouping_refusal(tree: ParseResults, text: str) -> QueryRefusedError | None:
    """The refusal for the first grouping mistake of a parsed query (rdflib's parse tree of
    `text`, before its algebra rewrites it), None when it has none."""
    query = tree[1]
    selects = [node for node in _nodes(query) if _named(node, _SELECTS)]
    for number, select in enumerate(selects):
        refusal = _select_refusal(select, number, text)
        if refusal is not None:
            return refusal
    for part in _outside_aggregates(query):
        if _named(part, (_AGGREGATE,)):
            return _misplaced(part, text)
    return _form_grouping(query, text)


def _form_grouping(query: CompValue, text: str) -> QueryRefusedError | None:
    """The refusal for an ASK or a CONSTRUCT that groups its own solutions, at the keyword of its
    first clause that groups (outside every group pattern: not a sub-SELECT's); None otherwise."""
    form = _GROUPED_ONLY_IN_SELECT.get(query.name)
    if form is None:
        return None
    if _field(query, "groupby") is not None:
        keyword = "GROUP"
    elif _field(query, "having") is not None:
        keyword = "HAVING"
    elif any(_named(node, (_AGGREGATE,)) for node in _nodes(_field(query, "orderby"))):
        keyword = "ORDER"
    else:
        return None
    depth, found = 0, 0
    for start, word in _words(text):
        depth += (word == "{") - (word == "}")
        if depth == 0 and word == keyword:
            found = start
            break
    line, column = text_position(text[:found])
    return QueryRefusedError.of("error.sparql.grouped_form", form=form, clause=_CLAUSES[keyword],
                                line=line, column=column)


def _select_refusal(select: CompValue, number: int, text: str) -> QueryRefusedError | None:
    """The grouping mistake of one SELECT (the `number`th of the text), if any."""
    allowed = [_field(select, "projection"), _field(select, "having"), _field(select, "orderby")]
    groupby = _field(select, "groupby")
    grouping = groupby is not None or any(_named(node, (_AGGREGATE,))
                                          for part in allowed for node in _nodes(part))
    if not grouping:
        return None
    projection = _field(select, "projection")
    if projection is None:  # SELECT *
        line, column = _select_position(text, number)
        return QueryRefusedError.of("error.sparql.star_grouped", line=line, column=column)
    keys = _group_keys(groupby)
    known = set(keys)  # an earlier item's alias is neither (pyoxigraph refuses it too)
    for item in projection:
        if "var" in item:
            ungrouped = None if item["var"] in known else item["var"]
        else:
            ungrouped = next((v for v in _free_variables(item["expr"]) if v not in known), None)
        if ungrouped is not None:
            line, column = _variable_position(text, number, ungrouped)
            if not keys:
                return QueryRefusedError.of("error.sparql.ungrouped", var=ungrouped, line=line,
                                            column=column)
            return QueryRefusedError.of("error.sparql.not_grouped", var=ungrouped, line=line,
                                        column=column,
                                        keys=" ".join(f"?{key}" for key in keys))
    return None


def _group_keys(groupby: CompValue | None) -> list[Variable]:
    """The variables GROUP BY groups on: `?v` and `(expr AS ?v)`."""
    keys: list[Variable] = []
    for condition in groupby["condition"] if groupby is not None else ():
        if isinstance(condition, Variable):
            keys.append(condition)
        elif isinstance(condition, CompValue) and isinstance(_field(condition, "var"), Variable):
            keys.append(condition["var"])
    return keys


def _free_variables(expression: object) -> Iterator[Variable]:
    """The variables of an expression outside its aggregates."""
    if isinstance(expression, Variable):
        yield expression
    elif not _named(expression, (_AGGREGATE,)):
        for child in _children(expression):
            yield from _free_variables(child)


def _outside_aggregates(query: CompValue) -> Iterator[object]:
    """Every node where no aggregate may stand: a query's WHERE and GROUP BY (each subquery's
    own, and the query's clauses that are not SELECT, HAVING or ORDER BY, as CONSTRUCT's)."""
    for key, value in query.items():
        if key in ("projection", "having", "orderby"):
            continue
        for node in _nodes(value, stop=_SELECTS):
            yield node
            if _named(node, _SELECTS):
                yield from _outside_aggregates(node)


def _nodes(node: object, stop: tuple[str, ...] = ()) -> Iterator[object]:
    """The node and every node under it, in the order written; below a node named in `stop`,
    none (it is yielded itself)."""
    yield node
    if stop and _named(node, stop):
        return
    for child in _children(node):
        yield from _nodes(child, stop)


def _field(node: CompValue, key: str) -> object:
    """A node's field, None when it has none (rdflib's `get` answers the key itself)."""
    return node[key] if key in node else None


def _children(node: object) -> list[object]:
    if isinstance(node, CompValue):
        return list(node.values())
    if isinstance(node, (ParseResults, list, tuple)):
        return list(node)
    return []


def _named(node: object, prefixes: tuple[str, ...]) -> bool:
    return isinstance(node, CompValue) and node.name.startswith(prefixes)


def _misplaced(aggregate: CompValue, text: str) -> QueryRefusedError:
    """The refusal for an aggregate outside SELECT, HAVING and ORDER BY, at its keyword."""
    name = aggregate.name[len(_AGGREGATE):].upper()
    words = _words(text)
    allowed = _allowed_spans(words)
    found = next((start for index, (start, word) in enumerate(words)
                  if word == name and not allowed[index]
                  and index + 1 < len(words) and words[index + 1][1] == "("),
                 next((start for start, word in words if word == name), 0))
    line, column = text_position(text[:found])
    return QueryRefusedError.of("error.sparql.misplaced_aggregate", name=name, line=line,
                                column=column)


def _words(text: str) -> list[tuple[int, str]]:
    """Each token's start and its text in capitals (keywords are read in any case)."""
    return [(start, text[start:end].upper()) for start, end in token_spans(text)]


def _allowed_spans(words: list[tuple[int, str]]) -> list[bool]:
    """For each token, whether it lies in a SELECT clause (up to its WHERE, FROM or "{"), or in
    a HAVING or ORDER BY clause (up to the "}" that closes the group it is written in)."""
    allowed = [False] * len(words)
    for index, (_, word) in enumerate(words):
        if word == "SELECT":
            depth = 0
            for at in range(index, len(words)):
                token = words[at][1]
                if depth == 0 and token in _PROJECTION_ENDS:
                    break
                depth += (token == "(") - (token == ")")
                allowed[at] = True
        elif word == "HAVING" or (word == "ORDER" and index + 1 < len(words)
                                  and words[index + 1][1] == "BY"):
            depth = 0
            for at in range(index, len(words)):
                depth += (words[at][1] == "{") - (words[at][1] == "}")
                if depth < 0:
                    break
                allowed[at] = True
    return allowed


def _select_position(text: str, number: int) -> tuple[int, int]:
    """The line and column of the `number`th SELECT keyword of the text."""
    starts = [start for start, word in _words(text) if word == "SELECT"]
    return text_position(text[:starts[min(number, len(starts) - 1)]])


def _variable_position(text: str, number: int, variable: Variable) -> tuple[int, int]:
    """Where the `number`th SELECT clause writes `variable` outside an aggregate (else the
    SELECT keyword)."""
    words = _words(text)
    selects = [index for index, (_, word) in enumerate(words) if word == "SELECT"]
    index = selects[min(number, len(selects) - 1)]
    depth, inside = 0, None  # inside: the depth an aggregate's brackets close at
    for at in range(index + 1, len(words)):
        start, word = words[at]
        if depth == 0 and word in _PROJECTION_ENDS:
            break
        if word in _AGGREGATE_WORDS and inside is None:
            inside = depth
        depth += (word == "(") - (word == ")")
        if inside is not None and word == ")" and depth == inside:
            inside = None
        elif (inside is None and word[:1] in "?$" and text[start + 1:start + len(word)] == str(variable)
              and words[at - 1][1] != "AS"):
            return text_position(text[:start])
    return text_position(text[:words[index][0]])

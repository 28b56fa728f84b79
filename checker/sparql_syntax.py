"""Where a SPARQL text stops being SPARQL: the token a parser stumbles on, by line and column.

rdflib's parser (the guard's, checker/store/guard.py) reports where the alternative that failed
began: "Expected SelectQuery, found '?' (line:2, col:2)" for `SELECT ?x WHERE {\\n ?x ?y \\n}`,
whose error is the `}` of line 3; and its "Unknown namespace prefix" has no position at all.
pyoxigraph's parser reports the furthest character any of its rules read, and a keyword rule
reads as many characters as the keyword has (`ENCODE_FOR_URI` fourteen) before it compares
them: its position can lie up to fourteen characters past the error, or at the end of the text.

So the text is cut into tokens, and pyoxigraph is asked, halving the range each time, for the
first token after which no text can make a query. Each probe is a prefix of the text followed by
a line break, PAD spaces and U+0001 (no query holds it outside a string or a comment, which the
line break ends): no probe is ever a query, so none runs, and a probe's error lies in its tail
exactly when the prefix could still go on. This costs a dozen parses of a text already refused,
and nothing for a valid one. Only pyoxigraph and the standard library are used: the query
workers import this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph

from .errors import QueryRefusedError
from .text_position import text_position

PAD = 32  # spaces after a probe's prefix: more than any keyword of pyoxigraph's parser reads
_TAIL = "\n" + " " * PAD + "\x01"
# A token: an IRI, a string (long, then short; unterminated to the end), a variable, a name
# (keyword, prefixed name, number, blank node; dots only inside), an operator, any other
# character. Space and comments separate tokens.
_TOKEN = re.compile("|".join((
    r"(?P<space>[ \t\r\n]+|#[^\n]*)",
    r"<[^<>\"{}|^`\\\x00-\x20]*>",
    r"(?P<long>\"\"\"|''')(?:\\.|(?!(?P=long))[^\\])*(?:(?P=long)|\Z)",
    r"\"(?:\\.|[^\"\\\n])*\"?",
    r"'(?:\\.|[^'\\\n])*'?",
    r"[?$]\w+",
    r"[\w:%\\-]+(?:\.+[\w:%\\-]+)*",
    r"\^\^|\|\||&&|!=|<=|>=",
    r"\S",
)))
UNARY = frozenset({"!", "+", "-"})  # SPARQL's unary operators (UnaryExpression)
_AT = re.compile(r"error at (\d+):(\d+)")
_UNDECLARED = "Prefix not found"  # pyoxigraph's words for a prefixed name with no PREFIX
# The prefix a name token starts with, colon included (SPARQL's PN_PREFIX? ':'): `xsd:` of
# `xsd:integer`, `:` of `:a`; a keyword, a number or a blank node (`_:b`) has none.
_PREFIX_OF = re.compile(r"(?:[^\W\d_](?:[\w.-]*[\w-])?)?:")
_TOKEN_SHOWN = 40  # characters of a token quoted in a message
# SPARQL's code point escapes, read anywhere in the text before it is parsed (SPARQL 1.1 19.2).
_ESCAPE = re.compile(r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}")
_SURROGATES = re.compile("[\ud800-\udfff]")  # in a str: bytes that were not UTF-8, or worse
_UNDECODED = range(0xDC80, 0xDD00)  # Python's surrogateescape: the byte 0x80–0xFF it stands for


@dataclass(frozen=True)
class _Token:
    """Where a token begins and ends in the text (character offsets)."""

    start: int
    end: int


def text_refusal(text: str) -> QueryRefusedError | None:
    """The refusal for text that is not Unicode characters, before any parser reads it: a lone
    surrogate (a byte that was not UTF-8, kept by Python's surrogateescape as `bcic query`'s
    argument is), or a code point escape that names no character (`\\U00110000`, `\\uD800`),
    with its line and column; None for text that is. Neither parser says so: rdflib's fails on
    such an escape with Python's ValueError, pyoxigraph on a lone surrogate with
    UnicodeEncodeError."""
    if (found := _SURROGATES.search(text)) is not None:
        line, column = text_position(text[:found.start()])
        code = ord(found.group())
        if code in _UNDECODED:
            return QueryRefusedError.of("error.sparql.not_utf8_byte", byte=f"0x{code - 0xDC00:02X}",
                                        line=line, column=column)
        return QueryRefusedError.of("error.sparql.not_utf8_surrogate", character=f"U+{code:04X}",
                                    line=line, column=column)
    for escape in _ESCAPE.finditer(text):
        code = int(escape.group()[2:], 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            line, column = text_position(text[:escape.start()])
            return QueryRefusedError.of("error.sparql.escape_not_a_character",
                                        escape=escape.group(), line=line, column=column)
    return None


def syntax_refusal(text: str) -> QueryRefusedError | None:
    """The refusal for text a parser could not parse, naming where pyoxigraph's parser stops on
    it: the first token no query can go on with (an undeclared prefix said as such), or the end
    of a text that stops short. Of a text pyoxigraph parses whole, only an operator after "!",
    which its parser allows and the grammar does not; else None (the caller's words stand)."""
    tokens = _tokens(text)
    parser = pyoxigraph.Store()
    viable, refused = 0, len(tokens)  # prefixes up to tokens[:viable] go on; tokens[refused] not
    failures: dict[int, str] = {}
    while viable < refused:
        middle = (viable + refused) // 2
        failure = _failure_inside(parser, text[:tokens[middle].end])
        if failure is None:
            viable = middle + 1
        else:
            refused, failures[middle] = middle, failure
    if refused < len(tokens):
        token = tokens[refused]
        return _at_token(text, token, _UNDECLARED in failures[refused]
                         or token == _first_undeclared(text, tokens))
    if _complete(parser, text):
        return _operator_after_not(text, tokens)
    line, column = text_position(text)
    return QueryRefusedError.of("error.sparql.incomplete", line=line, column=column)


def full_stops(text: str) -> int:
    """How many "." the text has outside IRIs, strings, comments and names (`ex:a.b`, `1.5`): one
    after each triple pattern that another follows, and after groups."""
    return sum(1 for found in _TOKEN.finditer(text) if found.group() == ".")


def _operator_after_not(text: str, tokens: list[_Token]) -> QueryRefusedError | None:
    """The refusal for an operator written straight after "!" (`!!?x`, `!-?x`), which SPARQL 1.1's
    grammar refuses ("!" takes a PrimaryExpression) and pyoxigraph's parser accepts; None when
    the text has none. A number's own sign (`!-1`) is part of its token, and allowed."""
    for previous, token in zip(tokens, tokens[1:]):
        if text[previous.start:previous.end] == "!" and text[token.start:token.end] in UNARY:
            line, column = text_position(text[:token.start])
            return QueryRefusedError.of("error.sparql.operator_after_not",
                                        token=text[token.start:token.end], line=line,
                                        column=column)
    return None


def prefix_refusal(text: str) -> QueryRefusedError | None:
    """The refusal naming the undeclared prefix of a text rdflib parsed but could not translate,
    and where it is written; None when pyoxigraph finds no undeclared prefix in it."""
    failure = _failure_inside(pyoxigraph.Store(), text)
    return undeclared_prefix(text, failure) if failure is not None else None


def undeclared_prefix(text: str, message: str) -> QueryRefusedError | None:
    """The refusal for pyoxigraph's `message` about `text` when a prefix is undeclared, naming
    the prefixed name by its line and column; None when none is. pyoxigraph says so ("Prefix not
    found", just past the name) for a name in a triple pattern, but for a function's name
    (`xsd:integer("1")`) it names keywords it tried from there ("expected ENCODE_FOR_URI"), so the
    first prefixed name whose prefix the text does not declare is taken when the text goes on as
    SPARQL up to it."""
    tokens = _tokens(text)
    if _UNDECLARED in message:
        at = _offset(text, message)
        token = next((t for t in tokens if t.end == at), None)
        return _at_token(text, token, True) if token is not None else None
    token = _first_undeclared(text, tokens)
    if token is None:
        return None
    before = tokens.index(token) - 1
    if before >= 0 and _failure_inside(pyoxigraph.Store(), text[:tokens[before].end]) is not None:
        return None  # the text stops being SPARQL before the name
    return _at_token(text, token, True)


def engine_refusal(text: str, message: str) -> QueryRefusedError:
    """The refusal for pyoxigraph's SyntaxError `message` about a text the guard let pass: an
    undeclared prefix by its name, else where the engine stops, never its parser's list of the
    tokens it expected (hundreds of characters of grammar, SPARQL 1.2's among them)."""
    undeclared = undeclared_prefix(text, message)
    if undeclared is not None:
        return undeclared
    found = _AT.match(message)
    if found is None or "expected" not in message:
        return QueryRefusedError.of("error.sparql.invalid", detail=message)
    return QueryRefusedError.of("error.sparql.engine_refused", line=int(found[1]),
                                column=int(found[2]))


def _first_undeclared(text: str, tokens: list[_Token]) -> _Token | None:
    """The first prefixed name whose prefix no PREFIX of the text declares (a SPARQL query
    declares them all in its prologue, before any use)."""
    declared: set[str] = set()
    after_prefix = False
    for token in tokens:
        written = text[token.start:token.end]
        prefix = _PREFIX_OF.match(written)
        if after_prefix:
            declared.add(written)
        elif prefix is not None and prefix.group() not in declared:
            return token
        after_prefix = written.upper() == "PREFIX"
    return None


def _at_token(text: str, token: _Token, undeclared: bool) -> QueryRefusedError:
    """The refusal naming a token and its line and column: its prefix as undeclared when
    `undeclared` and it has one."""
    line, column = text_position(text[:token.start])
    written = text[token.start:token.end].split("\n", 1)[0]
    shown = written if len(written) <= _TOKEN_SHOWN else written[:_TOKEN_SHOWN] + "…"
    prefix = _PREFIX_OF.match(written) if undeclared else None
    if prefix is not None:
        return QueryRefusedError.of("error.sparql.undeclared_prefix", token=shown, line=line,
                                    column=column, prefix=prefix.group()[:-1])
    return QueryRefusedError.of("error.sparql.unexpected", token=shown, line=line, column=column)


# The keywords that start a SPARQL 1.1 Update operation (or name its graph, WITH).
UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE",
                          "ADD", "WITH"})


def names_an_update(text: str) -> bool:
    """Whether any token of the text, outside IRIs, strings and comments, is a keyword of an
    update operation: for text no parser here reads (a vendor's extension), which may be sent
    to a server only when it cannot be an update."""
    return any(text[t.start:t.end].upper() in UPDATE_WORDS for t in _tokens(text))


def token_spans(text: str) -> list[tuple[int, int]]:
    """Where each token of the text begins and ends (character offsets), spaces and comments
    left out: IRIs, strings, variables, names and operators as a SPARQL parser reads them."""
    return [(token.start, token.end) for token in _tokens(text)]


def _tokens(text: str) -> list[_Token]:
    """The text's tokens, spaces and comments left out."""
    return [_Token(found.start(), found.end()) for found in _TOKEN.finditer(text)
            if found.group("space") is None]


def _failure_inside(parser: pyoxigraph.Store, prefix: str) -> str | None:
    """pyoxigraph's error for the prefix followed by the tail when it lies before the tail's
    U+0001 (the prefix cannot go on), else None."""
    probe = prefix + _TAIL
    try:
        parser.query(probe)
    except SyntaxError as error:
        at = _offset(probe, error.msg)
        return error.msg if at is not None and at < len(probe) - 1 else None
    return None  # not reached: U+0001 is no SPARQL


def _complete(parser: pyoxigraph.Store, text: str) -> bool:
    """Whether the text is a whole query for pyoxigraph: a trailing VALUES block may follow it,
    after which its parser expects only the end (a probe again, never run)."""
    try:
        parser.query(text + "\nVALUES () {}" + _TAIL)
    except SyntaxError as error:
        return error.msg.endswith("expected EOF")
    return False  # not reached: U+0001 is no SPARQL


def _offset(text: str, message: str) -> int | None:
    """The character offset in `text` of pyoxigraph's `error at LINE:COLUMN`, if it says one."""
    found = _AT.match(message)
    if found is None:
        return None
    start = 0
    for _ in range(int(found[1]) - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return None
    return start + int(found[2]) - 1

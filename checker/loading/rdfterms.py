"""Parse RDF text with pyoxigraph into an rdflib graph: fast, never fetching anything.

Also converts single terms both ways (rdflib <-> pyoxigraph) for the embedded store.
"""

import logging
import re
import warnings
from collections.abc import Iterable, Mapping
from functools import lru_cache
from xml.parsers import expat

import pyoxigraph
from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Identifier, Node

from ..i18n import Phrase, SpacedBefore, phrase
from ..text_position import column_of_byte
from .guards import (MARKUP_DECLARATION, SubmissionParseError, SubmissionTooLargeError,
                     position_of_only, refuse_xml_unsafe)
from .jsonld_drops import KeptBlanks, texts_of_dropped
from .jsonld_texts import TextCandidate, written_text
from .rdf_xml_hints import RDF_NS, attribute_hint
from .standard_terms import refuse_standard_subject

# pyoxigraph is linear on long literals (rdflib's N-Triples parser is not), gives line and
# column for errors in text formats, and has no loader for remote JSON-LD contexts.
_OXIGRAPH_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "json-ld": pyoxigraph.RdfFormat.JSON_LD,
    "rdf-xml": pyoxigraph.RdfFormat.RDF_XML,
    "n-triples": pyoxigraph.RdfFormat.N_TRIPLES,
    "n-quads": pyoxigraph.RdfFormat.N_QUADS,
}
# rdflib parses the lexical form of these datatypes with an XML or HTML parser.
_MARKUP_DATATYPES = frozenset({str(RDF.XMLLiteral), str(RDF.HTML)})
_XSD_STRING = str(XSD.string)
# rdflib writes a literal in its canonical form, as its own parsers do ("1E3" as "1000.0"), but
# NaN and INF as Python does ("nan", "inf"), which no xsd:double or xsd:float has: those keep the
# form that was written, which a report then quotes and the store can read.
_PYTHON_FLOAT_FORMS = frozenset({"nan", "inf", "-inf"})
_QUOTED_CHARACTER = re.compile(r"'(.)'", re.DOTALL)
_POSITION_PREFIX = re.compile(r"Parser error (?:at|between) [^:]*: ")
_NAMED_VALUE = re.compile(r"error while parsing (?:IRI|language tag) '(.*?)': ")
# An RDF/XML element's text where the parser expected none (an attribute misspelt).
_TEXT_EVENT = re.compile(r"Unexpected text event: '(.*)'", re.DOTALL)
# pyoxigraph's lexers hold one token (a literal, an IRI) in a buffer of bounded size.
_TOKEN_BUFFER_FULL = re.compile(r"Reached the buffer maximal size of (\d+)")




class _IllTypedLiteralNoise(logging.Filter):
    """Drops rdflib's warning, traceback included, for a literal whose lexical form is not of
    its datatype (`"abc"^^xsd:integer`).

    Such a literal is well-formed RDF, so it is kept as data: rdflib marks it `ill_typed` and the
    shapes' `sh:datatype` report it against the clause that asks for the value, which tells a
    submitter more than refusing the whole file would. rdflib says so on every Literal it makes,
    while parsing, validating and reading the store, and its traceback would reach the user's
    terminal as if bcic had crashed. Only that record is dropped; rdflib's other warnings stay.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_ILL_TYPED_WARNING)


_ILL_TYPED_WARNING = "Failed to convert Literal lexical form to value."
logging.getLogger("rdflib.term").addFilter(_IllTypedLiteralNoise())
# The same literal written out in RDF notation (a report's JSON, the Turtle report): rdflib warns
# as well, through `warnings`, before writing it as it is, quoted with its datatype. An xsd:boolean
# that is neither true, false, 1 nor 0 (`"maybe"`) it does not log but warns of, through
# `warnings`, on every Literal it makes of it. These are rdflib's only `warnings` about a
# literal's lexical form (every other datatype's goes to the log record filtered above).
warnings.filterwarnings("ignore", message="Serializing weird numerical", category=UserWarning,
                        module="rdflib.term")
warnings.filterwarnings("ignore", message="Parsing weird boolean", category=UserWarning,
                        module="rdflib.term")


class _Unsupported(Exception):
    """A term the submission model has no place for; `problem` says which, in every language."""

    def __init__(self, problem: Phrase) -> None:
        super().__init__(problem.key)
        self.problem = problem


def parse_into(graph: Graph, file: str, text: str, format_name: str, label: str | Phrase,
               base: str, *, max_triples: int) -> list[TextCandidate]:
    """Add every triple of the text to graph; named graphs are merged into it. A literal holding
    a character XML cannot carry is refused (guards.XML_UNSAFE), and so is the statement that
    would make the graph hold more than `max_triples`: parsing stops there. Return the JSON-LD
    statements whose value may be a text written where the context reads a reference
    (jsonld_texts.py), for the loader to read as texts those that name no record; a value with a
    space, which is no IRI, is added as its text already."""
    candidates: list[TextCandidate] = []
    try:
        quads = pyoxigraph.parse(
            text, _OXIGRAPH_FORMATS[format_name], base_iri=base, rename_blank_nodes=True
        )
        room = max_triples - len(graph)  # statements repeated count once: len() when past it
        kept = 0
        blanks: KeptBlanks = {}
        for quad in quads:
            if isinstance(quad.subject, pyoxigraph.NamedNode):
                obj = quad.object.value if isinstance(quad.object, pyoxigraph.NamedNode) else None
                refuse_standard_subject(file, text, quad.subject.value, quad.predicate.value,
                                        obj, quads.prefixes)
            if isinstance(quad.object, pyoxigraph.Literal):
                refuse_xml_unsafe(file, text, quad.object.value)
            triple = (_term(quad.subject), _iri(quad.predicate.value), _term(quad.object))
            graph.add(triple)
            if format_name == "json-ld" and isinstance(triple[2], URIRef) and (
                    said := written_text(str(triple[2]), base, text, str(triple[1]))) is not None:
                candidates.append((triple[0], triple[1], triple[2], said))  # blank subject too
            if format_name == "json-ld" and (isinstance(triple[0], BNode)
                                             or isinstance(triple[2], BNode)):
                blanks[kept] = (triple[0], triple[2])
            kept += 1
            if kept > room and len(graph) > max_triples:
                raise SubmissionTooLargeError(file, "too_many_triples", limit=max_triples)
        if format_name == "json-ld":
            for triple in texts_of_dropped(file, text, base, label, kept, blanks):
                graph.add(triple)
    except SyntaxError as error:
        where = (_syntax_error_position(text, format_name, error) if error.lineno
                 else _position_of_named(text, error.msg))
        detail = _POSITION_PREFIX.sub("", error.msg, count=1)
        # An RDF/XML attribute misspelt or unprefixed: the one meant, and where, if unsaid.
        hint, found = attribute_hint(text, error.msg, _rdf_prefixes(text)) \
            if format_name == "rdf-xml" else (None, ())
        raise SubmissionParseError(file, "rdf_syntax", *(where or found), then=hint,
                                   label=SpacedBefore(label), detail=_visible(detail)) from None
    except _Unsupported as error:
        raise SubmissionParseError(file, "rdf", label=label, detail=error.problem) from None
    except ValueError as error:
        raise SubmissionParseError(file, "rdf", label=label, detail=error) from None
    except MemoryError as error:
        if (full := _TOKEN_BUFFER_FULL.fullmatch(str(error))) is None:
            raise
        # The parser says neither which term nor where it starts.
        raise SubmissionParseError(file, "term_too_long", label=label,
                                   limit=int(full[1]) / 2**20) from None
    return candidates


def declared_prefixes(text: str, format_name: str, base: str) -> dict[str, str]:
    """The prefixes a text the loader has read declares (Turtle, TriG, JSON-LD contexts, RDF/XML
    namespaces), by name: read to the end, as a declaration may come anywhere."""
    if format_name == "rdf-xml":
        return _xml_prefixes(text)
    quads = pyoxigraph.parse(text, _OXIGRAPH_FORMATS[format_name], base_iri=base)
    for _quad in quads:
        pass
    return dict(quads.prefixes)


# How a blank node's identity (stated_values) marks a statement naming it: the predicate so
# prefixed, with the named record stating it (`ex:crisis bcic:hasResponseMeasure [ … ]`).
INCOMING = "^"


def blank_identity(graph: Graph, node: BNode) -> frozenset[tuple[str, Node]]:
    """What a blank node of a loaded graph is known by in its text (stated_values): its
    statements whose value is no blank node, and those of named records naming it."""
    return frozenset([*((str(p), o) for p, o in graph.predicate_objects(node)
                        if not isinstance(o, BNode)),
                      *((INCOMING + str(p), s) for s, p in graph.subject_predicates(node)
                        if isinstance(s, URIRef))])


def stated_values(text: str, format_name: str, base: str, wanted: set[tuple[Node, Node]],
                  blanks: Mapping[Node, frozenset[tuple[str, Node]]] | None = None) -> tuple[
                      dict[tuple[Node, Node], str], dict[str, str], list[tuple[Node, str, Node]]]:
    """Which of the `wanted` values of records a text the loader has read states, each with the
    IRI of the predicate stating it; the prefixes it declares (read to the end, as
    declared_prefixes does); and every statement of the blank nodes among those records whose
    value is no blank node, in the text's order, as record, predicate IRI and value, to find
    each node's values in its own part of the text. A record is an IRI, or a blank node of the
    loaded graph, which the text names otherwise: known by what it says (`blanks`: its statements
    whose value is no blank node, as predicate IRI and value, and those of named records naming
    it, as INCOMING and the predicate IRI, and the record), which the text's blank node must say
    alike; blank nodes saying alike are matched in the text's order."""
    records = {record for record, _value in wanted}
    by_statements: dict[frozenset[tuple[str, Node]], list[Node]] = {}
    for blank, said in sorted((blanks or {}).items(), key=lambda item: str(item[0])):
        if said and blank in records:  # saying nothing of its own, it is told from none
            by_statements.setdefault(said, []).append(blank)
    json_ld = format_name == "json-ld"  # leniently: a value with a space is read as a text
    quads = pyoxigraph.parse(text, _OXIGRAPH_FORMATS[format_name], base_iri=base, lenient=json_ld)
    stated: dict[tuple[Node, Node], str] = {}
    said_of_blanks: dict[str, list[tuple[str, Node]]] = {}
    in_order: list[tuple[str, str, Node]] = []
    described: set[str] = set()
    for quad in quads:
        subject, obj = quad.subject, quad.object
        if isinstance(subject, pyoxigraph.NamedNode):
            if by_statements and isinstance(obj, pyoxigraph.BlankNode):
                said_of_blanks.setdefault(obj.value, []).append(
                    (INCOMING + quad.predicate.value, _term(subject)))
            if subject.value not in records:
                continue
            said = written_text(obj.value, base, text, quad.predicate.value) \
                if json_ld and isinstance(obj, pyoxigraph.NamedNode) else None
            # A text the loader read as one (jsonld_texts), else the value as parsed.
            values = [] if said is None else [Literal(said)]
            if said is None or _valid_iri(obj.value):
                values.append(_term(obj))
            for value in values:
                if (pair := (subject.value, value)) in wanted:
                    stated.setdefault(pair, quad.predicate.value)
        elif by_statements and isinstance(subject, pyoxigraph.BlankNode) \
                and not isinstance(obj, pyoxigraph.BlankNode):
            said = (quad.predicate.value, obj if json_ld else _term(obj))  # JSON-LD: read below
            said_of_blanks.setdefault(subject.value, []).append(said)
            in_order.append((subject.value, *said))
        if isinstance(subject, pyoxigraph.NamedNode):
            described.add(subject.value)
    if json_ld:  # a blank node's value the loader read as a text (jsonld_texts), as it reads it
        said_of_blanks = {name: [(p, _as_read(v, p, base, text, described)) for p, v in said]
                          for name, said in said_of_blanks.items()}
        in_order = [(n, p, _as_read(v, p, base, text, described)) for n, p, v in in_order]
    matched: dict[str, Node] = {}
    for name, said in said_of_blanks.items():  # in the order the text first names each
        if alike := by_statements.get(frozenset(said)):
            matched[name] = blank = alike.pop(0)
            for predicate, value in said:
                if not predicate.startswith(INCOMING) and (blank, value) in wanted:
                    stated.setdefault((blank, value), predicate)
    walked = [(matched[name], predicate, value) for name, predicate, value in in_order
              if name in matched]
    return stated, dict(quads.prefixes), walked


def _as_read(value: object, predicate: str, base: str, text: str, described: set[str]) -> Node:
    """A blank node's value in JSON-LD (a lenient parse's term) as the loader reads it: a string
    the context reads as a reference that is no IRI, or that names no record the text
    describes, as its text (jsonld_texts.py); else the term."""
    if isinstance(value, pyoxigraph.NamedNode) and (
            said := written_text(value.value, base, text, predicate)) is not None and (
            not _valid_iri(value.value) or value.value not in described):
        return Literal(said)
    return _term(value)


def _valid_iri(value: str) -> bool:
    """Whether a strict parse takes the IRI (a lenient one takes `…/Liling brand strategy`)."""
    try:
        pyoxigraph.NamedNode(value)
    except ValueError:
        return False
    return True


def used_iris(text: str, format_name: str, base: str, iris: Iterable[str]) -> set[str]:
    """Those of `iris` a text the loader has read uses as a predicate or an object (the file
    parsed again): where the text does not write a term in a form one can search for."""
    wanted, used = {str(iri) for iri in iris}, set()  # an rdflib URIRef equals no plain str
    for quad in pyoxigraph.parse(text, _OXIGRAPH_FORMATS[format_name], base_iri=base):
        for node in (quad.predicate, quad.object):
            if isinstance(node, pyoxigraph.NamedNode) and node.value in wanted:
                used.add(node.value)
    return used


def _rdf_prefixes(text: str) -> frozenset[str]:
    """The prefixes an XML text binds to RDF's namespace (`rdf`, mostly); none where the text is
    no well-formed XML."""
    try:
        return frozenset(name for name, namespace in _xml_prefixes(text).items()
                         if namespace == RDF_NS)
    except expat.ExpatError:
        return frozenset()


def _xml_prefixes(text: str) -> dict[str, str]:
    """The namespace prefixes an XML text declares (`xmlns:bcic="…"`), each name's first binding:
    pyoxigraph's RDF/XML parser reports none. The default namespace has no name to write."""
    found: dict[str, str] = {}
    parser = expat.ParserCreate(encoding="UTF-8", namespace_separator=" ")

    def declared(prefix: str | None, namespace: str | None) -> None:
        if prefix and namespace:
            found.setdefault(prefix, namespace)

    parser.StartNamespaceDeclHandler = declared
    parser.Parse(text, True)
    return found


def _syntax_error_position(text: str, format_name: str, error: SyntaxError) -> tuple[int, int]:
    """The line and column, in characters, of a parser's syntax error: pyoxigraph's JSON-LD
    parser counts columns in UTF-8 bytes, its other parsers in characters."""
    line, column = error.lineno or 1, error.offset or 1
    if format_name == "json-ld":
        return line, column_of_byte(text, line, column)
    return line, column


def _visible(words: str) -> str:
    """A parser's words with each character that shows nothing (a control character, U+0085,
    U+FFFE…) written as U+XXXX, as bcic's own messages write it; one the parser quotes alone
    (`Invalid IRI code point '\\x85'`) loses its quotes."""
    words = _QUOTED_CHARACTER.sub(
        lambda found: found[0] if found[1].isprintable() else _code_point(found[1]), words)
    return "".join(c if c.isprintable() else _code_point(c) for c in words)


def _code_point(character: str) -> str:
    """The character's code point, as U+XXXX."""
    return f"U+{ord(character):04X}"


def _position_of_named(text: str, message: str) -> tuple[int, int] | tuple[()]:
    """Where the IRI or language tag an error names (RDF/XML's errors have no position) is written
    in the text, when it is written there, quoted, exactly once; or the element text it quotes
    (`Unexpected text event: '2023-10-01'`), when written between two tags exactly once."""
    if (named := _NAMED_VALUE.match(message)) is not None:
        return position_of_only(text, f'"{named[1]}"', f"'{named[1]}'")
    if (quoted := _TEXT_EVENT.match(message)) is not None and quoted[1]:
        return position_of_only(text, f">{quoted[1]}<")
    return ()


def from_oxigraph(node: object) -> Identifier:
    """Return the rdflib term for a pyoxigraph term (IRI, blank node or literal)."""
    return _term(node)


OxigraphTerm = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal


def to_oxigraph(term: object) -> OxigraphTerm:
    """Return the pyoxigraph term for an rdflib IRI, blank node or literal."""
    if isinstance(term, URIRef):
        return named_node(str(term))
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return pyoxigraph.Literal(str(term), language=term.language)
        if term.datatype is None:
            return pyoxigraph.Literal(str(term))
        return pyoxigraph.Literal(str(term), datatype=named_node(str(term.datatype)))
    raise TypeError(f"no pyoxigraph term for {term!r}")


@lru_cache(maxsize=4096)
def named_node(value: str) -> pyoxigraph.NamedNode:
    """Return the NamedNode; cached, as predicates and classes repeat on every triple."""
    return pyoxigraph.NamedNode(value)


def _term(node: object) -> Identifier:
    """Return the rdflib term for a pyoxigraph term."""
    if isinstance(node, pyoxigraph.NamedNode):
        return _iri(node.value)
    if isinstance(node, pyoxigraph.BlankNode):
        return BNode(node.value)
    if isinstance(node, pyoxigraph.Literal):
        return _literal(node)
    raise _Unsupported(phrase("error.parse.triple_term"))


@lru_cache(maxsize=4096)
def _iri(value: str) -> URIRef:
    """Return the URIRef; cached, as predicates and classes repeat on every line."""
    return URIRef(value)


def _literal(node: pyoxigraph.Literal) -> Literal:
    """Return the rdflib literal, with xsd:string written as rdflib's plain literal."""
    if node.direction:
        raise _Unsupported(phrase("error.parse.base_direction", value=node.value,
                                  language=node.language))
    if node.language:
        return Literal(node.value, lang=node.language)
    datatype = node.datatype.value
    if datatype == _XSD_STRING:
        return Literal(node.value)
    if datatype in _MARKUP_DATATYPES and MARKUP_DECLARATION.search(node.value):
        raise _Unsupported(phrase("error.parse.markup_literal"))
    literal = Literal(node.value, datatype=_iri(datatype))
    if str(literal) in _PYTHON_FLOAT_FORMS:
        return Literal(node.value, datatype=_iri(datatype), normalize=False)
    return literal

"""RDF terms to and from SPARQL text and SPARQL JSON results, for the remote store.

Blank nodes are written as Skolem IRIs (RDF 1.1, section 3.5) under SKOLEM_ROOT and turned back
into blank nodes on every read: Virtuoso 7.2 refuses blank nodes in INSERT DATA ("not allowed in a
constant clause"), and labels of a result set are not stable across the requests of a paged read
on other servers. Each write gets a fresh `TermWriter`, so no two revisions share a node.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import pyoxigraph
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import InputError, NoAnswerError
from ..loading.rdfterms import from_oxigraph
from ..timestamps import answered
from .base import Triple

SKOLEM_ROOT = "https://w3id.org/bcic/.well-known/genid/"
_XSD_STRING = str(XSD.string)
_GRAPH_FORMATS = (pyoxigraph.RdfFormat.N_TRIPLES, pyoxigraph.RdfFormat.TURTLE)
# IRIREF of the SPARQL grammar: anything but these characters (and no spaces or controls).
_BAD_IRI_CHAR = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANGUAGE_TAG = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*")
_STRING_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Backslash, quote and every control character: written as an escape, never raw.
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
_LOCAL_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")
_PREFIX_AFTER = 3  # uses of a namespace before it earns a PREFIX


class TermWriter:
    """Writes graphs as INSERT DATA text: compact, and with blank nodes as fresh Skolem IRIs.

    Compact because Virtuoso takes at most 10 MB in one request: IRIs whose namespace recurs are
    written as prefixed names (only local names of letters, digits, '_' and '-', which every
    parser reads alike), and the triples of one subject share it (`s p o ; p o .`).
    """

    def __init__(self, graphs: Iterable[Iterable[Triple]]) -> None:
        self._skolem = f"{SKOLEM_ROOT}{uuid.uuid4().hex[:20]}-"
        self._labels: dict[BNode, str] = {}
        self._prefixes = {self._skolem: "genid"}
        counts: Counter[str] = Counter()
        for graph in graphs:
            for triple in graph:
                for node in triple:
                    iri = node.datatype if isinstance(node, Literal) else node
                    if isinstance(iri, URIRef) and (split := _split(iri)):
                        counts[split[0]] += 1
        for namespace, count in counts.most_common():
            if count >= _PREFIX_AFTER and not _BAD_IRI_CHAR.search(namespace):
                self._prefixes[namespace] = f"p{len(self._prefixes)}"
        self._cache: dict[Node, str] = {}

    def prologue(self) -> str:
        """The PREFIX declarations the written text relies on."""
        return "".join(f"PREFIX {name}: <{namespace}>\n"
                       for namespace, name in self._prefixes.items())

    def term(self, node: Node) -> str:
        """The SPARQL text of an IRI, a literal or (as a Skolem IRI) a blank node."""
        text = self._cache.get(node)
        if text is None:
            text = self._cache[node] = self._write(node)
        return text

    def blocks(self, triples: Iterable[Triple], per_block: int) -> Iterator[str]:
        """The triples (a graph's, say) in blocks of at most `per_block`, each subject's written
        together."""
        by_subject: dict[Node, list[tuple[Node, Node]]] = {}
        for subject, predicate, obj in triples:
            by_subject.setdefault(subject, []).append((predicate, obj))
        block: list[str] = []
        size = 0
        for subject, pairs in by_subject.items():
            for start in range(0, len(pairs), per_block):
                chunk = pairs[start:start + per_block]
                if size + len(chunk) > per_block:
                    yield "\n".join(block)
                    block, size = [], 0
                block.append(self.term(subject) + " " + " ;\n    ".join(
                    f"{self.term(p)} {self.term(o)}" for p, o in chunk) + " .")
                size += len(chunk)
        if block:
            yield "\n".join(block)

    def _write(self, node: Node) -> str:
        if isinstance(node, URIRef):
            return self._iri(node)
        if isinstance(node, Literal):
            return literal_text(node, self._iri)
        if isinstance(node, BNode):
            label = self._labels.get(node)
            if label is None:
                label = self._labels[node] = f"genid:{len(self._labels):x}"
            return label
        raise InputError.of("error.store.sparql_term", node=node)

    def _iri(self, iri: URIRef) -> str:
        split = _split(iri)
        if split and split[0] in self._prefixes:
            return f"{self._prefixes[split[0]]}:{split[1]}"
        return iri_text(iri)


def _split(iri: str) -> tuple[str, str] | None:
    """(namespace, local name) when the local name is safe to write after a prefix."""
    cut = max(iri.rfind("/"), iri.rfind("#")) + 1
    local = iri[cut:]
    return (iri[:cut], local) if cut and _LOCAL_NAME.fullmatch(local) else None


def iri_text(iri: URIRef | str) -> str:
    """`<iri>`, refusing an IRI that SPARQL cannot spell (spaces, quotes, angle brackets…)."""
    if _BAD_IRI_CHAR.search(iri):
        raise InputError.of("error.store.unwritable_iri", iri=str(iri)[:200])
    return f"<{iri}>"


def literal_text(literal: Literal, write_iri: Callable[[URIRef], str] = iri_text) -> str:
    """A literal as a quoted SPARQL string with its language tag or datatype."""
    text = '"' + _NEEDS_ESCAPE.sub(_escape, str(literal)) + '"'
    if literal.language:
        if not _LANGUAGE_TAG.fullmatch(literal.language):
            raise InputError.of("error.store.language_tag", tag=literal.language)
        return f"{text}@{literal.language}"
    if literal.datatype is not None and str(literal.datatype) != _XSD_STRING:
        return f"{text}^^{write_iri(literal.datatype)}"
    return text


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _STRING_ESCAPES.get(char) or f"\\u{ord(char):04X}"


def from_skolem(node: Node) -> Node:
    """A Skolem IRI of this store back to its blank node; any other term as it is."""
    if isinstance(node, URIRef) and node.startswith(SKOLEM_ROOT):
        return BNode(node[len(SKOLEM_ROOT):])
    return node


def from_binding(value: Mapping[str, Any]) -> Node:
    """The rdflib term of one SPARQL JSON results binding (also the older "typed-literal")."""
    kind, text = value.get("type"), value.get("value")
    if not isinstance(text, str):
        raise NoAnswerError.of("error.remote.binding_without_value", binding=value)
    if kind == "uri":
        return from_skolem(URIRef(text))
    if kind == "bnode":
        return BNode(re.sub(r"[^A-Za-z0-9_-]", "_", text))
    if kind in ("literal", "typed-literal"):
        language = value.get("xml:lang")
        if language:
            return Literal(text, lang=language)
        datatype = value.get("datatype")
        # xsd:string as rdflib's plain literal, as the embedded store returns it.
        if datatype and datatype != _XSD_STRING:
            return Literal(text, datatype=URIRef(datatype))
        return Literal(text)
    raise NoAnswerError.of("error.remote.binding_type", kind=kind)


def rows_from_json(document: Mapping[str, Any]) -> list[dict[str, Node]]:
    """The rows of a SPARQL JSON SELECT result, terms as `answered` gives them; unbound variables
    are left out of a row."""
    try:
        bindings: Iterable[Mapping[str, Mapping[str, Any]]] = document["results"]["bindings"]
        return [{name: answered(from_binding(value)) for name, value in row.items()}
                for row in bindings]
    except (KeyError, TypeError, AttributeError) as error:
        raise NoAnswerError.of("error.remote.malformed_select", detail=error) from None


def graph_from_rdf(data: bytes, media_type: str, into: Graph, endpoint: str) -> Graph:
    """Parse an RDF answer of `endpoint` (N-Triples or Turtle) with pyoxigraph into an rdflib
    graph; NoAnswerError (exit 4) for any other media type, such as a web page, or bad RDF."""
    rdf_format = pyoxigraph.RdfFormat.from_media_type(media_type) if media_type else None
    # Line-based formats only: an XML parser must never see what a server sends (NOTES).
    if rdf_format not in _GRAPH_FORMATS:
        raise NoAnswerError.of("error.remote.graph_media_type", endpoint=endpoint,
                               media_type=media_type or "-")
    try:
        for triple in pyoxigraph.parse(data, rdf_format, rename_blank_nodes=False):
            into.add((from_skolem(from_oxigraph(triple.subject)), from_oxigraph(triple.predicate),
                      from_skolem(from_oxigraph(triple.object))))
    except (SyntaxError, ValueError) as error:
        raise NoAnswerError.of("error.remote.unparsable_rdf", endpoint=endpoint,
                               detail=error) from None
    return into

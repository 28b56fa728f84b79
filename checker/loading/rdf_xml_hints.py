"""What an RDF/XML parser's error most likely comes from, where its words do not say: a syntax
attribute misspelt on an element with text (`rdf:datatyp="…"` gives "Unexpected text event"),
or written without its prefix (`about="…"` gives "XML namespaces are required in RDF/XML", with
no position). The attribute is found in the text, for the refusal to name the one meant and,
where the parser gave none, its place."""

from __future__ import annotations

import difflib
import re

from ..i18n import Phrase, phrase
from ..text_position import text_position

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# RDF/XML's syntax attributes (RDF 1.1 XML Syntax, 7.2.2), which an element's attributes may be.
_ATTRIBUTES = ("about", "resource", "ID", "nodeID", "datatype", "parseType")
_TEXT_EVENT = re.compile(r"Unexpected text event: '(.*)'", re.DOTALL)
_UNQUALIFIED = "XML namespaces are required in RDF/XML"
# An attribute in a start tag: its prefix (none for an unqualified one) and local name.
_ATTRIBUTE = re.compile(r"\s(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)\s*=\s*[\"']")
_START_TAG = re.compile(r"<[A-Za-z_][\w.:-]*(?:\s[^<>]*)?>")


def attribute_hint(text: str, message: str, rdf_prefixes: frozenset[str]) -> tuple[
        Phrase | None, tuple[int, int] | tuple[()]]:
    """The attribute an RDF/XML error most likely comes from, said as a phrase, and its line and
    column (nothing where the parser's own place stands); (None, ()) when none is found.
    `rdf_prefixes`: the prefixes the text binds to RDF's namespace."""
    if (quoted := _TEXT_EVENT.match(message)) is not None and quoted[1]:
        at = text.find(f">{quoted[1]}<")
        start = text.rfind("<", 0, at + 1) if at >= 0 else -1
        tag = _START_TAG.match(text, start) if start >= 0 else None
        for found in _ATTRIBUTE.finditer(tag[0]) if tag is not None else ():
            prefix, name = found.groups()
            if prefix in rdf_prefixes and name not in _ATTRIBUTES and \
                    (meant := difflib.get_close_matches(name, _ATTRIBUTES, n=1)):
                return phrase("error.parse.rdf_xml_misspelt", written=f"{prefix}:{name}",
                              meant=f"{prefix}:{meant[0]}"), ()
    if message.startswith(_UNQUALIFIED):
        prefix = min(rdf_prefixes, default="rdf")
        for tag in _START_TAG.finditer(text):
            for found in _ATTRIBUTE.finditer(tag[0]):
                if found[1] is None and found[2] in _ATTRIBUTES:
                    where = text_position(text[:tag.start() + found.start(2)])
                    return phrase("error.parse.rdf_xml_unqualified", written=found[2],
                                  meant=f"{prefix}:{found[2]}"), where
    return None, ()

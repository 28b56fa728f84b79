"""The submission formats: one registry shared by the loader, the CLI and the HTTP API."""

import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import NamedTuple

from ..errors import InputError
from ..i18n import Listed


class SubmissionFormat(NamedTuple):
    """How one RDF syntax is named on the wire, on disk and in rdflib."""

    media_type: str
    extensions: tuple[str, ...]
    rdflib_name: str
    label: str


SUBMISSION_FORMATS: Mapping[str, SubmissionFormat] = {
    "turtle": SubmissionFormat("text/turtle", (".ttl",), "turtle", "Turtle"),
    "trig": SubmissionFormat("application/trig", (".trig",), "trig", "TriG"),
    "json-ld": SubmissionFormat("application/ld+json", (".jsonld", ".json"), "json-ld", "JSON-LD"),
    "rdf-xml": SubmissionFormat("application/rdf+xml", (".rdf", ".owl", ".xml"), "xml", "RDF/XML"),
    "n-triples": SubmissionFormat("application/n-triples", (".nt",), "nt", "N-Triples"),
    "n-quads": SubmissionFormat("application/n-quads", (".nq",), "nquads", "N-Quads"),
}

# The file name extensions of the formats, in the registry's order, for messages and forms.
ACCEPTED_EXTENSIONS: tuple[str, ...] = tuple(
    extension for each in SUBMISSION_FORMATS.values() for extension in each.extensions)

# Every way a user may name a format (short name, media type, extension with or without
# its dot), lower-cased, to the short name: choosing a format is one dictionary lookup.
_ALIASES: dict[str, str] = {}
for _name, _format in SUBMISSION_FORMATS.items():
    for _alias in (_name, _format.media_type, *_format.extensions):
        _ALIASES[_alias] = _ALIASES[_alias.lstrip(".")] = _name

_XML_START = re.compile(r"\s*<(?:\?xml|rdf:RDF|!--)")
_JSON_START = re.compile(r"\s*[\[{]")
_IRI, _BNODE = r"<[^>\s]*>", r"_:\S+"
_LITERAL = r'"(?:[^"\\\n]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>\s]*>)?'
# A first statement (after blank and comment lines) with a fourth, graph term: N-Quads.
_NQUADS_START = re.compile(
    rf"(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(?:{_IRI}|{_BNODE})\s+{_IRI}\s+"
    rf"(?:{_IRI}|{_BNODE}|{_LITERAL})\s+(?:{_IRI}|{_BNODE})\s*\."
)


def resolve_format(value: str) -> str:
    """Return the short name for a format given by short name, media type or extension."""
    key = value.split(";", 1)[0].strip().lower()
    if key not in _ALIASES:
        known = ", ".join(SUBMISSION_FORMATS)
        raise InputError.of("error.submission.unknown_format", value=value, known=known)
    return _ALIASES[key]


def format_from_extension(file_name: str) -> str | None:
    """Return the short name the file name's extension stands for, or None."""
    suffix = PurePath(file_name).suffix.lower()
    return _ALIASES.get(suffix) if suffix else None


def is_rdf_xml(file_name: str, read_as: Mapping[str, str] | None = None) -> bool:
    """Whether a file was read as RDF/XML: by the format the loader parsed it in (`read_as`,
    file → short name: given, by extension or by content), else by its extension."""
    return ((read_as or {}).get(file_name) or format_from_extension(file_name)) == "rdf-xml"


class UnreadFormatError(InputError):
    """A file whose extension names no format bcic reads (HTTP 415, exit 2)."""

    http_status = 415


def refuse_unread_extension(file_name: str) -> None:
    """Refuse a file whose name ends in an extension no submission format has (`.csv`, `.xlsx`,
    `.txt`): its content is not guessed, as a spreadsheet would only fail as bad Turtle. A file
    without an extension is read as its content shows (`sniff_format`), and the message says
    so. The CLI, the loader and the web app's uploads all refuse with this one message."""
    if PurePath(file_name).suffix and format_from_extension(file_name) is None:
        raise UnreadFormatError.of("error.submission.unread_extension", name=file_name,
                                   extensions=Listed(
                                       tuple({"zh": e, "en": e} for e in ACCEPTED_EXTENSIONS),
                                       {"zh": "、", "en": ", "}))


def sniff_format(text: str) -> str:
    """Guess a format from the first characters; Turtle (a superset of N-Triples) by default."""
    if _XML_START.match(text):
        return "rdf-xml"
    if _JSON_START.match(text):
        return "json-ld"
    if _NQUADS_START.match(text):
        return "n-quads"
    return "turtle"

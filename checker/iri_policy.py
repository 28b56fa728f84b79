"""The one rule for the IRIs bcic can be asked about: absolute http, https or urn IRIs.

Named queries take no other IRI as a parameter, so ingest stores a cluster under no other IRI
either: a cluster stored under a `javascript:` or `file:` IRI could never be queried, and any page
that linked it would hand a browser that scheme.
"""

from __future__ import annotations

import re

import pyoxigraph

from .i18n import Phrase, phrase

IRI_SCHEMES = ("http", "https", "urn")
# Scheme and authority as RFC 3986 appendix B splits an IRI. Unlike urlsplit, which raises on a
# stray `[` or `]`, a pattern never fails: pyoxigraph's syntax check judges the brackets.
_SCHEME_AUTHORITY = re.compile(r"(?P<scheme>[^:/?#]+):(?://(?P<authority>[^/?#]*))?")
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f]')


def iri_problem(value: str) -> Phrase | None:
    """Why the value is not an absolute http, https or urn IRI with no character SPARQL or
    Turtle would misread (catalogue message `iri.*`), or None when it is one."""
    parts = _SCHEME_AUTHORITY.match(value)
    if parts is None or parts["scheme"].lower() not in IRI_SCHEMES:
        return phrase("iri.not_absolute", value=value)
    if _IRI_FORBIDDEN.search(value):
        return phrase("iri.forbidden_character", value=value)
    if parts["scheme"].lower() != "urn" and not parts["authority"]:
        return phrase("iri.no_host", value=value)
    try:
        pyoxigraph.NamedNode(value)  # RFC 3987 syntax, as the store will read it
    except ValueError as error:
        return phrase("iri.invalid", value=value, problem=str(error))
    return None

"""Where each record of a submission is described: the file, line and column where its IRI first
stands as a subject, for a report to point the submitter at the record a finding names.

Found again in the text, as the unknown terms' places are (standard_terms.first_written), not
kept while parsing: pyoxigraph gives no position of a statement. A subject is where Turtle, TriG
and the N-Triples family write it, at the start of a line (as `<iri>` or a prefixed name under a
prefix the file declares), or where JSON-LD (`"@id": "iri",` then its other keys) and RDF/XML
(`rdf:about="iri"`) name the node they describe, a JSON-LD compact IRI (`"@id": "ex:pos",`)
under a prefix its context declares. A record described nowhere the loader can tell is looked
for wherever its IRI is written first. Relative IRIs are read against the submission's base.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import urljoin

from ..text_position import positions
from .standard_terms import first_written

# A token at the start of a line, where Turtle, TriG and N-Triples write a subject.
_LINE_START = re.compile(
    r"(?:^|(?<=[\r\n]))[ \t]*"
    r"(<[^<>\"{}|^`\\\s]*>"  # an IRI in angle brackets
    r"|[A-Za-z][\w.-]*:[^\s;,()\[\]<>\"']*"  # a prefixed name
    r"|:[^\s;,()\[\]<>\"']*)")  # a name under the empty prefix
# Where JSON-LD and RDF/XML name the node they describe: an "@id" more keys follow (alone, as
# in {"@id": "…"}, it refers to a node), an rdf:about.
_DESCRIBED = re.compile(r"\"@id\"\s*:\s*\"([^\"]*)\"\s*,|\brdf:about\s*=\s*([\"'])(.*?)\2")
# Records looked for anywhere once not found as subjects: each is one search of the text.
MAX_SEARCHED = 50


def described_at(text: str, iris: Iterable[str], prefixes: Mapping[str, str],
                 base: str) -> dict[str, tuple[int, int, int]]:
    """Where each IRI is first described in the text: IRI → offset, line and column, from 1; an
    IRI the text does not write in a form this knows is left out."""
    wanted = {str(iri) for iri in iris}  # an rdflib URIRef equals no plain str
    found: dict[str, int] = {}
    for match in _LINE_START.finditer(text):
        iri = _expanded(match.group(1), prefixes, base)
        if iri in wanted and iri not in found:
            found[iri] = match.start(1)
    if len(found) < len(wanted):
        for match in _DESCRIBED.finditer(text):
            iri = (_json_ld_iri(match.group(1), prefixes, base) if match.group(1) is not None
                   else urljoin(base, match.group(3)))
            if iri in wanted and iri not in found:
                found[iri] = match.start()
    places = {iri: (offset, *position) for (iri, offset), position in
              zip(found.items(), positions(text, found.values()), strict=True)}
    for iri in sorted(wanted - set(found))[:MAX_SEARCHED]:
        if (where := first_written(text, iri, prefixes)) is not None:
            places[iri] = where
    return places


def _json_ld_iri(written: str, prefixes: Mapping[str, str], base: str) -> str:
    """The IRI a JSON-LD "@id" stands for: a compact IRI (`ex:pos`) under a prefix the context
    declares expanded, any other read against the base."""
    name, colon, local = written.partition(":")
    if colon and not local.startswith("//") and (namespace := prefixes.get(name)) is not None:
        return namespace + local
    return urljoin(base, written)


def _expanded(token: str, prefixes: Mapping[str, str], base: str) -> str | None:
    """The IRI a subject token stands for; None for a prefix the file does not declare."""
    if token.startswith("<"):
        return urljoin(base, token[1:-1])
    name, _colon, local = token.partition(":")
    namespace = prefixes.get(name)
    return None if namespace is None else namespace + local.rstrip(".")

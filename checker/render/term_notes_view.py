"""The notes on IRIs of the standard's namespaces that the ontology does not define, and of a
reused vocabulary's that it does not define (checker/unknown_terms.py), worded once for every
format: which IRI, how the submission uses it, where it is first written, and the defined term
it likely meant, by its label and prefixed name; and on namespaces close to the standard's
(checker/near_namespaces.py), on language tags mistaken for a language's
(checker/language_notes.py)."""

from __future__ import annotations

from rdflib import URIRef

from ..i18n import Lang, SpacedBefore, message
from ..namespaces import BCIC, IND, REQ
from ..language_notes import TagNote
from ..near_namespaces import NearNamespace
from ..report import Report
from ..reused_vocabularies import (RDF_XML_ATTRIBUTES, RDF_XML_ELEMENTS, VOCABULARY_NAMES,
                                  reused_prefixed, vocabulary_of)
from ..unknown_terms import UnknownTerm
from .findings_view import Namer
from .term_namer import TermNamer
from .naming import short_node


def term_note_lines(report: Report, lang: Lang) -> list[str]:
    """One sentence per unknown term listed, then how many more there are, if any."""
    namer = Namer(report, lang)
    lines = [term_note(term, namer) for term in report.term_notes.terms]
    if report.term_notes.more:
        lines.append(message("report.terms.more", lang, n=report.term_notes.more))
    return lines


_PREFIXES = {str(BCIC): "bcic:", str(IND): "ind:", str(REQ): "req:"}


def namespace_note_lines(report: Report, lang: Lang) -> list[str]:
    """One sentence per namespace close to the standard's that the submission writes IRIs under."""
    return [namespace_note(near, lang) for near in report.term_notes.namespaces]


def namespace_note(near: NearNamespace, lang: Lang) -> str:
    """`691 statement(s) use IRIs under <http://w3id.org/bcic/ontology#>, …: did you mean
    bcic: <https://w3id.org/bcic/ontology#>? …`"""
    return message("report.namespaces.note", lang, n=near.statements, written=near.written,
                   prefix=_PREFIXES[near.meant], meant=near.meant)


def tag_note_lines(report: Report, lang: Lang) -> list[str]:
    """One sentence per language tag the submission mistakes for a language's."""
    return [tag_note(tag, lang) for tag in report.term_notes.tags]


def tag_note(tag: TagNote, lang: Lang) -> str:
    """`1 text(s) are tagged @cn, which names no language the reports read: did you mean @zh?…`"""
    return message("report.tags.note", lang, n=tag.statements, written=tag.written,
                   meant=tag.meant)


def term_note(term: UnknownTerm, namer: TermNamer) -> str:
    """`bcic:BrandFunds (used as a class, first at d.ttl:114:11) is not a term of the ontology.
    Did you mean “brand fund” (bcic:BrandFund)?`; `(used as a class, in d.rdf, line unknown)`
    where the loader finds the file but not the line; `prov:wasAtributedTo (…) is not a term of
    PROV-O. Did you mean “attributed to” (prov:wasAttributedTo)?`; `rdf:abut (…) is not a term of
    RDF. Did you mean the RDF/XML attribute rdf:about?`"""
    lang = namer.lang
    place = term.place
    at = "" if place is None else message(
        "report.terms.at" if place.line is not None else "report.terms.in", lang, place=place)
    use = message(f"report.terms.use.{term.use.value}", lang)
    vocabulary = vocabulary_of(term.iri)
    if vocabulary is None:
        said = message("report.terms.note", lang, term=short_node(term.iri, None), use=use, at=at)
    else:
        said = message("report.terms.note_reused", lang, term=_named(term.iri), use=use, at=at,
                       vocabulary=SpacedBefore(VOCABULARY_NAMES[vocabulary][lang]))
    if term.suggestion is None:
        return said
    prefixed = _named(term.suggestion)
    if term.suggestion in RDF_XML_ATTRIBUTES:
        return said + message("report.terms.did_you_mean_attribute", lang, term=prefixed)
    if term.suggestion in RDF_XML_ELEMENTS:
        return said + message("report.terms.did_you_mean_element", lang, term=prefixed)
    if not (label := namer.label(term.suggestion)):
        return said + message("report.terms.did_you_mean_unlabelled", lang, term=prefixed)
    named = message("report.terms.named", lang, label=label, iri=prefixed)
    return said + message("report.terms.did_you_mean", lang, term=named)


def _named(term: URIRef) -> str:
    """A term by prefixed name: the standard's (bcic:, ind:, req:) or a reused vocabulary's."""
    return reused_prefixed(term) or short_node(term, None)

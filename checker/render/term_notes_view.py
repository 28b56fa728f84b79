"""The notes on IRIs of the standard's namespaces that the ontology does not define
(checker/unknown_terms.py), worded once for every format: which IRI, how the submission uses it,
where it is first written, and the defined term it likely meant, by its label and prefixed name."""

from __future__ import annotations

from ..i18n import Lang, message
from ..report import Report
from ..unknown_terms import UnknownTerm
from .findings_view import Namer, TermNamer
from .naming import short_node


def term_note_lines(report: Report, lang: Lang) -> list[str]:
    """One sentence per unknown term listed, then how many more there are, if any."""
    namer = Namer(report, lang)
    lines = [term_note(term, namer) for term in report.term_notes.terms]
    if report.term_notes.more:
        lines.append(message("report.terms.more", lang, n=report.term_notes.more))
    return lines


def term_note(term: UnknownTerm, namer: TermNamer) -> str:
    """`bcic:BrandFunds (used as a class, first at d.ttl:114:11) is not a term of the ontology.
    Did you mean “brand fund” (bcic:BrandFund)?`"""
    lang = namer.lang
    place = term.place
    said = message("report.terms.note", lang, term=short_node(term.iri, None),
                   use=message(f"report.terms.use.{term.use.value}", lang),
                   at=message("report.terms.at", lang,
                              place=f"{place.file}:{place.line}:{place.column}") if place else "")
    if term.suggestion is None:
        return said
    prefixed = short_node(term.suggestion, None)
    label = namer.label(term.suggestion)
    named = message("report.terms.named", lang, label=label, iri=prefixed) if label else prefixed
    return said + message("report.terms.did_you_mean", lang, term=named)

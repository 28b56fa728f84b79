"""Refuse a statement about one of the standard's own terms (ontology, catalogue, indicators,
shapes); find where a term is first written.

Validation merges the ontology's class hierarchy into the submission's graph, and the shapes
follow rdfs:subClassOf there: a submitted `bcic:CultivationBody rdfs:subClassOf
bcic:CreditMechanism` would make the body count as evidence of 7.1.2.3. A submission describes a
cluster with the standard's terms; it never describes the terms themselves, nor extends them
(`ex:Mine rdfs:subClassOf bcic:CreditMechanism` would do the same through a class of its own).
"""

import re
from collections.abc import Mapping

from rdflib import OWL, RDFS

from ..namespaces import is_bcic_term
from ..text_position import text_position
from .guards import SubmissionParseError, position_of_only


# Predicates that would make a term of the submission count as one of the standard's.
_EXTENDING = frozenset(str(p) for p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass,
                                        OWL.equivalentProperty, OWL.sameAs))


def refuse_standard_subject(file: str, text: str, subject: str, predicate: str,
                            obj: str | None, prefixes: Mapping[str, str]) -> None:
    """Raise SubmissionParseError when the subject IRI is a term of the standard's namespaces,
    or when the statement makes it a subclass or an equivalent of one (`obj` is the object's IRI,
    None for a blank node or a literal); say where when the statement can be found in the text."""
    if is_bcic_term(subject):
        raise SubmissionParseError(file, "standard_term",
                                   *_position(text, written_forms(subject, prefixes)),
                                   term=subject, predicate=predicate)
    if obj is not None and predicate in _EXTENDING and is_bcic_term(obj):
        raise SubmissionParseError(file, "standard_term_extended",
                                   *_position(text, written_forms(subject, prefixes)),
                                   subject=subject, term=obj, predicate=predicate)


def written_forms(iri: str, prefixes: Mapping[str, str]) -> list[str]:
    """The ways the IRI can be written: in angle brackets, quoted (JSON-LD, RDF/XML) and as a
    prefixed name under any prefix the file declared."""
    forms = [f"<{iri}>", f'"{iri}"']
    forms += [f"{name}:{iri[len(namespace):]}" for name, namespace in prefixes.items()
              if namespace and iri.startswith(namespace)]
    return forms


def _position(text: str, forms: list[str]) -> tuple[int, int] | tuple[()]:
    """Where a subject written in one of the forms begins a line (as in Turtle and N-Triples);
    else where one of the forms is written, when it is written exactly once."""
    alternatives = "|".join(re.escape(form) for form in forms)
    # A line starts after CR as well as after LF (text_position); re.MULTILINE's ^ knows only LF.
    at_line_start = re.compile(rf"(?<![^\r\n])[ \t]*(?:{alternatives})(?=[\s;,.]|$)")
    if (found := at_line_start.search(text)) is not None:
        start = found.start() + len(found.group()) - len(found.group().lstrip(" \t"))
        return text_position(text[:start])
    return position_of_only(text, *forms)


def first_written(text: str, iri: str, prefixes: Mapping[str, str]) -> tuple[int, int, int] | None:
    """The offset, line and column where the IRI is first written, in angle brackets, quoted or
    as a prefixed name under a prefix the file declared; None when it is written in none of
    these forms (an RDF/XML element name, a JSON-LD term of the context's vocabulary). A
    prefixed name is matched whole: `bcic:BrandFund` is not found in `bcic:BrandFunds`."""
    whole = [f"<{iri}>", f'"{iri}"', f"'{iri}'"]
    prefixed = [form for form in written_forms(iri, prefixes) if form not in whole]
    alternatives = [re.escape(form) for form in whole]
    if prefixed:
        names = "|".join(re.escape(form) for form in prefixed)
        alternatives.append(rf"(?<![\w.:-])(?:{names})(?![\w:%-]|\.[\w:%-])")
    if (found := re.search("|".join(alternatives), text)) is None:
        return None
    return (found.start(), *text_position(text[:found.start()]))

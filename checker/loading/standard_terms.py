"""Refuse a statement about one of the standard's own terms (ontology, catalogue, indicators,
shapes).

Validation merges the ontology's class hierarchy into the submission's graph, and the shapes
follow rdfs:subClassOf there: a submitted `bcic:CultivationBody rdfs:subClassOf
bcic:CreditMechanism` would make the body count as evidence of 7.1.2.3. A submission describes a
cluster with the standard's terms; it never describes the terms themselves.
"""

import re
from collections.abc import Mapping

from ..namespaces import is_bcic_term
from .guards import SubmissionParseError, position_of_only, text_position


def refuse_standard_subject(file: str, text: str, subject: str, predicate: str,
                            prefixes: Mapping[str, str]) -> None:
    """Raise SubmissionParseError when the subject IRI is a term of the standard's namespaces;
    say where when the statement can be found in the text."""
    if not is_bcic_term(subject):
        return
    forms = _written_forms(subject, prefixes)
    raise SubmissionParseError(file, "standard_term", *_position(text, forms),
                               term=subject, predicate=predicate)


def _written_forms(iri: str, prefixes: Mapping[str, str]) -> list[str]:
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
    at_line_start = re.compile(rf"^[ \t]*(?:{alternatives})(?=[\s;,.]|$)", re.MULTILINE)
    if (found := at_line_start.search(text)) is not None:
        start = found.start() + len(found.group()) - len(found.group().lstrip(" \t"))
        return text_position(text[:start])
    return position_of_only(text, *forms)

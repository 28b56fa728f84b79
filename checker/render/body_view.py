"""Why 4.2's duties are not set aside as not applicable where the report cannot say the body
lacks a member of their role (checker/body_roles.py, docs/model.md decision 9), worded once for
every format: no cultivation body of the cluster is declared, or a member's role is not one of
the member roles of 4.1 (a term the ontology does not define, a term that is no member role, a
text, or none)."""

from __future__ import annotations

from rdflib.namespace import ORG
from rdflib.term import Node

from ..body_roles import Unclear, UnclearRole
from ..i18n import Lang, message
from ..loading.formats import is_rdf_xml
from ..report import Report
from ..term_texts import names_term
from .findings_view import Namer
from .naming import short_node
from .rdf_xml_forms import resource_element

_MESSAGES = {Unclear.UNDEFINED: "report.duties_undefined_role",
             Unclear.NOT_A_ROLE: "report.duties_not_a_role",
             Unclear.TEXT: "report.duties_role_as_text",
             Unclear.NONE: "report.duties_no_role"}


def body_lines(report: Report, lang: Lang) -> list[str]:
    """One sentence when no body is declared, else one per member whose role is not one of 4.1's;
    none for a report stored before reports recorded them."""
    body = report.body_roles
    if body is None:
        return []
    if not body.declared:
        return [message("report.duties_no_body", lang)]
    namer = Namer(report, lang)
    return [_unclear_line(namer, unclear, lang) + _written_at(unclear, lang)
            for unclear in body.unclear]


def _written_at(unclear: UnclearRole, lang: Lang) -> str:
    """After a note: where the role is written (the membership, for one with no role), as a
    finding says where a value is written; "" where the report does not know."""
    place = unclear.place
    if place is None or place.line is None:
        return ""
    return message("report.lack.written_at", lang, place=f"{place.file}:{place.line}")


def _unclear_line(namer: Namer, unclear: UnclearRole, lang: Lang) -> str:
    """The sentence naming the member and what its role is; for a text, the member role it
    means, said to be a guess unless the text names it exactly (its IRI, name or a label)."""
    role = unclear.role
    if unclear.kind is Unclear.TEXT and unclear.nearest is not None:
        labels = tuple(namer.labels.get(unclear.nearest, {}).values())
        exact = names_term(str(role), unclear.nearest, labels)
        place = unclear.place
        if place is not None and is_rdf_xml(place.file, namer.formats):
            return message("report.duties_role_as_text_meant_rdf_xml", lang,
                           member=_named(namer, unclear.member, lang), role=str(role),
                           nearest=namer.quoted(unclear.nearest),
                           element=resource_element(str(unclear.nearest), ORG.role,
                                                    namer.prefixes.get(place.file)),
                           guess="" if exact else message("report.duties_role_guessed", lang))
        return message("report.duties_role_as_text_meant", lang,
                       member=_named(namer, unclear.member, lang), role=str(role),
                       nearest=namer.quoted(unclear.nearest),
                       iri=short_node(unclear.nearest, None),
                       guess="" if exact else message("report.duties_role_guessed", lang))
    return message(_MESSAGES[unclear.kind], lang, member=_named(namer, unclear.member, lang),
                   role=str(role) if unclear.kind is Unclear.TEXT
                   else short_node(role, None) if role is not None else "",
                   nearest=_named(namer, unclear.nearest, lang)
                   if unclear.nearest is not None else "")


def _named(namer: Namer, node: Node, lang: Lang) -> str:
    """A node by its label and IRI where it has both, else quoted by its name."""
    iri = short_node(node, namer.base)
    label = namer.label(node)
    return message("report.terms.named", lang, label=label, iri=iri) if label and iri \
        else namer.quoted(node)

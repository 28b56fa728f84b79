"""Why 4.2's duties are not set aside as not applicable where the report cannot say the body
lacks a member of their role (checker/body_roles.py, docs/model.md decision 9), worded once for
every format: no cultivation body of the cluster is declared, or a member's role is a term the
ontology does not define."""

from __future__ import annotations

from ..i18n import Lang, message
from ..report import Report
from .findings_view import Namer
from .naming import short_node


def body_lines(report: Report, lang: Lang) -> list[str]:
    """One sentence when no body is declared, else one per member whose role is undefined; none
    for a report stored before reports recorded them."""
    body = report.body_roles
    if body is None:
        return []
    if not body.declared:
        return [message("report.duties_no_body", lang)]
    namer = Namer(report, lang)
    lines = []
    for member, role in body.undefined:
        iri = short_node(member, namer.base)
        label = namer.label(member)
        named = message("report.terms.named", lang, label=label, iri=iri) if label and iri \
            else namer.quoted(member)
        lines.append(message("report.duties_undefined_role", lang, member=named,
                             role=short_node(role, None)))
    return lines

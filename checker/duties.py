"""Duties of 4.2 set aside: which member roles a submission lacks and what that leaves out.

4.1 says the members 「一般包含各级政府机构、行业组织、其他第三方机构、行业内企业及相关及支持产业的企业等」:
generally, not always. A duty of 4.2.1–4.2.3 binds a role, and with no member of that role in the body
that cultivates the cluster it is not applicable (checker/body_roles.py: only when that body is
declared and every member's role is defined); every report says so, so the evaluator sees what was
left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from .i18n import Lang, message
from .namespaces import BCIC
from .notation import provisions_listed
from .report import Report, Status


@dataclass(frozen=True)
class SetAside:
    """The duties of one list of 4.2 that no member's role binds."""

    clause: str
    roles: tuple[URIRef, ...]  # the roles the duties bind, none of which a member has
    duties: tuple[str, ...]


def duties_set_aside(report: Report) -> tuple[SetAside, ...]:
    """The duty lists of 4.2 whose items are not applicable for want of a member of their role."""
    grouped: dict[str, list[str]] = {}
    roles: dict[str, tuple[URIRef, ...]] = {}
    for outcome in report.outcomes:
        requirement = outcome.requirement
        if requirement.is_duty and outcome.status is Status.NOT_APPLICABLE:
            grouped.setdefault(requirement.clause, []).append(requirement.id)
            roles[requirement.clause] = tuple(sorted(requirement.actors))
    return tuple(SetAside(clause, roles[clause], tuple(ids)) for clause, ids in grouped.items())


def set_aside_lines(report: Report, lang: Lang) -> list[str]:
    """One sentence per duty list set aside: the roles absent, the duties (in the standard's
    notation, listed as the language lists), why (4.1)."""
    return [message("report.duties_set_aside", lang, clause=s.clause, n=len(s.duties),
                    duties=provisions_listed(s.duties, lang),
                    roles=message("report.role.or", lang).join(
                        message(f"report.role.{role.removeprefix(str(BCIC))}", lang)
                        for role in s.roles))
            for s in duties_set_aside(report)]

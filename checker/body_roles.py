"""Who the members of the cultivation body are, for 4.2's duties (docs/model.md, decision 9): the
roles its members hold, whether there is a body at all, and the members whose role does not say
which of 4.1's member roles they hold.

A duty of 4.2 is set aside as not applicable only when the body that cultivates the cluster is
declared, no member holds a role the duty binds, and every member's role is one of the five member
roles of 4.1: with no body, nothing tells whether it has such a member (4.1 asks for the body
first); with a member in a role nobody defined (`bcic:EnterpriseRole`, misspelt), a role given as
text ("行业内企业"), none, or a defined term that is no member role (the class `bcic:Enterprise`),
that member may well be of the role, and saying the body has none would be false.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Set
from dataclasses import dataclass, field, replace
from enum import Enum

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import ORG
from rdflib.term import Node

from .labels import labels_of
from .namespaces import BCIC
from .term_texts import term_guessed, term_named
from .unknown_terms import Place

# 4.1 「成员一般包含各级政府机构、行业组织、其他第三方机构、行业内企业及相关及支持产业的企业」: the five
# member roles, as shp:CompleteMembership-role lists them (sh:in).
MEMBER_ROLES = (BCIC.GovernmentRole, BCIC.IndustryOrganisationRole,
                BCIC.ThirdPartyInstitutionRole, BCIC.IndustryEnterpriseRole,
                BCIC.SupportingEnterpriseRole)


class Unclear(Enum):
    """Why a member's role does not tell which member role of 4.1 it holds."""

    UNDEFINED = "undefined"  # an IRI nothing defines (a misspelt bcic:EnterpriseRole)
    NOT_A_ROLE = "not_a_role"  # a defined term that is no member role (bcic:Enterprise)
    TEXT = "text"  # a text ("行业内企业"@zh)
    NONE = "none"  # no org:role at all


@dataclass(frozen=True)
class UnclearRole:
    """A member (the membership when it names none) whose role is not one of 4.1's."""

    member: Node
    kind: Unclear
    role: Node | None = None  # the role as given, None where none is
    # For a term that is no role, the member role closest to it; for a text, the member role it
    # names or is nearest in spelling (term_texts.py), None where it is near none or several.
    nearest: URIRef | None = None
    # Where the role is written (where the membership is described, for one with no role), when
    # the loader can tell (`placed`); None for a graph given without files.
    place: Place | None = None
    # The membership giving the role, to place it; not kept with a stored report.
    membership: Node | None = field(default=None, compare=False)


@dataclass(frozen=True)
class BodyRoles:
    """The members' roles in the body that cultivates the assessed cluster."""

    declared: bool  # whether a cultivation body that cultivates a cluster is declared
    roles: frozenset[URIRef] = frozenset()  # the roles its members hold
    unclear: tuple[UnclearRole, ...] = ()  # the members whose role is not one of 4.1's, sorted

    def sets_aside(self, actors: Set[URIRef]) -> bool:
        """Whether a duty binding `actors` is not applicable for want of a member of its role."""
        return self.declared and not self.unclear and not actors & self.roles


def roles_in_the_body(view: Graph, terms: Graph | None = None) -> BodyRoles:
    """The roles members hold in the body that cultivates the assessed cluster (4.2's duties bind
    them, docs/model.md decision 9), by the memberships the duty shapes count
    (shp:MembershipOfTheBody): an org:Membership whose org:organization is a bcic:CultivationBody
    that bcic:cultivates a cluster. A membership of another body, a benchmark's say, gives no role.
    A role that is none of the five member roles of 4.1, or no role, is unclear. `view` is the data
    as the shapes see it, the class hierarchy and the ontology's typing beside it; `terms` labels
    the member roles, for the one a role given as text means."""
    bodies = _instances(view, BCIC.CultivationBody) & set(view.subjects(BCIC.cultivates, None))
    ours = _instances(view, ORG.Membership) & {
        membership for membership, body in view.subject_objects(ORG.organization) if body in bodies}
    held = [(membership, role) for membership, role in view.subject_objects(ORG.role)
            if membership in ours]
    unclear = {_unclear(view, membership, role, terms) for membership, role in held
               if role not in MEMBER_ROLES}
    unclear |= {UnclearRole(view.value(membership, ORG.member) or membership, Unclear.NONE,
                            membership=membership)
                for membership in ours if view.value(membership, ORG.role) is None}
    return BodyRoles(bool(bodies),
                     frozenset(role for _m, role in held if isinstance(role, URIRef)),
                     tuple(sorted(unclear, key=lambda u: (u.member, str(u.role)))))


def _unclear(view: Graph, membership: Node, role: Node, terms: Graph | None) -> UnclearRole:
    """What a role that is no member role of 4.1 is: a text, with the member role it means, a
    term the ontology (or a reused vocabulary it types) defines, with the member role closest in
    spelling, or undefined."""
    member = view.value(membership, ORG.member) or membership
    if isinstance(role, Literal):
        return UnclearRole(member, Unclear.TEXT, role, _role_meant(str(role), terms),
                           membership=membership)
    if isinstance(role, URIRef) and (role, RDF.type, None) in view:
        return UnclearRole(member, Unclear.NOT_A_ROLE, role, _nearest_role(role),
                           membership=membership)
    return UnclearRole(member, Unclear.UNDEFINED, role, membership=membership)


def placed(body: BodyRoles, values: Mapping[tuple[Node, Node], Place],
           records: Mapping[Node, Place]) -> BodyRoles:
    """The body's roles, each unclear one with where its role is written (`values`, by membership
    and role), or, for a membership with no role, where the membership is described
    (`records`)."""
    def place(u: UnclearRole) -> Place | None:
        if u.role is not None:
            return values.get((u.membership, u.role))  # type: ignore[arg-type]
        return records.get(u.membership) if u.membership is not None else None
    return replace(body, unclear=tuple(replace(u, place=place(u)) for u in body.unclear))


def role_pairs(body: BodyRoles) -> tuple[list[tuple[Node, Node]], list[Node]]:
    """What `placed` looks for: each unclear role's (membership, role), and each membership with
    no role."""
    return ([(u.membership, u.role) for u in body.unclear
             if u.membership is not None and u.role is not None],
            [u.membership for u in body.unclear if u.membership is not None and u.role is None])


def _role_meant(text: str, terms: Graph | None) -> URIRef | None:
    """The member role of 4.1 a text names ("bcic:GovernmentRole", "政府" of 政府角色), else the
    one its spelling is nearest ("行业企业"); None where it is near none, or several."""
    labels = {role: tuple(labels_of(terms, role).values()) if terms is not None else ()
              for role in MEMBER_ROLES}
    meant = term_named(text, MEMBER_ROLES, labels) or term_guessed(text, MEMBER_ROLES, labels)
    return meant if isinstance(meant, URIRef) else None


def _nearest_role(term: URIRef) -> URIRef:
    """The member role of 4.1 whose local name is closest to the term's, case aside."""
    names = {str(role).removeprefix(str(BCIC)).lower(): role for role in MEMBER_ROLES}
    local = str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1].lower()
    (found,) = difflib.get_close_matches(local, names, n=1, cutoff=0)
    return names[found]


def _instances(view: Graph, cls: URIRef) -> set[Node]:
    """The instances of `cls` or of a subclass of it, as sh:class counts them."""
    return {node for subclass in view.transitive_subjects(RDFS.subClassOf, cls)
            for node in view.subjects(RDF.type, subclass)}

"""Who the members of the cultivation body are, for 4.2's duties (docs/model.md, decision 9): the
roles its members hold, whether there is a body at all, and the members whose role the ontology
does not define.

A duty of 4.2 is set aside as not applicable only when the body that cultivates the cluster is
declared, no member holds a role the duty binds, and every member's role is one the ontology
defines: with no body, nothing tells whether it has such a member (4.1 asks for the body first);
with a member in a role nobody defined (`bcic:EnterpriseRole`, misspelt), that member may well be
of the role, and saying the body has none would be false.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import ORG
from rdflib.term import Node

from .namespaces import BCIC


@dataclass(frozen=True)
class BodyRoles:
    """The members' roles in the body that cultivates the assessed cluster."""

    declared: bool  # whether a cultivation body that cultivates a cluster is declared
    roles: frozenset[URIRef] = frozenset()  # the roles its members hold
    # Each member (the membership when it names none) whose role the ontology does not define,
    # with that role, sorted.
    undefined: tuple[tuple[Node, URIRef], ...] = ()

    def sets_aside(self, actors: Set[URIRef]) -> bool:
        """Whether a duty binding `actors` is not applicable for want of a member of its role."""
        return self.declared and not self.undefined and not actors & self.roles


def roles_in_the_body(view: Graph) -> BodyRoles:
    """The roles members hold in the body that cultivates the assessed cluster (4.2's duties bind
    them, docs/model.md decision 9), by the memberships the duty shapes count
    (shp:MembershipOfTheBody): an org:Membership whose org:organization is a bcic:CultivationBody
    that bcic:cultivates a cluster. A membership of another body, a benchmark's say, gives no role.
    A role that is no bcic:ActorRole of the ontology is undefined. `view` is the data as the
    shapes see it, the class hierarchy and the ontology's typing beside it."""
    bodies = _instances(view, BCIC.CultivationBody) & set(view.subjects(BCIC.cultivates, None))
    ours = _instances(view, ORG.Membership) & {
        membership for membership, body in view.subject_objects(ORG.organization) if body in bodies}
    held = [(membership, role) for membership, role in view.subject_objects(ORG.role)
            if membership in ours and isinstance(role, URIRef)]
    undefined = {(view.value(membership, ORG.member) or membership, role)
                 for membership, role in held if (role, RDF.type, BCIC.ActorRole) not in view}
    return BodyRoles(bool(bodies), frozenset(role for _m, role in held), tuple(sorted(undefined)))


def _instances(view: Graph, cls: URIRef) -> set[Node]:
    """The instances of `cls` or of a subclass of it, as sh:class counts them."""
    return {node for subclass in view.transitive_subjects(RDFS.subClassOf, cls)
            for node in view.subjects(RDF.type, subclass)}

"""The frame of a synthetic submission: the cluster, its brand, the body and its members."""

import random
from collections.abc import Sequence

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import ORG

from ..namespaces import BCIC as B
from .builder import Text
from .vocabulary import PLACES, ROLE_KINDS, TRADE_WORDS, RoleKind


def assign_roles(members: int, rng: random.Random) -> list[RoleKind]:
    """One role kind per member: the first five get one each, the rest follow the weights."""
    first = list(ROLE_KINDS[:members])
    rest = rng.choices(ROLE_KINDS, weights=[k.weight for k in ROLE_KINDS], k=max(0, members - 5))
    return first + rest


def add_frame(graph: Graph, ns: Namespace, cluster: Text, industry: Text,
              kinds: Sequence[RoleKind], rng: random.Random) -> dict[URIRef, list[URIRef]]:
    """Add the cluster, its brand, the body, and a member with its membership per entry of kinds.

    Returns the members by role, in member order.
    """
    add, body, cluster_iri = graph.add, ns["body"], ns["cluster"]
    add((cluster_iri, RDF.type, B.IndustrialCluster))
    _text(graph, cluster_iri, RDFS.label, cluster)
    _text(graph, cluster_iri, B.industry, industry)
    _text(graph, cluster_iri, B.region, Text("某省某市（合成）", "a province and city (synthetic)"))
    brand = ns["cluster-brand"]
    add((brand, RDF.type, B.ClusterBrand))
    add((brand, B.brandOf, cluster_iri))
    _text(graph, brand, B.brandName, cluster)
    add((body, RDF.type, B.CultivationBody))
    add((body, B.cultivates, cluster_iri))
    _text(graph, body, RDFS.label,
          Text(f"{cluster.zh}品牌培育主体", f"cultivation body, {cluster.en}"))
    width = max(4, len(str(len(kinds))))
    by_role: dict[URIRef, list[URIRef]] = {}
    for number, kind in enumerate(kinds, start=1):
        member, membership = ns[f"member-{number:0{width}d}"], ns[f"membership-{number:0{width}d}"]
        place, stem = rng.choice(PLACES), rng.choice(kind.stems)
        word = rng.choice(TRADE_WORDS) if kind.trade_name else ("", "")
        en = " ".join(part for part in (place[1], word[1], stem[1]) if part)
        add((member, RDF.type, kind.cls))
        add((member, RDFS.label, Literal(f"{place[0]}{word[0]}{stem[0]}（{number}）", lang="zh")))
        add((member, RDFS.label, Literal(f"{en} ({number})", lang="en")))
        add((membership, RDF.type, ORG.Membership))
        add((membership, ORG.organization, body))
        add((membership, ORG.member, member))
        add((membership, ORG.role, kind.role))
        by_role.setdefault(kind.role, []).append(member)
    return by_role


def _text(graph: Graph, subject: URIRef, predicate: URIRef, text: Text) -> None:
    graph.add((subject, predicate, Literal(text.zh, lang="zh")))
    graph.add((subject, predicate, Literal(text.en, lang="en")))

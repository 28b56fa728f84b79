"""The evaluator's judgements of one stored revision, as `bcic judgements` and
`GET /api/clusters/{key}/revisions/{rev}/judgements` list them (clause 1; docs/model.md,
decision 20): oldest first, superseded ones too, each marked whether it counts."""

from __future__ import annotations

from rdflib import URIRef

from .i18n import Lang
from .judgements import Judgement, all_judgements, event_document
from .revisions import revision_info
from .store.base import Store, cluster_key
from .store.judgements import judgements_graph_iri


def revision_judgements(store: Store, cluster: URIRef, number: int) -> list[Judgement]:
    """Every judgement of revision `number` of `cluster`, oldest first; NotFoundError naming the
    stored revisions nearest in number (or when it was deleted) when it is not stored."""
    info = revision_info(store, cluster, number)
    return all_judgements(store.named_graph(judgements_graph_iri(info.cluster, number)))


def judgements_document(cluster: URIRef, number: int, judgements: list[Judgement],
                        lang: Lang) -> dict[str, object]:
    """The judgements in JSON: the cluster's key, the revision's number, and each judgement as
    an event of its revision (`event_document`)."""
    return {"key": cluster_key(cluster), "number": number,
            "judgements": [event_document(j, lang) for j in judgements]}

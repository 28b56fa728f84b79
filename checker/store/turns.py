"""Writers of a remote store take turns (docs/store.md, "Writers at once"): one at a time writes
a cluster's revisions, and one at a time the rule graphs. The SPARQL texts of a turn, taken and
given back in the writers graph.

A SPARQL server applies each update whole, but need not isolate it from another running at the
same time: two ingests could both find a number free and write into the same graphs, and two
loads of the rule graphs, each naming the blank nodes of the shapes' lists afresh, would leave
both copies. A writer therefore claims the turn first, with an update that adds its claim only
while no other unexpired claim is there, and then reads the claims back: the turn is its own when
its claim is the only one. Each claim is committed before it is read back, so two writers never
both read back their own claim alone; when both see both, both withdraw theirs and try again. The
writer gives the turn back in the same update that writes (one request, applied whole), or on
failure. A claim older than TURN_EXPIRES, of a writer that stopped without giving it back, counts
for nothing and is removed by the next claim.

On Virtuoso 7.2, a `FILTER NOT EXISTS` that shares no variable with its group is ignored, so the
condition names what is written through VALUES; and claims at once may end in its deadlock error
(SR172), after which the update was rolled back and is sent again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from rdflib import Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from ..namespaces import BCIC
from ..timestamps import datetime_literal
from .base import WRITERS_GRAPH
from .guard import checked_iri

TURN_EXPIRES = timedelta(minutes=5)


@dataclass
class Turn:
    """A writer's turn to write one thing: the writer's IRI (the token a revision's provenance
    names), when it last sent a claim that may be stored (None: none yet), whether an update of
    its own has given the turn back, and whether the write itself has been sent (before that,
    nothing of it can be stored)."""

    writer: URIRef
    claimed_at: datetime | None = None
    given_back: bool = False
    write_sent: bool = False

    @property
    def held(self) -> bool:
        """Whether a claim of this writer may be in the store: it must be given back."""
        return self.claimed_at is not None and not self.given_back


def claim_update(written: URIRef, writer: URIRef, now: datetime) -> str:
    """Remove the expired claims of the turn to write `written` (a cluster, or the ontology
    graph for the rule graphs), then claim it for `writer` unless another claim holds it."""
    cutoff, since = _time(now - TURN_EXPIRES), _time(now)
    claimed = f"<{BCIC.writes}> ?written ; <{PROV.startedAtTime}> ?since"
    values = f"VALUES ?written {{ <{checked_iri(str(written))}> }}"
    return f"""DELETE {{ GRAPH <{WRITERS_GRAPH}> {{ ?old ?p ?o }} }}
WHERE {{ {values}
  GRAPH <{WRITERS_GRAPH}> {{ ?old {claimed} . ?old ?p ?o FILTER(?since <= {cutoff}) }} }} ;
INSERT {{ GRAPH <{WRITERS_GRAPH}> {{
  <{writer}> a <{PROV.Activity}> ; <{BCIC.writes}> ?written ; <{PROV.startedAtTime}> {since} }} }}
WHERE {{ {values}
  FILTER NOT EXISTS {{ GRAPH <{WRITERS_GRAPH}> {{ ?other {claimed} FILTER(?since > {cutoff}) }} }}
}}"""


def claims_query(written: URIRef, now: datetime) -> str:
    """SELECT ?writer ?since: every unexpired claim of the turn to write `written`."""
    return (f"SELECT ?writer ?since WHERE {{ GRAPH <{WRITERS_GRAPH}> {{ ?writer <{BCIC.writes}> "
            f"<{checked_iri(str(written))}> ; <{PROV.startedAtTime}> ?since "
            f"FILTER(?since > {_time(now - TURN_EXPIRES)}) }} }}")


def read_claims(rows: Sequence[Mapping[str, Node]]) -> dict[URIRef, datetime | None]:
    """The writers claims_query found, each with the time of its latest claim (None when the
    server's value is not a time with a zone)."""
    claims: dict[URIRef, datetime | None] = {}
    for row in rows:
        if "writer" in row:
            writer = URIRef(str(row["writer"]))
            value = row["since"].toPython() if isinstance(row.get("since"), Literal) else None
            since = value if isinstance(value, datetime) and value.tzinfo else None
            earlier = claims.get(writer)
            claims[writer] = max(since, earlier) if since and earlier else since or earlier
    return claims


def expiry(since: datetime) -> datetime:
    """When a claim made at `since` expires, in UTC, rounded up to the minute (an operator is
    told to wait until then, in the display zone: checker/display_time.py)."""
    ends = (since + TURN_EXPIRES).astimezone(timezone.utc)
    if ends.second or ends.microsecond:
        ends = ends.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return ends


def give_back(writer: URIRef) -> str:
    """An update operation removing the writer's claim (nothing when it has none)."""
    return f"DELETE WHERE {{ GRAPH <{WRITERS_GRAPH}> {{ <{writer}> ?p ?o }} }}"


def _time(moment: datetime) -> str:
    return datetime_literal(moment).n3()

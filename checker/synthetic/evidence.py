"""All evidence items of a synthetic submission, one per provision or group of provisions.

Each item is named after the provision of docs/evidence.md it evidences; leaving an item out
(gaps > 0) removes exactly its nodes. The items of the three layers of Figure 0.1 live in
driver.py, process.py and performance.py; the duties of 4.2 depend on the members and are
built here.
"""

from collections.abc import Mapping, Sequence

from rdflib import Namespace, URIRef
from rdflib.namespace import PROV

from ..namespaces import BCIC as B
from ..namespaces import REQ
from .builder import Node, P, Ref, act, doc
from .catalogue import duties
from .driver import DRIVER_ITEMS
from .performance import result_items
from .process import PROCESS_ITEMS

CCCEV = Namespace("http://data.europa.eu/m8g/")
PERIODIC_DUTIES = {"4.2.1-i"}  # 「进行周期性评价」: the fulfilment states its period


def evidence_items(members: Mapping[URIRef, Sequence[URIRef]]) -> dict[str, tuple[Node, ...]]:
    """Every evidence item of a conformant submission with these members, by item name."""
    return {**duty_items(members), **DRIVER_ITEMS, **PROCESS_ITEMS, **result_items()}


def duty_items(members: Mapping[URIRef, Sequence[URIRef]]) -> dict[str, tuple[Node, ...]]:
    """One item per applicable duty: a fulfilment by a member of a bound role, with its evidence.

    A duty whose roles have no member is not applicable and gets no item (docs/evidence.md, 4.2).
    """
    items: dict[str, tuple[Node, ...]] = {}
    for duty in duties():
        candidates = sorted(m for role in duty.roles for m in members.get(role, ()))
        if not candidates:
            continue
        member = candidates[len(items) % len(candidates)]  # spread the duties over the members
        local = f"duty-{duty.identifier}"
        items[duty.identifier] = (
            act(f"fulfil-{local}", B.DutyFulfilment, *P(B.fulfilsDuty, duty.iri),
                *P(PROV.wasAssociatedWith, member), *P(PROV.generated, Ref(f"evidence-{local}")),
                *(P(B.period, "P1Y") if duty.identifier in PERIODIC_DUTIES else ())),
            doc(f"evidence-{local}", B.EvidenceDocument, *P(PROV.wasAttributedTo, member),
                *P(CCCEV.supportsRequirement, REQ[duty.identifier])),
        )
    return items

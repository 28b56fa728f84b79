"""A rulebook changed as a standards body might change it between two versions, for tests of
what a store made under the running rulebook shows once another one runs (defects of
/tmp/qa3/rulelife.md): 9.4.2 renumbered 9.4.3, under version 0.2.0."""

from __future__ import annotations

from dataclasses import replace

from rdflib import Graph

from checker.namespaces import REQ
from checker.rulebook import Rulebook, clause_sort_key, load_rulebook

RENAMED, RENAMED_TO = "9.4.2", "9.4.3"
CHANGED_VERSION = "0.2.0"


def renumbered_rulebook() -> Rulebook:
    """The running rulebook with 9.4.2 renumbered 9.4.3 (its shapes with it), as version 0.2.0."""
    running = load_rulebook()
    assert running.version != CHANGED_VERSION
    moved = replace(running.requirements[RENAMED], id=RENAMED_TO, iri=REQ[RENAMED_TO],
                    clause=RENAMED_TO)
    requirements = {rid: r for rid, r in running.requirements.items() if rid != RENAMED}
    requirements[RENAMED_TO] = moved
    return replace(
        running, version=CHANGED_VERSION,
        requirements=dict(sorted(requirements.items(), key=lambda item: clause_sort_key(item[0]))),
        shape_requirements={shape: RENAMED_TO if rid == RENAMED else rid
                            for shape, rid in running.shape_requirements.items()})


def renumbered_rule_graphs(ontology: Graph) -> Graph:
    """A store's ontology graph with 9.4.2 renumbered 9.4.3, as `bcic rules reload` of the
    changed rule files would store it."""
    old, new = REQ[RENAMED], REQ[RENAMED_TO]
    changed = Graph()
    for s, p, o in ontology:
        changed.add((new if s == old else s, p, new if o == old else o))
    return changed

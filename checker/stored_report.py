"""A stored revision's report as `bcic report` and the web app's downloads give it: read back
(checker/report_reader.py) with the evaluator's judgements applied (docs/model.md, decision 20)."""

from __future__ import annotations

from .report import Report
from .report_reader import read_report
from .revisions import find_cluster, revision_info
from .rulebook import Rulebook
from .store.base import Store


def stored_report(store: Store, cluster: str, number: int | None = None,
                  rulebook: Rulebook | None = None) -> Report:
    """The report of revision `number` (default: the latest) of the stored `cluster` (its IRI or
    16-hex key); NotFoundError naming the nearest stored clusters, or revisions, when absent."""
    subject = find_cluster(store, cluster)
    if number is None:
        number = store.revisions(subject)[-1].number
    revision_info(store, subject, number)  # refused naming the nearest, before any graph is read
    return read_report(store, subject, number, rulebook)

"""Validate a stored revision again under the running rulebook: what its verdict would be now.

A stored report keeps the verdict of the rulebook that made it (its version is in the revision's
provenance). When the rules change, an evaluator may want to know what the same submission gets
under the running rules before the cluster submits again. The stored submission graph is
validated as it is stored, named by the revision's files and their hashes; nothing is written:
the stored report stays the revision's verdict. The revision's judgements apply to the provisions
the validation still leaves to the evaluator, as they do to the stored report, so the two
verdicts compare; those whose provision the data now decides no longer apply (docs/model.md,
decision 20).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rdflib import Graph, URIRef

from .errors import NotFoundError
from .judged import judged_again
from .judgements import current_judgements
from .rechecked_note import rules_changed
from .report import RecheckedRevision, Report
from .revisions import revision_info
from .rule_problems import refuse_rule_problems
from .rulebook import Rulebook, load_rulebook
from .store.base import RevisionInfo, Store, cluster_key
from .store.judgements import judgements_graph_iri
from .validation import validate_graph


@dataclass(frozen=True)
class Recheck:
    """A stored revision and the report of its submission validated again."""

    revision: RevisionInfo
    report: Report

    @property
    def rules_changed(self) -> bool:
        """Whether the running rulebook differs from the one the revision was judged under, by
        version or by digest."""
        return rules_changed(self.report)


def stored_submission(store: Store, cluster: URIRef,
                      number: int | None = None) -> tuple[RevisionInfo, Graph]:
    """Revision `number` (None: the latest) of a stored cluster and a copy of its submission
    graph; NotFoundError when it is not stored."""
    if number is None:
        stored = store.revisions(cluster)
        if not stored:
            raise NotFoundError.of("error.revision.none_stored", cluster=cluster, nearest="")
        number = stored[-1].number  # ordered by number
    info = revision_info(store, cluster, number)
    return info, store.named_graph(info.submission_graph)


def validate_again(info: RevisionInfo, data: Graph, rulebook: Rulebook | None = None) -> Report:
    """The submission graph of a stored revision validated under `rulebook` (None: the running
    one), named by the revision's files and their hashes, saying which revision it validates
    again (every format does: checker/rechecked_note.py); InputError when the rule files have
    mistakes (rule_problems)."""
    rulebook = rulebook or load_rulebook()
    refuse_rule_problems(rulebook)
    report = validate_graph(data, files=tuple(f.name for f in info.files),
                            sha256=tuple(f.sha256 for f in info.files), rulebook=rulebook)
    return replace(report, rechecked=RecheckedRevision(
        str(info.cluster), info.number, cluster_key(info.cluster), info.rulebook_version,
        info.conforms, info.rate, info.rulebook_digest))


def with_stored_judgements(store: Store, report: Report,
                           rulebook: Rulebook | None = None) -> Report:
    """A report validating a stored revision again (validate_again) with the revision's current
    judgements applied to what it leaves to the evaluator, saying how many it applies."""
    rechecked = report.rechecked
    if rechecked is None:
        return report
    judgements = current_judgements(store.named_graph(
        judgements_graph_iri(URIRef(rechecked.cluster), rechecked.number)))
    judged = judged_again(report, judgements, rulebook or load_rulebook())
    return replace(judged.report, rechecked=replace(
        rechecked, judgements=len(judgements), judgements_applied=judged.applied))


def recheck_revision(store: Store, cluster: URIRef, number: int | None = None, *,
                     rulebook: Rulebook | None = None) -> Recheck:
    """Validate revision `number` (None: the latest) of a stored cluster again, under `rulebook`
    (None: the running one), its judgements applied, storing nothing; NotFoundError when the
    revision is not stored."""
    info, data = stored_submission(store, cluster, number)
    return Recheck(info, with_stored_judgements(store, validate_again(info, data, rulebook),
                                                rulebook))

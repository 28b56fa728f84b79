"""The `ontology check` job: count what the ontology defines and reason over its OWL module."""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .ontology import OntologySummary, load_ontology_graph, ontology_summary
from .paths import ALL_ONTOLOGY_FILES, REASONED_FILES
from .reasoning import ReasonerVerdict, reason


@dataclass(frozen=True)
class OntologyCheck:
    """The counts of the whole ontology and the reasoner's verdict on its OWL module."""

    files: tuple[Path, ...]
    reasoned_files: tuple[Path, ...]
    summary: OntologySummary
    verdict: ReasonerVerdict

    @property
    def ok(self) -> bool:
        """True when the reasoned module is consistent and has no unsatisfiable class."""
        return self.verdict.ok


def check_ontology(
    files: Sequence[Path] = ALL_ONTOLOGY_FILES,
    reasoned_files: Sequence[Path] = REASONED_FILES,
) -> OntologyCheck:
    """Summarise `files` and run the reasoner over `reasoned_files`."""
    summary = ontology_summary(load_ontology_graph(files))
    return OntologyCheck(
        files=tuple(files),
        reasoned_files=tuple(reasoned_files),
        summary=summary,
        verdict=reason(reasoned_files),
    )

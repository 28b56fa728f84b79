"""The `ontology check` job: count what the ontology defines and reason over it (HermiT or Pellet)."""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .ontology import OntologySummary, load_ontology_graph, ontology_module, ontology_summary
from .paths import ALL_ONTOLOGY_FILES
from .reasoning import DEFAULT_REASONER, Reasoner, ReasonerVerdict, reason_over


@dataclass(frozen=True)
class OntologyCheck:
    """The counts of the whole ontology and the reasoner's verdicts: on the document the ontology
    IRI serves (the module), and on it with the requirement catalogue and the indicator scheme."""

    files: tuple[Path, ...]
    summary: OntologySummary
    module_verdict: ReasonerVerdict
    verdict: ReasonerVerdict

    @property
    def ok(self) -> bool:
        """True when both are consistent and have no unsatisfiable class."""
        return self.module_verdict.ok and self.verdict.ok


def check_ontology(
    files: Sequence[Path] = ALL_ONTOLOGY_FILES, reasoner: Reasoner = DEFAULT_REASONER
) -> OntologyCheck:
    """Summarise `files`, and run the reasoner over the module they serve and over them all."""
    graph = load_ontology_graph(files)
    return OntologyCheck(
        files=tuple(files),
        summary=ontology_summary(graph),
        module_verdict=reason_over(ontology_module(graph), reasoner=reasoner),
        verdict=reason_over(graph, reasoner=reasoner),
    )

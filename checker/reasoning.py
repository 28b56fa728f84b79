"""Run the HermiT OWL reasoner (through owlready2) over the ontology, or any graph given.

This is the only module that imports owlready2: an upgrade of it touches this file alone.

The reasoner runs in a child Python process (this module run as a script) whose temporary
directory is ours: owlready2 writes the ontology to a temporary file for Java and leaves it
behind when HermiT reports an inconsistency, prints progress to the standard streams, and keeps
state in module globals. A child process keeps all of that, and any crash, away from the caller.
"""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import owlready2
from rdflib import OWL, Graph

from .errors import ReasonerError
from .i18n import phrase
from .namespaces import ONTOLOGY_IRI
from .ontology import load_ontology_graph
from .paths import ALL_ONTOLOGY_FILES, PROJECT_ROOT

_OWL_NOTHING = str(OWL.Nothing)
# How the child says it failed: {"error": one of these, "detail": …}, error.reasoner.<one>.
_CHILD_FAILURES = ("hermit", "run")
DEFAULT_TIMEOUT_SECONDS = 600.0


@dataclass(frozen=True)
class ReasonerVerdict:
    """What the reasoner found: consistency and the classes that can have no instance."""

    consistent: bool
    unsatisfiable_classes: tuple[str, ...]
    reasoner: str
    seconds: float

    @property
    def ok(self) -> bool:
        """True when the ontology is consistent and every class is satisfiable."""
        return self.consistent and not self.unsatisfiable_classes


def reason(
    files: Sequence[Path] = ALL_ONTOLOGY_FILES, timeout: float = DEFAULT_TIMEOUT_SECONDS
) -> ReasonerVerdict:
    """Check the Turtle files for consistency and unsatisfiable classes with HermiT."""
    return reason_over(load_ontology_graph(files), timeout)


def reason_over(graph: Graph, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> ReasonerVerdict:
    """Check a graph for consistency and unsatisfiable classes with HermiT (the graph is left as
    it is)."""
    # Imports are never followed: the graph given is the whole module to reason over.
    graph = Graph() + graph
    graph.remove((None, OWL.imports, None))
    _require_java()
    with tempfile.TemporaryDirectory(prefix="bcic-reasoner-") as tmp:
        # owlready2 cannot read Turtle; N-Triples is the format it parses natively.
        ntriples = Path(tmp) / "reasoned.nt"
        graph.serialize(destination=ntriples, format="nt", encoding="utf-8")
        return _verdict_from(_run_child(ntriples, Path(tmp), timeout))


def _require_java() -> None:
    if shutil.which(owlready2.JAVA_EXE) is None:
        raise ReasonerError.of("error.reasoner.no_java")


def _run_child(ntriples: Path, tmp: Path, timeout: float) -> dict[str, object]:
    """Run this module as a script on `ntriples` and read the JSON line it prints."""
    command = [sys.executable, "-m", "checker.reasoning", str(ntriples)]
    env = {**os.environ, "TMPDIR": str(tmp)}  # owlready2's temporary files land in our directory
    try:
        # A session of its own, so that a timeout stops HermiT's JVM along with the child.
        child = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
            start_new_session=True,
        )
    except OSError as exc:
        raise ReasonerError.of("error.reasoner.cannot_start", reason=exc) from exc
    try:
        stdout, stderr = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        raise ReasonerError.of("error.reasoner.timeout", seconds=timeout) from exc
    try:
        result = json.loads(stdout.strip().splitlines()[-1])
    except (IndexError, ValueError) as exc:
        detail = _java_message(stderr) or phrase("error.reasoner.no_output")
        raise ReasonerError.of("error.reasoner.ended", code=child.returncode,
                               detail=detail) from exc
    if isinstance(result, dict) and result.get("error") in _CHILD_FAILURES:
        raise ReasonerError.of(f"error.reasoner.{result['error']}", detail=result.get("detail"))
    if not isinstance(result, dict) or "error" in result:
        raise ReasonerError.of("error.reasoner.unexpected", answer=result)
    return result


def _verdict_from(result: dict[str, object]) -> ReasonerVerdict:
    consistent, unsatisfiable, seconds = (
        result.get("consistent"), result.get("unsatisfiable"), result.get("seconds"))
    if not (isinstance(consistent, bool) and isinstance(unsatisfiable, list)
            and isinstance(seconds, int | float)):
        raise ReasonerError.of("error.reasoner.unexpected", answer=result)
    return ReasonerVerdict(
        consistent=consistent,
        unsatisfiable_classes=tuple(str(iri) for iri in unsatisfiable),
        reasoner=f"HermiT (owlready2 {version('owlready2')})",
        seconds=float(seconds),
    )


def _classify(ntriples: Path) -> dict[str, object]:
    """Load one N-Triples file into a fresh owlready2 world and classify it with HermiT."""
    world = owlready2.World()  # never the default world
    try:
        started = time.perf_counter()
        with ntriples.open("rb") as f:
            world.get_ontology(ONTOLOGY_IRI).load(fileobj=f, format="ntriples")
        try:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            consistent, unsatisfiable = False, []
        else:
            consistent = True
            unsatisfiable = sorted(
                c.iri for c in world.inconsistent_classes() if c.iri != _OWL_NOTHING
            )
        seconds = round(time.perf_counter() - started, 3)
        return {"consistent": consistent, "unsatisfiable": unsatisfiable, "seconds": seconds}
    finally:
        world.close()


def _child_main(argv: Sequence[str]) -> int:
    """Entry point of the child process: print one JSON line, the verdict or an error."""
    # Only the JSON line goes to stdout; whatever owlready2 or Java prints goes to stderr.
    with contextlib.redirect_stdout(sys.stderr):
        try:
            result = _classify(Path(argv[0]))
        except owlready2.OwlReadyJavaError as exc:
            result = {"error": "hermit", "detail": _java_message(str(exc))}
        except Exception as exc:  # owlready2 has no common error base; report, don't crash
            result = {"error": "run", "detail": repr(exc)}
    print(json.dumps(result))
    return 0


def _java_message(text: str, count: int = 6) -> str:
    """Keep the messages of a Java stack trace ("Caused by: …"), not its frames."""
    lines = [line.strip() for line in text.splitlines()]
    messages = [line for line in lines if line and not line.startswith(("at ", "..."))]
    return " | ".join(messages[:count])


if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1:]))

"""Run an OWL reasoner shipped with owlready2, HermiT or Pellet, over the ontology or any graph.

This is the only module that imports owlready2: an upgrade of it touches this file alone.

HermiT runs in a child Python process (this module run as a script) whose temporary directory is
ours: owlready2 writes the ontology to a temporary file for Java and leaves it behind when HermiT
reports an inconsistency, prints progress to the standard streams, and keeps state in module
globals. A child process keeps all of that, and any crash, away from the caller.

Pellet runs as a child Java process on owlready2's Pellet jars, with the OWL API loader, not
through `owlready2.sync_reasoner_pellet`: that one loads with Jena, and owlready2 (0.50 on) ships
Jena's RDF/XML reader compiled for Java 25, which Jena loads at start-up for any input format, so
under the Java 17 of Debian 12 (`make install`) it stops before reading the ontology
(UnsupportedClassVersionError). Pellet's `classify` answers both questions in one run: it fails
with "Ontology is inconsistent", or prints the class tree, the unsatisfiable classes on the line
of owl:Nothing (owlready2's build of Pellet prints full IRIs).
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
from typing import Literal, get_args

import owlready2
import owlready2.reasoning
from rdflib import OWL, Graph

from .errors import ReasonerError
from .i18n import phrase
from .namespaces import ONTOLOGY_IRI
from .ontology import load_ontology_graph
from .paths import ALL_ONTOLOGY_FILES, PROJECT_ROOT

Reasoner = Literal["hermit", "pellet"]
REASONERS: tuple[Reasoner, ...] = get_args(Reasoner)
DEFAULT_REASONER: Reasoner = "hermit"
_OWL_NOTHING = str(OWL.Nothing)
_OWL_THING = str(OWL.Thing)
# How the child says it failed: {"error": one of these, "detail": …}, error.reasoner.<one>.
_CHILD_FAILURES = ("hermit", "run")
DEFAULT_TIMEOUT_SECONDS = 600.0
_PELLET_JARS = Path(owlready2.__file__).parent / "pellet"
_PELLET_INCONSISTENT = "Ontology is inconsistent"  # Pellet's message, exit code 1
# owlready2's words before Java's own in an OwlReadyJavaError: English whatever the language asked.
_OWLREADY_JAVA_PREAMBLE = "Java error message is:"


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
    files: Sequence[Path] = ALL_ONTOLOGY_FILES, timeout: float = DEFAULT_TIMEOUT_SECONDS,
    reasoner: Reasoner = DEFAULT_REASONER,
) -> ReasonerVerdict:
    """Check the Turtle files for consistency and unsatisfiable classes with the reasoner."""
    return reason_over(load_ontology_graph(files), timeout, reasoner)


def reason_over(
    graph: Graph, timeout: float = DEFAULT_TIMEOUT_SECONDS, reasoner: Reasoner = DEFAULT_REASONER
) -> ReasonerVerdict:
    """Check a graph for consistency and unsatisfiable classes with the reasoner (the graph is
    left as it is)."""
    # Imports are never followed: the graph given is the whole module to reason over.
    graph = Graph() + graph
    graph.remove((None, OWL.imports, None))
    _require_java()
    with tempfile.TemporaryDirectory(prefix="bcic-reasoner-") as tmp:
        # owlready2 cannot read Turtle; N-Triples is the format it parses natively, and the OWL
        # API's Turtle parser reads it as the Turtle it is.
        ntriples = Path(tmp) / "reasoned.nt"
        graph.serialize(destination=ntriples, format="nt", encoding="utf-8")
        if reasoner == "pellet":
            return _pellet(ntriples, Path(tmp), timeout)
        return _verdict_from(_run_child(ntriples, Path(tmp), timeout))


def _require_java() -> None:
    if shutil.which(owlready2.JAVA_EXE) is None:
        raise ReasonerError.of("error.reasoner.no_java")


def _run(command: Sequence[str], tmp: Path, timeout: float) -> tuple[int, str, str]:
    """Run a reasoner's process in `tmp` and return its exit code, stdout and stderr."""
    env = {**os.environ, "TMPDIR": str(tmp)}  # owlready2's temporary files land in our directory
    try:
        # A session of its own, so that a timeout stops the JVM (HermiT's is the child's child).
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
    return child.returncode, stdout, stderr


def _pellet(ntriples: Path, tmp: Path, timeout: float) -> ReasonerVerdict:
    """Classify `ntriples` with Pellet: inconsistent, or the classes equivalent to owl:Nothing."""
    classpath = os.pathsep.join(str(jar) for jar in sorted(_PELLET_JARS.glob("*.jar")))
    command = [owlready2.JAVA_EXE, f"-Xmx{owlready2.reasoning.JAVA_MEMORY}M", "-cp", classpath,
               "pellet.Pellet", "classify", "--loader", "OWLAPIv3", "--ignore-imports",
               str(ntriples)]
    started = time.perf_counter()
    code, stdout, stderr = _run(command, tmp, timeout)
    seconds = round(time.perf_counter() - started, 3)
    if code != 0 and _PELLET_INCONSISTENT in stderr:
        return _pellet_verdict(False, (), seconds)
    if code != 0:
        detail = _java_message(stderr) or phrase("error.reasoner.no_output")
        raise ReasonerError.of("error.reasoner.pellet", detail=detail)
    if _OWL_THING not in stdout:  # the class tree starts at owl:Thing
        raise ReasonerError.of("error.reasoner.unexpected", answer=stdout[-500:])
    # The tree's line of owl:Nothing: " C = D = http://www.w3.org/2002/07/owl#Nothing".
    equivalents = (line.strip().split(" = ") for line in stdout.splitlines())
    unsatisfiable = next((names for names in equivalents if _OWL_NOTHING in names), [])
    return _pellet_verdict(
        True, tuple(sorted(iri for iri in unsatisfiable if iri != _OWL_NOTHING)), seconds)


def _pellet_verdict(
    consistent: bool, unsatisfiable: tuple[str, ...], seconds: float
) -> ReasonerVerdict:
    return ReasonerVerdict(consistent=consistent, unsatisfiable_classes=unsatisfiable,
                           reasoner=f"Pellet (owlready2 {version('owlready2')})", seconds=seconds)


def _run_child(ntriples: Path, tmp: Path, timeout: float) -> dict[str, object]:
    """Run this module as a script on `ntriples` (HermiT) and read the JSON line it prints."""
    code, stdout, stderr = _run(
        [sys.executable, "-m", "checker.reasoning", str(ntriples)], tmp, timeout)
    try:
        result = json.loads(stdout.strip().splitlines()[-1])
    except (IndexError, ValueError) as exc:
        detail = _java_message(stderr) or phrase("error.reasoner.no_output")
        raise ReasonerError.of("error.reasoner.ended", code=code, detail=detail) from exc
    if isinstance(result, dict) and result.get("error") in _CHILD_FAILURES:
        raise ReasonerError.of(f"error.reasoner.{result['error']}",
                               detail=result.get("detail") or phrase("error.reasoner.no_output"))
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
            java_said = str(exc).removeprefix(_OWLREADY_JAVA_PREAMBLE)
            result = {"error": "hermit", "detail": _java_message(java_said)}
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

"""A real ingest process killed with SIGKILL leaves the whole revision in the store or none of it.

The child ingests a large generated submission (20,000 members, 5 years) into a directory store
and prints WRITING just before `add_revision` and WRITTEN just after. The parent kills it with
SIGKILL after fixed delays, or right after (or a third or two thirds into) the write — its length
measured once on this machine, as it changes with the machine and the code — reopens the store and
counts what is there: the submission graph's triples equal the file's, the report graph and the
provenance and summary blocks are present — or there is no trace of the revision at all.

Seen here: killed early in the write, nothing was stored; killed late in it (before WRITTEN was
printed) all of it was — the transaction's log record was down, and reopening the store replayed
it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import RDF, URIRef

from checker.namespaces import BCIC
from checker.paths import PROJECT_ROOT
from checker.store import (PROVENANCE_GRAPH, SUMMARY_GRAPH, open_store, report_graph_iri,
                           submission_graph_iri)
from checker.synthetic import generate_cluster, write_cluster

CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path

    from checker.ingest import ingest_files
    from checker.store import open_store


    class Marked:
        '''The store, announcing its one write on stdout just before and just after it.'''

        def __init__(self, store):
            self.store = store

        def __getattr__(self, name):
            return getattr(self.store, name)

        def add_next_revision(self, cluster, make):
            def announced(number, previous):  # the store writes the record once it is made
                record = make(number, previous)
                print("WRITING", flush=True)
                return record

            record = self.store.add_next_revision(cluster, announced)
            print("WRITTEN", flush=True)
            return record


    store = open_store("oxigraph", path=Path(sys.argv[1]))
    ingest_files(Marked(store), [Path(sys.argv[2])])
    store.close()
    print("DONE", flush=True)
    sys.stdin.read()  # alive until killed (or its stdin closed): a kill never finds it gone
""")


@dataclass(frozen=True)
class Submission:
    """The generated file, its cluster and how many triples it holds."""

    path: Path
    cluster: URIRef
    triples: int


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Submission:
    graph = generate_cluster(members=20000, years=5)
    path = tmp_path_factory.mktemp("crash") / "large.ttl"
    write_cluster(graph, path)
    cluster = next(graph.subjects(RDF.type, BCIC.IndustrialCluster))
    assert isinstance(cluster, URIRef)
    return Submission(path, cluster, len(graph))


def _start(store_dir: Path, submission: Submission) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(store_dir), str(submission.path)],
        cwd=PROJECT_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)


def _kill(child: subprocess.Popen[str]) -> str:
    """SIGKILL the child, at work or waiting after it; return everything it printed."""
    # The child waits on its stdin once done, so that a kill timed from a write measured under
    # another load (the machine's 2 cores are shared) still lands on a live process.
    assert child.poll() is None, "the child ended before the kill: " + (
        child.stderr.read() if child.stderr else "")
    child.kill()
    out, _err = child.communicate(timeout=60)
    return out


def _what_is_stored(store_dir: Path, submission: Submission) -> str:
    """'all' when the whole revision is stored, 'none' when no trace of it is; fails otherwise."""
    if not store_dir.exists():
        return "none"
    store = open_store("oxigraph", path=store_dir)
    try:
        def count(graph: URIRef) -> int:
            rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> "
                                f"{{ ?s ?p ?o }} }}")
            return int(str(rows[0]["n"]))

        revision = submission_graph_iri(submission.cluster, 1)
        found = (count(revision), count(report_graph_iri(submission.cluster, 1)),
                 store.ask(f"ASK {{ GRAPH <{PROVENANCE_GRAPH}> {{ <{revision}> ?p ?o }} }}"),
                 store.ask(f"ASK {{ GRAPH <{SUMMARY_GRAPH}> {{ <{revision}> ?p ?o }} }}"),
                 len(store.revisions()))
    finally:
        store.close()
    if found == (0, 0, False, False, 0):
        return "none"
    assert found[0] == submission.triples and found[1] > 0 and found[2:] == (True, True, 1), (
        f"a partial revision is stored: {found}")
    return "all"


@pytest.mark.parametrize("delay", [0.2, 1.1, 3.0], ids=lambda d: f"kill-after-{d}s")
def test_kill_at_any_moment_leaves_all_or_nothing(
        tmp_path: Path, large: Submission, delay: float) -> None:
    child = _start(tmp_path / "store", large)
    time.sleep(delay)
    _kill(child)
    assert _what_is_stored(tmp_path / "store", large) in ("all", "none")


@pytest.fixture(scope="module")
def write_seconds(tmp_path_factory: pytest.TempPathFactory, large: Submission) -> float:
    """How long the write of the large submission takes here, from WRITING to WRITTEN."""
    child = _start(tmp_path_factory.mktemp("timed") / "store", large)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "WRITING"
    started = time.monotonic()
    assert child.stdout.readline().strip() == "WRITTEN"
    seconds = time.monotonic() - started
    child.communicate(timeout=120)
    return seconds


@pytest.mark.parametrize("share", [0.0, 1 / 3, 2 / 3],
                         ids=lambda share: f"kill-{share:.0%}-into-write")
def test_kill_during_the_write_leaves_all_or_nothing(
        tmp_path: Path, large: Submission, write_seconds: float, share: float) -> None:
    child = _start(tmp_path / "store", large)
    assert child.stdout is not None
    line = child.stdout.readline()  # blocks until the child is about to write
    assert line.strip() == "WRITING", line + (child.stderr.read() if child.stderr else "")
    time.sleep(share * write_seconds)
    printed = _kill(child)
    if share == 0.0:
        assert "WRITTEN" not in printed, "the kill did not land during the write"
    assert _what_is_stored(tmp_path / "store", large) in ("all", "none")

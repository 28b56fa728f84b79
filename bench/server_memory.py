"""Server memory over many requests: does `bcic serve` stay the same size while it works?

Starts `bcic serve` (waitress) on loopback over a directory store holding one sample revision,
then sends rounds of requests — a validation upload (`POST /api/validate`), the same file stored
as a new revision (`POST /api/clusters/revisions`, with an evaluator token), a `/sparql` SELECT
and a named query (`/api/queries/most-violated-clauses`) — and reads the resident memory of the
server process and of its query workers after each round. A server that keeps something of every
request grows round after round; one that does not levels off after the first. Run with
`.venv/bin/python -m bench.server_memory` from the repository root.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from checker.ingest import ingest_files
from checker.paths import EXAMPLES_DIR, PROJECT_ROOT
from checker.store.oxigraph_store import OxigraphStore
from checker.tokens import TokenFile, token_file_for
from tests.virtuoso import free_port

from .environment import describe

RESULTS = PROJECT_ROOT / "bench" / "results" / "server_memory.md"
ROUNDS = 5  # a phase
REQUESTS_A_ROUND = 40  # of each kind
SAMPLE = EXAMPLES_DIR / "dehua-ceramics.ttl"
SELECT = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 500"


def resident_mb(root: int) -> dict[int, float]:
    """Resident memory (MB) of `root` and of every process below it, by pid, from /proc."""
    parents: dict[int, int] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines()
                          if ":" in line)
        except OSError:  # the process ended while we looked
            continue
        parents[int(status.parent.name)] = int(fields["PPid"])
    tree = {root}
    while grown := {pid for pid, parent in parents.items() if parent in tree} - tree:
        tree |= grown
    sizes: dict[int, float] = {}
    for pid in tree:
        try:
            text = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith("VmRSS:"):
                sizes[pid] = int(line.split()[1]) / 1024
    return sizes


def wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    """Return once the server answers; fail if it exits or takes over a minute."""
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/queries", timeout=5):
                return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("bcic serve did not start") from None
            time.sleep(0.3)


def one_round(base: str, sample: bytes, token: str | None) -> None:
    """REQUESTS_A_ROUND of each kind of request, every answer read whole; the upload is also
    stored as a revision when a token is given."""
    sparql = f"{base}/sparql?" + urllib.parse.urlencode({"query": SELECT})
    turtle = {"Content-Type": "text/turtle"}
    for _ in range(REQUESTS_A_ROUND):
        requests: list[urllib.request.Request | str] = [
            urllib.request.Request(f"{base}/api/validate", data=sample, headers=turtle),
            sparql, f"{base}/api/queries/most-violated-clauses"]
        if token is not None:
            requests.append(urllib.request.Request(
                f"{base}/api/clusters/revisions", data=sample,
                headers={**turtle, "Authorization": f"Bearer {token}"}))
        for request in requests:
            with urllib.request.urlopen(request, timeout=60) as answer:
                answer.read()


@dataclass
class Phase:
    """Rounds of one kind, and the server's size after each."""

    name: str
    token: str | None
    server_mb: list[float] = field(default_factory=list)

    def growth(self) -> str:
        """kB a round trip from the phase's first round to its last."""
        trips = (len(self.server_mb) - 1) * REQUESTS_A_ROUND
        return (f"{(self.server_mb[-1] - self.server_mb[0]) * 1024 / trips:.0f} kB a round trip "
                f"({self.server_mb[0]:.0f} → {self.server_mb[-1]:.0f} MB)")


def serve_rounds(store_dir: Path, phases: list[Phase], lines: list[str]) -> None:
    """Start `bcic serve` on the store, run every phase's rounds, add a table row after each."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "checker.cli", "serve", "--port", str(port), "--store",
         str(store_dir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(base, server)
        sample = SAMPLE.read_bytes()
        validations = revisions = 0
        for phase in phases:
            for _ in range(ROUNDS):
                one_round(base, sample, phase.token)
                validations += REQUESTS_A_ROUND
                revisions += REQUESTS_A_ROUND if phase.token else 0
                sizes = resident_mb(server.pid)
                phase.server_mb.append(sizes[server.pid])
                others = sum(size for pid, size in sizes.items() if pid != server.pid)
                lines.append(f"| {phase.name} | {validations:,} | {revisions:,} | "
                             f"{sizes[server.pid]:.0f} | {others:.0f} | {len(sizes)} |")
                print(lines[-1], flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    """Serve, send the rounds, print and write the table."""
    started = time.monotonic()
    lines = ["# Server memory benchmark", "",
             f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC with "
             "`python -m bench.server_memory`.", "", *describe(), "",
             f"`bcic serve` over a directory store with one revision ({SAMPLE.name}). A round is "
             f"{REQUESTS_A_ROUND} round trips, one after another from one client, each "
             f"`POST /api/validate` of {SAMPLE.name}, a `/sparql` SELECT of 500 rows and "
             "`GET /api/queries/most-violated-clauses`; in the second phase each also stores "
             "the file as a new revision (`POST /api/clusters/revisions`, evaluator token). "
             f"{ROUNDS} rounds a phase. Resident memory (VmRSS) after each round: the server "
             "process, and its other processes (query workers and their fork server) together.",
             "", "| phase | validations | revisions stored | server MB | other processes MB | "
             "processes |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    with tempfile.TemporaryDirectory() as directory:
        store_dir = Path(directory) / "store"
        store = OxigraphStore(store_dir)
        ingest_files(store, [SAMPLE])
        store.close()
        _record, token = TokenFile(token_file_for(str(store_dir))).create("evaluator")
        reading, storing = Phase("reading", None), Phase("storing too", token)
        serve_rounds(store_dir, [reading, storing], lines)
    lines += ["", f"Server growth after each phase's first round: reading {reading.growth()}; "
              f"storing too {storing.growth()}, while the store grew by "
              f"{(ROUNDS - 1) * REQUESTS_A_ROUND} revisions. "
              f"{time.monotonic() - started:.0f} s in all."]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(lines[-1])
    print(f"written to {RESULTS.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()

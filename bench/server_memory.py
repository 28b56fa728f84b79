"""Server memory over many requests: does `bcic serve` stay the same size while it works?

Starts `bcic serve` (waitress) on loopback over a directory store holding one sample revision,
then sends rounds of requests — a validation upload (`POST /api/validate`), a `/sparql` SELECT
and a named query (`/api/queries/most-violated-clauses`) — and reads the resident memory of the
server process and of its query workers after each round. A server that keeps something of every
request grows round after round; one that does not levels off after the first. Run with
`.venv/bin/python -m bench.server_memory` from the repository root.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

from checker.ingest import ingest_files
from checker.paths import EXAMPLES_DIR, PROJECT_ROOT
from checker.store.oxigraph_store import OxigraphStore

from .environment import describe

RESULTS = PROJECT_ROOT / "bench" / "results" / "server_memory.md"
ROUNDS = 6
REQUESTS_A_ROUND = 40  # of each kind
SAMPLE = EXAMPLES_DIR / "dehua-ceramics.ttl"
SELECT = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 500"


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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


def one_round(base: str, sample: bytes) -> None:
    """REQUESTS_A_ROUND of each kind of request, every answer read whole."""
    sparql = f"{base}/sparql?" + urllib.parse.urlencode({"query": SELECT})
    for _ in range(REQUESTS_A_ROUND):
        upload = urllib.request.Request(f"{base}/api/validate", data=sample,
                                        headers={"Content-Type": "text/turtle"})
        for request in (upload, sparql, f"{base}/api/queries/most-violated-clauses"):
            with urllib.request.urlopen(request, timeout=60) as answer:
                answer.read()


def main() -> None:
    """Serve, send the rounds, print and write the table."""
    started = time.monotonic()
    lines = ["# Server memory benchmark", "",
             f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC with "
             "`python -m bench.server_memory`.", "", *describe(), "",
             f"`bcic serve` over a directory store with one revision ({SAMPLE.name}); each round "
             f"is {REQUESTS_A_ROUND} × (`POST /api/validate` of {SAMPLE.name}, a `/sparql` "
             f"SELECT of 500 rows, `GET /api/queries/most-violated-clauses`), one after another "
             "from one client. Resident memory (VmRSS) after each round: the server process, and "
             "its other processes (query workers and their fork server) together.", "",
             "| after round | validations | server MB | other processes MB | processes |",
             "| ---: | ---: | ---: | ---: | ---: |"]
    with tempfile.TemporaryDirectory() as directory:
        store = OxigraphStore(Path(directory) / "store")
        ingest_files(store, [SAMPLE])
        store.close()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "checker.cli", "serve", "--port", str(port), "--store",
             str(Path(directory) / "store")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(base, server)
            sample = SAMPLE.read_bytes()
            server_sizes = []
            for number in range(1, ROUNDS + 1):
                one_round(base, sample)
                sizes = resident_mb(server.pid)
                server_sizes.append(sizes[server.pid])
                others = sum(size for pid, size in sizes.items() if pid != server.pid)
                lines.append(f"| {number} | {number * REQUESTS_A_ROUND:,} | "
                             f"{sizes[server.pid]:.0f} | {others:.0f} | {len(sizes)} |")
                print(lines[-1], flush=True)
        finally:
            server.terminate()
            server.wait(timeout=30)
    growth = (server_sizes[-1] - server_sizes[0]) / ((ROUNDS - 1) * REQUESTS_A_ROUND)
    lines += ["", f"Server growth after the first round: {growth * 1024:.0f} kB a validation "
              f"({server_sizes[0]:.0f} → {server_sizes[-1]:.0f} MB). "
              f"{time.monotonic() - started:.0f} s in all."]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(lines[-1])
    print(f"written to {RESULTS.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()

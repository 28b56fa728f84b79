"""Server memory under concurrent page loads: does `bcic serve` level off while several clients
render pages at once?

Starts `bcic serve` on loopback over a store you give (for the figures of web/README.md: the 3
samples and 50 clusters of `bcic generate`, each ingested), then sends rounds in which CLIENTS
threads each load every cluster's page, its indicators, its first revision's report, the
benchmark and the clusters list, and reads the server's resident memory (VmRSS) after each
round. Run from the repository root:

    .venv/bin/python -m bench.page_memory STORE [ROUNDS] [CLIENTS]

with `MALLOC_ARENA_MAX` set or not in the environment to compare glibc's allocator settings
(`bcic serve` leaves glibc's default alone: web/README.md gives both figures).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from tests.virtuoso import free_port

from .server_memory import resident_mb, wait_until_up


def page_paths(base: str) -> list[str]:
    """The pages a client loads in a round: per cluster its page, indicators and first report;
    the benchmark and the home page."""
    with urllib.request.urlopen(f"{base}/api/clusters", timeout=60) as answer:
        keys = [c["key"] for c in json.load(answer)["clusters"]]
    paths = ["/benchmark", "/", "/benchmark?lang=en"]
    for key in keys:
        paths += [f"/clusters/{key}", f"/api/clusters/{key}/indicators",
                  f"/clusters/{key}/revisions/1", f"/api/benchmark?cluster={key}"]
    return paths


def one_round(base: str, paths: list[str], clients: int) -> None:
    """`clients` threads at once, each loading every path (from its own starting point)."""
    def load(start: int) -> None:
        for n in range(len(paths)):
            path = paths[(start + n) % len(paths)]
            with urllib.request.urlopen(base + path, timeout=300) as answer:
                answer.read()

    threads = [threading.Thread(target=load, args=(k * len(paths) // clients,))
               for k in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def main() -> None:
    """Serve the store, send the rounds, print the server's size after each."""
    store = Path(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    clients = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "checker.cli", "serve", "--port", str(port), "--store", str(store)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "BCIC_SECRET_KEY": os.environ.get("BCIC_SECRET_KEY", "bench-key")})
    try:
        wait_until_up(base, server)
        paths = page_paths(base)
        print(f"MALLOC_ARENA_MAX={os.environ.get('MALLOC_ARENA_MAX', '(unset)')}; "
              f"{len(paths)} pages a client, {clients} clients; started at "
              f"{resident_mb(server.pid)[server.pid]:.0f} MB", flush=True)
        for number in range(1, rounds + 1):
            started = time.monotonic()
            one_round(base, paths, clients)
            size = resident_mb(server.pid)[server.pid]
            print(f"round {number}: server {size:.0f} MB "
                  f"({time.monotonic() - started:.0f} s)", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    main()

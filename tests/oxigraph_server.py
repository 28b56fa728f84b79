"""A throw-away Oxigraph server for the tests: a SPARQL 1.1 server that is not Virtuoso.

`OxigraphServer(directory)` starts `oxigraph serve` over a database in `directory` on a free
127.0.0.1 port, with the union default graph the remote store needs (docs/store.md, checker/store/
sparql_store.py; without it, or read-only, for the tests of a server set up otherwise), waits until /query answers, and stops the process on `stop()` — terminate, then
kill. The server also dies with the Python process that started it (PR_SET_PDEATHSIG). The binary
comes with the `oxigraph` package of the dev extra (pyproject.toml), which `make install` puts in
the virtual environment's bin/ beside the Python that runs the tests.
"""

from __future__ import annotations

import atexit
import shutil
import subprocess
import sysconfig
from pathlib import Path

from virtuoso import die_with_parent, free_port, stop_process, wait_until_answering

SERVER_BINARY = "oxigraph"


class OxigraphNotInstalledError(RuntimeError):
    """The oxigraph server binary is not installed."""


class OxigraphServer:
    """One `oxigraph serve` process over a database in `directory` (created if missing); set up
    otherwise than bcic asks with `union_default_graph=False` or `read_only=True`
    (`serve-read-only`), as an operator might; on `port` (a stopped server's, to restart it
    there), else a free one."""

    def __init__(self, directory: Path, *, union_default_graph: bool = True,
                 read_only: bool = False, port: int | None = None) -> None:
        self.directory = Path(directory)
        self.port = free_port() if port is None else port
        self.process: subprocess.Popen[bytes] | None = None
        self.union_default_graph = union_default_graph
        self.read_only = read_only

    @property
    def base(self) -> str:
        """The server's root URL."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def query_endpoint(self) -> str:
        """The SPARQL 1.1 Query endpoint."""
        return f"{self.base}/query"

    @property
    def update_endpoint(self) -> str:
        """The SPARQL 1.1 Update endpoint."""
        return f"{self.base}/update"

    @property
    def graph_store_endpoint(self) -> str:
        """The SPARQL 1.1 Graph Store Protocol endpoint."""
        return f"{self.base}/store"

    def start(self, timeout: float = 30) -> None:
        """Start the server and wait until /query answers."""
        binary = require_binary()
        self.directory.mkdir(parents=True, exist_ok=True)
        output = (self.directory / "server.out").open("ab")
        command = [binary, "serve-read-only" if self.read_only else "serve",
                   "--location", str(self.directory / "db"), "--bind", f"127.0.0.1:{self.port}"]
        if self.union_default_graph:
            command.append("--union-default-graph")
        self.process = subprocess.Popen(
            command,
            cwd=self.directory, stdin=subprocess.DEVNULL, stdout=output,
            stderr=subprocess.STDOUT, preexec_fn=die_with_parent)
        output.close()
        _RUNNING.add(self)
        try:
            self._wait_until_ready(timeout)
        except BaseException:
            self.stop()
            raise

    def stop(self, timeout: float = 20) -> None:
        """Stop the server: SIGTERM, then SIGKILL if it is still there after `timeout` s."""
        process, self.process = self.process, None
        _RUNNING.discard(self)
        stop_process(process, timeout)

    def __enter__(self) -> OxigraphServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _wait_until_ready(self, timeout: float) -> None:
        assert self.process is not None
        wait_until_answering(self.process, "oxigraph", self.query_endpoint, timeout,
                             self._output_tail)

    def _output_tail(self, lines: int = 20) -> str:
        path = self.directory / "server.out"
        if not path.exists():
            return "(nothing)"
        return "\n".join(path.read_text("utf-8", "replace").splitlines()[-lines:])


def require_binary() -> str:
    """The path of the oxigraph binary: beside the running Python's scripts (the virtual
    environment the dev extra was installed into), else on PATH; OxigraphNotInstalledError says
    how to install it."""
    beside = Path(sysconfig.get_path("scripts")) / SERVER_BINARY
    if beside.is_file():
        return str(beside)
    found = shutil.which(SERVER_BINARY)
    if found is None:
        raise OxigraphNotInstalledError(
            f"{SERVER_BINARY} is needed for the generic remote-store tests and is neither in "
            f"{beside.parent} nor on PATH: run `make install` (installs the oxigraph package "
            f"of the dev extra)")
    return found


_RUNNING: set[OxigraphServer] = set()


@atexit.register
def _stop_all() -> None:
    for server in list(_RUNNING):
        server.stop()

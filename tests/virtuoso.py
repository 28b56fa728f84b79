"""A throw-away Virtuoso server for the tests: its own directory, ini file and loopback ports.

Not the system service: `VirtuosoServer(directory)` writes a minimal virtuoso.ini, starts
`virtuoso-t +foreground` on two free 127.0.0.1 ports (SQL and HTTP), waits until /sparql answers,
lets the anonymous SPARQL user update, and stops the process on `stop()` — terminate, then kill.
The server also dies with the Python process that started it (PR_SET_PDEATHSIG), so a crashed or
killed test run leaves nothing behind. `make system-packages` installs the binaries (Debian's
virtuoso-opensource-7-bin).
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

SERVER_BINARY = "virtuoso-t"
ISQL_BINARY = "isql-vt"
DBA_PASSWORD = "dba"  # a fresh database's default; the server listens on loopback only
# Virtuoso's own sample ini caps results at 10,000 rows: the tests keep that cap, so that paged
# reads are exercised. MaxQueryCostEstimationTime is left out on purpose: OpenLink calls it a
# debugging aid, and with it Virtuoso 7.2 has refused the store's own star-shaped queries on a
# larger database ("the estimated execution time 0 (sec) exceeds the limit of 400 (sec)").
_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
ServerThreads = 10
CheckpointInterval = 60
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty_buffers}
DirsAllowed = {dir}
CaseMode = 2
{extra_parameters}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 10
MaxClientConnections = 10
KeepAliveTimeout = 10
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 120
DefaultQuery = SELECT * WHERE {{ ?s ?p ?o }} LIMIT 10
"""


class VirtuosoNotInstalledError(RuntimeError):
    """virtuoso-t or isql-vt is not installed."""


class VirtuosoServer:
    """One Virtuoso process over a database in `directory` (created if missing)."""

    def __init__(self, directory: Path, *, max_rows: int = 10_000, buffers: int = 40_000,
                 extra_parameters: str = "") -> None:
        self.directory = Path(directory)
        self.max_rows = max_rows
        self.buffers = buffers
        self.extra_parameters = extra_parameters
        self.sql_port = free_port()
        self.http_port = free_port(avoid=self.sql_port)
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        """The anonymous SPARQL endpoint (queries and, once granted, updates)."""
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def auth_endpoint(self) -> str:
        """The SPARQL endpoint that asks for HTTP digest authentication."""
        return f"http://127.0.0.1:{self.http_port}/sparql-auth"

    @property
    def graph_store_endpoint(self) -> str:
        """Virtuoso's SPARQL 1.1 Graph Store Protocol endpoint."""
        return f"http://127.0.0.1:{self.http_port}/sparql-graph-crud"

    @property
    def log(self) -> Path:
        return self.directory / "virtuoso.log"

    def start(self, timeout: float = 60) -> None:
        """Start the server, wait until /sparql answers, let the SPARQL user update."""
        binary = require_binaries()[0]
        self.directory.mkdir(parents=True, exist_ok=True)
        ini = self.directory / "virtuoso.ini"
        ini.write_text(_INI.format(
            dir=self.directory, sql_port=self.sql_port, http_port=self.http_port,
            buffers=self.buffers, dirty_buffers=self.buffers * 3 // 4, max_rows=self.max_rows,
            extra_parameters=self.extra_parameters), encoding="utf-8")
        output = (self.directory / "server.out").open("ab")
        self.process = subprocess.Popen(
            [binary, "+foreground", "+configfile", str(ini)], cwd=self.directory,
            stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
            preexec_fn=die_with_parent)
        output.close()
        _RUNNING.add(self)
        try:
            self._wait_until_ready(timeout)
            self.isql('grant SPARQL_UPDATE to "SPARQL";')
        except BaseException:
            self.stop()
            raise

    def stop(self, timeout: float = 20) -> None:
        """Stop the server: SIGTERM, then SIGKILL if it is still there after `timeout` s."""
        process, self.process = self.process, None
        _RUNNING.discard(self)
        stop_process(process, timeout)

    def crash(self) -> None:
        """Kill the server at once (SIGKILL), as a power cut would; the database stays."""
        process, self.process = self.process, None
        _RUNNING.discard(self)
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(20)

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far (user and system), from /proc."""
        if self.process is None or self.process.poll() is not None:
            return 0.0
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def isql(self, statement: str) -> str:
        """Run one SQL statement as dba through isql-vt; its output, or an error with it."""
        done = subprocess.run(
            [require_binaries()[1], str(self.sql_port), "dba", DBA_PASSWORD,
             f"exec={statement}"], capture_output=True, text=True, timeout=60,
            stdin=subprocess.DEVNULL)
        if done.returncode != 0 or "*** Error" in done.stdout:
            raise RuntimeError(f"isql-vt failed on {statement!r}:\n{done.stdout}{done.stderr}")
        return done.stdout

    def __enter__(self) -> VirtuosoServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _wait_until_ready(self, timeout: float) -> None:
        assert self.process is not None
        wait_until_answering(self.process, "virtuoso-t", self.endpoint, timeout, self._log_tail)

    def _log_tail(self, lines: int = 20) -> str:
        for path in (self.log, self.directory / "server.out"):
            if path.exists():
                return "\n".join(path.read_text("utf-8", "replace").splitlines()[-lines:])
        return "(no log)"


def require_binaries() -> tuple[str, str]:
    """The paths of virtuoso-t and isql-vt; VirtuosoNotInstalledError says how to install them."""
    found = shutil.which(SERVER_BINARY), shutil.which(ISQL_BINARY)
    if None in found:
        raise VirtuosoNotInstalledError(
            f"{SERVER_BINARY} and {ISQL_BINARY} are needed for the remote-store tests and are "
            f"not on PATH: run `make system-packages` (installs Debian's virtuoso-opensource-7-bin)")
    return found[0] or "", found[1] or ""


def free_port(avoid: int | None = None) -> int:
    """A TCP port free on 127.0.0.1 now (the kernel's choice)."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        if port != avoid:
            return port


def wait_until_answering(process: subprocess.Popen[bytes], name: str, endpoint: str,
                         timeout: float, said: Callable[[], str]) -> None:
    """Return once the SPARQL server `process` (`name`) answers `ASK {}` at `endpoint`;
    RuntimeError, with the end of what it `said`, when it exits or does not answer in time."""
    deadline = time.monotonic() + timeout
    probe = endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode} while starting; "
                               f"its output ends:\n{said()}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.05)
    raise RuntimeError(f"{name} did not answer on {endpoint} within {timeout:g} s; "
                       f"its output ends:\n{said()}")


def stop_process(process: subprocess.Popen[bytes] | None, timeout: float) -> None:
    """Stop a server's process, if it still runs: SIGTERM, then SIGKILL if it is still there
    after `timeout` s."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout)


def die_with_parent() -> None:
    """In the child before exec: ask Linux to kill it when the test process dies."""
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


_RUNNING: set[VirtuosoServer] = set()


@atexit.register
def _stop_all() -> None:
    for server in list(_RUNNING):
        server.stop()

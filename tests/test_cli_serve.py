"""`bcic serve`: bad ports and store locations are usage errors, and the bound port is said."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port another socket is listening on."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        yield held.getsockname()[1]


def test_a_port_in_use_is_a_usage_error_in_the_asked_language(
        taken_port: int, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--port", str(taken_port), "--lang", "zh",
                                       "--store", str(tmp_path / "store")])
    assert result.exit_code == 2, result.output
    assert f"错误：无法在 127.0.0.1 的 {taken_port} 端口监听：" in result.stderr


@pytest.mark.parametrize("port", ["-5", "99999"])
def test_a_port_outside_0_to_65535_is_refused_before_serving(port: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--port", port, "--store", str(tmp_path)])
    assert result.exit_code == 2
    assert "serving" not in result.output and "--port" in result.output


def test_a_store_location_that_is_a_file_is_refused(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x")
    result = CliRunner().invoke(main, ["serve", "--port", "0", "--store", str(afile)])
    assert result.exit_code == 2
    assert "is a file, not a store directory" in result.stderr


def test_port_0_says_the_port_it_listens_on(tmp_path: Path) -> None:
    server = subprocess.Popen([sys.executable, "-m", "checker.cli", "serve", "--port", "0",
                               "--store", str(tmp_path / "store")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        said = ""
        for line in server.stderr:  # the app's own warnings may come first
            if found := re.search(r"serving http://127\.0\.0\.1:(\d+)/", line):
                said = found.group(1)
                break
        assert said and said != "0"
        with urllib.request.urlopen(f"http://127.0.0.1:{said}/api/queries", timeout=10) as answer:
            assert answer.status == 200
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_an_idle_connection_is_closed_after_the_channel_timeout(tmp_path: Path) -> None:
    """A connection that sends nothing is let go (slowloris holds connections open): with
    --channel-timeout 2 it is closed within seconds, not waitress's two minutes."""
    server = subprocess.Popen([sys.executable, "-m", "checker.cli", "serve", "--port", "0",
                               "--channel-timeout", "2", "--connection-limit", "10",
                               "--store", str(tmp_path / "store")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        port = next(int(found.group(1)) for line in server.stderr
                    if (found := re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)))
        with socket.create_connection(("127.0.0.1", port), timeout=30) as idle:
            idle.sendall(b"GET /api/queries HTTP/1.1\r\nHost: x\r\n")  # never finished
            assert idle.recv(1) == b""  # closed by the server, well before the 30 s wait
    finally:
        server.terminate()
        server.wait(timeout=30)

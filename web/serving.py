"""The app under waitress, stopped gracefully (`bcic serve`).

waitress stops at once on SIGTERM or Ctrl-C: the answers of requests still running are lost
(their work, a revision stored, may be done). So `serve` runs waitress's loop itself and, on the
first SIGTERM or SIGINT, closes the listening sockets (new connections are refused), closes idle
connections, lets the requests already received finish and their answers go out, for at most
`stop_timeout` seconds, then returns. A second signal stops at once.

A health listener (`add_health_listener`) shares the loop but has a request thread of its own:
waitress hands every request of a listener to that listener's threads in arrival order, so
`/healthz` on the main port waits behind every page received before it.

An answer without a body (a 304 to a conditional GET, a 204) keeps its connection alive
(`_KeepAliveTask`): waitress 3.0 closed every such connection.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher, WSGITask

_TICK = 0.2  # seconds between looks at the stop flag while serving and draining


class _KeepAliveTask(WSGITask):  # type: ignore[misc]
    """waitress's request task, but an HTTP/1.1 answer that has no body (1xx, 204, 304) keeps
    the connection open. waitress (3.0.2) drops such an answer's Content-Length, as it must
    (RFC 9110, 8.6), then closes every HTTP/1.1 connection whose answer has none, as if the
    body ran to the end of the connection; but these end with their headers (RFC 9112, 6.3), so
    a client revalidating its copy (If-None-Match, 304) had to connect anew each time."""

    _ends_with_headers = False  # while the headers are built: the answer needs no close

    def build_response_header(self) -> bytes:
        """waitress's headers, without `Connection: close` where the answer has no body and
        the client did not ask to close."""
        self._ends_with_headers = (
            not self.has_body and self.version == "1.1" and not self.close_on_finish
            and self.request.headers.get("CONNECTION", "").lower() != "close")
        try:
            return bytes(super().build_response_header())
        finally:
            self._ends_with_headers = False

    def set_close_on_finish(self) -> None:
        """Close after this answer, unless it ends with its headers (above)."""
        if not self._ends_with_headers:
            super().set_close_on_finish()


class _KeepAliveChannel(HTTPChannel):  # type: ignore[misc]
    """waitress's connection, its requests run as `_KeepAliveTask`s."""

    task_class = _KeepAliveTask


class _HealthListener(TcpWSGIServer):  # type: ignore[misc]
    """A listener whose connection limit counts its own connections only. waitress compares a
    listener's limit with every channel of the socket map it is in: in the main port's map, 6
    connections there stopped the health port (limit 10) from accepting any."""

    def readable(self) -> bool:
        """waitress's check, made against this listener's own connections."""
        loop_channels = self._map
        self._map = self.active_channels
        try:
            return bool(super().readable())
        finally:
            self._map = loop_channels


def add_health_listener(server: Any, app: Any, host: str, port: int) -> int:
    """Listen on `host`:`port` in `server`'s loop, answering only `/healthz` (web/health.py),
    with one request thread and at most 10 connections of its own; the port it listens on.
    OSError or ValueError when it cannot listen there (nothing is left listening)."""
    from .health import health_only

    adj = Adjustments(host=host, port=port, threads=1, connection_limit=10, channel_timeout=10)
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(adj.threads)
    listeners: list[_HealthListener] = []
    try:
        for sockinfo in adj.listen:  # a host name may stand for several addresses
            listeners.append(_HealthListener(health_only(app), _channels(server),
                                             dispatcher=dispatcher, adj=adj, sockinfo=sockinfo))
    except (OSError, ValueError):
        for listener in listeners:
            listener.close()
        dispatcher.shutdown(timeout=1)
        raise
    return int(listeners[0].effective_port)


def serve(server: Any, stop_timeout: float, stopping: Callable[[], None],
          stopped: Callable[[int], None]) -> None:
    """Serve with waitress's `server` (from `waitress.create_server`) until SIGTERM or SIGINT,
    then drain (see the module): `stopping` is called when the drain starts, `stopped` with the
    number of requests still unfinished when it ended (0: every one answered)."""
    stop = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        if stop.is_set():
            raise SystemExit(128 + signum)  # a second signal: stop now
        stop.set()

    previous = {number: signal.signal(number, on_signal)
                for number in (signal.SIGTERM, signal.SIGINT)}
    channels = _channels(server)
    poll = server.adj.asyncore_use_poll
    listeners = [each for each in channels.values() if isinstance(each, BaseWSGIServer)]
    for listener in listeners:  # each connection accepted from now on
        listener.channel_class = _KeepAliveChannel
    try:
        while not stop.is_set():
            wasyncore.loop(timeout=_TICK, use_poll=poll, map=channels, count=1)
        stopping()
        for listener in listeners:
            listener.accepting = False
            wasyncore.dispatcher.close(listener)  # the socket only: the trigger stays
        deadline = time.monotonic() + stop_timeout
        while (busy := _unfinished(channels)) and time.monotonic() < deadline:
            wasyncore.loop(timeout=_TICK, use_poll=poll, map=channels, count=1)
        stopped(busy)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for dispatcher in {id(each.task_dispatcher): each.task_dispatcher
                           for each in [server, *listeners]}.values():
            dispatcher.shutdown(cancel_pending=True, timeout=1)
        wasyncore.close_all(channels)


def _channels(server: Any) -> dict[int, Any]:
    """The socket map of a waitress server (one listener's, or several's)."""
    return server.map if hasattr(server, "map") else server._map


def _unfinished(channels: dict[int, Any]) -> int:
    """Connections with a request arriving, running or still being answered; idle ones are
    marked to close."""
    busy = 0
    for channel in list(channels.values()):
        if not isinstance(channel, HTTPChannel):
            continue
        if channel.requests or channel.request is not None or channel.total_outbufs_len:
            busy += 1
        else:
            channel.will_close = True  # an idle keep-alive connection: no new request on it
    return busy

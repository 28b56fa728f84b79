"""Which redirects of a SPARQL server bcic follows (RFC 9110 §15.4).

A query or update is POSTed. urllib would follow a 301, 302 or 303 to a POST as a GET without
its body, so the query is lost on the way and the new address answers something else (its
service description); and it follows no 307 or 308 of a POST at all. Here a 307 or 308, which
keep the method and the body, is followed, a few hops at most, to http(s) only, never from
https to http and never from another host to this machine or its private network; a 301, 302
or 303 to a POST is not followed but said, with its Location, for the user to give that address
instead. A GET (the Graph Store Protocol's) follows them all, as urllib does.
"""

from __future__ import annotations

import ipaddress
import urllib.parse
import urllib.request
from email.message import Message
from typing import IO

MAX_HOPS = 5


class RedirectNotFollowed(Exception):
    """A redirect that was not followed: its status, its Location and why (a message key; None
    for a POST's 301, 302 or 303, to be given as the endpoint instead)."""

    def __init__(self, status: int, location: str, why: str | None) -> None:
        super().__init__(f"HTTP {status} to {location}")
        self.status = status
        self.location = location
        self.why = why


class KeptRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a 307 or 308 with the request's method and body; refuses a POST's 301-303."""

    max_redirections = MAX_HOPS

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int,
                         msg: str, headers: Message, newurl: str
                         ) -> urllib.request.Request | None:
        """The request to send to `newurl`; RedirectNotFollowed when it is not to be sent."""
        method = req.get_method()
        if method in ("GET", "HEAD"):
            return super().redirect_request(req, fp, code, msg, headers, newurl)
        if code not in (307, 308):
            raise RedirectNotFollowed(code, newurl, None)
        why = unsafe_hop(req.full_url, newurl)
        if why is not None:
            raise RedirectNotFollowed(code, newurl, why)
        kept = {name: value for name, value in req.header_items()
                if name.lower() not in ("host", "authorization")}
        return urllib.request.Request(newurl, data=req.data, headers=kept, method=method,
                                      origin_req_host=req.origin_req_host, unverifiable=True)


def unsafe_hop(current: str, target: str) -> str | None:
    """Why a POST must not go on from `current` to `target` (a message key), None if it may."""
    now, then = urllib.parse.urlsplit(current), urllib.parse.urlsplit(target)
    if then.scheme.lower() not in ("http", "https") or not then.hostname:
        return "error.remote.redirect_why_scheme"
    if now.scheme.lower() == "https" and then.scheme.lower() == "http":
        return "error.remote.redirect_why_downgrade"
    if _local(then.hostname) and not _local(now.hostname or ""):
        return "error.remote.redirect_why_local"
    return None


def _local(host: str) -> bool:
    """Whether a host names this machine or a private network (by name or address; a name is
    not looked up)."""
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local

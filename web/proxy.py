"""Behind a reverse proxy: the URL people reach the app at, and which proxy headers to believe.

Links, the static and vendor files, redirects and `Location` headers are relative to the app's
root (the WSGI SCRIPT_NAME), so a path prefix is all they need. Absolute URLs (the SPARQL
editor's endpoint, `/sparql`'s service description, the OpenAPI `servers`, an HTML report's links
to the rulebook) need the scheme and host too:

- BCIC_PUBLIC_URL (`https://host/prefix`, `bcic serve --public-url`) fixes all three; the
  request's Host header is then never used, and a proxy may pass the prefix on or strip it;
- else BCIC_TRUSTED_PROXIES=N believes the X-Forwarded-For, -Proto, -Host, -Port and -Prefix
  headers of the N proxies in front (werkzeug's ProxyFix);
- else the request's own Host header is used, and every answer that holds such a URL says so to
  caches (`Vary: Host`, `Cache-Control: private`), so that no shared cache serves one built from
  a client's Host to others.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

from flask import Response, current_app, request, url_for
from werkzeug.middleware.proxy_fix import ProxyFix

_HOST_DEPENDENT = "bcic.host_dependent"  # a key of the WSGI environ: the answer used the Host
FORWARDED = ("X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix")


def behind_proxy(wsgi_app: WSGIApplication, public_url: str | None,
                 trusted_proxies: int) -> WSGIApplication:
    """`wsgi_app` as seen through the configured proxies: the trusted proxies' headers read
    first, then the public URL, which overrules them."""
    if public_url is not None:
        wsgi_app = _at(wsgi_app, public_url)
    if trusted_proxies:
        wsgi_app = ProxyFix(wsgi_app, x_for=trusted_proxies, x_proto=trusted_proxies,  # type: ignore[assignment]
                            x_host=trusted_proxies, x_port=trusted_proxies,
                            x_prefix=trusted_proxies)
    return wsgi_app


def _at(wsgi_app: WSGIApplication, public_url: str) -> WSGIApplication:
    """The app as reached at `public_url`: its scheme, host and path prefix replace what the
    request says. A request whose path still starts with the prefix (a proxy that passes it on)
    has it moved to SCRIPT_NAME, as waitress's `--url-prefix` does."""
    parts = urlsplit(public_url)
    prefix = parts.path.rstrip("/")
    port = str(parts.port or (443 if parts.scheme == "https" else 80))

    def pinned(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        environ["wsgi.url_scheme"] = parts.scheme
        environ["HTTP_HOST"] = parts.netloc
        environ["SERVER_NAME"] = parts.hostname
        environ["SERVER_PORT"] = port
        path: str = environ.get("PATH_INFO", "")
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            environ["PATH_INFO"] = path[len(prefix):]
        environ["SCRIPT_NAME"] = prefix
        return wsgi_app(environ, start_response)
    return pinned


def external_url(endpoint: str, **values: object) -> str:
    """The absolute URL of `endpoint` as people reach it (BCIC_PUBLIC_URL, else the request);
    an answer that holds one built from the request varies with its Host."""
    if current_app.config["BCIC_PUBLIC_URL"] is None:
        request.environ[_HOST_DEPENDENT] = True
    return url_for(endpoint, _external=True, **values)


def external_root() -> str:
    """The app's root URL as people reach it, ending in `/` (see `external_url`)."""
    if current_app.config["BCIC_PUBLIC_URL"] is None:
        request.environ[_HOST_DEPENDENT] = True
    return request.url_root


def vary_with_host(response: Response) -> Response:
    """Tell caches that an answer holding a URL built from the request's Host (and, from trusted
    proxies, their X-Forwarded headers) differs with them, and is not for a shared cache."""
    if request.environ.get(_HOST_DEPENDENT):
        response.vary.add("Host")
        if current_app.config["BCIC_TRUSTED_PROXIES"]:
            response.vary.update(FORWARDED)
        if not response.cache_control.no_store:
            response.cache_control.private = True
    return response

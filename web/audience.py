"""Whether a request is the JSON API's (`/api/…`), whichever blueprint serves it: machine
clients' answers, which check `?lang=` strictly, set no cookie, and whose 304 carries none of the
headers meant for pages."""

from __future__ import annotations

from flask import request

API_PREFIX = "/api/"


def is_api_request() -> bool:
    """Whether this request's path is under `/api/`."""
    return request.path.startswith(API_PREFIX)

"""Where people reach a bcic server (BCIC_PUBLIC_URL): the web app serves under it, and an HTML
report the CLI writes links its provisions and hints to that server's rulebook pages, as the web
app's own download does, so that a cluster given the file can follow them."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from .errors import InputError

PUBLIC_URL_ENV = "BCIC_PUBLIC_URL"


def public_url(name: str, value: object) -> str | None:
    """The URL people reach the app at (behind a reverse proxy): None when not given, else an
    http(s) URL with a host, no user name or password, query or fragment, given back without a
    trailing slash."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    try:
        parts = urlsplit(text)
        parts.port  # a port that is not a number raises ValueError
    except ValueError:
        parts = None
    if (parts is None or parts.scheme not in ("http", "https") or not parts.hostname
            or "@" in parts.netloc or parts.query or parts.fragment or text.endswith("?")
            or any(character.isspace() for character in text)):
        shown = text if parts is None or "@" not in parts.netloc else "…@" + text.split("@")[-1]
        raise InputError.of("error.setting.public_url", name=name, value=shown)
    return text.rstrip("/")


def served_rulebook_url(fmt: str) -> str | None:
    """The rulebook pages an HTML report links to (`https://host/prefix/rulebook/`, as the web
    app's download does) when BCIC_PUBLIC_URL names the server; None for another format or when
    it is not set (the hints then name `bcic rules show`). InputError on a value the web app
    would refuse too."""
    if fmt != "html":
        return None
    public = public_url(PUBLIC_URL_ENV, os.environ.get(PUBLIC_URL_ENV))
    return None if public is None else public + "/rulebook/"

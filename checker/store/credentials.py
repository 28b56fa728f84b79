"""Who a remote store's client is to its server (docs/store.md, "Credentials"): a user and a
password from the URL's `user:password@`, else from `--store-user` or BCIC_STORE_USER with
BCIC_STORE_PASSWORD; sent with HTTP digest or basic authentication, as the server asks.

A password is never shown: not in a URL in a message (`shown_endpoint` drops the user part), not
in the credentials' repr, and not on a command line, where every user of the machine could read
it (`ps`): the command line takes the user only, the password comes from the environment.
"""

from __future__ import annotations

import os
import urllib.parse
from dataclasses import dataclass, field

from ..errors import InputError

USER_ENV = "BCIC_STORE_USER"
PASSWORD_ENV = "BCIC_STORE_PASSWORD"


@dataclass(frozen=True)
class Credentials:
    """A user of a SPARQL server and its password (left out of the repr)."""

    user: str
    password: str = field(repr=False)


def store_credentials(user: str | None = None, password: str | None = None) -> Credentials | None:
    """The credentials given (the web app's settings, `--store-user`), each else from
    BCIC_STORE_USER and BCIC_STORE_PASSWORD; None when no user is named. InputError for a
    password without a user, or a user without a password."""
    user = user if user is not None else os.environ.get(USER_ENV)
    password = password if password is not None else os.environ.get(PASSWORD_ENV)
    if not user:
        if password:
            raise InputError.of("error.store.password_without_user", user_env=USER_ENV,
                                password_env=PASSWORD_ENV)
        return None
    if password is None:
        raise InputError.of("error.store.user_without_password", user=user,
                            password_env=PASSWORD_ENV)
    return Credentials(user, password)


def without_userinfo(url: str) -> tuple[str, Credentials | None]:
    """The URL without its `user:password@` part, and the credentials it held (percent-decoded;
    None when it held none). urllib would take the user part for the host name."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None:
        return url, None
    host = parts.netloc.rpartition("@")[2]
    found = Credentials(urllib.parse.unquote(parts.username),
                        urllib.parse.unquote(parts.password or ""))
    return urllib.parse.urlunsplit(parts._replace(netloc=host)), found

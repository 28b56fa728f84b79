"""Who may write: bearer tokens of a role (created with `bcic token create`, kept hashed)."""

from __future__ import annotations

from flask import current_app, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Forbidden, ServiceUnavailable, Unauthorized

from checker.errors import InputError
from checker.tokens import Role, TokenFile, TokenRecord, token_file_for

from .i18n import ui
from .logs import authentication_refused, token_file_unreadable


def token_file() -> TokenFile:
    """The app's token file: BCIC_TOKENS, else the one beside the store."""
    configured = current_app.config.get("BCIC_TOKENS")
    return TokenFile(configured or token_file_for(str(current_app.config["BCIC_STORE"])))


def presented_token() -> str | None:
    """The token of this request: `Authorization: Bearer …`, else a form's `token` field."""
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    field = request.form.get("token", "").strip() if request.form else ""
    return field or None


def require_role(role: Role, no_token: str = "auth.error.no_token", refused: str | None = None,
                 **values: str) -> TokenRecord:
    """The record of the request's token when it has `role`; 401 without a valid token (saying
    the UI string `no_token`, or `refused` when a token was given but is not one: the API's names
    the command that makes one, a form's tells its reader whom to ask; `values` fill them in),
    403 with a token of another role."""
    token = presented_token()
    record = _verified(token) if token else None
    if record is None:
        authentication_refused("no valid token", token)
        key = refused if token and refused else no_token
        raise Unauthorized(ui(key, role=role, role_name=ui(f"auth.role.{role}"), **values),
                           www_authenticate=WWWAuthenticate("bearer", {"realm": "bcic"}))
    if record.role != role:
        authentication_refused(f"role {record.role}, not {role}", token)
        raise Forbidden(ui("auth.error.role", role=ui(f"auth.role.{role}"),
                           given=ui(f"auth.role.{record.role}")))
    return record


def _verified(token: str) -> TokenRecord | None:
    """The record of `token`; 503 when the token file cannot be read (damaged, unreadable): the
    client's request was fine, so it is told only that writes are unavailable, and the server's
    log names the file and what is wrong with it."""
    tokens = token_file()
    try:
        return tokens.verify(token)
    except InputError as error:
        token_file_unreadable(tokens.path, error.message)
        raise ServiceUnavailable(ui("auth.error.token_file")) from None


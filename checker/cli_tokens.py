"""`bcic token create|list|revoke`: the bearer tokens the web app's write actions need."""

from __future__ import annotations

import os

import click

from .cli_output import echo_text
from .cli_validate import LANG_META_KEY
from .display_time import moment_shown
from .errors import InputError, OutputError
from .cli_lang import lang_option
from .i18n import Lang, message
from .store import DEFAULT_LOCATION, STORE_ENV
from .tokens import ROLES, TokenFile, token_file_for

_file_option = click.option(
    "--tokens", "tokens_path", envvar="BCIC_TOKENS",
    help="Token file (default: beside the store, <store>-tokens.json) / 令牌文件.")
_store_option = click.option("--store", "location", envvar=STORE_ENV,
                             help="Store directory or endpoint the tokens are for / 存储位置.")
_lang_option = lang_option()


def _token_file(tokens_path: str | None, location: str | None) -> TokenFile:
    store = location or os.environ.get(STORE_ENV) or str(DEFAULT_LOCATION)
    return TokenFile(tokens_path or token_file_for(store))


@click.group("token")
def token_group() -> None:
    """Bearer tokens for storing revisions and changing rules / 写操作令牌."""


@token_group.command("create")
@click.option("--role", type=click.Choice(ROLES), required=True,
              help="evaluator: store and delete revisions, record judgements; maintainer: "
                   "rulebook data / 角色.")
@click.option("--label", default="", help="Who or what the token is for / 用途说明.")
@_file_option
@_store_option
@_lang_option
@click.pass_context
def create_command(ctx: click.Context, role: str, label: str, tokens_path: str | None,
                   location: str | None, lang: Lang) -> None:
    """Create a token and print it once; only its hash is kept / 创建令牌（仅显示一次）."""
    ctx.meta[LANG_META_KEY] = lang
    tokens = _token_file(tokens_path, location)
    record, token = tokens.create(role, label)
    try:
        echo_text(token)
    except (OutputError, BrokenPipeError):
        tokens.revoke(record.id)  # shown to nobody: no credential is kept that nobody holds
        raise
    click.echo(message("token.created", lang, id=record.id, role=record.role, path=tokens.path),
               err=True)


@token_group.command("list")
@_file_option
@_store_option
@_lang_option
@click.pass_context
def list_command(ctx: click.Context, tokens_path: str | None, location: str | None,
                 lang: Lang) -> None:
    """List tokens (id, role, created, label), never the tokens; the time of creation in
    BCIC_TIME_ZONE / 列出令牌（创建时间按 BCIC_TIME_ZONE 显示）."""
    ctx.meta[LANG_META_KEY] = lang
    tokens = _token_file(tokens_path, location)
    records = tokens.records()
    if not records:
        click.echo(message("token.list.none", lang, path=tokens.path), err=True)
        return
    click.echo(message("token.list.header", lang))
    for record in records:
        created = moment_shown(record.created_at, lang)
        click.echo(f"{record.id}\t{record.role}\t{created}\t{record.label}")


@token_group.command("revoke")
@click.argument("token_id")
@_file_option
@_store_option
@_lang_option
@click.pass_context
def revoke_command(ctx: click.Context, token_id: str, tokens_path: str | None,
                   location: str | None, lang: Lang) -> None:
    """Revoke a token by its id / 吊销令牌."""
    ctx.meta[LANG_META_KEY] = lang
    if not _token_file(tokens_path, location).revoke(token_id):
        raise InputError.of("error.token.unknown_id", token_id=token_id)
    click.echo(message("token.revoked", lang, id=token_id))

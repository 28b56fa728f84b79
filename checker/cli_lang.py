"""The `--lang` option every command shares, read from BCIC_LANG when the command line gives none,
and what it says when the language it is given is not one bcic speaks."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from .i18n import DEFAULT_LANG, LANGUAGES, message

F = TypeVar("F", bound=Callable[..., Any])
LANG_ENV = "BCIC_LANG"


class LanguageChoice(click.Choice):
    """A choice of the languages bcic speaks that, for a value from the environment, names
    BCIC_LANG as what to correct, not the --lang the user did not write."""

    def __init__(self) -> None:
        super().__init__(LANGUAGES)

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        try:
            return super().convert(language_of_tag(value) or value, param, ctx)
        except click.BadParameter as error:
            if (ctx is None or param is None or param.name is None
                    or ctx.get_parameter_source(param.name) is not ParameterSource.ENVIRONMENT):
                raise
            # A language bcic does not speak in BCIC_LANG: the command speaks the default.
            hint = message("error.lang_env", DEFAULT_LANG, variable=LANG_ENV)
            raise click.BadParameter(error.message, ctx=ctx, param_hint=hint) from None


def language_of_tag(value: object) -> str | None:
    """The language bcic speaks that a tag or locale names by its first part, in any case
    (`zh-CN`, `ZH`, `zh_CN.UTF-8` → `zh`), else None."""
    if not isinstance(value, str):
        return None
    first = re.split(r"[-_.@]", value.strip(), maxsplit=1)[0].lower()
    return first if first in LANGUAGES else None


def lang_option(help_text: str = "Output language / 输出语言.") -> Callable[[F], F]:
    """The `--lang` option (zh, en; BCIC_LANG when not given, else the default)."""
    return click.option("--lang", type=LanguageChoice(), default=DEFAULT_LANG, show_default=True,
                        envvar=LANG_ENV, help=help_text)

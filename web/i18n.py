"""The language of a page and the UI strings in it.

The language is `?lang=` when given (remembered in a cookie), else the cookie, else the best of
zh and en in Accept-Language. UI strings live in `web/strings/`, one module per area, each a
mapping key → {"en": …, "zh": …}; `ui(key)` picks the request's language.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import Response, g, request

from checker.i18n import DEFAULT_LANG, LANGUAGES, Lang

from .strings import STRINGS

LANG_COOKIE = "bcic_lang"


def request_language() -> Lang:
    """The language this request is answered in."""
    cached: Lang | None = g.get("lang")
    if cached is not None:
        return cached
    for asked in (request.args.get("lang"), request.cookies.get(LANG_COOKIE)):
        if asked in LANGUAGES:
            g.lang = asked
            return asked  # type: ignore[return-value]
    best = request.accept_languages.best_match(LANGUAGES, default=DEFAULT_LANG)
    g.lang = best
    return best  # type: ignore[return-value]


def ui(key: str, **values: object) -> str:
    """The UI string `key` in the request's language, with `values` filled in."""
    text = STRINGS[key][request_language()]
    return text.format(**values) if values else text


def pick(texts: Mapping[str, str], lang: Lang | None = None) -> str:
    """From a {language: text} mapping (labels, messages), the text in the request's language,
    else English, else any."""
    lang = lang or request_language()
    return texts.get(lang) or texts.get("en") or texts.get("") or next(iter(texts.values()), "")


def remember_language(response: Response) -> Response:
    """Keep an explicit `?lang=` choice in a cookie for the next pages."""
    asked = request.args.get("lang")
    if asked in LANGUAGES and request.cookies.get(LANG_COOKIE) != asked:
        response.set_cookie(LANG_COOKIE, asked, max_age=365 * 24 * 3600, samesite="Lax")
    return response

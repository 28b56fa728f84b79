"""The language of a page and the UI strings in it.

The language is `?lang=` when given (remembered in a cookie), else the cookie, else the best of
zh and en in Accept-Language. UI strings live in `web/strings/`, one module per area, each a
mapping key → {"en": …, "zh": …}; `ui(key)` picks the request's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from flask import Response, g, request
from werkzeug.datastructures import LanguageAccept

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
    best = preferred_language(request.accept_languages)
    g.lang = best
    return best


def preferred_language(accepted: LanguageAccept) -> Lang:
    """The client's most wanted of zh and en, by primary subtag: `zh-CN,en-US;q=0.7,en;q=0.3`
    is zh. (Werkzeug's best_match prefers an exact tag of lower quality, `en`, to a regional
    variant of the first choice.) `*` or nothing known is the default language."""
    for tag, quality in accepted:  # best quality first, in the header's order among equals
        primary = tag.replace("_", "-").split("-")[0].lower()
        if quality > 0 and primary in LANGUAGES:
            return primary  # type: ignore[return-value]
        if quality > 0 and tag == "*":
            break
    return DEFAULT_LANG


def language_link(lang: Lang) -> str:
    """This page's address in `lang`: its other query parameters kept (chosen clusters, year,
    filters), `lang` set."""
    kept = [(name, value) for name, value in request.args.items(multi=True) if name != "lang"]
    return "?" + urlencode([*kept, ("lang", lang)])


def ui(key: str, /, **values: object) -> str:
    """The UI string `key` in the request's language, with `values` filled in."""
    text = STRINGS[key][request_language()]
    return text.format(**values) if values else text


def pick(texts: Mapping[str, str], lang: Lang | None = None) -> str:
    """From a {language: text} mapping (labels, messages), the text in the request's language,
    else English, else any."""
    lang = lang or request_language()
    return texts.get(lang) or texts.get("en") or texts.get("") or next(iter(texts.values()), "")


def remember_language(response: Response) -> Response:
    """Keep an explicit `?lang=` choice in a cookie for the next pages; tell caches that the
    answer's language follows the request's Accept-Language and cookie."""
    asked = request.args.get("lang")
    if asked in LANGUAGES and request.cookies.get(LANG_COOKIE) != asked:
        response.set_cookie(LANG_COOKIE, asked, max_age=365 * 24 * 3600, samesite="Lax")
    response.vary.update(("Accept-Language", "Cookie"))
    return response

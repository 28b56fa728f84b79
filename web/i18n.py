"""The language of a page and the UI strings in it.

The language is `?lang=` when given (on a page, remembered in a cookie), else the cookie, else the best of
zh and en in Accept-Language; a tag counts by its primary subtag, in any case (`zh-CN`, `ZH`,
`zh-Hans` are zh). A `?lang=` naming another language is refused by the API (400, as a repeated
one is) and noted on pages, which then say which language they are in.

UI strings live in `web/strings/`, one module per area, each a mapping key → {"en": …, "zh": …};
`ui(key)` picks the request's language; `ui_count(key, n)` the form for a count.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from flask import Response, g, request
from werkzeug.datastructures import LanguageAccept
from werkzeug.exceptions import BadRequest

from checker.i18n import DEFAULT_LANG, Lang, language_of
from checker.queries import values_given_once

from .audience import is_api_request
from .strings import STRINGS

LANG_COOKIE = "bcic_lang"


def request_language() -> Lang:
    """The language this request is answered in."""
    cached: Lang | None = g.get("lang")
    if cached is not None:
        return cached
    for asked in (request.args.get("lang"), request.cookies.get(LANG_COOKIE)):
        known = language_of(asked or "")
        if known is not None:
            g.lang = known
            return known
    best = preferred_language(request.accept_languages)
    g.lang = best
    return best


def unknown_language() -> str | None:
    """The `?lang=` value when it names no language of this app (`fr`), else None."""
    asked = request.args.get("lang")
    return asked if asked and language_of(asked) is None else None


def check_api_language() -> None:
    """An API request's `?lang=` is one known language, given once: else 400, as for any other
    parameter of the API (the message is in the language the request falls back to)."""
    if not is_api_request():
        return
    values_given_once(("lang", value) for value in request.args.getlist("lang"))
    asked = unknown_language()
    if asked is not None:
        raise BadRequest(ui("error.lang.unknown", given=asked))


def preferred_language(accepted: LanguageAccept) -> Lang:
    """The client's most wanted of zh and en, by primary subtag: `zh-CN,en-US;q=0.7,en;q=0.3`
    is zh. (Werkzeug's best_match prefers an exact tag of lower quality, `en`, to a regional
    variant of the first choice.) `*` or nothing known is the default language."""
    for tag, quality in accepted:  # best quality first, in the header's order among equals
        known = language_of(tag)
        if quality > 0 and known is not None:
            return known
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


def ui_count(key: str, n: int, /, **values: object) -> str:
    """The UI string for `n` things: `key.one` for one, else `key.other` (English says
    "1 clause shown", "2 clauses shown"; Chinese says both alike)."""
    return ui(f"{key}.{'one' if n == 1 else 'other'}", n=n, **values)


def pick(texts: Mapping[str, str], lang: Lang | None = None) -> str:
    """From a {language: text} mapping (labels, messages), the text in the request's language,
    else English, else any."""
    lang = lang or request_language()
    return texts.get(lang) or texts.get("en") or texts.get("") or next(iter(texts.values()), "")


def remember_language(response: Response) -> Response:
    """Keep a page's explicit `?lang=` choice in a cookie for the next pages (an API request's
    chooses its own answer's language only: a machine client keeps no state here); tell caches
    that the answer's language follows the request's Accept-Language and cookie."""
    asked = language_of(request.args.get("lang") or "")
    if asked is not None and not is_api_request() and request.cookies.get(LANG_COOKIE) != asked:
        response.set_cookie(LANG_COOKIE, asked, max_age=365 * 24 * 3600, samesite="Lax")
    response.vary.update(("Accept-Language", "Cookie"))
    return response

"""A provision as a rule maintainer names it on the command line (`bcic rules show`).

A provision by its id (`8.3.4-2`), in the standard's notation (`8.3.4 —2`, `6.2 d)`,
`6.1.2.2 [may]` or `〔可〕`: checker/notation.py), by IRI or prefixed name (`req:8.3.4-2`, as Turtle
and the named queries' tables write it), or by the path of its rulebook page (`/rulebook/8.3.4-2`).
One the rulebook does not have is refused (exit 2) with the nearest it has; a heading of the
standard (4.2) with the provisions numbered under it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .errors import NotFoundError
from .i18n import LANGUAGES, Listed, Localized, phrase
from .notation import notation_id, provision_notation
from .rulebook import Rulebook

_NEAREST = 3  # the ids a refusal suggests, at most
_PATHS = ("/req/gbt-draft/", "/rulebook/")  # a provision's IRI or page, on any host
_LISTED = {"zh": "、", "en": ", "}


def find_provision(rulebook: Rulebook, asked: str) -> str:
    """The id of the provision `asked` names; NotFoundError (exit 2) when the catalogue has none,
    suggesting the nearest ids."""
    rid = provision_asked(asked)
    if rid in rulebook.requirements:
        return rid
    _refuse_heading(rulebook, rid)
    raise NotFoundError.of("error.rulebook.unknown_provision", asked=asked.strip(),
                           version=rulebook.version,
                           nearest=_nearest_provisions(rulebook, rid or asked.strip()))


def provision_asked(asked: str) -> str | None:
    """The provision id `asked` has the form of (not necessarily one the catalogue has): its
    IRI or page path less what comes before the id, `req:` less, then read as the notation."""
    text = asked.strip().removeprefix("<").removesuffix(">")
    for path in _PATHS:
        text = text.rsplit(path, 1)[-1]
    return notation_id(text.removeprefix("req:").split("?")[0].split("#")[0])


def _refuse_heading(rulebook: Rulebook, rid: str | None) -> None:
    """NotFoundError naming the provisions under `rid` when it is a heading of the standard with
    no text of its own (a chapter, 4.2)."""
    heading = rulebook.headings.get(rid or "")
    if heading is None or heading.provision:
        return
    under = [r.id for r in rulebook.requirements.values()
             if r.parent is None and r.clause.startswith(heading.id + ".")]
    raise NotFoundError.of("error.rulebook.section_asked", asked=heading.id,
                           provisions=_listed(under))


def _nearest_provisions(rulebook: Rulebook, written: str) -> Localized | str:
    """"; did you mean 9.2.3?" with the ids nearest in spelling, in the notation ("" if none)."""
    return _did_you_mean(difflib.get_close_matches(written, list(rulebook.requirements),
                                                   n=_NEAREST))


def _did_you_mean(found: list[str]) -> Localized | str:
    if not found:
        return ""
    return phrase("rules.problem.did_you_mean", term=_listed(found))


def _listed(requirement_ids: Iterable[str]) -> Listed:
    """Provision ids in the notation, listed as each language lists them."""
    return Listed(tuple({lang: provision_notation(rid, lang) for lang in LANGUAGES}
                        for rid in requirement_ids), _LISTED)

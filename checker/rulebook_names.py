"""Two rulebooks told apart as people read them: by version, and by digest where the version is
the same (an edit whose version number was forgotten still gives another digest)."""

from __future__ import annotations

from .i18n import Lang, message
from .rulebook import short_digest


def rulebooks_differ(version: str, digest: str | None, other_version: str,
                     other_digest: str | None) -> bool:
    """Whether two rulebooks are not the same: another version, or the same version with another
    digest (an edit whose version number was forgotten); a digest not recorded (a revision stored
    before revisions recorded it) leaves the version to decide."""
    return version != other_version or (
        digest is not None and other_digest is not None and digest != other_digest)


def rulebook_change_said(before: str, digest_before: str | None, after: str,
                         digest_after: str | None, lang: Lang) -> str:
    """"rulebook changed 0.1.0 → 0.2.0: …", naming each rulebook by its digest too where the
    versions are the same (0.1.0 (digest 12c7e1ccbae0) → 0.1.0 (digest ec72882ee89b))."""
    same = before == after
    return message("store.history.rulebook_changed", lang,
                   before=rulebook_named(before, digest_before if same else None, lang),
                   after=rulebook_named(after, digest_after if same else None, lang))


def rulebook_named(version: str, digest: str | None, lang: Lang) -> str:
    """A rulebook's version, with its short digest when given."""
    if digest is None:
        return version
    return message("store.history.rulebook_digest", lang, version=version,
                   digest=short_digest(digest))

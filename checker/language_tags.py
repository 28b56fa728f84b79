"""Language tags as BCP 47 compares them, case aside (RFC 5646, 2.1.1): `@EN` is en, and `@zh`
and `@ZH` tag one language. The rule checks count a shape's messages, a prompt's texts and a
term's labels by it, and the rulebook and reports file them under it, so they agree."""

from __future__ import annotations

from rdflib import Literal


def language_of(literal: Literal) -> str | None:
    """The literal's language tag in lower case; None when it has none."""
    return literal.language.lower() if literal.language else None

"""Where a JSON-LD text writes a term by its context's vocabulary (`"@vocab"`): a key or a type
written as the bare local name (`"observedValu": 35.2`, `"@type": "Cluster"`), a form
standard_terms.first_written does not look for, as it holds no prefix.

Found again in the text: after a `"@vocab"` the term's IRI begins with, the local name quoted as
a key, else quoted anywhere.
"""

from __future__ import annotations

import re

from ..text_position import text_position

_VOCAB = re.compile(r"\"@vocab\"\s*:\s*\"([^\"]*)\"")


def vocab_written(text: str, iri: str) -> tuple[int, int, int] | None:
    """The offset, line and column where the text first writes the IRI as a term of a vocabulary
    its JSON-LD contexts declare; None when it declares none the IRI is under, or does not write
    its local name quoted."""
    for declared, quoted in _declared_forms(text, iri):
        escaped = re.escape(quoted)
        found = (re.compile(escaped + r"\s*:").search(text, declared)
                 or re.compile(escaped).search(text, declared))
        if found is not None:
            return (found.start(), *text_position(text[:found.start()]))
    return None


def vocab_forms(text: str, iri: str) -> list[str]:
    """The IRI's local names, quoted, under each vocabulary the text's JSON-LD contexts declare
    that the IRI is under (`"observedValue"`)."""
    return [quoted for _declared, quoted in _declared_forms(text, iri)]


def _declared_forms(text: str, iri: str) -> list[tuple[int, str]]:
    """Where each vocabulary the IRI is under is declared (the offset after it) and the IRI's
    local name under it, quoted."""
    forms = []
    for declared in _VOCAB.finditer(text):
        vocab = declared[1]
        local = iri[len(vocab):]
        if vocab and iri.startswith(vocab) and local and '"' not in local:
            forms.append((declared.end(), f'"{local}"'))
    return forms


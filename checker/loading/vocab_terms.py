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
    for declared in _VOCAB.finditer(text):
        vocab = declared[1]
        local = iri[len(vocab):]
        if not vocab or not iri.startswith(vocab) or not local or '"' in local:
            continue
        quoted = re.escape(f'"{local}"')
        found = (re.compile(quoted + r"\s*:").search(text, declared.end())
                 or re.compile(quoted).search(text, declared.end()))
        if found is not None:
            return (found.start(), *text_position(text[:found.start()]))
    return None


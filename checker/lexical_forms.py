"""Whether a typed literal's text is a valid value of its datatype: rdflib marks a date, a number
or a boolean it cannot read (`ill_typed`), but reads no xsd:gYear or xsd:gYearMonth, whose forms
are checked here ("2024年"^^xsd:gYear is no year, 9.2.3), as shapes check them (sh:pattern)."""

from __future__ import annotations

import re

from rdflib import Literal
from rdflib.namespace import XSD

_ZONE = r"(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
_YEAR = r"-?([1-9][0-9]{3,}|0[0-9]{3})"
_FORMS = {XSD.gYear: re.compile(_YEAR + _ZONE),
          XSD.gYearMonth: re.compile(_YEAR + r"-(0[1-9]|1[0-2])" + _ZONE)}


def ill_formed(literal: Literal) -> bool:
    """Whether the literal's text is no value of its datatype, as rdflib or the forms above say."""
    if literal.ill_typed:
        return True
    form = _FORMS.get(literal.datatype) if literal.datatype is not None else None
    return form is not None and form.fullmatch(str(literal)) is None

"""A literal's value as the named-query API writes it: a JSON value of the type its datatype
says (checker/queries/README.md, "Values in JSON").

An XML Schema integer type is a JSON integer, `xsd:decimal`, `xsd:double` and `xsd:float` a JSON
number, `xsd:boolean` true or false; every other literal (a date, a year, a text with or without
its language) stays its lexical form, as IRIs do. A lexical form its datatype does not allow
(`"x"^^xsd:integer`), a number JSON cannot write (`NaN`, `INF`) and an integer beyond 64 bits,
which many JSON readers cannot hold, stay text too, so nothing is lost or made up.

Only the standard library: the query worker imports it (checker/query_worker.py).
"""

from __future__ import annotations

import math
import re

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = frozenset(XSD + name for name in (
    "integer", "nonPositiveInteger", "negativeInteger", "nonNegativeInteger", "positiveInteger",
    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte"))
NUMBER_TYPES = frozenset(XSD + name for name in ("decimal", "double", "float"))
BOOLEAN_TYPE = XSD + "boolean"
_TRUTH = {"true": True, "1": True, "false": False, "0": False}
_INTEGER = re.compile(r"[+-]?[0-9]+")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_INT64 = 2 ** 63

JsonValue = str | int | float | bool


def json_value(text: str, datatype: str | None) -> JsonValue:
    """The literal of lexical form `text` and datatype IRI `datatype` as a JSON value."""
    # Counted in digits first: int() refuses a text of thousands of them.
    if datatype in INTEGER_TYPES and _INTEGER.fullmatch(text) and len(text.lstrip("+-0")) < 20:
        number = int(text)
        return number if -_INT64 <= number < _INT64 else text
    if datatype in NUMBER_TYPES and _NUMBER.fullmatch(text):
        value = float(text)
        return value if math.isfinite(value) else text
    if datatype == BOOLEAN_TYPE:
        return _TRUTH.get(text, text)
    return text

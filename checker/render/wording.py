"""Words that hints and findings share, so that both say a thing alike: a path step by step (a
step backwards as the record that refers to the value), a datatype as the kind of value people
write (checker/render/guidance_view.py, checker/render/findings_view.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ..i18n import Lang, message

# The kinds of value people write, by the XSD datatypes that hold them (report.value.*.<kind>).
_KINDS: dict[str, tuple[URIRef, ...]] = {
    "date": (XSD.date,),
    "date_time": (XSD.dateTime, XSD.dateTimeStamp),
    "year": (XSD.gYear,),
    "year_month": (XSD.gYearMonth,),
    "integer": (XSD.integer, XSD.int, XSD.long, XSD.short, XSD.byte, XSD.nonNegativeInteger,
                XSD.positiveInteger, XSD.nonPositiveInteger, XSD.negativeInteger,
                XSD.unsignedLong, XSD.unsignedInt, XSD.unsignedShort, XSD.unsignedByte),
    "number": (XSD.decimal, XSD.double, XSD.float),
    "text": (XSD.string, RDF.langString),
    "boolean": (XSD.boolean,),
}
DATATYPE_KINDS: dict[Node, str] = {d: kind for kind, found in _KINDS.items() for d in found}
# Kinds no plain Turtle or JSON value gives (a bare 2021 is a whole number, "2021-06-30" text):
# the lexical form each takes, and an example of it.
_TYPED_FORMS: dict[str, tuple[re.Pattern[str], str]] = {
    "year": (re.compile(r"-?\d{4}"), "2021"),
    "year_month": (re.compile(r"-?\d{4}-(0[1-9]|1[0-2])"), "2021-06"),
    "date": (re.compile(r"-?\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"), "2021-06-30"),
}


def datatype_kind(datatype: Node | None) -> str | None:
    """The kind of value a datatype holds (date, year, number, text…), None for one with no
    words of its own; a literal with no datatype is text."""
    return DATATYPE_KINDS.get(datatype if datatype is not None else XSD.string)


def path_in_words(steps: Sequence[tuple[URIRef, bool]], lang: Lang, term: Callable[[Node], str],
                  by_last: Callable[[], str] | None = None) -> str:
    """A path in words, step by step, each property as `term` names it: a step forwards as the
    property of what the path has reached, a step backwards as the record that refers to it
    (`by_last`, when given, names the one of the last step: 「一项“成员关系”」)."""
    said = ""
    for index, (prop, inverse) in enumerate(steps):
        step = term(prop)
        if inverse:
            last = index == len(steps) - 1
            by = by_last() if by_last is not None and last else \
                message("report.path.record", lang)
            key = "inverse" if said else "inverse_first"
            said = message(f"report.path.{key}", lang, path=said, step=step, by=by)
        elif said:
            key = "after_inverse" if steps[index - 1][1] else "next"
            said = message(f"report.path.{key}", lang, path=said, step=step)
        else:
            said = step
    return said


def typed_form(value: Node | None, datatype: Node | None) -> tuple[str, str] | None:
    """How to write a value of a kind that needs its datatype (a year, a date): its own text when
    that has the kind's form, else an example, and the datatype's prefixed name; None for kinds a
    plain value gives (numbers, text)."""
    kind = datatype_kind(datatype)
    if kind not in _TYPED_FORMS or not isinstance(datatype, URIRef):
        return None
    form, example = _TYPED_FORMS[kind]
    text = str(value).strip() if isinstance(value, Literal) else ""
    return (text if form.fullmatch(text) else example), f"xsd:{datatype.removeprefix(str(XSD))}"

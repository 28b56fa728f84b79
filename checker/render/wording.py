"""Words that hints and findings share, so that both say a thing alike: a path step by step (a
step backwards as the record that refers to the value), a datatype as the kind of value people
write (checker/render/guidance_view.py, checker/render/findings_view.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ..i18n import Lang, message
from ..namespaces import SHP

# The forms of a figure (shapes/common.ttl): a number of an XSD numeric datatype (5.2.3's
# concentration value, 9.2.3's observed value; docs/model.md, decision 23). A value failing one is
# no number; a hint says how to write one typed.
NUMBER_SHAPES = frozenset({SHP.Number, SHP.ObservedNumber})

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
# an example of each, and how a value meant as one is read: its year, month and day, written as
# the kind's lexical form ("2020年" is the year 2020, "2023-01-10T09:00:00" the day 2023-01-10).
_TYPED_EXAMPLES = {"year": "2021", "year_month": "2021-06", "date": "2021-06-30"}
_DATE_PARTS = re.compile(r"\s*(\d{4})(?:[-/年.]\s*(\d{1,2})(?:[-/月.]\s*(\d{1,2}))?)?")


@dataclass(frozen=True)
class TypedForm:
    """How to write a value of a kind that needs its datatype: the text, the datatype's IRI and
    prefixed name, and whether the text is the value's own (else an example of the kind)."""

    text: str
    datatype: URIRef
    curie: str
    own: bool


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
            key = "inverse_first" if not said else \
                "inverse_after_inverse" if steps[index - 1][1] else "inverse"
            said = message(f"report.path.{key}", lang, path=said, step=step, by=by)
        elif said:
            key = "after_inverse" if steps[index - 1][1] else "next"
            said = message(f"report.path.{key}", lang, path=said, step=step)
        else:
            said = step
    return said


def typed_form(value: Node | None, datatype: Node | None) -> TypedForm | None:
    """How to write a value of a kind that needs its datatype (a year, a year and month, a date):
    the value's own year, month and day where it gives them and they make a real one, else an
    example; None for kinds a plain value gives (numbers, text)."""
    kind = datatype_kind(datatype)
    if kind not in _TYPED_EXAMPLES or not isinstance(datatype, URIRef):
        return None
    own = _own_form(kind, str(value) if isinstance(value, Literal) else "")
    curie = f"xsd:{datatype.removeprefix(str(XSD))}"
    return TypedForm(own or _TYPED_EXAMPLES[kind], datatype, curie, own is not None)


def _own_form(kind: str, text: str) -> str | None:
    """The value's year, month and day as the kind writes them, when it gives as many as the kind
    needs and they name a real day (never 2023-02-30)."""
    found = _DATE_PARTS.match(text)
    if found is None:
        return None
    year, month, day = found.groups()
    needed = {"year": 1, "year_month": 2, "date": 3}[kind]
    parts = [int(p) for p in (year, month, day) if p is not None]
    if len(parts) < needed:
        return None
    try:
        date(*(parts[:needed] + [1] * (3 - needed)))
    except ValueError:
        return None
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:needed])])


@dataclass(frozen=True)
class ReferenceForm:
    """How to refer to a record where a text was written: in Turtle, as JSON-LD's "@id", and
    whether it is the text's own name (else an example)."""

    turtle: str
    iri: str
    own: bool


_PREFIXED_NAME = re.compile(r"[A-Za-z][\w.-]*:[^\s\"'<>{}|\\^`]+", re.ASCII)
_WEB_IRI = re.compile(r"https?://[^\s\"'<>{}|\\^`]+")
_EXAMPLE_REFERENCE = "ex:record"


def reference_form(text: str) -> ReferenceForm:
    """A text written where a record is asked, as a reference: one that reads as an IRI
    (https://…) or a prefixed name (ex:body) refers to that; any other (a title), an example."""
    if _WEB_IRI.fullmatch(text):
        return ReferenceForm(f"<{text}>", text, True)
    if _PREFIXED_NAME.fullmatch(text):
        return ReferenceForm(text, text, True)
    return ReferenceForm(_EXAMPLE_REFERENCE, _EXAMPLE_REFERENCE, False)

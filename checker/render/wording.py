"""Words that hints and findings share, so that both say a thing alike: a path step by step (a
step backwards as the record that refers to the value), a datatype as the kind of value people
write (checker/render/guidance_view.py, checker/render/findings_view.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rdflib import RDF, URIRef
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

"""Moments as xsd:dateTime text, in the one lexical form every output of bcic uses."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from rdflib import XSD, Literal
from rdflib.term import Node


def xsd_datetime(moment: datetime) -> str:
    """The moment in UTC as canonical xsd:dateTime text (XML Schema 1.1 Part 2, 3.3.7): `Z` for
    the time zone and the seconds' fraction without trailing zeros. It is the form the embedded
    store gives back, so a time reads the same in JSON documents, reports and SPARQL answers."""
    return canonical_datetime(moment.astimezone(timezone.utc))


def canonical_datetime(moment: datetime) -> str:
    """The moment as canonical xsd:dateTime text in its own time zone, if it has one: `Z` for
    UTC, else the offset (`+08:00`), and the seconds' fraction without trailing zeros."""
    text = (f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
            f"T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}")
    if moment.microsecond:
        text += f".{moment.microsecond:06d}".rstrip("0")
    offset = moment.utcoffset()
    if offset is None:
        return text
    if offset == timedelta(0):
        return text + "Z"
    minutes = int(offset.total_seconds()) // 60
    return text + f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def datetime_literal(moment: datetime) -> Literal:
    """The moment as an xsd:dateTime literal in `xsd_datetime`'s form."""
    return Literal(xsd_datetime(moment), datatype=XSD.dateTime)


def answered(term: Node) -> Node:
    """A term of a query's answer as bcic gives it on every store: an xsd:dateTime in its
    canonical text, as Oxigraph writes it, rather than rdflib's (`+00:00` for `Z`, six digits of
    fraction) or another server's (Virtuoso keeps `.500`); any other term as it is."""
    if isinstance(term, Literal) and term.datatype == XSD.dateTime \
            and isinstance(term.value, datetime):
        return Literal(canonical_datetime(term.value), datatype=XSD.dateTime, normalize=False)
    return term

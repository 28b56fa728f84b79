"""Moments as xsd:dateTime text, in the one lexical form every output of bcic uses."""

from __future__ import annotations

from datetime import datetime, timezone

from rdflib import XSD, Literal


def xsd_datetime(moment: datetime) -> str:
    """The moment in UTC as canonical xsd:dateTime text (XML Schema 1.1 Part 2, 3.3.7): `Z` for
    the time zone and the seconds' fraction without trailing zeros. It is the form the embedded
    store gives back, so a time reads the same in JSON documents, reports and SPARQL answers."""
    utc = moment.astimezone(timezone.utc)
    text = utc.strftime("%Y-%m-%dT%H:%M:%S")
    if utc.microsecond:
        text += f".{utc.microsecond:06d}".rstrip("0")
    return text + "Z"


def datetime_literal(moment: datetime) -> Literal:
    """The moment as an xsd:dateTime literal in `xsd_datetime`'s form."""
    return Literal(xsd_datetime(moment), datatype=XSD.dateTime)

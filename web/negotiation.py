"""Choosing a response format from `Accept` (RFC 7231 §5.3.2), for /sparql and the rulebook IRIs.

Werkzeug's `MIMEAccept.best_match` is not used: it matches an offer only when the offer's
parameters match the range's too, so `text/turtle;charset=utf-8` matched nothing; and it weighs
each media type alone, so a format refused under its main type (`text/turtle;q=0, */*;q=0.1`)
could still win through an alias matched by the wildcard.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header, parse_options_header

Offer = TypeVar("Offer")


@dataclass(frozen=True)
class MediaRange:
    """One element of an Accept header: `type/subtype` (either may be `*`) and its quality."""

    type: str
    subtype: str
    parameters: int  # how many besides q: RFC 7231 ranks `text/plain;format=flowed` first
    quality: float

    def matches(self, media_type: str) -> bool:
        """Whether the range covers the media type; parameters never prevent a match."""
        type_, _, subtype = media_type.partition("/")
        return self.type in ("*", type_) and self.subtype in ("*", subtype)

    @property
    def precedence(self) -> tuple[bool, bool, int]:
        """How specific the range is: `type/subtype` over `type/*` over `*/*`."""
        return self.type != "*", self.subtype != "*", self.parameters


@dataclass(frozen=True)
class Choice(Generic[Offer]):
    """The offer to answer with and the media type to label it with (one the client accepts)."""

    offer: Offer
    media_type: str


def media_ranges(accept: str) -> list[MediaRange]:
    """The media ranges of an Accept header value; malformed ones (and bad q-values) are dropped."""
    ranges = []
    for value, quality in parse_accept_header(accept, MIMEAccept):
        essence, parameters = parse_options_header(value)
        essence = essence.lower()  # media types are case-insensitive
        type_, slash, subtype = ("*/*" if essence == "*" else essence).partition("/")
        if type_ and slash and subtype:
            ranges.append(MediaRange(type_, subtype, len(parameters), quality))
    return ranges


def choose(accept: str, offers: Mapping[Offer, tuple[str, ...]]) -> Choice[Offer] | None:
    """The offer the client accepts best, or None when it accepts none of them.

    `offers` maps each offer, the server's favourite first, to its media types, main type first.
    An offer's quality is that of the most specific range matching any of its media types, and it
    is labelled with the media type that range matched (the main type when several did); q=0
    refuses it. The highest quality wins. Ties go to the offer matched by the more specific range
    (a client sending `application/rdf+xml, */*` or a browser's `text/html, */*` means the type it
    names), then to one matched under its main type, then to the server's order. No Accept header
    means `*/*`.
    """
    ranges = media_ranges(accept or "*/*")
    scored: list[tuple[tuple[float, tuple[bool, bool, int], bool, int], Choice[Offer]]] = []
    for rank, (offer, media_types) in enumerate(offers.items()):
        matched = _deciding_match(ranges, media_types)
        if matched is not None and matched[0].quality > 0:
            deciding, index = matched
            scored.append(((deciding.quality, deciding.precedence, index == 0, -rank),
                           Choice(offer, media_types[index])))
    return max(scored, key=lambda entry: entry[0])[1] if scored else None


def _deciding_match(ranges: list[MediaRange],
                    media_types: tuple[str, ...]) -> tuple[MediaRange, int] | None:
    """The most specific range matching any of the media types (the higher quality among equally
    specific ones, so a client naming an alias is heard), with the index of the type it matched."""
    found = [(r, i) for i, media_type in enumerate(media_types) for r in ranges
             if r.matches(media_type)]
    return max(found, key=lambda m: (m[0].precedence, m[0].quality, -m[1]), default=None)

"""A 9.1.4 indicator code given to a named query that no indicator of the scheme carries:
refused (HTTP 404, exit 2), never answered with no rows.

A parameter named `code` takes a leaf indicator's code (`skos:notation`, "b.1.1"; README.md,
"Parameters"), which is what the actual values are stated for. A code nothing carries (`z.9.9`),
a group's (`b.1`) or an indicator's name given for its code (产业规模) left `indicator-trends`
with no rows, answered 200, while an unknown indicator IRI is 404. The codes are the running
rulebook's indicator scheme (ontology/indicators.ttl) read in this process, asked, as whether the
store names an IRI is (named_iris.py), only when the answer has no rows: a store whose data
does state values under such a code still answers them. The error names the parameter, the value and the codes
likely meant: a group's or category's code gives the codes it holds, an indicator's name (zh or
en) its code, anything else the nearest codes by their text and the indicators' names.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from ..errors import NotFoundError
from ..i18n import Listed, Localized, phrase
from ..indicator_scheme import IndicatorScheme, indicator_scheme

CODE_PARAM = "code"  # the parameter name that takes a 9.1.4 indicator code
NEAREST = 3  # codes named when the value is none of a group, a category or a name


def check_codes_known(names: tuple[str, ...], values: Mapping[str, str]) -> None:
    """NotFoundError when the query's parameter `code` (among the parameter `names`) is given a
    value no leaf indicator of 9.1.4 carries."""
    value = values.get(CODE_PARAM) if CODE_PARAM in names else None
    if not value:
        return
    scheme = indicator_scheme()
    if scheme.indicator(value) is None:
        raise NotFoundError.of("query.unknown_code", name=CODE_PARAM, value=value,
                               hint=_likely_meant(scheme, value))


def _likely_meant(scheme: IndicatorScheme, value: str) -> Localized:
    """What the value likely stands for, as a phrase (see the module)."""
    held = {c.code: (c.labels, [g.code for g in c.groups]) for c in scheme.categories} | {
        g.code: (g.labels, [i.code for i in g.indicators]) for g in scheme.groups}
    if value in held:
        labels, codes = held[value]
        return phrase("query.code_of_broader", value=value, label=Listed((labels,)),
                      codes=_codes(codes))
    by_name = {name.casefold(): i.code for i in scheme.indicators for name in i.labels.values()}
    named = by_name.get(value.strip().casefold())
    if named is not None:
        return phrase("query.code_is_name", value=value, code=named, name=CODE_PARAM)
    texts = {i.code: i.code for i in scheme.indicators} | by_name
    near = difflib.get_close_matches(value.strip().casefold(), list(texts), NEAREST * 2, 0.0)
    codes = list(dict.fromkeys(texts[t] for t in near))[:NEAREST]
    return phrase("query.nearest_codes", codes=_codes(codes))


def _codes(codes: list[str]) -> Listed:
    """Codes listed as each language lists them (b.1.1、b.1.2; b.1.1, b.1.2)."""
    return Listed(tuple({"zh": code, "en": code} for code in codes),
                  separators={"zh": "、", "en": ", "})

"""UI strings of the web app, merged from one module per area; every key has zh and en."""

from __future__ import annotations

from collections.abc import Mapping

from . import api, clusters, common, errors, evaluation, rulebook, sparql

Texts = Mapping[str, Mapping[str, str]]


def _merge(*parts: Texts) -> dict[str, Mapping[str, str]]:
    merged: dict[str, Mapping[str, str]] = {}
    for part in parts:
        clash = merged.keys() & part.keys()
        if clash:
            raise ValueError(f"UI string keys defined twice: {sorted(clash)}")
        merged.update(part)
    return merged


STRINGS = _merge(common.STRINGS, errors.STRINGS, evaluation.STRINGS, clusters.STRINGS,
                 rulebook.STRINGS, sparql.STRINGS, api.STRINGS)

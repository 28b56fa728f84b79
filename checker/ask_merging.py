"""Asks along one path said once: what several shapes ask of one evidence class merged into the
fewest asks a hint says (checker/guidance.py reads them, checker/guidance_model.py holds them)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from rdflib.term import Node

from .guidance_model import Ask, AskKind, Evidence
from .shape_paths import joined, path_steps


def merged_evidence(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """Evidence of one class as one, in order of first mention, its asks merged."""
    by_class: dict[Node, list[Ask]] = {}
    for item in evidence:
        by_class.setdefault(item.cls, []).extend(item.asks)
    merged = {cls: merged_asks(asks) for cls, asks in by_class.items()}
    return tuple(Evidence(cls, asks, _spread(asks)) for cls, asks in merged.items())


def _spread(asks: tuple[Ask, ...]) -> bool:
    """Whether two asks along one path stay apart, one of them for some value among several:
    each is met by a record of its own, or both by one (7.3.2's know-how, its patents)."""
    return any(a.some and any(b is not a and b.path == a.path for b in asks) for a in asks)


def merged_asks(asks: Iterable[Ask]) -> tuple[Ask, ...]:
    """Asks along one path said once: values gathered, a bare ask folded into a fuller one, an
    ask going on from a property of one value said as what that value carries."""
    kept: list[Ask] = []
    for ask in asks:
        for index, known in enumerate(kept):
            if known.path == ask.path and (combined := _combined(known, ask)) is not None:
                kept[index] = combined
                break
        else:
            kept.append(ask)
    return _went_on(_into_options(kept))


def _into_options(asks: list[Ask]) -> list[Ask]:
    """Asks along a path an `either` ask's option asks folded into that option: 9.2.3's value is
    a number where it is given, which is only in the option of a number."""
    kept = list(asks)
    for either in [a for a in asks if a.kind is AskKind.EITHER]:
        options = [list(o) for o in either.options]
        for ask in [a for a in kept if a.kind is not AskKind.EITHER]:
            index = next((i for i, o in enumerate(options) if any(x.path == ask.path for x in o)), None)
            if index is not None:
                options[index].append(ask)
                kept.remove(ask)
        at = kept.index(either)
        kept[at] = replace(either, options=tuple(merged_asks(o) for o in options))
    return kept


def _went_on(asks: list[Ask]) -> tuple[Ask, ...]:
    """Asks whose path goes on from the path of an ask of one value (sh:maxCount 1), or of values
    each of which is asked (the indicators a KPI system includes), folded into what that value
    carries, where the first of the two was: 9.2.3's observation names one cluster, an industrial
    cluster that a cultivation body cultivates, not a cluster twice; 9.2.1's specification names
    its indicators once, each one a KPI system includes."""
    kept = list(asks)
    for ask in asks:
        steps = path_steps(ask.path)
        head = next((h for h in kept if (h.kind is AskKind.EACH_OBJECT or h.single
                                         and h.kind in (AskKind.CLASS, AskKind.ANY))
                     and len(steps) > len(path_steps(h.path))
                     and steps[:len(path_steps(h.path))] == path_steps(h.path)), None)
        if head is None:
            continue
        rest = replace(ask, path=joined(steps[len(path_steps(head.path)):]))
        at = min(kept.index(head), kept.index(ask))
        kept = [a for a in kept if a not in (head, ask)]
        kept.insert(at, replace(head, then=merged_asks((*head.then, rest))))
    return tuple(kept)


def _combined(a: Ask, b: Ask) -> Ask | None:
    """One ask saying what two asks along one path say, None when they ask different things."""
    kinds = {a.kind, b.kind}
    if AskKind.EITHER in kinds:  # two checks under one condition: their options joined
        if kinds != {AskKind.EITHER} or a.options[1:] != b.options[1:]:
            return None
        return replace(a, options=(merged_asks(a.options[0] + b.options[0]), *a.options[1:]))
    if AskKind.ANY in kinds:
        base = b if a.kind is AskKind.ANY else a
    elif a.kind is b.kind and (a.kind is AskKind.VALUE or a.expected == b.expected):
        base = a
    elif kinds == {AskKind.VALUE, AskKind.ONE_OF} and not (a.some or b.some):
        # a value asked, among those allowed (not one value among some: 7.3.2 asks both)
        base = a if a.kind is AskKind.VALUE else b
    elif kinds == {AskKind.EACH_OBJECT, AskKind.CLASS}:  # each indicator, an indicator
        base = a if a.kind is AskKind.EACH_OBJECT else b
    else:
        return None
    expected = tuple(dict.fromkeys(a.expected + b.expected)) \
        if a.kind is b.kind is AskKind.VALUE else base.expected
    return Ask(base.path, base.kind, expected, max(a.count or 0, b.count or 0) or None,
               merged_asks(a.then + b.then), a.single or b.single, base.known, base.closed,
               some=base.some)

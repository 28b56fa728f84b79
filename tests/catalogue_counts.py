"""How many provisions the catalogue holds, by level: read from the one place that states it,
docs/model.md decision 5, so that a provision added or removed means one edit there, not a hunt
through the tests for 132 and 119."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.paths import PROJECT_ROOT

_STATED = re.compile(r"(\d+) provisions in all \((\d+) shall, (\d+) may, (\d+) informative\)")
# What a test pinning a count says when the catalogue no longer has it.
UPDATE = ("the catalogue's counts differ from those docs/model.md states in decision 5 (\"N "
          "provisions in all (N shall, N may, N informative)\"): after adding or removing a "
          "provision, update them there; the tests read them from it")


@dataclass(frozen=True)
class CatalogueCounts:
    """The provisions of the catalogue: all, and by normative level."""

    provisions: int
    shall: int
    may: int
    informative: int


def _stated() -> CatalogueCounts:
    text = " ".join((PROJECT_ROOT / "docs" / "model.md").read_text(encoding="utf-8").split())
    found = _STATED.search(text)
    assert found is not None, "docs/model.md, decision 5, no longer states the counts"
    return CatalogueCounts(*(int(n) for n in found.groups()))


COUNTS = _stated()

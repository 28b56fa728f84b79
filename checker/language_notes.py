"""Language tags a submission writes that name no language but are often meant for one: a
country's code for its language (`@cn` for Chinese, `@us` for English), a system's code for a
script (`@chs`). A label so tagged names a record in no report's language (docs/model.md,
decision 14): its text is shown only where no other label is, and the report says nothing of
why. Each such tag is a note of the report with the number of statements that write it and the
tag meant (decision 15: a note changes no status)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rdflib import Graph, Literal

# Tags mistaken for a language's, by the tag meant: countries' codes (cn, us, uk…), Windows'
# codes for Chinese scripts (chs, cht), ISO 639-2's three-letter codes, which BCP 47 writes with
# the two-letter one (zho, chi, eng).
_MEANT = {"cn": "zh", "chn": "zh", "chs": "zh-Hans", "cht": "zh-Hant", "zho": "zh", "chi": "zh",
          "tw": "zh-TW", "hk": "zh-HK", "us": "en", "uk": "en", "gb": "en", "eng": "en"}


@dataclass(frozen=True)
class TagNote:
    """A language tag written in the submission that is most likely meant as another."""

    written: str  # as the submission writes it, in lower case
    meant: str
    statements: int


def tag_notes(data: Graph) -> tuple[TagNote, ...]:
    """The tags of the submission's texts mistaken for a language's, most written first."""
    counted = Counter(o.language.lower() for o in data.objects()
                      if isinstance(o, Literal) and o.language
                      and o.language.lower().split("-")[0] in _MEANT)
    return tuple(TagNote(tag, _MEANT[tag.split("-")[0]], n)
                 for tag, n in sorted(counted.items(), key=lambda item: (-item[1], item[0])))

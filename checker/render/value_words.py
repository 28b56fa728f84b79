"""Values, kinds of value, languages and paths of one report in words, for a reader who writes no
RDF: a literal by its text alone, a record by its name (with its code, 9.1.4), a datatype as the
kind of value it holds (a year-month-day date), a path step by step."""

from __future__ import annotations

from collections.abc import Callable

from rdflib import BNode, Literal, URIRef
from rdflib.paths import AlternativePath
from rdflib.term import Node

from ..i18n import MESSAGES, Lang, message
from ..labels import NAME_CHARS
from ..report import Report
from ..shape_paths import ShapePath, path_properties
from .cells import printable_cut
from .naming import base_of, indefinite_article
from .term_namer import TermNamer
from .wording import datatype_kind, path_in_words

VALUE_CHARS = 60  # a value quoted in a lack is cut beyond this
ALLOWED_SHOWN = 12  # the values a list allows named in a lack before "and n more"
LISTED = {"zh": "、", "en": ", "}


class ValueNamer(TermNamer):
    """Names the nodes, values and paths of one report in one language."""

    def __init__(self, report: Report, lang: Lang) -> None:
        super().__init__(report.labels, lang, base_of(report), report.kinds)
        self.codes = report.codes
        self.jsonld_xsd, self.rated = report.jsonld_xsd, report.rated
        self.meant = report.records_meant
        self.prefixes, self.value_places = report.prefixes, report.value_places
        self.formats, self.record_places = report.formats, report.record_places

    def quoted(self, node: Node | None, limit: int = NAME_CHARS) -> str:
        """A node's name in quotation marks, with its code after it where it has one (9.1.4's
        indicators: “location advantage” (a.1.1))."""
        code = self.codes.get(node) if node is not None else None
        coded = message("report.value.code", self.lang, code=code) if code else ""
        return f"“{self.name(node, limit)}”{coded}"

    def value(self, node: Node | None) -> str:
        """A value as a lack quotes it: a literal by its text alone, no RDF notation, anything else
        by its name, in quotation marks (cut at VALUE_CHARS characters); a record with no label
        as an unnamed record of its class."""
        if isinstance(node, BNode) and not self.labels.get(node):
            return self.name(node)
        if isinstance(node, Literal):
            return f"“{printable_cut(str(node), VALUE_CHARS)[0]}”"
        return self.quoted(node, VALUE_CHARS)

    def kind(self, datatype: Node | None, form: str = "a") -> str:
        """The kind of value a datatype holds, in words: as a value is given ("a"), as it is
        asked for, the way people write one ("asked": a year-month-day date, e.g. 2021-06-30),
        or as its text is written ("well_formed": a year in digits; else as asked)."""
        kind = datatype_kind(datatype)
        if kind is None:
            local = str(datatype).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            return message("report.value.a.other", self.lang, name=local)
        forms = (form, "asked", "a") if form == "well_formed" else (form, "a")
        keys = [key for f in forms if (key := f"report.value.{f}.{kind}") in MESSAGES]
        return message(keys[0], self.lang)

    def given_kind(self, literal: Literal) -> str:
        """After a quoted literal: the kind of value it was given as."""
        return message("report.lack.given_as", self.lang, kind=self.kind(literal.datatype))

    def given_as(self, node: Node | None, form: str, datatype_asked: bool) -> str:
        """After a quoted literal: the kind of value it was given as, where it says more than the
        words of what is asked (which may go on in brackets, as 9.2.3's “a number (…)” does); for text only
        where a kind of value (a date) is asked."""
        if not isinstance(node, Literal):
            return ""
        given = self.kind(node.datatype)
        said = form == given or form.startswith((f"{given} (", f"{given}（"))
        if said or (datatype_kind(node.datatype) == "text" and not datatype_asked):
            return ""
        return self.given_kind(node)

    def language(self, tag: Node | None) -> str:
        """A language asked for (sh:languageIn), by name where the catalogue has one."""
        key = f"report.value.language.{str(tag).lower()}"
        return message(key, self.lang) if key in MESSAGES else \
            message("report.value.language.other", self.lang, tag=str(tag))

    def allowed(self, values: tuple[Node, ...]) -> str:
        """The values a list allows, each named in quotation marks, in the list's order; beyond
        ALLOWED_SHOWN, how many more."""
        named = LISTED[self.lang].join(f"“{self.name(v)}”" for v in values[:ALLOWED_SHOWN])
        if len(values) > ALLOWED_SHOWN:
            named += message("report.lack.allowed_more", self.lang, n=len(values) - ALLOWED_SHOWN)
        return named

    def one(self, label: str) -> str:
        """A label quoted as one thing: “label” in Chinese, with "a" or "an" in English unless
        it has one (a shape's words, 8.3.4 —2's “an agent, such as an organisation, …”; 7.5.2's
        “the body that cultivates this cluster or a member of it”)."""
        quoted = f"“{label}”"
        if self.lang != "en" or label.startswith(("a ", "an ", "the ")):
            return quoted
        return f"{indefinite_article(label)} {quoted}"

    def path(self, steps: tuple[tuple[URIRef, bool], ...],
             by_last: Callable[[], str] | None = None) -> str:
        """A path in words, step by step, each property quoted by its label."""
        return path_in_words(steps, self.lang, lambda p: f"“{self.name(p)}”", by_last)

    def path_of(self, path: ShapePath | None) -> str:
        """A shape's path in words: step by step, alternatives one after the other."""
        if isinstance(path, AlternativePath):
            return message("report.path.or", self.lang).join(self.path_of(p) for p in path.args)
        return self.path(path_properties(path))

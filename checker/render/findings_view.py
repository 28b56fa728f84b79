"""Findings as sentences in the report's language: which submission record came closest and what
it lacks, every record and term named by its label (checker/findings.py holds the model).

Said for a reader who writes no RDF, as the hints are (checker/render/wording.py): a path step by
step, a value as written and what is wrong with it in words (not a year-month-day date, not a
number), a record with no label by its class, never a path's, a datatype's or a blank node's
notation. A record it points to that lacks one thing is said in the same sentence."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from rdflib import RDF, BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.paths import AlternativePath
from rdflib.term import Node

from ..findings import UNDESCRIBED, Candidate, Diagnosis, Finding, Lack, text_given, value_of
from ..namespaces import SHP
from ..i18n import MESSAGES, Lang, message
from ..labels import NAME_CHARS, Labels
from ..report import Report
from ..unknown_terms import Place
from ..shacl import Severity
from ..shape_paths import ShapePath, path_properties
from ..term_texts import term_named
from .cells import printable_cut
from .naming import base_of, indefinite_article, pick, short_node
from .figures import read_figure
from .wording import datatype_kind, path_in_words, reference_form, typed_form

NODES_SHOWN = 5  # nodes listed under one finding before "… and n more"
VALUE_CHARS = 60  # a value quoted in a lack is cut beyond this
ALLOWED_SHOWN = 12  # the values a list allows named in a lack before "and n more"
_LISTED = {"zh": "、", "en": ", "}
_WAYS = {"zh": "；", "en": "; "}  # between the ways of a path of alternatives
_LACK_KEYS = {"HasValueConstraintComponent": "has_value", "MinCountConstraintComponent": "min_count",
              "MaxCountConstraintComponent": "max_count", "ClassConstraintComponent": "class",
              "DatatypeConstraintComponent": "datatype", "InConstraintComponent": "in",
              "PatternConstraintComponent": "pattern", "NodeConstraintComponent": "node",
              "OrConstraintComponent": "or", "QualifiedMinCountConstraintComponent": "qualified",
              "LanguageInConstraintComponent": "language", "NotConstraintComponent": "not_kind",
              "NodeKindConstraintComponent": "node_kind", UNDESCRIBED: "undescribed"}
# The forms of a figure (shapes/common.ttl): a value failing one is no number.
_NUMBER_SHAPES = frozenset({SHP.Number, SHP.ObservedNumber})
_OF_VALUES = ("class", "datatype", "pattern", "in", "or", "language",  # said of a value
              "text_for_record")
# Lacks said as what the record does or is ("lacks …", "has no …"): said of a record it points to
# in the same sentence (report.lack.of_value).
_PREDICATES = ("min_count", "max_count", "qualified", "qualified_by", "qualified_any",
               "qualified_language", "self.class")
_COUNTED = {"min_count": "at_least", "qualified": "at_least", "qualified_by": "at_least",
            "qualified_inverse": "at_least", "qualified_unmet_inverse": "at_least",
            "max_count": "at_most"}


@dataclass(frozen=True)
class NodeLine:
    """A submission node as a report names it, and what it lacks."""

    name: str  # its label in the report's language, else its shortened IRI (TermNamer.name)
    iri: str  # its shortened IRI, "" when `name` already is or it has none (a blank node)
    lacks: tuple[LackLine, ...]
    place: str = ""  # where it is described, as file:line; "" when the report does not know


@dataclass(frozen=True)
class LackLine:
    """One lack as a sentence, with the values that came closest to what is asked."""

    text: str
    closest: tuple[NodeLine, ...]


@dataclass(frozen=True)
class FindingView:
    """A finding in one language: its message, the messages folded under it, the nodes that
    do not exist, the nodes that came closest."""

    message: str
    also: tuple[str, ...]
    severity: Severity
    missing: tuple[str, ...]
    nodes: tuple[NodeLine, ...]
    more: int
    # Said above the nodes where they are levels of a rating scale, listed best first (9.2.3).
    order: str = ""


class TermNamer:
    """Names nodes by their labels in one language, else by their shortened IRIs (those under
    `base` as `…/local`); a blank node, which has no IRI to show, by its label in another
    language, else as an unnamed record of its class (`kinds`). A rulebook page names the
    standard's terms with one and no base."""

    def __init__(self, labels: Labels, lang: Lang, base: str | None = None,
                 kinds: Mapping[Node, Node] | None = None) -> None:
        self.labels, self.lang, self.base = labels, lang, base
        self.kinds: Mapping[Node, Node] = kinds or {}

    def label(self, node: Node) -> str | None:
        """The node's label in the language (or untagged), None when it has none."""
        found = self.labels.get(node, {})
        return found.get(self.lang) or found.get("") or None

    def name(self, node: Node | None, limit: int = NAME_CHARS) -> str:
        """The node's label, else its shortened IRI (or a literal's form); a blank node's label
        in any language, else an unnamed record of its class."""
        if node is None:
            return ""
        if (label := self.label(node)) is not None:
            return label
        if isinstance(node, BNode):
            if found := pick(self.labels.get(node, {}), self.lang):
                return found
            kind = self.kinds.get(node)
            if kind is None:
                return message("report.record.unnamed_untyped", self.lang)
            return message("report.record.unnamed", self.lang, kind=self.name(kind))
        return short_node(node, self.base, limit)


class Namer(TermNamer):
    """Names nodes and terms of one report in one language, and says what records lack."""

    def __init__(self, report: Report, lang: Lang) -> None:
        super().__init__(report.labels, lang, base_of(report), report.kinds)
        self.places, self.codes, self.ranks = report.record_places, report.codes, report.ranks
        self.value_places = report.value_places

    def quoted(self, node: Node | None, limit: int = NAME_CHARS) -> str:
        """A node's name in quotation marks, with its code after it where it has one (9.1.4's
        indicators: “location advantage” (a.1.1))."""
        code = self.codes.get(node) if node is not None else None
        coded = message("report.value.code", self.lang, code=code) if code else ""
        return f"“{self.name(node, limit)}”{coded}"

    def node_line(self, candidate: Candidate, value: Node | None = None,
                  record: Node | None = None) -> NodeLine:
        """A candidate named (beside its IRI; a blank node has none) and placed in the files
        (`place_of`), with its lacks as sentences."""
        iri = short_node(candidate.node, self.base)
        name = self.name(candidate.node)
        place = self.place_of(candidate, value, record)
        return NodeLine(name, iri if iri != name else "",
                        tuple(self.lack_line(x, candidate.node) for x in candidate.lacks),
                        f"{place.file}:{place.line}" if place is not None else "")

    def place_of(self, candidate: Candidate, value: Node | None = None,
                 record: Node | None = None) -> Place | None:
        """Where a candidate is in the files: a text that came closest where `record` writes it;
        a record the finding is about by one value where the `value` is written (6.2 d): its later
        date; 9.2.3: a figure "35.2%"; a malformed date), which may be in another file than its
        description; else where the record is described."""
        if record is not None and isinstance(candidate.node, Literal):
            return self.value_places.get((record, candidate.node))
        if value is not None and \
                (place := self.value_places.get((candidate.node, value))) is not None:
            return place
        return self.places.get(candidate.node)

    def lack_line(self, lack: Lack, record: Node | None = None) -> LackLine:
        """A lack of `record` as a sentence, with the values that came closest where the sentence
        does not already say what the one of them lacks."""
        said, nested, _key = self._said(lack)
        return LackLine(self._placed(said, lack, record),
                        tuple(self.node_line(c, record=record) for c in lack.closest)
                        if nested else ())

    def lack_text(self, lack: Lack, record: Node | None = None) -> str:
        """What a node lacks, in words: the path, and the value, class, count or form expected."""
        return self._placed(self._said(lack)[0], lack, record)

    def lack_place(self, lack: Lack, record: Node | None) -> Place | None:
        """Where the text a lack of `record` finds where a record is asked is written (9.1.1)."""
        text = text_given(lack)
        return self.value_places.get((record, text)) if text is not None and record else None

    def _placed(self, said: str, lack: Lack, record: Node | None) -> str:
        """A lack's sentence, with where its text is written when it finds a text where a record
        is asked and the report knows the place."""
        if (place := self.lack_place(lack, record)) is None:
            return said
        return said + message("report.lack.written_at", self.lang,
                              place=f"{place.file}:{place.line}")

    def _said(self, lack: Lack) -> tuple[str, bool, str]:
        """The sentence, whether the values that came closest are still to be listed under it, and
        the sentence's key. The one value a lack names, where it lacks one thing, is said in the
        same sentence: a value that fails a nested shape one way (a malformed date, a role not
        allowed), a record it points to that lacks one thing (a member with no name), the
        value a path of several steps stopped at (an observation's cluster, which no body
        cultivates)."""
        key, steps = self.key(lack), path_properties(lack.path)
        if key == "qualified_language":  # what its texts are in goes without saying
            return self._sentence(lack, key), False, key
        if key == "either":
            return self._either(lack), bool(lack.closest), key
        if key == "max_beside":
            return self._beside(lack), False, key
        only = lack.closest[0] if len(lack.closest) == 1 else None
        if only is not None and len(only.lacks) == 1 and (lack.count or 1) == 1 \
                and only.lacks[0].shape == lack.shape and only.lacks[0].path is not None:
            # The path stopped at it (checker/diagnosis.py, `_stopped`): the rest it lacks.
            said, nested, _said_as = self._said(only.lacks[0])
            if not nested:
                rest = len(path_properties(only.lacks[0].path))
                return message("report.lack.reached", self.lang, lack=said,
                               property=self.path(steps[:len(steps) - rest]),
                               value=self.value(only.node)), False, "reached"
        if only is not None and len(only.lacks) == 1 and (lack.count or 1) == 1 \
                and key == "qualified_unmet_inverse":  # the one record referring to it, and why
            said, nested, _said_as = self._said(only.lacks[0])
            if not nested:
                return message("report.lack.referrer", self.lang, value=self.value(only.node),
                               property=f"“{self.name(steps[0][0])}”", lack=said), False, "referrer"
        if only is not None and len(only.lacks) == 1 and (lack.count or 1) == 1 \
                and key in ("node", "min_count", "qualified", "qualified_any"):
            (inner,) = only.lacks
            if inner.path is None:  # the value itself: its form, its class, its language
                inner = replace(inner, path=lack.path, value=only.node, unit=lack.unit)
                return self._sentence(inner), False, self.key(inner)
            said, nested, said_as = self._said(inner)
            if not nested and key != "min_count" and said_as in _PREDICATES:
                return message("report.lack.of_value", self.lang, property=self.path(steps),
                               value=self.value(only.node), lack=said), False, "of_value"
        return self._sentence(lack, key), bool(lack.closest), key

    def key(self, lack: Lack) -> str:
        """The sentence a lack takes (report.lack.<key>), by its constraint and path."""
        steps = path_properties(lack.path)
        key = _LACK_KEYS.get(lack.constraint, "other")
        if isinstance(lack.path, AlternativePath):  # each way said on its own (7.2.2.2)
            return "either"
        if key == "qualified" and lack.expected is None:  # a qualifier naming no term (sh:in)
            return "qualified_any"
        if key == "max_count" and lack.count == 0 and lack.closest:  # no value beside another
            return "max_beside"
        if key == "node_kind" and not isinstance(lack.value, Literal):
            return "other"
        if key == "class" and isinstance(lack.value, Literal):  # a text where a record is asked
            key = "text_for_record"
        if key == "has_value" and lack.expected is None:  # the term it should name (9.2.1)
            return "names_not"
        if key == "qualified" and isinstance(lack.expected, Literal):  # a language asked
            return "qualified_language"
        if not steps or (steps == ((RDF.type, False),) and key == "class"):  # the node itself
            return f"self.{key}" if key in _OF_VALUES else key
        if key == "node" and steps == ((steps[0][0], True),):  # a record referring to it fails
            return "node_inverse"
        if key in ("min_count", "qualified") and steps[-1][1]:  # a record refers to it
            if len(steps) == 1 and lack.expected is None:
                return "min_count_inverse"
            if len(steps) == 1:  # records of the kind refer to it, none as asked: said so
                return "qualified_unmet_inverse" if lack.closest else "qualified_inverse"
            return "qualified_by" if key == "qualified" else key
        if key == "qualified" and len(steps) > 1 and steps[0][1]:  # a record referring to it has…
            return "qualified_from_referrer"
        return key

    def _beside(self, lack: Lack) -> str:
        """A value the shape allows none of beside another property's (9.2.3: a number beside a
        rated level), both quoted: one of them is to go."""
        other = lack.closest[0].lacks[0].path
        return message("report.lack.max_beside", self.lang,
                       property=self.path(path_properties(lack.path)), value=self.value(lack.value),
                       other=self.path(path_properties(other)),
                       others=_LISTED[self.lang].join(self.value(c.node) for c in lack.closest))

    def _either(self, lack: Lack) -> str:
        """A lack along a path of alternatives: what each way lacks, said as that way alone
        (7.2.2.2: no body has the agency as its unit; no record naming it as member names the
        body), any one of them sufficing."""
        assert isinstance(lack.path, AlternativePath)
        ways = (self._sentence(replace(lack, path=way)) for way in lack.path.args)
        return message("report.lack.either", self.lang, ways=_WAYS[self.lang].join(ways))

    def _sentence(self, lack: Lack, key: str | None = None) -> str:
        key = key or self.key(lack)
        steps = path_properties(lack.path)
        expected = self.name(lack.expected)
        # A class asked at the end of a step backwards: the record that refers to the value.
        by_class = lack.expected is not None and len(steps) > 1 and steps[-1][1] \
            and key in ("min_count", "qualified_by")
        # Records of that class refer to the value, none as asked (the lines under it say why).
        one = (lambda: message("report.lack.as_asked", self.lang, a_expected=self._one(expected))) \
            if lack.closest else (lambda: self._one(expected))
        prop = self.path(steps, one if by_class else None) \
            if not key.endswith("_inverse") else f"“{self.name(steps[0][0])}”"  # refers to it
        article = indefinite_article(self.name(steps[0][0]) if steps else "")
        values = {"property": prop, "expected": expected,
                  "a_expected": one() if key == "qualified" and _kind_shown(lack)
                  else self._one(expected),
                  "a_property": f"{article} {prop}" if self.lang == "en" else prop,
                  "value": self.value(lack.value)}
        if key == "qualified_from_referrer":  # the step backwards, then the rest from that record
            values |= {"step": f"“{self.name(steps[0][0])}”", "rest": self.path(steps[1:]),
                       "a_expected": one()}
        datatype_asked = key.removeprefix("self.") == "datatype"
        figure = self._figure(lack, key)
        plain = figure is not None or (self._number_asked(lack, key) and _has_digit(lack.value))
        key, values["form"], values["kind"] = self._of_value(lack, key, plain)
        values["given"] = self._given_as(lack.value, values["form"], datatype_asked)
        if key.removeprefix("self.") == "text_for_record" and isinstance(lack.value, Literal):
            values["kind"] = self.kind(lack.value.datatype)
            values["given"] = message("report.lack.given_as", self.lang, kind=values["kind"])
        if key in ("language", "self.language", "qualified_language"):
            values["language"] = self.language(lack.expected)
        if key in ("in_one", "self.in_one", "in_listed", "self.in_listed"):
            values["allowed"] = self._allowed(lack.allowed)
        term_hint = self._term_hint(lack, key)
        if term_hint and key != "has_value" and isinstance(lack.value, Literal):
            # A text where a listed value is asked: said to be one.
            values["given"] = message("report.lack.given_as", self.lang,
                                      kind=self.kind(lack.value.datatype))
        text = message(f"report.lack.{key}", self.lang, **values) + term_hint
        if datatype_asked and key.endswith("not") and (
                typed := typed_form(lack.value, lack.expected)) is not None:
            text += message("report.lack.write_typed" if typed.own else "report.lack.typed_example",
                            self.lang, text=typed.text, curie=typed.curie, iri=typed.datatype)
        if key.endswith("text_for_record"):
            form = reference_form(str(lack.value))
            text += message("report.lack.write_reference" if form.own
                            else "report.lack.reference_example", self.lang,
                            turtle=form.turtle, iri=form.iri)
        if figure is not None:
            text += figure
        if lack.expected is not None and key == "min_count" and not by_class:
            text += message("report.lack.of_class", self.lang, **values)
        if (counted := _COUNTED.get(key)) and lack.count and (lack.count > 1 or counted == "at_most"):
            text += message(f"report.lack.{counted}", self.lang, n=lack.count)
        return text

    def _figure(self, lack: Lack, key: str) -> str | None:
        """After a figure written where a number is asked and read with certainty ("35.2%",
        "35,2%", "１２％", "约35.2%", checker/render/figures.py): write the number alone, the unit
        where the ontology keeps it (9.2.3's “unit of measure”), else without it (5.2.3's
        concentration value), a word before it in a note; None for any other lack."""
        figure = read_figure(lack.value)
        if figure is None or not self._number_asked(lack, key):
            return None
        if not figure.unit:
            said = message("report.lack.number_plain", self.lang, number=figure.number)
        elif lack.unit is None:
            said = message("report.lack.number_without_unit", self.lang, number=figure.number)
        else:
            said = message("report.lack.number_and_unit", self.lang, number=figure.number,
                           unit=figure.unit, unit_property=f"“{self.name(lack.unit)}”")
        if figure.word:
            said += message("report.lack.word_in_note", self.lang, word=figure.word)
        return said

    def _term_hint(self, lack: Lack, key: str) -> str:
        """After a text given where a term is asked — a listed value (sh:in: org:role "行业内企业"),
        a value asked (sh:hasValue, 9.4.2: bcic:covers "bcic:PlanPhase") — how to refer to the
        term: the one the text names, else one allowed as an example; "" for any other lack."""
        if not isinstance(text := lack.value, Literal):
            return ""
        if key == "has_value" and lack.expected is not None:
            given = message("report.lack.given_as_text", self.lang, value=self.value(text))
            return given + self._write_term(lack.expected, True)
        if key.removeprefix("self.") not in ("in", "in_one", "in_listed") or not lack.allowed:
            return ""
        labels = {t: tuple(self.labels.get(t, {}).values()) for t in lack.allowed}
        named = term_named(str(text), lack.allowed, labels)
        return self._write_term(named if named is not None else lack.allowed[0], named is not None)

    def _write_term(self, term: Node, own: bool) -> str:
        """How to refer to a term, in Turtle and in JSON-LD; as an example where not `own`."""
        form = reference_form(short_node(term, None))
        return message("report.lack.write_term" if own else "report.lack.term_example",
                       self.lang, turtle=form.turtle, iri=form.iri)

    @staticmethod
    def _number_asked(lack: Lack, key: str) -> bool:
        """Whether a lack asks for a number: a number's form (shp:Number, shp:ObservedNumber) or
        a datatype of numbers."""
        asked = key.removeprefix("self.")
        if asked in ("pattern", "or", "node"):
            return lack.shape in _NUMBER_SHAPES
        return asked == "datatype" and datatype_kind(lack.expected) in ("number", "integer")

    def _of_value(self, lack: Lack, key: str, figure: bool = False) -> tuple[str, str, str]:
        """The sentence a lack about a value takes, what the value should be in words, and the
        kind asked: a datatype as the kind of value it holds (one of that kind in a form it does
        not have is not valid as one), a form by the words its shape gives (shp:Number's label),
        a number plainly for a `figure` written with its unit (the sentence then says how to
        write it; shp:ObservedNumber's words on ratings are for values that may be one: a
        value with a digit in it is an attempt at a number, said to be none plainly)."""
        kind_of = key.removeprefix("self.")
        own = key[:len(key) - len(kind_of)]
        if figure and kind_of in ("pattern", "or", "node"):
            return f"{own}not", self.kind(XSD.decimal), ""
        if kind_of == "datatype":
            asked = self.kind(lack.expected, "asked")
            if isinstance(lack.value, Literal) and lack.value.datatype == lack.expected:
                return f"{own}ill_formed", asked, self.kind(lack.expected)
            return f"{own}not", asked, ""
        if kind_of in ("pattern", "or") and (form := self.label(lack.shape)) is not None:
            return f"{own}not", form, ""
        if key == "not_kind":  # a member of a kind its role does not take (4.1), by its label
            if (form := self.label(lack.expected)) is not None:
                return "is_kind", form, ""  # a kind refused, by its own label (9.2.3)
            form = self.label(lack.shape)
            return (key, form, "") if form is not None else ("other", "", "")
        if kind_of == "in" and lack.allowed:  # the values allowed named: the one, or the list
            return f"{key}_one" if len(lack.allowed) == 1 else f"{key}_listed", "", ""
        if key == "node" and isinstance(lack.value, Literal):  # a value failing in several ways
            return "pattern", "", ""
        return key, "", ""

    def _allowed(self, values: tuple[Node, ...]) -> str:
        """The values a list allows, each named in quotation marks, in the list's order; beyond
        ALLOWED_SHOWN, how many more."""
        named = _LISTED[self.lang].join(f"“{self.name(v)}”" for v in values[:ALLOWED_SHOWN])
        if len(values) > ALLOWED_SHOWN:
            named += message("report.lack.allowed_more", self.lang, n=len(values) - ALLOWED_SHOWN)
        return named

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
        """The kind of value a datatype holds, in words: as a value is given ("a"), or as it is
        asked for, the way people write one ("asked": a year-month-day date, e.g. 2021-06-30)."""
        kind = datatype_kind(datatype)
        if kind is None:
            local = str(datatype).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            return message("report.value.a.other", self.lang, name=local)
        key = f"report.value.{form}.{kind}"
        return message(key if key in MESSAGES else f"report.value.a.{kind}", self.lang)

    def language(self, tag: Node | None) -> str:
        """A language asked for (sh:languageIn), by name where the catalogue has one."""
        key = f"report.value.language.{str(tag).lower()}"
        return message(key, self.lang) if key in MESSAGES else \
            message("report.value.language.other", self.lang, tag=str(tag))

    def _given_as(self, node: Node | None, form: str, datatype_asked: bool) -> str:
        """After a quoted literal: the kind of value it was given as, where it says more than the
        words of what is asked (which may go on in brackets, as 9.2.3's “a number (…)” does); for text only
        where a kind of value (a date) is asked."""
        if not isinstance(node, Literal):
            return ""
        given = self.kind(node.datatype)
        said = form == given or form.startswith((f"{given} (", f"{given}（"))
        if said or (datatype_kind(node.datatype) == "text" and not datatype_asked):
            return ""
        return message("report.lack.given_as", self.lang, kind=given)

    def path(self, steps: tuple[tuple[URIRef, bool], ...],
             by_last: Callable[[], str] | None = None) -> str:
        """A path in words, step by step, each property quoted by its label."""
        return path_in_words(steps, self.lang, lambda p: f"“{self.name(p)}”", by_last)

    def path_of(self, path: ShapePath | None) -> str:
        """A shape's path in words: step by step, alternatives one after the other."""
        if isinstance(path, AlternativePath):
            return message("report.path.or", self.lang).join(self.path_of(p) for p in path.args)
        return self.path(path_properties(path))

    def _one(self, label: str) -> str:
        """A label quoted as one thing: “label” in Chinese, with "a" or "an" in English."""
        quoted = f"“{label}”"
        return f"{indefinite_article(label)} {quoted}" if self.lang == "en" else quoted

    def missing(self, finding: Finding) -> tuple[str, ...]:
        """The absences of a finding, one sentence per property looked along; then the terms
        whose records came closest, none as asked (`Finding.unmet`: 9.2.1's indicators), one
        sentence per property too."""
        said = []
        for via, listed in self._by_via(finding.absences).items():
            if via == RDF.type:
                said.append(message("report.missing.instances", self.lang, about=listed))
            else:
                said.append(message("report.missing.via", self.lang, about=listed,
                                    via=self.name(via)))
        said += [message("report.missing.unmet_via", self.lang, about=listed, via=self.name(via))
                 for via, listed in self._by_via(finding.unmet).items()]
        return tuple(said)

    def _by_via(self, diagnoses: tuple[Diagnosis, ...]) -> dict[URIRef | None, str]:
        """The terms the diagnoses looked from, listed, by the property each looked along."""
        by_via: dict[URIRef | None, list[str]] = {}
        for d in diagnoses:
            by_via.setdefault(d.via, []).append(self.quoted(d.about))
        return {via: _LISTED[self.lang].join(dict.fromkeys(names)) for via, names in by_via.items()}

    def view(self, finding: Finding, limit: int | None = NODES_SHOWN) -> FindingView:
        """A finding in the language; at most `limit` nodes listed (None: all)."""
        candidates = list({c.node: c for d in finding.diagnoses for c in d.candidates}.values())
        shown = candidates if limit is None else candidates[:limit]
        values = values_about(finding)
        says_missing = all(d.absent for d in finding.diagnoses) and not finding.also and all(
            d.result.constraint == "MinCountConstraintComponent" for d in finding.diagnoses)
        return FindingView(
            message=pick(finding.message, self.lang),
            also=tuple(pick(m, self.lang) for m in finding.also),
            severity=finding.severity,
            # An existence finding's message already says the node is missing: said once.
            missing=() if says_missing and len(finding.diagnoses) == 1 else self.missing(finding),
            nodes=tuple(self.node_line(c, values.get(c.node)) for c in shown),
            more=len(candidates) - len(shown),
            order=message("report.result.best_first", self.lang)
            if sum(c.node in self.ranks for c in candidates) > 1 else "",
        )


def _has_digit(value: Node | None) -> bool:
    """Whether a literal has a digit in it (full-width ones too): written as a number, not as a
    level of a rating scale."""
    return isinstance(value, Literal) and any(c.isdigit() for c in str(value))


def values_about(finding: Finding) -> dict[Node, Node]:
    """The one value each record of a finding is about (`value_of`: 6.2 d)'s later date, 9.2.3's
    figure with its unit), to place it where that value is written."""
    return {c.node: v for d in finding.diagnoses for c in d.candidates
            if (v := value_of(d, c)) is not None}


def _kind_shown(lack: Lack) -> bool:
    """Whether a qualified lack's candidates include one of the class it asks for, which then
    fails in other ways (an evidence document, not attributed as asked): the line says "meeting
    the requirement", or it would read as if there were none of that class."""
    return any(not any(inner.constraint == "ClassConstraintComponent" and inner.path is None
                       for inner in candidate.lacks) for candidate in lack.closest) \
        and not str(lack.expected).startswith(str(SHP))

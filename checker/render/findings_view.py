"""Findings as sentences in the report's language: which submission node came closest and what
it lacks, every node and term named by its label (checker/findings.py holds the model)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rdflib import RDF, XSD, Literal, URIRef
from rdflib.term import Node

from ..findings import Candidate, Finding, Lack
from ..i18n import Lang, message
from ..labels import Labels
from ..report import Report
from ..shacl import Severity
from ..shape_paths import path_properties
from .cells import printable_cut
from .naming import base_of, indefinite_article, pick, short_node

NODES_SHOWN = 5  # nodes listed under one finding before "… and n more"
VALUE_CHARS = 60  # a value quoted in a lack is cut beyond this
_LISTED = {"zh": "、", "en": ", "}
_LACK_KEYS = {"HasValueConstraintComponent": "has_value", "MinCountConstraintComponent": "min_count",
              "MaxCountConstraintComponent": "max_count", "ClassConstraintComponent": "class",
              "DatatypeConstraintComponent": "datatype", "InConstraintComponent": "in",
              "PatternConstraintComponent": "pattern", "NodeConstraintComponent": "node",
              "OrConstraintComponent": "or", "QualifiedMinCountConstraintComponent": "qualified"}


@dataclass(frozen=True)
class NodeLine:
    """A submission node as a report names it, and what it lacks."""

    name: str  # its label in the report's language, else its shortened IRI
    iri: str  # its shortened IRI, "" when `name` already is
    lacks: tuple[LackLine, ...]


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


def _literal_lack(lack: Lack) -> Lack | None:
    """The one lack of the one literal value a sh:node lack holds (its datatype, its form, none of
    the forms accepted), the value filled in; None otherwise."""
    if _LACK_KEYS.get(lack.constraint) != "node" or len(lack.closest) != 1:
        return None
    (candidate,) = lack.closest
    if not isinstance(candidate.node, Literal) or len(candidate.lacks) != 1:
        return None
    (inner,) = candidate.lacks
    if inner.path is not None or _LACK_KEYS.get(inner.constraint) not in ("datatype", "pattern", "or"):
        return None
    return replace(inner, value=candidate.node)


class TermNamer:
    """Names nodes by their labels in one language, else by their shortened IRIs (those under
    `base` as `…/local`); a rulebook page names the standard's terms with one and no base."""

    def __init__(self, labels: Labels, lang: Lang, base: str | None = None) -> None:
        self.labels, self.lang, self.base = labels, lang, base

    def label(self, node: Node) -> str | None:
        """The node's label in the language (or untagged), None when it has none."""
        found = self.labels.get(node, {})
        return found.get(self.lang) or found.get("") or None

    def name(self, node: Node | None, limit: int | None = None) -> str:
        """The node's label, else its shortened IRI (or a literal's form)."""
        if node is None:
            return ""
        return self.label(node) or short_node(node, self.base, limit)


class Namer(TermNamer):
    """Names nodes and terms of one report in one language."""

    def __init__(self, report: Report, lang: Lang) -> None:
        super().__init__(report.labels, lang, base_of(report))

    def node_line(self, candidate: Candidate) -> NodeLine:
        """A candidate named, with its lacks as sentences."""
        iri = short_node(candidate.node, self.base)
        name = self.name(candidate.node)
        return NodeLine(name, iri if iri != name else "",
                        tuple(self.lack_line(x) for x in candidate.lacks))

    def lack_line(self, lack: Lack) -> LackLine:
        """A lack as a sentence; a literal that fails a nested shape in one way (a malformed
        date) is said in that one sentence, not as an incomplete value holding a lack."""
        inner = _literal_lack(lack)
        if inner is not None:
            return LackLine(self.lack_text(replace(inner, path=lack.path)), ())
        return LackLine(self.lack_text(lack), tuple(self.node_line(c) for c in lack.closest))

    def lack_text(self, lack: Lack) -> str:
        """What a node lacks, in words: the property, the value, class or count expected."""
        steps = path_properties(lack.path)
        key = _LACK_KEYS.get(lack.constraint, "other")
        if key == "qualified" and lack.expected is None:  # a qualifier naming no term (sh:in)
            key = "qualified_any"
        elif not steps or steps == ((RDF.type, False),):
            key = f"self.{key}" if key in ("class", "datatype", "pattern", "in", "or") else key
        elif key in ("min_count", "qualified", "node") and steps[0][1] and len(steps) == 1:
            key = f"{key}_inverse"
        if key.endswith("datatype") and isinstance(lack.value, Literal) \
                and lack.value.datatype == lack.expected:  # of the datatype, not in its form
            key = key.replace("datatype", "ill_formed")
        prop = " › ".join(self.name(p) for p, _inverse in steps)
        count = lack.count if lack.count and lack.count > 1 else None
        expected = self.name(lack.expected)
        articles = {"a_expected": self._one(expected), "a_property": self._one(prop)}
        text = message(f"report.lack.{key}", self.lang, property=prop, expected=expected,
                       value=self.value(lack.value), given=self._given_as(lack.value),
                       **articles)
        if lack.expected is not None and key in ("min_count", "min_count_inverse"):
            text += message("report.lack.of_class", self.lang, expected=expected, **articles)
        if count:
            text += message("report.lack.at_least", self.lang, n=count)
        return text

    def value(self, node: Node | None) -> str:
        """A value as a lack quotes it: a literal by its text alone, no RDF notation (the
        message's quotation marks are its only ones), anything else by its name; cut at
        VALUE_CHARS characters."""
        if not isinstance(node, Literal):
            return self.name(node, VALUE_CHARS)
        return printable_cut(str(node), VALUE_CHARS)[0]

    def _given_as(self, node: Node | None) -> str:
        """After a quoted literal of a datatype other than text (a year, a number…): the
        datatype it was given as, in words; "" for text and for anything but a literal."""
        if not isinstance(node, Literal) or node.datatype in (None, XSD.string):
            return ""
        return message("report.lack.given_as", self.lang, datatype=self.name(node.datatype))

    def _one(self, label: str) -> str:
        """A label quoted as one thing: “label” in Chinese, with "a" or "an" in English."""
        quoted = f"“{label}”"
        return f"{indefinite_article(label)} {quoted}" if self.lang == "en" else quoted

    def missing(self, finding: Finding) -> tuple[str, ...]:
        """The absences of a finding, one sentence per property looked along."""
        by_via: dict[URIRef | None, list[str]] = {}
        for d in finding.absences:
            by_via.setdefault(d.via, []).append(f"“{self.name(d.about)}”")
        said = []
        for via, names in by_via.items():
            listed = _LISTED[self.lang].join(dict.fromkeys(names))
            if via == RDF.type:
                said.append(message("report.missing.instances", self.lang, about=listed))
            else:
                said.append(message("report.missing.via", self.lang, about=listed,
                                    via=self.name(via)))
        return tuple(said)

    def view(self, finding: Finding, limit: int | None = NODES_SHOWN) -> FindingView:
        """A finding in the language; at most `limit` nodes listed (None: all)."""
        candidates = list({c.node: c for d in finding.diagnoses for c in d.candidates}.values())
        shown = candidates if limit is None else candidates[:limit]
        says_missing = all(d.absent for d in finding.diagnoses) and not finding.also and all(
            d.result.constraint == "MinCountConstraintComponent" for d in finding.diagnoses)
        return FindingView(
            message=pick(finding.message, self.lang),
            also=tuple(pick(m, self.lang) for m in finding.also),
            severity=finding.severity,
            # An existence finding's message already says the node is missing: said once.
            missing=() if says_missing and len(finding.diagnoses) == 1 else self.missing(finding),
            nodes=tuple(self.node_line(c) for c in shown),
            more=len(candidates) - len(shown),
        )

"""Nodes named by their labels in one language, else in the other, untagged or any, else by their
shortened IRIs: the names every report and rulebook page gives the standard's terms and a
submission's records (docs/model.md, decision 14)."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import BNode
from rdflib.term import Node

from ..i18n import Lang, message
from ..labels import NAME_CHARS, Labels
from .naming import pick, short_node


class TermNamer:
    """Names nodes by their labels in one language, else in the other language, untagged or any
    (`pick`), else by their shortened IRIs (those under `base` as `…/local`); a blank node with
    no label, which has no IRI to show, as an unnamed record of its class (`kinds`). A rulebook
    page names the standard's terms with one and no base."""

    def __init__(self, labels: Labels, lang: Lang, base: str | None = None,
                 kinds: Mapping[Node, Node] | None = None) -> None:
        self.labels, self.lang, self.base = labels, lang, base
        self.kinds: Mapping[Node, Node] = kinds or {}

    def label(self, node: Node) -> str | None:
        """The node's label in the language, else in the other language, untagged or any (a
        record labelled only in Chinese is named by that label in an English report, not by its
        IRI); None when it has none."""
        return pick(self.labels.get(node, {}), self.lang) or None

    def name(self, node: Node | None, limit: int = NAME_CHARS) -> str:
        """The node's label (`label`), else its shortened IRI (or a literal's form); a blank
        node with no label as an unnamed record of its class."""
        if node is None:
            return ""
        if (label := self.label(node)) is not None:
            return label
        if isinstance(node, BNode):
            kind = self.kinds.get(node)
            if kind is None:
                return message("report.record.unnamed_untyped", self.lang)
            return message("report.record.unnamed", self.lang, kind=self.name(kind))
        return short_node(node, self.base, limit)

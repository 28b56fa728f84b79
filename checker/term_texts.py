"""Which term of the ontology a text names, where a term is asked and a text is given (a listed
value, sh:in: org:role "行业内企业"; a value asked, sh:hasValue: bcic:covers "bcic:PlanPhase", or
"PlanPhase" under a JSON-LD @vocab), for a finding to say how to refer to the term instead; else
which one's label it is nearest in spelling (org:role "行业企业", "industry enterprise"), a guess."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from .labels import labels_of
from .prefixed_names import may_be_unexpanded

# How near in spelling a text must be to a label to be guessed to mean its term: difflib's
# cutoff for close matches, as the unknown terms' suggestions use.
GUESS_CUTOFF = 0.6
# Words a label may have that say nothing of which term it is.
_FILLERS = frozenset({"a", "an", "and", "of", "or", "the"})


def names_term(text: str, term: Node, labels: Iterable[str] = ()) -> bool:
    """Whether a text names the term exactly: its IRI, its local name, a prefixed name ending in
    it (bcic:PlanPhase), or one of its labels."""
    if not isinstance(term, URIRef):
        return False
    written = text.strip()
    local = _local(str(term))
    return written in (str(term), local, *labels) or (
        bool(local) and written.endswith(f":{local}") and " " not in written)


def term_named(text: str, terms: Iterable[Node],
               labels: Mapping[Node, Iterable[str]]) -> Node | None:
    """The one of `terms` a text names: exactly (`names_term`), else the only one with a label
    containing it ("行业内企业" of 行业内企业角色); None where it names none, or several."""
    listed = [t for t in terms if isinstance(t, URIRef)]
    exact = [t for t in listed if names_term(text, t, labels.get(t, ()))]
    if exact:
        return exact[0] if len(exact) == 1 else None
    written = text.strip()
    within = [t for t in listed if len(written) > 1
              and any(written in label for label in labels.get(t, ()))]
    return within[0] if len(within) == 1 else None


def term_guessed(text: str, terms: Iterable[Node],
                 labels: Mapping[Node, Iterable[str]]) -> Node | None:
    """The one of `terms` with a label, in any language, nearest the text in spelling, case and
    the order of words aside ("industry enterprise" for “role of an enterprise of the
    industry”), at least GUESS_CUTOFF near; None where none is, or two are as near. What every
    term's labels share says nothing of which is meant and is left out of the comparison (4.1's
    member roles all end in 角色 and have the word "role": "企业角色" is near none of them)."""
    listed = [t for t in terms if isinstance(t, URIRef)]
    shared = _Shared.of([tuple(labels.get(t, ())) for t in listed])
    scored = sorted(((max((shared.nearness(text, label) for label in labels.get(t, ())),
                          default=0.0), t) for t in listed), reverse=True)
    if not scored or scored[0][0] < GUESS_CUTOFF:
        return None
    return scored[0][1] if len(scored) == 1 or scored[1][0] < scored[0][0] else None


class _Shared:
    """What the labels of every one of several terms share: the ending of those written in Chinese
    (角色), the words of the others (role)."""

    def __init__(self, ending: str, words: frozenset[str]) -> None:
        self.ending, self.words = ending, words

    @classmethod
    def of(cls, labels: list[tuple[str, ...]]) -> _Shared:
        """What the labels of several terms (each term's, in any language) share; nothing for
        fewer than two terms."""
        if len(labels) < 2:
            return cls("", frozenset())
        chinese = [[label.strip() for label in each if _CHINESE.search(label)] for each in labels]
        ending = ""
        if all(chinese):
            written = [label for each in chinese for label in each]
            ending = os.path.commonprefix([label[::-1] for label in written])[::-1]
        others = [set().union(*(_word_set(label) for label in each if not _CHINESE.search(label)))
                  for each in labels]
        return cls(ending, frozenset(set.intersection(*others)))

    def nearness(self, text: str, label: str) -> float:
        """How near a text is to a label, from 0 to 1: as written, and word by word in order,
        what all the labels share aside."""
        written, named = self._own(text), self._own(label)
        if not written or not named:
            return 0.0
        return max(difflib.SequenceMatcher(None, written, named).ratio(),
                   difflib.SequenceMatcher(None, _words(written), _words(named)).ratio())

    def _own(self, text: str) -> str:
        """A text, lower case, without the shared ending and words."""
        written = text.strip().lower()
        if self.ending and written.endswith(self.ending):
            written = written[:-len(self.ending)]
        if self.words and not _CHINESE.search(written):
            written = " ".join(w for w in re.split(r"\W+", written) if w and w not in self.words)
        return written


_CHINESE = re.compile(r"[\u3400-\u9fff]")


def _word_set(text: str) -> set[str]:
    """A text's words but fillers, lower case."""
    return {w for w in re.split(r"\W+", text.lower()) if w and w not in _FILLERS}


def _words(text: str) -> str:
    """The text's words but fillers, in alphabetical order."""
    return " ".join(sorted(w for w in re.split(r"\W+", text) if w and w not in _FILLERS))


def text_naming(term: Node, values: Iterable[Node], labels: Iterable[str] = ()) -> Literal | None:
    """The first text among `values` that names `term` exactly, None where none does."""
    names = tuple(labels)
    return next((v for v in values
                 if isinstance(v, Literal) and names_term(str(v), term, names)), None)


def written_prefixed(value: Node | None, term: Node | None) -> bool:
    """Whether `value` is `term` written as a prefixed name nothing expanded (RDF/XML's
    rdf:resource="bcic:PolicyEnvironment", read as the IRI `bcic:PolicyEnvironment`; JSON-LD
    without that prefix): an IRI other than the term whose whole text is a prefixed name of it."""
    return isinstance(term, URIRef) and may_be_unexpanded(value) and value != term and \
        names_term(str(value), term)


def prefixed_naming(term: Node, values: Iterable[Node]) -> URIRef | None:
    """The first of `values` that is `term` written as a prefixed name nothing expanded
    (`written_prefixed`), None where none is."""
    return next((v for v in values if isinstance(v, URIRef) and written_prefixed(v, term)), None)


def text_meaning(term: Node, values: Iterable[Node], ontology: Graph) -> Literal | None:
    """The first text among `values` that names `term` exactly (`text_naming`), else the first
    that, among the terms of its concept scheme, names it alone or is nearest it in spelling
    (5.1: bcic:covers "技术" for 技术环境; 8.2.1: bcic:targetsAudience "消费者" for 各类消费者); None
    where none does."""
    if (named := text_naming(term, values, labels_of(ontology, term).values())) is not None:
        return named
    schemes = set(ontology.objects(term, SKOS.inScheme))
    siblings = sorted({t for scheme in schemes for t in ontology.subjects(SKOS.inScheme, scheme)}
                      | {term}, key=str)
    labels = {t: tuple(labels_of(ontology, t).values()) for t in siblings}
    return next((v for v in values if isinstance(v, Literal) and (
        term_named(str(v), siblings, labels) or term_guessed(str(v), siblings, labels)) == term),
        None)


def _local(iri: str) -> str:
    """An IRI's local name: after its last '#' or '/'."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]

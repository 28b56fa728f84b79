"""A lack as one sentence: the path step by step, the value, class or count asked (at least n, at
most n), each way of a path of alternatives (7.2.2.2), a value beside another that is to go
(9.2.3); the one value a lack names, where it lacks one thing, said in the same sentence."""

from __future__ import annotations

from dataclasses import replace

from rdflib import Literal
from rdflib.paths import AlternativePath
from rdflib.term import Node

from ..findings import Lack
from ..i18n import message
from ..namespaces import SHP
from ..shape_paths import ShapePath, path_properties
from .lack_keys import lack_key
from .naming import indefinite_article
from .value_lacks import ValueLackWords
from .value_words import LISTED

_WAYS = {"zh": "；", "en": "; "}  # between the ways of a path of alternatives
# Lacks said as what the record does or is ("lacks …", "has no …"): said of a record it points to
# in the same sentence (report.lack.of_value).
_PREDICATES = ("min_count", "max_count", "qualified", "qualified_by", "qualified_any",
               "qualified_language", "self.class")
_COUNTED = {"min_count": "at_least", "qualified": "at_least", "qualified_by": "at_least",
            "qualified_inverse": "at_least", "qualified_unmet_inverse": "at_least",
            "max_count": "at_most"}


class LackSayer(ValueLackWords):
    """Says what the records of one report lack, in one language."""

    def said(self, lack: Lack, record: Node | None = None,
             via: ShapePath | None = None) -> tuple[str, bool, str]:
        """The sentence, whether the values that came closest are still to be listed under it, and
        the sentence's key; a lack of a value `record` writes along `via` (one that came closest)
        says how to write a reference as `record`'s file does. The one value a lack names, where it lacks one thing, is said in the
        same sentence: a value that fails a nested shape one way (a malformed date, a role not
        allowed), a record it points to that lacks one thing (a member with no name), the
        value a path of several steps stopped at (an observation's cluster, which no body
        cultivates)."""
        key, steps = lack_key(lack), path_properties(lack.path)
        if (meant := self.unexpanded_meant(lack, record)) is not None:
            # RDF/XML's rdf:resource="ex:body" where a record is asked (9.1.1): no record of the
            # submission, nor held against what one lacks; the full IRI its file's xmlns makes.
            plain = replace(lack, closest=())
            path = lack.path if lack.path is not None else via
            return self.sentence(plain, record=record) + self.resource_prefixed(
                *meant, record, path), False, lack_key(plain)
        if key == "qualified_language":  # what its texts are in goes without saying
            return self.sentence(lack, key, record), False, key
        if key == "either":
            return self._either(lack), bool(lack.closest), key
        if key == "max_beside":
            return self._beside(lack), False, key
        only = lack.closest[0] if len(lack.closest) == 1 else None
        if only is not None and len(only.lacks) == 1 and (lack.count or 1) == 1:
            (inner,) = only.lacks
            if inner.shape == lack.shape and inner.path is not None:
                # The path stopped at it (checker/lack_finder.py, `_stopped`): the rest it lacks.
                said, nested, _said_as = self.said(inner)
                if not nested:
                    rest = len(path_properties(inner.path))
                    # A text stops any path: it is no term the rest could start from.
                    reached = "reached_text" if isinstance(only.node, Literal) else "reached"
                    return message(f"report.lack.{reached}", self.lang, lack=said,
                                   property=self.path(steps[:len(steps) - rest]),
                                   value=self.value(only.node)), False, "reached"
            if key == "qualified_unmet_inverse":  # the one record referring to it, and why
                said, nested, _said_as = self.said(inner)
                if not nested:
                    return message("report.lack.referrer", self.lang, value=self.value(only.node),
                                   property=f"“{self.name(steps[0][0])}”", lack=said), \
                        False, "referrer"
            if key in ("node", "min_count", "qualified", "qualified_any"):
                if inner.path is None:  # the value itself: its form, its class, its language
                    inner = replace(inner, path=lack.path, value=only.node, unit=lack.unit)
                    return self.sentence(inner, record=record), False, lack_key(inner)
                said, nested, said_as = self.said(inner, only.node)
                if not nested and key != "min_count" and said_as in _PREDICATES:
                    return message("report.lack.of_value", self.lang, property=self.path(steps),
                                   value=self.value(only.node), lack=said), False, "of_value"
        return self.sentence(lack, key, record, via), bool(lack.closest), key

    def _beside(self, lack: Lack) -> str:
        """A value the shape allows none of beside another property's (9.2.3: a number beside a
        rated level), both quoted: one of them is to go."""
        other = lack.closest[0].lacks[0].path
        return message("report.lack.max_beside", self.lang,
                       property=self.path(path_properties(lack.path)), value=self.value(lack.value),
                       other=self.path(path_properties(other)),
                       others=LISTED[self.lang].join(self.value(c.node) for c in lack.closest))

    def _either(self, lack: Lack) -> str:
        """A lack along a path of alternatives: what each way lacks, said as that way alone
        (7.2.2.2: no body has the agency as its unit; no record naming it as member names the
        body), any one of them sufficing."""
        assert isinstance(lack.path, AlternativePath)
        ways = (self.sentence(replace(lack, path=way)) for way in lack.path.args)
        return message("report.lack.either", self.lang, ways=_WAYS[self.lang].join(ways))

    def sentence(self, lack: Lack, key: str | None = None, record: Node | None = None,
                 via: ShapePath | None = None) -> str:
        """A lack of `record` as the sentence its key takes (`lack_key`, unless given): the path,
        what is asked of it and how many, the value and what is wrong with it (written by `record`
        along `via`, where the lack has no path of its own)."""
        key = key or lack_key(lack)
        steps = path_properties(lack.path)
        expected = self.name(lack.expected)
        # A class asked at the end of a step backwards: the record that refers to the value.
        by_class = lack.expected is not None and len(steps) > 1 and steps[-1][1] \
            and key in ("min_count", "qualified_by")
        # Records of that class refer to the value, none as asked (the lines under it say why).
        one = (lambda: message("report.lack.as_asked", self.lang, a_expected=self.one(expected))) \
            if lack.closest else (lambda: self.one(expected))
        prop = self.path(steps, one if by_class else None) \
            if not key.endswith("_inverse") else f"“{self.name(steps[0][0])}”"  # refers to it
        article = indefinite_article(self.name(steps[0][0]) if steps else "")
        values = {"property": prop, "expected": expected,
                  "a_expected": one() if key == "qualified" and _kind_shown(lack)
                  else self.one(expected),
                  "a_property": f"{article} {prop}" if self.lang == "en" else prop,
                  "value": self.value(lack.value)}
        if key == "has_value_under":
            values["first"] = f"“{self.name(steps[0][0])}”"
        if key == "qualified_from_referrer":  # the step backwards, then the rest from that record
            values |= {"step": f"“{self.name(steps[0][0])}”", "rest": self.path(steps[1:]),
                       "a_expected": one()}
        key, fields, after = self.value_said(lack, key, record, via)
        text = message(f"report.lack.{key}", self.lang, **(values | fields)) + after
        if lack.expected is not None and key == "min_count" and not by_class:
            text += message("report.lack.of_class", self.lang, **(values | fields))
        if (counted := _COUNTED.get(key)) and lack.count and (lack.count > 1 or counted == "at_most"):
            text += message(f"report.lack.{counted}", self.lang, n=lack.count)
        return text


def _kind_shown(lack: Lack) -> bool:
    """Whether a qualified lack's candidates include one of the class it asks for, which then
    fails in other ways (an evidence document, not attributed as asked): the line says "meeting
    the requirement", or it would read as if there were none of that class."""
    return any(not any(inner.constraint == "ClassConstraintComponent" and inner.path is None
                       for inner in candidate.lacks) for candidate in lack.closest) \
        and not str(lack.expected).startswith(str(SHP))

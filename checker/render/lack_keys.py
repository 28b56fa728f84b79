"""The sentence a lack takes (report.lack.<key>): chosen by its constraint component, its path
(a step backwards, a path of alternatives, none: the value itself) and what it asks."""

from __future__ import annotations

from rdflib import RDF, Literal
from rdflib.namespace import PROV, SKOS
from rdflib.paths import AlternativePath

from ..findings import UNDESCRIBED, Lack
from ..shape_paths import path_properties

_LACK_KEYS = {"HasValueConstraintComponent": "has_value", "MinCountConstraintComponent": "min_count",
              "MaxCountConstraintComponent": "max_count", "ClassConstraintComponent": "class",
              "DatatypeConstraintComponent": "datatype", "InConstraintComponent": "in",
              "PatternConstraintComponent": "pattern", "NodeConstraintComponent": "node",
              "OrConstraintComponent": "or", "QualifiedMinCountConstraintComponent": "qualified",
              "LanguageInConstraintComponent": "language", "NotConstraintComponent": "not_kind",
              "NodeKindConstraintComponent": "node_kind", UNDESCRIBED: "undescribed"}
_OF_VALUES = ("class", "datatype", "pattern", "in", "or", "language",  # said of a value
              "text_for_record", "text_for_term")


def lack_key(lack: Lack) -> str:
    """The sentence a lack takes (report.lack.<key>), by its constraint and path."""
    steps = path_properties(lack.path)
    key = _LACK_KEYS.get(lack.constraint, "other")
    if isinstance(lack.path, AlternativePath):  # each way said on its own (7.2.2.2)
        return "either"
    if key == "qualified" and lack.expected is None:  # a qualifier naming no term (sh:in)
        return "qualified_any"
    if key == "max_count" and lack.count == 0 and steps == ((PROV.invalidatedAtTime, False),):
        return "superseded"  # a record asked in force, marked superseded (6.1.1.1, 9.1.1)
    if key == "max_count" and lack.count == 0 and lack.closest:  # no value beside another
        return "max_beside"
    if key == "node_kind" and not isinstance(lack.value, Literal):
        return "other"
    if key == "class" and isinstance(lack.value, Literal):  # a text where a record is asked…
        key = "text_for_term" if lack.allowed else "text_for_record"  # …or a term the ontology names
    if key == "has_value" and lack.expected is None:  # the term it should name (9.2.1)
        return "names_not"
    if key == "has_value" and len(steps) > 1 and all(step == (SKOS.broader, False)
                                                     for step in steps[1:]):
        return "has_value_under"  # 9.1.2, 9.1.3: a value of a category, through its groups
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

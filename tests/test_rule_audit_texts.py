"""Rules of chapters 4, 5, 7 and 9 worded as the standard's text reads, where a domain auditor
found them saying more or less than it: labels and findings in its words, review prompts quoting
the parts of a clause no data shows, list items carrying their lead-in's modal verb, and a cluster
named as its own benchmark or competitor (9.3.2) said in the report."""

from __future__ import annotations

from rdflib import RDFS, Literal

from checker.namespaces import BCIC
from checker.rulebook import load_rulebook
from checker.validation import validate_graph

from tests.dehua_changes import dehua


def _label(term: object, lang: str) -> str:
    """The ontology's label of a term in one language."""
    graph = load_rulebook().labels_graph
    (label,) = (str(o) for o in graph.objects(term, RDFS.label)  # type: ignore[arg-type]
                if isinstance(o, Literal) and o.language == lang)
    return label


# 7.5.2 「提供关键的、基础的和必须的服务项目和内容」

def test_the_kinds_of_service_of_7_5_2_are_labelled_as_the_standard_words_them() -> None:
    """「必须服务」 read as “must serve”: the third kind is 「必须的服务项目」, as the text says, and
    the other two alike; in English as the catalogue renders the clause (necessary service items)."""
    text = validate_graph(dehua()).outcome("7.5.2").requirement.text
    labels = {kind: (_label(kind, "zh"), _label(kind, "en"))
              for kind in (BCIC.KeyService, BCIC.BasicService, BCIC.EssentialService)}
    assert labels == {BCIC.KeyService: ("关键的服务项目", "key service item"),
                      BCIC.BasicService: ("基础的服务项目", "basic service item"),
                      BCIC.EssentialService: ("必须的服务项目", "necessary service item")}
    assert "必须的服务项目" in text["zh"] and "necessary service items" in text["en"]

"""How to refer to a term, said as the file where a text is written where the term is asked must
write it (4.1: org:role "行业内企业"; 9.4.2: bcic:covers "bcic:PlanPhase"): a file the loader read
as RDF/XML — by its extension, by the format given (whatever its name), or by its content — is
told the element with rdf:resource and the term's full IRI, in the finding and in the role note
(decision 9), in the text, HTML and JSON reports, zh and en, fresh and read back from a store;
not the Turtle and JSON-LD forms (tests/test_text_for_term.py)."""

from __future__ import annotations

import html
import json

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import ORG

from checker.ingest import ingest_submission
from checker.loading import SubmissionFile
from checker.namespaces import BCIC
from checker.render import render_report
from checker.report import Report
from checker.report_reader import read_report
from checker.store import open_store
from tests.dehua_variants import DEHUA_NS, dehua

EX = Namespace(DEHUA_NS)

ROLE = '<org:role rdf:resource="https://w3id.org/bcic/ontology#IndustryEnterpriseRole"/>'
PHASE = '<bcic:covers rdf:resource="https://w3id.org/bcic/ontology#PlanPhase"/>'
SAID = {  # the finding's how-to, and the role note's (decision 9)
    "zh": (f"：RDF/XML 中写作 {ROLE}", f"：RDF/XML 中写作 {PHASE}",
           f"若指“行业内企业角色”（按拼写推测），RDF/XML 中写作 {ROLE}。"),
    "en": (f": write it in RDF/XML as {ROLE}", f": write it in RDF/XML as {PHASE}",
           "If “role of an enterprise of the industry” is meant (a guess from the spelling), "
           f"write it in RDF/XML as {ROLE}."),
}
WORDS = {"zh": ("“角色”的取值“行业内企业”", "“涵盖”缺少“策划（P）”", "以文本“行业内企业”给出"),
         "en": ("its “role” “行业内企业”", "its “covers” lacks “plan”", "as the text “行业内企业”")}
# How each file is read as RDF/XML: its extension; the format given (a media type, as an upload's
# content type), though its name says Turtle; its content, having no extension.
FILES = {"extension": ("d.rdf", None), "given": ("d.ttl", "application/rdf+xml"),
         "content": ("d", None)}


def _rdf_xml() -> bytes:
    """Dehua in RDF/XML, a member's role and the mechanism's plan phase written as texts."""
    graph = Graph()
    for triple in dehua():
        graph.add(triple)
    for prefix, namespace in dehua().namespaces():
        graph.bind(prefix, namespace)
    graph.set((EX["ms-ent-ciyun"], ORG.role, Literal("行业内企业", lang="zh")))
    graph.remove((EX["correction-mechanism"], BCIC.covers, BCIC.PlanPhase))
    graph.add((EX["correction-mechanism"], BCIC.covers, Literal("bcic:PlanPhase")))
    return graph.serialize(format="xml").encode()


@pytest.fixture(scope="module")
def reports() -> dict[tuple[str, str], Report]:
    """The file read as RDF/XML each way, validated and stored once: (way, "fresh" | "back")."""
    store, data, found = open_store("oxigraph"), _rdf_xml(), {}
    for way, (name, given) in FILES.items():
        info, fresh = ingest_submission(store, [SubmissionFile(name, data, given)],
                                        submitter="tests")
        found[way, "fresh"] = fresh
        found[way, "back"] = read_report(store, info.cluster, info.number)
    return found


@pytest.mark.parametrize("way", list(FILES))
@pytest.mark.parametrize("when", ["fresh", "back"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_term_given_as_text_in_rdf_xml_is_told_as_its_element_with_the_full_iri_under_4_1(
        reports: dict[tuple[str, str], Report], way: str, when: str, lang: str) -> None:
    """Every line on the role and the phase written as texts, in the text report, says the
    element to write and neither the Turtle nor the JSON-LD form; so do the HTML and JSON."""
    report = reports[way, when]
    text = render_report(report, "text", lang)  # type: ignore[arg-type]
    shown = html.unescape(render_report(report, "html", lang))  # type: ignore[arg-type]
    document = json.dumps(json.loads(render_report(report, "json", lang)),  # type: ignore[arg-type]
                          ensure_ascii=False)
    for words, said in zip(WORDS[lang], SAID[lang], strict=True):
        lines = [line for line in text.split("\n") if words in line]
        assert lines and all(said in line for line in lines), lines
        assert all("Turtle" not in line and "JSON-LD" not in line for line in lines), lines
        assert said in shown and said.replace('"', '\\"') in document, said

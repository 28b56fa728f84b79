"""A datatype written as a prefixed name where no prefix is expanded (RDF/XML's
rdf:datatype="xsd:date", read as the IRI `xsd:date`): the finding says so and gives the full
IRI to write, not only the Turtle form, in zh and en (5.1: a macro environment analysis's
date)."""

from __future__ import annotations

from checker.loading import SubmissionFile
from checker.render import render_report
from checker.report import Report
from checker.validation import validate_submission

RDF_XML = """<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"
         xmlns:bcic="https://w3id.org/bcic/ontology#"
         xmlns:dcterms="http://purl.org/dc/terms/"
         xmlns:prov="http://www.w3.org/ns/prov#">
  <bcic:IndustrialCluster rdf:about="https://example.org/c/cluster">
    <rdfs:label xml:lang="zh">醴陵陶瓷产业集群</rdfs:label>
  </bcic:IndustrialCluster>
  <bcic:CultivationBody rdf:about="https://example.org/c/body">
    <bcic:cultivates rdf:resource="https://example.org/c/cluster"/>
  </bcic:CultivationBody>
  <bcic:MacroEnvironmentAnalysis rdf:about="https://example.org/c/macro">
    <dcterms:title xml:lang="zh">宏观环境分析</dcterms:title>
    <dcterms:date rdf:datatype="xsd:date">2024-06-01</dcterms:date>
    <prov:wasAttributedTo rdf:resource="https://example.org/c/body"/>
  </bcic:MacroEnvironmentAnalysis>
</rdf:RDF>
"""

# The same file declaring a prefix for the cluster's namespace (xmlns:ex).
WITH_EX = RDF_XML.replace('xmlns:prov="http://www.w3.org/ns/prov#">',
                          'xmlns:prov="http://www.w3.org/ns/prov#"\n'
                          '         xmlns:ex="https://example.org/c/">')


def _texts(report: Report) -> tuple[str, str]:
    """The text report in zh without its spaces and line breaks, in en with each run of them one
    space: a message is found whole wherever the report wraps it."""
    return ("".join(render_report(report, "text", "zh").split()),
            " ".join(render_report(report, "text", "en").split()))


def test_a_prefixed_datatype_in_rdf_xml_is_said_with_the_full_iri_to_write() -> None:
    report = validate_submission([SubmissionFile("t.rdf", RDF_XML.encode())], processes=1)
    zh = render_report(report, "text", "zh")
    en = " ".join(render_report(report, "text", "en").split())
    said = ("；数据类型写成了前缀名“xsd:date”：RDF/XML 的 rdf:datatype（及未声明该前缀的 JSON-LD）不展开前缀名，"
            "应写完整的 IRI http://www.w3.org/2001/XMLSchema#date")
    assert "".join(said.split()) in "".join(zh.split()), zh
    assert ("; the datatype is written as the prefixed name “xsd:date”, which RDF/XML's "
            "rdf:datatype (and JSON-LD without that prefix) does not expand: write the full IRI "
            "http://www.w3.org/2001/XMLSchema#date") in en, en
    assert "数据类型写成了前缀名“xsd:date”" in render_report(report, "html", "zh")


def test_a_prefixed_name_as_rdf_xml_resource_is_said_with_the_full_iri_and_its_line() -> None:
    """5.1: rdf:resource="bcic:PolicyEnvironment" is read as the IRI `bcic:PolicyEnvironment`,
    no term of the ontology: the finding said only that the value was lacking; it says what
    was written, that RDF/XML does not expand a prefixed name there, and the full IRI, with the
    line where it is written; so is a listed value (4.1: org:role
    rdf:resource="bcic:GovernmentRole")."""
    covers = '    <bcic:covers rdf:resource="bcic:PolicyEnvironment"/>\n'
    text = RDF_XML.replace('    <dcterms:date rdf:datatype="xsd:date">',
                           covers + '    <dcterms:date rdf:datatype='
                           '"http://www.w3.org/2001/XMLSchema#date">')
    role = '    <org:role rdf:resource="bcic:GovernmentRole"/>'
    text = text.replace("</rdf:RDF>", f"""  <org:Membership rdf:about="https://example.org/c/m1"
      xmlns:org="http://www.w3.org/ns/org#">
    <org:organization rdf:resource="https://example.org/c/body"/>
{role}
  </org:Membership>
</rdf:RDF>""")
    line = text.split("\n").index(covers.rstrip("\n")) + 1
    role_line = text.split("\n").index(role) + 1
    report = validate_submission([SubmissionFile("t.rdf", text.encode())], processes=1)
    zh, en = _texts(report)
    assert ("its “covers” lacks “policy environment” (written as the prefixed name "
            "“bcic:PolicyEnvironment”, which RDF/XML's rdf:resource does not expand: write the "
            "full IRI, <bcic:covers rdf:resource=\"https://w3id.org/bcic/ontology#PolicyEnvironment\"/>) "
            f"(written at t.rdf:{line})") in en, en
    assert "".join(("“涵盖”缺少“政策环境”（写成了前缀名“bcic:PolicyEnvironment”：RDF/XML 的 rdf:resource"
                    "不展开前缀名，应写完整的 IRI："
                    "<bcic:coversrdf:resource=\"https://w3id.org/bcic/ontology#PolicyEnvironment\"/>）"
                    f"（写于 t.rdf:{line}）").split()) in zh, zh
    assert "写成了前缀名“bcic:PolicyEnvironment”" in render_report(report, "html", "zh")
    # A value of a list (sh:in, 4.1's member roles) so written is said alike.
    assert ("“role of an enterprise of a related or supporting industry” (written as the prefixed "
            "name “bcic:GovernmentRole”, which RDF/XML's rdf:resource does not expand: write the "
            "full IRI, <org:role rdf:resource=\"https://w3id.org/bcic/ontology#GovernmentRole\"/>) "
            f"(written at t.rdf:{role_line})") in en


def test_a_prefixed_name_as_rdf_xml_resource_where_a_record_is_asked_is_said_with_its_iri() -> None:
    """5.1: prov:wasAttributedTo rdf:resource="ex:body", with xmlns:ex declared, is read as the
    IRI `ex:body`, which names no record: the finding held against it what a cultivation body
    lacks; it says what was written, that RDF/XML does not expand a prefixed name there, and the
    full IRI the file's xmlns makes of it, with the line where it is written, zh and en."""
    attributed = '    <prov:wasAttributedTo rdf:resource="ex:body"/>'
    text = WITH_EX.replace(
        '    <prov:wasAttributedTo rdf:resource="https://example.org/c/body"/>', attributed)
    line = text.split("\n").index(attributed) + 1
    report = validate_submission([SubmissionFile("t.rdf", text.encode())], processes=1)
    zh, en = _texts(report)
    assert ("宏观环境分析 (…/macro): has no “attributed to” that is a “cultivation body” (written as "
            "the prefixed name “ex:body”, which RDF/XML's rdf:resource does not expand: write the "
            "full IRI, <prov:wasAttributedTo rdf:resource=\"https://example.org/c/body\"/>) "
            f"(written at t.rdf:{line})") in en, en
    assert "".join(("缺少属于“培育主体”的“归属方”（写成了前缀名“ex:body”：RDF/XML 的 rdf:resource"
                    "不展开前缀名，应写完整的 IRI：<prov:wasAttributedTo"
                    "rdf:resource=\"https://example.org/c/body\"/>）"
                    f"（写于 t.rdf:{line}）").split()) in zh, zh
    # Not held against what a cultivation body lacks, as if it were one.
    assert "lacks “cultivated cluster”" not in en and "缺少“所培育的产业集群”" not in zh


def test_a_text_naming_a_record_in_rdf_xml_is_told_its_full_iri_not_a_prefixed_name() -> None:
    """9.1.1: <prov:wasAttributedTo>body</prov:wasAttributedTo> in RDF/XML names the record
    https://example.org/c/body; the file declares xmlns:ex for its namespace, but RDF/XML's
    rdf:resource expands no prefixed name, so the how-to gives the full IRI, not ex:body (which
    written there would name nothing)."""
    text = WITH_EX.replace(
        '    <prov:wasAttributedTo rdf:resource="https://example.org/c/body"/>',
        '    <prov:wasAttributedTo>body</prov:wasAttributedTo>')
    report = validate_submission([SubmissionFile("t.rdf", text.encode())], processes=1)
    _zh, en = _texts(report)
    assert '<prov:wasAttributedTo rdf:resource="https://example.org/c/body"/> in RDF/XML' in en, en
    assert "ex:body" not in en

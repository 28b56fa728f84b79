"""The SPARQL 1.1 Service Description of /sparql: the service, its limits and its dataset.

The dataset names each fixed graph of docs/store.md's table (`sd:namedGraph`, with what it holds in
zh and en) and says in words the IRI patterns of the graphs each revision adds (a submission, its
report, the evaluator's judgements of it, the actual values it states), which no fixed list can
name, and that a judgement overrides the verdict and counts stored with the revision. Every
comment is in zh and en.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph
from rdflib import URIRef

from .i18n import Lang
from .sparql_service import (FORMATS_NS, GRAPH_FORMATS, RESULT_FORMATS, TRUNCATED_HEADER,
                             ResultFormat, SparqlLimits)
from .store.base import (GRAPH_ROOT, ONTOLOGY_GRAPH, PROVENANCE_GRAPH, RULES_ARCHIVE_GRAPH,
                         SHAPES_GRAPH, SUMMARY_GRAPH)

SD = "http://www.w3.org/ns/sparql-service-description#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment"
Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal
Statement = tuple[pyoxigraph.NamedNode | pyoxigraph.BlankNode, pyoxigraph.NamedNode, Term]
Texts = Mapping[Lang, str]

# The graphs of an embedded store whose IRIs never change (docs/store.md, "Named graphs"); a
# remote store's writers graph and its empty graph are the server's business, not this endpoint's.
FIXED_GRAPHS: Mapping[URIRef, Texts] = {
    ONTOLOGY_GRAPH: {
        "en": "The rulebook's ontology, requirement catalogue and indicator scheme (ontology/*.ttl), "
              "replaced whole when the rules are reloaded.",
        "zh": "规则集的本体、要求目录和指标体系（ontology/*.ttl），重新加载规则时整体替换。"},
    SHAPES_GRAPH: {
        "en": "The rulebook's SHACL shapes and review prompts (shapes/*.ttl), replaced whole when "
              "the rules are reloaded.",
        "zh": "规则集的 SHACL 形状和人工评审提示（shapes/*.ttl），重新加载规则时整体替换。"},
    RULES_ARCHIVE_GRAPH: {
        "en": "The rulebooks a reload replaced, one literal each (both rule graphs as TriG) with "
              "its version, digest and date; present once a reload has replaced a rulebook.",
        "zh": "被重新加载替换的各版规则集，每版一个字面量（两个规则图的 TriG 文本），附版本、摘要和日期；"
              "规则集被替换过之后才有此图。"},
    PROVENANCE_GRAPH: {
        "en": "One bcic:Revision per stored revision, named by its submission graph's IRI: its "
              "cluster, number, report graph, source files, rulebook, verdict and the revision it "
              "revises (PROV-O). Its verdict (bcic:conforms) is the report's as stored, before "
              "any judgement of the evaluator: the current verdict and rate, judgements applied, "
              "are the named query clusters-by-conformance's (from the summary graph).",
        "zh": "每个已存修订一个 bcic:Revision，以其提交数据图的 IRI 命名：所属集群、编号、报告图、来源文件、"
              "规则集、结论及其所修订的修订（PROV-O）。其结论（bcic:conforms）是入库时报告的结论，未计入评价"
              "人员的任何判定：计入判定后的当前结论与符合率见具名查询 clusters-by-conformance（读自摘要图）。"},
    SUMMARY_GRAPH: {
        "en": "A few facts derived from each revision for the named queries, its subject the "
              "revision (its submission graph's IRI): its cluster's labels (bcic:clusterLabel), "
              "the counts behind its rate as its report states them (bcic:metCount, "
              "bcic:pendingReviewCount, bcic:applicableCount), the provisions it fails "
              "(bcic:failsRequirement, each with its bcic:normativeLevel and rdfs:label as the "
              "report states them), its crisis warning systems (bcic:crisisWarningSystemCount, "
              "8.3.4), the evaluator's latest judgements of the shall-level provisions its "
              "report leaves to them (bcic:judgedMet, bcic:judgedNotMet: they override the "
              "report's verdict and counts, a judged met counted as met, a judged not met as a "
              "gap), the index of the actual-values graphs (bcic:actualValuesGraph, with "
              "bcic:graphYear and bcic:graphUnit) and the summary's version "
              "(bcic:summaryVersion).",
        "zh": "为具名查询从每个修订导出的少量事实，主语为该修订（其提交数据图的 IRI）：集群名称"
              "（bcic:clusterLabel）、报告所述符合率所依据的计数（bcic:metCount、bcic:pendingReviewCount、"
              "bcic:applicableCount）、未满足的条款（bcic:failsRequirement，各附报告所述的 "
              "bcic:normativeLevel 与 rdfs:label）、危机预警体系数（bcic:crisisWarningSystemCount，8.3.4）、"
              "评价人员对报告留待其判定的“应”级条款的最新判定（bcic:judgedMet、bcic:judgedNotMet：取代报告"
              "的结论与计数，判定满足计为满足，判定不满足计为差距）、实际值图的索引（bcic:actualValuesGraph，"
              "附 bcic:graphYear 与 bcic:graphUnit）以及摘要的版本（bcic:summaryVersion）。"},
}

PER_REVISION: Texts = {
    "en": f"Besides the graphs named here, each stored revision adds the named graph of its "
          f"submission, {GRAPH_ROOT}submission/{{key}}/{{revision}}, and of its report, "
          f"{GRAPH_ROOT}report/{{key}}/{{revision}} ({{key}}: 16 hex digits of the cluster IRI's "
          f"SHA-256; {{revision}}: 1, 2, …; the provenance graph names both for each revision), "
          f"and its actual values (9.3.2) go to one graph per indicator, year and unit, "
          f"{GRAPH_ROOT}actual-values/{{indicator}}/{{year}}[/{{unit}}] (the indicator's IRI and "
          f"the unit %-escaped; the summary graph names them by bcic:actualValuesGraph). Once "
          f"the evaluator judges a provision its report leaves to them, the revision has a "
          f"graph of judgements, {GRAPH_ROOT}judgements/{{key}}/{{revision}}: EARL assertions "
          f"(earl:Assertion, earl:mode earl:manual) of met (earl:passed) or not met "
          f"(earl:failed), with who, when and why, a later one naming the one it supersedes "
          f"(dcterms:replaces). The latest judgement of a provision overrides the report's "
          f"earl:cantTell, and so the stored verdict (bcic:conforms) and counts: the summary "
          f"graph states it (bcic:judgedMet, bcic:judgedNotMet), and the named query "
          f"clusters-by-conformance gives the verdict and rate with the judgements applied.",
    "zh": f"除此处列出的图之外，每个已存修订另有其提交数据的命名图 "
          f"{GRAPH_ROOT}submission/{{key}}/{{revision}} 和其报告的命名图 "
          f"{GRAPH_ROOT}report/{{key}}/{{revision}}（{{key}}：集群 IRI 的 SHA-256 的 16 位十六进制；"
          f"{{revision}}：1、2……；溯源图为每个修订列出这两个图），其实际值（9.3.2）按指标、年份和单位"
          f"各存一个图 {GRAPH_ROOT}actual-values/{{indicator}}/{{year}}[/{{unit}}]（指标 IRI 和单位"
          f"经 % 转义；摘要图以 bcic:actualValuesGraph 列出这些图）。评价人员判定了报告留待其判定的条款后，"
          f"该修订另有判定图 {GRAPH_ROOT}judgements/{{key}}/{{revision}}：EARL 断言（earl:Assertion，"
          f"earl:mode earl:manual），判定满足（earl:passed）或不满足（earl:failed），附判定人、时间和理由，"
          f"后作的判定以 dcterms:replaces 指明其取代的判定。某条款的最新判定取代报告中的 earl:cantTell，"
          f"因而也取代入库时的结论（bcic:conforms）与计数：摘要图载明该判定（bcic:judgedMet、"
          f"bcic:judgedNotMet），具名查询 clusters-by-conformance 给出计入判定后的结论与符合率。",
}

DEFAULT_GRAPH: Texts = {
    "en": "The default graph is the union of all named graphs: those listed here and every "
          "revision's submission, report, judgements and actual-values graphs (see "
          "docs/store.md), unless "
          "the request names default-graph-uri / named-graph-uri or the query uses FROM / FROM "
          "NAMED.",
    "zh": "默认图是全部命名图的并集：此处列出的图，以及每个修订的提交数据图、报告图、判定图和实际值图（见 "
          "docs/store.md）；请求给出 default-graph-uri / named-graph-uri 或查询使用 FROM / FROM NAMED "
          "时除外。",
}

REMOTE: Texts = {
    "en": "The knowledge graph of this bcic app (the rule graphs, every revision's submission, "
          "report, judgements and actual values, the provenance and summary graphs; see "
          "docs/store.md) is "
          "kept on this SPARQL server, which answers queries itself: the app's own /sparql "
          "answers none.",
    "zh": "本 bcic 应用的知识图谱（规则图，每个修订的提交数据、报告、判定和实际值，溯源图和摘要图；见 "
          "docs/store.md）保存在此 SPARQL 服务器上，由它自己回答查询：本应用的 /sparql 不回答查询。",
}


def _limits(limits: SparqlLimits) -> Texts:
    """What a query may do, in both languages."""
    services = ", ".join(limits.allowed_services)
    return {
        "en": f"Read-only. A query may run {limits.timeout:g} s, take {limits.memory_mib} MiB of "
              f"memory and return {limits.row_limit} rows (or triples); a longer result is cut "
              f"and flagged with the response header {TRUNCATED_HEADER}: true. Queries are "
              f"answered from a snapshot of the store taken after each ingest. SERVICE is "
              f"refused" + (f" except to {services}." if services else "."),
        "zh": f"只读。一个查询最多运行 {limits.timeout:g} 秒、占用 {limits.memory_mib} MiB 内存、返回 "
              f"{limits.row_limit} 行（或三元组）；更长的结果会被截断，并以响应头 {TRUNCATED_HEADER}: "
              f"true 标明。查询由每次入库后生成的存储快照回答。拒绝 SERVICE" + (
                  f"，{services} 除外。" if services else "。"),
    }


def service_description(endpoint: str, limits: SparqlLimits,
                        result_format: ResultFormat) -> bytes:
    """The SPARQL 1.1 Service Description of the endpoint, in an RDF format."""
    service, dataset, graph = (pyoxigraph.BlankNode(n) for n in ("service", "dataset", "default"))
    statements: list[Statement] = [
        (service, _iri(RDF_TYPE), _iri(SD + "Service")),
        (service, _iri(SD + "endpoint"), _iri(endpoint)),
        (service, _iri(SD + "supportedLanguage"), _iri(SD + "SPARQL11Query")),
        (service, _iri(SD + "feature"), _iri(SD + "UnionDefaultGraph")),
        (service, _iri(SD + "defaultEntailmentRegime"),
         _iri("http://www.w3.org/ns/entailment/Simple")),
        (service, _iri(SD + "defaultDataset"), dataset),
        (dataset, _iri(RDF_TYPE), _iri(SD + "Dataset")),
        (dataset, _iri(SD + "defaultGraph"), graph),
        (graph, _iri(RDF_TYPE), _iri(SD + "Graph")),
        *_comments(graph, DEFAULT_GRAPH),
        *_comments(dataset, PER_REVISION),
        *_comments(service, _limits(limits)),
    ]
    for number, (name, texts) in enumerate(FIXED_GRAPHS.items()):
        named = pyoxigraph.BlankNode(f"graph{number}")
        statements += [(dataset, _iri(SD + "namedGraph"), named),
                       (named, _iri(RDF_TYPE), _iri(SD + "NamedGraph")),
                       (named, _iri(SD + "name"), _iri(str(name))),
                       *_comments(named, texts)]
    statements += [(service, _iri(SD + "resultFormat"), _iri(f.iri))
                   for f in RESULT_FORMATS + GRAPH_FORMATS]
    if limits.allowed_services:
        statements.append((service, _iri(SD + "feature"), _iri(SD + "BasicFederatedQuery")))
    return _description(statements, result_format)


def remote_service_description(endpoint: str, result_format: ResultFormat) -> bytes:
    """The Service Description an app reading a remote store gives at its own /sparql, which
    answers no queries: the remote server's public endpoint, where they go (web/README.md)."""
    service = pyoxigraph.BlankNode("service")
    return _description([
        (service, _iri(RDF_TYPE), _iri(SD + "Service")),
        (service, _iri(SD + "endpoint"), _iri(endpoint)),
        (service, _iri(SD + "supportedLanguage"), _iri(SD + "SPARQL11Query")),
        *_comments(service, REMOTE),
    ], result_format)


def _iri(value: str) -> pyoxigraph.NamedNode:
    return pyoxigraph.NamedNode(value)


def _comments(subject: pyoxigraph.BlankNode, texts: Texts) -> list[Statement]:
    """An rdfs:comment of `subject` in each language."""
    return [(subject, _iri(RDFS_COMMENT), pyoxigraph.Literal(text, language=lang))
            for lang, text in texts.items()]


def _description(statements: list[Statement], result_format: ResultFormat) -> bytes:
    """The statements of a service description written in `result_format`."""
    body = pyoxigraph.serialize(
        [pyoxigraph.Triple(s, p, o) for s, p, o in statements],
        format=getattr(pyoxigraph.RdfFormat, result_format.engine_name),
        prefixes={"sd": SD, "formats": FORMATS_NS,
                  "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}
        if result_format.engine_name in ("TURTLE", "RDF_XML") else None)
    assert body is not None  # no output file given: the bytes are returned
    return body

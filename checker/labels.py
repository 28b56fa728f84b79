"""Names for people: a node's labels by language, from the submission or the rulebook.

A report names every node it mentions by its label in the report's language when it has one,
else by its label in the other language, an untagged one, then any, else by its IRI; a blank
node, which has no IRI to show, by its class (`kinds_of_unnamed`). The submission labels its own nodes (in each language,
`rdfs:label`, else `skos:prefLabel`, else `dcterms:title`); the ontology labels the standard's
terms, the shapes the forms of value they ask for (shp:Number); the few terms of reused
vocabularies that the shapes walk through are labelled here, as the ontology does not describe
them.
A name is for reading: one longer than NAME_CHARS characters is cut (`cut_text`), in reports as in
the terminal's tables (checker/render/cells.py).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping

from rdflib import RDF, RDFS, BNode, Graph, Literal
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS
from rdflib.term import Node

from .i18n import language_of

Labels = Mapping[Node, Mapping[str, str]]

NAME_CHARS = 200  # a name or table cell longer than this is cut: a wide one already spans a screen
CUT_MARK = "…"
_JOINER = "\u200d"  # the zero-width joiner of emoji sequences

LABEL_PREDICATES = (RDFS.label, SKOS.prefLabel, DCTERMS.title)

# Reused terms on the shapes' paths (docs/evidence.md), which the ontology does not label.
_REUSED: dict[Node, dict[str, str]] = {
    RDF.type: {"zh": "类型", "en": "type"},
    RDFS.label: {"zh": "名称", "en": "name"},
    PROV.generated: {"zh": "生成的证据", "en": "generated evidence"},
    PROV.used: {"zh": "所用对象", "en": "used"},
    PROV.wasInformedBy: {"zh": "所依据的活动", "en": "informed by"},
    PROV.invalidatedAtTime: {"zh": "失效时间", "en": "invalidated at"},
    PROV.wasAssociatedWith: {"zh": "相关责任方", "en": "associated with"},
    PROV.wasAttributedTo: {"zh": "归属方", "en": "attributed to"},
    ORG.hasUnit: {"zh": "下设单位", "en": "has unit"},
    DCTERMS.title: {"zh": "标题", "en": "title"},
    DCTERMS.date: {"zh": "日期", "en": "date"},
    ORG.organization: {"zh": "所属组织", "en": "member of"},
    ORG.member: {"zh": "成员", "en": "member"},
    ORG.role: {"zh": "角色", "en": "role"},
    ORG.Organization: {"zh": "组织", "en": "organisation"},
    PROV.Agent: {"zh": "主体（组织等）", "en": "agent"},
    ORG.Membership: {"zh": "成员关系", "en": "membership"},
    SKOS.broader: {"zh": "上位概念", "en": "broader concept"},
    # 9.2.3: a rated level's scale and name (docs/model.md, decision 19).
    SKOS.inScheme: {"zh": "所属量表或概念体系", "en": "in scheme"},
    SKOS.prefLabel: {"zh": "首选名称", "en": "preferred name"},
}


def reused_terms() -> frozenset[Node]:
    """The reused vocabularies' terms named here, as the ontology does not name them."""
    return frozenset(_REUSED)


def labels_of(graph: Graph, node: Node) -> dict[str, str]:
    """The node's labels by language ("" for an untagged one), each from the first predicate of
    LABEL_PREDICATES that gives one in that language (a Chinese label beside an English title),
    else from the reused terms' table. A tag names a language of the reports by its first
    subtag, case aside (zh-CN, zh-Hans, ZH → zh; en-US → en), a plain `zh` or `en` first; any
    other tag (`cn`, no language's) stands for itself, in lower case (docs/model.md, decision 14)."""
    found: dict[str, str] = {}
    for predicate in LABEL_PREDICATES:
        found = by_language(graph.objects(node, predicate)) | found
    return found or dict(_REUSED.get(node, {}))


def by_language(labels: Iterable[object]) -> dict[str, str]:
    """Texts by the language their tags file them under (`labels_of`); anything but a literal
    left out."""
    # A plain tag last, so that it stays; others as given (the last of two alike stays).
    tagged = sorted((o for o in labels if isinstance(o, Literal)), key=lambda o: _exact(o.language))
    return {_language(o.language): str(o) for o in tagged}


def _language(tag: str | None) -> str:
    """The language a label's tag files it under: a report's, else the tag in lower case."""
    return "" if not tag else language_of(tag) or tag.lower()


def _exact(tag: str | None) -> bool:
    """Whether a tag is the language itself, with no region or script (zh, not zh-CN)."""
    return bool(tag) and "-" not in tag  # type: ignore[operator]


def collect_labels(nodes: Iterable[Node], *graphs: Graph) -> dict[Node, dict[str, str]]:
    """Labels of every node that has any, each looked up in `graphs` in turn."""
    found: dict[Node, dict[str, str]] = {}
    for node in dict.fromkeys(nodes):
        if isinstance(node, Literal) or node in found:
            continue
        for graph in graphs:
            if labels := labels_of(graph, node):
                found[node] = labels
                break
        else:
            if node in _REUSED:
                found[node] = dict(_REUSED[node])
    return found


def collect_codes(nodes: Iterable[Node], graph: Graph) -> dict[Node, str]:
    """The code of each node that `graph` gives one (skos:notation: 9.1.4's indicators, `b.1.1`),
    which a report names beside its label."""
    found: dict[Node, str] = {}
    for node in dict.fromkeys(nodes):
        if not isinstance(node, Literal) and (code := graph.value(node, SKOS.notation)) is not None:
            found[node] = str(code)
    return found


def cut_text(text: str, limit: int = NAME_CHARS,
             shown: Callable[[str], str] = str) -> tuple[str, bool]:
    """`text` as shown, each character through `shown` (a terminal shows a control character as
    an escape), and whether it was cut: at most `limit` characters, else cut and ending in
    CUT_MARK. A cut never falls inside what one character is shown as, nor before a combining
    mark or beside a zero-width joiner, which are read with the character before them (a Python
    string holds code points: no surrogate pair can be split)."""
    pieces = [shown(ch) for ch in text[:limit + 1]]  # each character is shown as one at least
    if len(text) <= limit and sum(map(len, pieces)) <= limit:
        return "".join(pieces), False
    room, kept = limit - len(CUT_MARK), 0
    while kept < len(pieces) and room >= len(pieces[kept]):
        room -= len(pieces[kept])
        kept += 1
    while kept > 0 and _read_with_the_one_before(text, kept):
        kept -= 1
    return "".join(pieces[:kept]) + CUT_MARK, True


def _read_with_the_one_before(text: str, at: int) -> bool:
    """Whether a cut before `text[at]` would part it from the character before it."""
    return unicodedata.category(text[at]).startswith("M") or _JOINER in (text[at], text[at - 1])


def cut_labels(labels: Mapping[str, str]) -> dict[str, str]:
    """Labels by language, each cut at NAME_CHARS characters (`cut_text`)."""
    return {lang: cut_text(text)[0] for lang, text in labels.items()}


def kinds_of_unnamed(nodes: Iterable[Node], labels: Mapping[Node, object], graph: Graph,
                     terms: Graph) -> dict[Node, Node]:
    """The class to name each blank node of `nodes` by that has no label in `labels`: of its types
    in `graph`, one `terms` (or the reused terms' table) labels, the most specific (no other of
    them its subclass), the first by IRI where several are."""
    found: dict[Node, Node] = {}
    for node in dict.fromkeys(nodes):
        if not isinstance(node, BNode) or node in labels or node in found:
            continue
        types = sorted((t for t in set(graph.objects(node, RDF.type)) if labels_of(terms, t)),
                       key=str)
        specific = [t for t in types if not any(
            other != t and t in set(terms.transitive_objects(other, RDFS.subClassOf))
            for other in types)]
        if specific:
            found[node] = specific[0]
    return found

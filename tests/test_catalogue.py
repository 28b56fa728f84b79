"""The requirement catalogue (ontology/requirements.ttl) checked against facts read off the standard.

Every expected value below was written down from the draft of GB/T 《品牌培育 产业集群》
(chapters 4 to 9) and from the decisions in docs/model.md; none is derived from the catalogue itself.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from checker.paths import REQUIREMENTS_FILE
from tests.catalogue_counts import COUNTS, UPDATE

BCIC = Namespace("https://w3id.org/bcic/ontology#")
REQ = Namespace("https://w3id.org/bcic/req/gbt-draft/")
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")

# --------------------------------------------------------------------------------------------
# Facts from the standard
# --------------------------------------------------------------------------------------------

# Numbered clauses with text of their own. Headings without text (4.2, 4.3, 5.2, 6.1.1, 6.1.2, 7.1,
# 7.1.2, 7.2, 7.2.1, 7.2.2, 7.3, 7.4, 7.5, 8.1, 8.2, 8.3, 9.1, 9.2, 9.3, 9.4) are not provisions
# (HEADINGS below).
NUMBERED_CLAUSES: tuple[str, ...] = (
    "4.1", "4.2.1", "4.2.2", "4.2.3", "4.3.1", "4.3.2",
    "5.1", "5.2.1", "5.2.2", "5.2.3", "5.2.4", "5.3",
    "6.1", "6.1.1.1", "6.1.1.2", "6.1.2.1", "6.1.2.2", "6.2",
    "7.1.1", "7.1.2.1", "7.1.2.2", "7.1.2.3",
    "7.2.1.1", "7.2.1.2", "7.2.1.3", "7.2.2.1", "7.2.2.2", "7.2.2.3", "7.2.3", "7.2.4", "7.2.5",
    "7.3.1", "7.3.2", "7.3.3", "7.3.4",
    "7.4.1", "7.4.2", "7.4.3", "7.4.4",
    "7.5.1", "7.5.2", "7.5.3", "7.5.4",
    "8.1.1", "8.1.2", "8.1.3", "8.1.4",
    "8.2.1", "8.2.2", "8.2.3", "8.2.4", "8.2.5", "8.2.6",
    "8.3.1", "8.3.2", "8.3.3", "8.3.4",
    "9.1.1", "9.1.2", "9.1.3", "9.1.4", "9.2.1", "9.2.2", "9.2.3",
    "9.3.1", "9.3.2", "9.4.1", "9.4.2",
)

LIST_ITEMS: tuple[str, ...] = (
    "4.2.1-a", "4.2.1-b", "4.2.1-c", "4.2.1-d", "4.2.1-e", "4.2.1-f", "4.2.1-g", "4.2.1-h", "4.2.1-i",
    "4.2.2-a", "4.2.2-b", "4.2.2-c", "4.2.2-d", "4.2.2-e", "4.2.2-f", "4.2.2-g",
    "4.2.3-a", "4.2.3-b", "4.2.3-c",
    "5.3-1", "5.3-2", "5.3-3", "5.3-4", "5.3-5",
    "6.2-a", "6.2-b", "6.2-c", "6.2-d",
    "8.1.3-1", "8.1.3-2", "8.1.3-3", "8.1.3-4", "8.1.3-5",
    "8.3.2-1", "8.3.2-2", "8.3.2-3", "8.3.2-4",
    "8.3.3-1", "8.3.3-2", "8.3.3-3",
    "8.3.4-1", "8.3.4-2", "8.3.4-3",
    "9.1.4-a", "9.1.4-a-1", "9.1.4-a-2", "9.1.4-a-3", "9.1.4-a-4",
    "9.1.4-b", "9.1.4-b-1", "9.1.4-b-2",
    "9.1.4-c", "9.1.4-c-1", "9.1.4-c-2", "9.1.4-c-3", "9.1.4-c-4",
    "9.3.2-a", "9.3.2-b", "9.3.2-c", "9.3.2-d",
    "9.4.1-a", "9.4.1-b", "9.4.1-c",
)

# A part of a clause that its modal verb gives another level than the clause: 6.1.2.2's
# 「…合理设计产业集群品牌架构模式，可考虑采用……等模式。」 is a requirement (应) and a permission (可)
# (docs/model.md, decision 4), each with its text, its mark as people read it (an editor's,
# in the reader's language) and its modal verbs.
PARTS: dict[str, tuple[str, dict[str, str], tuple[str, ...]]] = {
    "6.1.2.2-may": ("可考虑采用集群品牌、集群品牌+企业品牌、集群品牌+产品品牌、背书品牌等模式。",
                    {"zh": "〔可〕", "en": "[may]"}, ("可",)),
}
# The whole text of each clause with a part, copied from the standard.
PARTED_CLAUSES: dict[str, str] = {
    "6.1.2.2": "培育主体应根据产业集群的发展阶段以及自身具备的资源和能力，权衡各类品牌架构模式的收益、成本和风险，"
               "合理设计产业集群品牌架构模式，可考虑采用集群品牌、集群品牌+企业品牌、集群品牌+产品品牌、背书品牌等模式。",
}

EXPECTED_IDS: tuple[str, ...] = NUMBERED_CLAUSES + LIST_ITEMS + tuple(PARTS)

# How many items each list of the standard has (the lead-in provision → its direct items).
LIST_ITEM_COUNTS: dict[str, int] = {
    "4.2.1": 9, "4.2.2": 7, "4.2.3": 3,
    "5.3": 5,
    "6.2": 4,
    "8.1.3": 5, "8.3.2": 4, "8.3.3": 3, "8.3.4": 3,
    "9.1.4": 3, "9.1.4-a": 4, "9.1.4-b": 2, "9.1.4-c": 4,
    "9.3.2": 4, "9.4.1": 3,
}

# Levels (docs/model.md, Decisions 1-5). Everything not listed here is shall.
INFORMATIVE_IDS: frozenset[str] = frozenset({
    "4.3.1", "7.2.1.1", "9.2.2",
    "9.3.2", "9.3.2-a", "9.3.2-b", "9.3.2-c", "9.3.2-d",
    "9.4.1-a", "9.4.1-b", "9.4.1-c",
})
MAY_IDS: frozenset[str] = frozenset({"8.3.1", "6.1.2.2-may"})
# Chapter 7 instructions without a modal verb, read as shall (Decision 2).
IMPERATIVE_IDS: frozenset[str] = frozenset({
    "7.1.2.2", "7.3.2", "7.3.4", "7.4.2", "7.4.4", "7.5.1", "7.5.2", "7.5.3", "7.5.4",
})

# The modal verbs of each clause whose text uses something other than 应 alone, in the order the
# text writes them (by clause id; list items take the modal verbs of their lead-in, a part has its
# own, PARTS). 6.1 starts with 应当 and its second sentence has 应 (「培育主体应当建立…战略应包括…」);
# 9.1.3's 应能 is 应.
MODALS_OF_CLAUSE: dict[str, tuple[str, ...]] = {
    "4.3.2": ("需要",), "6.1": ("应当", "应"), "6.1.2.1": ("应当",),
    "7.2.4": ("需要",), "7.4.1": ("要",), "7.4.3": ("要",), "8.3.1": ("可",),
}

# Whom each clause binds, where it is not the cultivation body as a whole.
ACTORS_OF_CLAUSE: dict[str, frozenset[URIRef]] = {
    "4.2.1": frozenset({BCIC.GovernmentRole}),
    "4.2.2": frozenset({BCIC.IndustryOrganisationRole, BCIC.ThirdPartyInstitutionRole}),
    "4.2.3": frozenset({BCIC.IndustryEnterpriseRole, BCIC.SupportingEnterpriseRole}),
    "4.3.2": frozenset({BCIC.CultivationBodyMemberRole}),
    "7.4.2": frozenset({BCIC.IndustryOrganisationRole}),
    # 集群内的企业: the enterprises of the industry and of related and supporting industries.
    "7.4.3": frozenset({BCIC.IndustryEnterpriseRole, BCIC.SupportingEnterpriseRole}),
    "7.4.4": frozenset({BCIC.GovernmentRole, BCIC.IndustryOrganisationRole}),
}
DEFAULT_ACTORS: frozenset[URIRef] = frozenset({BCIC.CultivationBodyRole})

# Figure 0.1 (Decision 6).
LAYER_OF_CHAPTER: dict[int, URIRef] = {
    4: BCIC.DriverLayer, 5: BCIC.DriverLayer, 6: BCIC.DriverLayer,
    7: BCIC.ProcessLayer, 8: BCIC.ProcessLayer,
    9: BCIC.ResultLayer,
}

# Modal verbs in chapters 4-9, counted in the text by hand: 应 ×51, 应当 ×2, 需要 ×2, 要 ×2, 可 ×2
# and no 宜, once the non-modal uses below are set aside.
# 应 ×51 = 50 clauses' own verbs + 1 inside 4.2.3 b) (所应具有, see ITEM_OWN_MODALS); 9.1.3's 应能
# counts as 应; 6.1 holds 应当 + 应 and 7.1.1 holds 应 twice. 可 ×2 = 6.1.2.2 [may] (可考虑, the part
# of a shall clause) + 8.3.1.
EXPECTED_MODAL_COUNTS: dict[str, int] = {"应": 51, "应当": 2, "需要": 2, "要": 2, "可": 2, "宜": 0}

# Words that contain a modal character but are not modal verbs (docs/model.md), plus
# 适宜 (9.2.3 "suitable", holds 宜).
LOOK_ALIKE_WORDS: tuple[str, ...] = (
    "相应", "供应", "适应", "效应", "应用", "要素", "主要", "重要", "要求", "可能", "可持续",
    "必要时", "适宜",
)
# Non-modal uses that only their context tells apart, each with the one provision it occurs in.
# - 应对 in 4.2.1 h) is the verb "respond to" (识别和应对 "identify and respond to"); elsewhere
#   (5.1, 5.2.2, 5.3, 8.2.6, 8.3.3) 应对 is 应 "shall" + 对 "on" and counts.
# - 需要 in 7.1.1 is twice the noun/verb "need" (所需要的基础设施 "the infrastructure needed",
#   品牌发展的需要 "the needs of brand development"), not the modal of 4.3.2 and 7.2.4.
# Each maps to (the provision it occurs in, an ASCII gloss for test ids).
CONTEXTUAL_NON_MODALS: dict[str, tuple[str, str]] = {
    "识别和应对": ("4.2.1-h", "respond-to"),
    "所需要": ("7.1.1", "needed"),
    "发展的需要": ("7.1.1", "needs-of"),
}
# The one list item whose own text holds a modal verb: 4.2.3 b) 产业集群产品所应具有的质量特色 ("the
# quality features the cluster's products ought to have") — 应 "ought to" inside an attributive
# 所-phrase. It is a modal use and the count of 51 holds it, but it qualifies a noun: the item's level
# still comes from its lead-in's 应, like every other item.
ITEM_OWN_MODALS: dict[str, dict[str, int]] = {"4.2.3-b": {"应": 1}}

# Verbatim zh texts, copied from the standard (page breaks joined without a space).
VERBATIM_ZH: dict[str, str] = {
    "4.1": "培育主体应明确其成员，成员一般包含各级政府机构、行业组织、其他第三方机构、行业内企业及相关及支持产业的企业等。",
    "4.2.1": "政府在产业集群品牌建设中应履行的职责包括：",
    "4.2.1-h": "组织识别和应对产业集群品牌风险；",
    "5.2.1": "培育主体应结合该产业集群所在产业特点，分析该产业全球价值链驱动模式，如，购买者驱动型、生产者驱动型或混合型。",
    "5.3-2": "质量水平：主要分析产业集群的产业成熟度，包括供应链管理能力和企业数量、企业规模；产业内分工协作等；",
    "5.3-3": "服务水平：主要分析产业集群的营销能力和服务提供能力等。",
    "6.1.2.2": "培育主体应根据产业集群的发展阶段以及自身具备的资源和能力，权衡各类品牌架构模式的收益、成本和风险，合理设计产业集群品牌架构模式，",
    "7.2.4": "培育主体需要制定政策促进研发、技术、管理、营销人才集聚到产业集群区域，为集群品牌的发展提供充分的人力资本，促进知识外溢效应的实现，促进人力资源的有效配置。",
    "7.2.5": "培育主体应识别、选择、评价集群品牌培育的利益相关者，包括地方政府、集群内企业、顾客、经销商、金融机构、中介结构、其他合作伙伴等；建立和加强与利益相关者的信任，推动和促进双向沟通和知识分享，加强利益相关者之间在技术、管理、人员、资金、信息等方面的协作。",
    "7.4.2": "由产业集群内的行业协会牵头，组织质量攻关，提高集群内整体质量水平。",
    "8.1.2": "培育主体应设计的品牌要素，包括但不限于品牌名称、品牌标志、品牌口号、品牌故事等基本要素，以及这些要素的运用载体。",
    "8.3.1": "培育主体可申请注册集群品牌，并进行统一的使用、管理和保护。",
    "8.3.3-3": "确保集群产品的包装形象、品质形象、价格形象、运输形象、销售终端形象等与集群品牌形象一致。",
    "9.1.4-a": "培育过程能力指标",
    "9.1.4-a-1": "资源水平，含区位优势、历史积淀、文化传承、政策支持率；",
    "9.1.4-c-4": "可持续性，含发展机会、发展能力。",
    "9.4.1": "培育主体应根据评价结果，结合品牌战略目标，确定持续改进的优先次序和改进方向。可能的改进方向包括：",
    "9.4.2": "培育主体应结合产业集群的特点，建立循环和纠偏机制。",
}

DUTY_LISTS: tuple[str, ...] = ("4.2.1", "4.2.2", "4.2.3")

# The headings of chapters 4 to 9, copied from the standard: the chapters', those of clauses with
# text of their own (4.1), and those of clauses that only head others (4.2).
HEADINGS: dict[str, str] = {
    "4": "培育主体管理", "4.1": "培育主体成员", "4.2": "培育主体成员的职责", "4.2.1": "政府的职责",
    "4.2.2": "行业组织及其他第三方机构的职责", "4.2.3": "企业与相关及支持产业企业的职责",
    "4.3": "品牌生态环境营造",
    "5": "品牌环境分析", "5.1": "宏观环境分析", "5.2": "全球价值链分析", "5.3": "产业集群内部环境分析",
    "6": "品牌培育战略", "6.1": "品牌培育战略制定", "6.1.1": "品牌定位", "6.1.2": "品牌架构",
    "6.2": "品牌培育战略部署",
    "7": "资源管理", "7.1": "有形资产", "7.1.1": "基础设施", "7.1.2": "金融资源", "7.2": "无形资源",
    "7.2.1": "人文资源", "7.2.2": "政策资源", "7.2.3": "知识资源", "7.2.4": "人力资源",
    "7.2.5": "利益相关者", "7.3": "技术创新", "7.4": "质量", "7.5": "服务",
    "8": "品牌化过程", "8.1": "品牌要素设计", "8.2": "品牌传播", "8.3": "品牌维护",
    "9": "品牌培育的绩效和改进", "9.1": "绩效指标选择", "9.2": "绩效测量", "9.3": "绩效分析与评价",
    "9.4": "持续改进",
}
SECTIONS: frozenset[str] = frozenset(HEADINGS) - frozenset(NUMBERED_CLAUSES)


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def catalogue() -> Graph:
    """The parsed catalogue (parsed once per test session)."""
    graph = Graph()
    graph.parse(REQUIREMENTS_FILE, format="turtle")
    return graph


def req(pid: str) -> URIRef:
    """The IRI of a provision id."""
    return REQ[pid]


def clause_of(pid: str) -> str:
    """'4.2.1-a' → '4.2.1'; '9.1.4-a-1' → '9.1.4'."""
    return pid.split("-", 1)[0]


def parent_of(pid: str) -> str | None:
    """The lead-in a list item belongs to: '9.1.4-a-1' → '9.1.4-a', '5.3-2' → '5.3'; the
    clause a part belongs to: '6.1.2.2-may' → '6.1.2.2'."""
    return pid.rsplit("-", 1)[0] if "-" in pid else None


def marker_of(pid: str) -> str | None:
    """The bcic:listItem marker the model prescribes: 'a)', '—2' or 'a) —2' (None: no list item)."""
    parts = pid.split("-")[1:]
    if not parts or pid in PARTS:
        return None
    return " ".join(f"{p})" if p.isalpha() else f"—{p}" for p in parts)


def display_prefix(pid: str, lang: str) -> str:
    """How a label opens: the provision's number as people read it, then a space."""
    mark = PARTS[pid][1][lang] if pid in PARTS else marker_of(pid)
    return f"{clause_of(pid)} {mark} " if mark else f"{pid} "


def expected_level(pid: str) -> URIRef:
    """The level written down above."""
    if pid in INFORMATIVE_IDS:
        return BCIC.Informative
    if pid in MAY_IDS:
        return BCIC.May
    return BCIC.Shall


def lang_values(subject: URIRef, prop: URIRef, lang: str) -> list[Literal]:
    """The literals of a property in one language."""
    return [o for o in catalogue().objects(subject, prop) if isinstance(o, Literal) and o.language == lang]


def zh_text(pid: str) -> str:
    """The single zh provision text of a provision."""
    values = lang_values(req(pid), BCIC.provisionText, "zh")
    assert len(values) == 1, f"{pid}: expected one zh provision text, found {len(values)}"
    return str(values[0])


def modal_counts(text: str) -> Counter[str]:
    """Occurrences of each modal verb in a zh text, look-alikes and contextual non-modals removed."""
    for word in sorted((*LOOK_ALIKE_WORDS, *CONTEXTUAL_NON_MODALS), key=len, reverse=True):
        text = text.replace(word, "〇")
    counts: Counter[str] = Counter()
    for modal in ("应当", "需要", "应", "要", "可", "宜"):  # longer first: 应当 before 应, 需要 before 要
        counts[modal] = text.count(modal)
        text = text.replace(modal, "〇")
    return counts


def catalogued_ids() -> set[str]:
    """Local parts of every bcic:Requirement in the catalogue."""
    ids = set()
    for subject in catalogue().subjects(RDF.type, BCIC.Requirement):
        assert str(subject).startswith(str(REQ)), f"requirement outside the req: namespace: {subject}"
        ids.add(str(subject)[len(str(REQ)):])
    return ids


# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------

def test_the_expected_ids_written_here_are_consistent() -> None:
    """The explicit id tuple and the per-list counts above agree with each other (guards the test)."""
    assert len(EXPECTED_IDS) == len(set(EXPECTED_IDS)) == COUNTS.provisions, (
        "EXPECTED_IDS above lists every provision id: " + UPDATE)
    items_per_parent = Counter(parent_of(pid) for pid in LIST_ITEMS)
    assert dict(items_per_parent) == LIST_ITEM_COUNTS
    assert INFORMATIVE_IDS | MAY_IDS | IMPERATIVE_IDS <= set(EXPECTED_IDS)


def test_every_clause_of_the_standard_is_catalogued_and_nothing_else() -> None:
    """Every provision id of chapters 4-9 is a bcic:Requirement, and there is no other."""
    found = catalogued_ids()
    missing = sorted(set(EXPECTED_IDS) - found)
    extra = sorted(found - set(EXPECTED_IDS))
    assert not missing and not extra, f"missing: {missing}; extra: {extra}"


@pytest.mark.parametrize(
    "lead_in, count",
    [pytest.param(k, v, id=f"{k}:{v}-items") for k, v in sorted(LIST_ITEM_COUNTS.items())],
)
def test_every_list_has_as_many_items_as_the_standard(lead_in: str, count: int) -> None:
    """Each list's items point to their lead-in through bcic:partOfProvision, as many as in the text."""
    items = sorted(str(s) for s in catalogue().subjects(BCIC.partOfProvision, req(lead_in)))
    assert len(items) == count, f"{lead_in}: {len(items)} items, the standard has {count}: {items}"


@pytest.mark.parametrize("pid", EXPECTED_IDS)
def test_every_provision_has_the_level_the_standard_gives(pid: str) -> None:
    """bcic:normativeLevel is the level written down above (shall unless listed otherwise)."""
    levels = set(catalogue().objects(req(pid), BCIC.normativeLevel))
    assert levels == {expected_level(pid)}, f"{pid}: {levels}"


@pytest.mark.parametrize("pid", EXPECTED_IDS)
def test_every_provision_carries_every_required_field(pid: str) -> None:
    """Identifier, clause id, zh/en text and labels, level, actor, chapter, layer, source, types."""
    g = catalogue()
    s = req(pid)
    assert (s, RDF.type, OWL.NamedIndividual) in g
    assert set(g.objects(s, DCTERMS.identifier)) == {Literal(pid)}
    assert set(g.objects(s, BCIC.clauseId)) == {Literal(clause_of(pid))}
    for prop in (BCIC.provisionText, RDFS.label):
        for lang in ("zh", "en"):
            values = lang_values(s, prop, lang)
            assert len(values) == 1 and str(values[0]).strip(), f"{pid}: {prop} @{lang}: {values}"
    assert len(set(g.objects(s, BCIC.normativeLevel))) == 1
    assert set(g.objects(s, BCIC.bindsActor)), f"{pid}: no bcic:bindsActor"
    chapter = int(pid.split(".")[0])
    assert set(g.objects(s, BCIC.chapter)) == {Literal(chapter, datatype=XSD_INTEGER)}
    assert set(g.objects(s, BCIC.layer)) == {LAYER_OF_CHAPTER[chapter]}
    assert set(g.objects(s, DCTERMS.source)) == {BCIC.StandardDraft}


@pytest.mark.parametrize("pid", EXPECTED_IDS)
def test_labels_start_with_the_display_id(pid: str) -> None:
    """rdfs:label reads '4.2.1 a) …', '5.3 —2 …', '9.1.4 a) —1 …', '5.2.1 …' or, for a part,
    '6.1.2.2 〔可〕 …' (zh) and '6.1.2.2 [may] …' (en)."""
    for lang in ("zh", "en"):
        prefix = display_prefix(pid, lang)
        (label,) = lang_values(req(pid), RDFS.label, lang)
        assert str(label).startswith(prefix) and len(str(label)) > len(prefix), f"{pid} @{lang}: {label}"


@pytest.mark.parametrize("pid", EXPECTED_IDS)
def test_list_items_and_only_they_have_a_marker_and_a_lead_in(pid: str) -> None:
    """List items carry bcic:listItem and bcic:partOfProvision of the model's form; a part its
    clause's provision, no marker; clauses neither."""
    g = catalogue()
    markers = set(g.objects(req(pid), BCIC.listItem))
    parents = set(g.objects(req(pid), BCIC.partOfProvision))
    if parent_of(pid) is None or pid in PARTS:
        assert not markers, f"{pid}: {markers}"
    if parent_of(pid) is None:
        assert not parents, f"{pid}: {parents}"
    else:
        assert markers == ({Literal(marker_of(pid))} if marker_of(pid) else set()), f"{pid}: {markers}"
        assert parents == {req(parent_of(pid))}, f"{pid}: {parents}"


@pytest.mark.parametrize("pid", EXPECTED_IDS)
def test_modal_verbs_are_those_of_the_provision_sentence(pid: str) -> None:
    """Modal-level provisions name their modal verb; imperative and informative ones name none."""
    modals = set(catalogue().objects(req(pid), BCIC.modalVerb))
    if pid in IMPERATIVE_IDS or pid in INFORMATIVE_IDS:
        assert not modals, f"{pid}: {modals}"
    else:
        verbs = PARTS[pid][2] if pid in PARTS else MODALS_OF_CLAUSE.get(clause_of(pid), ("应",))
        expected = {Literal(m) for m in verbs}
        assert modals == expected, f"{pid}: {modals}, expected {expected}"


@pytest.mark.parametrize("pid", sorted(IMPERATIVE_IDS | INFORMATIVE_IDS | set(PARTS)))
def test_levels_not_read_off_a_modal_verb_are_explained(pid: str) -> None:
    """Imperative and informative provisions, and a part catalogued apart from its clause for its
    level (6.1.2.2 [may]), carry a levelNote in zh and en."""
    for lang in ("zh", "en"):
        assert lang_values(req(pid), BCIC.levelNote, lang), f"{pid}: no levelNote @{lang}"


def test_modal_verb_totals_match_the_standard() -> None:
    """Counted in the zh texts of all provisions, the modal verbs occur as often as in the text."""
    totals: Counter[str] = Counter()
    for pid in EXPECTED_IDS:
        totals.update(modal_counts(zh_text(pid)))
    assert {m: totals[m] for m in EXPECTED_MODAL_COUNTS} == EXPECTED_MODAL_COUNTS


@pytest.mark.parametrize(
    "phrase, pid",
    [pytest.param(k, pid, id=f"{pid}:{gloss}") for k, (pid, gloss) in CONTEXTUAL_NON_MODALS.items()],
)
def test_each_contextual_non_modal_occurs_only_where_it_was_judged(phrase: str, pid: str) -> None:
    """A phrase set aside as non-modal occurs in the one provision it was judged in, and nowhere else."""
    holders = sorted(p for p in EXPECTED_IDS if phrase in zh_text(p))
    assert holders == [pid]


def test_clauses_without_a_modal_verb_are_exactly_the_informative_and_imperative_ones() -> None:
    """A numbered clause whose text has no modal verb is informative or an imperative of chapter 7."""
    without = {pid for pid in NUMBERED_CLAUSES if not sum(modal_counts(zh_text(pid)).values())}
    expected = {pid for pid in NUMBERED_CLAUSES if pid in INFORMATIVE_IDS | IMPERATIVE_IDS}
    assert without == expected, f"no modal: {sorted(without)}; expected: {sorted(expected)}"


@pytest.mark.parametrize("pid", EXPECTED_IDS)
def test_the_catalogued_modal_verbs_are_all_those_the_text_writes(pid: str) -> None:
    """bcic:modalVerb holds every modal verb of the provision's zh text and no other, look-alikes
    (相应, 应对 in 4.2.1 h), 可能, 可持续, 要素, 主要, 7.1.1's noun 需要…) set aside: a clause's text
    alone (6.1: 应当 and 应); a list item its own (4.2.3 b)'s 所应具有) and those of its clause's
    text it takes as its lead-in's (none where the item is informative: 9.4.1 a)–c), whose lead-in
    sentence 「可能的改进方向包括：」 writes none; 9.4.1's 应 ends with the sentence before it)."""
    recorded = {str(m) for m in catalogue().objects(req(pid), BCIC.modalVerb)}
    written = set(+modal_counts(zh_text(pid)))
    if pid in NUMBERED_CLAUSES:
        assert recorded == written, f"{pid}: recorded {recorded}, written {written}"
    else:
        lead_in = set(+modal_counts(zh_text(clause_of(pid))))
        assert written <= recorded <= written | lead_in, f"{pid}: {recorded}"


def test_list_items_carry_no_modal_verb_of_their_own_but_4_2_3_b() -> None:
    """Items take the lead-in's level: only 4.2.3 b)'s attributive 所应具有 holds a modal of its own."""
    with_modal = {
        pid: dict(+modal_counts(zh_text(pid))) for pid in LIST_ITEMS if +modal_counts(zh_text(pid))
    }
    assert with_modal == ITEM_OWN_MODALS
    assert "所应具有" in zh_text("4.2.3-b")


@pytest.mark.parametrize("pid", sorted(VERBATIM_ZH))
def test_zh_text_is_the_standard_verbatim(pid: str) -> None:
    """Spot check: the zh provision text equals the standard's, character for character."""
    assert zh_text(pid) == VERBATIM_ZH[pid]


def test_zh_texts_are_trimmed_and_free_of_list_markers() -> None:
    """No zh text keeps whitespace, a markdown dash, a —— marker or a letter marker."""
    bad = {}
    for pid in EXPECTED_IDS:
        text = zh_text(pid)
        if re.search(r"\s", text) or text.startswith(("-", "——")) or re.match(r"^[a-z]\)", text):
            bad[pid] = text
    assert not bad


@pytest.mark.parametrize("pid", EXPECTED_IDS)
def test_every_provision_binds_the_actor_its_subject_names(pid: str) -> None:
    """bcic:bindsActor is the role named by the clause's subject, else the cultivation body."""
    actors = set(catalogue().objects(req(pid), BCIC.bindsActor))
    assert actors == ACTORS_OF_CLAUSE.get(clause_of(pid), DEFAULT_ACTORS), f"{pid}: {actors}"


@pytest.mark.parametrize("pid", sorted(PARTS))
def test_a_part_and_its_clause_together_quote_the_clause_verbatim(pid: str) -> None:
    """6.1.2.2's text is its requirement up to the permission, 6.1.2.2 [may]'s the permission; one
    after the other they are the clause as the standard writes it, each with its level's verb."""
    clause = clause_of(pid)
    assert zh_text(pid) == PARTS[pid][0]
    assert zh_text(clause) + zh_text(pid) == PARTED_CLAUSES[clause]
    assert set(catalogue().objects(req(clause), BCIC.normativeLevel)) == {BCIC.Shall}
    assert {str(v) for v in catalogue().objects(req(clause), BCIC.modalVerb)} == {"应"}
    assert set(catalogue().objects(req(pid), BCIC.normativeLevel)) == {BCIC.May}


# The subject of each modal sentence of a numbered clause, written down from the text, with the
# roles it names. 培育主体设计品牌要素 (8.1.3) is the body designing the elements. A subject naming an
# actor by another name than a role (产业集群 7.4.1, 集群内的企业 7.4.3, 组织 7.1.1) or a thing (the
# strategy of 6.1's second sentence, the indicators of 9.1.3 and 9.1.4) names no role.
SUBJECT_ROLES: dict[str, frozenset[URIRef]] = {
    "培育主体": frozenset({BCIC.CultivationBodyRole}),
    "培育主体设计品牌要素": frozenset({BCIC.CultivationBodyRole}),
    "培育主体成员": frozenset({BCIC.CultivationBodyMemberRole}),
    "政府": frozenset({BCIC.GovernmentRole}),
    "行业组织及其他第三方机构": ACTORS_OF_CLAUSE["4.2.2"],
    "企业与相关及支持产业企业": ACTORS_OF_CLAUSE["4.2.3"],
    "产业集群": frozenset(), "集群内的企业": frozenset(), "组织": frozenset(),
    "产业集群的品牌培育战略": frozenset(), "品牌培育的绩效指标": frozenset(),
    "品牌培育绩效的关键指标": frozenset(),
}
# The provisions that bind other than the subject their text names (docs/model.md: a
# bcic:actorNote says why); found by the subjects above, written down here to pin the finding.
ACTOR_NOTED: frozenset[str] = frozenset({"6.1", "7.1.1", "7.4.1", "7.4.3", "9.1.3", "9.1.4"})


def first_modal(sentence: str) -> int | None:
    """Where the first modal verb of a sentence stands, look-alikes set aside (None: none)."""
    for word in sorted((*LOOK_ALIKE_WORDS, *CONTEXTUAL_NON_MODALS), key=len, reverse=True):
        sentence = sentence.replace(word, "〇" * len(word))
    places = [sentence.find(m) for m in ("应当", "需要", "应", "要", "可", "宜") if m in sentence]
    return min(places) if places else None


def subjects(text: str) -> list[str]:
    """The subject of each sentence of a zh text that has a modal verb: the words before the verb,
    less an adverbial that follows the subject (政府在…中应, 培育主体在…时，应). A sentence whose
    subject is left out (6.1.2.2's 「…，可考虑采用…」 goes on from its clause's) names none."""
    found = []
    for sentence in text.split("。"):
        at = first_modal(sentence)
        if at is not None and (subject := re.split("[在，]", sentence[:at], maxsplit=1)[0]):
            found.append(subject)
    return found


@pytest.mark.parametrize("pid", NUMBERED_CLAUSES)
def test_every_subject_of_a_modal_sentence_is_written_down_here(pid: str) -> None:
    """The subjects read off the text are those SUBJECT_ROLES knows (a new one needs a decision)."""
    assert set(subjects(zh_text(pid))) <= set(SUBJECT_ROLES), subjects(zh_text(pid))


def test_the_provisions_binding_other_than_their_subjects_are_those_written_down() -> None:
    """A provision whose sentences name a subject other than the roles it binds: 7.1.1's second
    sentence 「组织应…」, 7.4.1 「产业集群要…」, 7.4.3 「集群内的企业要…」, and the things of 6.1
    「产业集群的品牌培育战略应…」, 9.1.3 and 9.1.4 (indicators)."""
    found = {pid for pid in NUMBERED_CLAUSES
             if any(SUBJECT_ROLES[s] != set(catalogue().objects(req(pid), BCIC.bindsActor))
                    for s in subjects(zh_text(pid)))}
    assert found == ACTOR_NOTED


@pytest.mark.parametrize("pid", EXPECTED_IDS)
def test_an_actor_not_read_off_the_subject_is_explained(pid: str) -> None:
    """Those provisions, and only they, carry a bcic:actorNote in zh and en, which names (zh) the
    subject it explains."""
    notes = {lang: lang_values(req(pid), BCIC.actorNote, lang) for lang in ("zh", "en")}
    if pid not in ACTOR_NOTED:
        assert not any(notes.values()), f"{pid}: {notes}"
        return
    assert all(len(n) == 1 for n in notes.values()), notes
    bound = set(catalogue().objects(req(pid), BCIC.bindsActor))
    for subject in subjects(zh_text(pid)):
        if SUBJECT_ROLES[subject] != bound:
            assert f"“{subject}”" in str(notes["zh"][0]), (subject, notes["zh"])


def test_the_duties_of_4_2_are_exactly_its_lettered_items() -> None:
    """bcic:Duty holds the 19 lettered items of 4.2.1-4.2.3 and nothing else (not their lead-ins)."""
    duties = {str(s)[len(str(REQ)):] for s in catalogue().subjects(RDF.type, BCIC.Duty)}
    expected = {pid for pid in LIST_ITEMS if clause_of(pid) in DUTY_LISTS}
    assert len(expected) == 19
    assert duties == expected, f"missing: {sorted(expected - duties)}; extra: {sorted(duties - expected)}"


def test_only_zh_and_en_language_tags_are_used() -> None:
    """Language tags are zh or en, nothing else (docs/model.md)."""
    tags = {o.language for o in catalogue().objects() if isinstance(o, Literal) and o.language}
    assert tags == {"zh", "en"}


# What the level note of each imperative of chapter 7 says of the text around it (docs/model.md,
# decision 2): the modal verb each other clause of its section uses (or that it has none), and how
# many of the clauses of chapter 7 use 应, 需要 or 要. The claims are read off the note's words.
NOTE_CLAIMS = {
    "zh": re.compile(r"(?P<section>[\d.]+) 的其他条款中，(?P<parts>[^；]+)；第7章的 (?P<total>\d+) 条中"
                     r"有 (?P<modal>\d+) 条使用“应”“需要”或“要”。"),
    "en": re.compile(r"The other clauses of (?P<section>[\d.]+): (?P<parts>[^;]+); (?P<modal>\d+) of "
                     r"the (?P<total>\d+) clauses of chapter 7 use 应, 需要 or 要\."),
}
NOTE_PARTS = {  # one part of the claims: its clauses, then the verb they use ("" for none)
    "zh": (re.compile(r"(?P<ids>[\d.、]+) (?:使用“(?P<verb>[^”]+)”|同样没有情态动词)"), "，", r"、"),
    "en": (re.compile(r"(?P<ids>[\d., and]+?) (?:use (?P<verb>\S+)|ha(?:s|ve) no modal verb either)"),
           ", and ", r", | and "),
}
CHAPTER_7_VERBS = {"应", "需要", "要"}


def note_claims(pid: str, lang: str) -> tuple[str, dict[str, str], int, int]:
    """The claims of an imperative's level note: its section, each neighbour's verb, and the
    clauses of chapter 7 in all and with a modal verb."""
    (note,) = lang_values(req(pid), BCIC.levelNote, lang)
    found = NOTE_CLAIMS[lang].search(str(note))
    assert found, f"{pid} @{lang}: the note states no claims in the form read here: {note}"
    part_form, between_parts, between_ids = NOTE_PARTS[lang]
    verbs = {}
    for part in found["parts"].split(between_parts):
        claim = part_form.fullmatch(part)
        assert claim, f"{pid} @{lang}: {part!r}"
        verbs |= {cid: claim["verb"] or "" for cid in re.split(between_ids, claim["ids"])}
    return found["section"], verbs, int(found["total"]), int(found["modal"])


def catalogued_verbs(pid: str) -> set[str]:
    """The modal verbs the catalogue records for a provision."""
    return {str(v) for v in catalogue().objects(req(pid), BCIC.modalVerb)}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("pid", sorted(IMPERATIVE_IDS))
def test_an_imperatives_level_note_says_truly_what_verbs_its_neighbours_use(pid: str, lang: str) -> None:
    """The note names every other clause of the imperative's section and the modal verb the
    catalogue records for it, or none (7.4.1 and 7.4.3 use 要; no clause of 7.5 has one)."""
    section, verbs, _total, _modal = note_claims(pid, lang)
    assert section == pid.rsplit(".", 1)[0]
    neighbours = {c for c in NUMBERED_CLAUSES if c.rsplit(".", 1)[0] == section and c != pid}
    assert set(verbs) == neighbours
    for neighbour, verb in verbs.items():
        assert catalogued_verbs(neighbour) == ({verb} if verb else set()), neighbour


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("pid", sorted(IMPERATIVE_IDS))
def test_an_imperatives_level_note_counts_the_clauses_of_chapter_7_truly(pid: str, lang: str) -> None:
    """The note's "15 of the 25 clauses of chapter 7 use 应, 需要 or 要", counted in the catalogue."""
    _section, _verbs, total, modal = note_claims(pid, lang)
    chapter_7 = [c for c in NUMBERED_CLAUSES if c.startswith("7.")]
    assert total == len(chapter_7)
    assert modal == sum(bool(catalogued_verbs(c) & CHAPTER_7_VERBS) for c in chapter_7)



def title_property(pid: str) -> URIRef:
    """Where a catalogue entry keeps its title: the standard's heading, or bcic's short title."""
    return BCIC.heading if pid in HEADINGS else BCIC.shortTitle


def test_the_sections_are_the_headings_with_no_text_of_their_own_and_nothing_else() -> None:
    """bcic:Section holds the six chapters and the twenty clauses that only head others."""
    found = {str(catalogue().value(s, DCTERMS.identifier))
             for s in catalogue().subjects(RDF.type, BCIC.Section)}
    assert found == SECTIONS and len(SECTIONS) == 26


@pytest.mark.parametrize("cid", sorted(SECTIONS, key=lambda c: [int(p) for p in c.split(".")]))
def test_a_section_keeps_the_standards_heading_and_is_no_provision(cid: str) -> None:
    """4.2 培育主体成员的职责: its heading verbatim (zh) and rendered (en), labelled as the standard
    numbers it, not a requirement and of no level, part of the chapter or clause above it."""
    g, s = catalogue(), req(cid)
    assert (s, RDF.type, OWL.NamedIndividual) in g and (s, RDF.type, BCIC.Requirement) not in g
    assert not set(g.objects(s, BCIC.normativeLevel)) and set(g.objects(s, DCTERMS.identifier)) == {Literal(cid)}
    assert [str(h) for h in lang_values(s, BCIC.heading, "zh")] == [HEADINGS[cid]]
    for lang in ("zh", "en"):
        (heading,) = lang_values(s, BCIC.heading, lang)
        assert [str(x) for x in lang_values(s, RDFS.label, lang)] == [f"{cid} {heading}"]
    assert set(g.objects(s, DCTERMS.isPartOf)) == ({req(cid.rsplit(".", 1)[0])} if "." in cid else set())


@pytest.mark.parametrize("pid", EXPECTED_IDS)
def test_a_provision_is_titled_by_the_standards_heading_or_by_bcics_short_title(pid: str) -> None:
    """A clause the standard heads (4.1 培育主体成员) keeps the heading verbatim as bcic:heading; any
    other provision (4.3.1, a list item, 6.1.2.2 [may]) a bcic:shortTitle, marked as bcic's; never
    both. The label is the provision's number and that title, in each language."""
    other = BCIC.shortTitle if pid in HEADINGS else BCIC.heading
    assert not set(catalogue().objects(req(pid), other)), pid
    if pid in HEADINGS:
        assert [str(h) for h in lang_values(req(pid), BCIC.heading, "zh")] == [HEADINGS[pid]]
    for lang in ("zh", "en"):
        (title,) = lang_values(req(pid), title_property(pid), lang)
        assert [str(x) for x in lang_values(req(pid), RDFS.label, lang)] == [
            display_prefix(pid, lang) + str(title)]


@pytest.mark.parametrize("pid", EXPECTED_IDS)
def test_a_numbered_clause_is_part_of_the_chapter_or_clause_it_is_numbered_under(pid: str) -> None:
    """5.2.1 is part of 5.2, 6.1.1.1 of 6.1.1, 4.1 of chapter 4 (dcterms:isPartOf); a list item or a
    part belongs to its provision (bcic:partOfProvision) instead."""
    parts = set(catalogue().objects(req(pid), DCTERMS.isPartOf))
    assert parts == ({req(pid.rsplit(".", 1)[0])} if pid in NUMBERED_CLAUSES else set())

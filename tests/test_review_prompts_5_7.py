"""Parts of shall-provisions of chapters 5 and 7 that no data can show go to the evaluator: a
standards expert found these provisions reported as met on the conformant sample although part of
their text (the words quoted below, verbatim) can only be judged by reading the documents. Each now
has a review prompt in zh and en (shapes/review.ttl), so it awaits the evaluator (待人工评审)."""

from __future__ import annotations

import functools

import pytest
from rdflib import RDF, Graph

from checker.namespaces import BCIC
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.report import Report, Status
from checker.rulebook import load_rulebook
from checker.validation import validate_files, validate_graph

# Provision → the words of its text, verbatim, that no shape checks and its prompt quotes.
UNSHOWN = {
    "5.2.1": ("结合该产业集群所在产业特点",),
    "7.1.2.3": ("降低集群成员之间的交易费用，避免或削弱潜在的交易风险",),
    "7.2.1.2": ("根据集群品牌的行业特殊性", "当地的人文资源优势", "独特"),
    "7.2.1.3": ("通过恰当的沟通手段", "深层次的精神与文化内涵", "根植于消费者的内心深处",
                "获得消费者较高的忠诚度"),
    "7.2.2.1": ("制约集群发展的阻碍因素", "制度保证、政策支持"),
    "7.2.2.2": ("作为一个重要的公共工程", "行之有效"),
    "7.2.2.3": ("通过政策引导发展集群内各企业间紧密关系", "强有力的利益共同体"),
    "7.2.3": ("对知识进行确认、积累、整合", "促进知识在集群内的转移和创新"),
    "7.2.4": ("提供充分的人力资本", "促进知识外溢效应的实现", "促进人力资源的有效配置"),
    "7.2.5": ("选择、评价",),
    "7.3.1": ("立足全球", "国际先进技术", "先进标准", "自主技术创新", "不断提升集群品牌的产品技术含量"),
    "7.3.3": ("关键技术、关键工艺和设备要求", "提升集群品牌产品的核心技术", "确保产品的科技含量"),
    "7.4.1": ("先进", "原材料、配件"),
    "7.4.2": ("提高集群内整体质量水平",),
    "7.4.3": ("先进管理模式", "质量管理的工具"),
    "7.5.1": ("影响集群品牌的消费者满意的服务要素",),
    "7.5.2": ("根据集群品牌消费者的需求",),
    "7.5.3": ("集群内的组织成员、服务项目", "确保服务的质量"),
}

# What the en prompt says of those parts, in the same order as far as each is rendered.
SAID_EN = {
    "5.2.1": ("characteristics of the industry the cluster belongs to",),
    "7.1.2.3": ("lowers the transaction costs between the cluster's members",
                "avoids or weakens potential transaction risks"),
    "7.2.1.2": ("particular to the cluster brand's industry", "local", "distinctive"),
    "7.2.1.3": ("suitable means of communication", "deeper spirit and cultural meaning",
                "takes root deep in their minds", "strong loyalty"),
    "7.2.2.1": ("address the obstacles",),
    "7.2.2.2": ("important public undertaking", "really effective"),
    "7.2.2.3": ("through policy guidance", "strong community of interest"),
    "7.2.3": ("identified, accumulated and integrated", "transfer and innovation within the cluster"),
    "7.2.4": ("human capital", "knowledge spill-over", "effective allocation of human resources"),
    "7.2.5": ("really selected and evaluated, not only listed",),
    "7.3.1": ("global view", "internationally advanced", "standards drawn up and adopted are advanced",
              "the cluster's own", "keeps rising"),
    "7.3.3": ("all three of the cluster's key technologies, key processes and equipment",
              "scientific and technological content"),
    "7.4.1": ("are advanced", "both the raw materials and the parts"),
    "7.4.2": ("raise the overall quality level within the cluster",),
    "7.4.3": ("are advanced", "both advanced management models and quality management tools"),
    "7.5.1": ("affect the satisfaction of the cluster brand's consumers",),
    "7.5.2": ("follow from the needs of the cluster brand's consumers",),
    "7.5.3": ("both the cluster's member organisations and its service offerings",
              "ensures the quality of the services"),
}


@functools.cache
def _dehua() -> Report:
    return validate_files([EXAMPLES_DIR / "dehua-ceramics.ttl"])


@functools.cache
def _text(lang: str) -> str:
    return render_report(_dehua(), "text", lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("rid", sorted(UNSHOWN))
def test_the_prompt_quotes_the_part_no_data_shows_verbatim(rid: str) -> None:
    requirement = load_rulebook().requirements[rid]
    prompt = requirement.review_prompt
    assert prompt is not None, rid
    for part in UNSHOWN[rid]:
        assert part in requirement.text["zh"], part  # the standard's own words…
        assert part in prompt["zh"], part  # …quoted as they are
    for said in SAID_EN[rid]:
        assert said in prompt["en"], said


@pytest.mark.parametrize("rid", sorted(UNSHOWN))
def test_the_sample_that_meets_the_shapes_awaits_the_evaluator(rid: str) -> None:
    """Dehua meets every shape of these provisions: they await the evaluator, not "met", and the
    checklist of the text report asks the prompt in each language."""
    report = _dehua()
    outcome = report.outcome(rid)
    assert (outcome.status, outcome.results) == (Status.MANUAL_REVIEW, ())
    assert outcome in report.awaiting_judgement()
    assert report.conforms
    for lang in ("zh", "en"):
        assert outcome.requirement.review_prompt[lang] in _text(lang)  # type: ignore[index]


def test_7_3_1_awaits_review_with_its_prompt_in_both_languages() -> None:
    """7.3.1 「引进国际先进技术，制定和采用先进标准…不断提升集群品牌的产品技术含量」: data shows the
    forecast, the introduction, the standards with their codes and the projects, not that they are
    advanced or raise the products' technological content."""
    outcome = _dehua().outcome("7.3.1")
    assert outcome.status is Status.MANUAL_REVIEW
    assert ("判断技术发展趋势预测是否立足全球，所引进的是否为国际先进技术，所制定和采用的是否为先进标准"
            in _text("zh"))
    assert ("Judge whether the technology trend forecast takes a global view, whether the "
            "technologies introduced are internationally advanced") in _text("en")


def test_a_provision_not_met_keeps_its_status_beside_its_prompt() -> None:
    """A prompt never lifts a gap: the sample without its credit mechanism still fails 7.1.2.3."""
    data = Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl")
    data.remove((None, RDF.type, BCIC.CreditMechanism))
    outcome = validate_graph(data).outcome("7.1.2.3")
    assert outcome.status is Status.NOT_MET
    assert outcome.requirement.review_prompt is not None

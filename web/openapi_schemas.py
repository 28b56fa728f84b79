"""The JSON Schemas (2020-12, as OpenAPI 3.1 takes them) of the API's answers: the components of
the document `web/openapi.py` builds.

Every object is closed (`additionalProperties: false`) and requires every key its writer always
writes, so that tests/test_web_openapi.py, which validates real answers against these schemas,
fails on a field added to an answer and not described here, as on one described and no longer
written. Maps keyed by a cluster IRI, a year or an ask id say so in their `propertyNames`.
"""

from __future__ import annotations

from typing import Any

from checker.queries import ColumnKind, NamedQuery, list_queries
from checker.verdicts import RATE_DECIMALS

Json = dict[str, Any]

STRING: Json = {"type": "string"}
INTEGER: Json = {"type": "integer"}
NUMBER: Json = {"type": "number"}
BOOLEAN: Json = {"type": "boolean"}
LABELS: Json = {"type": "object", "description": "a text by language tag (zh, en)",
                "additionalProperties": STRING}
_YEAR = {"pattern": "^[0-9]{4}$"}
_IRI = {"type": "string", "format": "iri"}


def described(description: str, description_zh: str) -> Json:
    """A description: OpenAPI's own field in English, both languages beside it."""
    return {"description": description,
            "x-bcic-description": {"en": description, "zh": description_zh}}


def closed(**properties: Json) -> Json:
    """An object that always has every one of these properties, and no other."""
    return {"type": "object", "required": list(properties), "properties": properties,
            "additionalProperties": False}


def _or_null(schema: Json) -> Json:
    return {"oneOf": [schema, {"type": "null"}]}


def _nullable(kind: str) -> Json:
    return {"type": [kind, "null"]}


def _array(items: Json) -> Json:
    return {"type": "array", "items": items}


def _ref(name: str) -> Json:
    return {"$ref": f"#/components/schemas/{name}"}


def _by_cluster(values: Json, description: str, description_zh: str) -> Json:
    return {"type": "object", "propertyNames": _IRI, "additionalProperties": values,
            **described(description, description_zh)}


def _by_year(values: Json) -> Json:
    return {"type": "object", "propertyNames": _YEAR, "additionalProperties": values}


def schemas() -> Json:
    """Every component schema by name."""
    return {**_cluster_schemas(), **_report_schemas(), **_indicator_schemas(),
            **_query_schemas()}


def _revision(**more: Json) -> Json:
    """A stored revision's provenance (`web/evaluation_api.py`), with `more` properties."""
    return closed(
        number=INTEGER, generated={"type": "string", "format": "date-time"}, conforms=BOOLEAN,
        conformance_rate={"type": ["number", "null"], **described(
            f"shall-level conformance rate, met ÷ applicable, rounded half up to {RATE_DECIMALS} "
            "decimals as the named query clusters-by-conformance gives it (null: stored before "
            "revisions recorded their counts)",
            f"“应”级规定符合率（满足数 ÷ 适用数），四舍五入保留 {RATE_DECIMALS} 位小数，与命名查询 "
            "clusters-by-conformance 相同（null：存储于修订版开始记录计数之前）")},
        pending_review=_nullable("integer"),
        rulebook_version=STRING,
        rulebook_digest={"type": ["string", "null"], **described(
            "the SHA-256 of the rule files that judged it (null: stored before revisions "
            "recorded it)", "判定它的规则文件的 SHA-256 摘要（null：存储于修订版开始记录摘要之前）")},
        submitter=_nullable("string"),
        files=_array(closed(name=STRING, sha256=STRING)),
        report={"type": "string", **described("the URL of its report (JSON)",
                                              "其报告（JSON）的 URL")}, **more)


def _cluster_schemas() -> Json:
    ids = _array(STRING)
    changed_from = {"type": ["string", "null"], **described(
        "the version of the rulebook of the revision before, when another judged it (another "
        "version, or the same version with another digest): what this one closed and opened may "
        "come from the rules, not the submission",
        "前一修订版所依据的规则库的版本（规则库与本版不同时，即版本不同，或版本相同而摘要不同）：本版已解决或新出现的条款"
        "可能源于规则变化，而非提交材料")}
    changed_from_digest = {"type": ["string", "null"], **described(
        "the digest of that rulebook (null: the rulebook did not change, or its digest was not "
        "recorded)", "该规则库的摘要（null：规则库未变化，或未记录其摘要）")}
    history_revision = _revision(closed=_array(_ref("RequirementRef")),
                                 opened=_array(_ref("RequirementRef")),
                                 rulebook_changed_from=changed_from,
                                 rulebook_changed_from_digest=changed_from_digest)
    deleted_revision = {**closed(
        number=INTEGER, deleted={"type": "string", "format": "date-time"},
        deleted_by=_nullable("string"), reason={"type": ["string", "null"], **described(
            "why it was deleted, as the evaluator gave it (null: a deletion made before "
            "reasons were kept)", "删除理由（按评价人员所给；null：删除时尚未记录理由）")}), **described(
        "a deleted revision as its tombstone keeps it: when and, where known, by whom and why "
        "it was deleted; its number is never given again",
        "已删除的修订版（按其删除记录）：删除时间、删除人（如已知）及删除理由；该版本号不再使用")}
    return {
        "Error": closed(ok={"const": False}, status=INTEGER,
                       error={"type": "string", "description": "the error class"},
                       message={"type": "string", "description": "what and where"}),
        "ClusterRef": closed(iri=STRING, key=STRING, labels=LABELS,
                            stored={"type": "boolean", **described(
                                "whether the cluster has revisions in the store (else it is "
                                "only named as a peer by a stored one)",
                                "该集群在库中是否有修订版（否则只是被已存储集群列为对比集群）")}),
        "RequirementRef": closed(id=STRING, labels=LABELS),
        "Revision": _revision(page=STRING),
        "ClusterList": closed(
            count={"type": "integer", **described(
                "how many clusters the list holds in all (those matching `q` when given)",
                "列表中产业集群的总数（给出 `q` 时为与其匹配的产业集群数）")},
            offset=INTEGER, limit=INTEGER,
            next={"type": ["string", "null"], **described(
                "the URL of the page after this one (null: this page ends the list)",
                "下一页的地址（null：本页为列表末页）")},
            clusters=_array(closed(
                key=STRING, cluster=STRING, label=_nullable("string"), revisions=INTEGER,
                latest=_ref("Revision"), deleted_after_latest={
                    **_array(deleted_revision), **described(
                        "the revisions deleted after `latest`, by number: its verdict is then "
                        "the newest remaining revision's, not the last one given (empty: none)",
                        "在 `latest` 之后被删除的修订版（按版本号）：此时其结论为剩余最新修订版的结论，"
                        "而非最后给出的结论（空：没有）")}, url=STRING))),
        "ClusterDetail": closed(key=STRING, cluster=STRING, label=_nullable("string"),
                               revisions=_array(_revision(
                                   page=STRING, closed=ids, opened=ids,
                                   rulebook_changed_from=changed_from,
                                   rulebook_changed_from_digest=changed_from_digest,
                                   judgements=_array(_ref("JudgementEvent"))))),
        "ClusterHistory": closed(cluster=_ref("ClusterRef"), revisions=_array(history_revision),
                                 deleted_revisions=_array(deleted_revision)),
        "StoredRevision": _revision(page=STRING, ok={"const": True}, key=STRING, cluster=STRING,
                                    label=_nullable("string")),
        "JudgementRequest": {**closed(
            provision=STRING, met=BOOLEAN, note=_nullable("string"),
            note_lang={"enum": ["zh", "en"], **described(
                "the rationale's language; by default the request's (`lang`, else the "
                "Accept-Language header), as the answer's",
                "理由所用语言；缺省为请求的语言（`lang`，否则为 Accept-Language 请求头），与应答的语言相同")}),
            "required": ["provision", "met"]},
        "Judged": closed(ok={"const": True}, key=STRING, number=INTEGER, provision=STRING,
                         met=BOOLEAN, by=_nullable("string"), date=STRING,
                         note=_nullable("string"),
                         note_lang=_or_null({"enum": ["zh", "en"]}), report=STRING),
        "JudgementEvent": {**closed(
            provision=STRING, notation=STRING, met=BOOLEAN, by=_nullable("string"), date=STRING,
            note=_nullable("string"), note_lang=_or_null({"enum": ["zh", "en"]}),
            from_command_line=BOOLEAN, current=BOOLEAN), **described(
                "an evaluator's judgement of a provision of the revision (its id and the "
                "standard's notation): met or not, by whom, when, the rationale, whether it was "
                "recorded from the command line (bcic judge: its name is unproven); current "
                "false when a later judgement of the provision supersedes it",
                "评价人员对该修订版某条款的判定（条款编号及标准中的写法）：是否满足、判定人、时间、理由、"
                "是否经命令行记录（bcic judge：判定人名称未经验证）；current 为 false 表示已被该条款的后一判定取代")},
        "JudgementList": closed(key=STRING, number=INTEGER,
                                judgements=_array(_ref("JudgementEvent"))),
        "DeletionRequest": {**closed(reason={"type": "string", **described(
            "why the revision is deleted: text of at most 2000 characters, its lines and tabs "
            "kept, without other control characters, line or paragraph separators or "
            "bidirectional controls (as a judgement's rationale)",
            "删除理由：至多 2000 个字符的文本，可含换行与制表符，不得含其他控制字符、行或段落分隔符及双向文字控制符"
            "（与判定理由相同）")}), "required": ["reason"]},
        "Deleted": closed(ok={"const": True},
                         deleted=closed(key=STRING, cluster=STRING, number=INTEGER,
                                        reason=STRING)),
        "Health": closed(ok={"const": True}, status={"const": 200}, store={"const": "readable"}),
        "RulesReloaded": closed(ok={"const": True}, rulebook_version=STRING, rulebook_digest=STRING,
                               requirements=INTEGER, shapes=INTEGER, ontology_triples=INTEGER,
                               shapes_triples=INTEGER),
    }


def _report_schemas() -> Json:
    """The JSON report (checker/render/json_.py and the modules it calls)."""
    text_or_null = _nullable("string")
    severity = {"enum": ["violation", "warning", "info"]}
    rate = closed(met=INTEGER, pending_review=INTEGER, not_met=INTEGER, total=INTEGER,
                 ratio=NUMBER)
    return {
        "Report": closed(
            lang={"enum": ["zh", "en"]}, cluster=text_or_null, cluster_label=text_or_null,
            revision=_or_null(closed(number=INTEGER, key=STRING, submitter=text_or_null)),
            rechecked=_or_null(closed(number=INTEGER, key=STRING, rulebook_version=STRING,
                                      rulebook_digest=text_or_null, conforms=BOOLEAN,
                                      rate=_or_null(rate), judgements={
                                          "type": "integer", **described(
                                              "the evaluator's judgements the stored verdict "
                                              "includes", "已存储结论所含评价人员判定的项数")},
                                      judgements_applied={"type": "integer", **described(
                                          "of those, the ones applied to provisions this report "
                                          "still leaves to the evaluator (the others: the data "
                                          "now decides the provision)",
                                          "其中适用于本报告仍待人工评审条款的项数（其余项：数据现已判定该条款）")},
                                      note=STRING)),
            rulebook_version=STRING, rulebook_digest=text_or_null, created=STRING,
            files=_array(STRING),
            hints_rulebook_version={"type": "string", **described(
                "the rulebook whose hints, review prompts and links the report gives: the running "
                "one, for a stored report made under another",
                "报告中提示、人工评审提示和链接所依据的规则库版本：对在其他规则库下作出的已存储报告，为当前运行的规则库")},
            rulebook_note=text_or_null,
            sha256={"type": "object", "additionalProperties": STRING,
                    "description": "each file's SHA-256, by its name"},
            triples=INTEGER, translation_note=text_or_null, conforms=BOOLEAN,
            sign_off=_or_null({**closed(
                evaluators=_array(closed(name=text_or_null, provisions=INTEGER,
                                         from_command_line=BOOLEAN)),
                latest=STRING, awaiting=INTEGER, lead_ins_awaiting_items=INTEGER, final=BOOLEAN,
                text=STRING), **described(
                    "who judged the provisions the stored report left to the evaluator (names "
                    "as recorded, how many each, whether recorded from the command line), the "
                    "latest judgement's time, how many provisions still await an evaluator "
                    "(awaiting) and how many lead-ins follow their list items still awaiting "
                    "(lead_ins_awaiting_items: not judged themselves), and whether none does "
                    "(final); null where no judgement applies",
                    "评价人员签署：判定人（按记录的名称）、各自判定的条款数、是否经命令行记录、最近一次判定的时间、"
                    "仍待评价人员判定的条款数（awaiting）、随仍待判定的列项而定的引导条款数"
                    "（lead_ins_awaiting_items：其本身不判定）及是否已无（final）；未计入任何判定时为 null")}),
            rates=closed(overall=rate, by_chapter={"type": "object", "additionalProperties": rate,
                                                  "propertyNames": {"pattern": "^[4-9]$"}},
                        by_layer=closed(driver=rate, process=rate, result=rate)),
            requirements=_array(_ref("RequirementOutcome")),
            # Each distinct ask of the guidance's evidence once, by the id the evidence names.
            guidance_asks={"type": "object", "additionalProperties": closed(
                path=STRING, kind=STRING, expected=_array(STRING), known=_array(STRING),
                closed=BOOLEAN, count=_nullable("integer"), then=_array(STRING),
                options=_array(_array(STRING)))},
            manual_review=_array(STRING),
            duties_set_aside=_array(closed(clause=STRING, roles=_array(STRING),
                                          duties=_array(STRING), message=STRING)),
            # Why 4.2's duties are not set aside: no body declared, a member's role undefined.
            duties_not_set_aside=_array(STRING),
            awaiting_judgement=_array(STRING),
            # IRIs of the standard's namespaces the ontology does not define: notes, no verdict.
            unknown_terms=_array(closed(
                term=STRING, used_as={"enum": ["class", "property", "value"]},
                suggestion=text_or_null, file=text_or_null, line=_nullable("integer"),
                column=_nullable("integer"), message=STRING)),
            unknown_terms_more=INTEGER,
            # Namespaces close to the standard's the submission writes IRIs under: notes too.
            near_namespaces=_array(closed(written=STRING, meant=STRING, statements=INTEGER,
                                          message=STRING)),
            # Language tags mistaken for a language's (`@cn`): notes too.
            language_tags=_array(closed(written=STRING, meant=STRING, statements=INTEGER,
                                        message=STRING))),
        "RequirementOutcome": closed(
            id=STRING, clause=STRING, notation=STRING,
            level={"enum": ["shall", "should", "may", "informative"]},
            layer={"enum": ["driver", "process", "result"]}, chapter=INTEGER, label=STRING,
            title_source={"enum": ["standard", "bcic"]}, text=STRING, text_zh=STRING,
            in_running_rulebook={"type": "boolean", **described(
                "false: judged under the rulebook that made this stored report, and no longer in "
                "the running one", "false：按作出该已存储报告的规则库判定，当前运行的规则库中已无此条款")},
            status={"enum": ["met", "not_met", "manual_review", "not_applicable", "not_used"]},
            judgement=_or_null({**closed(
                met=BOOLEAN, by=text_or_null, date=STRING, note=text_or_null,
                note_lang=_or_null({"enum": ["zh", "en"]}), from_command_line=BOOLEAN),
                **described(
                    "the evaluator's judgement that decided a provision the stored report left "
                    "to them (待人工评审): met or not, by whom, when, the rationale, and whether "
                    "it was recorded from the command line (bcic judge: its name is unproven)",
                    "评价人员对已存储报告中待人工评审条款的判定：是否满足、判定人、时间、理由，及是否经命令行"
                    "记录（bcic judge：判定人名称未经验证）")}),
            decided_by_items={**_array(STRING), **described(
                "a lead-in its list items decide as judged, not the data or its own judgement: "
                "the items judged not met (its status not_met), or, its own text judged met, "
                "the items still awaiting review (its status manual_review); else empty",
                "由列项的判定而定的引导条款：判定不满足的列项（其状态为 not_met），或其本身已判定满足时仍待人工评审的"
                "列项（其状态为 manual_review）；否则为空")},
            review_prompt=text_or_null,
            guidance=_or_null({**closed(
                text=STRING, see=STRING, by_items=BOOLEAN, refers_to=_array(STRING),
                evidence=_array(closed(**{"class": STRING}, name=STRING,
                                      asks=_array(STRING)))), **described(
                    "how to meet it by the data, where it is not met or not used; null where "
                    "met, and where the evaluator's judgement decided it (judgement: its "
                    "rationale says what to act on)",
                    "如何以数据满足该条款（不满足或未采用时）；满足时为 null，由评价人员判定时亦为 "
                    "null（见 judgement：其理由即应改进之处）")}),
            review_documents=_or_null(closed(text=STRING, classes=_array(STRING))),
            findings=_array(_ref("Finding")),
            shacl_results=_array(closed(
                focus_node=text_or_null, result_path=text_or_null, value=text_or_null,
                severity=severity, message=STRING, shape=STRING))),
        "Finding": closed(
            message=STRING, also=_array(STRING), severity=severity,
            missing=_array(_ref("LookedFrom")), unmet=_array(_ref("LookedFrom")),
            missing_text=_array(STRING), nodes=_array(_ref("FindingNode")),
            shapes=_array(STRING)),
        "LookedFrom": closed(about=text_or_null, about_name=STRING, about_code=text_or_null,
                             via=text_or_null),
        "FindingNode": closed(node=text_or_null, name=STRING, code=text_or_null,
                              rank=_nullable("integer"), place=_or_null(
            closed(file=STRING, line=INTEGER, column=INTEGER)), lacks=_array(closed(
            text=STRING, place=_or_null(closed(file=STRING, line=INTEGER, column=INTEGER)),
            property=text_or_null, path=text_or_null, constraint=text_or_null,
            expected=text_or_null, expected_name=text_or_null, count=_nullable("integer"),
            value=text_or_null, value_name=text_or_null,
            allowed=_array(closed(node=STRING, name=STRING)), shape=STRING,
            closest=_array(_ref("FindingNode"))))),
    }


def _indicator_schemas() -> Json:
    """The indicator pages' JSON (checker/benchmark_json.py; docs/model.md, decision 8)."""
    indicator = {"code": STRING, "iri": STRING, "labels": LABELS,
                 "group": {"type": "string", "description": "its 9.1.4 group's code"}}
    source = described(
        "the cluster whose latest submission states the value: the cluster's own, or another "
        "cluster's that reports it as a benchmark's or a competitor's figure (9.3.2 c) d))",
        "记录该数值的集群（其最新提交）：集群自己，或将其作为标杆或竞争集群数值记录的另一集群（9.3.2 c) d)）")
    return {
        "IndicatorLeaf": closed(
            **indicator,
            compared_unit={"type": ["string", "null"], **described(
                "the unit the values are compared in (null: no two clusters share one)",
                "比较所用的计量单位（null：没有两个集群共用单位）")},
            values=_by_cluster(_nullable("number"), "each cluster's value (null: none)",
                               "各集群的数值（null：无）"),
            units=_by_cluster(_nullable("string"), "each value's unit", "各数值的计量单位"),
            scores=_by_cluster(_nullable("number"),
                               "each value ÷ the best in the unit compared × 100, to 0.1 "
                               "(null: no score)",
                               "各数值 ÷ 比较单位中的最好值 × 100，保留一位小数（null：无得分）"),
            not_comparable={"type": "array", "items": STRING, **described(
                "the clusters whose value is in a unit the others do not share",
                "数值所用单位与其他集群均不相同的集群")},
            sources=_by_cluster(_nullable("string"), source["description"] + "; null with no "
                                "value", source["x-bcic-description"]["zh"] + "；无数值时为 null"),
            levels=_by_cluster(closed(
                iri=STRING, labels=LABELS, rank=_nullable("integer"), scale=_nullable("string"),
                source=STRING,
                compared_with_first={"type": ["object", "null"], "required": ["steps", "zh", "en"],
                                     "properties": {"steps": _nullable("integer"), "zh": STRING,
                                                    "en": STRING},
                                     "additionalProperties": False, **described(
                    "levels above (positive) or below the first cluster's, by rank, with the words "
                    "(steps null: a level of another scale, not comparable; null: the first "
                    "cluster, or it has no level)",
                    "按等级名次比第一个集群高（正数）或低的级数及文字（steps 为 null：另一量表的等级，不可比较；"
                    "null：第一个集群本身，或其没有等级）")}),
                "the level of a rating scale each cluster rated so is at (9.2.3; docs/model.md, "
                "decision 24): no value and no score",
                "以评级量表评定的集群所处的等级（9.2.3；docs/model.md 第 24 条）：无数值、无得分"),
            level_ranking={"type": "array", "items": STRING, **described(
                "the clusters in `levels`, scale by scale, best first by rank (a level without a "
                "rank last): a level is never ranked against one of another scale",
                "levels 中的集群，按量表分组、按等级名次由高到低排列（无名次的等级在后）：不同量表的等级不相互排序")}),
        "IndicatorSeries": closed(
            **indicator, unit=_nullable("string"),
            actual=_by_year(NUMBER), target=_by_year(NUMBER),
            sources={**closed(actual=_by_year(STRING), target=_by_year(STRING)),
                     **described("by year, " + source["description"],
                                 "按年份：" + source["x-bcic-description"]["zh"])}),
        "Radar": closed(year=_nullable("integer"), clusters=_array(STRING), groups=_array(closed(
            code=STRING, labels=LABELS,
            counted={"type": "integer", "description": "the leaves every cluster has a score for"},
            scores=_by_cluster(_nullable("number"), "the mean score of the counted leaves",
                               "参与比较的指标得分的平均值"),
            leaves=_array(_ref("IndicatorLeaf"))))),
        "StatedBy": {"type": "array", "items": _ref("ClusterRef"), **described(
            "the clusters whose submissions state a value given here for another cluster",
            "其提交记录了此处另一集群数值的集群")},
        "ClusterIndicators": closed(
            cluster=_ref("ClusterRef"), indicators=_array(_ref("IndicatorSeries")),
            benchmark=_or_null(_ref("ClusterRef")),
            peers=_array(closed(iri=STRING, role={"enum": ["benchmark", "competitor"]},
                               labels=LABELS)),
            radar=_ref("Radar"),
            rated={"type": "array", "items": STRING, **described(
                "the codes of the radar's indicators the cluster or its benchmark is rated on at a "
                "level of a rating scale that year (9.2.3): no score, so no radar value",
                "本集群或其标杆当年以评级量表等级评定的雷达图指标代码（9.2.3）：没有得分，不计入雷达图")},
            stated_by=_ref("StatedBy")),
        "Comparison": closed(
            query={"enum": ["indicators-vs-targets", "indicators-vs-history",
                            "indicators-vs-benchmark", "indicators-vs-competitors"]},
            clause={"enum": ["9.3.2-a", "9.3.2-b", "9.3.2-c", "9.3.2-d"]},
            rows=_array({"type": "object", "additionalProperties": {"type": ["string", "number"]},
                         **described("the named query's bound variables (GET /api/queries); "
                                     "numbers as JSON numbers",
                                     "命名查询有取值的变量（见 GET /api/queries）；数字为 JSON 数字")})),
        "Benchmark": closed(
            year=_nullable("integer"), clusters=_array(_ref("ClusterRef")),
            indicators=_array(_ref("IndicatorLeaf")), stated_by=_ref("StatedBy"),
            focus=_or_null(_ref("ClusterRef")),
            comparisons=closed(**{key: _ref("Comparison")
                                 for key in ("targets", "history", "benchmark", "competitors")})),
    }


# A named query's column kind (checker/queries/columns.py) as the JSON Schema of its values.
_COLUMN_SCHEMAS = {ColumnKind.IRI: _IRI, ColumnKind.STRING: STRING, ColumnKind.INTEGER: INTEGER,
                   ColumnKind.NUMBER: NUMBER, ColumnKind.BOOLEAN: BOOLEAN}


def row_schema_name(query: NamedQuery) -> str:
    """The component name of a named query's row schema."""
    return f"QueryRow.{query.name}"


def _row_schema(query: NamedQuery) -> Json:
    """A row of the named query's answer: each column, from its `.rq` header, with its JSON type
    and description; an unbound column is left out of the row, so none is required."""
    return {"type": "object", "additionalProperties": False, "properties": {
        c.name: {**_COLUMN_SCHEMAS[c.kind], **described(c.label["en"], c.label["zh"])}
        for c in query.columns}, **described(
            f"a row of {query.name}; a column without a value is left out",
            f"{query.name} 的一行；无取值的列不出现")}


def _rows_by_query() -> list[Json]:
    """The rows of each named query's answer as its own row schema says (the answer's `name`
    says which)."""
    return [{"if": {"properties": {"name": {"const": q.name}}, "required": ["name"]},
             "then": {"properties": {"rows": _array(_ref(row_schema_name(q)))}}}
            for q in list_queries()]


def _query_schemas() -> Json:
    query = {"name": STRING, "title": STRING, "description": STRING,
             "clause": _nullable("string"), "params": _array(_ref("QueryParam"))}
    return {
        **{row_schema_name(q): _row_schema(q) for q in list_queries()},
        "QueryParam": closed(name=STRING, kind={"enum": ["iri", "literal", "integer"]},
                            required=BOOLEAN, label=STRING),
        "Query": closed(**query),
        "QueryList": closed(queries=_array(_ref("Query"))),
        "QueryAnswer": closed(
            **query, values={"type": "object", "additionalProperties": STRING},
            columns=_array(STRING),
            rows=_array({"type": "object",
                         "additionalProperties": {"type": ["string", "integer", "number",
                                                           "boolean"]},
                         **described(
                             "a value for each bound column (an unbound one is left out), "
                             "typed by its RDF datatype: XML Schema integer types as JSON "
                             "integers, xsd:decimal, xsd:double and xsd:float as JSON numbers, "
                             "xsd:boolean as true or false; IRIs, dates, years and texts as "
                             "strings, and so a value JSON cannot write as its type (NaN, an "
                             "integer beyond 64 bits)",
                             "每个有取值的列一个值（无取值的列不出现），按其 RDF 数据类型给出："
                             "XML Schema 整数类型为 JSON 整数，xsd:decimal、xsd:double、xsd:float "
                             "为 JSON 数字，xsd:boolean 为 true 或 false；IRI、日期、年份与文本为字符串，"
                             "JSON 无法按其类型写出的值（NaN、超出 64 位的整数）亦为字符串")}),
            offset=INTEGER,
            limit=INTEGER, truncated=BOOLEAN, next=_nullable("string")) | {
                "allOf": _rows_by_query()},
    }

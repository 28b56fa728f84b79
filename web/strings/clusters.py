"""UI strings of the clusters pages: one cluster (revisions, indicator charts) and benchmarking."""

from checker.i18n import in_every_language, phrase

_SCORE_RULE_EN = (
    "9.1.4 names the indicators but gives them no units or scales, and each cluster states its "
    "own (9.2.1). So that indicators of different units can share one axis, each indicator is "
    "scored relative to the best of the compared clusters in that year: value ÷ the highest value "
    "among them × 100 (every 9.1.4 indicator is a level, rate or strength to raise, so higher "
    "counts as better; negative values count as 0). Only values in the same unit are compared: "
    "an indicator is compared in the unit most of the clusters share; where a cluster states it in "
    "several units, the unit the others also state is taken, else the one its measurement "
    "specification names, else the first in sort order. A value in another unit, or when no two "
    "clusters share one, is marked not comparable (different units) and gets no score.")
_SCORE_RULE_ZH = (
    "9.1.4 只规定了指标名称，没有规定单位和量纲，各集群自行规定（9.2.1）。为使不同单位的指标能画在同一坐标轴上，"
    "每项指标按当年参与比较的集群中的最好值计算相对得分：数值 ÷ 其中的最高值 × 100（9.1.4 的指标均为需要提升的"
    "水平、比率或力度，数值越高越好；负值按 0 计）。只比较同一计量单位的数值：每项指标按多数集群共用的单位比较；"
    "集群以多个单位给出同一指标时，取其他集群也使用的单位，否则取其测量规范规定的单位，再否则按排序取第一个。"
    "其他单位的数值，或没有任何两个集群共用单位时的数值，标为不可比（单位不同），不计得分。")

STRINGS: dict[str, dict[str, str]] = {
    # errors
    "clusters.error.no_cluster": {"en": "No stored cluster has the key {given}.",
                                  "zh": "没有键为 {given} 的已存储产业集群。"},
    "clusters.error.year": {"en": "The year must be four digits, e.g. 2024 (got {value}).",
                            "zh": "年份须为四位数字，如 2024（收到的是 {value}）。"},
    "clusters.error.indicator": {
        "en": "There is no 9.1.4 indicator with the code {code}; codes look like b.1.1.",
        "zh": "9.1.4 中没有编号为 {code} 的指标；编号形如 b.1.1。"},
    "clusters.error.group": {
        "en": "There is no 9.1.4 indicator group with the code {code}; codes look like b.1.",
        "zh": "9.1.4 中没有编号为 {code} 的指标组；编号形如 b.1。"},
    "clusters.error.no_clusters": {
        "en": "Name at least one stored cluster: cluster=<key> (repeatable).",
        "zh": "请至少指定一个已存储的产业集群：cluster=<键>（可重复）。"},
    # the cluster page
    "cluster.iri": {"en": "IRI", "zh": "IRI"},
    "cluster.label": {"en": "Name", "zh": "名称"},
    "cluster.key": {"en": "Key", "zh": "键"},
    "cluster.revisions.title": {"en": "Revisions and what each changed (PDCA, 9.4)",
                                "zh": "各版提交及其变化（PDCA 循环，9.4）"},
    "cluster.revisions.caption": {
        "en": "Newest first. A gap is a shall-level requirement not met; a may-level item (8.3.1) "
              "is information, never a gap. Opened: gaps now that were not in the revision before "
              "(met, left for manual review, not applicable or not yet assessed); the first "
              "revision opens every gap it has. Closed: gaps in the revision before that are no "
              "longer. Each links to the revision's report.",
        "zh": "最新的在前。差距指未满足的“应”级要求；“可”级条款（8.3.1）仅作提示，不算差距。新出现：本版的差距"
              "中上一版不是差距的（满足、待人工评审、不适用或尚未评价）；首版列出其全部差距。已解决：上一版的差距中"
              "本版不再是差距的。每项链接到该版的报告。"},
    "cluster.revisions.number": {"en": "Revision", "zh": "版本"},
    "cluster.revisions.date": {"en": "Stored", "zh": "存储时间"},
    "cluster.revisions.verdict": {"en": "Verdict", "zh": "结论"},
    "cluster.revisions.rate": {"en": "Conformance", "zh": "符合率"},
    "cluster.revisions.rulebook": {"en": "Rulebook", "zh": "规则库版本"},
    "cluster.revisions.submitter": {"en": "Submitted by", "zh": "提交者"},
    "cluster.revisions.files": {"en": "Files (SHA-256)", "zh": "文件（SHA-256）"},
    "cluster.revisions.closed": {"en": "Closed", "zh": "已解决"},
    "cluster.revisions.opened": {"en": "Opened", "zh": "新出现"},
    "cluster.revisions.judgements": {"en": "Evaluator's judgements", "zh": "评价人员的各项判定"},
    "cluster.revisions.report": {"en": "report of revision {number}", "zh": "第 {number} 版报告"},
    "cluster.indicators.title": {"en": "Indicators (9.1.4, 9.3.2)", "zh": "关键绩效指标（9.1.4、9.3.2）"},
    "cluster.form.benchmark": {"en": "Benchmark cluster", "zh": "标杆集群"},
    "cluster.form.no_benchmark": {"en": "none", "zh": "无"},
    "cluster.form.not_stored": {"en": "not stored: only figures this cluster reports about it, if any",
                                "zh": "未存储：仅有本集群关于它的记录数值（如有）"},
    "cluster.form.year": {"en": "Year", "zh": "年份"},
    "cluster.form.latest_common_year": {"en": "latest common year", "zh": "最近的共同年份"},
    "cluster.form.group": {"en": "Indicator group", "zh": "指标组"},
    "cluster.form.indicators": {"en": "Indicators", "zh": "指标"},
    "cluster.form.show": {"en": "Show", "zh": "显示"},
    # An option whose name another cluster shares, with the end of its IRI that tells it apart
    "cluster.form.told_apart": {"en": "{name} — {where}", "zh": "{name}（{where}）"},
    # The filter of the cluster selectors (checker/cluster_choices.py: OTHERS_OFFERED at most)
    "cluster.form.find": {"en": "Find a cluster: name or IRI contains",
                          "zh": "查找产业集群：名称或 IRI 包含"},
    "cluster.form.find.apply": {"en": "Find", "zh": "查找"},
    "cluster.find.some": {
        "en": "Offered: the declared and chosen clusters, then the first {size} of the {stored} "
              "stored clusters by name. To offer another, type part of its name or IRI under "
              "“Find a cluster”.",
        "zh": "可选项：声明的和已选择的产业集群，以及已存储的 {stored} 个产业集群中按名称排列的前 {size} 个。"
              "要选择其他产业集群，请在“查找产业集群”中输入其名称或 IRI 的一部分。"},
    # By the clusters the filter keeps: one, or more
    "cluster.find.matched.one": {
        "en": "{n} of the {stored} stored clusters has “{text}” in its name or IRI. Offered: the "
              "declared and chosen clusters, then this one.",
        "zh": "已存储的 {stored} 个产业集群中，名称或 IRI 含“{text}”的有 {n} 个。可选项：声明的和已选择的"
              "产业集群，以及该产业集群。"},
    "cluster.find.matched.other": {
        "en": "{n} of the {stored} stored clusters have “{text}” in their name or IRI. Offered: "
              "the declared and chosen clusters, then these.",
        "zh": "已存储的 {stored} 个产业集群中，名称或 IRI 含“{text}”的有 {n} 个。可选项：声明的和已选择的"
              "产业集群，以及这些产业集群。"},
    "cluster.find.matched_cut": {
        "en": "{matched} of the {stored} stored clusters have “{text}” in their name or IRI. "
              "Offered: the declared and chosen clusters, then the first {size} of these by name; "
              "type more of a name or IRI to narrow them.",
        "zh": "已存储的 {stored} 个产业集群中，名称或 IRI 含“{text}”的有 {matched} 个。可选项：声明的和已选择的"
              "产业集群，以及其中按名称排列的前 {size} 个；输入名称或 IRI 的更多文字可缩小范围。"},
    "cluster.find.none": {
        "en": "No stored cluster has “{text}” in its name or IRI. Offered: the declared and "
              "chosen clusters only.",
        "zh": "没有名称或 IRI 含“{text}”的已存储产业集群。可选项：仅声明的和已选择的产业集群。"},
    # The same, on a cluster's own page, whose selector never offers that cluster (9.3.2 c)
    "cluster.find_others.some": {
        "en": "Offered: the declared and chosen clusters, then the first {size} of the {stored} "
              "other stored clusters by name. To offer another, type part of its name or IRI "
              "under “Find a cluster”.",
        "zh": "可选项：声明的和已选择的产业集群，以及其他 {stored} 个已存储产业集群中按名称排列的前 {size} 个。"
              "要选择其他产业集群，请在“查找产业集群”中输入其名称或 IRI 的一部分。"},
    "cluster.find_others.matched.one": {
        "en": "{n} of the {stored} other stored clusters has “{text}” in its name or IRI. "
              "Offered: the declared and chosen clusters, then this one.",
        "zh": "其他 {stored} 个已存储产业集群中，名称或 IRI 含“{text}”的有 {n} 个。可选项：声明的和已选择的"
              "产业集群，以及该产业集群。"},
    "cluster.find_others.matched.other": {
        "en": "{n} of the {stored} other stored clusters have “{text}” in their name or IRI. "
              "Offered: the declared and chosen clusters, then these.",
        "zh": "其他 {stored} 个已存储产业集群中，名称或 IRI 含“{text}”的有 {n} 个。可选项：声明的和已选择的"
              "产业集群，以及这些产业集群。"},
    "cluster.find_others.matched_cut": {
        "en": "{matched} of the {stored} other stored clusters have “{text}” in their name or "
              "IRI. Offered: the declared and chosen clusters, then the first {size} of these by "
              "name; type more of a name or IRI to narrow them.",
        "zh": "其他 {stored} 个已存储产业集群中，名称或 IRI 含“{text}”的有 {matched} 个。可选项：声明的和已选择的"
              "产业集群，以及其中按名称排列的前 {size} 个；输入名称或 IRI 的更多文字可缩小范围。"},
    "cluster.find_others.none": {
        "en": "No other stored cluster has “{text}” in its name or IRI. Offered: the declared "
              "and chosen clusters only.",
        "zh": "没有名称或 IRI 含“{text}”的其他已存储产业集群。可选项：仅声明的和已选择的产业集群。"},
    # Words set apart after a name or heading, in each language's brackets: a role, a clause.
    "cluster.bracketed": {"en": " ({text})", "zh": "（{text}）"},
    "cluster.role.benchmark": {"en": "declared benchmark", "zh": "声明的标杆"},
    "cluster.role.competitor": {"en": "declared competitor", "zh": "声明的竞争集群"},
    "cluster.radar.title": {"en": "Indicator groups against the benchmark (9.3.2 c)",
                            "zh": "各指标组与标杆对比（9.3.2 c）"},
    "cluster.radar.caption": {
        "en": _SCORE_RULE_EN + " An axis is one of the ten 9.1.4 indicator groups: the mean "
              "score of its indicators that both clusters state that year in one unit; a group "
              "with none is left empty, not counted as 0.",
        "zh": _SCORE_RULE_ZH + "每条轴是 9.1.4 的一个指标组，取该组中两个集群当年都以同一单位给出数值的指标得分的"
              "平均值；没有这样的指标时该轴留空，不计为 0。"},
    "cluster.radar.no_benchmark": {
        "en": "No benchmark is chosen or declared: the radar shows this cluster alone (100 "
              "wherever it states a value). Choose a benchmark cluster above.",
        "zh": "未选择也未声明标杆集群：雷达图只显示本集群（有数值的指标组为 100）。请在上方选择标杆集群。"},
    "cluster.radar.benchmark_without_figures": {
        "en": "The benchmark {name} has no actual indicator values, neither stored as its own "
              "submission nor reported by this cluster: its column stays empty (—). Choose "
              "another benchmark above, or store its submission.",
        "zh": "标杆集群 {name} 没有指标实际值（库中无其自身提交，本集群也未报告其数据）：其列为空（—）。"
              "请在上方选择其他标杆集群，或存储其提交材料。"},
    "cluster.radar.no_common_year": {
        "en": "The benchmark {name} has no actual values for {year}: its column stays empty "
              "(—). Choose a year above for which both clusters have values.",
        "zh": "标杆集群 {name} 没有 {year} 年的指标实际值：其列为空（—）。请在上方选择两者都有数据的年份。"},
    "cluster.radar.no_data": {"en": "No actual indicator values are stored for this cluster.",
                              "zh": "库中没有本集群的指标实际值。"},
    "cluster.radar.table": {"en": "Group scores in {year} (0–100, relative to the best)",
                            "zh": "{year} 年各指标组得分（0–100，相对最好值）"},
    "cluster.radar.rated": {
        "en": "Not in the radar, being rated at a level of a rating scale (9.2.3), which is no "
              "number to score: {indicators}. The Benchmarking page's side-by-side table and its "
              "four comparisons compare the levels by rank.",
        "zh": "雷达图未计入：{indicators}。这些指标以评级量表的等级（9.2.3）评定，没有可计分的数值；“对标比较”页的并列表格"
              "及四种对比按名次比较这些等级。"},
    "cluster.radar.rated.link": {"en": "Compare the levels side by side",
                                 "zh": "并列比较这些等级"},
    "cluster.radar.group": {"en": "Indicator group", "zh": "指标组"},
    "cluster.radar.counted": {"en": "Indicators compared", "zh": "参与比较的指标"},
    "cluster.radar.leaves": {"en": "The values behind each axis", "zh": "各轴所依据的数值"},
    "cluster.radar.score": {"en": "Score", "zh": "得分"},
    "cluster.score.other_unit": in_every_language(phrase("benchmark.other_unit")),
    "cluster.radar.axis": {"en": "Score relative to the best of the compared clusters (0–100)",
                           "zh": "相对参与比较集群最好值的得分（0–100）"},
    "cluster.series.title": {"en": "Values by year (9.2.3, 9.3.2 a) b)",
                             "zh": "各年数值（9.2.3、9.3.2 a) b)）"},
    "cluster.series.caption": {
        "en": "Actual values (solid lines) and targets (dashed) of the chosen indicators, each in "
              "the unit the cluster states for it; choose indicators or a group above.",
        "zh": "所选指标的实际值（实线）与目标值（虚线），单位为本集群为各指标规定的单位；可在上方选择指标或指标组。"},
    "cluster.series.no_data": {"en": "No values are stored for the chosen indicators.",
                               "zh": "库中没有所选指标的数值。"},
    "cluster.series.axis": {"en": "Value (each indicator in its own unit)",
                            "zh": "数值（各指标按其自身单位）"},
    "cluster.series.indicator": {"en": "Indicator", "zh": "指标"},
    "cluster.series.unit": {"en": "Unit", "zh": "单位"},
    "cluster.series.kind": {"en": "Kind", "zh": "类别"},
    "cluster.series.actual": {"en": "actual", "zh": "实际值"},
    "cluster.series.target": {"en": "target", "zh": "目标值"},
    "cluster.benchmark_link": {"en": "Compare on the benchmark page", "zh": "在对标比较页中比较"},
    # a value stated by another cluster's submission (9.3.2 c) d), both pages
    "cluster.source.symbol": {"en": "†", "zh": "※"},
    "cluster.source.note": {"en": "stated in the latest submission of {cluster}",
                            "zh": "数值来自“{cluster}”的最新提交"},
    "cluster.source.caption": {
        "en": "A value marked {symbol} is not stated in the latest submission of the cluster it "
              "belongs to but in that of another stored cluster, named below, which reports it "
              "as a benchmark's or a competitor's figure (9.3.2 c) d)). A cluster's own "
              "submission is used wherever it states the figure.",
        "zh": "标有 {symbol} 的数值不是取自其所属集群自己的最新提交，而是取自下列另一已存储集群的最新提交"
              "（该集群将其作为标杆或竞争集群的数值记录，9.3.2 c) d)）。集群自己的提交给出某一数值时，"
              "总是采用其自己的。"},
    # the benchmark page
    "benchmark.title": {"en": "Benchmarking (9.3.2)", "zh": "对标比较（9.3.2）"},
    "benchmark.intro": {
        "en": "Compare stored clusters on the indicators of 9.1.4 in one year, and see one "
              "cluster's four comparisons of 9.3.2: against its targets, its own history, a "
              "benchmark cluster and its competitors. Values come from the latest revision of "
              "each stored cluster: a cluster's own first, then those of clusters that report "
              "its figures, each such value marked with the cluster stating it.",
        "zh": "按 9.1.4 的指标比较已存储的产业集群某一年的数值，并查看某一集群 9.3.2 规定的四种对比：与战略目标、"
              "与历史同期、与标杆集群、与竞争集群。数值取自各已存储集群的最新一版提交：先取集群自己的提交，"
              "再取记录其数值的其他集群的提交，后者逐一标明记录它的集群。"},
    "benchmark.empty": {"en": "No cluster is stored yet: store a submission first (Validate, or "
                              "`bcic ingest`).",
                        "zh": "尚未存储任何产业集群：请先存储一份提交材料（“验证”页面或 `bcic ingest`）。"},
    "benchmark.shown": {"en": "Comparing {shown} of the {total} stored clusters.",
                        "zh": "比较已存储的 {total} 个产业集群中的 {shown} 个。"},
    "benchmark.shown.default": {
        "en": "None was chosen, so the table shows the cluster of the four comparisons, the "
              "benchmark and competitors it declares (9.3.2 c) d)), then the first clusters of "
              "the list, {size} at most; choose others under Clusters above (hold Ctrl or ⌘ to "
              "choose several).",
        "zh": "未选择产业集群，因此表中为四种对比的对象、其声明的标杆和竞争对手（9.3.2 c）d）），以及列表中"
              "靠前的产业集群，至多 {size} 个；可在上方“产业集群”中选择其他集群（按住 Ctrl 或 ⌘ 可多选）。"},
    "benchmark.form.clusters": {"en": "Clusters", "zh": "产业集群"},
    "benchmark.form.indicators": {"en": "Indicators", "zh": "指标"},
    "benchmark.form.year": {"en": "Year", "zh": "年份"},
    "benchmark.form.focus": {"en": "Four comparisons for", "zh": "四种对比的对象"},
    "benchmark.form.benchmark": {"en": "its benchmark", "zh": "其标杆"},
    "benchmark.form.declared": {"en": "the declared one", "zh": "声明的标杆"},
    "benchmark.side.title": {"en": "Side by side in {year}", "zh": "{year} 年并列比较"},
    "benchmark.side.caption": {
        "en": _SCORE_RULE_EN + " The bars show these scores (9.3.2 c) d); the table gives "
              "the values as stated, with their units.",
        "zh": _SCORE_RULE_ZH + "柱形图显示这些得分（9.3.2 c) d)）；表格列出原始数值及其单位。"},
    "benchmark.side.no_data": {"en": "The chosen clusters state no actual values.",
                               "zh": "所选产业集群没有指标实际值。"},
    "benchmark.value": {"en": "Value", "zh": "数值"},
    "benchmark.chart.axis": {"en": "Score relative to the best of the chosen clusters (0–100)",
                             "zh": "相对所选集群最好值的得分（0–100）"},
    "benchmark.chart.rated": {
        "en": "Not in the chart, being rated at a level of a rating scale (9.2.3), which is no "
              "number to score: {indicators}. The table below names each cluster's level and its "
              "place against the first cluster's by rank; the four comparisons below compare the "
              "levels with targets, the year before and the peers'.",
        "zh": "图中未绘出：{indicators}。这些指标以评级量表的等级（9.2.3）评定，没有可计分的数值。下表列出各集群的等级"
              "及其与第一个集群的等级按名次的比较；下方四种对比中，等级与目标值、上一年及对比集群的等级按名次比较。"},
    "benchmark.four.title": {"en": "The four comparisons of 9.3.2 for {cluster}",
                             "zh": "{cluster}：9.3.2 规定的四种对比"},
    "benchmark.four.caption": {
        "en": "Gaps, changes and differences are plain subtractions of two values in one unit: a "
              "target or the previous year is taken in the value's own unit, and a compared "
              "cluster's value in another unit stands beside the value with no difference (—). "
              "Targets and history are shown for the chosen year, the benchmark and competitors "
              "for each indicator's latest year both state, the compared cluster's own figures "
              "first, then those other submissions report about it. A level of a rating scale is "
              "no number: against a target or the year before it is compared by rank (one level "
              "above, two levels below), and a level of another scale is not compared.",
        "zh": "差距、变化与差值均为同一计量单位的两值直接相减：目标值与上年值取与本值相同单位者；对比集群以其他单位给出的数值"
              "与本值并列，不给差值（—）。目标与历史对比显示所选年份，标杆与竞争集群对比显示每项指标双方都有数值的最近年份，"
              "先列对比集群自己提交的数值，再列其他提交对它的记录。评级量表的等级不是数值：与目标或上年对比时按等级名次比较"
              "（高一级、低两级），另一量表的等级不作比较。"},
    "benchmark.four.targets": {"en": "Against its targets", "zh": "与战略目标对比"},
    "benchmark.four.history": {"en": "Against its own history", "zh": "与历史同期对比"},
    "benchmark.four.benchmark": {"en": "Against a benchmark cluster", "zh": "与标杆集群对比"},
    "benchmark.four.competitors": {"en": "Against its competitors", "zh": "与竞争集群对比"},
    "benchmark.four.peer": {"en": "Cluster compared", "zh": "对比集群"},
    "benchmark.four.source": {"en": "Figure from", "zh": "数值来源"},
    "benchmark.four.empty.targets": {"en": "No targets are stated for these indicators and year.",
                                     "zh": "这些指标在该年份没有目标值。"},
    "benchmark.four.empty.history": {"en": "No values are stated for these indicators and year.",
                                     "zh": "这些指标在该年份没有数值。"},
    "benchmark.four.empty.benchmark": {
        "en": "No benchmark cluster with figures in the store: none is declared, or no stored "
              "submission states its values.",
        "zh": "库中没有带数值的标杆集群：未声明标杆，或没有任何已存储的提交记录其数值。"},
    "benchmark.four.empty.declared_benchmark": {
        "en": "The declared benchmark, {names}, has no figures for these indicators and year: "
              "no stored submission of it states them, nor does this cluster report them.",
        "zh": "声明的标杆 {names} 在这些指标和年份上没有数值：库中没有其提交记录这些数值，本集群也未报告。"},
    "benchmark.four.empty.declared_benchmarks": {
        "en": "The declared benchmarks, {names}, have no figures for these indicators and year: "
              "no stored submission of them states them, nor does this cluster report them.",
        "zh": "声明的标杆 {names} 在这些指标和年份上没有数值：库中没有其提交记录这些数值，本集群也未报告。"},
    "benchmark.four.empty.chosen_benchmark": {
        "en": "The chosen benchmark, {names}, has no figures for these indicators and year: no "
              "stored submission of it states them, nor does this cluster report them.",
        "zh": "所选标杆 {names} 在这些指标和年份上没有数值：库中没有其提交记录这些数值，本集群也未报告。"},
    "benchmark.four.empty.declared_competitor": {
        "en": "The declared competitor, {names}, has no figures for these indicators and year: no "
              "stored submission of it states them, nor does this cluster report them.",
        "zh": "声明的竞争对手 {names} 在这些指标和年份上没有数值：库中没有其提交记录这些数值，本集群也未报告。"},
    "benchmark.four.empty.declared_competitors": {
        "en": "The declared competitors, {names}, have no figures for these indicators and "
              "year: no stored submission of them states them, nor does this cluster report them.",
        "zh": "声明的竞争对手 {names} 在这些指标和年份上没有数值：库中没有其提交记录这些数值，本集群也未报告。"},
    "benchmark.four.empty.competitors": {
        "en": "No competitor cluster with figures in the store: none is declared, or no stored "
              "submission states its values.",
        "zh": "库中没有带数值的竞争集群：未声明竞争集群，或没有任何已存储的提交记录其数值。"},
    "benchmark.column.target": {"en": "Target", "zh": "目标值"},
    "benchmark.column.actual": {"en": "Actual", "zh": "实际值"},
    "benchmark.column.gap": {"en": "Gap (actual − target)", "zh": "差距（实际 − 目标）"},
    "benchmark.column.value": {"en": "Value", "zh": "数值"},
    "benchmark.column.previous": {"en": "Previous year", "zh": "上一年"},
    "benchmark.column.change": {"en": "Change", "zh": "变化"},
    "benchmark.column.unit": {"en": "Unit", "zh": "单位"},
    "benchmark.column.levelComparison": {"en": "Rated level, by rank", "zh": "评级等级对比"},
    "benchmark.column.benchmarkValue": {"en": "Benchmark's value", "zh": "标杆数值"},
    "benchmark.column.benchmarkUnit": {"en": "Benchmark's unit", "zh": "标杆单位"},
    "benchmark.column.competitorValue": {"en": "Competitor's value", "zh": "竞争集群数值"},
    "benchmark.column.competitorUnit": {"en": "Competitor's unit", "zh": "竞争集群单位"},
    "benchmark.column.difference": {"en": "Difference", "zh": "差值"},
}

"""More of a rule maintainer's mistakes that `bcic rules coverage` names, with the file and line,
in zh and en (checker/rule_problems.py): each was a one-line edit of a copy of the rule files
after which reports changed without a word (docs/model.md, decision 16)."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from checker import __version__, cli_rules, validation
from checker import rulebook as rulebook_module
from checker.cli import main
from checker.ontology import RuleFileKind, load_ontology_graph
from checker.paths import ALL_ONTOLOGY_FILES, EXAMPLES_DIR, SHAPES_DIR
from checker.rule_problems import ProblemKind, problems_said, rule_problems
from checker.rulebook import Rulebook, read_rulebook

Edits = Mapping[str, tuple[tuple[str, str], ...]]  # "shapes/ch8-branding.ttl" → (old, new)…

# Each shipped rule file's text → the graph it parses to, parsed once per worker: a test edits
# one or two files of the copy, and parsing the others again took most of its time.
_SHIPPED_PARSED: dict[bytes, Graph] = {}


@functools.cache
def _shipped_texts() -> frozenset[bytes]:
    """The texts of the shipped rule files (read once: they do not change while tests run)."""
    return frozenset(path.read_bytes()
                     for path in (*ALL_ONTOLOGY_FILES, *SHAPES_DIR.glob("*.ttl")))


def _parsed_with_shipped_files_once(files: Sequence[Path],
                                    kind: RuleFileKind = "ontology") -> Graph:
    """`load_ontology_graph` of the files, each one whose text is a shipped file's parsed once
    per worker and merged, with its prefixes, as parsing it again would; an edited file is
    parsed (and refused) as always."""
    shipped = _shipped_texts()
    graph = Graph()
    for path in files:
        data = Path(path).read_bytes()
        if data not in shipped:
            parsed = load_ontology_graph([path], kind)
        elif (parsed := _SHIPPED_PARSED.get(data)) is None:
            parsed = _SHIPPED_PARSED[data] = load_ontology_graph([path], kind)
        graph += parsed
        for prefix, namespace in parsed.namespaces():
            graph.bind(prefix, namespace)
    return graph


def changed_rulebook(tmp_path: Path, edits: Edits) -> Rulebook:
    """The rulebook read from a copy of ontology/ and shapes/ with each `old` text replaced by
    its `new` once (each must be there)."""
    shutil.copytree(SHAPES_DIR, tmp_path / "shapes")
    shutil.copytree(ALL_ONTOLOGY_FILES[0].parent, tmp_path / "ontology")
    for name, changes in edits.items():
        path = tmp_path / name
        text = path.read_text(encoding="utf-8")
        for old, new in changes:
            assert old in text, old
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rulebook_module, "ALL_ONTOLOGY_FILES",
                      tuple(tmp_path / "ontology" / f.name for f in ALL_ONTOLOGY_FILES))
        patch.setattr(rulebook_module, "load_ontology_graph", _parsed_with_shipped_files_once)
        return read_rulebook(tmp_path / "shapes")


def line_of(tmp_path: Path, name: str, opening: str) -> str:
    """`name:N`, N the line of the copy that starts with `opening`."""
    lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
    return f"{name}:{[i for i, line in enumerate(lines, 1) if line.startswith(opening)][0]}"


def said(rulebook: Rulebook) -> dict[str, list[str]]:
    """The problems as `bcic rules coverage` lists them, in each language, stripped."""
    problems = rule_problems(rulebook)
    return {lang: [line.strip() for line in
                   problems_said(problems, rulebook.texts).text(lang).splitlines()]
            for lang in ("en", "zh")}


def kinds(rulebook: Rulebook) -> list[ProblemKind]:
    return [p.kind for p in rule_problems(rulebook)]


def assert_refused_as_a_rule_problem(rulebook: Rulebook, runner: CliRunner,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The mistakes of `rulebook` are refused as every other: `bcic rules coverage` exits 1
    listing them (zh), `bcic validate` judges nothing (exit 2, en)."""
    monkeypatch.setattr(cli_rules, "load_rulebook", lambda: rulebook)
    monkeypatch.setattr(validation, "load_rulebook", lambda: rulebook)
    coverage = runner.invoke(main, ["rules", "coverage", "--lang", "zh"])
    assert coverage.exit_code == 1 and said(rulebook)["zh"][0] in coverage.stderr
    checked = runner.invoke(main, ["validate", str(EXAMPLES_DIR / "dehua-ceramics.ttl")])
    assert checked.exit_code == 2 and said(rulebook)["en"][0] in checked.stderr


PROMPT_711 = "req:7.1.1 bcic:reviewPrompt"


def test_a_review_prompt_for_no_catalogued_provision_is_caught_with_the_one_meant(
        tmp_path: Path) -> None:
    """`req:7.1.11` made 7.1.1 met instead of awaiting review, and its prompt showed nowhere."""
    rulebook = changed_rulebook(tmp_path, {"shapes/review.ttl": (
        (PROMPT_711, "req:7.1.11 bcic:reviewPrompt"),)})
    place = line_of(tmp_path, "shapes/review.ttl", "req:7.1.11 ")
    assert said(rulebook) == {
        "en": [f"error: req:7.1.11 ({place}): a review prompt (bcic:reviewPrompt) for req:7.1.11, "
               "which is not a provision of the catalogue: no report shows it, and the provision "
               "meant would lose its review; did you mean req:7.1.1?"],
        "zh": [f"错误：req:7.1.11（{place}）：人工评审提示（bcic:reviewPrompt）所属的 req:7.1.11 不是要求目录中"
               "的规定：任何报告都不会显示它，原本要评审的规定也会失去人工评审；是否应为 req:7.1.1？"]}


def test_a_review_prompt_in_one_language_is_caught_where_the_prompt_is_written(
        tmp_path: Path) -> None:
    """An English report printed 7.1.1's Chinese prompt. The place is the checklist's line,
    not the catalogue's, which names req:7.1.1 first."""
    english = (', "Judge whether the infrastructure provided takes technical requirements, '
               'product quality requirements and environmental risks into account, and whether '
               'the infrastructure renewal plan is drawn up according to the needs of the market, '
               'of technology and of brand development, is really carried out and keeps raising '
               'its technical level."@en')
    rulebook = changed_rulebook(tmp_path, {"shapes/review.ttl": ((english, ""),)})
    place = line_of(tmp_path, "shapes/review.ttl", PROMPT_711)
    assert said(rulebook) == {
        "en": [f"error: req:7.1.1 ({place}): not exactly one review prompt tagged en (its prompts "
               "are tagged: zh): a provision's prompt is written once in zh and once in en"],
        "zh": [f"错误：req:7.1.1（{place}）：标记为 en 的人工评审提示不是恰好一条（其提示的语言标记：zh）："
               "每条规定的提示应有中文（zh）和英文（en）各一条"]}


SHAPE_62 = "shp:ClusterBrandHasBrandName a sh:NodeShape ;\n"


def test_a_sparql_query_that_does_not_parse_is_caught_with_the_parsers_words(
        tmp_path: Path) -> None:
    """Every validation failed in the SHACL engine ("ParseException … (line:2, col:34)"),
    naming no shape and no file, and the API answered 500."""
    query = 'SELECT $this WHERE {\n  $this bcic:brandName ?name . FILTER( }'
    rulebook = changed_rulebook(tmp_path, {"shapes/ch8-branding.ttl": (
        (SHAPE_62, SHAPE_62 + f'    sh:sparql [ sh:select """{query}""" ] ;\n'),)})
    place = line_of(tmp_path, "shapes/ch8-branding.ttl", SHAPE_62.strip())
    lines = said(rulebook)
    assert len(lines["en"]) == 1 and lines["en"][0].startswith(
        f"error: shp:ClusterBrandHasBrandName ({place}): its SPARQL query (sh:select) does not "
        "parse, so every validation would fail: ")
    assert "(line:2, col:" in lines["en"][0]
    assert lines["zh"][0].startswith(f"错误：shp:ClusterBrandHasBrandName（{place}）：其 SPARQL "
                                     "查询（sh:select）无法解析，任何验证都会失败：")


def test_a_sparql_query_is_parsed_with_the_prefixes_it_declares_and_only_those(
        tmp_path: Path) -> None:
    """As the SHACL engine reads it: a prefix of sh:prefixes' sh:declare is known, the Turtle
    file's @prefix bcic: is not (SHACL 5.2.1)."""
    declared = ('    sh:sparql [ sh:prefixes [ sh:declare [ sh:prefix "b" ; sh:namespace '
                '"https://w3id.org/bcic/ontology#"^^xsd:anyURI ] ] ;\n'
                '        sh:select "SELECT $this WHERE { $this b:brandName ?n }" ] ;\n')
    undeclared = '    sh:sparql [ sh:select "SELECT $this WHERE { $this bcic:brandName ?n }" ] ;\n'
    good = changed_rulebook(tmp_path / "good", {"shapes/ch8-branding.ttl": (
        (SHAPE_62, SHAPE_62 + declared),)})
    assert rule_problems(good) == []
    bad = changed_rulebook(tmp_path / "bad", {"shapes/ch8-branding.ttl": (
        (SHAPE_62, SHAPE_62 + undeclared),)})
    assert [(p.kind, p.values["error"]) for p in rule_problems(bad)] == [
        (ProblemKind.SPARQL, "Unknown namespace prefix : bcic")]


def test_a_misspelt_reused_property_is_caught_with_the_one_meant(tmp_path: Path) -> None:
    """`prov:wasInformdBy` failed the conformant Dehua, blaming the submission; the problem is
    placed at the path that names it (decision 16)."""
    rulebook = changed_rulebook(tmp_path, {"shapes/ch8-branding.ttl": (
        ("sh:path prov:wasInformedBy", "sh:path prov:wasInformdBy"),)})
    [problem] = rule_problems(rulebook)
    text = (tmp_path / "shapes/ch8-branding.ttl").read_text(encoding="utf-8").splitlines()
    at = [i for i, line in enumerate(text) if "prov:wasInformdBy" in line][0]
    shape = next(line.split()[0] for line in reversed(text[:at]) if line.startswith("shp:"))
    place = f"shapes/ch8-branding.ttl:{at + 1}"
    assert said(rulebook) == {
        "en": [f"error: {shape} ({place}): prov:wasInformdBy (used as a property) is no term of "
               "PROV-O, whatever names the ontology gives it: every submission would lack it; did "
               "you mean prov:wasInformedBy?"],
        "zh": [f"错误：{shape}（{place}）：prov:wasInformdBy（用作属性）不是 PROV-O 的术语，本体为它起的名称不能"
               "改变这一点：任何提交都会缺少它；是否应为 prov:wasInformedBy？"]}
    assert problem.kind is ProblemKind.REUSED_UNKNOWN


def test_a_real_reused_term_without_names_is_told_apart_from_a_typo(tmp_path: Path) -> None:
    """`sh:path dcterms:description`, a new 8.2.6 check a maintainer writes, is a real term of
    DCMI Metadata Terms: it lacks only the zh and en names reports call it by, and the problem
    says so and where to give them, instead of calling it unknown; misspelt, it is unknown, and
    the vocabulary's own term is the one meant."""
    real = changed_rulebook(tmp_path / "real", {"shapes/ch8-branding.ttl": (
        ("sh:path prov:wasInformedBy", "sh:path <http://purl.org/dc/terms/description>"),)})
    [problem] = rule_problems(real)
    assert (problem.kind, problem.values["term"], problem.values["vocabulary"]) == (
        ProblemKind.REUSED_LABEL, "dcterms:description", "DCMI Metadata Terms")
    lines = said(real)
    assert lines["en"][0].endswith(
        "dcterms:description (used as a property) is a term of DCMI Metadata Terms, but neither "
        "the ontology nor the reused terms bcic names give it a name in zh, en: reports and hints "
        "could not name it; give it an rdfs:label in zh and in en in ontology/bcic.ttl")
    assert lines["zh"][0].endswith(
        "dcterms:description（用作属性）是 DCMI Metadata Terms 的术语，但本体和 bcic 所命名的复用术语都没有给它 "
        "zh、en 的名称：报告和提示无法称呼它；请在 ontology/bcic.ttl 中为它加上中文和英文的 rdfs:label")
    misspelt = changed_rulebook(tmp_path / "misspelt", {"shapes/ch8-branding.ttl": (
        ("sh:path prov:wasInformedBy", "sh:path <http://purl.org/dc/terms/descriptoin>"),)})
    [problem] = rule_problems(misspelt)
    assert (problem.kind, problem.suggestion) == (ProblemKind.REUSED_UNKNOWN, "dcterms:description")
    # Labelled in the ontology as the problem of a real term asks, a typo stays a typo: a label
    # cannot make a term of DCMI Metadata Terms.
    labelled = changed_rulebook(tmp_path / "labelled", {
        "shapes/ch8-branding.ttl": (("sh:path prov:wasInformedBy",
                                     "sh:path <http://purl.org/dc/terms/descriptoin>"),),
        "ontology/bcic.ttl": (("dcterms:description a owl:AnnotationProperty .",
                               'dcterms:description a owl:AnnotationProperty .\n'
                               '<http://purl.org/dc/terms/descriptoin> rdfs:label "说明"@zh , '
                               '"note"@en .'),)})
    [problem] = rule_problems(labelled)
    assert (problem.kind, problem.suggestion) == (ProblemKind.REUSED_UNKNOWN, "dcterms:description")
    named = changed_rulebook(tmp_path / "named", {
        "shapes/ch8-branding.ttl": (("sh:path prov:wasInformedBy",
                                     "sh:path <http://purl.org/dc/terms/description>"),),
        "ontology/bcic.ttl": (("dcterms:description a owl:AnnotationProperty .",
                               'dcterms:description a owl:AnnotationProperty ;\n'
                               '    rdfs:label "描述"@zh , "description"@en .'),)})
    assert rule_problems(named) == []


def test_a_datatype_rdf_does_not_know_is_caught_with_the_one_meant(tmp_path: Path) -> None:
    """`xsd:gyear` made every year “not a gyear value” (9.x, the indicator's year)."""
    rulebook = changed_rulebook(tmp_path, {"shapes/ch9-performance.ttl": (
        ("sh:datatype xsd:gYear", "sh:datatype xsd:gyear"),)})
    [problem] = rule_problems(rulebook)
    assert (problem.kind, problem.values, problem.suggestion) == (
        ProblemKind.DATATYPE, {"term": "xsd:gyear"}, "xsd:gYear")
    lines = said(rulebook)
    assert lines["en"][0].endswith(
        "): sh:datatype xsd:gyear is no datatype RDF knows (those of XML Schema, rdf:langString, "
        "rdf:HTML, rdf:XMLLiteral): every value would fail it; did you mean xsd:gYear?")
    assert lines["zh"][0].endswith("）：sh:datatype xsd:gyear 不是 RDF 已知的数据类型（XML Schema 的数据"
                                   "类型、rdf:langString、rdf:HTML、rdf:XMLLiteral）：任何取值都不会符合；"
                                   "是否应为 xsd:gYear？")
    assert "(shapes/ch9-performance.ttl:" in lines["en"][0]


def test_an_empty_path_list_is_caught(tmp_path: Path) -> None:
    """`sh:path ( )` asked the conformant Dehua for “rdf:nil”."""
    rulebook = changed_rulebook(tmp_path, {"shapes/ch8-branding.ttl": (
        ("sh:path prov:wasInformedBy", "sh:path ( )"),)})
    [problem] = rule_problems(rulebook)
    assert (problem.kind, problem.values) == (ProblemKind.EMPTY_PATH, {"property": "sh:path"})
    lines = said(rulebook)
    assert lines["en"][0].endswith("): sh:path is an empty list (rdf:nil): a path walks one "
                                   "property at least, and this one would ask every submission "
                                   "for rdf:nil")
    assert lines["zh"][0].endswith("）：sh:path 是空列表（rdf:nil）：路径至少应经过一个属性，否则任何提交都会被"
                                   "要求具有 rdf:nil")


LEVEL_826 = "    bcic:normativeLevel bcic:Shall ;\n    bcic:modalVerb \"应\" ;\n    bcic:bindsActor bcic:CultivationBodyRole ;\n    bcic:chapter 8 ;\n    bcic:layer bcic:ProcessLayer ;"
BLOCK_826 = "req:8.2.6 a bcic:Requirement , owl:NamedIndividual ;\n"


def _frame_edit(old_part: str, new: str) -> Edits:
    """8.2.6's catalogue block with `old_part` (its level, layer or chapter line) replaced."""
    text = (ALL_ONTOLOGY_FILES[2]).read_text(encoding="utf-8")
    start = text.index(BLOCK_826)
    old = text[start:text.index(" .\n", start)]
    assert old_part in old
    return {"ontology/requirements.ttl": ((old, old.replace(old_part, new)),)}


def _level_edit(new: str) -> Edits:
    return _frame_edit("bcic:normativeLevel bcic:Shall ;", new)


def test_a_provision_without_a_normative_level_is_caught(tmp_path: Path) -> None:
    """8.2.6 vanished from `bcic rules coverage` (still counted nowhere, no row), its shapes'
    links then said nothing of why."""
    rulebook = changed_rulebook(tmp_path, _level_edit(""))
    assert "8.2.6" not in rulebook.requirements
    place = line_of(tmp_path, "ontology/requirements.ttl", "req:8.2.6 ")
    assert said(rulebook) == {
        "en": [f"error: req:8.2.6 ({place}): 0 normative level(s) (-): a provision has exactly "
               "one bcic:normativeLevel, bcic:Shall, bcic:Should, bcic:May or bcic:Informative "
               "(one without any of them is in no report and no row of the coverage)"],
        "zh": [f"错误：req:8.2.6（{place}）：有 0 个规范级别（-）：每条规定应恰有一个 bcic:normativeLevel，"
               "为 bcic:Shall、bcic:Should、bcic:May 或 bcic:Informative（不具其一的规定不会出现在任何报告"
               "和覆盖矩阵中）"]}


def test_a_provision_with_two_normative_levels_is_caught(tmp_path: Path) -> None:
    rulebook = changed_rulebook(tmp_path, _level_edit("bcic:normativeLevel bcic:Shall , bcic:May ;"))
    [problem] = rule_problems(rulebook)
    assert (problem.kind, problem.values) == (
        ProblemKind.LEVEL, {"n": "2", "values": ("bcic:May", "bcic:Shall")})
    assert said(rulebook)["en"][0].startswith(
        "error: req:8.2.6 (ontology/requirements.ttl:")


@pytest.mark.parametrize(("old_part", "new", "kind", "values"), [
    ("bcic:normativeLevel bcic:Shall ;", "bcic:normativeLevel bcic:Shal ;", ProblemKind.LEVEL,
     ("bcic:Shal",)),
    ("bcic:layer bcic:ProcessLayer ;", "bcic:layer bcic:ProcesLayer ;", ProblemKind.LAYER,
     ("bcic:ProcesLayer",)),
    ("bcic:layer bcic:ProcessLayer ;", "", ProblemKind.LAYER, "-"),
    ("bcic:chapter 8 ;", 'bcic:chapter "eight" ;', ProblemKind.CHAPTER, ("'eight'",)),
    ("bcic:chapter 8 ;", "bcic:chapter 8 , 9 ;", ProblemKind.CHAPTER, ("'8'", "'9'")),
])
def test_a_level_layer_or_chapter_the_catalogue_does_not_know_is_caught_not_a_crash(
        tmp_path: Path, old_part: str, new: str, kind: ProblemKind,
        values: str | tuple[str, ...]) -> None:
    """A misspelt level or layer, or a chapter in words, stopped the rulebook loading with an
    internal error (a KeyError, a ValueError) before any check ran: it is a problem of its own,
    with the provision's place, and the provision is read into no rulebook."""
    rulebook = changed_rulebook(tmp_path, _frame_edit(old_part, new))
    assert "8.2.6" not in rulebook.requirements
    [problem] = [p for p in rule_problems(rulebook) if p.kind is kind]
    assert problem.values["values"] == values
    place = line_of(tmp_path, "ontology/requirements.ttl", "req:8.2.6 ")
    listed = {lang: values if isinstance(values, str) else comma.join(values)
              for lang, comma in (("en", ", "), ("zh", "、"))}  # Chinese lists with 、
    assert any(line.startswith(f"error: req:8.2.6 ({place}): ") and listed["en"] in line
               for line in said(rulebook)["en"])
    assert any(line.startswith(f"错误：req:8.2.6（{place}）：") and listed["zh"] in line
               for line in said(rulebook)["zh"])


def test_an_ontology_term_without_its_en_label_is_caught(tmp_path: Path) -> None:
    rulebook = changed_rulebook(tmp_path, {"ontology/bcic.ttl": (
        ('rdfs:label "集群品牌基金"@zh , "cluster brand fund"@en ;',
         'rdfs:label "集群品牌基金"@zh ;'),)})
    place = line_of(tmp_path, "ontology/bcic.ttl", "bcic:BrandFund ")
    assert said(rulebook) == {
        "en": [f"error: bcic:BrandFund ({place}): not exactly one rdfs:label tagged en (its labels "
               "are tagged: zh): reports name each term of the ontology by its zh or en label"],
        "zh": [f"错误：bcic:BrandFund（{place}）：标记为 en 的 rdfs:label 不是恰好一条（其名称的语言标记：zh）："
               "报告以中文或英文名称称呼本体的每个术语"]}


def test_an_ontology_version_other_than_the_programs_is_caught(tmp_path: Path) -> None:
    rulebook = changed_rulebook(tmp_path, {"ontology/bcic.ttl": (
        (f'owl:versionInfo "{__version__}"', 'owl:versionInfo "9.9.9"'),)})
    place = line_of(tmp_path, "ontology/bcic.ttl", "<https://w3id.org/bcic/ontology> ")
    assert said(rulebook) == {
        "en": [f"error: <https://w3id.org/bcic/ontology> ({place}): owl:versionInfo says 9.9.9, "
               f"but the program is version {__version__}: the two name one release and must be "
               "equal"],
        "zh": [f"错误：<https://w3id.org/bcic/ontology>（{place}）：owl:versionInfo 为 9.9.9，但程序版本为 "
               f"{__version__}：两者指同一发布版本，应当一致"]}


CHECKS_826 = "shp:CommunicationEvaluationExists a sh:PropertyShape ;\n    bcic:checksRequirement req:8.2.6 ;"


def test_a_requirement_link_to_a_section_says_so_and_names_its_provisions(tmp_path: Path) -> None:
    """`req:8.2` was said to be "not in the catalogue; did you mean req:8.3.2?"."""
    rulebook = changed_rulebook(tmp_path, {"shapes/ch8-branding.ttl": (
        (CHECKS_826, CHECKS_826.replace("req:8.2.6", "req:8.2")),)})
    place = line_of(tmp_path, "shapes/ch8-branding.ttl", "shp:CommunicationEvaluationExists ")
    provisions = [f"req:8.2.{n}" for n in range(1, 7)]
    lines = said(rulebook)
    assert lines["en"][0] == (
        f"error: shp:CommunicationEvaluationExists ({place}): bcic:checksRequirement names "
        f"req:8.2, a section of the standard, not a provision: name the provision the shape "
        f"checks (the section's: {', '.join(provisions)})")
    assert lines["zh"][0] == (
        f"错误：shp:CommunicationEvaluationExists（{place}）：bcic:checksRequirement 指向的 req:8.2 "
        f"是标准的章节，不是规定：应指向该形状所检查的规定（该章节下的规定：{'、'.join(provisions)}）")


def test_messages_tagged_otherwise_name_the_tags_found_and_those_expected(tmp_path: Path) -> None:
    """`@zh-cn`, `@en-GB` were said "no single sh:message in zh en"."""
    rulebook = changed_rulebook(tmp_path, {"shapes/ch8-branding.ttl": (
        ('"未见品牌要素设计（8.1.1）"@zh , "No brand element design in the submission (8.1.1)"@en',
         '"未见品牌要素设计（8.1.1）"@zh-cn , "No brand element design in the submission (8.1.1)"@en-GB'),)})
    place = line_of(tmp_path, "shapes/ch8-branding.ttl", "shp:ElementDesignExists ")
    lines = said(rulebook)
    assert lines["en"] == [
        f"error: shp:ElementDesignExists ({place}): not exactly one sh:message tagged zh, en (its "
        "messages are tagged: en-GB, zh-cn): a checking shape has one tagged zh and one tagged en"]
    assert lines["zh"][0] == (f"错误：shp:ElementDesignExists（{place}）：标记为 zh、en 的 sh:message "
                              "不是恰好一条（其消息的语言标记：en-GB、zh-cn）：检查形状应有一条标记为 zh、"
                              "一条标记为 en 的消息")


def test_a_shape_defined_in_two_files_is_said_to_be_defined_twice_and_where(
        tmp_path: Path) -> None:
    """The copy's statements merged into the shape: it was said to have no single message."""
    text = (SHAPES_DIR / "ch8-branding.ttl").read_text(encoding="utf-8")
    block = text[text.index(CHECKS_826):text.index(" .\n", text.index(CHECKS_826)) + 3]
    copied = block.replace("(8.2.6)", "(8.2.6) ").replace("（8.2.6）", "（8.2.6） ")
    ch9 = (SHAPES_DIR / "ch9-performance.ttl").read_text(encoding="utf-8")
    rulebook = changed_rulebook(tmp_path, {"shapes/ch9-performance.ttl": (
        (ch9, ch9 + "\n" + copied),)})
    first = line_of(tmp_path, "shapes/ch8-branding.ttl", "shp:CommunicationEvaluationExists ")
    second = line_of(tmp_path, "shapes/ch9-performance.ttl", "shp:CommunicationEvaluationExists ")
    lines = said(rulebook)
    assert (f"error: shp:CommunicationEvaluationExists ({first}): the shape is defined twice or "
            f"more, at {first}, {second}: its statements would be merged into one shape"
            ) in lines["en"]
    assert (f"错误：shp:CommunicationEvaluationExists（{first}）：该形状被重复定义（{first}、{second}）："
            "各处的陈述会合并成同一个形状") in lines["zh"]


def test_rules_coverage_exits_1_on_a_prompt_for_no_provision_and_validate_refuses(
        tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """The mistakes of this file are refused as every other: coverage exits 1 listing them,
    validate judges nothing (exit 2)."""
    rulebook = changed_rulebook(tmp_path, {"shapes/review.ttl": (
        (PROMPT_711, "req:7.1.11 bcic:reviewPrompt"),)})
    assert_refused_as_a_rule_problem(rulebook, runner, monkeypatch)


@pytest.mark.parametrize(("body", "clauses"), [
    ("$this bcic:brandName ?n . MINUS { $this bcic:brandName \"x\" }", "MINUS"),
    ("VALUES ?n { \"a\" } $this bcic:brandName ?n", "VALUES"),
    ("SERVICE <http://example.org/sparql> { $this bcic:brandName ?n }", "SERVICE"),
])
def test_a_sparql_query_with_a_clause_pre_binding_forbids_is_caught(
        tmp_path: Path, body: str, clauses: str) -> None:
    """The SHACL engine refuses MINUS, VALUES and SERVICE in a SPARQL constraint (SHACL 1.0
    5.3.1) only when it validates, naming no shape: every validation failed."""
    declared = ('    sh:sparql [ sh:prefixes [ sh:declare [ sh:prefix "bcic" ; sh:namespace '
                '"https://w3id.org/bcic/ontology#"^^xsd:anyURI ] ] ;\n'
                f'        sh:select """SELECT $this WHERE {{ {body} }}""" ] ;\n')
    rulebook = changed_rulebook(tmp_path, {"shapes/ch8-branding.ttl": (
        (SHAPE_62, SHAPE_62 + declared),)})
    place = line_of(tmp_path, "shapes/ch8-branding.ttl", SHAPE_62.strip())
    assert said(rulebook) == {
        "en": [f"error: shp:ClusterBrandHasBrandName ({place}): its SPARQL query (sh:select) uses "
               f"{clauses}, which a SPARQL constraint must not (SHACL 1.0, 5.3.1, pre-binding), "
               "so every validation would fail"],
        "zh": [f"错误：shp:ClusterBrandHasBrandName（{place}）：其 SPARQL 查询（sh:select）使用了 "
               f"{clauses}，而 SPARQL 约束不得使用（SHACL 1.0 第 5.3.1 节，预绑定），任何验证都会失败"]}


def test_an_informative_provisions_shape_at_another_severity_than_warning_is_caught(
        tmp_path: Path) -> None:
    """9.3.2 c) asks nothing: its shape warns (docs/model.md, decision 21); one made a violation
    would turn a provision that is never a gap into a failed check."""
    opening = "shp:ClusterNotItsOwnBenchmark a sh:NodeShape ;"
    rulebook = changed_rulebook(tmp_path, {"shapes/ch9-performance.ttl": (
        (opening + "\n    bcic:checksRequirement req:9.3.2-c ;\n    sh:targetClass bcic:IndustrialCluster ;\n"
         "    sh:disjoint bcic:benchmarkCluster ;\n    sh:severity sh:Warning ;",
         opening + "\n    bcic:checksRequirement req:9.3.2-c ;\n    sh:targetClass bcic:IndustrialCluster ;\n"
         "    sh:disjoint bcic:benchmarkCluster ;\n    sh:severity sh:Violation ;"),)})
    assert kinds(rulebook) == [ProblemKind.SEVERITY]
    assert "sh:Warning" in said(rulebook)["en"][0] and "informative" in said(rulebook)["en"][0]

"""Where `bcic rules coverage` places a rule maintainer's mistake: at the statement at fault, each
problem at its own (decision 16), never at a comment or a text written like it
(checker/rule_places.py, checker/rule_texts.py)."""

from __future__ import annotations

from pathlib import Path

from checker.rule_texts import masked
from tests.test_rule_problems_more import changed_rulebook, line_of, said

CH5, CH7 = "shapes/ch5-environment.ttl", "shapes/ch7-resources.ttl"
INDICATOR = "shp:AgglomerationIndicator "  # 5.2.3's concentration indicator
COUNT = "    sh:path bcic:concentrationIndicator ;\n    sh:minCount 1 ;\n    sh:severity sh:Violation ;"
NESTED = "    sh:property [ sh:path bcic:concentrationValue ; sh:minCount 0 ] ;\n"
ZERO_EN = ("sh:minCount 0 asks nothing (every node has 0 values at least): write sh:minCount 1 "
           "if a value is required, or delete it")
ZERO_ZH = "sh:minCount 0 不作任何要求（任何节点都至少有 0 个取值）：若要求有取值，应写 sh:minCount 1，否则删去"


def _lines_with(tmp_path: Path, name: str, written: str) -> list[str]:
    """`name:N` of each line of the copy that starts with `written`."""
    lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
    return [f"{name}:{n}" for n, line in enumerate(lines, 1) if line.startswith(written)]


def test_two_nested_shapes_writing_one_statement_are_each_placed_at_their_own(
        tmp_path: Path) -> None:
    """Both were placed at the first one's line, and a comment or a text written like the
    statement, before them, was taken for it (5.2.3)."""
    rulebook = changed_rulebook(tmp_path, {CH5: ((COUNT, COUNT.replace(
        "    sh:minCount 1 ;\n",
        "    # sh:minCount 0 ; was written here once\n"
        '    rdfs:comment """a count: sh:minCount 0 ;\n    sh:minCount 0 ; asks nothing""" ;\n'
        "    sh:minCount 1 ;\n" + NESTED + NESTED.replace("]", " ; sh:maxCount 2 ]"))),)})
    first, second = _lines_with(tmp_path, CH5, "    sh:property [ sh:path bcic:concentrationValue ;")
    assert said(rulebook) == {
        "en": [f"error: shp:AgglomerationIndicator ({at}): {ZERO_EN}" for at in (first, second)],
        "zh": [f"错误：shp:AgglomerationIndicator（{at}）：{ZERO_ZH}" for at in (first, second)]}


def test_one_statement_written_in_two_files_is_placed_in_each(tmp_path: Path) -> None:
    """The shape described again in shapes/common.ttl, the same nested shape in both: each
    problem names its own file (the shape's two places are a mistake of their own)."""
    rulebook = changed_rulebook(tmp_path, {
        CH5: ((COUNT, COUNT.replace("    sh:minCount 1 ;\n", "    sh:minCount 1 ;\n" + NESTED)),),
        "shapes/common.ttl": (("\nshp:", f"\n{INDICATOR}\n{NESTED.rstrip(' ;' + chr(10))} .\n\nshp:"),)})
    places = [*_lines_with(tmp_path, CH5, NESTED.rstrip()),
              *_lines_with(tmp_path, "shapes/common.ttl", NESTED.rstrip(" ;\n"))]
    opening, again = line_of(tmp_path, CH5, INDICATOR), line_of(tmp_path, "shapes/common.ttl", INDICATOR)
    assert said(rulebook)["en"] == [
        *(f"error: shp:AgglomerationIndicator ({at}): {ZERO_EN}" for at in places),
        f"error: shp:AgglomerationIndicator ({opening}): the shape is defined twice or more, at "
        f"{opening}, {again}: its statements would be merged into one shape"]


def test_comments_and_texts_are_masked_line_for_line() -> None:
    text = 'shp:A sh:minCount 1 ; # sh:minCount 0\n  rdfs:comment "sh:minCount 0" ; <http://x/#y> .\n'
    code = masked(text)
    assert len(code) == len(text) and code.count("\n") == 2
    assert "sh:minCount 0" not in code and "<http://x/#y>" in code and "sh:minCount 1" in code


SHAPE_HEAD = ("shp:{name} a sh:NodeShape ;\n    bcic:checksRequirement req:8.3.4-2 ;\n"
              "    sh:targetClass bcic:CrisisManagementMechanism ;\n")
SHAPE_TAIL = ('    sh:severity sh:Violation ;\n'
              '    sh:message "QA（8.3.4 —2）"@zh , "QA (8.3.4 —2)"@en .\n')
BEFORE = "\nshp:InfrastructureExists "  # a shape of 7.1.1 the new ones are written before
COUNT_EN = ('sh:{term} "{n}": SHACL takes a non-negative xsd:integer there, such as 1 (not "1", '
            "not -1); the SHACL engine refuses the shape only while validating, so every "
            "validation would fail with an error that names no file or line")


def _shape(name: str, body: str) -> str:
    """A node shape checking 8.3.4 —2 with `body` among its statements."""
    return SHAPE_HEAD.format(name=name) + body + SHAPE_TAIL


def _written_before(shape: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """Edits writing `shape` in shapes/ch7-resources.ttl."""
    return {CH7: ((BEFORE, f"\n{shape}\n{BEFORE}"),)}


def _lines_holding(tmp_path: Path, name: str, written: str) -> list[str]:
    """`name:N` of each line of the copy holding `written`, outside comments and texts."""
    code = masked((tmp_path / name).read_text(encoding="utf-8"))
    return [f"{name}:{n}" for n, line in enumerate(code.splitlines(), 1)
            if masked(written) in line and written.split()[0] in line]


def test_a_parameter_value_on_two_blank_nodes_is_two_mistakes_each_at_its_statement(
        tmp_path: Path) -> None:
    """`sh:minCount "1"` in two `sh:property [ … ]` of one shape was said once (decision 16),
    and a comment or a text written like it is never its place (8.3.4 —2)."""
    rulebook = changed_rulebook(tmp_path, _written_before(_shape("QaTwoBlank", (
        '    # sh:minCount "1" was written here once ; sh:property [ sh:minCount "1" ]\n'
        '    rdfs:comment "Do not write sh:minCount \\"1\\" ; nor [ sh:minCount \\"1\\" ]" ;\n'
        '    sh:property [\n        sh:path bcic:hasCrisisSource ;  # sh:minCount "1"\n'
        '        sh:minCount "1"\n    ] ;\n'
        '    sh:property [\n        sh:path bcic:hasResponseMeasure ;\n'
        '        rdfs:comment """sh:minCount "1"\n        sh:minCount "1" """ ;\n'
        '        sh:minCount "1"\n    ] ;\n'))))
    places = [f"{CH7}:{n}" for n, line in enumerate(
        (tmp_path / CH7).read_text(encoding="utf-8").splitlines(), 1)
        if line == '        sh:minCount "1"']
    assert len(places) == 2
    said_en = said(rulebook)["en"]
    assert said_en == [f"error: shp:QaTwoBlank ({at}): "
                       + COUNT_EN.format(term="minCount", n="1") for at in places]
    assert [line.split("）：")[0] for line in said(rulebook)["zh"]] == [
        f"错误：shp:QaTwoBlank（{at}" for at in places]


def test_a_parameter_value_in_two_files_is_said_in_each(tmp_path: Path) -> None:
    """The shape's second half in shapes/common.ttl, `sh:maxCount "2"` on a blank node in each
    file: both are said, each at its file's line (8.3.4 —2)."""
    nested = '    sh:property [ sh:path bcic:{p} ; sh:maxCount "2" ] ;\n'
    edits = _written_before(_shape("QaDup", nested.format(p="hasCrisisSource")))
    edits["shapes/common.ttl"] = (("\nshp:", "\nshp:QaDup\n" + nested.format(
        p="hasResponseMeasure").rstrip(" ;\n") + " .\n\nshp:"),)
    rulebook = changed_rulebook(tmp_path, edits)
    places = [*_lines_holding(tmp_path, CH7, 'sh:maxCount "2"'),
              *_lines_holding(tmp_path, "shapes/common.ttl", 'sh:maxCount "2"')]
    assert [line for line in said(rulebook)["en"] if "sh:maxCount" in line] == [
        f"error: shp:QaDup ({at}): " + COUNT_EN.format(term="maxCount", n="2") for at in places]


def test_an_undefined_shacl_term_on_two_blank_nodes_is_said_at_each(tmp_path: Path) -> None:
    rulebook = changed_rulebook(tmp_path, _written_before(_shape("QaMisspelt", (
        "    sh:property [ sh:path bcic:hasCrisisSource ; sh:mincount 1 ] ;\n"
        "    sh:property [ sh:path bcic:hasResponseMeasure ; sh:mincount 1 ] ;\n"))))
    places = _lines_holding(tmp_path, CH7, "sh:mincount 1")
    assert len(places) == 2
    assert [line.partition("): ")[0] for line in said(rulebook)["en"]] == [
        f"error: shp:QaMisspelt ({at}" for at in places]


def test_an_undefined_class_and_datatype_are_placed_at_their_statements_each(
        tmp_path: Path) -> None:
    """`sh:class bcic:CrisisSourc` on two blank nodes, `sh:datatype xsd:gyear` on one: each
    said at its own line, not merged at the shape's opening line (8.3.4 —2)."""
    rulebook = changed_rulebook(tmp_path, _written_before(_shape("QaTerms", (
        "    sh:property [ sh:path bcic:involvedParty ; sh:class bcic:CrisisSourc ] ;\n"
        "    sh:property [ sh:path bcic:monitoringMode ; sh:class bcic:CrisisSourc ;\n"
        "        sh:datatype xsd:gyear ] ;\n"))))
    classes = _lines_holding(tmp_path, CH7, "sh:class bcic:CrisisSourc")
    datatype = _lines_holding(tmp_path, CH7, "sh:datatype xsd:gyear")
    assert said(rulebook)["en"] == [
        *(f"error: shp:QaTerms ({at}): bcic:CrisisSourc (used as a class) is not a term of the "
          "ontology or the catalogue; did you mean bcic:CrisisSource?" for at in classes),
        f"error: shp:QaTerms ({datatype[0]}): sh:datatype xsd:gyear is no datatype RDF knows "
        "(those of XML Schema, rdf:langString, rdf:HTML, rdf:XMLLiteral): every value would fail "
        "it; did you mean xsd:gYear?"]
    assert len(classes) == 2 and len(said(rulebook)["zh"]) == 3
    assert all(f"（{at}）" in line for at, line in zip([*classes, *datatype], said(rulebook)["zh"]))


def test_a_text_written_in_other_quotes_is_placed_at_its_statement_and_quoted_as_written(
        tmp_path: Path) -> None:
    """`'bcic:x'` and `\"\"\"bcic:x\"\"\"` were placed at the shape's opening line, then quoted
    back as `"bcic:x"`, which the files did not write (8.3.4 —2)."""
    rulebook = changed_rulebook(tmp_path, _written_before(
        _shape("QaQuotes", "    sh:property [ sh:path bcic:hasCrisisSource ;\n"
                           "        sh:disjoint 'bcic:hasResponseMeasure' ;\n"
                           '        sh:lessThan """bcic:hasResponseMeasure""" ] ;\n')))
    places = [*_lines_holding(tmp_path, CH7, "sh:disjoint 'bcic:hasResponseMeasure'"),
              *_lines_holding(tmp_path, CH7, 'sh:lessThan """bcic:hasResponseMeasure"""')]
    assert len(places) == 2
    lines = said(rulebook)
    assert [line.partition(": SHACL")[0] for line in lines["en"]] == [
        f"error: shp:QaQuotes ({places[0]}): sh:disjoint 'bcic:hasResponseMeasure'",
        f'error: shp:QaQuotes ({places[1]}): sh:lessThan """bcic:hasResponseMeasure"""']
    assert [line.partition("：SHACL")[0] for line in lines["zh"]] == [
        f"错误：shp:QaQuotes（{places[0]}）：sh:disjoint 'bcic:hasResponseMeasure'",
        f'错误：shp:QaQuotes（{places[1]}）：sh:lessThan """bcic:hasResponseMeasure"""']


def test_empty_paths_and_reused_terms_are_placed_at_their_statements_one_each(
        tmp_path: Path) -> None:
    """An empty path, a misspelt PROV-O property, a real DCMI term without names and a term of
    a vocabulary bcic does not know were placed at the shape's opening line, and a term named on
    two nodes was said once (8.3.4 —2)."""
    rulebook = changed_rulebook(tmp_path, _written_before(_shape("QaPlaces", (
        "    # sh:path prov:wasInformdBy ; sh:class <http://example.org/v#Thing> ; sh:path ( )\n"
        "    sh:property [ sh:path prov:wasInformdBy ; sh:minCount 1 ] ;\n"
        "    sh:property [ sh:path ( bcic:hasCrisisSource prov:wasInformdBy ) ] ;\n"
        "    sh:property [ sh:path [ sh:inversePath <http://purl.org/dc/terms/description> ] ] ;\n"
        "    sh:property [ sh:path bcic:hasCrisisSource ;\n"
        "        sh:class <http://example.org/v#Thing> ] ;\n"
        "    sh:property [ sh:path bcic:involvedParty ; sh:class <http://example.org/v#Thing> ] ;\n"
        "    sh:property [ sh:path () ] ;\n"))))
    empty = _lines_holding(tmp_path, CH7, "sh:path ()")
    unlabelled = _lines_holding(tmp_path, CH7, "sh:class <http://example.org/v#Thing>")
    label = _lines_holding(tmp_path, CH7, "sh:inversePath <http://purl.org/dc/terms/description>")
    unknown = [*_lines_holding(tmp_path, CH7, "sh:path prov:wasInformdBy"),
               *_lines_holding(tmp_path, CH7, "bcic:hasCrisisSource prov:wasInformdBy")]
    assert [len(found) for found in (empty, unlabelled, label, unknown)] == [1, 2, 1, 2]
    lines = said(rulebook)
    assert [line.partition(" (used as")[0] for line in lines["en"]] == [
        f"error: shp:QaPlaces ({empty[0]}): sh:path is an empty list (rdf:nil): a path walks one "
        "property at least, and this one would ask every submission for rdf:nil",
        *(f"error: shp:QaPlaces ({at}): <http://example.org/v#Thing>" for at in unlabelled),
        f"error: shp:QaPlaces ({label[0]}): dcterms:description",
        *(f"error: shp:QaPlaces ({at}): prov:wasInformdBy" for at in unknown)]
    assert [line.partition("）：")[0] for line in lines["zh"]] == [
        f"错误：shp:QaPlaces（{at}" for at in (*empty, *unlabelled, *label, *unknown)]

"""Loading untrusted submissions: formats, merging, and every refusal the loader owes."""

import json
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from checker.errors import InputError
from checker.loading import (
    DEFAULT_MAX_TRIPLES,
    SUBMISSION_BASE_IRI,
    SUBMISSION_FORMATS,
    SubmissionFile,
    SubmissionParseError,
    SubmissionTooLargeError,
    load_submission,
    max_triples_setting,
    read_submission_files,
    resolve_format,
)
from checker.loading.formats import UnreadFormatError, sniff_format
from checker.loading.rdfterms import parse_into
from checker.paths import PROJECT_ROOT
from checker.text_position import text_lines

EX = Namespace("http://example.org/ns#")
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
XSD_DOUBLE = "http://www.w3.org/2001/XMLSchema#double"

# One small graph written in each of the six syntaxes; TriG and N-Quads put it in a named graph.
SAMPLES = {
    "turtle": """\
@prefix ex: <http://example.org/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:cluster a ex:Cluster ; rdfs:label "大唐袜业"@zh ; ex:members 120 ; ex:note "plain" ;
    ex:body [ ex:name "Body" ] .
""",
    "trig": """\
@prefix ex: <http://example.org/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:g { ex:cluster a ex:Cluster ; rdfs:label "大唐袜业"@zh ; ex:members 120 ; ex:note "plain" ;
    ex:body [ ex:name "Body" ] . }
""",
    "json-ld": """\
{"@context": {"ex": "http://example.org/ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#"},
 "@id": "ex:cluster", "@type": "ex:Cluster",
 "rdfs:label": {"@value": "大唐袜业", "@language": "zh"},
 "ex:members": 120, "ex:note": "plain", "ex:body": {"ex:name": "Body"}}
""",
    "rdf-xml": """\
<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#" xmlns:ex="http://example.org/ns#">
  <ex:Cluster rdf:about="http://example.org/ns#cluster">
    <rdfs:label xml:lang="zh">大唐袜业</rdfs:label>
    <ex:members rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">120</ex:members>
    <ex:note>plain</ex:note>
    <ex:body><rdf:Description><ex:name>Body</ex:name></rdf:Description></ex:body>
  </ex:Cluster>
</rdf:RDF>
""",
    "n-triples": """\
<http://example.org/ns#cluster> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/ns#Cluster> .
<http://example.org/ns#cluster> <http://www.w3.org/2000/01/rdf-schema#label> "大唐袜业"@zh .
<http://example.org/ns#cluster> <http://example.org/ns#members> "120"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://example.org/ns#cluster> <http://example.org/ns#note> "plain" .
<http://example.org/ns#cluster> <http://example.org/ns#body> _:b .
_:b <http://example.org/ns#name> "Body" .
""",
    "n-quads": """\
# a comment first
<http://example.org/ns#cluster> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/ns#Cluster> <http://example.org/ns#g> .
<http://example.org/ns#cluster> <http://www.w3.org/2000/01/rdf-schema#label> "大唐袜业"@zh <http://example.org/ns#g> .
<http://example.org/ns#cluster> <http://example.org/ns#members> "120"^^<http://www.w3.org/2001/XMLSchema#integer> <http://example.org/ns#g> .
<http://example.org/ns#cluster> <http://example.org/ns#note> "plain" <http://example.org/ns#g> .
<http://example.org/ns#cluster> <http://example.org/ns#body> _:b <http://example.org/ns#g> .
_:b <http://example.org/ns#name> "Body" <http://example.org/ns#g> .
""",
}
EXTENSIONS = {"turtle": "ttl", "trig": "trig", "json-ld": "jsonld", "rdf-xml": "rdf",
              "n-triples": "nt", "n-quads": "nq"}


def expected_graph() -> Graph:
    """The graph every sample writes, built from rdflib terms."""
    graph, body = Graph(), BNode()
    graph.add((EX.cluster, RDF.type, EX.Cluster))
    graph.add((EX.cluster, RDFS.label, Literal("大唐袜业", lang="zh")))
    graph.add((EX.cluster, EX.members, Literal(120)))
    graph.add((EX.cluster, EX.note, Literal("plain")))
    graph.add((EX.cluster, EX.body, body))
    graph.add((body, EX.name, Literal("Body")))
    return graph


def load_one(name: str, text: str | bytes, format: str | None = None) -> Graph:
    """Load a one-file submission."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return load_submission([SubmissionFile(name, data, format)])


def refusal(name: str, text: str | bytes) -> SubmissionParseError:
    """Load a one-file submission that must be refused, and return the error."""
    with pytest.raises(SubmissionParseError) as caught:
        load_one(name, text)
    assert caught.value.file == name
    assert str(caught.value).startswith(f"{name}:")
    return caught.value


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any Python-level network call fail the test loudly."""

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("the loader tried to open a connection")

    monkeypatch.setattr(urllib.request, "urlopen", forbidden)
    monkeypatch.setattr(socket.socket, "connect", forbidden)


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local TCP server that records whether anything (Python or native code) connected."""
    server = socket.create_server(("127.0.0.1", 0))
    server.setblocking(False)
    yield server
    server.close()


def assert_never_contacted(server: socket.socket) -> None:
    with pytest.raises(BlockingIOError):
        server.accept()


def server_url(server: socket.socket, path: str) -> str:
    return f"http://127.0.0.1:{server.getsockname()[1]}/{path}"


@pytest.mark.parametrize("format_name", SAMPLES)
def test_each_format_loads_the_same_graph(format_name: str) -> None:
    graph = load_one(f"cluster.{EXTENSIONS[format_name]}", SAMPLES[format_name])
    assert isomorphic(graph, expected_graph())


def test_terms_equal_those_of_rdflibs_own_turtle_parser() -> None:
    text = SAMPLES["turtle"] + 'ex:x ex:v "01"^^xsd:integer, 1.50, 1e3, true, "x"@en-gb, <b> .\n'
    text = "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n" + text
    rdflib_graph = Graph().parse(data=text, format="turtle", publicID=SUBMISSION_BASE_IRI)
    assert isomorphic(load_one("a.ttl", text), rdflib_graph)


def test_language_tags_are_lower_cased_yet_equal_to_rdflibs() -> None:
    [literal] = load_one("a.nt", '<http://e/a> <http://e/b> "x"@zh-Hans .').objects()
    assert isinstance(literal, Literal) and literal.language == "zh-hans"
    assert literal == Literal("x", lang="zh-Hans")


def test_explicit_xsd_string_becomes_rdflibs_plain_literal() -> None:
    graph = load_one("a.nt", f'<http://e/a> <http://e/b> "x"^^<{XSD_STRING}> .')
    assert list(graph.objects()) == [Literal("x")]


def test_several_files_merge_into_one_graph() -> None:
    graph = load_submission([
        SubmissionFile("one.ttl", b"<http://e/a> <http://e/p> _:x ."),
        SubmissionFile("two.ttl", b"<http://e/b> <http://e/p> _:x ."),
        SubmissionFile("three.jsonld", b'{"@id": "http://e/c", "http://e/p": 1}'),
    ])
    assert len(graph) == 3
    assert len(set(graph.objects(None, URIRef("http://e/p")))) == 3, "_:x of two files must differ"


def test_relative_iris_in_different_files_name_the_same_node() -> None:
    graph = load_submission([SubmissionFile("one.ttl", b"<#org> a <#Body> ."),
                             SubmissionFile("two.jsonld", b'{"@id": "#org", "http://e/p": 1}')])
    assert set(graph.subjects()) == {URIRef(SUBMISSION_BASE_IRI + "#org")}


def test_named_graphs_of_trig_and_n_quads_are_merged_into_the_one_graph() -> None:
    graph = load_submission([
        SubmissionFile("a.trig", b"<http://e/g1> { <http://e/a> <http://e/p> 1 }\n"
                                 b"<http://e/a> <http://e/p> 2 ."),
        SubmissionFile("b.nq", b'<http://e/a> <http://e/p> "3" <http://e/g2> .'),
    ])
    assert isinstance(graph, Graph) and not graph.context_aware
    assert len(graph) == 3


@pytest.mark.parametrize("format_name", ["turtle", "json-ld", "rdf-xml", "n-triples", "n-quads"])
def test_format_is_sniffed_from_content_when_the_extension_is_unknown(format_name: str) -> None:
    # Blank lines may come first, except before an XML declaration.
    text = ("" if format_name == "rdf-xml" else "\n  ") + SAMPLES[format_name]
    expected = "turtle" if format_name == "n-triples" else format_name  # Turtle reads N-Triples
    assert sniff_format(text) == expected
    assert isomorphic(load_one("upload", "\ufeff" + text), expected_graph())


def test_error_in_a_sniffed_file_says_the_format_was_guessed() -> None:
    error = refusal("upload", "<a> <b>")
    assert str(error).startswith("upload:1:8: Turtle (guessed from content) syntax error: ")
    # No space after the full-width bracket; one after a Latin name.
    assert error.text("zh").startswith("upload:1:8：Turtle（根据内容推断）语法错误：")
    assert refusal("a.ttl", "<a> <b>").text("zh").startswith("a.ttl:1:8：Turtle 语法错误：")


@pytest.mark.parametrize("name", ["observations.csv", "evidence.xlsx", "notes.ttl.txt"])
def test_an_extension_no_format_has_is_refused_not_guessed_from_content(name: str) -> None:
    """A spreadsheet exported as CSV would otherwise fail as bad Turtle (its content guessed): it
    is refused as the web app's upload refuses it, even when its text happens to parse."""
    with pytest.raises(UnreadFormatError) as caught:
        load_one(name, SAMPLES["turtle"])
    said = caught.value
    assert said.exit_code == 2 and said.http_status == 415
    assert said.text("en").startswith(f"{name}: not a format bcic reads; accepted file "
                                      "extensions: .ttl, .trig, .jsonld, .json, .rdf, .owl")
    assert "without an extension is read as the format its content shows" in said.text("en")
    assert said.text("zh").startswith(f"{name}：不是 bcic 能读取的格式；可接受的文件扩展名：.ttl、"
                                      ".trig、.jsonld、.json、.rdf、.owl")
    # A format given (the API's Content-Type) needs no known extension.
    assert isomorphic(load_one(name, SAMPLES["turtle"], format="turtle"), expected_graph())


def test_an_unread_extension_is_refused_before_any_file_is_parsed() -> None:
    with pytest.raises(UnreadFormatError) as caught:
        load_submission([SubmissionFile("bad.ttl", b"<a> <b>"), SubmissionFile("x.csv", b"a,b")])
    assert str(caught.value).startswith("x.csv: not a format bcic reads")


@pytest.mark.parametrize(("lang", "note"), [("en", " (the parser's own words, in English)"),
                                            ("zh", "（以上英文为解析器的原文）")])
def test_a_parsers_own_words_are_said_to_be_its_own_in_the_error_itself(lang: str,
                                                                         note: str) -> None:
    """One rule for the command line and the web page: the error's text says it."""
    error = refusal("bad.ttl", "<http://e/a> <http://e/b>")
    assert error.engine_words and error.text(lang).endswith(error.engine_words + note)
    assert "解析器" not in refusal("nul.ttl", "a\0b").text("zh")  # no parser's words, no note


def test_explicit_format_overrides_the_extension() -> None:
    graph = load_one("export.ttl", SAMPLES["json-ld"], format="application/ld+json")
    assert isomorphic(graph, expected_graph())


def test_unknown_format_name_is_refused() -> None:
    with pytest.raises(InputError, match="unknown submission format 'yaml'; known formats: turtle"):
        load_one("a.yaml", "x: 1", format="yaml")


def test_registry_resolves_names_media_types_and_extensions() -> None:
    for name, fmt in SUBMISSION_FORMATS.items():
        aliases = (name, fmt.media_type, *fmt.extensions)
        assert {resolve_format(alias) for alias in aliases} == {name}
    assert resolve_format("Text/Turtle; charset=utf-8") == "turtle"
    assert resolve_format("ttl") == "turtle"


@pytest.mark.parametrize(("name", "text", "line", "column", "message"), [
    ("bad.ttl", "@prefix ex: <http://example.org/ns#> .\nex:a ex:b ex:c .\nex:a ex:b @@ .\n", 3, 12,
     "Turtle syntax error: A language code should always start with a letter"),
    ("bad.rdf", f'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="{RDF}" xmlns:ex="http://e/">\n'
     "  <rdf:Description>\n    <ex:p>1</ex:q>\n  </rdf:Description>\n</rdf:RDF>\n",
     4, 14, "XML syntax error: mismatched tag"),
    ("bad.jsonld", '{\n  "@id": "http://e/a",\n  "http://e/p": 1\n  "http://e/q": 2\n}\n', 4, 3,
     "JSON syntax error: Expecting ',' delimiter"),
    ("bad.nt", "<http://e/a> <http://e/b> <http://e/c> .\n<http://e/a> <http://e/b> .\n", 2, 27,
     "N-Triples syntax error: "),
])
def test_parse_error_names_file_line_and_column(
    name: str, text: str, line: int, column: int, message: str
) -> None:
    error = refusal(name, text)
    assert (error.line, error.column) == (line, column)
    assert str(error).startswith(f"{name}:{line}:{column}: {message}")
    assert isinstance(error, InputError) and error.exit_code == 2 and error.http_status == 400


def test_one_bad_file_fails_the_whole_submission() -> None:
    with pytest.raises(SubmissionParseError, match="^second.ttl:1:"):
        load_submission([SubmissionFile("first.ttl", SAMPLES["turtle"].encode()),
                         SubmissionFile("second.ttl", b"<http://e/a> <http://e/b>")])


BILLION_LAUGHS = """\
<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e/">
  <rdf:Description rdf:about="http://e/a"><ex:p>&lol3;</ex:p></rdf:Description>
</rdf:RDF>
"""


@pytest.mark.parametrize(("name", "text", "line"), [
    ("laughs.rdf", BILLION_LAUGHS, 2),
    ("laughs", BILLION_LAUGHS.lower(), 2),  # sniffed as XML, and lower case
    ("entity.ttl", '<http://e/a> <http://e/b> "x" .\n# <!ENTITY a "b">\n', 2),
    ("literal.jsonld", '{"@id": "http://e/a", "http://e/b": "<!doctype html>"}', 1),
])
def test_doctype_and_entity_declarations_are_refused_in_any_file(
    name: str, text: str, line: int
) -> None:
    error = refusal(name, text)
    assert "declarations are not accepted" in str(error)
    assert error.line == line


@pytest.mark.parametrize(("name", "text", "where", "character"), [
    ("escaped.ttl", '@prefix ex: <http://e/> .\nex:a ex:b "Note\\u0001 with\\u000C" .\n',
     "escaped.ttl:2:16", "U+0001"),
    ("raw.nt", '<http://e/a> <http://e/b> "x\x1fy" .\n', "raw.nt:1:29", "U+001F"),
    ("nul.nt", '<http://e/a> <http://e/b> "x\\u0000y"@en .\n', "nul.nt:1:29", "U+0000"),
    ("long.ttl", '<http://e/a> <http://e/b> "\\U0000000b" .\n', "long.ttl:1:28", "U+000B"),
    ("nonchar.jsonld", '{"@id": "http://e/a", "http://e/b": "x\\uFFFF"}', "nonchar.jsonld:1:39",
     "U+FFFF"),
    # written twice: the file cannot say which literal is meant, so no line is given
    ("twice.nt", '<http://e/a> <http://e/b> "\\u0002" .\n<http://e/a> <http://e/c> "\\u0002" .\n',
     "twice.nt", "U+0002"),
])
def test_a_literal_holding_a_character_xml_cannot_carry_is_refused(
    name: str, text: str, where: str, character: str
) -> None:
    """SPARQL XML results and RDF/XML could never carry it: the endpoint's answer would not be
    XML at all."""
    error = refusal(name, text)
    assert str(error).startswith(f"{where}: the literal ")
    assert f"holds the character {character}, which XML 1.0 cannot carry" in str(error)
    assert f"含有字符 {character}，XML 1.0 无法承载该字符" in error.text("zh")


def test_tab_line_feed_and_carriage_return_in_literals_are_accepted() -> None:
    graph = load_one("spaces.nt", '<http://e/a> <http://e/b> "a\\tb\\nc\\rd\x7f" .\n'
                                  "# a comment may hold \x01: it is no literal\n")
    assert set(graph.objects()) == {Literal("a\tb\nc\rd\x7f")}


def test_escaped_doctype_in_an_xml_literal_is_refused() -> None:
    text = ('<http://e/a> <http://e/b> "\\u003C!DOCTYPE x [\\u003C!ENTITY a \'b\'>]><x>&a;</x>"'
            "^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral> .")
    error = refusal("a.nt", text)
    assert "DOCTYPE or ENTITY declaration inside an XML or HTML literal" in str(error)


def test_xml_declaring_another_encoding_is_refused() -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?>\n<rdf:RDF/>'
    assert "not UTF-8" in str(refusal("a.rdf", text))


@pytest.mark.parametrize("context", [
    "{url}",
    "file://{context_file}",
    ["{url}"],
    [{"ex": "http://example.org/ns#"}, "file://{context_file}"],
    {"@import": "{url}"},
    {"p": {"@id": "http://e/p", "@context": "{url}"}},
], ids=["remote", "file", "remote-in-list", "file-in-list", "import", "scoped"])
def test_remote_and_file_json_ld_contexts_are_refused_without_access(
    context: object, tmp_path: Path, listener: socket.socket, no_network: None
) -> None:
    context_file = tmp_path / "context.jsonld"
    context_file.write_text('{"@context": {"name": "http://e/name"}}', encoding="utf-8")
    document = json.dumps({"@context": context, "@id": "http://e/a", "name": "x"})
    document = document.replace("{url}", server_url(listener, "ctx")).replace(
        "{context_file}", str(context_file))
    assert "JSON-LD @" in str(refusal("a.jsonld", document))
    assert_never_contacted(listener)


def test_nested_json_ld_context_is_refused() -> None:
    document = {"@context": {"ex": "http://e/"}, "@graph": [
        {"@context": {"q": "http://e/q"}, "@id": "ex:a", "q": 1}]}
    assert "only at the top of the document" in str(refusal("a.jsonld", json.dumps(document)))


def test_json_ld_parser_fetches_nothing_even_without_the_guard(
    listener: socket.socket, no_network: None
) -> None:
    text = json.dumps({"@context": server_url(listener, "ctx"), "@id": "http://e/a", "name": "x"})
    with pytest.raises(SubmissionParseError, match="remote contexts"):
        parse_into(Graph(), "a.jsonld", text, "json-ld", "JSON-LD", SUBMISSION_BASE_IRI,
                   max_triples=1000)
    assert_never_contacted(listener)


def test_duplicate_json_keys_are_refused() -> None:
    text = '{"@context": {"ex": "http://e/"}, "@context": "http://e/ctx", "@id": "http://e/a"}'
    assert "key '@context' appears twice" in str(refusal("a.jsonld", text))


@pytest.mark.parametrize(("name", "text"), [
    ("a.ttl", "<foo> <bar> <#baz> ."),
    ("a.trig", "{ <foo> <bar> <#baz> . }"),
    ("a.jsonld", '{"@id": "foo", "@type": "#baz", "http://e/p": {"@id": "../../foo"}}'),
    ("a.rdf", f'<rdf:RDF xmlns:rdf="{RDF}" xmlns:ex="http://e/">'
     '<rdf:Description rdf:about="foo"><ex:p rdf:resource="#baz"/></rdf:Description></rdf:RDF>'),
])
def test_relative_iris_resolve_against_the_submission_base_not_the_working_directory(
    name: str, text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    terms = {term for triple in load_one(name, text) for term in triple}
    assert URIRef(SUBMISSION_BASE_IRI + "foo") in terms
    assert all(str(term).startswith(("https://submission.bcic.invalid/", "http://e/", str(RDF)))
               for term in terms), terms


def test_relative_iris_in_n_triples_are_refused() -> None:
    assert "N-Triples syntax error" in str(refusal("a.nt", "<foo> <bar> <baz> ."))


def test_owl_imports_are_not_followed(
    tmp_path: Path, listener: socket.socket, no_network: None
) -> None:
    imported = tmp_path / "imported.ttl"
    imported.write_text("<http://e/imported> <http://e/p> 1 .", encoding="utf-8")
    text = f"<> <{OWL.imports}> <{server_url(listener, 'onto.ttl')}>, <file://{imported}> ."
    graph = load_one("a.ttl", text)
    assert len(graph) == 2
    assert (URIRef("http://e/imported"), None, None) not in graph
    assert_never_contacted(listener)


def test_submission_over_the_size_limit_is_refused() -> None:
    files = [SubmissionFile("a.ttl", b"<http://e/a> <http://e/b> 1 ." * 3)] * 2
    with pytest.raises(InputError, match=r"over the limit of 0.0 MB"):
        load_submission(files, max_bytes=100)


class _CountingGraph(Graph):
    """A graph that counts the statements added to it."""

    def __init__(self) -> None:
        super().__init__()
        self.added = 0

    def add(self, triple):  # type: ignore[no-untyped-def,override]
        self.added += 1
        return super().add(triple)


def test_a_submission_over_the_statement_limit_is_refused_while_it_is_parsed() -> None:
    """Each ` 1` of a Turtle collection makes two statements: 600 KB would make 200,000. The
    loader stops at the statement past the limit, naming the file, the limit and the setting."""
    text = "<http://e/a> <http://e/p> (" + " 1" * 100_000 + " ) .\n"
    graph = _CountingGraph()
    with pytest.raises(SubmissionTooLargeError) as refused:
        parse_into(graph, "list.ttl", text, "turtle", "Turtle", SUBMISSION_BASE_IRI,
                   max_triples=1000)
    assert graph.added == 1001
    error = refused.value
    assert (error.http_status, error.exit_code) == (413, 2)
    assert error.message.startswith("list.ttl: the submission holds more than 1,000 statements "
                                    "(triples), the limit BCIC_MAX_TRIPLES sets; reading stopped")
    assert "set BCIC_MAX_TRIPLES higher" in error.message
    assert error.text("zh").startswith("list.ttl：提交材料中的陈述（三元组）超过 1,000 条，即 "
                                       "BCIC_MAX_TRIPLES 设定的上限")


def test_the_statement_limit_counts_the_whole_submission_and_a_repeated_statement_once() -> None:
    three = b"<http://e/a> <http://e/p> 1, 2, 3 ."
    repeated = b"<http://e/a> <http://e/p> 1 .\n" * 50
    kept = load_submission([SubmissionFile("a.ttl", three), SubmissionFile("r.ttl", repeated)],
                           max_triples=3)
    assert len(kept) == 3
    with pytest.raises(SubmissionTooLargeError,
                       match=r"^b\.ttl: the submission holds more than 5 "):
        load_submission([SubmissionFile("a.ttl", three),
                         SubmissionFile("b.ttl", three.replace(b"/a>", b"/b>"))], max_triples=5)


def test_the_statement_limit_is_bcic_max_triples_else_a_million(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BCIC_MAX_TRIPLES", raising=False)
    assert max_triples_setting() == DEFAULT_MAX_TRIPLES == 1_000_000
    monkeypatch.setenv("BCIC_MAX_TRIPLES", "2")
    with pytest.raises(SubmissionTooLargeError, match="more than 2 statements"):
        load_submission([SubmissionFile("a.ttl", b"<http://e/a> <http://e/p> 1, 2, 3 .")])


@pytest.mark.parametrize("value", ["0", "-5", "1e6", "many", "\u00b2"])
def test_a_statement_limit_that_is_no_whole_number_is_bad_input(
        monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("BCIC_MAX_TRIPLES", value)
    with pytest.raises(InputError) as refused:
        load_submission([SubmissionFile("a.ttl", b"<http://e/a> <http://e/p> 1 .")])
    assert refused.value.message == ("BCIC_MAX_TRIPLES must be a whole number of statements, "
                                     f"1 or more, not {value!r}")
    assert refused.value.text("zh").startswith("BCIC_MAX_TRIPLES 须为不小于 1 的陈述条数")


def test_size_limit_is_checked_before_files_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [tmp_path / "a.ttl", tmp_path / "b.ttl"]
    for path in paths:
        path.write_bytes(b"x" * 60)

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file was opened")

    monkeypatch.setattr(Path, "open", forbidden)
    with pytest.raises(InputError, match="the submission is 0.0 MB, over the limit"):
        read_submission_files(paths, max_bytes=100)


def test_files_are_read_with_the_names_the_user_gave(tmp_path: Path) -> None:
    path = tmp_path / "cluster.ttl"
    path.write_text(SAMPLES["turtle"], encoding="utf-8")
    [file] = read_submission_files([path])
    assert file == SubmissionFile(str(path), SAMPLES["turtle"].encode("utf-8"))
    assert isomorphic(load_submission([file]), expected_graph())


@pytest.mark.parametrize(("relative", "message"), [
    ("missing.ttl", "no such file"),
    (".", "is a directory"),
])
def test_missing_files_and_directories_are_refused(
    relative: str, message: str, tmp_path: Path
) -> None:
    with pytest.raises(InputError, match=message):
        read_submission_files([tmp_path / relative])


def test_invalid_utf8_is_refused_with_its_position() -> None:
    data = b'<http://e/a> <http://e/b> "x" .\n<http://e/a> <http://e/b> "caf\xe9" .\n'
    error = refusal("a.nt", data)
    assert (error.line, error.column) == (2, 31)
    offset = data.index(b"\xe9")
    assert f"byte 0xe9 at offset {offset}" in str(error)


def test_utf8_byte_order_mark_is_accepted() -> None:
    assert isomorphic(load_one("a.ttl", "\ufeff" + SAMPLES["turtle"]), expected_graph())


def test_nul_character_is_refused() -> None:
    assert "NUL character" in str(refusal("a.ttl", '<http://e/a> <http://e/b> "x\0" .'))


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, '{"a": ' * 150 + "1" + "}" * 150])
def test_deeply_nested_json_is_refused_cleanly(text: str) -> None:
    assert "nested more than 100 levels deep" in str(refusal("deep.jsonld", text))


def test_deeply_nested_xml_is_refused_cleanly() -> None:
    text = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e/">'
            + "<ex:p>" * 200 + "</ex:p>" * 200 + "</rdf:RDF>")
    assert "XML elements nested more than 100 deep" in str(refusal("deep.rdf", text))


def test_two_megabyte_literal_in_n_triples_loads() -> None:
    value = "长" * 700_000  # 2.1 MB of UTF-8
    graph = load_one("long.nt", f'<http://e/a> <http://e/b> "{value}" .')
    assert list(graph.objects()) == [Literal(value)]


@pytest.mark.parametrize("text", ["", "   \n", "@prefix ex: <http://e/> .\n# nothing else\n"])
def test_empty_submission_is_refused(text: str) -> None:
    with pytest.raises(InputError, match=r"no RDF statements \(empty.ttl\)"):
        load_one("empty.ttl", text)


def test_submission_without_files_is_refused() -> None:
    with pytest.raises(InputError, match="no files"):
        load_submission([])


@pytest.mark.parametrize(("text", "message"), [
    ('<http://e/a> <http://e/b> <<( <http://e/s> <http://e/p> <http://e/o> )>> .', "triple terms"),
    ('<http://e/a> <http://e/b> "x"@ar--rtl .', "base direction"),
])
def test_rdf_1_2_terms_rdflib_cannot_hold_are_refused(text: str, message: str) -> None:
    assert message in str(refusal("a.nt", text))


def test_ill_typed_literal_is_kept_for_shacl_to_judge() -> None:
    graph = load_one("a.nt", f'<http://e/a> <http://e/b> "{"9" * 5000}"^^<{XSD_INTEGER}> .')
    [literal] = graph.objects()
    assert isinstance(literal, Literal) and literal.ill_typed


def test_ill_typed_literal_logs_no_traceback(caplog: pytest.LogCaptureFixture) -> None:
    graph = load_one("a.ttl", f'<http://e/a> <http://e/b> "abc"^^<{XSD_INTEGER}> .')
    assert [literal.ill_typed for literal in graph.objects()] == [True]
    assert not [r for r in caplog.records if r.name.startswith("rdflib")]


@pytest.mark.parametrize(("name", "template"), [
    ("long.ttl", '<http://e/a> <http://e/b> "{}" .'),
    ("long.nt", "<http://e/a> <http://e/b> <http://e/{}> ."),
    ("long.jsonld", '{{"@id": "http://e/a", "http://e/b": "{}"}}'),
])
def test_term_over_the_parser_buffer_is_an_input_error(name: str, template: str) -> None:
    error = refusal(name, template.format("x" * 16_800_000))
    assert "a literal or IRI is longer than 16 MiB" in str(error)
    assert error.text("zh").startswith(f"{name}：") and "16 MiB" in error.text("zh")


def test_two_files_with_the_same_bytes_are_refused_under_any_names() -> None:
    data = b"<http://e/a> <http://e/b> <http://e/c> .\n"
    with pytest.raises(InputError, match=r"a\.nt and b\.nt have the same content \(SHA-256 "):
        load_submission([SubmissionFile("a.nt", data), SubmissionFile("b.nt", data)])


@pytest.mark.parametrize(("text", "said", "where"), [
    ('{"@id": "http://e/a",\n "http://e/p": {"@id": "http://e/my b"}}',
     "'http://e/my b' is not an absolute IRI, so 1 statement(s) would be dropped", "2:25"),
    ('{"@id": "http://e/a", "http://e/p": {"@value": "v", "@language": "not a lang!"}}',
     "'not a lang!' is not a valid language tag, so 1 statement(s)", "1:67"),
    ('{"@context": {"ex": "http://e/"}, "@id": "ex:a", "label": "v", "ex:p": "w"}',
     "'label' is not an absolute IRI", "1:51"),
])
def test_json_ld_statements_the_parser_would_drop_are_refused(
        text: str, said: str, where: str) -> None:
    error = refusal("a.jsonld", text)
    assert str(error).startswith(f"a.jsonld:{where}: JSON-LD: ") and said in str(error)
    assert "悄然丢弃" in error.text("zh")


def test_json_ld_drop_of_a_compact_iri_names_the_expanded_iri_without_position() -> None:
    text = '{"@context": {"ex": "http://e/"}, "@id": "ex:a b", "http://e/p": "v"}'
    assert str(refusal("a.jsonld", text)).startswith(
        "a.jsonld: JSON-LD: 'http://e/a b' is not an absolute IRI, so 1 statement(s)")


@pytest.mark.parametrize(("text", "where"), [
    ('<rdf:Description rdf:about="http://e/my cluster"><ex:p>v</ex:p></rdf:Description>', "3:29"),
    ('<rdf:Description rdf:about="http://e/a"><ex:p xml:lang="not a lang!">v</ex:p>'
     "</rdf:Description>", "3:57"),
])
def test_rdf_xml_iri_and_language_errors_say_where_the_value_is_written(
        text: str, where: str) -> None:
    document = (f'<rdf:RDF xmlns:rdf="{RDF}"\n xmlns:ex="http://e/">\n' + text + "</rdf:RDF>")
    assert str(refusal("a.rdf", document)).startswith(f"a.rdf:{where}: RDF/XML syntax error: ")



def test_rdf_xml_text_error_says_where_a_text_written_once_is() -> None:
    """The tester's `rdf:datatyp=` typo: the parser's "Unexpected text event: '2023-10-01'" has
    no position, but the text it quotes is written once, on line 4; twice, it gets none."""
    document = (f'<rdf:RDF xmlns:rdf="{RDF}"\n xmlns:ex="http://e/">\n'
                '<rdf:Description rdf:about="http://e/a">\n'
                '  <ex:date rdf:datatyp="http://www.w3.org/2001/XMLSchema#date">2023-10-01'
                "</ex:date>\n</rdf:Description></rdf:RDF>")
    said = str(refusal("a.rdf", document))
    assert said.startswith("a.rdf:4:64: RDF/XML syntax error: ") and "2023-10-01" in said
    # Written twice, the text cannot say which was meant: no line.
    twice = document.replace('"http://e/a">', '"http://e/a"><ex:note>2023-10-01</ex:note>')
    assert str(refusal("a.rdf", twice)).startswith("a.rdf: RDF/XML syntax error: ")


@pytest.mark.parametrize(("attribute", "meant"), [("rdf:datatyp", "rdf:datatype"),
                                                  ("rdf:parseTyp", "rdf:parseType")])
def test_rdf_xml_text_error_names_the_syntax_attribute_misspelt(attribute: str, meant: str) -> None:
    """`rdf:datatyp=` on an element with text: the refusal names the attribute meant, in zh and
    en, after the parser's words (it said only "Unexpected text event")."""
    value = "http://www.w3.org/2001/XMLSchema#date" if meant.endswith("datatype") else "Literal"
    document = (f'<rdf:RDF xmlns:rdf="{RDF}"\n xmlns:ex="http://e/">\n'
                '<rdf:Description rdf:about="http://e/a">\n'
                f'  <ex:date {attribute}="{value}">2023-10-01</ex:date>\n'
                "</rdf:Description></rdf:RDF>")
    error = refusal("a.rdf", document)
    assert str(error).startswith("a.rdf:4:") and str(error).endswith(
        f"(the parser's own words, in English); {attribute} is no attribute of RDF/XML: did you "
        f"mean {meant}?"), str(error)
    assert error.text("zh").endswith(
        f"（以上英文为解析器的原文）；{attribute} 不是 RDF/XML 的语法属性：是否应为 {meant}？")


@pytest.mark.parametrize("attribute", ["about", "resource"])
def test_an_unprefixed_rdf_xml_attribute_is_placed_and_named(attribute: str) -> None:
    """`about="…"` for rdf:about: the parser says "XML namespaces are required" with no place;
    the refusal gives the attribute's line and column and how to write it, zh and en."""
    inner = (f'<ex:p {attribute}="http://e/b"/>' if attribute == "resource"
             else '<ex:p>v</ex:p>')
    outer = 'about="http://e/a"' if attribute == "about" else 'rdf:about="http://e/a"'
    document = (f'<rdf:RDF xmlns:rdf="{RDF}"\n xmlns:ex="http://e/">\n'
                f"<rdf:Description {outer}>\n  {inner}\n</rdf:Description></rdf:RDF>")
    line = 3 if attribute == "about" else 4
    column = (document.split("\n")[line - 1].index(f"{attribute}=") + 1)
    error = refusal("a.rdf", document)
    assert str(error).startswith(f"a.rdf:{line}:{column}: RDF/XML syntax error: ") and \
        str(error).endswith(f"; the attribute {attribute}= has no prefix: RDF/XML writes it "
                            f"rdf:{attribute}="), str(error)
    assert error.text("zh").endswith(f"；属性 {attribute}= 没有前缀：RDF/XML 中应写作 rdf:{attribute}=")

REWRITTEN_ONTOLOGY = """\
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/body> a bcic:CultivationBody .
bcic:CultivationBody rdfs:subClassOf bcic:CreditMechanism .
"""


def test_a_subclass_axiom_on_a_term_of_the_standard_is_refused_at_its_line() -> None:
    error = refusal("tbox.ttl", REWRITTEN_ONTOLOGY)
    assert (error.line, error.column) == (4, 1)
    term = "<https://w3id.org/bcic/ontology#CultivationBody>"
    assert f"{term} is a term of the standard" in str(error)
    assert "rdf-schema#subClassOf" in str(error)
    assert "是本标准的术语" in error.text("zh") and error.text("zh").startswith("tbox.ttl:4:1：")


@pytest.mark.parametrize(("name", "text"), [
    ("req.nt", '<https://w3id.org/bcic/req/gbt-draft/4.1> <http://e/p> "met" .'),
    ("ind.nt", "<https://w3id.org/bcic/indicator/MarketShare> <http://e/p> <http://e/o> ."),
    ("shape.nt",
     "<https://w3id.org/bcic/shapes/gbt-draft/MembersDeclared> <http://e/p> <http://e/o> ."),
    ("class.jsonld", '{"@id": "https://w3id.org/bcic/ontology#CreditMechanism",'
                     ' "http://www.w3.org/2000/01/rdf-schema#label": "mine"}'),
    ("class.rdf", '<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF '
                  'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<rdf:Description '
                  'rdf:about="https://w3id.org/bcic/ontology#CreditMechanism">\n'
                  '<rdf:type rdf:resource="http://e/C"/></rdf:Description></rdf:RDF>'),
])
def test_a_statement_about_any_term_of_the_standards_namespaces_is_refused(
        name: str, text: str) -> None:
    assert "is a term of the standard" in str(refusal(name, text))


def test_the_standards_terms_stay_usable_as_classes_and_values() -> None:
    graph = load_one("a.ttl", REWRITTEN_ONTOLOGY.rsplit("\n", 2)[0] + "\n")
    assert len(graph) == 1


def test_a_class_of_the_submission_made_a_subclass_of_the_standards_is_refused() -> None:
    """The same rewrite through a class of its own: the body would count for 7.1.2.3."""
    error = refusal("own.ttl", """\
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <https://example.org/> .
ex:body a bcic:CultivationBody , ex:Mine .
ex:Mine rdfs:subClassOf bcic:CreditMechanism .
""")
    assert (error.line, error.column) == (5, 1)
    assert "<https://example.org/Mine> may not be made a subclass" in str(error)
    assert "本标准术语 <https://w3id.org/bcic/ontology#CreditMechanism> 的子类" in error.text("zh")


def test_a_hierarchy_among_the_submissions_own_terms_is_kept() -> None:
    graph = load_one("own.ttl", "@prefix ex: <https://example.org/> .\n"
                     "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                     "ex:Mine rdfs:subClassOf ex:Theirs .\n")
    assert len(graph) == 1


@pytest.mark.parametrize(("name", "text", "where", "escape"), [
    # the column counts characters: four CJK characters move it 4 to the left of eight letters
    ("surrogate.jsonld", '{"@id": "http://e/中文中文", "http://e/p": "\\uD800"}', "1:41",
     "\\uD800"),
    ("surrogate-ascii.jsonld", '{"@id": "http://e/abcdabcd", "http://e/p": "\\uD800"}', "1:45",
     "\\uD800"),
    ("low.jsonld", '{"@id": "http://e/a",\n "http://e/p": "x\\udc00"}', "2:18", "\\udc00"),
    ("two-highs.jsonld", '{"@id": "http://e/a", "http://e/p": "\\uD83D\\uD83D\\uDE00"}', "1:38",
     "\\uD83D"),
    ("in-a-key.jsonld", '{"@id": "http://e/a", "http://e/\\uDBFF": "x"}', "1:33", "\\uDBFF"),
])
def test_a_lone_surrogate_escape_in_json_ld_is_refused_where_it_is_written(
        name: str, text: str, where: str, escape: str) -> None:
    """Python's JSON reader takes `\\uD800` alone; pyoxigraph refused it at a column counted in
    bytes, past the end of the line, as "Unexpected end of file"."""
    error = refusal(name, text)
    assert str(error).startswith(
        f"{name}:{where}: JSON syntax error: {escape} is not a character (a lone surrogate")
    assert error.text("zh").startswith(f"{name}:{where}：JSON 语法错误：{escape} 不是字符（孤立的代理")


@pytest.mark.parametrize(("text", "value"), [
    ('{"@id": "http://e/a", "http://e/p": "\\uD83D\\uDE00 \\\\uD800"}', "😀 \\uD800"),
    ('{"@id": "http://e/a", "http://e/p": "\\\\\\uD83D\\uDE00"}', "\\😀"),
])
def test_surrogate_pairs_and_escaped_backslashes_in_json_ld_are_accepted(
        text: str, value: str) -> None:
    assert list(load_one("pair.jsonld", text).objects()) == [Literal(value)]


@pytest.mark.parametrize(("written", "where"), [("中文", "2:16"), ("ab", "2:16")])
def test_a_json_ld_parser_error_column_counts_characters_not_bytes(
        written: str, where: str) -> None:
    """Python's JSON reader takes NaN, pyoxigraph's refuses it at a column it counts in UTF-8
    bytes: 2:20 after two CJK characters (six bytes) where the character is at 2:16."""
    text = f'{{"@id": "http://e/{written}",\n"http://e/{written}": NaN}}'
    said = str(refusal("nan.jsonld", text))
    assert said.startswith(f"nan.jsonld:{where}: JSON-LD syntax error: ")


@pytest.mark.parametrize(("name", "text", "where"), [
    # a lone CR ends a line for the parsers: bcic's own positions count it as well
    ("cr-control.ttl", '@prefix ex: <http://e/> .\rex:a ex:b ex:c .\rex:a ex:b "\\u0001" .\r',
     "3:12"),
    ("cr-syntax.ttl", "@prefix ex: <http://e/> .\rex:a ex:b ex:c .\rex:a ex:b } .\r", "3:11"),
    ("crlf-control.ttl", '@prefix ex: <http://e/> .\r\n\r\nex:a ex:b "\\u0001" .\r\n', "3:12"),
    ("cr-json.jsonld", '{"@id": "http://e/a",\r"http://e/p": 1\r"http://e/q": 2}', "3:1"),
    ("cr-surrogate.jsonld", '{"@id": "http://e/a",\r"http://e/p": "\\uD800"}', "2:16"),
    ("cr-xml.rdf", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\r'
                   "<!DOCTYPE x>\r</rdf:RDF>", "2:1"),
    ("cr-nul.nt", '<http://e/a> <http://e/b> "x" .\r<http://e/a> <http://e/b> "\0" .', "2:28"),
    ("cr-standard.ttl", "@prefix bcic: <https://w3id.org/bcic/ontology#> .\r"
                        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\r"
                        '  bcic:CultivationBody rdfs:label "mine" .\r', "3:3"),
])
def test_positions_count_a_lone_carriage_return_as_a_line_end_as_the_parsers_do(
        name: str, text: str, where: str) -> None:
    assert str(refusal(name, text)).startswith(f"{name}:{where}: ")


def test_the_parsers_positions_in_files_with_stray_carriage_returns_exist() -> None:
    """A file with a stray CR: the parser's line and column name the token it refuses."""
    text = ("@prefix ex: <http://e/> .\n# a comment\rex:a ex:b ex:c .\n"
            "ex:a ex:b ex:d .\n#\r choice.\n")
    error = refusal("stray.ttl", text)
    assert (error.line, error.column) == (6, 2)
    assert text_lines(text)[5][1:] == "choice."
    assert "choice is not a valid subject" in str(error)


def test_a_json_ld_integer_of_more_than_4300_digits_is_accepted_as_turtle_accepts_it() -> None:
    """Python refuses to convert it ("use sys.set_int_max_str_digits()"); the checks do not need
    its value. JSON-LD makes any number of 10^21 or more an xsd:double, Turtle an xsd:integer."""
    digits = "9" * 4301
    [from_json] = load_one("big.jsonld",
                           f'{{"@id": "http://e/a", "http://e/p": {digits}}}').objects()
    [from_turtle] = load_one("big.ttl", f"<http://e/a> <http://e/p> {digits} .").objects()
    assert isinstance(from_json, Literal) and from_json.datatype == URIRef(XSD_DOUBLE)
    assert str(from_json).startswith("9.999") and str(from_json).endswith("E4300")
    assert isinstance(from_turtle, Literal) and str(from_turtle) == digits


@pytest.mark.parametrize(("name", "text", "character"), [
    ("nel.ttl", "@prefix ex: <http://e/> .\nex:a ex:b <http://e/\\u0085> .\n", "U+0085"),
    ("del.ttl", "@prefix ex: <http://e/> .\nex:a ex:b <http://e/\x7f> .\n", "U+007F"),
    ("nonchar.nt", "<http://e/a> <http://e/b> <http://e/\ufffe> .\n", "U+FFFE"),
])
def test_an_invalid_iri_code_point_is_named_by_its_number(
        name: str, text: str, character: str) -> None:
    """Quoted as itself it showed nothing: `Invalid IRI code point ''`."""
    said = str(refusal(name, text))
    assert said.endswith(f"syntax error: Invalid IRI code point {character} "
                         "(the parser's own words, in English)")
    assert not any(invisible in said for invisible in "\x85\x7f\ufffe")


# Literals of every datatype rdflib converts, each with lexical forms of no datatype's (one to a
# subject: rdflib cannot sort "NaN"^^xsd:decimal among other decimals), made and written out.
_EVERY_DATATYPE_ILL_TYPED = """
from rdflib import Graph, Literal, URIRef
from rdflib.term import _toPythonMapping
import checker.loading.rdfterms
graph = Graph()
for number, datatype in enumerate(sorted(str(d) for d in _toPythonMapping if d is not None)):
    for form in ("maybe", "", "2024-13-45", "0x1", "P1Y", "--13", "1e400", "NaN"):
        graph.add((URIRef(f"http://e/{number}/{form}"), URIRef("http://e/p"),
                   Literal(form, datatype=URIRef(datatype))))
for format_name in ("turtle", "json-ld", "nt"):
    graph.serialize(format=format_name)
print(len(graph))
"""


def test_no_literal_of_any_datatype_prints_rdflibs_warnings() -> None:
    """rdflib warns through `warnings` (shown once per place, so in a fresh interpreter) of an
    xsd:boolean neither true nor false and of a number not written as one; the shapes report
    such a value, and rdflib's warning with its own file's path looks like a crash."""
    child = subprocess.run([sys.executable, "-W", "always", "-c", _EVERY_DATATYPE_ILL_TYPED],
                           cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
                           check=False)
    assert child.returncode == 0 and int(child.stdout) > 100
    assert child.stderr == ""

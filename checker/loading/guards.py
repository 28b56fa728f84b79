"""Checks that run on a submission's text before any RDF parser sees it."""

import itertools
import json
import re
from typing import Any
from xml.parsers import expat

from ..errors import InputError
from ..i18n import Phrase, phrase
from ..text_position import text_position

# Deeper JSON or XML is refused: parsers recurse on it or slow down quadratically.
MAX_DEPTH = 100

# Entity declarations need a DOCTYPE; refusing both keeps "billion laughs" away from every
# XML parser, including the one rdflib runs on rdf:XMLLiteral values.
MARKUP_DECLARATION = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_ENCODING = re.compile(r"\s*<\?xml[^>]*?\bencoding\s*=\s*[\"']([^\"']*)")
# The characters XML 1.0 cannot carry (its Char production): every C0 control character but tab,
# line feed and carriage return, and the non-characters U+FFFE and U+FFFF. A literal holding one
# could never be answered as SPARQL XML results or RDF/XML, which must be well-formed XML.
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The start of an escape of half a UTF-16 surrogate pair; any JSON escape: a whole pair read as one,
# half a pair standing alone ("lone"), or another.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_ESCAPE = re.compile(r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"
                     r"|(?P<lone>u[dD][89a-fA-F][0-9a-fA-F]{2})|.)", re.DOTALL)
_VALUE_SHOWN = 60  # characters of a refused literal quoted in the message


class SubmissionParseError(InputError):
    """A submission file was refused; says which file and, when known, where in it.

    `problem` is the catalogue's message `error.parse.<problem>` filled with `values`; a
    `detail` among them is the parser's own words (`engine_words`), which the message says are
    the parser's, in English, in every language.
    """

    def __init__(self, file: str, problem: str, line: int | None = None,
                 column: int | None = None, *, then: Phrase | None = None,
                 **values: object) -> None:
        where = ":".join([file, *(str(part) for part in (line, column) if part is not None)])
        said = phrase(f"error.parse.{problem}", **values)
        if "detail" in values:  # the same words on the command line and on a page
            said = phrase("error.parse.engine_words", problem=said)
        if then is not None:  # what the problem most likely comes from, in bcic's words
            said = phrase("error.parse.then", problem=said, then=then)
        super().__init__(phrase("error.parse.at", where=where, problem=said))
        self.file, self.line, self.column = file, line, column
        # The parser's own words the message quotes (English, as the parser wrote them), that a
        # page in another language can mark as English.
        self.engine_words = str(values["detail"]) if "detail" in values else None


class SubmissionTooLargeError(SubmissionParseError):
    """A submission holds more statements than the limit: refused while parsing, before the rest
    is read (a few bytes of Turtle make a statement: ` 1` in a collection), and 413 on the web."""

    http_status = 413


def check_total_size(size: int, max_bytes: int) -> None:
    """Refuse a submission larger than max_bytes."""
    if size > max_bytes:
        raise InputError.of("error.submission.too_large", size=size / 1e6, limit=max_bytes / 1e6)


def decode_utf8(file: str, data: bytes) -> str:
    """Decode UTF-8 (an initial BOM is dropped); refuse other bytes and NUL characters."""
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line, column = text_position(data[: error.start].decode("utf-8").removeprefix("\ufeff"))
        raise SubmissionParseError(file, "not_utf8", line, column, byte=data[error.start],
                                   offset=error.start) from None
    if (nul := text.find("\0")) >= 0:
        raise SubmissionParseError(file, "nul", *text_position(text[:nul]))
    return text


def refuse_xml_unsafe(file: str, text: str, value: str) -> None:
    """Refuse a literal value holding a character of XML_UNSAFE, written as itself or escaped
    (`\\u0001`, `\\U00000001`); say where when the text writes that character once."""
    if (found := XML_UNSAFE.search(value)) is None:
        return
    code = ord(found.group())
    written = re.compile(f"{re.escape(found.group())}|\\\\u(?i:{code:04x})|\\\\U(?i:{code:08x})")
    places = [match.start() for match in itertools.islice(written.finditer(text), 2)]
    where = text_position(text[: places[0]]) if len(places) == 1 else ()
    shown = value if len(value) <= _VALUE_SHOWN else value[:_VALUE_SHOWN] + "…"
    raise SubmissionParseError(file, "xml_unsafe_character", *where, character=f"U+{code:04X}",
                               value=shown)


def refuse_markup_declarations(file: str, text: str) -> None:
    """Refuse any <!DOCTYPE or <!ENTITY, whatever the file's format."""
    if found := MARKUP_DECLARATION.search(text):
        raise SubmissionParseError(file, "markup_declaration",
                                   *text_position(text[: found.start()]),
                                   declaration=found.group().upper())


def check_xml(file: str, text: str) -> None:
    """Check that XML is UTF-8, well-formed, without DTD and at most MAX_DEPTH elements deep."""
    declared = _XML_ENCODING.match(text)
    if declared and declared.group(1).lower() not in ("utf-8", "utf8"):
        raise SubmissionParseError(file, "xml_encoding", encoding=declared.group(1))
    parser = expat.ParserCreate(encoding="UTF-8")
    depth = 0

    def refuse(problem: str, **values: object) -> None:
        line, column = parser.CurrentLineNumber, parser.CurrentColumnNumber + 1
        raise SubmissionParseError(file, problem, line, column, **values)

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        if depth > MAX_DEPTH:
            refuse("xml_depth", depth=MAX_DEPTH)

    def end(tag: str) -> None:
        nonlocal depth
        depth -= 1

    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.StartDoctypeDeclHandler = lambda *_: refuse("xml_declaration", declaration="DOCTYPE")
    parser.EntityDeclHandler = lambda *_: refuse("xml_declaration", declaration="ENTITY")
    try:
        parser.Parse(text, True)
    except expat.ExpatError as error:
        raise SubmissionParseError(file, "xml_syntax", error.lineno, error.offset + 1,
                                   detail=expat.ErrorString(error.code)) from None


def check_json_ld(file: str, text: str) -> None:
    """Check JSON syntax, depth and duplicate keys; accept only inline, top-level contexts."""
    try:
        # Numbers are kept as written: only the structure is checked here, and Python refuses to
        # convert an integer of more than 4,300 digits, which Turtle and pyoxigraph accept.
        document = json.loads(text, object_pairs_hook=_object_without_duplicate_keys,
                              parse_int=str, parse_float=str)
    except json.JSONDecodeError as error:
        raise SubmissionParseError(file, "json_syntax", *text_position(text[: error.pos]),
                                   detail=error.msg) from None
    except RecursionError:
        raise SubmissionParseError(file, "json_depth", depth=MAX_DEPTH) from None
    except _DuplicateKey as error:
        raise SubmissionParseError(file, "json_duplicate_key", key=error.key) from None
    _refuse_lone_surrogate(file, text)
    # Only the document object (or each object of a top-level array) may carry a context:
    # a nested or scoped context is re-processed at every use, which takes time quadratic
    # in the size of the document in both pyoxigraph and rdflib.
    stack: list[tuple[Any, int, bool]] = [(document, 1, True)]
    while stack:
        value, depth, top = stack.pop()
        if depth > MAX_DEPTH:
            raise SubmissionParseError(file, "json_depth", depth=MAX_DEPTH)
        if isinstance(value, dict):
            for key, child in value.items():
                if key in ("@context", "@import"):
                    _check_context(file, key, child, top)
                stack.append((child, depth + 1, False))
        elif isinstance(value, list):
            stack.extend((child, depth + 1, depth == 1) for child in value)


def _refuse_lone_surrogate(file: str, text: str) -> None:
    """Refuse an escape of half a UTF-16 surrogate pair (`"\\uD800"` alone): Python's JSON
    reader takes it, but it is no character, and pyoxigraph refuses it without a usable place."""
    if _SURROGATE_ESCAPE.search(text) is None:
        return
    # Valid JSON holds a backslash only inside a string, where each begins one escape: reading
    # the escapes in order from the start finds every pair and every half of one.
    for escape in _ESCAPE.finditer(text):
        if escape.group("lone"):
            raise SubmissionParseError(file, "json_lone_surrogate",
                                       *text_position(text[: escape.start()]),
                                       escape=escape.group())


class _DuplicateKey(ValueError):
    """A JSON object names the same key twice."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _object_without_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build a JSON object; a repeated key would let two parsers read different documents."""
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen.add(key)
    return dict(pairs)


def _check_context(file: str, key: str, value: Any, top: bool) -> None:
    """Accept only inline contexts at the top of the document; never @import."""
    listed = value if isinstance(value, list) else [value]
    reference = next((item for item in listed if isinstance(item, str)), None)
    if key == "@import":
        raise SubmissionParseError(file, "jsonld_import")
    if reference is not None:
        raise SubmissionParseError(file, "jsonld_remote_context", reference=reference[:200])
    if not top:
        raise SubmissionParseError(file, "jsonld_nested_context")


def position_of_only(text: str, *forms: str) -> tuple[int, int] | tuple[()]:
    """The line and column just inside the one place where the text holds any of the quoted forms
    of a value; nothing when it holds none, or several and so cannot say which was meant."""
    starts = [start for form in forms for start in _starts(text, form)][:2]
    if len(starts) != 1:
        return ()
    return text_position(text[: starts[0] + 1])


def _starts(text: str, form: str) -> list[int]:
    """Where form begins in the text, at most twice (two are enough to know it is not once)."""
    first = text.find(form)
    if first < 0:
        return []
    second = text.find(form, first + 1)
    return [first] if second < 0 else [first, second]

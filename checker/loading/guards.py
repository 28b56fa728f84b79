"""Checks that run on a submission's text before any RDF parser sees it."""

import json
import re
from typing import Any
from xml.parsers import expat

from ..errors import InputError

# Deeper JSON or XML is refused: parsers recurse on it or slow down quadratically.
MAX_DEPTH = 100

# Entity declarations need a DOCTYPE; refusing both keeps "billion laughs" away from every
# XML parser, including the one rdflib runs on rdf:XMLLiteral values.
MARKUP_DECLARATION = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_ENCODING = re.compile(r"\s*<\?xml[^>]*?\bencoding\s*=\s*[\"']([^\"']*)")


class SubmissionParseError(InputError):
    """A submission file was refused; says which file and, when known, where in it."""

    def __init__(
        self, file: str, problem: str, line: int | None = None, column: int | None = None
    ) -> None:
        where = [str(part) for part in (line, column) if part is not None]
        super().__init__(":".join([file, *where]) + f": {problem}")
        self.file, self.problem, self.line, self.column = file, problem, line, column


def check_total_size(size: int, max_bytes: int) -> None:
    """Refuse a submission larger than max_bytes."""
    if size > max_bytes:
        raise InputError(
            f"the submission is {size / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:.1f} MB"
        )


def decode_utf8(file: str, data: bytes) -> str:
    """Decode UTF-8 (an initial BOM is dropped); refuse other bytes and NUL characters."""
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line, column = _position(data[: error.start].decode("utf-8").removeprefix("\ufeff"))
        problem = f"not UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}"
        raise SubmissionParseError(file, problem, line, column) from None
    if (nul := text.find("\0")) >= 0:
        raise SubmissionParseError(file, "NUL character in text", *_position(text[:nul]))
    return text


def refuse_markup_declarations(file: str, text: str) -> None:
    """Refuse any <!DOCTYPE or <!ENTITY, whatever the file's format."""
    if found := MARKUP_DECLARATION.search(text):
        problem = f"{found.group().upper()} declarations are not accepted (they can expand forever)"
        raise SubmissionParseError(file, problem, *_position(text[: found.start()]))


def check_xml(file: str, text: str) -> None:
    """Check that XML is UTF-8, well-formed, without DTD and at most MAX_DEPTH elements deep."""
    declared = _XML_ENCODING.match(text)
    if declared and declared.group(1).lower() not in ("utf-8", "utf8"):
        raise SubmissionParseError(file, f"XML declares encoding {declared.group(1)!r}, not UTF-8")
    parser = expat.ParserCreate(encoding="UTF-8")
    depth = 0

    def refuse(problem: str) -> None:
        line, column = parser.CurrentLineNumber, parser.CurrentColumnNumber + 1
        raise SubmissionParseError(file, problem, line, column)

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        if depth > MAX_DEPTH:
            refuse(f"XML elements nested more than {MAX_DEPTH} deep")

    def end(tag: str) -> None:
        nonlocal depth
        depth -= 1

    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.StartDoctypeDeclHandler = lambda *_: refuse("DOCTYPE declarations are not accepted")
    parser.EntityDeclHandler = lambda *_: refuse("ENTITY declarations are not accepted")
    try:
        parser.Parse(text, True)
    except expat.ExpatError as error:
        problem = f"XML syntax error: {expat.ErrorString(error.code)}"
        raise SubmissionParseError(file, problem, error.lineno, error.offset + 1) from None


def check_json_ld(file: str, text: str) -> None:
    """Check JSON syntax, depth and duplicate keys; accept only inline, top-level contexts."""
    try:
        document = json.loads(text, object_pairs_hook=_object_without_duplicate_keys)
    except json.JSONDecodeError as error:
        problem = f"JSON syntax error: {error.msg}"
        raise SubmissionParseError(file, problem, error.lineno, error.colno) from None
    except RecursionError:
        raise SubmissionParseError(file, f"JSON nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as error:  # a duplicate key, an integer too long to convert
        raise SubmissionParseError(file, f"JSON error: {error}") from None
    # Only the document object (or each object of a top-level array) may carry a context:
    # a nested or scoped context is re-processed at every use, which takes time quadratic
    # in the size of the document in both pyoxigraph and rdflib.
    stack: list[tuple[Any, int, bool]] = [(document, 1, True)]
    while stack:
        value, depth, top = stack.pop()
        if depth > MAX_DEPTH:
            raise SubmissionParseError(file, f"JSON nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, dict):
            for key, child in value.items():
                if key in ("@context", "@import"):
                    _check_context(file, key, child, top)
                stack.append((child, depth + 1, False))
        elif isinstance(value, list):
            stack.extend((child, depth + 1, depth == 1) for child in value)


def _object_without_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build a JSON object; a repeated key would let two parsers read different documents."""
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise ValueError(f"key {key!r} appears twice in one object")
        seen.add(key)
    return dict(pairs)


def _check_context(file: str, key: str, value: Any, top: bool) -> None:
    """Accept only inline contexts at the top of the document; never @import."""
    listed = value if isinstance(value, list) else [value]
    reference = next((item for item in listed if isinstance(item, str)), None)
    if key == "@import":
        problem = "JSON-LD @import is not accepted; write the context inline"
    elif reference is not None:
        problem = f"JSON-LD @context refers to {reference[:200]!r}; write the context inline"
    elif not top:
        problem = "JSON-LD @context is accepted only at the top of the document (not nested)"
    else:
        return
    raise SubmissionParseError(file, problem)


def _position(before: str) -> tuple[int, int]:
    """Return the 1-based line and column just after the given text."""
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1

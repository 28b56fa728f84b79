"""The server's own words in the body of an HTTP error answer, as one line a person reads.

A SPARQL server says why it refused or failed a request in its body: bcic's own endpoint and
many others in a JSON envelope (`message`, or `error`), Virtuoso, Fuseki and Oxigraph in plain
text, some in XML (a SPARQL/XML or Virtuoso-style `<error>`), and a proxy in front of any of
them (a 502 of nginx) in an HTML page. The message keeps the words, not the wrapping: a JSON
envelope's message, an HTML page's title and text (its style sheet and scripts left out), an XML
document's text content (parsed only without a document type), or the text itself; white space collapsed to single spaces, and cut
to a length a line can hold, with "…" where it was cut. The body is read in the charset its
`Content-Type` declares (RFC 9110 §8.3.2), else an XML document's declaration
(`<?xml version="1.0" encoding="GBK"?>`, XML 1.0 §4.3.3), else an HTML page's `<meta charset>`,
else UTF-8.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

from ..loading.guards import MARKUP_DECLARATION

_MESSAGE_KEYS = ("message", "error", "detail", "description")
_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|title)\b", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_UNSHOWN = frozenset({"script", "style", "head", "template", "noscript"})
# An HTML page's own charset: <meta charset="gbk"> or <meta http-equiv=… content="…; charset=gbk">
# (HTML's prescan reads the first 1,024 bytes).
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)",
                           re.IGNORECASE)
# An XML document's own encoding, named by the declaration that opens it (written in ASCII
# bytes by the encodings it may name: GBK, ISO-8859-1…): <?xml version="1.0" encoding="GBK"?>
_XML_ENCODING = re.compile(
    rb"\s*<\?xml\s[^>]*?encoding\s*=\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']")
# A JSON envelope too long to be read whole (cut where the body was cut) most often says its
# message before its long parts (a trace): {"ok": false, "message": "…", "trace": [...
_NESTED = re.compile(r"[\[{]")
_STRING_MEMBER = r'"%s"\s*:\s*("(?:[^"\\]|\\.)*")'


def server_words(raw: bytes, limit: int, charset: str | None = None) -> str:
    """The words of an error body `raw`, in the `charset` its answer declared, on one line of
    at most `limit` characters."""
    text = _decoded(raw, charset).strip()
    words = _json_message(text) if text.startswith("{") else None
    if words is None and _HTML.search(text):
        words = _page_words(text)
    elif words is None and text.startswith("<"):
        words = _xml_words(text)
    return _cut(" ".join((text if words is None else words).split()), limit)


def _decoded(raw: bytes, charset: str | None) -> str:
    """`raw` as text: in the declared `charset`, else an XML document's declared encoding, else
    an HTML page's own charset, else UTF-8; bytes the charset has no character for (or an
    unknown charset's) as U+FFFD."""
    declared = _XML_ENCODING.match(raw[:1024])
    meta = _META_CHARSET.search(raw[:1024])
    for name in (charset, *(found.group(1).decode("ascii") for found in (declared, meta)
                            if found)):
        if name:
            try:
                return raw.decode(name, "replace")
            except LookupError:  # a charset Python does not know
                continue
    return raw.decode("utf-8", "replace")


def _json_message(text: str) -> str | None:
    """A JSON object's message (`message`, else `error` …, or theirs when they are objects);
    None when the text is no JSON object or holds none."""
    try:
        found: object = json.loads(text)
    except ValueError:
        return _leading_message(text)
    for _depth in range(3):  # {"error": {"message": …}}
        if not isinstance(found, dict):
            return None
        inner = next((found[k] for k in _MESSAGE_KEYS if isinstance(found.get(k), (str, dict))
                      and found[k]), None)
        if isinstance(inner, str):
            return inner
        found = inner
    return None


def _leading_message(text: str) -> str | None:
    """The message a JSON object's text gives before its first nested array or object, read
    from its start when the whole cannot be (cut short); None when it gives none there."""
    nested = _NESTED.search(text, 1)
    head = text[:nested.start() if nested else len(text)]
    for key in _MESSAGE_KEYS:
        member = re.search(_STRING_MEMBER % key, head)
        if member is not None:
            words: str = json.loads(member.group(1))
            return words or None
    return None


class _PageText(HTMLParser):
    """An HTML page's title and the text it shows, without its style sheets and scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.shown: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        if "title" in self._open:
            self.title.append(data)
        elif not _UNSHOWN.intersection(self._open):
            self.shown.append(data)


def _page_words(text: str) -> str:
    """`title: text` of an HTML page (the text's first words dropped when they repeat the title,
    as an error page's heading does)."""
    page = _PageText()
    page.feed(text)
    page.close()
    title = " ".join("".join(page.title).split())
    shown = " ".join(" ".join(page.shown).split())
    if title and shown.startswith(title):
        shown = shown[len(title):].strip()
    return ": ".join(part for part in (title, shown) if part)


def _xml_words(text: str) -> str | None:
    """The text content of an XML document (a SPARQL/XML or Virtuoso-style `<error>`); None
    when it does not parse whole (cut short, not XML) or declares a document type, which never
    reaches the parser: entities are declared there ("billion laughs", checker/loading/guards.py).
    """
    if MARKUP_DECLARATION.search(text):
        return None
    try:  # the declaration names the bytes' encoding, already decoded here
        root = ElementTree.fromstring(_XML_DECLARATION.sub("", text, count=1))
    except ElementTree.ParseError:
        return None
    return " ".join(" ".join(root.itertext()).split()) or None


def _cut(line: str, limit: int) -> str:
    """`line`, or its first words ending in "…" when it is longer than `limit` characters."""
    if len(line) <= limit:
        return line
    return line[:limit - 1].rstrip() + "…"

"""Load an untrusted submission (one or more RDF files) into one in-memory rdflib graph.

Checks run before any parser sees the text: size, UTF-8, DOCTYPE/ENTITY declarations, XML
well-formedness and depth, JSON depth and JSON-LD context references. Parsing runs in
pyoxigraph with a fixed base IRI, and nothing is ever fetched (no @context, no owl:imports).
A statement about a term of the standard's own namespaces is refused (standard_terms.py), and so
is a literal holding a character XML 1.0 cannot carry (a C0 control character other than tab, line
feed and carriage return, U+FFFE, U+FFFF): the store answers queries as XML too. A submission
holding more statements than a limit is refused while it is parsed: a few bytes make a statement
(` 1` in a Turtle collection), so the size limit alone lets a file take gigabytes of memory.
Any problem is one InputError naming the file and, when known, the line and column. Where a term
is first written (`first_written`), where a record is described (`described_places`) and where a
value of a record is written (`value_places`) are found again in the text, for a report's notes
and findings.
"""

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph
from rdflib.term import Node

from ..errors import InputError
from ..i18n import Phrase, phrase
from .formats import (
    SUBMISSION_FORMATS,
    SubmissionFormat,
    format_from_extension,
    refuse_unread_extension,
    resolve_format,
    sniff_format,
)
from .guards import (
    SubmissionParseError,
    SubmissionTooLargeError,
    check_json_ld,
    check_total_size,
    check_xml,
    decode_utf8,
    refuse_markup_declarations,
)
from .jsonld_texts import TextCandidate, texts_for_undescribed
from .rdfterms import blank_identity, declared_prefixes, parse_into, stated_values, used_iris
from .record_places import described_at
from .value_places import values_at
from .standard_terms import first_written as first_written_in
from .vocab_terms import vocab_written
from ..os_reasons import os_reason

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_TRIPLES",
    "MAX_TRIPLES_ENV",
    "SUBMISSION_BASE_IRI",
    "SUBMISSION_FORMATS",
    "SubmissionFile",
    "SubmissionFormat",
    "SubmissionParseError",
    "SubmissionTooLargeError",
    "blank_identity",
    "described_places",
    "first_written",
    "formats_read",
    "prefixes_declared",
    "load_submission",
    "max_triples_setting",
    "read_submission_files",
    "resolve_format",
    "value_places",
]

DEFAULT_MAX_BYTES = 20_000_000
# Statements a submission may hold unless BCIC_MAX_TRIPLES says otherwise: the synthetic cluster of
# 10,000 members over 5 years holds 73,719 and takes about 95 MB more to validate; a million
# take about 1.3 GB. The web app has a lower limit of its own (web/README.md).
MAX_TRIPLES_ENV = "BCIC_MAX_TRIPLES"
DEFAULT_MAX_TRIPLES = 1_000_000
# Relative IRIs in every file of a submission resolve here, never against the working
# directory; the reserved .invalid domain can never be fetched nor clash with a real IRI.
SUBMISSION_BASE_IRI = "https://submission.bcic.invalid/"


@dataclass(frozen=True)
class SubmissionFile:
    """One file of a submission: the name the user gave it, its bytes, an optional format."""

    name: str
    data: bytes
    format: str | None = None


def load_submission(
    files: Sequence[SubmissionFile], *, max_bytes: int = DEFAULT_MAX_BYTES,
    max_triples: int | None = None
) -> Graph:
    """Parse all files into one new graph of at most `max_triples` statements (None: the
    setting, `max_triples_setting`), or raise InputError and return nothing."""
    if not files:
        raise InputError.of("error.submission.no_files")
    limit = max_triples_setting() if max_triples is None else max_triples
    for file in files:
        if not file.format:
            refuse_unread_extension(file.name)
    check_total_size(sum(len(file.data) for file in files), max_bytes)
    _refuse_same_content(files)
    graph = Graph()
    candidates = [candidate for file in files for candidate in _load_file(graph, file, limit)]
    texts_for_undescribed(graph, candidates)  # once all files are in: one may describe it
    if len(graph) == 0:
        names = ", ".join(file.name for file in files)
        raise InputError.of("error.submission.no_statements", names=names)
    return graph


def max_triples_setting() -> int:
    """BCIC_MAX_TRIPLES (a whole number, 1 or more), else DEFAULT_MAX_TRIPLES; InputError
    otherwise."""
    text = os.environ.get(MAX_TRIPLES_ENV, "").strip()
    if not text:
        return DEFAULT_MAX_TRIPLES
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise InputError.of("error.submission.bad_max_triples", name=MAX_TRIPLES_ENV, value=text)
    return int(text)


def first_written(files: Sequence[SubmissionFile],
                  iris: Iterable[str]) -> dict[str, tuple[int, int | None, int | None]]:
    """Where each IRI is first written in files load_submission read: IRI → the index of the
    file, line, column; in the order they are written (files in the order given). An IRI the
    text does not write in a form the loader knows (`standard_terms.first_written`, or for a
    JSON-LD term of the context's vocabulary `vocab_terms.vocab_written`: an RDF/XML element of
    the default namespace) is given with
    the first file that uses it and no line (None, None), after the others. Each file is parsed
    again for the prefixes it declares, and for the terms not found in its text: this is for the
    few unknown terms of a report, not for every statement."""
    wanted, found = [str(iri) for iri in iris], []  # an rdflib URIRef equals no plain str
    for index, text, prefixes in _texts_while(files, lambda: bool(wanted)):
        for iri in list(wanted):
            if (where := first_written_in(text, iri, prefixes)
                    or vocab_written(text, iri)) is not None:
                offset, line, column = where
                found.append(((index, offset), iri, (index, line, column)))
                wanted.remove(iri)
    places: dict[str, tuple[int, int | None, int | None]] = {
        iri: place for _order, iri, place in sorted(found)}
    for index, file in enumerate(files):
        if not wanted:
            break
        text = decode_utf8(file.name, file.data)
        for iri in sorted(used_iris(text, _format_of(file, text)[0], SUBMISSION_BASE_IRI, wanted)):
            places[iri] = (index, None, None)
            wanted.remove(iri)
    return places


def described_places(files: Sequence[SubmissionFile],
                     iris: Iterable[str]) -> dict[str, tuple[int, int, int]]:
    """Where each record is described in files load_submission read (record_places): IRI → the
    index of the file, line, column; the first file that describes it. A record the text does
    not describe or name in a form the loader knows is left out."""
    wanted, found = {str(iri) for iri in iris}, {}  # an rdflib URIRef equals no plain str
    for index, text, prefixes in _texts_while(files, lambda: bool(wanted)):
        for iri, (_offset, line, column) in described_at(text, wanted, prefixes,
                                                          SUBMISSION_BASE_IRI).items():
            found[iri] = (index, line, column)
            wanted.discard(iri)
    return found


def value_places(files: Sequence[SubmissionFile], pairs: Iterable[tuple[Node, Node]],
                 blanks: Mapping[Node, frozenset[tuple[str, Node]]] | None = None,
                 ) -> dict[tuple[Node, Node], tuple[int, int, int]]:
    """Where each value of a record is written in files load_submission read (value_places.py):
    (record, value) → the index of the file, line, column; the first file that states it. A
    record is an IRI, or a blank node of the loaded graph known by what it says and who names it
    (`blanks`: rdfterms.blank_identity). A value no file states, or states where the loader cannot find it,
    is left out. Each file is parsed again, as for `described_places`: this is for the few
    values a report's findings are about, not for every statement."""
    wanted: set[tuple[Node, Node]] = {
        (record if isinstance(record, BNode) else str(record), value) for record, value in pairs}
    found = {}
    for index, file in enumerate(files):
        if not wanted:
            break
        text = decode_utf8(file.name, file.data)
        format_name, _label = _format_of(file, text)
        stated, prefixes, walked = stated_values(text, format_name, SUBMISSION_BASE_IRI, wanted,
                                                 blanks)
        for pair, (_offset, line, column) in values_at(text, stated, prefixes,
                                                       SUBMISSION_BASE_IRI, walked).items():
            found[pair] = (index, line, column)
        wanted -= set(stated)
    return found


def jsonld_declares(files: Sequence[SubmissionFile], prefix: str, namespace: str) -> bool:
    """Whether the JSON-LD files among those load_submission read, one at least, each declare
    `prefix` for `namespace` in their contexts (xsd: for XSD, to write a datatype as xsd:date)."""
    declared = []
    for file in files:
        text = decode_utf8(file.name, file.data)
        format_name, _label = _format_of(file, text)
        if format_name == "json-ld":
            prefixes = declared_prefixes(text, format_name, SUBMISSION_BASE_IRI)
            declared.append(prefixes.get(prefix) == namespace)
    return bool(declared) and all(declared)


def prefixes_declared(files: Sequence[SubmissionFile]) -> list[dict[str, str]]:
    """The prefixes each file load_submission read declares, in the order given (Turtle's
    @prefix and PREFIX, JSON-LD context terms, RDF/XML xmlns): prefix → namespace. Each file is
    parsed again for them, changing nothing of what was loaded; for the few records a report
    tells how to write, not for every statement."""
    found = []
    for file in files:
        text = decode_utf8(file.name, file.data)
        found.append(declared_prefixes(text, _format_of(file, text)[0], SUBMISSION_BASE_IRI))
    return found


def _texts_while(files: Sequence[SubmissionFile],
                 looking: Callable[[], bool]) -> Iterator[tuple[int, str, dict[str, str]]]:
    """Each file load_submission read, while `looking` says something is still looked for: its
    index, its text and the prefixes it declares (the file parsed again for them)."""
    for index, file in enumerate(files):
        if not looking():
            return
        text = decode_utf8(file.name, file.data)
        format_name, _label = _format_of(file, text)
        yield index, text, declared_prefixes(text, format_name, SUBMISSION_BASE_IRI)


def read_submission_files(
    paths: Sequence[Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[SubmissionFile]:
    """Read files for load_submission, refusing the set once it grows over max_bytes, and a file
    given twice (under any name): it would count twice in the provenance."""
    seen: set[tuple[int, int]] = set()
    for path in paths:
        _check_file(path)
        identity = (path.stat().st_dev, path.stat().st_ino)
        if identity in seen:
            raise InputError.of("error.file_twice", path=path)
        seen.add(identity)
    check_total_size(sum(path.stat().st_size for path in paths), max_bytes)
    files: list[SubmissionFile] = []
    total = 0
    for path in paths:
        try:
            with path.open("rb") as stream:  # bounded: the file may grow after stat()
                data = stream.read(max_bytes - total + 1)
        except OSError as error:
            raise InputError.of("error.cannot_read", path=path, reason=os_reason(error)) from None
        total += len(data)
        check_total_size(total, max_bytes)
        files.append(SubmissionFile(str(path), data))
    return files


def _refuse_same_content(files: Sequence[SubmissionFile]) -> None:
    """Refuse two files with the same bytes, whatever their names: the copy would count twice in
    the provenance, and its blank nodes would enter the graph twice."""
    seen: dict[str, str] = {}
    for file in files:
        digest = hashlib.sha256(file.data).hexdigest()
        if digest in seen:
            raise InputError.of("error.submission.same_content", first=seen[digest],
                                second=file.name, digest=digest)
        seen[digest] = file.name


def _check_file(path: Path) -> None:
    """Refuse a path that is no regular file."""
    if path.is_dir():
        raise InputError.of("error.is_directory", path=path)
    if not path.exists():
        raise InputError.of("error.no_such_file", path=path)
    if not path.is_file():
        raise InputError.of("error.submission.not_a_file", path=path)


def _load_file(graph: Graph, file: SubmissionFile, max_triples: int) -> list[TextCandidate]:
    """Check one file's text, then parse it into graph (at most `max_triples` in all); return
    its JSON-LD values that may be texts (rdfterms.parse_into)."""
    text = decode_utf8(file.name, file.data)
    refuse_markup_declarations(file.name, text)
    format_name, label = _format_of(file, text)
    if format_name == "rdf-xml":
        check_xml(file.name, text)
    elif format_name == "json-ld":
        check_json_ld(file.name, text)
    return parse_into(graph, file.name, text, format_name, label, SUBMISSION_BASE_IRI,
                      max_triples=max_triples)


def formats_read(files: Sequence[SubmissionFile]) -> tuple[str, ...]:
    """The format each file is parsed in (its short name), as the loader chooses it."""
    return tuple(_format_of(file, file.data.decode("utf-8", "replace"))[0] for file in files)


def _format_of(file: SubmissionFile, text: str) -> tuple[str, str | Phrase]:
    """Return the file's format (given, from its extension, else guessed for a file without
    one: load_submission refused an extension no format has) and its label (one that says it was
    guessed is said in the error's language)."""
    if file.format:
        name = resolve_format(file.format)
    elif (found := format_from_extension(file.name)) is not None:
        name = found
    else:
        name = sniff_format(text)
        return name, phrase("format.guessed", label=SUBMISSION_FORMATS[name].label)
    return name, SUBMISSION_FORMATS[name].label

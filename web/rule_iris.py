"""The rulebook's IRIs, served at the same paths as under https://w3id.org/bcic/ (docs/iris.md):
people get the rulebook page (303 See Other), programs Turtle, JSON-LD, N-Triples or RDF/XML.

The format is `?format=` (a short name or media type, `html` included) when given, else the best
`Accept` match; no `Accept` header gets Turtle. Every answer says `Vary: Accept`; a format nobody
offers is 406, an unknown id 404.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, redirect, request, url_for
from rdflib import Graph
from werkzeug.exceptions import NotAcceptable
from werkzeug.wrappers import Response as WerkzeugResponse

from checker.i18n import LANGUAGES, language_of
from checker.linked_data import (
    UnknownResourceError,
    indicator_document,
    indicator_scheme_document,
    ontology_document,
    ontology_version,
    requirement_document,
    rule_graphs_document,
    serialize,
    shape_document,
    shapes_document,
    withdrawn_requirement_document,
)
from checker.rulebook_document import RulebookDocument, load_rulebook_document
from checker.sparql_service import (
    GRAPH_FORMATS,
    ResultFormat,
    content_type,
    format_for,
    media_types_for,
)
from checker.store.guard import QueryForm
from checker.stored_rulebooks import find_rulebook, latest_statement, rule_graphs, withdrawn_note

from .data import read_store
from .i18n import ui
from .negotiation import Choice, choose

bp = Blueprint("iris", __name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
_GRAPH = QueryForm.CONSTRUCT  # the rulebook's documents are graphs: the endpoint's graph formats


@bp.get("/ontology")
def ontology() -> WerkzeugResponse:
    """The ontology (https://w3id.org/bcic/ontology, and its terms …/ontology#Term)."""
    return _answer(ontology_document, lambda **q: url_for("rulebook.ontology", **q))


@bp.get("/ontology/<version>")
def ontology_at_version(version: str) -> WerkzeugResponse:
    """The ontology's version IRI (…/ontology/0.1.0): the running version's ontology, or the
    rule graphs of a version the store holds (`?digest=` picks one of several), which stored
    reports cite."""
    current = ontology_version(load_rulebook_document())
    if version == current:
        return _answer(ontology_document, lambda **q: url_for("rulebook.ontology", **q))
    store, digest = read_store(), request.args.get("digest")
    stored = find_rulebook(store, version, digest)
    if stored is None:
        raise UnknownResourceError.of("error.rulebook.no_ontology_version", version=version,
                                      current=current)
    return _answer(lambda _d: rule_graphs_document(rule_graphs(store, stored)),
                   lambda **q: url_for("rulebook.version", version=version, digest=digest, **q))


@bp.get("/req/gbt-draft/<requirement_id>")
def requirement(requirement_id: str) -> WerkzeugResponse:
    """A provision of the draft edition (https://w3id.org/bcic/req/gbt-draft/<id>); one the
    running rulebook no longer has, as the latest rulebook the store holds states it, marked
    withdrawn."""
    def page(**q: str) -> str:
        return url_for("rulebook.requirement", requirement_id=requirement_id, **q)

    document = load_rulebook_document()
    if requirement_id in document.provisions or document.section(requirement_id) is not None:
        return _answer(lambda d: requirement_document(d, requirement_id), page)
    found = latest_statement(read_store(), requirement_id)
    if found is None:  # 404, in the running rulebook's words
        return _answer(lambda d: requirement_document(d, requirement_id), page)
    stated, graphs = found
    notes = {lang: withdrawn_note(stated.rulebook, document.version, lang) for lang in LANGUAGES}
    return _answer(lambda _d: withdrawn_requirement_document(
        graphs, requirement_id, stated.rulebook.version, notes), page)


@bp.get("/shapes/gbt-draft/")
def shapes() -> WerkzeugResponse:
    """Every shape of the rulebook (the shapes graph)."""
    return _answer(shapes_document, lambda **q: url_for("rulebook.index", **q))


@bp.get("/shapes/gbt-draft/<name>")
def shape(name: str) -> WerkzeugResponse:
    """A shape (https://w3id.org/bcic/shapes/gbt-draft/<name>) with the helper shapes it names."""
    return _answer(lambda d: shape_document(d, name),
                   lambda **q: url_for("rulebook.shape", name=name, **q))


@bp.get("/indicator/")
def indicators() -> WerkzeugResponse:
    """The 9.1.4 indicator scheme."""
    return _answer(indicator_scheme_document,
                   lambda **q: url_for("rulebook.ontology", _anchor="indicators", **q))


@bp.get("/indicator/<name>")
def indicator(name: str) -> WerkzeugResponse:
    """An indicator category, group or indicator by its local name
    (https://w3id.org/bcic/indicator/LocationAdvantage), not its code (a.1.1)."""
    return _answer(lambda d: indicator_document(d, name),
                   lambda **q: url_for("rulebook.ontology", _anchor=f"ind-{name}", **q))


def negotiate() -> Choice[ResultFormat | None]:
    """The graph format to answer in and its label, or None for the HTML page; 406 when none
    fits. HTML comes last in the server's order, so `*/*` alone gets Turtle."""
    asked = request.args.get("format")
    if asked is not None:
        if asked.strip().lower() in ("html",) + HTML_TYPES:
            return Choice(None, HTML_TYPES[0])
        named = format_for(_GRAPH, asked)
        if named is None:
            raise _not_acceptable(f"format={asked!r}")
        return Choice(named, named.media_type)
    accept = request.headers.get("Accept", "")
    chosen = choose(accept, {**media_types_for(_GRAPH), None: HTML_TYPES})
    if chosen is None:
        raise _not_acceptable(f"Accept: {accept}")
    return chosen


def _answer(build: Callable[[RulebookDocument], Graph],
            page: Callable[..., str]) -> WerkzeugResponse:
    """The document in the negotiated format, or a 303 to the page for people."""
    document = load_rulebook_document()
    chosen = negotiate()
    graph = build(document)  # an unknown id is 404, also for people (no redirect to nowhere)
    if chosen.offer is None:
        lang = language_of(request.args.get("lang") or "")
        return redirect(page(**({"lang": lang} if lang else {})), code=303)
    return Response(serialize(graph, chosen.offer), content_type=content_type(chosen.media_type))


@bp.after_request
def _vary(response: Response) -> Response:
    """Every answer of these IRIs depends on Accept, errors (404, 406) included."""
    response.vary.add("Accept")
    return response


def _not_acceptable(asked: str) -> NotAcceptable:
    offered = ", ".join(f"{f.name} ({f.media_type})" for f in GRAPH_FORMATS)
    return NotAcceptable(ui("rulebook.error.not_acceptable", asked=asked,
                            offered=f"{offered}, html (text/html)"))


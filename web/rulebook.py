"""Pages for standards bodies: the clauses, requirements, shapes, fixtures and the ontology.

The rulebook's own IRIs (w3id.org/bcic/…) are served with content negotiation by the nested
blueprint of web/rule_iris.py.
"""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from werkzeug.exceptions import BadRequest, NotFound
from werkzeug.wrappers import Response

from checker.linked_data import UnknownResourceError, serialize, shape_document, shape_users
from checker.namespaces import SHP
from checker.provision_sheet import provision_sheet
from checker.render.shape_said import shapes_said, sheet_said
from checker.rule_lookup import nearest_shapes
from checker.rule_problem import prefixed
from checker.rulebook import Level, short_digest
from checker.rulebook_document import LEVEL_LABELS, load_rulebook_document, shape_page_name
from checker.sparql_service import GRAPH_FORMATS
from checker.store import Store
from checker.stored_rulebooks import (StatedProvision, StoredRulebook, find_rulebook,
                                      latest_statement, rule_graphs, rulebooks_of,
                                      stated_provision, stated_provisions, stored_rulebook_note,
                                      stored_rulebooks, withdrawn_note)
from checker.vocabulary_tree import class_tree, indicator_taxonomy, properties

from .data import read_store
from .errors import NotFoundNearby
from .i18n import request_language, ui
from .rule_iris import bp as iris_bp

bp = Blueprint("rulebook", __name__)
bp.register_blueprint(iris_bp)
_TURTLE = GRAPH_FORMATS[0]


@bp.get("/rulebook")
def index() -> str:
    """The standard's clauses under its chapter and section headings, with their requirements,
    shapes and fixtures; coverage figures."""
    document = load_rulebook_document()
    chapter, level = _chapter_filter(), _level_filter()
    clauses = [(c, [p for p in c.provisions if level is None or p.requirement.level is level])
               for c in document.clauses if chapter is None or c.chapter == chapter]
    clauses = [(c, shown) for c, shown in clauses if shown]
    return render_template("rulebook.html", document=document, clauses=clauses,
                           chapter=chapter, level=level, **_labels())


@bp.get("/rulebook/<requirement_id>")
def requirement(requirement_id: str) -> str:
    """One provision: its text, level, actors, the shapes that check it (each with its path and
    constraints as `bcic rules show` says them), their fixtures, its list items' shapes said the
    same way; or a chapter or section the standard heads (4.2): the provisions of the clauses
    under it."""
    document = load_rulebook_document()
    provision = document.provisions.get(requirement_id)
    if provision is None:
        section = document.section(requirement_id)
        if section is None:
            return _withdrawn(requirement_id)
        clauses = [(c, list(c.provisions)) for c in document.clauses_under(section.id)]
        return render_template("rulebook_section.html", document=document, section=section,
                               clauses=clauses, **_labels())
    sheet = provision_sheet(document, requirement_id)  # `bcic rules show` shows the same
    children = sheet.items + sheet.parts
    lang = request_language()
    outlines = {**sheet_said(sheet, lang), **shapes_said(
        document, [s.iri for child in children for s in child.shapes], lang)}
    return render_template("rulebook_requirement.html", document=document,
                           provision=sheet.provision, children=children, outlines=outlines,
                           **_labels())


def _withdrawn(requirement_id: str) -> str:
    """The page of a provision the running rulebook no longer has, as the latest rulebook the
    store holds states it; 404 when none does."""
    found = latest_statement(read_store(), requirement_id)
    if found is None:
        raise NotFound(ui("rulebook.error.no_requirement", requirement_id=requirement_id))
    return _stated_page(found[0])


@bp.get("/rulebook/versions")
def versions() -> str:
    """Every rulebook the store holds, its rule graphs' first, then the archived ones, latest
    first: each by version and digest, linked to its page, with what it is beside the running
    one (stored reports were judged under them)."""
    held = stored_rulebooks(read_store())
    return render_template("rulebook_versions.html", document=load_rulebook_document(),
                           rulebooks=held, notes=[_note(b) for b in held],
                           short_digest=short_digest, **_labels())


@bp.get("/rulebook/versions/<version>")
def version(version: str) -> str:
    """A rulebook the store holds besides the running one: its provisions as it states them;
    when several share the version and `?digest=` picks none, each of them by its digest."""
    store = read_store()
    document = load_rulebook_document()
    if not request.args.get("digest") and len(several := rulebooks_of(store, version)) > 1:
        return render_template("rulebook_version_choice.html", document=document,
                               version=version, rulebooks=several, notes=[
                                   _note(b) for b in several], **_labels())
    stored = _stored(store, version)
    return render_template("rulebook_version.html", document=document, stored=stored,
                           note=_note(stored), provisions=stated_provisions(
                               stored, rule_graphs(store, stored)),
                           short_digest=short_digest, **_labels())


def _note(stored: StoredRulebook) -> str:
    """What the stored rulebook is beside the running one, in the request's language."""
    document = load_rulebook_document()
    return stored_rulebook_note(stored, document.version, document.digest, request_language())


@bp.get("/rulebook/versions/<version>/<requirement_id>")
def version_requirement(version: str, requirement_id: str) -> str:
    """A provision as a rulebook the store holds states it."""
    store = read_store()
    stored = _stored(store, version)
    provision = stated_provision(stored, rule_graphs(store, stored), requirement_id)
    if provision is None:
        raise NotFound(ui("rulebook.error.not_in_version", requirement_id=requirement_id,
                          version=version))
    return _stated_page(provision)


def _stored(store: Store, version: str) -> StoredRulebook:
    """The stored rulebook of the version (and `?digest=`), else 404."""
    found = find_rulebook(store, version, request.args.get("digest"))
    if found is None:
        raise NotFound(ui("rulebook.error.no_version", version=version,
                          running=load_rulebook_document().version))
    return found


def _stated_page(provision: StatedProvision) -> str:
    document = load_rulebook_document()
    running = document.provisions.get(provision.id)
    withdrawn = "" if running is not None else withdrawn_note(
        provision.rulebook, document.version, request_language())
    return render_template("rulebook_stated.html", document=document, provision=provision,
                           running=running, withdrawn=withdrawn,
                           short_digest=short_digest, **_labels())


@bp.get("/rulebook/shapes/<name>")
def shape(name: str) -> str | Response:
    """One shape: what it checks, its severity, message and fixture, its path and constraints
    (a helper shape's too, with the file and line that write it), and its Turtle; asked by its
    prefixed name (`shp:CrisisSources`), a permanent redirect to its page."""
    if (page := shape_page_name(name)) != name:
        query = request.query_string.decode("ascii")
        return redirect(url_for("rulebook.shape", name=page) + (f"?{query}" if query else ""), 301)
    document = load_rulebook_document()
    try:
        turtle = serialize(shape_document(document, name), _TURTLE).decode("utf-8")
    except UnknownResourceError as error:  # with the nearest shapes, as `bcic rules show`
        raise NotFoundNearby(error.text(request_language()), tuple(
            (prefixed(near), url_for("rulebook.shape", name=shape_page_name(prefixed(near))))
            for near in nearest_shapes(document.shapes_graph, name))) from None
    iri, entry = SHP[name], document.shapes.get(name)
    place = document.shape_place(iri) if entry is None else None  # else its row says it
    return render_template("rulebook_shape.html", document=document, name=name, entry=entry,
                           turtle=turtle, iri=iri, place=place,
                           outlines=shapes_said(document, [iri], request_language()),
                           users=shape_users(document, name), **_labels())


@bp.get("/rulebook/ontology")
def ontology() -> str:
    """The ontology's class tree, its properties and the 9.1.4 indicator taxonomy."""
    document = load_rulebook_document()
    taxonomy = indicator_taxonomy(document.ontology)
    groups = [g for category in taxonomy for g in category.children]
    counts = {"categories": len(taxonomy), "groups": len(groups),
              "indicators": sum(len(g.children) for g in groups)}
    return render_template("ontology.html", document=document,
                           tree=class_tree(document.ontology),
                           properties=properties(document.ontology), taxonomy=taxonomy,
                           taxonomy_counts=counts, **_labels())


def _labels() -> dict[str, object]:
    return {"chapter_titles": load_rulebook_document().chapter_titles,
            "level_labels": LEVEL_LABELS, "levels": list(Level)}


def _chapter_filter() -> int | None:
    asked = request.args.get("chapter", "")
    if not asked:
        return None
    chapters = load_rulebook_document().chapter_titles
    if not asked.isdigit() or int(asked) not in chapters:
        raise BadRequest(ui("rulebook.error.chapter", asked=asked, first=min(chapters),
                            last=max(chapters)))
    return int(asked)


def _level_filter() -> Level | None:
    asked = request.args.get("level", "")
    if not asked:
        return None
    try:
        return Level(asked)
    except ValueError:
        raise BadRequest(ui("rulebook.error.level", asked=asked,
                            levels=", ".join(lv.value for lv in Level))) from None


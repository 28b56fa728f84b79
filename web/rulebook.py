"""Pages for standards bodies: the clauses, requirements, shapes, fixtures and the ontology."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("rulebook", __name__)


@bp.get("/rulebook")
def index() -> str:
    """The standard's clauses with their requirements, shapes and fixtures."""
    return render_template("rulebook.html")

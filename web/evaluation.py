"""Pages and API for evaluators and cultivation bodies: the clusters, validation, reports."""

from __future__ import annotations

from flask import Blueprint, render_template

from checker.history import cluster_overview
from checker.store.base import cluster_key

from .data import read_store

bp = Blueprint("evaluation", __name__)


@bp.get("/")
def home() -> str:
    """The stored clusters with their latest verdict, conformance rate and revision date."""
    clusters = sorted(cluster_overview(read_store()), key=lambda c: str(c.cluster))
    return render_template("home.html", clusters=clusters, key=cluster_key)


@bp.get("/validate")
def validate_form() -> str:
    """Upload or paste a submission to validate (filled in by the submit page's work)."""
    return render_template("validate.html")

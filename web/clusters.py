"""Pages and API about stored clusters: one cluster's revisions and charts, benchmarking."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("clusters", __name__)


@bp.get("/clusters/<key>")
def cluster(key: str) -> str:
    """One cluster: revisions, what each closed and opened, indicator charts."""
    return render_template("cluster.html", key=key)


@bp.get("/benchmark")
def benchmark() -> str:
    """Compare clusters' indicators side by side (9.3.2)."""
    return render_template("benchmark.html")

"""The home page."""

from flask import Blueprint, render_template

from ..catalog import current_catalog

bp = Blueprint("main", __name__)


@bp.get("/")
def index():
    """List the banks."""
    result = current_catalog().result
    return render_template("index.html", banks=result.banks, problems=result.problems)

"""Files a browser asks for at fixed addresses: /favicon.ico (the pages name an SVG icon too)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from flask import Blueprint, current_app
from werkzeug.wrappers import Response

bp = Blueprint("assets", __name__)

DAY = 24 * 60 * 60


@cache
def _read(path: Path) -> bytes:
    """The file's bytes, read once a process (it changes only with a release)."""
    return path.read_bytes()


@bp.get("/favicon.ico")
def favicon() -> Response:
    """The logo as an icon, for browsers that ask for /favicon.ico whatever the page says."""
    data = _read(Path(current_app.static_folder or "static") / "favicon.ico")
    response = Response(data, mimetype="image/vnd.microsoft.icon")
    response.cache_control.public = True
    response.cache_control.max_age = DAY
    return response

"""Files a browser asks for at fixed addresses: /favicon.ico (the pages name an SVG icon too)."""

from __future__ import annotations

from flask import Blueprint, current_app
from werkzeug.wrappers import Response

bp = Blueprint("assets", __name__)

DAY = 24 * 60 * 60


@bp.get("/favicon.ico")
def favicon() -> Response:
    """The logo as an icon, for browsers that ask for /favicon.ico whatever the page says."""
    response = current_app.send_static_file("favicon.ico")
    response.cache_control.public = True
    response.cache_control.max_age = DAY
    return response

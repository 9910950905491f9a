"""The template filters every page may use, registered on the app by create_app."""

from __future__ import annotations

from flask import Flask

from ..services.catalog import current_catalog
from ..services.rules import iso, when


def points(value: float | None) -> str:
    """Points as people write them: 1, 0.5, 0.67."""
    return f"{round(value or 0.0, 2):g}"

def bank_title(bank_id: str) -> str:
    """A bank's title, or its id once its file is gone."""
    bank = current_catalog().get(bank_id)
    return bank.title if bank is not None else bank_id

def init_app(app: Flask) -> None:
    """Register the filters: iso, when, points, bank_title."""
    for name, function in (("iso", iso), ("when", when), ("points", points),
                           ("bank_title", bank_title)):
        app.add_template_filter(function, name)


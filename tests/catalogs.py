"""The compiled catalogs the tests need: `make test` builds them (pybabel compile); a pytest run
on its own builds any .mo missing or older than its .po, the same way, so no run reads stale words."""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

CATALOGS = Path(__file__).resolve().parent.parent / "quizapp" / "translations"


def po_files() -> list[Path]:
    """Each language's messages.po."""
    return sorted(CATALOGS.glob("*/LC_MESSAGES/messages.po"))


def compile_catalogs() -> None:
    """Write each .mo that is missing or older than its .po."""
    for po in po_files():
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as source:
            catalog = read_po(source, locale=po.parent.parent.name)
        with mo.open("wb") as target:
            write_mo(target, catalog, use_fuzzy=True)

"""Pictures kept from imported question files (bank/media.py), found by the SHA-256 they are
served under.

A picture's address is its digest: only someone shown the question knows it, and the same bytes
always have the same address. The index is built once per load of the catalog.
"""

from __future__ import annotations

import re
import threading

from ..bank.model import Bank, Image
from ..i18n import _l
from .catalog import current_catalog
from .errors import NotFound

DIGEST = re.compile(r"[0-9a-f]{64}\Z")
_lock = threading.Lock()
_index: tuple[dict[str, Bank] | None, dict[str, Image]] = (None, {})


def _pictures(banks: dict[str, Bank]) -> dict[str, Image]:
    """Every kept picture of the loaded banks, by digest (rebuilt when the catalog reloads)."""
    global _index
    loaded, index = _index
    if loaded is banks:
        return index
    index = {image.digest: image for bank in banks.values() for question in bank.questions
             for image in question.images}
    with _lock:
        _index = (banks, index)
    return index


def find_picture(digest: str) -> Image:
    """The picture of that digest in a loaded bank; NotFound if there is none."""
    picture = _pictures(current_catalog().banks).get(digest) if DIGEST.match(digest) else None
    if picture is None:
        raise NotFound(_l("There is no such picture: it may have left its question file."))
    return picture

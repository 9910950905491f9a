"""Which language a request asks for, of those Quipu's banks and pages may be in."""

from __future__ import annotations

from flask import request

from ..services.catalog import current_catalog
from ..services.language import DEFAULT as DEFAULT_LANGUAGE
from ..services.language import LANGUAGES


def asked_language() -> str:
    """The first of Quipu's languages the request's Accept-Language takes, by its q values
    ("es-PE" counts as "es"); English when it takes none of them or sends none."""
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT_LANGUAGE) or \
        DEFAULT_LANGUAGE


def served_language(bank_id: str, lang: str) -> str:
    """The language a bank's texts are served in when `lang` is asked for: `lang` where the bank
    has a translation into it, else the language the bank's own texts are in."""
    bank = current_catalog().bank_for(bank_id, lang)
    return bank.written_in if bank is not None else DEFAULT_LANGUAGE


def bank_title(bank_id: str, lang: str) -> str:
    """A bank's title in `lang` where the bank has a translation into it (its own otherwise), or
    its id once its file is gone."""
    return current_catalog().title(bank_id, lang)

"""Which language a request asks for, of those Quipu's banks and pages may be in."""

from __future__ import annotations

from flask import request

LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"


def asked_language() -> str:
    """The first of Quipu's languages the request's Accept-Language takes, by its q values
    ("es-PE" counts as "es"); English when it takes none of them or sends none."""
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT_LANGUAGE) or \
        DEFAULT_LANGUAGE

"""The language the `flask --app quizapp ...` commands speak: QUIZAPP_LANGUAGE, else LANG
(`es`, `es_PE.UTF-8`: Spanish), else English; the interface's languages (services/language).

`speaking` runs a command with that locale forced on Flask-Babel, so its messages (`i18n._l`,
the services' refusals) read in it. Click's own words (usage, --help, prompts) stay English.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from flask import g
from flask.cli import AppGroup
from flask_babel import force_locale

from .services.language import DEFAULT, LANGUAGES
from .web.language import FORCED

F = TypeVar("F", bound=Callable[..., Any])


def cli_language(environ: Mapping[str, str] | None = None) -> str:
    """The language asked for by QUIZAPP_LANGUAGE, else by LANG; English for any other."""
    env = os.environ if environ is None else environ
    wanted = (env.get("QUIZAPP_LANGUAGE") or env.get("LANG") or "").lower()
    return next((lang for lang in LANGUAGES if wanted.startswith(lang)), DEFAULT)


def speaking(command: F) -> F:
    """The command, run in the CLI's language (it needs the app context: put it under
    `with_appcontext`, or in an AppGroup, which does)."""
    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        with force_locale(cli_language()):
            setattr(g, FORCED, True)
            try:
                return command(*args, **kwargs)
            finally:
                g.pop(FORCED, None)
    return run  # type: ignore[return-value]


class SpokenGroup(AppGroup):
    """An AppGroup whose commands speak the CLI's language."""

    def command(  # type: ignore[override]
            self, *args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Any]:
        wrap = super().command(*args, **kwargs)
        return lambda f: wrap(speaking(f))

"""The language the `flask --app quizapp ...` commands speak: QUIZAPP_LANGUAGE, else LANG
(`es`, `es_PE.UTF-8`: Spanish), else English; the interface's languages (services/language).

Three things speak it:
- what a command says while it runs: `speaking` forces that locale on Flask-Babel, so its
  messages (`i18n._l`, the services' refusals) read in it;
- the commands' --help, printed before a command runs (no app context): SpokenCommand,
  SpokenGroup, `option` and `argument` keep their help, metavar and prompt as written (a message,
  `_l(...)`) and say it in the CLI's language each time click reads it (`Spoken`);
- click's own words (Usage:, Options:, "Missing argument", "Repeat for confirmation"):
  `speak_click`, from the words cli_words.py lists for the catalog.
The help and click's words are read from Quipu's catalog by the stdlib (`catalog`).
"""

from __future__ import annotations

import functools
import gettext
import importlib
import os
import pkgutil
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click
from flask import g
from flask.cli import AppGroup
from flask_babel import force_locale

from .i18n import Said
from .services.language import DEFAULT, LANGUAGES
from .web.language import FORCED

F = TypeVar("F", bound=Callable[..., Any])
TRANSLATIONS = Path(__file__).resolve().parent / "translations"
SHOW_HELP = "Show this message and exit."  # click's help for --help (cli_words.py lists it)


def cli_language(environ: Mapping[str, str] | None = None) -> str:
    """The language asked for by QUIZAPP_LANGUAGE, else by LANG; English for any other."""
    env = os.environ if environ is None else environ
    wanted = (env.get("QUIZAPP_LANGUAGE") or env.get("LANG") or "").lower()
    return next((lang for lang in LANGUAGES if wanted.startswith(lang)), DEFAULT)


@functools.cache
def catalog(language: str) -> gettext.NullTranslations:
    """Quipu's catalog in `language`, as the stdlib reads it (the .mo compiled from the .po);
    for English, none: the messages are written in it."""
    return gettext.translation("messages", TRANSLATIONS, languages=[language], fallback=True)


def cli_gettext(message: str) -> str:
    """`message` in the CLI's language (as written where the catalog lacks it)."""
    return catalog(cli_language()).gettext(message) if message else message


def cli_ngettext(one: str, many: str, n: int) -> str:
    """The form of `one`/`many` for `n`, in the CLI's language."""
    return catalog(cli_language()).ngettext(one, many, n)


def said(text: Any) -> Any:
    """`text` in the CLI's language: a message with its values, or English looked up in the
    catalog; anything else (None) as it is."""
    if isinstance(text, Said):
        return text.say(cli_gettext, cli_ngettext)
    return cli_gettext(text) if isinstance(text, str) else text


class Spoken:
    """An attribute click reads as text (a help, a metavar, a prompt): kept as written and said
    in the CLI's language each time it is read, so --help speaks the language of the run that
    prints it, with no app context."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_written_{name}"

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        return self if obj is None else said(getattr(obj, self.slot, None))

    def __set__(self, obj: object, value: Any) -> None:
        setattr(obj, self.slot, value)


class SpokenCommand(click.Command):
    """A command whose help (and usage's [OPTIONS]) is said in the CLI's language."""

    help = Spoken()
    short_help = Spoken()
    options_metavar = Spoken()

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """Click's --help, its help said now (click keeps the option, made in one language)."""
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = cli_gettext(SHOW_HELP)
        return option


class SpokenOption(click.Option):
    """An option whose help, metavar and prompt are said in the CLI's language."""

    help = Spoken()
    metavar = Spoken()
    prompt = Spoken()

    def __init__(self, param_decls: Sequence[str] | None = None, help: Said | str | None = None,
                 **attrs: Any) -> None:
        super().__init__(param_decls, **attrs)
        self.help = help  # kept as written (click would tidy it into English text now)


class SpokenArgument(click.Argument):
    """An argument whose metavar (and help) is said in the CLI's language."""

    help = Spoken()
    metavar = Spoken()


def option(*decls: str, **attrs: Any) -> Callable[[F], F]:
    """click.option, as a SpokenOption (or a subclass given as cls)."""
    return click.option(*decls, cls=attrs.pop("cls", SpokenOption), **attrs)


def argument(*decls: str, **attrs: Any) -> Callable[[F], F]:
    """click.argument, as a SpokenArgument: give `metavar=_l("WORD")`."""
    return click.argument(*decls, cls=attrs.pop("cls", SpokenArgument), **attrs)


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


class SpokenGroup(SpokenCommand, AppGroup):
    """An AppGroup whose commands speak the CLI's language, --help and all."""

    command_class = SpokenCommand
    subcommand_metavar = Spoken()

    def command(  # type: ignore[override]
            self, *args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Any]:
        wrap = super().command(*args, **kwargs)
        return lambda f: wrap(speaking(f))


def speak_click() -> None:
    """Click's own words in the CLI's language, from Quipu's catalog.

    Click says them through the stdlib's gettext: each of its modules does `from gettext import
    gettext as _` (and ngettext), the global `messages` domain. Binding that domain to Quipu's
    catalog (gettext.bindtextdomain) is not enough: the stdlib takes the language from
    LANGUAGE, LC_ALL, LC_MESSAGES or LANG, never QUIZAPP_LANGUAGE, so click would speak Spanish
    under QUIZAPP_LANGUAGE=en LANG=es_PE and English under QUIZAPP_LANGUAGE=es, short of
    rewriting the process's environment (which would outlive the command in a test run). So the
    two names each click module imported are bound to cli_gettext and cli_ngettext instead, which
    ask cli_language() at each word; in English they give the words as written. The words are in
    the catalog because cli_words.py lists them (tests/test_cli_help.py checks it lists every
    word click marks, and that no click module is left on the stdlib's gettext).
    """
    for found in pkgutil.iter_modules(click.__path__):
        try:
            module = importlib.import_module(f"click.{found.name}")
        except (ImportError, AssertionError):  # _winconsole: Windows' own
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = cli_gettext  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = cli_ngettext  # type: ignore[attr-defined]

"""Translatable text for code that imports no Flask (the services, the CLI): `_l("...")` marks
a message for the catalogs (`make messages` extracts `_l`) and stands for it until it is read.

A `Lazy` message is translated each time it is turned into text (`str()`, a template, JSON), into
the language of the request reading it: a service error's message made once is read in Spanish by
one learner and in English by the next. web/language.py installs the translator (Flask-Babel's
gettext); until then, and outside a request, a message reads as written (English).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

_translate: Callable[[str], str] = lambda message: message  # noqa: E731
_translate_plural: Callable[[str, str, int], str] = \
    lambda one, many, n: one if n == 1 else many  # noqa: E731


def install(translate: Callable[[str], str],
            translate_plural: Callable[[str, str, int], str]) -> None:
    """Translate messages with these from now on (gettext and ngettext, without formatting)."""
    global _translate, _translate_plural
    _translate, _translate_plural = translate, translate_plural


class Lazy:
    """A message to translate when read, with its `%(name)s` values."""

    __slots__ = ("message", "plural", "n", "values")

    def __init__(self, message: str, plural: str | None = None, n: int | None = None, /,
                 **values: Any) -> None:
        self.message, self.plural, self.n, self.values = message, plural, n, values

    def __str__(self) -> str:
        if self.plural is not None and self.n is not None:
            text = _translate_plural(self.message, self.plural, self.n)
            values = {"num": self.n, **self.values}
        else:
            text, values = _translate(self.message), self.values
        return text % {k: str(v) if isinstance(v, Lazy) else v for k, v in values.items()} \
            if values else text

    def __html__(self) -> Markup:
        return escape(str(self))

    def __repr__(self) -> str:
        return f"Lazy({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return str(self) == (str(other) if isinstance(other, Lazy | str) else other)

    def __hash__(self) -> int:
        return hash(str(self))

    def __len__(self) -> int:
        return len(str(self))

    def __contains__(self, part: str) -> bool:
        return part in str(self)

    def __add__(self, other: object) -> str:
        return str(self) + str(other)

    def __radd__(self, other: object) -> str:
        return str(other) + str(self)

    def __getattr__(self, name: str) -> Any:  # str's methods: .startswith, .split, ...
        return getattr(str(self), name)


def _l(message: str, /, **values: Any) -> Lazy:
    """A message to translate when read: `_l("Welcome, %(name)s.", name=name)`."""
    return Lazy(message, **values)


def _n(one: str, many: str, n: int, /, **values: Any) -> Lazy:
    """A message with a plural, `%(num)d` the count: `_n("%(num)d fact", "%(num)d facts", n)`."""
    return Lazy(one, many, n, **values)

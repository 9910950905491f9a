"""Words said to a person, kept apart from their values so that each reader gets them in their own
language: a problem in a question file, a quiz that cannot be built, an item analysis' flag, and
(through `quizapp.i18n`, which is this) every message of the services.

`_m("'%(key)s' is empty", key="prompt")` stands for the message until it is read. It is translated
each time it is turned into text (`str()`, a template, JSON), into the language of the request
reading it, and so is every message among its values: a problem found once, when a folder is
loaded, is read in Spanish by one teacher and in English by the next. The domain imports no
translation machinery: the web installs a translator here (`install`, from web/language.py), and
until then, and outside a request, a message reads as written (English). `make messages` extracts
`_m` and `_mn` for the catalogs; tests/web/test_translations.py fails on one without its Spanish.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

Translate = Callable[[str], str]
TranslatePlural = Callable[[str, str, int], str]


def _as_is(message: str) -> str:
    return message


def _as_is_plural(one: str, many: str, n: int) -> str:
    return one if n == 1 else many


_translate: Translate = _as_is
_translate_plural: TranslatePlural = _as_is_plural


def install(translate: Translate, translate_plural: TranslatePlural) -> None:
    """Translate messages with these from now on (gettext and ngettext, without formatting)."""
    global _translate, _translate_plural
    _translate, _translate_plural = translate, translate_plural


class Said:
    """A message to translate when read, with its `%(name)s` values (a value may be a Said too)
    and a plural where it has one. It behaves as its text: equal to it, `in`, `+`, `len`, and
    str's methods."""

    __slots__ = ("message", "plural", "n", "values")

    def __init__(self, message: str, plural: str | None = None, n: int | None = None, /,
                 **values: Any) -> None:
        self.message, self.plural, self.n, self.values = message, plural, n, values

    def say(self, translate: Translate | None = None,
            translate_plural: TranslatePlural | None = None) -> str:
        """The message in words, by these translators (by default the installed ones)."""
        translate, translate_plural = translate or _translate, translate_plural or _translate_plural
        if self.plural is not None and self.n is not None:
            text = translate_plural(self.message, self.plural, self.n)
            values = {"num": self.n, **self.values}
        else:
            text, values = translate(self.message), self.values
        if not values:
            return text
        return text % {k: v.say(translate, translate_plural) if isinstance(v, Said) else v
                       for k, v in values.items()}

    def english(self) -> str:
        """The message as written."""
        return self.say(_as_is, _as_is_plural)

    def __str__(self) -> str:
        return self.say()

    def __html__(self) -> str:  # escaped as Jinja escapes a str, so a page reads byte for byte
        return escape(str(self), quote=False).replace('"', "&#34;").replace("'", "&#39;")

    def __repr__(self) -> str:
        return f"Said({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return str(self) == (str(other) if isinstance(other, Said | str) else other)

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
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(str(self), name)


def _m(message: str, /, **values: Any) -> Said:
    """A message to say: `_m("'%(key)s' is empty", key=name)`."""
    return Said(message, **values)


def _mn(one: str, many: str, n: int, /, **values: Any) -> Said:
    """A message with a plural, `%(num)d` the count: `_mn("%(num)d item", "%(num)d items", n)`."""
    return Said(one, many, n, **values)


def joined(parts: list[Said | str], between: str = "; ") -> Said:
    """Messages said one after another, each translated on its own, `between` them."""
    names = {f"p{i}": part for i, part in enumerate(parts)}
    return Said(between.replace("%", "%%").join(f"%({name})s" for name in names), **names)

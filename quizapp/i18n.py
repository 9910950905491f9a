"""Translatable text for code that imports no Flask (the services, the CLI): `_l("...")` marks
a message for the catalogs (`make messages` extracts `_l`) and stands for it until it is read.

A message is the domain's `Said` (quizapp/bank/said.py): translated each time it is turned into
text, into the language of the request reading it, and so are the messages among its values. The
services and the domain share one kind of message, so a problem the domain finds reads in Spanish
wherever a service passes it on. web/language.py installs the translator (Flask-Babel's gettext).
"""

from __future__ import annotations

from .bank.said import Said, _m, _mn, install

Lazy = Said  # the services' name for a message to translate when read
_l = _m
_n = _mn

__all__ = ["Lazy", "Said", "_l", "_n", "install"]

"""Reading a bank's translation file (`<bank file stem>.<lang>.yaml`) into a Translation.

The file names the bank's own ids and gives only texts; see docs/question-files.md,
"Translations". Checking it against its bank is bank/translation.py's job.
"""

from __future__ import annotations

from collections.abc import Callable

from yaml.nodes import Node

from .model import BankError
from .rules import named, numbered
from .said import Said, _m
from .translation import FACT_TEXTS, PERSON_TEXTS, QUESTION_TEXTS, Entry, Translation
from .yaml_nodes import Field, Keys, Reader, Where, line_of, peek_id
from .yaml_syntax import compose

TOP_KEYS = Keys(allowed=("bank", "title", "facts", "people", "questions"), required=("bank",))
ENTRY_KEYS = {
    "fact": Keys(allowed=("id", *FACT_TEXTS), required=("id",)),
    "person": Keys(allowed=("id", *PERSON_TEXTS), required=("id",)),
    "question": Keys(allowed=("id", *QUESTION_TEXTS, "choices", "items"), required=("id",)),
}
TEXTS = {"fact": FACT_TEXTS, "person": PERSON_TEXTS, "question": QUESTION_TEXTS}
ENTRY_NOUNS = {
    "fact": _m("a fact's translation"),
    "person": _m("a person's translation"),
    "question": _m("a question's translation"),
}
TRANSLATED_TWICE: dict[str, Callable[[str, int], Said]] = {
    "fact": lambda ident, first: _m("fact id '%(id)s' is translated twice (first at line "
                                    "%(first)d)", id=ident, first=first),
    "person": lambda ident, first: _m("person id '%(id)s' is translated twice (first at line "
                                      "%(first)d)", id=ident, first=first),
    "question": lambda ident, first: _m("question id '%(id)s' is translated twice (first at "
                                        "line %(first)d)", id=ident, first=first),
}


def parse_translation(text: str, path: str, lang: str
                      ) -> tuple[Translation | None, tuple[BankError, ...]]:
    """The translation a YAML text holds, or None; and every problem found in it."""
    r = Reader(path)
    root = compose(text, r)
    found = r.fields(root, TOP_KEYS, "", _m("the top of a translation")) if root else None
    if found is None:
        return None, tuple(r.problems)
    bank_id = r.slug(found.get("bank"), "")
    title = r.text(found.get("title"), "") if "title" in found else None
    sections = {noun: _section(r, found.get(key), noun)
                for noun, key in (("fact", "facts"), ("person", "people"),
                                  ("question", "questions"))}
    if bank_id is None:
        return None, tuple(r.problems)
    translation = Translation(
        lang=lang, path=path, bank_id=bank_id, line=line_of(found["bank"][0]), title=title,
        facts=sections["fact"], people=sections["person"], questions=sections["question"],
    )
    return translation, tuple(sorted(r.problems, key=lambda p: p.line))


def _section(r: Reader, field: Field | None, noun: str) -> tuple[Entry, ...]:
    """The entries of one list; an entry with a problem is left out (and reported)."""
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for index, node in enumerate(r.items(field, "") or (), 1):
        ident = peek_id(node)
        where = named(noun, ident[0]) if ident else numbered(noun, index)
        if ident and ident[0] in seen:
            r.report(ident[1], "", TRANSLATED_TWICE[noun](ident[0], seen[ident[0]]))
            continue
        if ident:
            seen[ident[0]] = line_of(ident[1])
        entry = _entry(r, node, noun, where)
        if entry is not None:
            entries.append(entry)
    return tuple(entries)


def _entry(r: Reader, node: Node, noun: str, where: Where) -> Entry | None:
    start = len(r.problems)
    found = r.fields(node, ENTRY_KEYS[noun], where, ENTRY_NOUNS[noun])
    if found is None:
        return None
    ident = r.slug(found.get("id"), where)
    texts = {name: r.text(found.get(name), where) for name in TEXTS[noun] if name in found}
    options_field = found.get("choices") or found.get("items")
    if "choices" in found and "items" in found:
        r.report(found["items"][0], where, _m("give 'choices' or 'items', not both"))
    options = r.texts(options_field, where, "option") if options_field else None
    if len(r.problems) > start or ident is None:
        return None
    return Entry(
        id=ident, line=line_of(node),
        texts={name: value for name, value in texts.items() if value is not None},
        options=tuple(t for t, _ in options) if options is not None else None,
        options_line=line_of(options_field[0]) if options_field else 0,
    )

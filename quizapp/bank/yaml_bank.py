"""The native question file: one YAML file is one bank (see docs/design.md, "Question files")."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from yaml.nodes import Node, SequenceNode

from .language import BANK_LANGUAGES
from .model import Bank, Fact, ParseResult, Person
from .rules import named, numbered
from .said import Said, _m
from .source import source_name_problem
from .yaml_nodes import Field, Keys, Reader, Where, closest, line_of, peek_id
from .yaml_questions import Ref, read_question
from .yaml_syntax import compose

BANK_KEYS = Keys(allowed=("bank", "title", "language", "source", "exam_only", "facts", "people",
                          "questions"),
                 required=("bank", "title"))
FACT_KEYS = Keys(allowed=("id", "text", "year", "until", "when", "leader", "tags", "cite",
                           "approximate"),
                 required=("id", "text"))
PERSON_KEYS = Keys(allowed=("id", "name", "role", "year", "until"), required=("id", "name"))

T = TypeVar("T")
ItemReader = Callable[[Reader, Node, Where, list[Ref]], T | None]
# An id given twice in a section, and an id a reference names that is not in the bank.
USED_TWICE: dict[str, Callable[[str, int], Said]] = {
    "fact": lambda ident, first: _m("fact id '%(id)s' is used twice (first at line %(first)d); "
                                    "ids must be unique", id=ident, first=first),
    "person": lambda ident, first: _m("person id '%(id)s' is used twice (first at line "
                                      "%(first)d); ids must be unique", id=ident, first=first),
    "question": lambda ident, first: _m("question id '%(id)s' is used twice (first at line "
                                        "%(first)d); ids must be unique", id=ident, first=first),
}
NOT_IN_BANK: dict[str, Callable[[str, Said | str], Said]] = {
    "fact": lambda ident, hint: _m("fact '%(id)s' is not one of the facts of this "
                                   "bank%(suggestion)s", id=ident, suggestion=hint),
    "leader": lambda ident, hint: _m("leader '%(id)s' is not one of the people of this "
                                     "bank%(suggestion)s", id=ident, suggestion=hint),
}


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, restoring its state after."""
    # A large file allocates hundreds of thousands of nodes at once, none of them garbage yet;
    # the collector would walk the growing tree again and again (measured: 3x the load time).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_yaml_bank(text: str, path: str) -> ParseResult:
    """The bank a YAML text describes, or None and every problem found in it."""
    with _cyclic_gc_paused():
        return _parse(text, path)


def _parse(text: str, path: str) -> ParseResult:
    r = Reader(path)
    root = compose(text, r)
    if root is None:
        return ParseResult(None, tuple(r.problems))
    found = r.fields(root, BANK_KEYS, "", _m("the top of the file"))
    if found is None:
        return ParseResult(None, tuple(r.problems))
    bank_id = r.slug(found.get("bank"), "")
    title = r.text(found.get("title"), "")
    exam_only = r.boolean(found.get("exam_only"), "")
    language = r.text(found.get("language"), "")
    if language is not None and language not in BANK_LANGUAGES:
        r.report(found["language"][0], "", _m("'language' is '%(value)s': write en (English) or "
                                              "es (Spanish)", value=language))
    source = r.text(found.get("source"), "")
    if source is not None and (why := source_name_problem(source)):
        r.report(found["source"][0], "", why)
    fact_refs: list[Ref] = []
    leader_refs: list[Ref] = []
    facts, fact_ids = _section(r, found.get("facts"), "fact", _read_fact, leader_refs)
    people, person_ids = _section(r, found.get("people"), "person", _read_person, [])
    questions, _ = _section(r, found.get("questions"), "question", read_question, fact_refs)
    _check_refs(r, fact_refs, fact_ids, "fact")
    _check_refs(r, leader_refs, person_ids, "leader")
    if source is None:
        for fact in facts:
            if fact.quote is not None:
                r.report(fact.quote_line, named("fact", fact.id),
                         _m("'cite' quotes the bank's source text, but the bank names none: add "
                            "'source: NAME.txt' at the top"))
    if not _has_entries(found.get("facts")) and not _has_entries(found.get("questions")):
        r.report(root, "", _m("the file has no questions and no facts; a bank needs at least "
                              "one"))
    # A missing id or title was reported as a problem: the checks of None only say so to mypy.
    if r.problems or bank_id is None or title is None:
        return ParseResult(None, tuple(sorted(r.problems, key=lambda p: p.line)))
    bank = Bank(id=bank_id, title=title, facts=tuple(facts), people=tuple(people),
                questions=tuple(questions), path=path, line=line_of(found["bank"][0]),
                exam_only=bool(exam_only), source_name=source, language=language or "",
                source_line=line_of(found["source"][0]) if "source" in found else 0)
    return ParseResult(bank)


def _has_entries(field: Field | None) -> bool:
    return field is not None and isinstance(field[1], SequenceNode) and bool(field[1].value)


def _section(r: Reader, field: Field | None, noun: str, read: ItemReader[T], refs: list[Ref]
             ) -> tuple[list[T], dict[str, int]]:
    """Read each entry of a list of facts, people or questions; ids must be unique within it."""
    entries = r.items(field, "")
    read_ok: list[T] = []
    first_line: dict[str, int] = {}
    for index, node in enumerate(entries or (), 1):
        ident = peek_id(node)
        where = named(noun, ident[0]) if ident else numbered(noun, index)
        if ident and ident[0] in first_line:
            r.report(ident[1], "", USED_TWICE[noun](ident[0], first_line[ident[0]]))
        elif ident:
            first_line[ident[0]] = line_of(ident[1])
        entry = read(r, node, where, refs)
        if entry is not None:
            read_ok.append(entry)
    return read_ok, first_line


def _check_refs(r: Reader, refs: list[Ref], known: dict[str, int], noun: str) -> None:
    ids = list(known)
    for node, where, ident in refs:
        if ident not in known:
            r.report(node, where, NOT_IN_BANK[noun](ident, closest(ident, ids)))


def _years(r: Reader, found: dict[str, Field], where: Where) -> tuple[int | None, int | None]:
    """`year` and `until`; `until` needs a `year` and must not come before it."""
    year = r.year(found.get("year"), where)
    until = r.year(found.get("until"), where)
    if "until" in found and "year" not in found:
        r.report(found["until"][0], where,
                 _m("'until' is given without 'year'; add the first year"))
    elif year is not None and until is not None and until < year:
        r.report(found["until"][0], where, _m("until %(until)d is before year %(year)d",
                                              until=until, year=year))
    return year, until


def _read_fact(r: Reader, node: Node, where: Where, leader_refs: list[Ref]) -> Fact | None:
    start = len(r.problems)
    found = r.fields(node, FACT_KEYS, where, _m("a fact"))
    if found is None:
        return None
    fact_id = r.slug(found.get("id"), where)
    text = r.text(found.get("text"), where)
    year, until = _years(r, found, where)
    when = r.text(found.get("when"), where)
    leader = r.text(found.get("leader"), where)
    if leader is not None:
        leader_refs.append((found["leader"][0], where, leader))
    tags = r.texts(found.get("tags"), where, "tag")
    approximate = r.boolean(found.get("approximate"), where)
    if approximate and (year is None or when is None):
        r.report(found["approximate"][0], where,
                 _m("'approximate' needs a 'year' to order the fact by and a 'when' to show "
                    "instead, as the text says it ('the mid 1970s')"))
    quote = r.text(found.get("cite"), where)
    if len(r.problems) > start or fact_id is None or text is None or tags is None:
        return None  # a missing value was reported as a problem
    return Fact(id=fact_id, text=text, year=year, until=until, when=when, leader=leader,
                tags=tuple(t for t, _ in tags), line=line_of(node), approximate=bool(approximate),
                quote=quote,
                quote_line=line_of(found["cite"][0]) if "cite" in found else 0)


def _read_person(r: Reader, node: Node, where: Where, _refs: list[Ref]) -> Person | None:
    start = len(r.problems)
    found = r.fields(node, PERSON_KEYS, where, _m("a person"))
    if found is None:
        return None
    person_id = r.slug(found.get("id"), where)
    name = r.text(found.get("name"), where)
    role = r.text(found.get("role"), where) if "role" in found else ""
    year, until = _years(r, found, where)
    if len(r.problems) > start or person_id is None or name is None or role is None:
        return None  # a missing value was reported as a problem
    return Person(id=person_id, name=name, role=role, year=year, until=until, line=line_of(node))


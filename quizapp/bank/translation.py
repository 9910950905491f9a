"""A bank's texts in another language, kept beside its file, and the bank with them put in.

A translation (`<bank file stem>.<lang>.yaml`, see docs/question-files.md) names the bank's own
fact, person and question ids and holds only their texts. Putting it in changes texts and nothing
else: ids, years, the key (by position among the options) and the grading stay the bank's, so a
fact is one fact whatever the language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .model import Bank, BankError, Fact, Person, Question
from .rules import named
from .said import Said, _m, _mn, joined

LANG = re.compile(r"[a-z]{2}\Z")
TRANSLATION_NAME = re.compile(r"(?P<stem>.+)\.(?P<lang>[a-z]{2})\.(?:yaml|yml)\Z")
BANK_SUFFIXES = (".yaml", ".yml")
# What each kind of entry may translate; "options" are a question's choices or its items.
FACT_TEXTS = ("text", "when")
PERSON_TEXTS = ("name", "role")
QUESTION_TEXTS = ("prompt", "explanation")
# What a translation may say of an entry: not the bank's, untranslated, and translating what the
# bank's entry has not (its fields, said with `either`).
NOT_THE_BANKS: dict[str, Callable[[str], Said]] = {
    "fact": lambda ident: _m("fact '%(id)s' is not one of the bank's; a translation uses the "
                             "bank's own ids", id=ident),
    "person": lambda ident: _m("person '%(id)s' is not one of the bank's; a translation uses the "
                               "bank's own ids", id=ident),
    "question": lambda ident: _m("question '%(id)s' is not one of the bank's; a translation uses "
                                 "the bank's own ids", id=ident),
}
NOT_TRANSLATED: dict[str, Callable[[str, str, str], Said]] = {
    "fact": lambda ident, lang, name: _m("fact '%(id)s' has no %(lang)s translation in "
                                         "%(file)s", id=ident, lang=lang, file=name),
    "person": lambda ident, lang, name: _m("person '%(id)s' has no %(lang)s translation in "
                                           "%(file)s", id=ident, lang=lang, file=name),
    "question": lambda ident, lang, name: _m("question '%(id)s' has no %(lang)s translation in "
                                             "%(file)s", id=ident, lang=lang, file=name),
}
NOTHING_TO_TRANSLATE: dict[str, Callable[[list[str]], Said]] = {
    "fact": lambda extra: _mn("the bank's fact has no %(fields)s to translate; leave it out",
                              "the bank's fact has no %(fields)s to translate; leave them out",
                              len(extra), fields=either(extra)),
    "person": lambda extra: _mn("the bank's person has no %(fields)s to translate; leave it out",
                                "the bank's person has no %(fields)s to translate; leave them "
                                "out", len(extra), fields=either(extra)),
    "question": lambda extra: _mn("the bank's question has no %(fields)s to translate; leave it "
                                  "out", "the bank's question has no %(fields)s to translate; "
                                  "leave them out", len(extra), fields=either(extra)),
}


@dataclass(frozen=True)
class Entry:
    """The texts one fact, person or question has in the translation, where they are written."""

    id: str
    line: int
    texts: Mapping[str, str] = field(default_factory=dict)  # e.g. {"text": ..., "when": ...}
    options: tuple[str, ...] | None = None  # a question's choices or items, in the bank's order
    options_line: int = 0


@dataclass(frozen=True, eq=False)
class Translation:
    """One language's texts for one bank, as read from its file."""

    lang: str
    path: str
    bank_id: str
    line: int = 0  # the line of its `bank:` key
    title: str | None = None
    facts: tuple[Entry, ...] = ()
    people: tuple[Entry, ...] = ()
    questions: tuple[Entry, ...] = ()


def translation_name(path: str | Path) -> tuple[Path, str] | None:
    """The bank file a file translates, and its language, when its name is `<stem>.<lang>.yaml`
    and a `<stem>.yaml` (or `.yml`) is beside it; None for any other file."""
    path = Path(path)
    match = TRANSLATION_NAME.match(path.name)
    if match is None:
        return None
    for suffix in BANK_SUFFIXES:
        bank_file = path.with_name(match["stem"] + suffix)
        if bank_file.is_file():
            return bank_file, match["lang"]
    return None


def translation_files(bank_path: str | Path) -> list[tuple[Path, str]]:
    """The translations beside a bank file (`<stem>.<lang>.yaml`), with their languages, sorted."""
    path = Path(bank_path)
    if path.suffix.lower() not in BANK_SUFFIXES or TRANSLATION_NAME.match(path.name):
        return []
    found = []
    for suffix in BANK_SUFFIXES:
        for candidate in path.parent.glob(f"{glob_escape(path.stem)}.??{suffix}"):
            named = translation_name(candidate)
            if named is not None and named[0] == path and candidate.is_file():
                found.append((candidate, named[1]))
    return sorted(found)


def glob_escape(text: str) -> str:
    """A text matched as itself by glob (its [, * and ? bracketed)."""
    return re.sub(r"([\[\]*?])", r"[\1]", text)


@dataclass(frozen=True)
class Checked:
    """A translation checked against its bank: what of it can be used, its problems (ids not in
    the bank, counts that differ), and what the bank has that it does not translate."""

    translation: Translation
    problems: tuple[BankError, ...] = ()
    untranslated: tuple[BankError, ...] = ()


def check_translation(bank: Bank, translation: Translation) -> Checked:
    """Keep the entries that fit the bank; report those that do not, and list what is missing."""
    problems: list[BankError] = []
    missing: list[BankError] = []
    path = translation.path

    def problem(line: int, message: Said) -> None:
        problems.append(BankError(path, line, message))

    if translation.bank_id != bank.id:
        problem(translation.line, _m("'bank' is '%(given)s', but the file beside it is bank "
                                     "'%(bank)s'; a translation names the bank it translates",
                                     given=translation.bank_id, bank=bank.id))
    facts = _known(translation.facts, bank.facts_by_id, "fact", problem)
    people = _known(translation.people, bank.people_by_id, "person", problem)
    questions = _known(translation.questions, bank.questions_by_id, "question", problem)
    fitting = []
    for entry in questions:
        question = bank.questions_by_id[entry.id]
        why = _options_problem(question, entry)
        if why is not None:
            problem(entry.options_line or entry.line, joined([named("question", entry.id), why],
                                                             ": "))
        else:
            fitting.append(entry)
    kept = replace(translation, facts=tuple(facts), people=tuple(people), questions=tuple(fitting))
    for noun, wanted, entries in (
        ("fact", _wanted_facts(bank), facts),
        ("person", _wanted_people(bank), people),
        ("question", _wanted_questions(bank), fitting),
    ):
        given = {e.id: e for e in entries}
        for ident, (line, fields) in wanted.items():
            found = given.get(ident)
            if found is None:
                missing.append(BankError(bank.path, line, NOT_TRANSLATED[noun](
                    ident, translation.lang, Path(path).name)))
                continue
            left = [f for f in fields if f not in found.texts and
                    not (f == "options" and found.options is not None)]
            if left:
                missing.append(BankError(path, found.line, joined(
                    [named(noun, ident), _m("%(fields)s not translated", fields=", ".join(left))],
                    ": ")))
            extra = [f for f in found.texts if f not in fields]
            if extra:  # it would be dropped without a word: say so
                problem(found.line, joined([named(noun, ident),
                                            NOTHING_TO_TRANSLATE[noun](extra)], ": "))
    return Checked(kept, tuple(problems), tuple(missing))


def _known(entries: tuple[Entry, ...], known: Mapping[str, object], noun: str,
           problem: Callable[[int, Said], None]) -> list[Entry]:
    kept = []
    for entry in entries:
        if entry.id in known:
            kept.append(entry)
        else:
            problem(entry.line, NOT_THE_BANKS[noun](entry.id))
    return kept


def either(words: list[str]) -> Said | str:
    """"text or when": one of the words (names a teacher types, kept as they are)."""
    if len(words) == 1:
        return words[0]
    return _m("%(some)s or %(last)s", some=", ".join(words[:-1]), last=words[-1])


def _options_problem(question: Question, entry: Entry) -> Said | None:
    """Why the entry's options cannot stand for the question's, or None."""
    if entry.options is None:
        return None
    given, has = len(entry.options), len(question.options)
    ordering = question.type == "ordering"
    if given != has and ordering:
        return _mn("%(num)d item translated, but the bank's question has %(has)d; translate "
                   "each, in the same order", "%(num)d items translated, but the bank's question "
                   "has %(has)d; translate each, in the same order", given, has=has)
    if given != has:
        return _mn("%(num)d choice translated, but the bank's question has %(has)d; translate "
                   "each, in the same order", "%(num)d choices translated, but the bank's "
                   "question has %(has)d; translate each, in the same order", given, has=has)
    if len(set(entry.options)) != given:
        return (_m("two of its items are translated alike; each must read differently")
                if ordering else
                _m("two of its choices are translated alike; each must read differently"))
    return None


def _wanted_facts(bank: Bank) -> dict[str, tuple[int, tuple[str, ...]]]:
    return {f.id: (f.line, ("text", "when") if f.when else ("text",)) for f in bank.facts}


def _wanted_people(bank: Bank) -> dict[str, tuple[int, tuple[str, ...]]]:
    return {p.id: (p.line, ("name", "role") if p.role else ("name",)) for p in bank.people}


def _wanted_questions(bank: Bank) -> dict[str, tuple[int, tuple[str, ...]]]:
    return {q.id: (q.line, ("prompt", "options", "explanation") if q.explanation else
                   ("prompt", "options")) for q in bank.questions if not q.generated}


def translate_bank(bank: Bank, translation: Translation) -> Bank:
    """The bank with the translation's texts put in where it has them (checked entries only)."""
    facts = {e.id: e for e in translation.facts}
    people = {e.id: e for e in translation.people}
    questions = {e.id: e for e in translation.questions}
    return replace(
        bank,
        title=translation.title or bank.title,
        facts=tuple(_fact(f, facts.get(f.id)) for f in bank.facts),
        people=tuple(_person(p, people.get(p.id)) for p in bank.people),
        questions=tuple(_question(q, questions.get(q.id)) for q in bank.questions),
        translations=(),
        lang=translation.lang,
        original=bank,
    )


def _fact(fact: Fact, entry: Entry | None) -> Fact:
    if entry is None:
        return fact
    return replace(fact, text=entry.texts.get("text", fact.text),
                   when=entry.texts.get("when", fact.when) if fact.when else fact.when)


def _person(person: Person, entry: Entry | None) -> Person:
    if entry is None:
        return person
    return replace(person, name=entry.texts.get("name", person.name),
                   role=entry.texts.get("role", person.role))


def _question(question: Question, entry: Entry | None) -> Question:
    if entry is None:
        return question
    options, key = question.options, question.key
    if entry.options is not None:
        # The key by position: the same places among the options, whatever they now say.
        where = {text: i for i, text in enumerate(question.options)}
        options = entry.options
        key = tuple(options[where[k]] for k in question.key)
    return replace(question, prompt=entry.texts.get("prompt", question.prompt),
                   explanation=entry.texts.get("explanation", question.explanation) if
                   question.explanation else question.explanation,
                   options=options, key=key)

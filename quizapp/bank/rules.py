"""The rules a question's options obey whatever file they come from (docs/design.md), and the
words every question file's problems name their entries by ("question 'q1'", "choice 3").

The YAML loader and the importers both check options here, so a rule and its wording live once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .said import Said, _m, _mn

MIN_CHOICES, MAX_CHOICES = 2, 8
MIN_ITEMS, MAX_ITEMS = 3, 8

Problem = tuple[int, Said]  # (line, message)
# An entry by its id ("fact 'canal'") and by its place in its list ("fact 3"), in a problem.
NAMED: dict[str, Callable[[str], Said]] = {
    "fact": lambda ident: _m("fact '%(id)s'", id=ident),
    "person": lambda ident: _m("person '%(id)s'", id=ident),
    "question": lambda ident: _m("question '%(id)s'", id=ident),
}
NUMBERED: dict[str, Callable[[int], Said]] = {
    "fact": lambda n: _m("fact %(number)d", number=n),
    "person": lambda n: _m("person %(number)d", number=n),
    "question": lambda n: _m("question %(number)d", number=n),
    "tag": lambda n: _m("tag %(number)d", number=n),
    "choice": lambda n: _m("choice %(number)d", number=n),
    "answer": lambda n: _m("answer %(number)d", number=n),
    "item": lambda n: _m("item %(number)d", number=n),
    "option": lambda n: _m("option %(number)d", number=n),
}
# An option by its text, as a problem names it: 'choice "1920"'.
QUOTED: dict[str, Callable[[str], Said]] = {
    "choice": lambda value: _m('choice "%(value)s"', value=value),
    "answer": lambda value: _m('answer "%(value)s"', value=value),
    "item": lambda value: _m('item "%(value)s"', value=value),
    "option": lambda value: _m('option "%(value)s"', value=value),
}
# A question of each type, as a problem names it.
A_QUESTION = {
    "choice": _m("a choice question"),
    "multiple": _m("a multiple question"),
    "ordering": _m("an ordering question"),
}


def named(noun: str, ident: str) -> Said:
    """"question 'q1'": an entry of a bank (a fact, person or question) by its id."""
    return NAMED[noun](ident)


def numbered(noun: str, number: int) -> Said:
    """"choice 3": an entry (of a bank or of a list) by its place, from 1."""
    return NUMBERED[noun](number)


def a_question(qtype: str) -> Said:
    """"a choice question", "an ordering question"."""
    return A_QUESTION.get(qtype) or _m("a %(type)s question", type=qtype)


def repeats(values: Sequence[str]) -> list[tuple[int, int]]:
    """(index, index of its first listing) for each value listed again."""
    first: dict[str, int] = {}
    found = []
    for index, value in enumerate(values):
        if value in first:
            found.append((index, first[value]))
        else:
            first[value] = index
    return found


def repeated_message(noun: str, value: str, first_line: int, line: int) -> Said:
    """'choice "1920" is listed twice (first on line 7)' (noun: choice, answer, item, option)."""
    what = QUOTED[noun](value) if noun in QUOTED else _m('%(noun)s "%(value)s"', noun=noun,
                                                          value=value)
    if first_line != line:
        return _m("%(what)s is listed twice (first on line %(first)d)", what=what, first=first_line)
    return _m("%(what)s is listed twice", what=what)


def count_message(what: Said | str, noun: str, low: int, high: int, count: int) -> Said | None:
    """"'choices' must list 2 to 8 choices, but lists 1", or None when the count is right
    (noun: choice, answer, item, option)."""
    if low <= count <= high:
        return None
    values = {"what": what, "low": low, "high": high, "count": count}
    if noun == "choice":
        return _m("%(what)s must list %(low)d to %(high)d choices, but lists %(count)d", **values)
    if noun == "answer":
        return _m("%(what)s must list %(low)d to %(high)d answers, but lists %(count)d", **values)
    if noun == "item":
        return _m("%(what)s must list %(low)d to %(high)d items, but lists %(count)d", **values)
    return _m("%(what)s must list %(low)d to %(high)d options, but lists %(count)d", **values)


def option_problems(qtype: str, options: Sequence[str], key: Sequence[str],
                    lines: Sequence[int], line: int) -> list[Problem]:
    """(line, message) for each rule an imported question's options and key break.

    `lines` gives the line of each option; `line` is the question's own line.
    """
    noun = "item" if qtype == "ordering" else "option"
    low, high = (MIN_ITEMS, MAX_ITEMS) if qtype == "ordering" else (MIN_CHOICES, MAX_CHOICES)
    found: list[Problem] = [(lines[i], repeated_message(noun, options[i], lines[first], lines[i]))
             for i, first in repeats(options)]
    count = count_message(a_question(qtype), noun, low, high, len(options))
    if count:
        found.append((line, count))
    if qtype == "choice" and len(key) != 1:
        found.append((line, _m("a choice question has one right answer, but none is marked right")
                      if not key else
                      _mn("a choice question has one right answer, but %(num)d is marked right",
                          "a choice question has one right answer, but %(num)d are marked right",
                          len(key))))
    if qtype == "multiple" and not key:
        found.append((line, _m("a multiple question needs a right answer, but none is marked "
                               "right")))
    return found

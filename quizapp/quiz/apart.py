"""What keeps the questions of one quiz from giving each other away (docs/design.md).

Between two questions of a quiz of which at least one is generated:
- no option text is in both (compared by their words, without case or punctuation);
- no fact is cited by both: a generated question is made of its facts' texts, dates and leaders,
  so a fact asked twice lets one question answer the other ("Which of these happened in 1962?"
  and "When did this happen: a military coup removes Manuel Prado?");
- no answer of one stands, as whole words, in the other's prompt ("... happened in 1962?" beside
  a question whose answer is "1962");
and a quiz holds at most MAX_PER_TEMPLATE questions of one template. A "when" question's options
are of one kind by construction (`bank.timeline.date_kind`).

Questions someone wrote are not held to these among themselves: a True/False bank has "True" in
every question, and a teacher who writes two questions on one fact means to. For them the builder
only prefers questions on facts not asked yet (`Chosen.repeats`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..bank.generate import template_of
from ..bank.model import Question

MAX_PER_TEMPLATE = 2
WORDS = re.compile(r"\w+")


@lru_cache(maxsize=1 << 16)
def plain(text: str) -> str:
    """The words of a text, folded and space-padded, so `plain(a) in plain(b)` finds whole words."""
    return f" {' '.join(WORDS.findall(text.casefold()))} "


@dataclass(frozen=True)
class Shown:
    """What one question shows and what it answers, in plain words; its template, if generated."""

    template: str | None
    options: frozenset[str]
    keys: tuple[str, ...]
    prompt: str
    facts: frozenset[str]

    @staticmethod
    def of(question: Question) -> Shown:
        return Shown(
            template_of(question),
            frozenset(map(plain, question.options)),
            tuple(map(plain, question.key)),
            plain(question.prompt),
            frozenset(question.facts),
        )


class Seen:
    """What a set of questions shows, pooled: their options, facts, prompts and answers."""

    def __init__(self) -> None:
        self.options: set[str] = set()
        self.facts: set[str] = set()
        self.prompts = ""
        self.keys: list[str] = []

    def add(self, shown: Shown) -> None:
        self.options |= shown.options
        self.facts |= shown.facts
        self.prompts += shown.prompt
        self.keys += shown.keys

    def given_away(self, shown: Shown) -> bool:
        """Whether the question shares an option or a fact with these, or an answer either way."""
        return (
            not self.facts.isdisjoint(shown.facts)
            or not self.options.isdisjoint(shown.options)
            or any(key in self.prompts for key in shown.keys)
            or any(key in shown.prompt for key in self.keys)
        )


class Chosen:
    """The questions of a quiz picked so far, and what a further question may not repeat.

    `cache` keeps each question's `Shown` by id across quizzes (a pool passes its own).
    """

    def __init__(self, cache: dict[str, Shown] | None = None) -> None:
        self.cache = cache if cache is not None else {}
        self.templates: Counter[str] = Counter()
        self.generated = Seen()  # what the generated questions picked show: checked against any
        self.written = Seen()  # what the written ones show: checked against generated ones only
        self.written_waiting: list[Question] = []  # not in `written` until a generated one comes
        self.fact_sets: set[frozenset[str]] = set()
        self.ids: set[str] = set()
        self.any_generated = False

    def shown(self, question: Question) -> Shown:
        shown = self.cache.get(question.id)  # ids are unique within a pool
        if shown is None:
            shown = self.cache[question.id] = Shown.of(question)
        return shown

    def clashes(self, question: Question) -> bool:
        """Whether the question would break a rule of the module's docstring with those picked."""
        if question.id in self.ids:
            return True
        if not question.generated and not self.any_generated:
            return False  # written against written: no rule, and no work (the common case)
        shown = self.shown(question)
        if not question.generated:
            return self.generated.given_away(shown)
        if shown.template is not None and self.templates[shown.template] >= MAX_PER_TEMPLATE:
            return True
        for waiting in self.written_waiting:
            self.written.add(self.shown(waiting))
        self.written_waiting.clear()
        return self.generated.given_away(shown) or self.written.given_away(shown)

    def repeats(self, question: Question) -> bool:
        """Whether a question testing exactly these facts was picked already (to be avoided)."""
        facts = frozenset(question.facts)
        return bool(facts) and facts in self.fact_sets

    def add(self, question: Question) -> None:
        if question.generated:
            shown = self.shown(question)
            if shown.template is not None:
                self.templates[shown.template] += 1
            self.generated.add(shown)
            self.any_generated = True
        else:
            self.written_waiting.append(question)
        self.fact_sets.add(frozenset(question.facts))
        self.ids.add(question.id)

"""A learner's progress: the percent of each quiz over time, and how well they know each fact.

One function gives the numbers: the page draws its charts from them and the API turns the same
values into JSON, so the page and the API cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..extensions import db
from ..models import Attempt
from ..quiz import days, schedule
from ..quiz.rules import PRACTICE
from .attempts import Someone
from .cards import cards_of, due_counts
from .catalog import DEFAULT_LANG, current_catalog
from .rules import school_zone
from .study import timeline_order
from .today import Goal, goal

NEW = schedule.NEW  # the state of a fact the learner has not met
KNOWLEDGE = schedule.KNOWLEDGE  # never seen, shaky, known: what the pages say of a fact


@dataclass(frozen=True)
class QuizScore:
    """One submitted quiz, as the progress line shows it."""

    id: str
    bank: str
    mode: str
    started: datetime
    percent: float | None


@dataclass(frozen=True)
class FactProgress:
    """One fact of a bank, with the learner's card on it: its state, mastery and due time."""

    bank: str
    id: str
    year: int | None
    text: str
    state: str  # new, learning, review or relearning
    mastery: float  # 0..1, to three decimals
    due: datetime | None
    knowledge: str  # never seen, shaky or known (quiz/schedule.knowledge)
    comes_back: str  # "due now", "later today", "tomorrow", "in 3 days"; "" if never seen


@dataclass(frozen=True)
class Progress:
    """The learner's quizzes oldest first, every fact's progress, how many facts are due, and
    the streak and daily goal."""

    attempts: list[QuizScore]
    facts: list[FactProgress]
    due: int
    goal: Goal

    def counts(self, bank: str | None = None) -> dict[str, int]:
        """How many facts (of one bank, or all) are never seen, shaky and known."""
        counted = dict.fromkeys(schedule.KNOWLEDGE, 0)
        for fact in self.facts:
            if bank is None or fact.bank == bank:
                counted[fact.knowledge] += 1
        return counted

    def coming_back(self, bank: str) -> list[tuple[str, int]]:
        """When the bank's facts met come back, soonest first: [("later today", 17), ("tomorrow",
        13), ("in 8 days", 3)]."""
        met = sorted((f for f in self.facts if f.bank == bank and f.due is not None),
                     key=lambda f: f.due or datetime.min)
        counted: dict[str, int] = {}
        for fact in met:
            counted[fact.comes_back] = counted.get(fact.comes_back, 0) + 1
        return list(counted.items())


def quiz_scores(learner: Someone) -> list[QuizScore]:
    """The learner's submitted quizzes, oldest first.

    Practice answers are left out: each is one question, scored 0 or 100, and they would drown
    the quizzes' line; they count in each fact's mastery instead.
    """
    query = (
        select(Attempt)
        .where(Attempt.learner_id == learner.id, Attempt.submitted.is_not(None),
               Attempt.mode != PRACTICE)
        .order_by(Attempt.started, Attempt.id)
    )
    return [QuizScore(a.id, a.bank, a.mode, a.started, a.percent)
            for a in db.session.scalars(query)]


def fact_progress(learner: Someone, now: datetime, lang: str = DEFAULT_LANG
                  ) -> list[FactProgress]:
    """Every fact of every bank, in timeline order, with the learner's card on it (if any); its
    text in `lang` where the bank has a translation into it."""
    rows, zone = [], school_zone()
    banks = current_catalog().banks
    for bank_id in sorted(banks):
        bank, cards = banks[bank_id].translated(lang), cards_of(learner.id, bank_id)
        dated_facts, undated = timeline_order(bank)
        for fact in dated_facts + undated:
            card = cards.get(fact.id)
            state, due = (card.state, card.due) if card else (schedule.NEW, None)
            rows.append(FactProgress(
                bank.id, fact.id, fact.year, fact.text, state,
                round(schedule.mastery(card.fsrs if card else None, now), 3), due,
                schedule.knowledge(card.state if card else None, due, now),
                days.comes_back(due, now, zone)))
    return rows


def progress(learner: Someone, now: datetime, lang: str = DEFAULT_LANG) -> Progress:
    """The learner's quizzes oldest first, every fact's state and mastery (its text in `lang`
    where the bank has it), how many are due, and the streak and goal."""
    return Progress(quiz_scores(learner), fact_progress(learner, now, lang),
                    sum(due_counts(learner.id, now).values()), goal(learner, now))

"""Self-study: a bank's facts as a timeline with what the learner knows, and practice questions.

Practice stores each question as an attempt of its own, mode "practice", one item: so it is
stored before it is shown, graded from its snapshot, submitted once, and reviews its facts' cards
exactly as a quiz does, with no second set of rules. Its time (start to submission) is the time
that one answer took, which is what tells an Easy answer from a Good one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from .. import clock
from ..bank.model import Bank, Fact, Person
from ..bank.timeline import covers, dated, shown_extent
from ..i18n import _l
from ..models import Attempt
from ..quiz import schedule
from ..quiz.build import QuizError, QuizItem, QuizPool, build_review, shown_order
from ..quiz.rules import PRACTICE
from .attempts import Someone, find_attempt, new_seed, store, worded
from .cards import cards_of, due_facts
from .catalog import DEFAULT_LANG, current_catalog
from .errors import NotAllowed, NotFound, Unbuildable
from .exam_lock import ensure_unlocked
from .review import missed_facts, what_may_be_shown

RANDOM_TRIES = 8  # draws for a question other than the last one before settling for any


@dataclass(frozen=True)
class Entry:
    """A fact on the timeline: who led then, how well the learner knows it, can it be practised."""

    fact: Fact
    leaders: tuple[Person, ...]
    knowledge: str | None  # never seen, shaky or known; None when no one is signed in
    practisable: bool  # some question tests it

    @property
    def period(self) -> bool:
        """Whether the fact spans several years."""
        return self.fact.last_year != self.fact.year


def timeline_order(bank: Bank) -> tuple[list[Fact], list[Fact]]:
    """The dated facts in date order (periods by their start), and the undated in file order."""
    dated_facts = sorted(filter(dated, bank.facts), key=lambda f: (f.year, f.last_year, f.id))
    return dated_facts, [f for f in bank.facts if not dated(f)]


def leaders(bank: Bank, fact: Fact) -> tuple[Person, ...]:
    """Who led then: the fact's own leader, else the people whose term covers the whole fact
    (`bank.timeline.covers`): someone in office for part of it did not lead "then"."""
    if fact.leader in bank.people_by_id:
        return (bank.people_by_id[fact.leader],)
    return tuple(p for p in bank.people if covers(p, fact))


@dataclass(frozen=True)
class Extent:
    """Where a timeline runs: its first and last years (to draw periods to scale) and how the
    page says it, the text's words for a start or end the text gives no year for."""

    first: int = 0
    last: int = 0
    shown_first: str = ""
    shown_last: str = ""


def extent(entries: list[Entry]) -> Extent:
    """The extent of a timeline's dated entries."""
    facts = [e.fact for e in entries if e.fact.span is not None]
    spans = [f.span for f in facts if f.span is not None]
    if not spans:
        return Extent()
    return Extent(min(a for a, _ in spans), max(b for _, b in spans), *shown_extent(facts))


def timeline(bank: Bank, learner: Someone | None, now: datetime, lang: str = DEFAULT_LANG
             ) -> tuple[list[Entry], list[Entry]]:
    """The bank's timeline (dated entries, then the undated), each with the learner's knowledge;
    its texts in `lang` where the bank has a translation into it.

    Paused (NotAllowed) while self-study on the bank is paused for the learner: the facts are
    what the questions ask.
    """
    ensure_unlocked(learner, bank.id, now, lang)
    bank = bank.translated(lang)
    cards = cards_of(learner.id, bank.id) if learner is not None else {}
    by_fact = current_catalog().pool(bank.id).by_fact  # the same facts in every language

    def entry(fact: Fact) -> Entry:
        card = cards.get(fact.id)
        known = None if learner is None else schedule.knowledge(
            card.state if card else None, card.due if card else None, now)
        return Entry(fact, leaders(bank, fact), known, fact.id in by_fact)

    dated_facts, undated = timeline_order(bank)
    return [entry(f) for f in dated_facts], [entry(f) for f in undated]


def any_question(pool: QuizPool, rng: random.Random, avoid: frozenset[str]) -> list[QuizItem]:
    """One question drawn from the whole pool, not one of `avoid` if a few draws allow."""
    for _ in range(RANDOM_TRIES if pool.questions else 0):
        question = rng.choice(pool.questions)
        if question.id not in avoid:
            return [QuizItem(question, shown_order(question, rng))]
    return []


def practice_question(
    pool: QuizPool, fact_id: str | None, due: list[str], rng: random.Random, avoid: frozenset[str]
) -> list[QuizItem]:
    """A question on the fact, else on what is due (most overdue first), else any question.

    The question last asked is avoided while another will do: a fact with one question asks it
    again, since practising it is what the learner chose.
    """
    sources = [[fact_id]] if fact_id else ([due] if due else []) + [None]
    for exclude in (avoid, frozenset()):
        for facts in sources:
            if facts is None:
                quiz = any_question(pool, rng, exclude)
            else:
                try:
                    quiz = build_review(pool, facts, 1, rng, exclude)
                except QuizError:
                    quiz = []
            if quiz:
                return quiz
    raise Unbuildable(_l("There is no question to practise on this yet: choose another "
                          "fact."))


def practice_bank(learner: Someone | None, bank_id: str, fact_id: str | None = None,
                  lang: str = DEFAULT_LANG) -> Bank:
    """The bank to practise on, in `lang` where it has a translation into it (and the fact, if
    one is named, must be in it); NotFound if not, NotAllowed while self-study on it is paused
    for the learner (exam_lock)."""
    bank = current_catalog().bank_for(bank_id, lang)
    if bank is None:
        raise NotFound(_l("There is no question bank %(bank)s.", bank=repr(bank_id)))
    if fact_id is not None and fact_id not in bank.facts_by_id:
        raise NotFound(_l("This bank has no such fact: pick one from its timeline."))
    ensure_unlocked(learner, bank.id, clock.now(), lang)
    return bank


def start_practice(
    learner: Someone, bank_id: str, fact_id: str | None = None, after: str | None = None,
    lang: str = DEFAULT_LANG,
) -> Attempt:
    """Store one practice question, in `lang` where the bank has it: on the fact if named, else
    on what is due, else any.

    `after` is the learner's previous practice attempt, whose question is not asked straight again.
    """
    bank = practice_bank(learner, bank_id, fact_id, lang)
    avoid: frozenset[str] = frozenset()
    if after:
        try:
            avoid = frozenset(i.question_id for i in find_attempt(learner, after).items)
        except NotFound:
            pass  # a stale or foreign id only loses the "not the same again" preference
    seed = new_seed()
    due = [] if fact_id else due_facts(learner.id, bank, clock.now())
    quiz = practice_question(
        current_catalog().pool(bank.id), fact_id, due, random.Random(seed), avoid
    )
    return store(learner, bank, PRACTICE, seed, worded(quiz, bank))


def find_practice(learner: Someone, bank_id: str, attempt_id: str, lang: str = DEFAULT_LANG
                  ) -> Attempt:
    """The learner's practice attempt on this bank; NotFound for any other. NotAllowed while
    self-study on the bank is paused for them: a question opened before an assigned quiz opened
    is neither answered nor shown with its key until self-study comes back."""
    attempt = find_attempt(learner, attempt_id)
    if attempt.mode != PRACTICE or attempt.bank != bank_id:
        raise NotFound(_l("There is no such practice question among yours."))
    ensure_unlocked(learner, bank_id, clock.now(), lang)
    return attempt


def _after_last_asked(facts: list[str], asked: set[str]) -> list[str]:
    """`facts` turned to start after the last of them just asked: each missed fact in turn."""
    last = max((i for i, f in enumerate(facts) if f in asked), default=-1)
    return facts[last + 1:] + facts[:last + 1]


def missed_of(learner: Someone, attempt_id: str) -> tuple[Attempt, list[str]]:
    """A submitted attempt of the learner's and the facts its missed questions test, where the
    bank still has questions on them. NotFound for someone else's attempt; NotAllowed while it is
    open (practice would show the keys it asks) or while its review hides the answers; Unbuildable
    when nothing was missed."""
    attempt = find_attempt(learner, attempt_id)
    if attempt.submitted is None:
        raise NotAllowed(_l("Submit the quiz first: practice on what you missed comes with its "
                            "review."))
    if not what_may_be_shown(attempt, clock.now()).everything:
        raise NotAllowed(_l("Practice on what you missed opens when your teacher shows the "
                            "whole review of this quiz."))
    bank = practice_bank(learner, attempt.bank)
    by_fact = current_catalog().pool(bank.id).by_fact
    facts = [f for f in missed_facts(attempt) if f in by_fact]
    if not facts:
        raise Unbuildable(_l("Nothing to practise from this quiz: every question was right, or "
                             "the bank has no question on the facts of the others."))
    return attempt, facts


def start_missed(learner: Someone, attempt_id: str, after: str | None = None,
                 lang: str = DEFAULT_LANG) -> Attempt:
    """Store one practice question, in `lang` where the bank has it, on the facts the attempt's
    missed questions test, each in turn (`after`, the previous practice question of this run,
    says where the turn is)."""
    attempt, facts = missed_of(learner, attempt_id)
    avoid: frozenset[str] = frozenset()
    asked: set[str] = set()
    if after:
        try:
            previous = find_attempt(learner, after)
        except NotFound:
            previous = None  # a stale or foreign id only loses the turn
        if previous is not None:
            avoid = frozenset(i.question_id for i in previous.items)
            asked = {f.id for i in previous.items for f in i.snapshot.facts}
    seed = new_seed()
    bank = practice_bank(learner, attempt.bank, lang=lang)
    quiz = practice_question(current_catalog().pool(bank.id), None,
                             _after_last_asked(facts, asked), random.Random(seed), avoid)
    return store(learner, bank, PRACTICE, seed, worded(quiz, bank))

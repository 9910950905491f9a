"""Questions made from a bank's facts and people, reproducibly from a seed.

See docs/design.md, "Generated questions". Facts are asked against each other only when their
dates do not overlap, and distractors are checked against every date the bank knows, so exactly
one option is right. Undated facts appear only in "who led" questions, which need no date.
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .model import Bank, Fact, Person, Question
from .timeline import Span, Timeline, dated, draw, first_year, meets, merge, single_year, years
from .wording import Words

VARIANTS = 2  # tries per fact and template: variety for a small bank, bounded for a big one
# Questions made for one bank at most: 25,000 facts made 250,000 (7 s and 210 MB in each worker
# on the first quiz); facts beyond the share are sampled (see docs/performance.md).
MAX_GENERATED = 3000
OPEN_END = 10_000  # the last year of a term whose end the bank does not give
LEADS = re.compile(r"\b(president|leader|head of state|dictator|ruler)\b", re.IGNORECASE)
LABEL_LEAD = re.compile(r"^(?:(?:during|in|the)\s+)+", re.IGNORECASE)  # "during World War II"


class Leaders:
    """The people who lead Peru, and every span of years the bank says each name led."""

    def __init__(self, bank: Bank) -> None:
        self.people = bank.people_by_id
        # Parts of names, initials and particles aside, to spot a name in a fact's text.
        self.name_parts = {p.id: {w for w in _words(p.name) if len(w) > 3} for p in bank.people}
        named = {f.leader for f in bank.facts if f.leader}
        self.candidates = [p for p in bank.people if p.id in named or _leads_peru(p)]
        # Keyed by name: one person may be listed once per term, under two ids.
        spans: dict[str, list[Span]] = {}
        for p in self.candidates:
            if p.year is not None:
                # Only a first year given: the term may have run on, so count it as open.
                end = OPEN_END if p.until is None else max(p.year, p.until)
                spans.setdefault(p.name, []).append((p.year, end))
        # A fact's `leader` is evidence too: it covers terms a person's own years leave out.
        for f in bank.facts:
            if f.leader in self.people and dated(f):
                spans.setdefault(self.people[f.leader].name, []).append(years(f))
        self.spans = {name: merge(years) for name, years in spans.items()}

    def led_during(self, name: str, fact: Fact) -> bool:
        """Whether the bank's dates say someone of that name led Peru at some time of the fact."""
        return dated(fact) and meets(self.spans.get(name, ()), fact)

    def others(self, fact: Fact, leader: Person, want: int, rng: random.Random) -> list[Person]:
        """Up to `want` leaders of Peru, named unlike `leader`, none leading when the fact did."""
        picked: list[Person] = []
        names = {leader.name}
        words = _words(fact.text)
        for person in draw(self.candidates, rng):
            if len(picked) == want:
                break
            if person.name in names or self.led_during(person.name, fact):
                continue
            if self.name_parts[person.id].isdisjoint(words):  # one the text names would puzzle
                picked.append(person)
                names.add(person.name)
        return picked


def _states_its_date(fact: Fact) -> bool:
    """Whether the fact's text gives its own date ("In 1991 ...", "... marks the 1980s"), also
    without the label's leading "during"/"in"/"the" ("fighting in World War II")."""
    years = {str(fact.year), str(fact.last_year)}
    core = LABEL_LEAD.sub("", fact.label).casefold()
    names_label = bool(core) and re.search(rf"(?<!\w){re.escape(core)}(?!\w)", fact.text.casefold())
    return bool(names_label) or not years.isdisjoint(_words(fact.text))


def _leads_peru(person: Person) -> bool:
    return "Peru" in person.role and bool(LEADS.search(person.role))


def _words(text: str) -> set[str]:
    """The words of a text, folded (no accents, no case) so "Leguia" matches "Leguía"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return set(re.findall(r"\w+", plain))


@dataclass(frozen=True)
class Sources:
    """What the templates draw from: the bank's own timeline and leaders (to decide on), and the
    words of the language the questions are asked in."""

    timeline: Timeline
    leaders: Leaders
    words: Words


def _question_id(template: str, anchor: str, parts: Sequence[str]) -> str:
    """`gen-<template>-<fact id>-<hash>`: the same options give the same id, in any order."""
    digest = hashlib.blake2b("|".join(sorted(parts)).encode(), digest_size=4).hexdigest()
    return f"gen-{template}-{anchor}-{digest}"


def template_of(question: Question) -> str | None:
    """The template a generated question was made by (the part of its id after `gen-`), with
    "Which of these came first?" and "...last?" as one, "first-last": the same question turned
    round. None for a question someone wrote."""
    if not question.generated or not question.id.startswith("gen-"):
        return None
    name = question.id.split("-", 2)[1]
    return "first-last" if name in ("first", "last") else name


def _tags(facts: Sequence[Fact]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(tag for f in facts for tag in f.tags))


def _choice(rng: random.Random, right: str, wrong: Sequence[str], *, id: str, prompt: str,
            explanation: str, facts: tuple[str, ...], difficulty: int, tags: tuple[str, ...]
            ) -> Question:
    """A generated choice question: the right option among the wrong ones, shuffled."""
    options = [right, *wrong]
    rng.shuffle(options)
    return Question(id=id, type="choice", prompt=prompt, options=tuple(options), key=(right,),
                    explanation=explanation, facts=facts, difficulty=difficulty, tags=tags,
                    generated=True)


def _one_fact_among(
    template: str,
    prompt: str,
    answer: Fact,
    facts: list[Fact],
    src: Sources,
    rng: random.Random,
    level: int,
) -> Question:
    """A choice question whose options are the facts' texts and whose answer is `answer`."""
    others = [f for f in facts if f is not answer]
    in_order = sorted(facts, key=first_year)
    return _choice(
        rng,
        src.words.clauses[answer.id],
        [src.words.clauses[f.id] for f in others],
        id=_question_id(template, answer.id, [f.id for f in facts]),
        prompt=prompt,
        explanation=src.words.explain(in_order),
        facts=(answer.id, *(f.id for f in others)),
        difficulty=level,
        tags=_tags(in_order),
    )


def in_year(fact: Fact, src: Sources, rng: random.Random) -> Question | None:
    """Asks "Which of these happened in <year>?": the fact against facts clear of that year."""
    if not single_year(fact) or fact.approximate or _states_its_date(fact):
        return None  # a year the text does not give is never asked as a year
    facts = src.timeline.apart_from(fact, 4, rng)
    if len(facts) < 3:
        return None
    prompt = src.words.wording.in_year.format(year=fact.year)
    return _one_fact_among("year", prompt, fact, facts, src, rng, 2)


def _extreme(fact: Fact, src: Sources, rng: random.Random, last: bool) -> Question | None:
    if not dated(fact):
        return None
    facts = src.timeline.apart_from(fact, rng.choice((3, 4)), rng)
    if len(facts) < 3:
        return None
    answer = max(facts, key=first_year) if last else min(facts, key=first_year)
    word, wording = ("last", src.words.wording.last) if last else ("first", src.words.wording.first)
    return _one_fact_among(word, wording, answer, facts, src, rng, 1)


def came_first(fact: Fact, src: Sources, rng: random.Random) -> Question | None:
    """Asks "Which of these came first?" of 3-4 facts whose dates do not overlap."""
    return _extreme(fact, src, rng, last=False)


def came_last(fact: Fact, src: Sources, rng: random.Random) -> Question | None:
    """Asks "Which of these came last?" of 3-4 facts whose dates do not overlap."""
    return _extreme(fact, src, rng, last=True)


def in_order(fact: Fact, src: Sources, rng: random.Random) -> Question | None:
    """Asks to put 4-5 facts whose dates do not overlap in the order they happened."""
    if not dated(fact):
        return None
    facts = src.timeline.apart_from(fact, rng.choice((4, 5)), rng)
    if len(facts) < 4:
        return None
    facts.sort(key=first_year)
    items = tuple(src.words.clauses[f.id] for f in facts)
    return Question(
        id=_question_id("order", facts[0].id, [f.id for f in facts]),
        type="ordering",
        prompt=src.words.wording.order,
        options=items,
        key=items,
        explanation=src.words.explain(facts),
        facts=tuple(f.id for f in facts),
        difficulty=3,
        tags=_tags(facts),
        generated=True,
    )


def when(fact: Fact, src: Sources, rng: random.Random) -> Question | None:
    """Asks "When did this happen: <fact>?" against other facts' date labels of the same kind."""
    if not dated(fact) or _states_its_date(fact):
        return None
    wrong = src.timeline.wrong_labels(fact, 3, rng)
    if len(wrong) < 2:
        return None
    words = src.words
    return _choice(
        rng,
        words.labels[fact.label],
        [words.labels[label] for label in wrong],
        id=_question_id("when", fact.id, wrong),
        prompt=words.wording.when.format(clause=words.clauses[fact.id]),
        explanation=words.sentences[fact.id],
        facts=(fact.id,),
        difficulty=2,
        tags=fact.tags,
    )


def led_by(fact: Fact, src: Sources, rng: random.Random) -> Question | None:
    """Asks "Who led Peru when <fact>?" against other leaders of Peru, none leading then."""
    leader = src.leaders.people.get(fact.leader or "")
    if leader is None or not src.leaders.name_parts[leader.id].isdisjoint(_words(fact.text)):
        return None  # no leader, or the fact's text names him and gives the answer away
    wrong = src.leaders.others(fact, leader, 3, rng)
    if len(wrong) < 2:
        return None
    words = src.words
    name = words.names[leader.id]
    return _choice(
        rng,
        name,
        [words.names[p.id] for p in wrong],
        id=_question_id("leader", fact.id, [p.id for p in wrong]),
        prompt=words.wording.led_by.format(clause=words.clauses[fact.id]),
        explanation=f"{words.sentences[fact.id]} {words.wording.led_then.format(name=name)}",
        facts=(fact.id,),
        difficulty=2,
        tags=fact.tags,
    )


Template = Callable[[Fact, Sources, random.Random], "Question | None"]
TEMPLATES: tuple[Template, ...] = (in_year, came_first, came_last, in_order, when, led_by)


def asked_facts(bank: Bank, rng: random.Random) -> tuple[Fact, ...]:
    """The facts questions are made on: all of them, or for a bank too big to make every question
    of, a seeded sample (in file order) that makes at most MAX_GENERATED."""
    most = MAX_GENERATED // (len(TEMPLATES) * VARIANTS)
    if len(bank.facts) <= most:
        return bank.facts
    return tuple(bank.facts[i] for i in sorted(rng.sample(range(len(bank.facts)), most)))


def generate_questions(
    bank: Bank, seed: int = 0, *, rng: random.Random | None = None
) -> tuple[Question, ...]:
    """Every question the templates make from the bank's facts, de-duplicated; same seed, same.

    A translated bank gives the questions of its own-language bank (same ids, options in the same
    places, same keys), worded in its language.
    """
    # Not for secrets: a seeded generator is what makes the questions reproducible.
    rng = rng if rng is not None else random.Random(seed)  # noqa: S311
    own = bank.original or bank
    # Every fact, for checking distractors.
    sources = Sources(Timeline(own.facts), Leaders(own), Words(bank))
    made: dict[str, Question] = {}
    for fact in asked_facts(own, rng):
        for template in TEMPLATES:
            for _ in range(VARIANTS):
                question = template(fact, sources, rng)
                if question is not None:
                    made.setdefault(question.id, question)  # the same options twice: one question
    return tuple(made.values())

"""A bank's dated facts, and ways to draw facts and date labels that cannot be confused.

The generator asks facts against each other only when their dates do not overlap, so exactly one
option is right. Drawing is by random probes, so one pick costs the same in a bank of 30 facts
and in a bank of 2,000.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from . import wording
from .model import Bank, Fact, Person

PROBES = 40  # random candidates tried per pick: small banks are searched whole, big ones sampled
YEAR_LABEL = re.compile(r"\d{1,4}")
SPAN_LABEL = re.compile(r"\d{1,4}\s*[–-]\s*\d{1,4}")  # "1919–1930": a period in plain years

T = TypeVar("T")
Span = tuple[int, int]  # first and last year, inclusive


def dated(fact: Fact) -> bool:
    """Whether the fact has a usable date: a year, and no `until` before it."""
    return fact.year is not None and (fact.until is None or fact.until >= fact.year)


def years(fact: Fact) -> Span:
    """A dated fact's first and last year; ValueError for a fact with no year."""
    span = fact.span
    if span is None:
        raise ValueError(f"fact '{fact.id}' has no year")
    return span


def first_year(fact: Fact) -> int:
    """A dated fact's first year (its year); ValueError for a fact with no year."""
    return years(fact)[0]


def single_year(fact: Fact) -> bool:
    """Whether the fact is dated to exactly one year."""
    return dated(fact) and fact.last_year == fact.year


def clause(fact: Fact) -> str:
    """The fact's text without its closing full stop, to sit inside a prompt or an option.

    A stop that ends an abbreviation ("... with the U.S.") is part of the word and stays.
    """
    return wording.clause(fact.text)


def sentence(fact: Fact, bank: Bank) -> str:
    """The bank's fact and its date as one sentence in the language of the bank's texts, e.g.
    "The canal opens — 1914." ("Se abre el canal (1914)." in a Spanish bank)."""
    return wording.sentence(fact, wording.bank_wording(bank))


def covers(person: Person, fact: Fact) -> bool:
    """Whether the bank's years for the person's term hold every year of the dated fact.

    A term with only a first year, or a fact whose years the text leaves vague, is covered by
    nothing: leading in 1919 says nothing of 1901-1920, and a term to 1975 may or may not hold
    "the mid 1970s".
    """
    if person.year is None or person.until is None or not dated(fact) or fact.approximate:
        return False
    first, last = years(fact)
    return person.year <= first and last <= person.until


def shown_extent(facts: Sequence[Fact]) -> tuple[str, str]:
    """How a timeline of dated facts is said to run, from ... to ...: the earliest start and the
    latest end, as years, or as the fact's own words where the text gives no exact year."""
    if not facts:
        return "", ""
    start = min(facts, key=lambda f: (years(f)[0], f.approximate))
    end = max(facts, key=lambda f: (years(f)[1], not f.approximate))
    return (
        start.label if start.approximate else str(years(start)[0]),
        end.label if end.approximate else str(years(end)[1]),
    )


def date_kind(fact: Fact) -> str:
    """How a dated fact's date reads: a plain "year", a "span" of plain years ("1919–1930"), a
    "period" in words ("the 1980s", "during World War II") or a "moment" in words ("spring 1958").

    A "when" question offers labels of one kind only: "the 1980s" beside "1919–1930" would stand
    out from the others and give itself away (or give the others away).
    """
    if fact.last_year != fact.year:
        return "span" if SPAN_LABEL.fullmatch(fact.label) else "period"
    return "year" if YEAR_LABEL.fullmatch(fact.label) else "moment"


def merge(spans: Iterable[Span]) -> list[Span]:
    """The same years as few spans, overlapping or touching spans joined, so checks stay quick."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def meets(spans: Iterable[Span], fact: Fact) -> bool:
    """Whether any of the spans shares a year with the dated fact."""
    first, last = years(fact)
    return any(start <= last and first <= end for start, end in spans)


def draw(items: Sequence[T], rng: random.Random) -> Iterator[T]:
    """Items in random order: all of a short list, else PROBES random ones (repeats possible)."""
    n = len(items)
    if n <= PROBES:
        yield from rng.sample(items, n)
        return
    for _ in range(PROBES):
        yield items[rng.randrange(n)]


class Timeline:
    """The dated facts of a bank in date order, and the years each date label stands for."""

    def __init__(self, facts: Iterable[Fact]) -> None:
        self.facts = sorted(filter(dated, facts), key=lambda f: (f.year, f.last_year, f.id))
        self.clauses = {f.id: clause(f) for f in self.facts}  # worked out once: asked many times
        carriers: dict[str, list[Fact]] = {}
        for fact in self.facts:
            carriers.setdefault(fact.label, []).append(fact)
        # A label stands for every year of every fact it dates: all must be clear to make it wrong.
        self.label_years = {
            label: merge(years(f) for f in same) for label, same in carriers.items()
        }
        self.labels: dict[str, list[str]] = {}
        for label, same in carriers.items():
            for kind in dict.fromkeys(map(date_kind, same)):
                self.labels.setdefault(kind, []).append(label)

    def apart_from(self, anchor: Fact, want: int, rng: random.Random) -> list[Fact]:
        """Up to `want` facts, `anchor` first, with pairwise non-overlapping dates and texts."""
        picked = [anchor]
        texts = {clause(anchor)}
        for fact in draw(self.facts, rng):
            if len(picked) == want:
                break
            text = self.clauses[fact.id]
            if text not in texts and not any(fact.overlaps(p) for p in picked):
                picked.append(fact)
                texts.add(text)
        return picked

    def wrong_labels(self, fact: Fact, want: int, rng: random.Random) -> list[str]:
        """Up to `want` date labels of the fact's kind of date, each clear of the fact's years."""
        picked: list[str] = []
        for label in draw(self.labels.get(date_kind(fact), []), rng):
            if len(picked) == want:
                break
            if label == fact.label or label in picked:
                continue
            if not meets(self.label_years[label], fact):
                picked.append(label)
        return picked

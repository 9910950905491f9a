"""The words generated questions are made of, one table per language (English the default).

The generator decides what to ask on the bank's own facts (so a question has the same id, options
and key in every language) and words it here: the template's sentence, and each fact's text and
date as the bank's translation gives them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Bank, Fact

# "U.S.", "D.C.", Spanish "D. C.": the last stop is the abbreviation's, not the sentence's.
ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.\s?){2,}$")


@dataclass(frozen=True)
class Wording:
    """One language's sentences for the generator's templates; `{...}` are filled in."""

    in_year: str  # {year}
    first: str
    last: str
    order: str
    when: str  # {clause}: the fact's text without its full stop
    led_by: str  # {clause}
    led_then: str  # {name}
    dated: str  # {text} {label}: a fact and its date as one sentence
    span: str  # {start} {end}: a period in plain years


WORDINGS: dict[str, Wording] = {
    "en": Wording(
        in_year="Which of these happened in {year}?",
        first="Which of these came first?",
        last="Which of these came last?",
        order="Put these events in the order they happened.",
        when="When did this happen: {clause}?",
        led_by="Who led Peru when this happened: {clause}?",
        led_then="{name} led Peru then.",
        dated="{text} — {label}.",
        span="{start}–{end}",
    ),
    "es": Wording(
        in_year="¿Cuál de estos hechos ocurrió en {year}?",
        first="¿Cuál de estos hechos ocurrió primero?",
        last="¿Cuál de estos hechos ocurrió último?",
        order="Ordena estos hechos en el orden en que ocurrieron.",
        when="¿Cuándo ocurrió lo siguiente? {clause}.",
        led_by="¿Quién gobernaba el Perú cuando ocurrió lo siguiente? {clause}.",
        led_then="En ese entonces gobernaba el Perú {name}.",
        dated="{text} ({label}).",
        span="de {start} a {end}",
    ),
}
DEFAULT_LANG = "en"


def wording(lang: str) -> Wording:
    """The language's table, or the English one for a language it has none for."""
    return WORDINGS.get(lang, WORDINGS[DEFAULT_LANG])


def bank_wording(bank: Bank) -> Wording:
    """The table of the language the bank's texts are in: a translation's, else the bank's own
    (its file's `language:`, or guessed from its words), so a bank written in Spanish gets
    Spanish sentences around its Spanish facts."""
    return wording(bank.lang or bank.written_in)


def clause(text: str) -> str:
    """A fact's text without its closing full stop ("... with the U.S." keeps its stop)."""
    text = text.strip()
    return text if ABBREVIATION_END.search(text) else text.rstrip(".").strip()


def label(fact: Fact, words: Wording) -> str:
    """How the fact's date is shown in a language: its `when` (as translated), else its year or
    its span of years in the language's style ("de 1919 a 1930")."""
    if fact.when or fact.year is None:
        return fact.label
    if fact.until is not None and fact.until != fact.year:
        return words.span.format(start=fact.year, end=fact.until)
    return str(fact.year)


def sentence(fact: Fact, words: Wording) -> str:
    """The fact and its date as one sentence, e.g. "The canal opens — 1914."."""
    text, shown = clause(fact.text), label(fact, words)
    if shown:
        return words.dated.format(text=text, label=shown)
    return text if text.endswith(".") else f"{text}."


class Words:
    """What a generated question says, in the bank's language: looked up by the ids, date
    labels and names of the bank's own facts and people (the ones it decides on)."""

    def __init__(self, bank: Bank) -> None:
        own = bank.original or bank
        self.wording = bank_wording(bank)
        self.clauses = {f.id: clause(f.text) for f in bank.facts}
        self.sentences = {f.id: self._sentence(f) for f in bank.facts}
        # A label of the bank's own facts -> the same date as shown (the first fact's wording).
        self.labels: dict[str, str] = {}
        for mine, shown in zip(own.facts, bank.facts, strict=True):
            self.labels.setdefault(mine.label, label(shown, self.wording))
        self.names = {p.id: p.name for p in bank.people}

    def _sentence(self, fact: Fact) -> str:
        return sentence(fact, self.wording)

    def explain(self, facts: list[Fact]) -> str:
        """The facts with their dates, one sentence each."""
        return " ".join(self.sentences[f.id] for f in facts)

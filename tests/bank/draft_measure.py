"""How well a draft recovers the shipped bank's dated facts (see docs/question-files.md, "Drafts").

The method, since the shipped bank's facts carry no cites on this branch:
- each fact of the shipped bank is placed in the sentence holding its cite where the bank has
  cites (branch `source`); else in the text's sentence that shares the most of its
  content words and numbers (lowercase, accents and apostrophes dropped, stop words and words
  under three letters left out, words compared by their first five letters, so "nationalises"
  meets "nationalizing");
- a dated fact of the bank is *recovered* when a drafted fact cites a phrase of that sentence and
  has the same years (`year` and `until`);
- a drafted dated fact carries *a year the text does not give for it* when no fact of the bank
  placed in a sentence of its paragraph has its years (a paragraph the bank made no dated fact of
  counts against the draft).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from quizapp.bank.draft import Draft, DraftFact
from quizapp.bank.draft_text import Sentence, sentences
from quizapp.bank.model import Bank, Fact

REPO_ROOT = Path(__file__).resolve().parents[2]
STOP = {"the", "a", "an", "of", "in", "on", "and", "or", "to", "for", "with", "was", "were", "is",
        "are", "be", "by", "as", "at", "from", "its", "it", "this", "that", "their", "both",
        "between", "peru", "united", "states", "u", "s", "us", "two", "countries"}


def shipped_text() -> Path | None:
    """questions/peru-us-relations.txt if the repository ships it, else ../shared/source/..."""
    shipped = REPO_ROOT / "questions" / "peru-us-relations.txt"
    if shipped.is_file():
        return shipped
    for base in REPO_ROOT.parents:
        candidate = base / "shared" / "source" / "peru-us-relations.txt"
        if candidate.is_file():
            return candidate
    return None


def _stems(text: str) -> set[str]:
    plain = unicodedata.normalize("NFKD", re.sub(r"['’]", "", text))
    plain = plain.encode("ascii", "ignore").decode().lower()
    return {w[:5] for w in re.findall(r"[a-z]{3,}|\d+", plain) if w not in STOP}


def place(fact: Fact, among: list[Sentence]) -> Sentence:
    """The sentence sharing the most content words with the fact."""
    words = _stems(fact.text)
    return max(among, key=lambda s: len(words & _stems(s.text)))


@dataclass(frozen=True)
class Measure:
    """The figures: recovered of the bank's dated facts, and drafted facts with a wrong year."""

    recovered: list[str]
    missed: list[str]
    drafted_dated: list[DraftFact]
    wrong_year: list[DraftFact]

    @property
    def recall(self) -> float:
        return len(self.recovered) / (len(self.recovered) + len(self.missed))

    @property
    def wrong_share(self) -> float:
        return len(self.wrong_year) / len(self.drafted_dated)


def _sentence_of(fact: DraftFact, among: list[Sentence]) -> Sentence | None:
    return next((s for s in among if fact.cite in s.text), None)


def _cited(fact: Fact, bank: Bank, among: list[Sentence]) -> Sentence | None:
    """The sentence holding the fact's cite, where the bank's facts have cites (branch `source`:
    a Span of characters of `bank.source.text`, or a phrase); None otherwise."""
    cite = getattr(fact, "cite", None)
    text = getattr(getattr(bank, "source", None), "text", None)
    start, end = getattr(cite, "start", None), getattr(cite, "end", None)
    if isinstance(cite, str):
        phrase = cite
    elif isinstance(text, str) and isinstance(start, int) and isinstance(end, int):
        phrase = text[start:end]
    else:
        return None
    wanted = " ".join(phrase.split())
    return next((s for s in among if wanted and wanted in s.text), None)


def measure(draft: Draft, bank: Bank) -> Measure:
    """Compare a draft of the text with the bank made by hand from it."""
    among = sentences(draft.source_text)
    placed = {f.id: _cited(f, bank, among) or place(f, among) for f in bank.facts}
    recovered, missed = [], []
    for fact in (f for f in bank.facts if f.year is not None):
        where = placed[fact.id]
        if any(d.year is not None and d.cite in where.text and (d.year, d.until or d.year)
               == fact.span for d in draft.facts):
            recovered.append(fact.id)
        else:
            missed.append(fact.id)
    dated = [d for d in draft.facts if d.year is not None]
    wrong = []
    for d in dated:
        where = _sentence_of(d, among)
        spans = {f.span for f in bank.facts
                 if where is not None and placed[f.id].paragraph == where.paragraph}
        if (d.year, d.until or d.year) not in spans:
            wrong.append(d)
    return Measure(recovered, missed, dated, wrong)

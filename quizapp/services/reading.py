"""Reading a bank's source text: its paragraphs, each cited passage marked with its fact, and,
for a signed-in learner, how well they know each of those facts.

The text is paused with the rest of self-study while an assigned quiz on the bank is open for
the learner (exam_lock): its notes show the facts the questions ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .. import clock
from ..bank.model import Bank, Fact
from ..bank.source import Piece, paragraphs
from ..i18n import _l
from ..quiz import schedule
from .attempts import Someone
from .cards import cards_of
from .catalog import DEFAULT_LANG, current_catalog
from .errors import NotFound
from .exam_lock import ensure_unlocked

NEW, SHAKY, KNOWN = "new", "shaky", "known"
STATES = {schedule.NEVER_SEEN: NEW, schedule.SHAKY: SHAKY, schedule.KNOWN: KNOWN}


def fact_states(user: Someone, bank: Bank, now: datetime | None = None) -> dict[str, str]:
    """Each fact of the bank: new (never seen), shaky (being learnt, wrong lately or due) or
    known (learnt, not due yet), from the learner's review cards.

    Stands in for services/progress.py's definition of the same three words (to be joined).
    """
    at = now or clock.now()
    cards = cards_of(user.id, bank.id)
    states = {}
    for fact in bank.facts:
        card = cards.get(fact.id)
        said = schedule.knowledge(card.state if card else None, card.due if card else None, at)
        states[fact.id] = STATES[said]
    return states


@dataclass(frozen=True)
class Cited:
    """A fact with a passage in the text: its number in reading order, and the learner's state."""

    number: int
    fact: Fact
    state: str | None  # new, shaky or known; None for a visitor not signed in
    practisable: bool  # some question tests it


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the text as pieces, and the facts whose passages end in it (its notes)."""

    pieces: list[Piece]
    notes: list[Cited]


@dataclass(frozen=True)
class Reading:
    """The text of a bank, by paragraph, with every cited fact."""

    bank: Bank
    name: str
    paragraphs: list[Paragraph]
    cited: dict[str, Cited]


def source_bank(bank_id: str) -> Bank:
    """The loaded bank, if it has a source text; NotFound otherwise, saying which."""
    bank = current_catalog().get(bank_id)
    if bank is None:
        raise NotFound(_l("There is no question bank %(bank)s.", bank=repr(bank_id)))
    if bank.source is None:
        raise NotFound(_l("The bank “%(bank)s” has no source text to read: its file names none, "
                          "or the text is not beside it. Its timeline lists its facts.",
                          bank=bank.title))
    return bank


def reading(bank_id: str, learner: Someone | None, now: datetime,
            lang: str = DEFAULT_LANG) -> Reading:
    """The bank's text cut into paragraphs at its cites, each cite numbered in reading order,
    with the learner's state of its fact (its facts in `lang` where the bank has a translation
    into it; the text is the bank's own). NotFound without a text; Paused (NotAllowed) while
    self-study on the bank is paused for the learner."""
    bank = source_bank(bank_id).translated(lang)
    assert bank.source is not None
    ensure_unlocked(learner, bank.id, now, lang)
    states = fact_states(learner, bank, now) if learner is not None else {}
    by_fact = current_catalog().pool(bank.id).by_fact
    spans = sorted(((f.id, f.cite) for f in bank.facts if f.cite is not None),
                   key=lambda c: (c[1].start, c[1].end))
    facts = bank.facts_by_id
    cited = {fid: Cited(n, facts[fid], states.get(fid), fid in by_fact)
             for n, (fid, _) in enumerate(spans, 1)}
    cut = paragraphs(bank.source.text, spans)
    shown = [Paragraph(pieces, [cited[f] for p in pieces for f in p.ends]) for pieces in cut]
    return Reading(bank, bank.source.name, shown, cited)


def cited(bank_id: str, fact_id: str) -> bool:
    """Whether the fact has a passage in its bank's text (for "Read it in the text" links)."""
    bank = current_catalog().get(bank_id)
    fact = bank.facts_by_id.get(fact_id) if bank is not None and bank.source else None
    return fact is not None and fact.cite is not None

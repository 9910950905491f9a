"""A draft bank from a text: facts with their dates, people with their terms, as Quipu's YAML.

Each sentence of the text (see `draft_text.py`) gives a fact; a sentence with two dates or more
gives one fact per clause that holds one. A fact's date is the one its sentence gives
(`draft_dates.py`); a sentence without one takes the term of a person it names (given elsewhere
as "Name (1919-1930)"), or else the period of the sentence before it in the same paragraph (not a
single year, and not after "Later", "Then"...). Its text is the sentence with the date taken out
(so the date questions do not give their answer away), trimmed; its `cite` is the sentence (or
clause) as the text has it, whitespace collapsed. The YAML names the text as its `source`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .draft_dates import Found, find_dates
from .draft_text import Person, Sentence, collapse, names, people, printable, sentences, slug
from .said import Said, _m, _mn

MAX_FACT = 140  # characters of a fact's text: it becomes an option or part of a prompt
MAX_CITE = 300  # characters of a cite
MIN_WORDS = 3  # a shorter sentence ("See below.") is not a fact
NOT_AFTER = re.compile(r"^(?:Later|Afterwards?|Then|Subsequently|Eventually|Finally|Earlier|"
                       r"Before|Previously|Next|By then)\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r";\s+|,\s+(?=(?:being|which|who|whereas|while|but|although|after "
                          r"which|when)\b)")
LEAD_IN = re.compile(r"\b(?:it was not until|it was only in)\s+$", re.IGNORECASE)
PREPOSITION = re.compile(r"(?:\b(?:in|during|since|by|until|till|around|circa|from|of|through|"
                         r"throughout|for)\s+(?:the\s+(?:year\s+)?)?)$", re.IGNORECASE)


STOPWORDS = {"the", "a", "an", "of", "in", "on", "and", "or", "to", "for", "with", "was", "were",
             "is", "are", "be", "been", "being", "its", "it", "this", "that", "these", "by", "as",
             "at", "from", "had", "has", "have", "their", "his", "her", "both", "which", "who"}


class NothingToDraft(ValueError):
    """A text with no sentence to make a fact of; its message a Said, read in the reader's
    language."""

    def __init__(self, message: Said) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


@dataclass(frozen=True)
class DraftFact:
    """A proposed fact: as the YAML has it, and whether its date came from the context."""

    id: str
    text: str
    cite: str
    year: int | None = None
    until: int | None = None
    when: str | None = None
    leader: str | None = None
    from_context: bool = False


@dataclass(frozen=True)
class Draft:
    """A drafted bank: its facts and people, the notes for the teacher, and its source text."""

    bank_id: str
    title: str
    source_name: str
    source_text: str
    facts: tuple[DraftFact, ...]
    people: tuple[Person, ...]
    notes: tuple[Said, ...] = field(default=())  # said to the teacher, in their language

    @property
    def dated(self) -> int:
        """How many facts have a year."""
        return sum(f.year is not None for f in self.facts)

    @property
    def yaml(self) -> str:
        """The bank as Quipu's YAML."""
        return draft_yaml(self)


def _trimmed(sentence: str, date: Found | None) -> str:
    """The sentence without its date (and the words that only lead to it), at most MAX_FACT."""
    text = sentence
    if date is not None:
        before, after = text[:date.start], text[date.end:]
        if LEAD_IN.search(before) and after.lstrip().lower().startswith("that "):
            before, after = LEAD_IN.sub("", before), after.lstrip()[5:]
        else:
            before = PREPOSITION.sub("", before)
        if before.endswith("(") and after.startswith(")"):
            before, after = before[:-1], after[1:]
        candidate = re.sub(r"\s+([,.;:)])", r"\1", f"{before.rstrip()} {after.lstrip()}")
        candidate = re.sub(r"^[\s,;:.–—-]+", "", candidate).strip()
        if len(candidate.split()) >= MIN_WORDS:
            text = candidate[0].upper() + candidate[1:]
    if len(text) > MAX_FACT:
        text = text[:MAX_FACT - 1].rsplit(" ", 1)[0].rstrip(",;: ") + "…"
    return text if text.endswith((".", "…", "!", "?")) else f"{text}."


def _short(text: str, most: int) -> str:
    """At most `most` characters, cut at a space (a phrase of the text still)."""
    return text if len(text) <= most else text[:most].rsplit(" ", 1)[0]


def _clauses(sentence: str, dates: list[Found]) -> list[tuple[str, Found]]:
    """One (clause, date) per clause holding a date; the whole sentence for a single date."""
    if len(dates) == 1:
        return [(sentence, dates[0])]
    pieces, at = [], 0
    for m in CLAUSE_BREAK.finditer(sentence):
        pieces.append((at, m.start()))
        at = m.end()
    pieces.append((at, len(sentence)))
    out: list[tuple[str, Found]] = []
    for start, end in pieces:
        inside = [d for d in dates if start <= d.start and d.end <= end]
        if inside:
            d, raw = inside[0], sentence[start:end]
            start += len(raw) - len(raw.lstrip(" ,;"))
            shifted = Found(d.year, d.until, d.when, d.start - start, d.end - start, d.kind)
            out.append((raw.strip(" ,;"), shifted))
    return out or [(sentence, dates[0])]


def _leader(sentence: str, span: tuple[int, int], persons: list[Person]) -> Person | None:
    for person in persons:
        if person.year <= span[0] and span[1] <= person.until and names(sentence, person):
            return person
    return None


class _Facts:
    """Facts proposed sentence by sentence, each with a unique id."""

    def __init__(self, persons: list[Person]) -> None:
        self.persons = persons
        self.facts: list[DraftFact] = []
        self.ids: set[str] = set()

    def add(self, text: str, cite: str, date: Found | None, leader: Person | None,
            from_context: bool = False) -> None:
        words = [w for w in slug(text, 12).split("-") if w not in STOPWORDS and len(w) > 1]
        stem = "-".join(words[:4]) or slug(text, 4) or "fact"
        ident = f"{date.year}-{stem}" if date is not None else stem
        ident = ident[:60].strip("-")
        candidate, number = ident, 2
        while candidate in self.ids:
            candidate, number = f"{ident}-{number}", number + 1
        self.ids.add(candidate)
        self.facts.append(DraftFact(
            id=candidate, text=text, cite=_short(cite, MAX_CITE),
            year=date.year if date else None,
            until=date.until if date and date.until != date.year else None,
            when=date.when if date else None, leader=leader.id if leader else None,
            from_context=from_context))


def draft_bank(text: str, source_name: str, bank_id: str, title: str) -> Draft:
    """The draft of a bank from a text; NothingToDraft if it has no sentence of words."""
    source = printable(text)
    persons = people(source)
    facts = _Facts(persons)
    seen: set[str] = set()
    repeated = 0
    frame: tuple[int, Found, Person | None] | None = None  # a paragraph's period, and its leader
    for s in sentences(source):
        if s.text in seen:
            repeated += 1
            continue
        seen.add(s.text)
        if (len(s.text.split()) < MIN_WORDS or not re.search(r"[^\W\d_]", s.text)
                or s.text.startswith("#")):  # a Markdown heading: not a fact
            continue
        _add_sentence(facts, s, frame)
        frame = _frame_after(s, facts.facts[-1] if facts.facts else None, persons)
    if not facts.facts:
        fallback = [s for s in sentences(source) if re.search(r"[^\W\d_]", s.text)]
        if not fallback:
            raise NothingToDraft(_m("The text has no sentences to draft facts from."))
        for s in fallback[:1]:
            facts.add(_trimmed(s.text, None), s.text, None, None)
    return Draft(bank_id=bank_id, title=title, source_name=source_name, source_text=source,
                 facts=tuple(facts.facts), people=tuple(persons),
                 notes=_notes(facts.facts, repeated))


def _add_sentence(facts: _Facts, s: Sentence, frame: tuple[int, Found, Person | None] | None
                  ) -> None:
    dates = find_dates(s.text)
    if dates:
        for clause, date in _clauses(s.text, dates):
            facts.add(_trimmed(clause, date), clause, date,
                      _leader(s.text, date.span, facts.persons))
        return
    person = next((p for p in facts.persons if names(s.text, p)), None)
    if person is not None:
        term = Found(person.year, person.until, None, 0, 0, "term")
        facts.add(_trimmed(s.text, None), s.text, term, person, from_context=True)
    elif frame is not None and frame[0] == s.paragraph and not NOT_AFTER.match(s.text):
        facts.add(_trimmed(s.text, None), s.text, frame[1], frame[2], from_context=True)
    else:
        facts.add(_trimmed(s.text, None), s.text, None, None)


def _frame_after(s: Sentence, last: DraftFact | None, persons: list[Person]
                 ) -> tuple[int, Found, Person | None] | None:
    """The period the next sentence may take: the last fact's, if it is a period of this one."""
    if last is None or last.year is None or last.until is None or last.cite not in s.text:
        return None
    leader = next((p for p in persons if p.id == last.leader), None)
    return s.paragraph, Found(last.year, last.until, last.when, 0, 0, "frame"), leader


def _notes(facts: list[DraftFact], repeated: int) -> tuple[Said, ...]:
    notes = []
    dated = sum(f.year is not None for f in facts)
    if not dated:
        notes.append(_m("The text gives no dates Quipu recognises, so every fact is undated: add "
                        "a year to the facts that have one, as the timeline, date and ordering "
                        "questions need dated facts."))
    context = sum(f.from_context for f in facts)
    if context:
        notes.append(_mn("%(num)d fact takes its date from the sentence before or from a "
                         "person's term named in the text: check it.",
                         "%(num)d facts take their dates from the sentence before or from a "
                         "person's term named in the text: check them.", context))
    if repeated:
        notes.append(_mn("%(num)d repeated sentence was drafted once (captions, say).",
                         "%(num)d repeated sentences were drafted once (captions, say).",
                         repeated))
    notes.append(_m("Each fact's text is a sentence of the text, trimmed: put it in your own "
                    "words before students see it, and delete what is not worth asking."))
    return tuple(notes)


def draft_yaml(draft: Draft) -> str:
    """The draft as a YAML bank that Quipu's loader reads."""
    facts = []
    for f in draft.facts:
        entry: dict[str, object] = {"id": f.id}
        if f.year is not None:
            entry["year"] = f.year
        if f.until is not None:
            entry["until"] = f.until
        if f.when:
            entry["when"] = f.when
        entry["text"] = f.text
        if f.leader:
            entry["leader"] = f.leader
        entry["cite"] = f.cite
        facts.append(entry)
    data: dict[str, object] = {"bank": draft.bank_id, "title": draft.title,
                               "source": draft.source_name, "facts": facts}
    if draft.people:
        data["people"] = [{"id": p.id, "name": p.name, "year": p.year, "until": p.until}
                          for p in draft.people]
    # The file is the bank's: its notes are written as written (English), whoever drafted it.
    head = "".join(f"# {collapse(note.english())}\n" for note in draft.notes)
    body: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return f"# A draft made by `questions draft` from {draft.source_name}.\n{head}\n{body}"

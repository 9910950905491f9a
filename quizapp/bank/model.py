"""The question bank's data: facts, people, questions and banks, as frozen dataclasses.

Nothing here imports Flask or SQLAlchemy: a bank can be loaded, checked, generated from and graded
in plain Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .said import Said

if TYPE_CHECKING:  # bank/translation.py builds on this module
    from .translation import Translation

QUESTION_TYPES = ("choice", "multiple", "ordering")
ORDERING_METHODS = (
    "exact",
    "position",
    "distance",
    "next",
    "next_last",
    "neighbours",
    "pairs",
    "subset",
    "contiguous",
)
DEFAULT_ORDERING_METHOD = "pairs"


@dataclass(frozen=True)
class Span:
    """Where a cite is in its source text: characters [start, end), starting on `line` (from 1)."""

    start: int
    end: int
    line: int


@dataclass(frozen=True)
class Source:
    """The text a bank's facts come from: its file name (beside the bank's file) and its text."""

    name: str
    text: str


@dataclass(frozen=True)
class Fact:
    """One fact of the text: what happened and, where the text says, when and under whom."""

    id: str
    text: str
    year: int | None = None
    until: int | None = None  # set for a period: the fact spans year..until
    when: str | None = None  # display label, e.g. "during World War II"
    leader: str | None = None  # id of the Person leading Peru then
    tags: tuple[str, ...] = ()
    line: int = 0  # where it is defined in its file (0: not from a file)
    # The text gives no exact years ("the mid 1970s"): `year`/`until` only order it, and it is
    # shown by its `when` label alone, never as years or a length.
    approximate: bool = False
    quote: str | None = None  # its `cite:`, a phrase of the bank's source text, as written
    quote_line: int = 0  # the line of its `cite:` in its file
    cite: Span | None = None  # where the quote is in the source (None: no cite, or no source)

    @property
    def last_year(self) -> int | None:
        """The last year the fact covers (its year, for a point in time)."""
        return self.until if self.until is not None else self.year

    @property
    def span(self) -> tuple[int, int] | None:
        """Its first and last year (the same for a point in time); None when it has no year."""
        if self.year is None:
            return None
        return self.year, self.until if self.until is not None else self.year

    @property
    def label(self) -> str:
        """How its date is shown: the `when` label, else the year or the span of years."""
        if self.when:
            return self.when
        if self.year is None:
            return ""
        if self.until is not None and self.until != self.year:
            return f"{self.year}–{self.until}"
        return str(self.year)

    def overlaps(self, other: Fact) -> bool:
        """Whether the two facts' dates overlap (undated facts overlap everything)."""
        mine, theirs = self.span, other.span
        if mine is None or theirs is None:
            return True
        return mine[0] <= theirs[1] and theirs[0] <= mine[1]


@dataclass(frozen=True)
class Person:
    """Someone the text names, with their role and, where known, the years of it."""

    id: str
    name: str
    role: str = ""
    year: int | None = None
    until: int | None = None
    line: int = 0


@dataclass(frozen=True)
class Image:
    """A picture a question shows, kept from its file (Moodle XML's base64 `<file>`).

    Only PNG, JPEG, GIF and WebP are kept (bank/media.py reads the bytes to tell), never SVG or
    anything else that can run script; `digest` (SHA-256 of the bytes) is the name Quipu serves
    it under.
    """

    name: str
    media_type: str
    data: bytes = field(repr=False)
    digest: str
    alt: str = ""


@dataclass(frozen=True)
class Question:
    """One question, in the form every type shares.

    `options` are what the learner chooses from; `key` says which are right:
    - choice: `key` is the one right option;
    - multiple: `key` is the set of right options (in the order of `options`);
    - ordering: `options` are the items in the right order and `key` equals `options`.
    `feedback`, if given, holds one remark per option (same order as `options`).
    """

    id: str
    type: str
    prompt: str
    options: tuple[str, ...]
    key: tuple[str, ...]
    explanation: str = ""
    facts: tuple[str, ...] = ()
    difficulty: int = 2
    grading: str = DEFAULT_ORDERING_METHOD  # used by ordering questions only
    feedback: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    generated: bool = False
    line: int = 0
    name: str = ""  # the name an imported file gave it (Moodle's `<name>`, GIFT's `::name::`)
    weights: tuple[float, ...] = ()  # an imported option's worth in percent, as Moodle grades it
    images: tuple[Image, ...] = ()  # pictures its text shows, shown below it


@dataclass(frozen=True, eq=False)
class Bank:
    """A named set of facts, people and questions, loaded from one file.

    Compared and hashed by identity, so a bank can key a cache cheaply.
    """

    id: str
    title: str
    facts: tuple[Fact, ...] = ()
    people: tuple[Person, ...] = ()
    questions: tuple[Question, ...] = ()
    path: str = ""
    line: int = 0  # the line of its `bank:` key (0: not from a file)
    exam_only: bool = False  # for assigned quizzes only: never offered for self-study
    source_name: str | None = None  # its `source:`, a .txt or .md file beside its file
    source_line: int = 0  # the line of its `source:`
    source: Source | None = None  # the source text, once read (None: not named, or not there)
    # Its texts in other languages, from `<file stem>.<lang>.yaml` beside its file (checked).
    translations: tuple[Translation, ...] = field(default=(), repr=False)
    lang: str = ""  # a translated bank's language ('': the bank's own texts)
    original: Bank | None = field(default=None, repr=False)  # a translated bank's own-language bank
    language: str = ""  # the language its file says its own texts are in ('': not said)

    @cached_property
    def written_in(self) -> str:
        """The language its texts are in: a translation's, the one its file says, else guessed
        from its words (bank/language.py)."""
        from .language import guess_language

        if self.lang or self.language:
            return self.lang or self.language
        return guess_language([self.title, *(f.text for f in self.facts),
                               *(q.prompt for q in self.questions if not q.generated)])

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages it has a translation into."""
        return tuple(t.lang for t in self.translations)

    @cached_property
    def _translated(self) -> dict[str, Bank]:
        return {}

    def translated(self, lang: str) -> Bank:
        """The same bank with its texts in `lang` where its translation has them (ids, years, keys
        by position and grading unchanged); the bank itself when it has no translation into
        `lang` (a translated bank: its own-language bank's)."""
        from .translation import translate_bank  # the translation module imports this one

        if self.original is not None:  # a translated bank: its own bank's, in that language
            return self.original.translated(lang)
        done = self._translated
        if lang not in done:
            found = next((t for t in self.translations if t.lang == lang), None)
            done[lang] = self if found is None else translate_bank(self, found)
        return done[lang]

    @cached_property
    def facts_by_id(self) -> dict[str, Fact]:
        """Facts keyed by id."""
        return {f.id: f for f in self.facts}

    @cached_property
    def people_by_id(self) -> dict[str, Person]:
        """People keyed by id."""
        return {p.id: p for p in self.people}

    @cached_property
    def questions_by_id(self) -> dict[str, Question]:
        """Questions keyed by id."""
        return {q.id: q for q in self.questions}


class BankError(Exception):
    """A problem in a question file, located at `path:line`."""

    def __init__(self, path: str, line: int, message: Said | str) -> None:
        super().__init__(path, line, message)
        self.path = path
        self.line = line
        self.message = message  # a Said: read in the reader's language

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class BrokenQuestion(BankError):
    """An imported question left out because something in it is wrong (its type Quipu has).

    Listed with the skipped questions (the rest of the file loads), but unlike a type Quipu has not
    it is a mistake to fix: `questions check` exits 1 while there is one.
    """


@dataclass(frozen=True)
class ParseResult:
    """What reading one question file gives: its bank, or None and every problem found in it.

    `skipped` holds the questions an import leaves out: of types Quipu has not, or broken
    (`BrokenQuestion`); they are reported, but they are not problems of the file, and the bank is
    loaded without them. `notes` are remarks on a bank that loads: here, questions loaded without
    something they point at (a
    picture or a sound Quipu does not have).
    """

    bank: Bank | None
    problems: tuple[BankError, ...] = ()
    skipped: tuple[BankError, ...] = ()
    notes: tuple[BankError, ...] = ()  # not problems: the bank loads (a source not there)

    @property
    def ok(self) -> bool:
        """True when the file had no problem."""
        return not self.problems


@dataclass(frozen=True)
class LoadResult:
    """What loading a folder gives: the good banks, and every problem found in the bad files."""

    banks: tuple[Bank, ...]
    problems: tuple[BankError, ...] = ()
    skipped: tuple[BankError, ...] = ()  # questions imports left out (types, broken), reported
    passed_over: tuple[BankError, ...] = ()  # names not read: hidden, broken links, unreadable
    notes: tuple[BankError, ...] = ()  # remarks on banks that load (a source not there)

    @property
    def ok(self) -> bool:
        """True when no file had a problem."""
        return not self.problems

    @property
    def clean(self) -> bool:
        """True when no file had a problem and no question was left out as broken."""
        return self.ok and not any(isinstance(s, BrokenQuestion) for s in self.skipped)

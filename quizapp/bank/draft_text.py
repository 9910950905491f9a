"""A text in sentences, and the people it gives terms for, for the drafter (see `draft.py`).

Sentences come from pysbd (rule-based: nothing is downloaded), paragraph by paragraph, with where
each one is in the text. People are found where the text gives their term in brackets after the
name: "President Augusto B. Leguía (1919-1930)", "Alberto Fujimori's Government (1990-2000)".
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

import pysbd

from .draft_dates import RANGE

# The characters YAML may hold (its "printable" set): anything else is left out of a draft.
NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
TITLES = {"president", "general", "king", "queen", "emperor", "empress", "architect", "dr",
          "mr", "mrs", "ms", "sir", "prime", "minister", "chancellor", "premier", "dictator",
          "governor", "senator", "colonel", "marshal", "pope", "prince", "princess", "the"}
RULE_WORDS = {"government", "administration", "term", "presidency", "rule", "reign", "regime",
              "mandate", "first", "second", "cabinet"}
NAME_TOKEN = re.compile(r"[^\W\d_][\w’'.-]*")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text with whitespace collapsed, where it starts, and its paragraph."""

    text: str
    start: int
    paragraph: int


@dataclass(frozen=True)
class Person:
    """Someone the text gives a term for."""

    id: str
    name: str
    year: int
    until: int

    @property
    def names(self) -> tuple[str, str]:
        """How a sentence may name them: in full, or by the last name."""
        return self.name, self.name.split()[-1]


def printable(text: str) -> str:
    """The text without the characters YAML cannot hold (controls, lone surrogates)."""
    return NOT_PRINTABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def collapse(text: str) -> str:
    """Whitespace runs made one space, ends trimmed."""
    return " ".join(text.split())


def slug(text: str, words: int = 6) -> str:
    """Lowercase ASCII letters and digits joined by hyphens, from the first `words` words."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain)[:words])


_SEGMENTER = pysbd.Segmenter(language="en", clean=False)


def _split(paragraph: str) -> list[str]:
    try:
        parts = [str(p) for p in _SEGMENTER.segment(paragraph)]
    except Exception:  # noqa: BLE001 - pysbd fails on some odd texts: fall back to a simple split
        parts = []
    if "".join(parts).split() != paragraph.split():
        parts = re.split(r"(?<=[.!?])\s+(?=[^\W\d_])", paragraph)
    return parts


# A line that starts a block of its own inside a paragraph: a list item or a quote (a heading
# is a block of its own line).
ITEM = re.compile(r"[ \t]*(?:[-*+>]\s|\d+[.)]\s)")
HEADING = re.compile(r"[ \t]*#")


def _blocks(paragraph: str) -> list[str]:
    """A paragraph's blocks: its lines joined, but for headings, list items and quotes."""
    blocks: list[list[str]] = []
    for line in paragraph.split("\n"):
        heading_before = bool(blocks) and HEADING.match(blocks[-1][0]) is not None
        if not blocks or heading_before or HEADING.match(line) or ITEM.match(line):
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return ["\n".join(lines) for lines in blocks]


BATCH = 20  # pieces given to pysbd at once: a call costs ~7 ms, and more than linearly in size
# A sentence end no splitter doubts: a lowercase word of 3 letters or more (not an abbreviation),
# a stop, and a capital after a space. The rest of a text goes to pysbd.
SURE_END = re.compile(r"([^\W\d_]{3,})[.!?][\"”’)]*(\s+)(?=[\"“‘(]?([^\W\d_]))")
NOT_A_WORD = {"etc", "approx", "vol", "fig", "esp", "incl", "cf", "al", "viz", "resp", "ibid",
              "ca", "op", "cit", "est", "dept", "univ", "assn", "corp", "inc", "ltd", "jr", "sr"}
MAYBE_END = re.compile(r"[.!?][\"”’)]*\s")


def _pieces(paragraph: int, start: int, block: str) -> list[tuple[int, int, str]]:
    """A block cut at its sure sentence ends: (paragraph, start in the text, text)."""
    pieces, at = [], 0
    for m in SURE_END.finditer(block):
        word, capital = m.group(1), m.group(3)
        if word.islower() and word not in NOT_A_WORD and capital.isupper():
            pieces.append((paragraph, start + at, block[at:m.start(2)]))
            at = m.end(2)
    pieces.append((paragraph, start + at, block[at:]))
    return pieces


def _segment(batch: list[tuple[int, int, str]]) -> list[list[Sentence]]:
    """pysbd's sentences of each piece of a batch, each located in the text."""
    joined = "\n".join(b[2] for b in batch)
    starts = [0]
    for b in batch[:-1]:
        starts.append(starts[-1] + len(b[2]) + 1)
    found: list[list[Sentence]] = [[] for _ in batch]
    at = 0
    for part in _split(joined):
        for piece in part.split("\n"):  # a piece's end always ends a sentence
            collapsed = collapse(piece)
            if not collapsed:
                continue
            where = joined.find(piece.strip(), at)
            where = where if where >= 0 else at  # pysbd changed it: near enough
            at = where + len(piece.strip())
            index = bisect_right(starts, where) - 1
            paragraph, start, _ = batch[index]
            found[index].append(Sentence(collapsed, start + where - starts[index], paragraph))
    return found


def sentences(text: str) -> list[Sentence]:
    """The text's sentences, paragraph by paragraph, each located in the text.

    A line break inside a paragraph is a space (hard-wrapped text), but for a Markdown heading's
    line, a list item or a quote, which are blocks of their own. A sentence never spans blocks.
    """
    pieces: list[tuple[int, int, str]] = []
    paragraphs = re.finditer(r"(?:(?!\n[ \t\xa0\u3000]*\n).)+", text, re.DOTALL)
    for number, match in enumerate(paragraphs):
        at = match.start()
        for block in _blocks(match.group(0)):
            pieces += _pieces(number, at, block.replace("\n", " "))
            at += len(block) + 1
    found: list[list[Sentence]] = [[] for _ in pieces]
    doubtful = [i for i, piece in enumerate(pieces) if MAYBE_END.search(piece[2].strip())]
    for first in range(0, len(doubtful), BATCH):
        numbers = doubtful[first:first + BATCH]
        for i, segmented in zip(numbers, _segment([pieces[i] for i in numbers]), strict=True):
            found[i] = segmented
    for i, (paragraph, start, piece) in enumerate(pieces):
        if not found[i] and collapse(piece) and not MAYBE_END.search(piece.strip()):
            lead = len(piece) - len(piece.lstrip())
            found[i] = [Sentence(collapse(piece), start + lead, paragraph)]
    return [sentence for sentences_of_piece in found for sentence in sentences_of_piece]


def people(text: str) -> list[Person]:
    """The people named with a term in brackets, once each (the first term given)."""
    found: dict[str, Person] = {}
    ids: set[str] = set()
    for m in RANGE.finditer(text):
        first, second = int(m.group(1)), m.group(2)
        until = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if until <= first or text[m.start() - 1: m.start()] != "(":
            continue
        name = _name_before(text[max(0, m.start() - 120): m.start() - 1])
        if name and name not in found:
            ident = slug(name.split()[-1]) or slug(name) or "person"
            ident = _unique(ident, ids)
            found[name] = Person(ident, name, first, until)
    return list(found.values())


def _name_before(before: str) -> str:
    """The capitalised name that ends `before`, past a "'s Government" and titles."""
    tokens = NAME_TOKEN.findall(before.split("\n")[-1])
    while tokens and tokens[-1].lower().strip(".") in RULE_WORDS:
        tokens.pop()
    if tokens:
        tokens[-1] = re.sub(r"['’]s$", "", tokens[-1])
    name: list[str] = []
    for token in reversed(tokens):
        if not token[0].isupper() or token.lower().strip(".") in TITLES:
            break
        name.insert(0, token)
    if len(name) > 4 or not name or len(name[-1].strip(".")) < 2:
        return ""
    return " ".join(name).strip(",;:")


def _unique(ident: str, taken: set[str]) -> str:
    candidate, number = ident, 2
    while candidate in taken:
        candidate = f"{ident}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def names(sentence: str, person: Person) -> bool:
    """Whether a sentence names the person (in full, or by the last name)."""
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", sentence) for n in person.names)

"""A text in sentences, and the people it gives terms for, for the drafter (see `draft.py`).

Sentences come from pysbd (rule-based: nothing is downloaded), paragraph by paragraph, with where
each one is in the text. People are found where the text gives their term in brackets after the
name: "President Augusto B. Leguía (1919-1930)", "Alberto Fujimori's Government (1990-2000)".
"""

from __future__ import annotations

import re
import unicodedata
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


def sentences(text: str) -> list[Sentence]:
    """The text's sentences, paragraph by paragraph, each located in the text.

    A line break inside a paragraph is a space (hard-wrapped text), but for a Markdown heading's
    line, a list item or a quote, which are blocks of their own.
    """
    found: list[Sentence] = []
    paragraphs = re.finditer(r"(?:(?!\n[ \t\xa0\u3000]*\n).)+", text, re.DOTALL)
    for number, match in enumerate(paragraphs):
        at = match.start()
        for block in _blocks(match.group(0)):
            for part in _split(block.replace("\n", " ")):
                collapsed = collapse(part)
                if collapsed:
                    found.append(Sentence(collapsed, at + len(part) - len(part.lstrip()), number))
                at += len(part)
            at += 1  # the line break the block ended at
    return found


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

"""A bank's source text: its name, finding each fact's cite in it, and cutting it into passages.

A YAML bank may name its source (`source: NAME.txt`, a `.txt` or `.md` file beside the bank's
file) and each fact may `cite:` a phrase of it. A cite is found exactly, after collapsing every
run of whitespace (line breaks included) to one space, in the cite and in the text alike; its
span is the first place it occurs. Pure functions: the loader reads the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .model import Bank, BankError, Fact, Source, Span
from .rules import named
from .said import Said, _m, joined

SOURCE_SUFFIXES = (".txt", ".md")
NOT_SOURCES = (".aiken.txt",)  # question files: never a source
MAX_SOURCE = 1024 * 1024  # bytes a source text may have
WHITESPACE = re.compile(r"\s+")
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")  # a blank line (spaces and the like allowed)
QUOTE_MARKS = str.maketrans("‘’“”", "''\"\"")


def source_name_problem(name: str) -> Said | None:
    """Why `name` cannot name a source file beside the bank, or None when it can."""
    lowered = name.lower()
    if "/" in name or "\\" in name or name.startswith("."):
        return _m("'source' is '%(name)s': name a file beside the bank's file, without folders, "
                  "like 'my-text.txt'", name=name)
    if not lowered.endswith(SOURCE_SUFFIXES) or lowered.endswith(NOT_SOURCES):
        return _m("'source' is '%(name)s': a source text is a .txt or .md file (not a question "
                  "file), like 'my-text.txt'", name=name)
    return None


def _collapsed(text: str) -> tuple[str, list[int]]:
    """The text with every run of whitespace made one space, and where each of its characters
    starts in the original."""
    out: list[str] = []
    where: list[int] = []
    at = 0
    for match in WHITESPACE.finditer(text):
        for i in range(at, match.start()):
            out.append(text[i])
            where.append(i)
        out.append(" ")
        where.append(match.start())
        at = match.end()
    for i in range(at, len(text)):
        out.append(text[i])
        where.append(i)
    return "".join(out), where


@dataclass(frozen=True)
class Finder:
    """A source text made ready to find cites in (collapsed once for all of a bank's facts)."""

    text: str
    collapsed: str
    where: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Finder:
        """The finder of a text."""
        collapsed, where = _collapsed(text)
        return cls(text, collapsed, tuple(where))

    def find(self, quote: str) -> Span | None:
        """Where the quote first occurs (whitespace collapsed), or None; an empty quote is None."""
        wanted = WHITESPACE.sub(" ", quote).strip()
        at = self.collapsed.find(wanted) if wanted else -1
        if at < 0:
            return None
        start = self.where[at]
        last = at + len(wanted) - 1
        end = self.where[last] + 1
        return Span(start, end, self.text.count("\n", 0, start) + 1)

    def near(self, quote: str) -> str | None:
        """The passage that differs from the quote only in capitals or quote marks, if any."""
        wanted = WHITESPACE.sub(" ", quote).strip().translate(QUOTE_MARKS).casefold()
        folded = self.collapsed.translate(QUOTE_MARKS).casefold()
        if not wanted or len(folded) != len(self.collapsed):
            return None  # casefold changed lengths (ß, say): no hint rather than a wrong one
        at = folded.find(wanted)
        return self.collapsed[at: at + len(wanted)] if at >= 0 else None


def find_cite(text: str, quote: str) -> Span | None:
    """Where a quote first occurs in a text, whitespace collapsed in both; None if it does not."""
    return Finder.of(text).find(quote)


def with_source(bank: Bank, source: Source) -> tuple[Bank, list[BankError]]:
    """The bank with its source and each fact's cite found in it; a problem for each cite that is
    not in the text (at the line of its `cite:`)."""
    finder = Finder.of(source.text)
    problems: list[BankError] = []
    facts: list[Fact] = []
    for fact in bank.facts:
        if fact.quote is None:
            facts.append(fact)
            continue
        span = finder.find(fact.quote)
        if span is None:
            near = finder.near(fact.quote)
            hint = (_m("; the text has “%(near)s”, which differs in capitals or quote marks",
                       near=near) if near else
                    _m("; copy the phrase from the text exactly (line breaks and runs of spaces "
                       "count as one space)"))
            problems.append(BankError(bank.path, fact.quote_line, joined(
                [named("fact", fact.id), _m("cite not found in %(source)s%(hint)s",
                                            source=source.name, hint=hint)], ": ")))
        facts.append(replace(fact, cite=span))
    return replace(bank, source=source, facts=tuple(facts)), problems


def without_source(bank: Bank, why: Said) -> list[BankError]:
    """Notes for a bank whose source is not there: the source, then each cite ("no source")."""
    notes = [BankError(bank.path, bank.source_line,
                       _m("source %(name)s: %(why)s; the bank loads without it (no reading page, "
                          "and its cites are not checked)", name=bank.source_name, why=why))]
    notes += [BankError(bank.path, f.quote_line,
                        joined([named("fact", f.id), _m("cite not checked: no source")], ": "))
              for f in bank.facts if f.quote is not None]
    return notes


@dataclass(frozen=True)
class Piece:
    """A run of a paragraph: its text, and the facts whose cites cover it, start or end in it."""

    text: str
    facts: tuple[str, ...] = ()  # ids of the facts whose cite covers this run, in bank order
    starts: tuple[str, ...] = ()  # ids of the facts whose cite begins here
    ends: tuple[str, ...] = ()  # ids of the facts whose cite ends here


def paragraphs(text: str, cites: list[tuple[str, Span]]) -> list[list[Piece]]:
    """The text cut into paragraphs (at blank lines; other line breaks become spaces), each into
    pieces at every cite's start and end, so that overlapping cites need no nesting."""
    out: list[list[Piece]] = []
    for block in _blocks(text):
        start, end = block
        here = [(f, s) for f, s in cites if s.start < end and start < s.end]
        cuts = {start, end}
        for _, span in here:
            cuts.update(c for c in (span.start, span.end) if start < c < end)
        points = sorted(cuts)
        pieces: list[Piece] = []
        for a, b in zip(points, points[1:], strict=False):
            # A cite starts and ends on a character that is not whitespace, so inside a paragraph.
            pieces.append(Piece(
                WHITESPACE.sub(" ", text[a:b]),
                tuple(f for f, s in here if s.start < b and a < s.end),
                tuple(f for f, s in here if s.start == a),
                tuple(f for f, s in here if s.end == b),
            ))
        if pieces:
            out.append(pieces)
    return out


def _blocks(text: str) -> list[tuple[int, int]]:
    """The [start, end) of each paragraph, stripped of the whitespace around it."""
    blocks = []
    at = 0
    for match in [*PARAGRAPH_BREAK.finditer(text), None]:
        stop = match.start() if match else len(text)
        chunk = text[at:stop]
        left = len(chunk) - len(chunk.lstrip())
        right = len(chunk.rstrip())
        if right > left:
            blocks.append((at + left, at + right))
        at = match.end() if match else len(text)
    return blocks

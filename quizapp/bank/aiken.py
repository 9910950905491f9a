"""Aiken files (`*.aiken.txt`): Moodle's plain format of one-answer questions.

    Which ocean does the Panama Canal join to the Atlantic?
    A. The Indian Ocean
    B) The Pacific Ocean
    ANSWER: B

The question text (one line, or several), then options lettered A, B, C... with '.' or ')', then
the ANSWER: line; blank lines between questions are optional. As in Moodle, the space after the
letter may be left out (`A)Paris`); such a line is an option where the next letter is expected,
else text (so "U.S. troops..." in a question's text stays text). A broken question is left out and
listed with its line; the rest of the file loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .imports import Draft, Import
from .model import ParseResult
from .said import Said, _m

OPTION = re.compile(r"([A-Z])[.)](?:[ \t]+(.*))?\Z")
TIGHT_OPTION = re.compile(r"([A-Z])[.)](\S.*)\Z")  # `A)Paris`: no space after the letter
ANSWER = re.compile(r"ANSWER[ \t]*:(.*)\Z")
ANSWER_LETTER = re.compile(r"([A-Za-z])[.)]?\Z")


@dataclass
class _Pending:
    """A question being read: its text lines, then its options."""

    number: int
    line: int
    prompt: list[str] = field(default_factory=list)
    options: list[tuple[str, str, int]] = field(default_factory=list)  # (letter, text, line)


def parse_aiken(text: str, path: str) -> ParseResult:
    """The bank an Aiken text holds, or None; its problems; and (never any) skipped questions."""
    found = Import(path, ".aiken.txt")
    pending: _Pending | None = None
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            continue
        answer, option = ANSWER.match(line), OPTION.match(line) or _tight(line, pending)
        if answer:
            if pending is None:
                found.orphan()  # a stray ANSWER: line
                pending = _Pending(0, number)
            _answer(found, pending, answer.group(1).strip(), number)
            pending = None
            found.between()
        elif option:
            if pending is None:
                found.orphan()  # keeps its options and ANSWER: out of the next question
                pending = _Pending(0, number)
                found.problem(number, _m("an option comes before any question text; the "
                                         "question's text goes on the line above its options"))
            _option(found, pending, option.group(1), option.group(2) or "", number)
        else:
            if pending is not None and pending.options:
                _no_answer(found, pending)
                pending = None
            if pending is None:
                pending = _Pending(found.next_number(), number)
            pending.prompt.append(line)
    if pending is not None:
        _no_answer(found, pending)
    return found.finish()


def _tight(line: str, pending: _Pending | None) -> re.Match[str] | None:
    """`B)Lima` as an option: only after a question's text, and with the letter expected next."""
    match = TIGHT_OPTION.match(line)
    if match is None or pending is None or not pending.prompt:
        return None
    return match if match.group(1) == chr(ord("A") + len(pending.options)) else None


def _option(found: Import, pending: _Pending, letter: str, text: str, line: int) -> None:
    expected = chr(ord("A") + len(pending.options))
    if letter != expected:
        found.problem(line, _m("option %(letter)s comes where option %(expected)s is expected; "
                               "letter the options A, B, C... in order", letter=letter,
                               expected=expected))
    pending.options.append((letter, text.strip(), line))


def _no_answer(found: Import, pending: _Pending) -> None:
    if pending.prompt:
        found.problem(pending.line, _m("the question's options are not followed by an ANSWER: "
                                       "line (write, say, ANSWER: B after the last option)"))


def _answer(found: Import, pending: _Pending, value: str, line: int) -> None:
    """Close a question with its ANSWER: line, whose letter must name one of its options."""
    if not pending.options:
        found.problem(line, _m("ANSWER: comes before any option; list the options (A. ..., "
                               "B. ...) above it"))
        return
    letters = [letter for letter, _, _ in pending.options]
    match = ANSWER_LETTER.match(value)
    letter = match.group(1).upper() if match else ""
    span: Said | str = (letters[0] if len(letters) == 1
                        else _m("%(first)s to %(last)s", first=letters[0], last=letters[-1]))
    if not value:
        found.problem(line, _m("ANSWER: gives no letter; write the letter of the right option "
                               "(%(span)s)", span=span))
        return
    if letter not in letters:
        found.problem(line, _m("ANSWER: %(value)s names no option; the options here are %(span)s",
                               value=value, span=span))
        return
    if not pending.prompt:
        return  # its missing text is reported already
    options = tuple(text for _, text, _ in pending.options)
    found.drafts.append(Draft(
        number=pending.number, line=pending.line, type="choice", prompt="\n".join(pending.prompt),
        options=options, key=(options[letters.index(letter)],),
        option_lines=tuple(n for _, _, n in pending.options),
    ))

"""GIFT files (`*.gift`), Moodle's text format, read as Moodle reads them.

Questions are separated by blank lines. `$CATEGORY: $course$/top/Peru` names a category; `//` starts
a comment line, where `[id:...]` and `[tag:...]` give the next question its id and tags;
`::name::` names a question. Answers sit in braces: `{=right ~wrong}` is a choice question,
`{~%50%a ~%50%b ~%-100%c}` (no `=`) a multiple one, `{T}`/`{FALSE}` true/false, `{>3 ... }` with
one item a line an ordering one (as Moodle's ordering question writes it); `#` starts an
answer's feedback and `####` the explanation. Essay, numerical, matching, short-answer questions
and descriptions are skipped and reported, and so is a broken question (with what is wrong):
they never stop the rest of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .gift_answers import read_answers
from .gift_block import Block
from .gift_text import unescape
from .imports import Import
from .model import ParseResult
from .said import Said, _m

CATEGORY = "$CATEGORY:"
ID_TOKEN = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f])+)\]")
TAG_TOKEN = re.compile(r"\[tag:((?:\\\]|[^\]<>`\x00-\x1f])+)\]")


@dataclass
class Pending:
    """What comment lines said about the next question: its id and tags."""

    qid: str = ""
    tags: list[str] = field(default_factory=list)


def parse_gift(text: str, path: str) -> ParseResult:
    """The bank a GIFT text holds, or None; its problems; and the questions it skipped."""
    found = Import(path, ".gift")
    pending = Pending()
    for content, comments in _blocks(text):
        for comment in comments:
            _read_comment(comment, pending)
        if content:
            block = Block("\n".join(t for _, t in content), _starts(content),
                          [n for n, _ in content])
            if _read_block(found, block, pending):
                pending = Pending()
    return found.finish()


def _blocks(text: str) -> list[tuple[list[tuple[int, str]], list[str]]]:
    """Each block's (line, text) lines and its comment lines, lines trimmed as Moodle does."""
    blocks: list[tuple[list[tuple[int, str]], list[str]]] = []
    content: list[tuple[int, str]] = []
    comments: list[str] = []
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if line.startswith("//"):
            comments.append(line)
        elif line:
            content.append((number, line))
        elif content or comments:
            blocks.append((content, comments))
            content, comments = [], []
    if content or comments:
        blocks.append((content, comments))
    return blocks


def _starts(content: list[tuple[int, str]]) -> list[int]:
    starts, offset = [], 0
    for _, line in content:
        starts.append(offset)
        offset += len(line) + 1
    return starts


def _read_comment(comment: str, pending: Pending) -> None:
    qid = ID_TOKEN.search(comment)
    if qid:
        pending.qid = qid.group(1).replace("\\]", "]").strip()
    pending.tags += [t.replace("\\]", "]").strip() for t in TAG_TOKEN.findall(comment)]


def _read_block(found: Import, block: Block, pending: Pending) -> bool:
    """Read a category and/or a question from a block; True when it held a question."""
    start = 0
    if block.text.startswith(CATEGORY):
        # Moodle makes the whole block the category; a question written straight under its
        # category line is far likelier meant as a question, so only the line is taken.
        end = block.text.find("\n")
        found.add_category(block.text[len(CATEGORY):end if end >= 0 else None].strip())
        if end < 0:
            return False
        start = end + 1
    number, line = found.next_number(pending.qid), block.line_at(start)
    name, start = _name(found, block, start)
    found.name(number, pending.qid or name)
    braces = _braces(found, block, start) if start >= 0 else None
    if braces is None:
        return True
    read = read_answers(block, start, braces, number, line)
    if isinstance(read, Said):
        found.skip(line, number, pending.qid or name, read)
        return True
    draft, problems = read
    for at, message in problems:
        found.problem(at, message)
    if draft is not None:
        found.drafts.append(replace(draft, name=pending.qid or name, moodle_name=name,
                                    tags=found.tags(pending.tags)))
    return True


def _name(found: Import, block: Block, start: int) -> tuple[str, int]:
    """The `::name::` that may open a question, and where its text starts (-1 when broken)."""
    text = block.text
    if not (text.startswith("::", start) and block.live[start] and block.live[start + 1]):
        return "", start
    for index in range(start + 2, len(text) - 1):
        if block.live[index] and block.live[index + 1] and text[index:index + 2] == "::":
            return unescape(text[start + 2:index]).strip(), index + 2
    found.problem(block.line_at(start), _m("the question name opened with :: is never closed; "
                                           "write ::name:: before the question's text"))
    return "", -1


def _braces(found: Import, block: Block, start: int) -> tuple[int, int] | None:
    """The offsets of a question's `{` and `}`, (-1, -1) when it has none; None when broken."""
    opening = block.find("{", start)
    stray = block.find("}", start, opening if opening >= 0 else None)
    if stray >= 0:
        found.problem(block.line_at(stray), _m("this } closes no {; write a } in text as \\}"))
        return None
    if opening < 0:
        return -1, -1
    closing = block.find("}", opening + 1)
    if closing < 0:
        found.problem(block.line_at(opening), _m("the { on this line is never closed; end the "
                                                 "answers with } (and keep blank lines out of a "
                                                 "question)"))
        return None
    extra = min((i for i in (block.find("{", closing), block.find("}", closing + 1)) if i >= 0),
                default=-1)
    if extra >= 0:
        found.problem(block.line_at(extra), _m("a question has one set of answers in { }; write "
                                               "a { or } in text as \\{ or \\}"))
        return None
    return opening, closing

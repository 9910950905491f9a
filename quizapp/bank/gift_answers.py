"""What a GIFT question's braces hold: its type, options, key, feedback and explanation."""

from __future__ import annotations

import re

from .gift_block import Block
from .gift_text import clean, is_markup, unescape
from .imports import Draft
from .media import missing_media
from .moodle_ordering import (
    LAYOUT_WORDS,
    MOODLE_DEFAULT_GRADING,
    SELECT_WORDS,
    SHOW_WORDS,
    grading_of,
)
from .said import Said, _m

WEIGHT = re.compile(r"[ \t]*%(-?\d+(?:\.\d+)?)%")
ORDERING = re.compile(r"\s*>\s*(\d+)")  # `{>4 ALL VERTICAL ...`: Moodle's ordering question
WORD = re.compile(r"[ \t]*(\S+)")  # one of its words, on the line of the count
TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
BLANK = "_____"  # where the answers sat, in a "missing word" question, as Moodle shows it
SKIPPED = {
    "description": _m("a description (text with no answers)"),
    "essay": _m("an essay question"),
    "numerical": _m("a numerical question"),
    "matching": _m("a matching question"),
    "shortanswer": _m("a short-answer question"),
}

Problems = list[tuple[int, Said]]


def read_answers(block: Block, start: int, braces: tuple[int, int], number: int, line: int
                 ) -> Said | tuple[Draft | None, Problems]:
    """The question from `start` on: a skipped type's description, or a draft and its problems."""
    opening, closing = braces
    if opening < 0:
        return SKIPPED["description"]
    text = block.text
    after = text[closing + 1:]
    markup = is_markup(text[start:opening])  # the answers are in the question's format
    prompt = clean(text[start:opening] + (BLANK if after.strip() else "") + after)
    missing = missing_media(unescape(text[start:]))  # Moodle writes `<img src\="...">`
    ordering = ORDERING.match(text, opening + 1, closing)
    if ordering:
        draft = Draft(number=number, line=line, type="ordering", prompt=prompt, options=(),
                      key=(), option_lines=(), missing=missing)
        return _ordering(block, ordering.start(1), ordering.group(1), closing, draft, markup)
    end, explanation = _general_feedback(block, opening + 1, closing, markup)
    kind = _kind(block, opening + 1, end)
    if kind in SKIPPED:
        return SKIPPED[kind]
    draft = Draft(number=number, line=line, type="choice", prompt=prompt, options=(), key=(),
                  option_lines=(), explanation=explanation, missing=missing)
    if kind == "truefalse":
        return _true_false(block, opening + 1, end, draft, markup), []
    return _choices(block, opening + 1, end, draft, markup)


def _general_feedback(block: Block, start: int, end: int, markup: bool) -> tuple[int, str]:
    """Where the answers end, and the explanation after the last live `####` (if any)."""
    for index in range(end - 4, start - 1, -1):
        if block.text[index:index + 4] == "####" and all(block.live[index:index + 4]):
            return index, clean(block.text[index + 4:end], markup)
    return end, ""


def _ordering(block: Block, count_at: int, count: str, end: int, draft: Draft, markup: bool
              ) -> tuple[Draft | None, Problems]:
    """`{>4 ALL VERTICAL RELATIVE_NEXT_EXCLUDE_LAST SHOW` then one item a line, in the right order.

    After the count, each of Moodle's words (select, layout, grading, show) may come, in that
    order; the rest of the first line, if any, is the first item. Quipu always shows every item.
    """
    text = block.text
    line_end = text.find("\n", count_at, end)
    line_end = end if line_end < 0 else line_end  # the words are on the line of the count
    at = count_at + len(count)
    grading = MOODLE_DEFAULT_GRADING
    for words in (SELECT_WORDS, LAYOUT_WORDS, None, SHOW_WORDS):
        word = WORD.match(text, at, line_end)
        if word is None:
            break
        token = word.group(1).upper()
        if words is None:
            if grading_of(token) is None:
                continue  # no grading word: try the show word on the same token
            grading = grading_of(token) or grading
        elif token not in words:
            continue
        at = word.end()
    options, lines = [], []
    offset = at
    while offset < end:
        stop = text.find("\n", offset, end)
        stop = end if stop < 0 else stop
        item = clean(text[offset:stop], markup)
        if item:
            options.append(item)
            lines.append(block.line_at(offset))
        offset = stop + 1
    items = tuple(options)
    return Draft(number=draft.number, line=draft.line, type="ordering", prompt=draft.prompt,
                 options=items, key=items, option_lines=tuple(lines), grading=grading,
                 missing=draft.missing), []


def _kind(block: Block, start: int, end: int) -> str:
    """The question type its answers make, decided in the order Moodle decides it."""
    body = block.text[start:end]
    if not body.strip():
        return "essay"
    first = start + len(body) - len(body.lstrip())
    if block.live[first] and block.text[first] == "#":
        return "numerical"
    if block.find("~", start, end) >= 0:
        return "multichoice"
    if block.find("=", start, end) >= 0 and "->" in body:
        return "matching"
    hash_at = block.find("#", start, end)
    token = unescape(block.text[start:hash_at if hash_at >= 0 else end]).strip().upper()
    return "truefalse" if token in TRUE_FALSE else "shortanswer"


def _true_false(block: Block, start: int, end: int, draft: Draft, markup: bool) -> Draft:
    """`{T}` or `{FALSE#wrong feedback#right feedback}` as a choice of True and False."""
    text = block.text
    first = block.find("#", start, end)
    second = block.find("#", first + 1, end) if first >= 0 else -1
    token = unescape(text[start:first if first >= 0 else end]).strip().upper()
    wrong = clean(text[first + 1:second if second >= 0 else end], markup) if first >= 0 else ""
    right = clean(text[second + 1:end], markup) if second >= 0 else ""
    truth = TRUE_FALSE[token]
    line = block.line_at(start)
    return Draft(
        number=draft.number, line=draft.line, type="choice", prompt=draft.prompt,
        options=("True", "False"), key=("True" if truth else "False",), option_lines=(line, line),
        explanation=draft.explanation, feedback=(right, wrong) if truth else (wrong, right),
        missing=draft.missing,
    )


def _choices(block: Block, start: int, end: int, draft: Draft, markup: bool
             ) -> tuple[Draft | None, Problems]:
    """`{=right ~wrong}` (a choice) or `{~%50%a ~%50%b ~%-100%c}` (no `=`: a multiple)."""
    text = block.text
    markers = [i for i in range(start, end) if block.live[i] and text[i] in "~="]
    lead = text[start:markers[0]]
    if lead.strip():
        at = start + len(lead) - len(lead.lstrip())
        return None, [(block.line_at(at), _m("this text comes before the first answer; start "
                                             "each answer with = (right) or ~ (wrong)"))]
    single = any(text[m] == "=" for m in markers)
    options, key, feedback, lines, weights = [], [], [], [], []
    for marker, end_at in zip(markers, [*markers[1:], end], strict=True):
        body_at, weight = marker + 1, 0.0
        found = WEIGHT.match(text, body_at, end_at) if text[marker] == "~" else None
        if found:
            body_at, weight = found.end(), float(found.group(1))
        hash_at = block.find("#", body_at, end_at)
        option = clean(text[body_at:hash_at if hash_at >= 0 else end_at], markup)
        options.append(option)
        feedback.append(clean(text[hash_at + 1:end_at], markup) if hash_at >= 0 else "")
        lines.append(block.line_at(marker))
        weights.append(100.0 if text[marker] == "=" else weight)
        # One right answer is marked =; without any =, each answer of positive weight is right.
        if (text[marker] == "=" or weight >= 100) if single else weight > 0:
            key.append(option)
    return Draft(
        number=draft.number, line=draft.line, type="choice" if single else "multiple",
        prompt=draft.prompt, options=tuple(options), key=tuple(key), option_lines=tuple(lines),
        explanation=draft.explanation, feedback=tuple(feedback), weights=tuple(weights),
        missing=draft.missing,
    ), []
